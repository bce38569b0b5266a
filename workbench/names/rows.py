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


_SPELLING = "entity_id || '/' || lang || '/' || text || '/' || coalesce(deleted_at, '')"
"""One spelling row as ``glossary_state`` records the newest."""


def glossary_state(conn: sqlite3.Connection) -> tuple[int, int, int, str, str]:
    """What the glossary signature is made of: spellings (count, highest id, deleted), the entities'
    counts and latest change (one string), and the newest spelling itself: a rolled-back write (a
    decision's preview) hands its row id out again, so counts and ids alone would give a later,
    different spelling the fingerprint of the one rolled back."""
    row = conn.execute(
        f"""SELECT (SELECT count(*) FROM variants), (SELECT coalesce(max(id), 0) FROM variants),
                  (SELECT count(deleted_at) FROM variants),
                  (SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/' || count(deleted_at)
                          || '/' || count(merged_into) FROM entities),
                  coalesce((SELECT {_SPELLING} FROM variants ORDER BY id DESC LIMIT 1), '')"""
    ).fetchone()
    return tuple(row)


def spelling_at(conn: sqlite3.Connection, variant_id: int) -> str:
    """The spelling with this id as ``glossary_state`` records the newest ('' when there is none)."""
    row = conn.execute(f"SELECT {_SPELLING} FROM variants WHERE id = ?", (variant_id,)).fetchone()
    return row[0] if row else ""


def signature_of(state: tuple) -> str:
    """A short fingerprint of a ``glossary_state``: changes whenever an entity or spelling does."""
    spellings = "/".join(map(str, state[:3]))
    return hashlib.sha1(f"{spellings}|{state[3]}|{state[4]}".encode()).hexdigest()[:16]


def glossary_signature(conn: sqlite3.Connection) -> str:
    """A short fingerprint of the glossary rows: changes whenever an entity or spelling does."""
    return signature_of(glossary_state(conn))


def spellings_after(conn: sqlite3.Connection, variant_id: int) -> list[tuple[str, str, str]]:
    """Live spellings of live entities added after ``variant_id``: (entity id, lang, text), in id order."""
    return conn.execute(
        """SELECT v.entity_id, v.lang, v.text FROM variants v JOIN entities e ON e.id = v.entity_id
           WHERE v.id > ? AND v.deleted_at IS NULL AND e.deleted_at IS NULL AND e.merged_into IS NULL
           ORDER BY v.id""", (variant_id,)).fetchall()
