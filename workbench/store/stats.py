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
    """Read every count: the big tables' from ``stats_counters`` (kept by triggers), the small ones counted."""
    s = Stats()
    groups: dict[str, dict[str, int]] = {}
    for name, n in conn.execute("SELECT name, n FROM stats_counters WHERE n <> 0 ORDER BY name"):
        table, _, key = name.partition(":")
        groups.setdefault(table, {})[key] = n
    s.articles_by_lang = groups.get("articles", {})
    s.segments = groups.get("segments", {}).get("", 0)
    s.translations_by_engine = groups.get("translations", {})
    s.translated = sum(s.translations_by_engine.values())
    s.mentions = groups.get("mentions", {}).get("", 0)
    by_status = groups.get("links", {})
    unlinked = s.mentions - sum(by_status.values())
    s.mentions_by_status = dict(sorted({**by_status, **({"unlinked": unlinked} if unlinked else {})}.items()))
    s.entities = conn.execute("SELECT count(*) FROM entities WHERE deleted_at IS NULL").fetchone()[0]
    s.variants = conn.execute("SELECT count(*) FROM variants WHERE deleted_at IS NULL").fetchone()[0]
    s.decisions = conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    return s
