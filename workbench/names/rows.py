"""The one read of the glossary tables: live entities with their spellings, and their fingerprint."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict

Rows = list[tuple[str, str, str, list[tuple[str, str]]]]  # (id, type, canonical, [(lang, text)])


def load_rows(conn: sqlite3.Connection) -> Rows:
    """Every live entity with its live spellings: the one read of the glossary tables."""
    entities = conn.execute(
        """SELECT id, type, canonical_en FROM entities
           WHERE deleted_at IS NULL AND merged_into IS NULL ORDER BY id"""
    ).fetchall()
    spellings: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity_id, lang, text in conn.execute(
        """SELECT v.entity_id, v.lang, v.text FROM variants v JOIN entities e ON e.id = v.entity_id
           WHERE v.deleted_at IS NULL AND e.deleted_at IS NULL AND e.merged_into IS NULL
           ORDER BY v.entity_id, v.id"""
    ):
        spellings[entity_id].append((lang, text))
    return [(eid, etype, canonical, spellings.get(eid, [])) for eid, etype, canonical in entities]


def glossary_signature(conn: sqlite3.Connection) -> str:
    """A short fingerprint of the glossary rows: changes whenever an entity or spelling does."""
    row = conn.execute(
        """SELECT (SELECT count(*) || '/' || coalesce(max(id), 0) || '/' || count(deleted_at) FROM variants),
                  (SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || count(deleted_at)
                          || '/' || count(merged_into) FROM entities)"""
    ).fetchone()
    return hashlib.sha1("|".join(map(str, row)).encode()).hexdigest()[:16]
