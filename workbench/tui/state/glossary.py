"""The glossary as the screen sees it: entity list (paged), one entity's variants, and edits through
``workbench.glossary.store`` (every edit logged there)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One line of the entity list."""

    id: str
    type: str
    canonical: str
    variants: int
    learned: int
    score: float | None = None  # search score when the list comes from a search


@dataclass(frozen=True, slots=True)
class VariantRow:
    """One spelling of the shown entity."""

    id: int
    lang: str
    text: str
    source: str
    learned: bool


_ROW = """SELECT e.id, e.type, e.canonical_en,
                 (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL),
                 (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL
                     AND v.learned = 1)
          FROM entities e"""
_LIVE = "e.deleted_at IS NULL AND e.merged_into IS NULL"


class EntityList:
    """Every live entity by canonical name, or the results of a search (a RowSource)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.hits: list[tuple[str, float]] | None = None
        self.query = ""

    def set_hits(self, query: str, hits: list[tuple[str, float]] | None) -> None:
        self.query, self.hits = query, hits

    def count(self) -> int:
        if self.hits is not None:
            return len(self.hits)
        return self.conn.execute(f"SELECT count(*) FROM entities e WHERE {_LIVE}").fetchone()[0]

    def fetch(self, offset: int, limit: int) -> list[EntityRow]:
        if self.hits is None:
            rows = self.conn.execute(
                f"{_ROW} WHERE {_LIVE} ORDER BY e.canonical_en COLLATE NOCASE, e.id LIMIT ? OFFSET ?",
                (limit, offset)).fetchall()
            return [EntityRow(*r) for r in rows]
        page = self.hits[offset:offset + limit]
        ids = [i for i, _ in page]
        found = {r[0]: r for r in self.conn.execute(
            f"{_ROW} WHERE e.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
        return [EntityRow(*found[i], score=s) for i, s in page if i in found]


def variants_of(conn: sqlite3.Connection, entity_id: str) -> list[VariantRow]:
    return [VariantRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in conn.execute(
        """SELECT id, lang, text, source, learned FROM variants WHERE entity_id = ? AND deleted_at IS NULL
           ORDER BY lang, id""", (entity_id,))]


def entity_detail(conn: sqlite3.Connection, entity_id: str) -> dict | None:
    row = conn.execute(
        """SELECT id, type, canonical_en, wikidata, note, origin, created_at, updated_at
           FROM entities WHERE id = ?""", (entity_id,)).fetchone()
    if row is None:
        return None
    keys = ("id", "type", "canonical", "wikidata", "note", "origin", "created_at", "updated_at")
    return dict(zip(keys, row))


def learned_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM variants WHERE learned = 1 AND deleted_at IS NULL").fetchone()[0]


class GlossaryEdits:
    """Edits the screen makes; each is one call into ``workbench.glossary.store`` (which logs it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add_entity(self, entity_id: str, etype: str, canonical: str, wikidata: str | None, note: str | None):
        from workbench.glossary import store

        return store.add_entity(self.conn, entity_id, etype, canonical, wikidata=wikidata, note=note)

    def update_entity(self, entity_id: str, **fields):
        from workbench.glossary import store

        return store.update_entity(self.conn, entity_id, **fields)

    def delete_entity(self, entity_id: str):
        from workbench.glossary import store

        return store.soft_delete_entity(self.conn, entity_id)

    def merge(self, keep: str, drop: str):
        from workbench.glossary import store

        return store.merge_two_entities(self.conn, keep, drop)

    def add_variant(self, entity_id: str, lang: str, text: str):
        """Add a spelling; one the entity already has is refused (the service would keep it silently)."""
        from workbench.errors import UserError
        from workbench.glossary import rules, store

        if self.conn.execute("SELECT 1 FROM variants WHERE entity_id = ? AND lang = ? AND text = ? AND deleted_at IS NULL",
                             (entity_id, lang, rules.clean(text or ""))).fetchone():
            raise UserError(f"{rules.clean(text)!r} ({lang}) is already a spelling of {entity_id}")
        return store.add_variant(self.conn, entity_id, lang, text)

    def remove_variant(self, variant_id: int):
        from workbench.glossary import store

        return store.remove_variant(self.conn, variant_id)

    def write_back(self, folder: str | None = None) -> str:
        """Write learned spellings to the glossary files in ``folder`` (default: the curated glossary's);
        returns the service's summary."""
        from workbench.glossary import write_back

        return write_back.write_back(self.conn, folder).summary()
