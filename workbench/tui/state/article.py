"""One article as sentence pairs (source beside English) with its mentions, for the side-by-side view."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.corpus.pairs import LINKED, Mention, SentencePair, article_pairs
from workbench import vocabulary

SUGGESTED = (vocabulary.SUGGESTED, vocabulary.UNSURE)


def status_class(status: str | None) -> str:
    """How a mention is highlighted: confirmed, suggested, dismissed (not a name) or unknown."""
    if status in LINKED:
        return "confirmed"
    if status in SUGGESTED:
        return "suggested"
    if status == vocabulary.DISMISSED:
        return "dismissed"
    return "unknown"


def sentence_label(pair: SentencePair) -> str:
    """The sentence number(s) of a pair as the analyst sees them: 1-based, ``2-3`` for a merged pair."""
    first, last = pair.seqs
    return f"{first + 1}" if first == last else f"{first + 1}-{last + 1}"


def describe(mention: Mention) -> str:
    """One line naming the mention's entity, for the status bar when the mention has focus (in logical
    order: the status line orders Arabic for the terminal)."""
    what = mention.canonical or "no entity"
    score = f" {mention.score:.2f}" if mention.score is not None else ""
    why = f" · {mention.why}" if mention.why else ""
    return f"{mention.surface} → {what} ({mention.status or 'not linked'}{score}){why}"


@dataclass(slots=True)
class ArticleDoc:
    """Everything the side-by-side view shows for one article."""

    id: int
    title: str
    lang: str
    date: str
    pairs: list[SentencePair]

    def pair_of_seq(self, seq: int) -> int:
        """Index of the pair holding sentence ``seq`` (0-based, as stored; 0 when none does)."""
        for index, pair in enumerate(self.pairs):
            if pair.seqs[0] <= seq <= pair.seqs[1]:
                return index
        return 0

    @property
    def sentences(self) -> int:
        """How many sentences the article has (merged pairs count each of theirs)."""
        return self.pairs[-1].seqs[1] + 1 if self.pairs else 0

    def pair_of_segment(self, segment_id: int) -> int:
        """Index of the pair holding a segment (0 when none does)."""
        for index, pair in enumerate(self.pairs):
            if segment_id in pair.segment_ids:
                return index
        return 0


def load_article(conn: sqlite3.Connection, article_id: int) -> ArticleDoc | None:
    """Read one article with its sentence pairs and mentions (a few indexed queries)."""
    head = conn.execute(
        "SELECT id, coalesce(title, ''), lang, coalesce(date, '') FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    pairs = article_pairs(conn, article_id) if head is not None else None
    if pairs is None:
        return None
    return ArticleDoc(head[0], head[1], head[2], head[3], pairs)
