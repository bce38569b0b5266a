"""Writes learned spellings back into the curated TOML files, as a minimal diff.

Each learned spelling is appended at the end of its language list in the file that defines its
entity, with a trailing ``# learned <date> <user>`` comment; nothing else in the file moves. An
entity no file defines is appended as a new table (to ``new_into``), and so is each non-name
dismissed in review (a ``[[not_a_name]]`` table marked ``# dismissed <date> <user>``). Files are validated before
they are written, and written atomically; the spellings are then no longer marked learned.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from workbench.clock import now
from workbench.config import current_user
from workbench.errors import UserError
from workbench.glossary import not_names
from workbench.glossary.model import VARIANT_LANGS, Entity, NotName, Variant
from workbench.glossary.store import mark_written_back
from workbench.store.db import transaction
from workbench.glossary.formats.toml import (KEYS, _KEY, _STRING, _strip_comment, check_claims, entity_lines,
                                             not_name_conflicts, not_name_lines, parse_file, quote)
from workbench.names.normalize import normalize

_HEADER_LINE = re.compile(r"^\s*\[")


@dataclass
class WriteBackReport:
    """What a write-back did."""

    written: int = 0  # spellings added to files
    already: int = 0  # learned spellings (and non-names) a file already had
    new_entities: int = 0
    not_names: int = 0  # non-names added to files
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not (self.written or self.already or self.skipped or self.not_names):
            return "nothing to write: no learned spelling in the database"
        parts = [f"{self.written} learned spelling(s) written"]
        if self.new_entities:
            parts.append(f"{self.new_entities} new entit{'y' if self.new_entities == 1 else 'ies'}")
        if self.not_names:
            parts.append(f"{self.not_names} non-name(s)")
        if self.already:
            parts.append(f"{self.already} already in the files")
        if self.files:
            parts.append("to " + ", ".join(self.files))
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return "; ".join(parts)


@dataclass
class _File:
    path: Path
    lines: list[str]
    entities: dict[str, Entity]
    not_names: list[NotName] = field(default_factory=list)
    inserts: dict[int, list[str]] = field(default_factory=dict)  # before line index -> new lines
    replaced: dict[int, list[str]] = field(default_factory=dict)
    appended: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.inserts or self.replaced or self.appended)

    def text(self) -> str:
        out: list[str] = []
        for index, line in enumerate(self.lines):
            out.extend(self.inserts.get(index, []))
            out.extend(self.replaced.get(index, [line]))
        out.extend(self.inserts.get(len(self.lines), []))
        if self.appended:
            while out and not out[-1].strip():
                out.pop()
            if out:
                out.append("")
            out.extend(self.appended)
        return "\n".join(out) + "\n"


def _learned(conn: sqlite3.Connection) -> list[tuple[int, str, str, str, str, str]]:
    """(variant id, entity id, lang, text, date, user) of every learned spelling of a live entity."""
    rows = conn.execute(
        """SELECT v.id, v.entity_id, v.lang, v.text, v.created_at,
                  (SELECT d.user FROM decisions d WHERE d.target = 'variant' AND d.target_id = CAST(v.id AS TEXT)
                   ORDER BY d.id DESC LIMIT 1)
           FROM variants v JOIN entities e ON e.id = v.entity_id
           WHERE v.learned = 1 AND v.deleted_at IS NULL AND e.deleted_at IS NULL
           ORDER BY v.entity_id, v.id"""
    ).fetchall()
    fallback = current_user()
    return [(vid, eid, lang, text, (created or now())[:10], _clean_user(user or fallback))
            for vid, eid, lang, text, created, user in rows]


def _clean_user(user: str) -> str:
    return re.sub(r"\s+", "_", user.strip()) or "analyst"


def _load(folder: Path) -> list[_File]:
    files = []
    for path in sorted(folder.glob("*.toml")):
        text = path.read_text(encoding="utf-8-sig")
        parsed = parse_file(text, path)
        if parsed.problems:
            raise UserError(f"{parsed.problems[0]}; fix the file before writing learned spellings back")
        for entity in parsed.entities:
            for variant in entity.variants:
                variant.source = str(path)
        files.append(_File(path, text.splitlines(), {e.id: e for e in parsed.entities}, parsed.not_names))
    return files


def _table_span(lines: list[str], start: int) -> int:
    """Index just past the last line of the table whose header is at ``start`` (blank lines and
    comments before the next table belong to what follows)."""
    last = start + 1
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith("["):
            break
        if stripped and not stripped.startswith("#"):
            last = index + 1
    return last


def _key_spans(lines: list[str], start: int, stop: int) -> dict[str, tuple[int, int]]:
    """Key -> (first line index, last line index) of its value inside one table."""
    spans: dict[str, tuple[int, int]] = {}
    index = start + 1
    while index < stop:
        code = _strip_comment(lines[index])
        key = _KEY.match(code)
        if key:
            name = key.group(1) if key.group(1) is not None else key.group(2)
            rest = _STRING.sub("", code[key.end():])
            first = index
            if rest.lstrip().startswith("[") and "]" not in rest:
                while index + 1 < stop and "]" not in _STRING.sub("", _strip_comment(lines[index + 1])):
                    index += 1
                index += 1
            spans[name] = (first, index)
        index += 1
    return spans


def _add_spelling(file: _File, entity_id: str, lang: str, text: str, comment: str) -> None:
    lines = file.lines
    start = next(i for i, line in enumerate(lines)
                 if _HEADER_LINE.match(line) and _table_name(line) == entity_id)
    stop = _table_span(lines, start)
    spans = _key_spans(lines, start, stop)
    entry = f"  {quote(text)},  {comment}"
    if lang in spans:
        first, last = spans[lang]
        if first == last:  # a one-line list: spell it out, one spelling per line
            values = [v.text for v in file.entities[entity_id].variants if v.lang == lang]
            file.replaced[first] = [f"{lang} = ["] + [f"  {quote(v)}," for v in values] + [entry, "]"]
            file.entities[entity_id].variants.append(Variant(lang, text))
            return
        file.inserts.setdefault(last, []).append(entry)
        return
    order = KEYS.index(lang)
    before = [spans[k][1] for k in KEYS[:order] if k in spans]
    at = (max(before) if before else start) + 1
    file.inserts.setdefault(at, []).extend([f"{lang} = [", entry, "]"])
    spans[lang] = (at, at)  # a second spelling of this language goes before the same "]"


def _table_name(line: str) -> str:
    inner = line.strip()[1:].split("]", 1)[0].strip()
    return inner.strip('"').strip("'")


def write_back(conn: sqlite3.Connection, folder: str | Path | None = None, new_into: str | Path | None = None,
               dry_run: bool = False) -> WriteBackReport:
    """Append every learned spelling to the glossary files in ``folder`` (default: the curated glossary's
    folder); see the module docstring."""
    if folder is None:
        from workbench.glossary.bundled import BUNDLED_DIR

        folder = BUNDLED_DIR
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder; pass --dir with the folder of the glossary files")
    report = WriteBackReport()
    learned = _learned(conn)
    dismissed = not_names.learned(conn)
    if not learned and not dismissed:
        return report
    files = _load(folder)
    owner_file = {eid: f for f in files for eid in f.entities}
    claims: dict[tuple[str, str], str] = {
        (v.lang, normalize(v.text, v.lang)): e.id for f in files for e in f.entities.values() for v in e.variants}
    if new_into is not None:
        target = Path(new_into)
    elif len(files) == 1:
        target = files[0].path
    else:
        target = folder / "learned.toml"
    done: list[int] = []
    new_tables: dict[str, list[tuple[Variant, str]]] = {}
    for vid, entity_id, lang, text, date, user in learned:
        comment = f"# learned {date} {user}"
        file = owner_file.get(entity_id)
        held = claims.get((lang, normalize(text, lang)))
        if held is not None and held != entity_id:
            report.skipped.append(f"\"{text}\" ({lang}) of \"{entity_id}\": the files give it to \"{held}\"")
            continue
        if file is None:
            new_tables.setdefault(entity_id, []).append((Variant(lang, text, learned=True), comment))
            claims[(lang, normalize(text, lang))] = entity_id
            done.append(vid)
            continue
        entity = file.entities[entity_id]
        if any(v.lang == lang and v.text == text for v in entity.variants):
            report.already += 1
            done.append(vid)
            continue
        _add_spelling(file, entity_id, lang, text, comment)
        entity.variants.append(Variant(lang, text))
        claims[(lang, normalize(text, lang))] = entity_id
        report.written += 1
        done.append(vid)
    if new_tables:
        target_file = _target_file(files, target)
        for entity_id, spellings in new_tables.items():
            entity = _db_entity(conn, entity_id)
            known = {(v.lang, v.text) for v, _ in spellings}
            entity.variants = [v for v in entity.variants if (v.lang, v.text) not in known] + [v for v, _ in spellings]
            comments = {id(v): c[2:] for v, c in spellings}
            target_file.appended.extend(([""] if target_file.appended else []) + entity_lines(entity, comments))
            report.new_entities += 1
            report.written += len(spellings)
    done_not_names = _add_not_names(files, target, dismissed, claims, report)
    changed = [f for f in files if f.changed]
    texts = {f.path: f.text() for f in changed}
    everything: list[Entity] = []
    listed: list[NotName] = []
    for f in files:
        parsed = parse_file(texts.get(f.path, "\n".join(f.lines) + "\n"), f.path)
        if parsed.problems:
            raise UserError(f"{parsed.problems[0]}; write-back stopped, nothing was written")
        for entity in parsed.entities:
            for variant in entity.variants:
                variant.source = str(f.path)
        everything.extend(parsed.entities)
        listed.extend(parsed.not_names)
    problems = check_claims(everything) + not_name_conflicts(everything, listed)
    if problems:
        raise UserError(f"{problems[0]}; write-back stopped, nothing was written")
    report.files = [str(f.path) for f in changed]
    if dry_run:
        return report
    with transaction(conn):  # the files are written inside it: a failed write leaves the spellings learned
        mark_written_back(conn, done, str(folder),
                          {"files": report.files, "written": report.written, "already": report.already})
        not_names.mark_written_back(conn, done_not_names)
        from workbench.store.atomic import AtomicFile

        for path, text in texts.items():
            with AtomicFile(path, force=True) as handle:
                handle.write(text)
    return report


def _target_file(files: list[_File], target: Path) -> _File:
    """The file new tables are appended to (a new file is started when none is there)."""
    found = next((f for f in files if f.path == target), None)
    if found is None:
        existing = target.read_text(encoding="utf-8").splitlines() if target.exists() else [
            "# Learned glossary entries written by workbench.", "# Format: docs/glossary-format.md."]
        found = _File(target, existing, {})
        files.append(found)
    return found


def _add_not_names(files: list[_File], target: Path, dismissed: list[tuple[NotName, str, str | None]],
                   claims: dict[tuple[str, str], str], report: WriteBackReport) -> list[NotName]:
    """Append the non-names dismissed in review that no file lists; those now in the files."""
    listed = {(n.lang, normalize(n.spelling, n.lang)) for f in files for n in f.not_names}
    done: list[NotName] = []
    for item, date, user in dismissed:
        slot = (item.lang, normalize(item.spelling, item.lang))
        if slot in listed:
            report.already += 1
            done.append(item)
            continue
        if slot in claims:
            report.skipped.append(f"non-name \"{item.spelling}\" ({item.lang}): the files give it to "
                                  f"\"{claims[slot]}\"")
            continue
        appended = _target_file(files, target).appended
        appended.extend(([""] if appended else []) + not_name_lines(item, f"dismissed {date} "
                                                                         f"{_clean_user(user or current_user())}"))
        listed.add(slot)
        report.not_names += 1
        done.append(item)
    return done


def _db_entity(conn: sqlite3.Connection, entity_id: str) -> Entity:
    from workbench.glossary.store import get_entity

    entity = get_entity(conn, entity_id)
    if entity is None:  # cannot happen: learned spellings come from live entities
        raise UserError(f"entity {entity_id!r} vanished during write-back")
    entity.variants = [v for v in entity.variants if v.lang in VARIANT_LANGS and not v.learned]
    return entity
