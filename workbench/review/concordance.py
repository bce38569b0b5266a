"""Concordance of a mention: every sentence with the same normalised spelling in its language, and why
it was linked (the glossary spellings it matched, with their scores).

Served by the ``mentions_norm`` index: one page of sentences and one count, whatever the corpus size.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from workbench.review.links import mention_of
from workbench.review.queue import mention_view
from workbench.review.spans import sentence_of

PAGE = 50


@dataclass
class Concordance:
    """One page of the sentences spelled like a mention, the total, and the mention's candidates."""

    mention: dict  # ``mention_view`` of the mention asked about
    total: int  # mentions with its normal form and language, itself included
    rows: list[dict] = field(default_factory=list)  # id, article_id, seq, side, start, end, surface, status,
    # entity_id, text (the sentence)

    @property
    def candidates(self) -> list[dict]:
        return self.mention["candidates"]


def concordance(conn: sqlite3.Connection, mention_id: int, limit: int = PAGE, offset: int = 0) -> Concordance:
    """The mentions spelled like ``mention_id`` (same norm and language), in corpus order, one page."""
    mention_of(conn, mention_id)  # one message for an id that names no mention
    view = mention_view(conn, mention_id)
    total = conn.execute("SELECT count(*) FROM mentions WHERE norm = ? AND lang = ?",
                         (view["norm"], view["lang"])).fetchone()[0]
    keys = ("id", "article_id", "seq", "segment", "side", "start", "end", "surface", "status", "entity_id")
    rows = [dict(zip(keys, r)) for r in conn.execute(
        """SELECT m.id, s.article_id, s.seq, m.segment_id, m.side, m.start, m.end, m.surface, l.status, l.entity_id
           FROM mentions m INDEXED BY mentions_norm JOIN segments s ON s.id = m.segment_id
           LEFT JOIN links l ON l.mention_id = m.id
           WHERE m.norm = ? AND m.lang = ? ORDER BY m.id LIMIT ? OFFSET ?""",
        (view["norm"], view["lang"], limit, offset))]
    for row in rows:
        row["text"] = sentence_of(conn, row["segment"], row["side"])
    return Concordance(view, total, rows)
