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
    """Read every count cheaply: counters kept by triggers, not scans of the big tables.

    Links by status and translations by engine from ``stats_counters``; segments and mentions summed
    from ``article_stats``; articles counted on their language index; the small tables counted.
    """
    s = Stats()
    s.articles_by_lang = dict(conn.execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY lang"))
    s.segments, s.mentions = conn.execute(
        "SELECT coalesce(sum(sentences), 0), coalesce(sum(mentions), 0) FROM article_stats").fetchone()
    groups: dict[str, dict[str, int]] = {}
    for name, n in conn.execute("SELECT name, n FROM stats_counters WHERE n <> 0 ORDER BY name"):
        kind, _, key = name.partition(":")
        groups.setdefault(kind, {})[key] = n
    s.translations_by_engine = groups.get("translations", {})
    s.translated = sum(s.translations_by_engine.values())
    by_status = groups.get("links", {})
    unlinked = s.mentions - sum(by_status.values())
    s.mentions_by_status = dict(sorted({**by_status, **({"unlinked": unlinked} if unlinked else {})}.items()))
    s.entities = conn.execute("SELECT count(*) FROM entities WHERE deleted_at IS NULL").fetchone()[0]
    s.variants = conn.execute("SELECT count(*) FROM variants WHERE deleted_at IS NULL").fetchone()[0]
    s.decisions = conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    return s
