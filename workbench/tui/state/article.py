"""One article as sentence pairs (source beside English) with its mentions, for the side-by-side view."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

CONFIRMED = ("confirmed", "accepted")
SUGGESTED = ("suggested", "unsure")


def status_class(status: str | None) -> str:
    """How a mention is highlighted: confirmed, suggested or unknown."""
    if status in CONFIRMED:
        return "confirmed"
    if status in SUGGESTED:
        return "suggested"
    return "unknown"


@dataclass(slots=True)
class Mention:
    """A name found in one side of a pair, with its link (if any)."""

    id: int
    side: str  # source / english
    start: int  # offsets into the pair's source or English text
    end: int
    surface: str
    status: str | None
    entity_id: str | None
    canonical: str | None
    score: float | None
    why: str | None

    @property
    def look(self) -> str:
        return status_class(self.status)

    def describe(self, show=lambda text: text) -> str:
        """One line naming the entity, for the status bar when the mention has focus.

        ``show`` prepares Arabic for the terminal (``render.arabic.display_line``).
        """
        what = self.canonical or "no entity"
        score = f" {self.score:.2f}" if self.score is not None else ""
        why = f" · {show(self.why)}" if self.why else ""
        return f"{show(self.surface)} → {what} ({self.status or 'not linked'}{score}){why}"


@dataclass(slots=True)
class SentencePair:
    """One or more source segments (2:1 merges) and their English."""

    index: int
    seqs: tuple[int, int]
    segment_ids: list[int]
    source: str
    english: str | None  # None: not translated yet
    mentions: list[Mention] = field(default_factory=list)

    def side(self, side: str) -> list[Mention]:
        return [m for m in self.mentions if m.side == side]

    def canonical_english(self) -> tuple[str, list[Mention]]:
        """English with confirmed names replaced by canonical names; the English mentions moved."""
        from workbench.corpus.canonical import render_canonical_with_offsets

        english = self.english or ""
        chosen, end = [], -1
        for m in self.side("english"):
            if m.status in CONFIRMED and m.canonical and m.start >= end:
                chosen.append(m)
                end = m.end
        text, moved = render_canonical_with_offsets(english, [(m.start, m.end, m.canonical) for m in chosen])
        shift = {m.id: span for m, span in zip(chosen, moved)}
        mentions = []
        for m in self.side("english"):
            if m.id in shift:
                a, b = shift[m.id]
                mentions.append(Mention(m.id, m.side, a, b, m.canonical, m.status, m.entity_id,
                                        m.canonical, m.score, m.why))
            elif not any(c.start <= m.start < c.end for c in chosen):
                mentions.append(_moved(m, chosen, moved))
        return text, mentions


def _moved(m: Mention, chosen: list[Mention], moved: list[tuple[int, int]]) -> Mention:
    delta = sum((b - a) - (c.end - c.start) for c, (a, b) in zip(chosen, moved) if c.end <= m.start)
    return Mention(m.id, m.side, m.start + delta, m.end + delta, m.surface, m.status, m.entity_id,
                   m.canonical, m.score, m.why)


@dataclass(slots=True)
class ArticleDoc:
    """Everything the side-by-side view shows for one article."""

    id: int
    title: str
    lang: str
    date: str
    pairs: list[SentencePair]

    def pair_of_segment(self, segment_id: int) -> int:
        for pair in self.pairs:
            if segment_id in pair.segment_ids:
                return pair.index
        return 0


def load_article(conn: sqlite3.Connection, article_id: int) -> ArticleDoc | None:
    """Read one article with its sentence pairs and mentions (a few indexed queries)."""
    head = conn.execute(
        "SELECT id, coalesce(title, ''), lang, coalesce(date, '') FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if head is None:
        return None
    rows = conn.execute(
        """SELECT s.id, s.seq, s.text, t.text, coalesce(t.merged, 0)
           FROM segments s LEFT JOIN translations t ON t.segment_id = s.id
           WHERE s.article_id = ? ORDER BY s.seq""", (article_id,)
    ).fetchall()
    pairs: list[SentencePair] = []
    where: dict[int, tuple[SentencePair, int]] = {}  # segment id -> (pair, offset of its text in source)
    for seg_id, seq, text, english, merged in rows:
        if merged and pairs:
            pair = pairs[-1]
            offset = len(pair.source) + 1
            pair.source += " " + text
            pair.seqs = (pair.seqs[0], seq)
            pair.segment_ids.append(seg_id)
        else:
            pair = SentencePair(len(pairs), (seq, seq), [seg_id], text, english)
            pairs.append(pair)
            offset = 0
        where[seg_id] = (pair, offset)
    mentions = conn.execute(
        """SELECT m.id, m.segment_id, m.side, m.start, m.end, m.surface, l.status, l.entity_id,
                  e.canonical_en, l.score, l.why
           FROM segments s JOIN mentions m ON m.segment_id = s.id
           LEFT JOIN links l ON l.mention_id = m.id
           LEFT JOIN entities e ON e.id = l.entity_id
           WHERE s.article_id = ? ORDER BY s.seq, m.side DESC, m.start""", (article_id,)
    ).fetchall()
    for mid, seg_id, side, start, end, surface, status, entity_id, canonical, score, why in mentions:
        pair, offset = where[seg_id]
        shift = offset if side == "source" else 0
        pair.mentions.append(Mention(mid, side, start + shift, end + shift, surface, status,
                                     entity_id, canonical, score, why))
    for pair in pairs:
        pair.mentions.sort(key=lambda m: (m.side != "source", m.start))
    return ArticleDoc(head[0], head[1], head[2], head[3], pairs)
