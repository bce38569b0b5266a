"""CSV interchange: one row per spelling, header ``entity_id,type,canonical_en,lang,variant[,note][,wikidata]``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.errors import UserError
from workbench.glossary.files import read_utf8
from workbench.glossary import rules
from workbench.glossary.model import Entity, Variant
from workbench.glossary.rules import Problem

HEADER = ("entity_id", "type", "canonical_en", "lang", "variant")
OPTIONAL = ("note", "wikidata")


def read_csv(path: str | Path) -> list[Entity]:
    """Entities from a CSV file; every problem (file, line, what to write) in one UserError."""
    entities, problems = check_csv(path)
    if problems:
        raise UserError(rules.report(problems))
    return entities


def check_csv(path: str | Path) -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem of a CSV file (an unreadable file or header is a UserError)."""
    path = Path(path)
    text = read_utf8(path, "a .csv file")
    return check(text, str(path))


def parse(text: str, where: str = "<csv>") -> list[Entity]:
    entities, problems = check(text, where)
    if problems:
        raise UserError(rules.report(problems))
    return entities


def check(text: str, where: str = "<csv>") -> tuple[list[Entity], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(f"{where}: empty file; the first line must be {','.join(HEADER)}") from None
    except csv.Error as exc:
        raise UserError(f"{where}:1: not valid CSV ({exc})") from None
    header = [h.strip() for h in header]
    extra = header[len(HEADER):]
    if tuple(header[: len(HEADER)]) != HEADER or any(h not in OPTIONAL for h in extra) or len(set(extra)) < len(extra):
        raise UserError(f"{where}:1: header must be exactly {','.join(HEADER)} (optionally followed by note, "
                        f"wikidata); found {','.join(header)}")
    columns = {name: i for i, name in enumerate(header)}
    entities: dict[str, Entity] = {}
    problems: list[Problem] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(Problem(where, line, f"{len(row)} fields, expected {len(header)} "
                                                     "(a value with a comma must be in double quotes)"))
                continue
            value = {name: row[i].strip() for name, i in columns.items()}
            entity_id, etype, canonical, lang, text = (value[h] for h in HEADER)
            wikidata = value.get("wikidata") or None
            note = value.get("note") or None
            entity = entities.get(entity_id)
            if entity is None:
                entity = entities[entity_id] = Entity(entity_id, etype, canonical, wikidata=wikidata, note=note,
                                                      line=line)
            else:
                for name, mine, theirs in (("type", entity.type, etype), ("canonical_en", entity.canonical, canonical),
                                           ("note", entity.note, note), ("wikidata", entity.wikidata, wikidata)):
                    if theirs and mine != theirs:
                        problems.append(Problem(where, line, f"entity {entity_id!r}: {name} {theirs!r} differs from "
                                                             f"{mine!r} on line {entity.line}; give the same value "
                                                             "on every row"))
            if not lang and not text:
                continue  # an entity with no spelling yet
            if any(v.lang == lang and v.text == text for v in entity.variants):
                continue
            entity.variants.append(Variant(lang, text, source=where, line=line))
    except csv.Error as exc:
        problems.append(Problem(where, reader.line_num, f"not valid CSV ({exc}); check the double quotes"))
    found = list(entities.values())
    problems.extend(rules.validate(found, where))
    bad = {p.line for p in problems}
    return [e for e in found if e.line not in bad], problems


def dumps(entities: list[Entity]) -> str:
    """The CSV text: one row per spelling (an entity without spellings gets one row with empty lang)."""
    extra = [name for name in OPTIONAL if any(getattr(e, name) for e in entities)]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*HEADER, *extra])
    for entity in entities:
        tail = [getattr(entity, name) or "" for name in extra]
        rows = [(v.lang, v.text) for v in entity.variants] or [("", "")]
        for lang, text in rows:
            writer.writerow([entity.id, entity.type, entity.canonical, lang, text, *tail])
    return out.getvalue()


def write_csv(entities: list[Entity], path: str | Path, force: bool = True) -> None:
    """Write the CSV file atomically (UTF-8, no byte-order mark)."""
    from workbench.store.atomic import AtomicFile

    with AtomicFile(path, force=force, newline="") as handle:
        handle.write(dumps(list(entities)))
