"""Counts that describe the state of a database: articles, segments, translations, mentions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass
class Stats:
    """A snapshot of the database's contents."""

    articles_by_lang: dict[str, int] = field(default_factory=dict)
    segments: int = 0
    translated: int = 0
    translations_by_engine: dict[str, int] = field(default_factory=dict)
    entities: int = 0
    variants: int = 0
    mentions: int = 0
    mentions_by_status: dict[str, int] = field(default_factory=dict)
    decisions: int = 0

    @property
    def articles(self) -> int:
        return sum(self.articles_by_lang.values())


def collect(conn: sqlite3.Connection) -> Stats:
    """Read every count in one pass of small aggregate queries."""
    s = Stats()
    s.articles_by_lang = dict(conn.execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY lang"))
    s.segments = conn.execute("SELECT count(*) FROM segments").fetchone()[0]
    s.translations_by_engine = dict(
        conn.execute("SELECT engine, count(*) FROM translations GROUP BY engine ORDER BY engine")
    )
    s.translated = sum(s.translations_by_engine.values())
    s.entities = conn.execute("SELECT count(*) FROM entities WHERE deleted_at IS NULL").fetchone()[0]
    s.variants = conn.execute("SELECT count(*) FROM variants WHERE deleted_at IS NULL").fetchone()[0]
    s.mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    s.mentions_by_status = dict(
        conn.execute(
            """SELECT coalesce(l.status, 'unlinked'), count(*) FROM mentions m
               LEFT JOIN links l ON l.mention_id = m.id GROUP BY 1 ORDER BY 1"""
        )
    )
    s.decisions = conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    return s
