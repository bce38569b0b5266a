"""The glossary's rules, in one place: ids, types, languages, text, lengths and who holds a spelling.

Every reader (TOML, CSV, TBX, OmegaT) and the glossary service check entities here, so a file is
judged the same whatever its format. Each problem says where, what is wrong and what to write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.glossary.model import ENTITY_TYPES, VARIANT_LANGS, Entity, Variant

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
MAX_ID = 100
MAX_SPELLING = 300  # spellings and canonical names
MAX_NOTE = 2000
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Problem:
    """One problem: file, line (or entry), what is wrong and what to write instead."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def clean(text: str) -> str:
    """Text as the glossary keeps it: white space runs (tabs, line breaks too) as one space, trimmed."""
    return " ".join(text.split())


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def is_latin(text: str) -> bool:
    """True for a name in Latin script: some Latin letter, no Arabic letter (an English canonical name)."""
    return not has_arabic(text) and any(ch.isalpha() and "LATIN" in unicodedata.name(ch, "") for ch in text)


def suggest_id(text: str) -> str:
    """An id in the glossary's form made from ``text`` (empty when it has no Latin letter or digit)."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    made = "-".join(re.findall(r"[a-z0-9]+", ascii_only))
    if len(made) > MAX_ID:
        made = made[:MAX_ID].rstrip("-")
    return made


def id_problem(entity_id: str | None, canonical: str = "") -> str | None:
    """What is wrong with an entity id (with a valid suggestion), or None."""
    hint = suggest_id(entity_id or "") or suggest_id(canonical)
    instead = f'; write "{hint}" instead' if hint and hint != entity_id else ""
    if not entity_id:
        return "missing entity id" + (f'; give it one such as "{hint}"' if hint else
                                      "; give it one of lowercase letters a-z, digits and single hyphens")
    if len(entity_id) > MAX_ID:
        return f"entity id is {len(entity_id)} characters long, at most {MAX_ID}{instead}"
    if not ID_RE.match(entity_id):
        return (f'bad entity id "{entity_id}": use lowercase letters a-z, digits and single hyphens'
                + instead)
    return None


def type_problem(etype) -> str | None:
    if etype in ENTITY_TYPES:
        return None
    shown = "no type" if etype in (None, "") else f'unknown type "{etype}"'
    return f"{shown} (expected {', '.join(ENTITY_TYPES)})"


def lang_problem(lang) -> str | None:
    if lang in VARIANT_LANGS:
        return None
    shown = "no language" if lang in (None, "") else f'unknown language "{lang}"'
    return f"{shown} (expected {', '.join(VARIANT_LANGS)})"


def _bad_char(text: str) -> str | None:
    for ch in text:
        if unicodedata.category(ch) == "Cc":
            return f"a control character (U+{ord(ch):04X})"
    return None


def text_problem(text, what: str, limit: int = MAX_SPELLING) -> str | None:
    """What is wrong with a spelling, canonical name or note (given before ``clean``), or None."""
    if not isinstance(text, str):
        return f"{what} {text!r} is not text"
    bad = _bad_char(text.replace("\t", " ").replace("\n", " ").replace("\r", " "))
    if bad:
        return f"{what} {clean(text)!r} contains {bad}; remove it"
    text = clean(text)
    if not text:
        return f"empty {what}"
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        return f"{what} {text!r} has no letter or digit (only invisible or punctuation characters); remove it"
    if len(text) > limit:
        return f"{what} is {len(text)} characters long, at most {limit}; shorten it"
    return None


def spelling_problem(lang: str, text: str) -> str | None:
    """What is wrong with one spelling in ``lang`` (language, characters, length, script), or None."""
    wrong = lang_problem(lang) or text_problem(text, "spelling")
    if wrong:
        return wrong
    text = clean(text)
    if (lang == "ar") != has_arabic(text):
        wanted = "has no Arabic letters" if lang == "ar" else "is in Arabic script"
        right = "fr or en" if lang == "ar" else "ar"
        return f'"{text}" in "{lang}" {wanted}; move it to {right}'
    from workbench.names.normalize import normalize

    if not normalize(text, lang):
        return f'"{text}" ({lang}) has no letters to match on; remove it'
    return None


def canonical_problem(canonical) -> str | None:
    wrong = text_problem(canonical, "canonical name")
    if wrong:
        return wrong
    if not is_latin(canonical):
        return f'canonical name "{clean(canonical)}" is not in Latin script; give the English name'
    return None


def wikidata_problem(wikidata) -> str | None:
    if wikidata in (None, ""):
        return None
    if not isinstance(wikidata, str) or not WIKIDATA_RE.match(wikidata):
        return f'wikidata "{wikidata}" is not a Q number such as Q2429253'
    return None


def note_problem(note) -> str | None:
    if note in (None, ""):
        return None
    return text_problem(note, "note", MAX_NOTE)


def entity_problems(entity: Entity, lines: dict[str, int] | None = None) -> list[tuple[int | None, str]]:
    """(line, message) for everything wrong with one entity on its own; cleans its text in place.

    ``lines`` gives the line of a field ("type", "canonical", "wikidata", "note") when known.
    """
    out: list[tuple[int | None, str]] = []
    lines = lines or {}
    name = f'entity "{entity.id}": ' if entity.id else ""
    wrong = id_problem(entity.id, entity.canonical if isinstance(entity.canonical, str) else "")
    if wrong:
        out.append((entity.line, wrong))
    for key, check, value in (("type", type_problem, entity.type), ("canonical", canonical_problem, entity.canonical),
                              ("wikidata", wikidata_problem, entity.wikidata), ("note", note_problem, entity.note)):
        wrong = check(value)
        if wrong:
            out.append((lines.get(key, entity.line), name + wrong))
    if isinstance(entity.canonical, str):
        entity.canonical = clean(entity.canonical)
    if isinstance(entity.note, str):
        entity.note = clean(entity.note) or None
    entity.wikidata = entity.wikidata or None
    kept: list[Variant] = []
    for variant in entity.variants:
        wrong = spelling_problem(variant.lang, variant.text)
        if wrong:
            out.append((variant.line or entity.line, name + wrong))
            continue
        variant.text = clean(variant.text)
        if not any(v.lang == variant.lang and v.text == variant.text for v in kept):
            kept.append(variant)
    entity.variants = kept
    return out


def claims_problems(entities: Iterable[Entity], where: str = "", unit: str = "line") -> list[Problem]:
    """Duplicate ids, and spellings held by two entities (same language and normal form)."""
    from workbench.names.normalize import normalize

    problems: list[Problem] = []
    ids: dict[str, Entity] = {}
    owners: dict[tuple[str, str], tuple[Entity, Variant]] = {}
    for entity in entities:
        src = where or _source(entity)
        if entity.id in ids:
            first = ids[entity.id]
            at = f"{unit} {first.line}" if _source(first) == src or where else f"{_source(first)}:{first.line}"
            problems.append(Problem(src, entity.line, f'duplicate entity id "{entity.id}" (also at {at}); '
                                                      "rename or merge one of them"))
            continue
        ids[entity.id] = entity
        for variant in entity.variants:
            claim = (variant.lang, normalize(variant.text, variant.lang))
            held = owners.get(claim)
            if held is None:
                owners[claim] = (entity, variant)
            elif held[0].id != entity.id:
                other, first = held
                other_src = where or _source(other)
                at = f"{unit} {first.line}" if other_src == src else f"{other_src}:{first.line}"
                if first.text != variant.text:
                    at += f', as "{first.text}"'
                problems.append(Problem(
                    where or variant.source or src, variant.line or entity.line,
                    f'"{variant.text}" ({variant.lang}) is claimed by "{other.id}" ({at}) and "{entity.id}"; '
                    "keep it in one entity only"))
    return problems


def _source(entity: Entity) -> str:
    return next((v.source for v in entity.variants if v.source), "") or "<glossary>"


def validate(entities: list[Entity], where: str, unit: str = "line") -> list[Problem]:
    """Every problem of the entities read from one file (each entity alone, then ids and claims).

    Text is cleaned in place. ``unit`` names what ``Entity.line`` counts ("line", "entry").
    """
    problems: list[Problem] = []
    fine: list[Entity] = []
    for entity in entities:
        found = entity_problems(entity)
        problems.extend(at(where, line, message, unit) for line, message in found)
        if not any(m.startswith(("bad entity id", "missing entity id", "entity id is")) for _, m in found):
            fine.append(entity)
    problems.extend(at(p.path, p.line, p.message, unit) for p in claims_problems(fine, where, unit))
    return problems


def at(where: str, line: int | None, message: str, unit: str = "line") -> Problem:
    """A problem at ``line`` of a file, or at entry ``line`` for formats counted in entries."""
    if unit == "line" or line is None:
        return Problem(where, line, message)
    return Problem(where, None, f"{unit} {line}: {message}")


def report(problems: list[Problem], what: str = "nothing was imported") -> str:
    """One message listing every problem (sorted by line) for a UserError."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0))
    if len(ordered) == 1:
        return f"{ordered[0]}; {what}"
    return f"{len(ordered)} problems, {what}:\n" + "\n".join(f"  {p}" for p in ordered)
