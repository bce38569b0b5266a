"""Loads curated TOML glossaries through the glossary service when it exists, else directly (tomllib).

A thin adapter: the glossary package owns the format and the merge rules; this only lets the demo
and the benchmarks run before (or without) it.
"""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from workbench.clock import now
from workbench.errors import UserError

REPO_GLOSSARIES = Path(__file__).resolve().parents[2] / "glossaries"


def load_glossaries(conn: sqlite3.Connection, paths: list[Path]) -> int:
    """Merge every glossary file into the database; returns the number of entities read."""
    service = _service()
    total = 0
    for path in paths:
        if service is not None:
            read, merge = service
            entities = read(path)
            merge(conn, entities, str(path))
            total += len(entities)
        else:
            total += _load_direct(conn, path)
    return total


def _service():
    try:
        from workbench.glossary import store, toml_format
    except ImportError:
        return None
    read = next((getattr(toml_format, n) for n in ("read_toml", "load", "read", "load_file", "read_file")
                 if callable(getattr(toml_format, n, None))), None)
    merge = getattr(store, "merge_entities", None)
    if read is None or merge is None:
        return None
    return read, merge


def _load_direct(conn: sqlite3.Connection, path: Path) -> int:
    from workbench.align.normal import norm

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: cannot read the glossary ({exc})") from None
    stamp = now()
    count = 0
    for eid, ent in data.items():
        if not isinstance(ent, dict) or "canonical" not in ent:
            continue
        count += 1
        conn.execute(
            """INSERT OR IGNORE INTO entities (id, type, canonical_en, note, origin, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (eid, ent.get("type", "other"), ent["canonical"], ent.get("note"), str(path), stamp, stamp),
        )
        for lang in ("ar", "fr", "en"):
            for text in ent.get(lang, []):
                conn.execute(
                    """INSERT OR IGNORE INTO variants (entity_id, lang, text, norm, source, created_at)
                       VALUES (?, ?, ?, ?, 'file', ?)""",
                    (eid, lang, text, norm(text, lang), stamp),
                )
    return count
