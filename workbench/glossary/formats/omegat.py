"""OmegaT glossaries: tab-separated source term, target term, comment; one file per source language.

Each Arabic (or French) spelling of an entity is a source term, its canonical English name the
target, and the comment ``entity-id (type)`` followed by ``; also: A | B`` for the other English
spellings. OmegaT reads the ``-*- coding: utf-8 -*-`` comment on the first line as the encoding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import UserError
from workbench.glossary.files import read_utf8
from workbench.glossary.model import TYPES, Entity, Variant
from workbench.glossary.formats.tbx import entity_id, finish, slug

SUFFIXES = (".txt", ".tab", ".utf8")
SOURCE_LANGS = ("ar", "fr")
HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
ALSO = "; also: "
_COMMENT = re.compile(r"^(?P<id>[^\s()]+) \((?P<type>[a-z]+)\)(?:; also: (?P<also>.*))?$")
_MARKER = re.compile(r"(?:^|[._-])(ar|fr)$", re.IGNORECASE)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _clean(text: str) -> str:
    """A cell: tabs and line breaks would break the format, so white space runs become one space."""
    return " ".join(text.split())


def language_of(path: str | Path) -> str | None:
    """The source language a file name declares: ``names.ar.txt``, ``names-fr.txt``, ``ar.txt``."""
    found = _MARKER.search(Path(path).stem)
    return found.group(1).lower() if found else None


def targets(path: str | Path, langs: Iterable[str] | None = None) -> list[tuple[str, Path]]:
    """(language, file) pairs a write produces.

    A name that declares its language gives that one file; otherwise one file per source language
    is written beside it: ``names.txt`` -> ``names.ar.txt`` and ``names.fr.txt``.
    """
    path = Path(path)
    declared = language_of(path)
    if langs is None:
        langs = (declared,) if declared else SOURCE_LANGS
    langs = list(langs)
    if declared and langs == [declared]:
        return [(declared, path)]
    suffix = path.suffix or ".txt"
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return [(lang, path.with_name(f"{stem}.{lang}{suffix}")) for lang in langs]


def lines(entities: Iterable[Entity], lang: str) -> list[str]:
    """The file's lines for source language ``lang``: header comments, then one line per spelling."""
    out = [HEADER, f"# workbench glossary: {lang} -> en; columns: {lang} term, canonical English, "
                   "entity id (type); also: other English spellings"]
    for entity in entities:
        canonical = _clean(entity.canonical)
        others = [_clean(v.text) for v in entity.variants if v.lang == "en" and _clean(v.text) != canonical]
        comment = f"{entity.id} ({entity.type})"
        if others:
            comment += ALSO + " | ".join(dict.fromkeys(others))
        for variant in entity.variants:
            if variant.lang == lang and _clean(variant.text):
                out.append(f"{_clean(variant.text)}\t{canonical}\t{comment}")
    return out


def write_omegat(entities: Iterable[Entity], path: str | Path, force: bool = False,
                 langs: Iterable[str] | None = None) -> list[Path]:
    """Write the OmegaT glossary file(s) atomically (all or none); returns the files written."""
    from workbench.store.atomic import atomic_write_many

    entities = list(entities)
    plan = targets(path, langs)
    for lang, _ in plan:
        if lang not in SOURCE_LANGS:
            raise UserError(f"{path}: OmegaT glossaries are written for source languages ar and fr, not {lang!r}")
    with atomic_write_many([p for _, p in plan], force=force) as handles:
        for (lang, _), handle in zip(plan, handles):
            handle.write("\n".join(lines(entities, lang)) + "\n")
    return [p for _, p in plan]


def read_omegat(path: str | Path) -> list[Entity]:
    """Entities from one OmegaT tab-separated glossary.

    The source language is the one the file name declares, else each term's script (Arabic script
    -> ar, anything else -> fr). Comments written by workbench give the entity id and type; for
    other files the id is made from the English term and the type is ``other``.
    """
    path = Path(path)
    text = read_utf8(path, "an OmegaT glossary file (.txt, .tab, .utf8)")
    declared = language_of(path)
    entities: dict[str, Entity] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise UserError(f"{path}:{number}: expected a source term, a tab and an English term; found {line!r}")
        source, english = cells[0], cells[1]
        comment = cells[2] if len(cells) > 2 else ""
        lang = declared or ("ar" if _ARABIC.search(source) else "fr")
        parsed = _COMMENT.match(comment)
        where = f"{path}:{number}"
        if parsed and parsed["type"] in TYPES:
            ident = entity_id(parsed["id"], english, where)
            etype = parsed["type"]
            also = [a.strip() for a in (parsed["also"] or "").split(" | ") if a.strip()]
        else:
            ident, etype, also = entity_id(slug(english), english, where), "other", []
        entity = entities.get(ident)
        if entity is None:
            entity = entities[ident] = Entity(ident, etype, english, line=number)
            _add(entity, "en", english, path, number)
        elif entity.canonical != english:
            raise UserError(f"{where}: entity {ident!r} has the English {english!r} here but "
                            f"{entity.canonical!r} on line {entity.line}; use one canonical name")
        for other in also:
            _add(entity, "en", other, path, number)
        _add(entity, lang, source, path, number)
    return finish(list(entities.values()), str(path), unit="line")


def _add(entity: Entity, lang: str, text: str, path: Path, number: int) -> None:
    if not any(v.lang == lang and v.text == text for v in entity.variants):
        entity.variants.append(Variant(lang, text, source=str(path), line=number))
