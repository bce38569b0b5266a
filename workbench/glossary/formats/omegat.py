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
from workbench.glossary import rules
from workbench.glossary.model import ENTITY_TYPES, Entity, Variant
from workbench.glossary.rules import Problem

SUFFIXES = (".txt", ".tab", ".utf8")
SOURCE_LANGS = ("ar", "fr")
HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
ALSO = "; also: "
ONLY = ", canonical only"  # after the type: the canonical name is not one of the English spellings
_COMMENT = re.compile(r"^(?P<id>[^\s()]+) \((?P<type>[a-z]+)(?P<only>, canonical only)?\)"
                      r"(?:; also: (?P<also>.*?))?(?:; wikidata: (?P<wikidata>\S+))?(?:; note: (?P<note>.*))?$")
_MARKER = re.compile(r"(?:^|[._-])(ar|fr)$", re.IGNORECASE)


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
        listed = any(v.lang == "en" and _clean(v.text) == canonical for v in entity.variants)
        comment = f"{entity.id} ({entity.type}{'' if listed else ONLY})"
        if others:
            comment += ALSO + " | ".join(dict.fromkeys(others))
        if entity.wikidata:
            comment += f"; wikidata: {entity.wikidata}"
        if entity.note:
            comment += f"; note: {_clean(entity.note)}"
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
    """Entities from one OmegaT tab-separated glossary; every problem in one UserError."""
    entities, problems = check_omegat(path)
    if problems:
        raise UserError(rules.report(problems))
    return entities


def check_omegat(path: str | Path) -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem of one OmegaT tab-separated glossary.

    The source language is the one the file name declares, else each term's script (Arabic script
    -> ar, anything else -> fr). The comment (third column) gives the entity: ``id (type)``, then
    optionally ``; also: A | B`` (other English spellings), ``; wikidata: Q..`` and ``; note: ...``.
    """
    path = Path(path)
    text = read_utf8(path, "an OmegaT glossary file (.txt, .tab, .utf8)")
    declared = language_of(path)
    entities: dict[str, Entity] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            problems.append(Problem(str(path), number, f"expected a source term, a tab and an English term; "
                                                       f"found {line!r}"))
            continue
        source, english = cells[0], cells[1]
        comment = cells[2] if len(cells) > 2 else ""
        lang = declared or ("ar" if rules.has_arabic(source) else "fr")
        parsed = _COMMENT.match(comment)
        if not parsed:
            hint = rules.suggest_id(english) or "entity-id"
            problems.append(Problem(str(path), number, f"the third column must name the entity as "
                                                       f"\"ID (TYPE)\", such as \"{hint} (place)\" "
                                                       f"(TYPE: {', '.join(ENTITY_TYPES)}); found {comment!r}"))
            continue
        ident, etype = parsed["id"], parsed["type"]
        also = [a.strip() for a in (parsed["also"] or "").split(" | ") if a.strip()]
        entity = entities.get(ident)
        if entity is None:
            entity = entities[ident] = Entity(ident, etype, english, wikidata=parsed["wikidata"],
                                              note=parsed["note"], line=number)
            if not parsed["only"]:
                _add(entity, "en", english, path, number)
        else:
            for name, mine, theirs in (("English term", entity.canonical, english), ("type", entity.type, etype),
                                       ("wikidata", entity.wikidata, parsed["wikidata"]),
                                       ("note", entity.note, parsed["note"])):
                if mine != theirs:
                    problems.append(Problem(str(path), number, f"entity {ident!r} has the {name} {theirs!r} here "
                                                               f"but {mine!r} on line {entity.line}; give the same "
                                                               "on every line"))
        for other in also:
            _add(entity, "en", other, path, number)
        _add(entity, lang, source, path, number)
    found = list(entities.values())
    problems.extend(rules.validate(found, str(path)))
    return found, problems


def _add(entity: Entity, lang: str, text: str, path: Path, number: int) -> None:
    if not any(v.lang == lang and v.text == text for v in entity.variants):
        entity.variants.append(Variant(lang, text, source=str(path), line=number))
