"""Sentence pairs (source segments beside their English, with the mentions of both sides): one grouping rule."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from workbench.corpus.canonical import absorb_repeated_words, render_canonical_with_offsets
from workbench import vocabulary
from workbench.store.why import expanded

# link statuses shown and exported as the entity's canonical name: confirmed by the analyst, or
# accepted automatically above the linking threshold
LINKED = frozenset(vocabulary.LINKED)

EntityNames = Mapping[str, "tuple[str, str] | None"]  # entity id -> (id after merges, canonical) | None


@dataclass(slots=True)
class Mention:
    """A name in one side of a pair; ``start``/``end`` are code-point offsets into the pair's joined text."""

    side: str  # source / english
    start: int
    end: int
    surface: str  # the pair's text at start:end
    entity_id: str | None  # the linked entity after merges; None when unlinked or deleted
    canonical: str | None  # that entity's canonical English name
    status: str | None  # link status; None when the mention has no link row
    score: float | None
    why: str | None = None
    id: int | None = None  # mention id (None where the reader did not ask for it)

    @property
    def linked(self) -> bool:
        """Shown and exported as its canonical name."""
        return self.status in LINKED and bool(self.canonical)


@dataclass(slots=True)
class SentencePair:
    """One or more consecutive source segments (2:1 merges) and their English."""

    article_id: int
    lang: str  # the article's (source) language
    seqs: tuple[int, int]  # first and last segment seq in the article
    segment_ids: list[int]
    sources: list[str]  # each segment's text
    source: str  # the segments' texts joined with one space
    english: str | None  # None: not translated yet; "": aligned to nothing (1:0); English articles: a copy
    source_mentions: list[Mention] = field(default_factory=list)  # sorted by (start, end)
    english_mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    date: str | None = None
    truncated: bool = False  # machine English that stopped at the model's output length cap

    @property
    def key(self) -> str:
        """Stable id of the pair: ``article:sentence`` or ``article:first-last`` for merged sentences,
        numbered from 1 as the screens and ``workbench mentions`` number them."""
        first, last = self.seqs[0] + 1, self.seqs[1] + 1
        return f"{self.article_id}:{first}" if first == last else f"{self.article_id}:{first}-{last}"

    @property
    def mentions(self) -> list[Mention]:
        """Source mentions, then English ones."""
        return self.source_mentions + self.english_mentions

    @property
    def has_english_side(self) -> bool:
        """The pair has English to align against (an English article's text is its source)."""
        return bool(self.english) and self.lang != "en"

    def side(self, side: str) -> list[Mention]:
        return self.source_mentions if side == "source" else self.english_mentions

    def canonical_english(self) -> tuple[str, list[Mention]]:
        """The English with linked names replaced by canonical names, and the English mentions moved.

        Spans are taken in order; one overlapping an earlier replaced span is not replaced. Replaced
        mentions now cover their canonical name (which is their surface); the others are shifted, and
        left out when they start inside a replaced span. So the ``linked`` mentions returned are
        exactly the replaced ones. The English mentions must be sorted by start (readers sort them).
        """
        english = self.english or ""
        mentions = self.english_mentions
        chosen: list[Mention] = []
        spans: list[tuple[int, int]] = []  # where each chosen mention's replacement goes in ``english``
        end = -1
        for m in mentions:
            if m.status in LINKED and m.canonical and m.start >= end:
                a, b = absorb_repeated_words(english, m.start, m.end, m.canonical)
                if a < end:
                    a = m.start
                chosen.append(m)
                spans.append((a, b))
                end = b
        text, moved = render_canonical_with_offsets(english, [(a, b, m.canonical) for m, (a, b) in zip(chosen, spans)])
        if len(chosen) == len(mentions):
            return text, [Mention(m.side, a, b, m.canonical, m.entity_id, m.canonical, m.status, m.score,
                                  m.why, m.id) for m, (a, b) in zip(chosen, moved)]
        out: list[Mention] = []
        done = delta = 0  # chosen spans ending before the current mention, and how far they moved it
        for m in mentions:
            while done < len(chosen) and chosen[done] is not m and spans[done][1] <= m.start:
                delta += len(chosen[done].canonical) - (spans[done][1] - spans[done][0])
                done += 1
            if done < len(chosen) and chosen[done] is m:
                a, b = moved[done]
                out.append(Mention(m.side, a, b, m.canonical, m.entity_id, m.canonical, m.status, m.score,
                                   m.why, m.id))
            elif not (done < len(chosen) and spans[done][0] <= m.start):  # not inside a replaced span
                out.append(Mention(m.side, m.start + delta, m.end + delta, m.surface, m.entity_id,
                                   m.canonical, m.status, m.score, m.why, m.id))
        return text, out


def continues(lang: str, merged: int | None) -> bool:
    """The grouping rule: a segment whose translation row is ``merged`` belongs with the one before
    it (its English was given there, a 2:1 alignment). English articles are never grouped."""
    return bool(merged) and lang != "en"


class PairAssembler:
    """Builds sentence pairs from segment rows and mention rows, both in (article, seq) order.

    Segment rows: ``(article_id, seq, segment_id, text, english, merged, lang, title, url, date[, truncated])``.
    Mention rows: ``(article_id, seq, side, start, end, entity_id, status, score, why, mention_id)``.
    The two streams are merged as they go, so a whole corpus passes in constant memory. ``names``
    resolves a linked entity (see :func:`entity_names`). With ``linked_only`` a mention whose entity
    is gone (deleted) is left out. Mentions with offsets outside their segment's text (or empty) are
    left out and counted in ``dropped``; so are English mentions of a segment with no English.
    """

    def __init__(self, names: EntityNames, *, linked_only: bool = False) -> None:
        self.names = names
        self.linked_only = linked_only
        self.dropped = 0

    def pairs(self, segments: Iterable[tuple], mentions: Iterable[tuple]) -> Iterator[SentencePair]:
        """Every pair, translated or not, in the order of ``segments``."""
        mentions = iter(mentions)
        names_get = self.names.get
        linked_only = self.linked_only
        pair: SentencePair | None = None
        englishes: list[str] = []  # the non-empty English of the pair's segments
        src_offset = en_offset = 0  # where the current segment's text / English starts in the pair's
        src_len = en_len = 0  # length of the pair's joined source / English so far
        mention = next(mentions, None)
        for row in segments:
            article_id, seq, seg_id, text, english, merged = row[:6]
            if merged and pair is not None and pair.article_id == article_id and continues(row[6], merged):
                src_offset = src_len + 1
                src_len = src_offset + len(text)
                pair.sources.append(text)
                pair.segment_ids.append(seg_id)
                pair.seqs = (pair.seqs[0], seq)
                pair.truncated = pair.truncated or bool(row[10:11] and row[10])
                if english:
                    en_offset = en_len + 1 if englishes else 0
                    en_len = en_offset + len(english)
                    englishes.append(english)
                else:
                    en_offset = -1  # this segment has no English of its own to point into
            else:
                if pair is not None:
                    yield _finish(pair, englishes)
                pair = SentencePair(article_id, row[6], (seq, seq), [seg_id], [text], text, english, [], [],
                                    row[7], row[8], row[9], bool(row[10:11] and row[10]))
                englishes = [english] if english else []
                src_offset = en_offset = 0
                src_len, en_len = len(text), len(english) if english else 0
            while mention is not None:
                m_article, m_seq, side, start, end, entity_id, status, score, why, mid = mention
                if m_article != article_id or m_seq != seq:
                    if (m_article, m_seq) > (article_id, seq):
                        break  # belongs to a later segment
                    mention = next(mentions, None)  # a segment that vanished: never in practice
                    continue
                mention = next(mentions, None)
                resolved = names_get(entity_id) if entity_id else None
                if resolved is None and linked_only:
                    continue
                if side == "source":
                    own, offset, target = text, src_offset, pair.source_mentions
                else:
                    if en_offset < 0 or not english:
                        self.dropped += 1
                        continue
                    own, offset, target = english, en_offset, pair.english_mentions
                if not 0 <= start < end <= len(own):
                    self.dropped += 1
                    continue
                entity, canonical = resolved if resolved else (None, None)
                target.append(Mention(side, offset + start, offset + end, own[start:end], entity, canonical,
                                      status, score, why, mid))
        if pair is not None:
            yield _finish(pair, englishes)


def _finish(pair: SentencePair, englishes: list[str]) -> SentencePair:
    if len(pair.sources) > 1:
        pair.source = " ".join(pair.sources)
        if pair.english is not None:
            pair.english = " ".join(englishes)
    if len(pair.source_mentions) > 1:
        pair.source_mentions.sort(key=_order)
    if len(pair.english_mentions) > 1:
        pair.english_mentions.sort(key=_order)
    return pair


def _order(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def entity_names(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> dict[str, tuple[str, str] | None]:
    """Entity id -> (final id after merges, canonical name); None for a deleted entity.

    Every entity (the glossary is small next to the corpus: it is read once for a whole export), or
    only ``ids`` (and the entities they were merged into).
    """
    if ids is None:
        rows = {r[0]: r[1:] for r in conn.execute("SELECT id, canonical_en, merged_into, deleted_at FROM entities")}
    else:
        rows, wanted = {}, set(ids)
        while wanted:
            chunk = list(wanted)[:500]
            wanted.difference_update(chunk)
            for r in conn.execute("SELECT id, canonical_en, merged_into, deleted_at FROM entities WHERE id IN "
                                  f"({','.join('?' * len(chunk))})", chunk):
                rows[r[0]] = r[1:]
                if r[2] and r[2] not in rows:
                    wanted.add(r[2])
    resolved: dict[str, tuple[str, str] | None] = {}
    for start in rows:
        current, seen = start, set()
        while True:
            canonical, merged_into, deleted_at = rows[current]
            if merged_into and merged_into in rows and merged_into not in seen:
                seen.add(current)
                current = merged_into
                continue
            resolved[start] = None if deleted_at else (current, canonical)
            break
    return resolved


# ---- readers ------------------------------------------------------------------------------------------

_ARTICLE_SEGMENTS = """
SELECT a.id, s.seq, s.id, s.text, t.text, coalesce(t.merged, 0), a.lang, a.title, a.url, a.date,
       coalesce(t.truncated, 0)
FROM articles a JOIN segments s ON s.article_id = a.id LEFT JOIN translations t ON t.segment_id = s.id
WHERE a.id = ? AND s.seq >= ? ORDER BY s.seq
"""
_ARTICLE_MENTIONS = f"""
SELECT s.article_id, s.seq, m.side, m.start, m.end, l.entity_id, l.status, l.score, {expanded()}, m.id
FROM segments s JOIN mentions m ON m.segment_id = s.id LEFT JOIN links l ON l.mention_id = m.id
WHERE s.article_id = ? AND s.seq >= ? ORDER BY s.seq, m.start, m.end, m.id
"""


_FIRST = -(2**63)  # below every seq


def _read(conn: sqlite3.Connection, article_id: int, first_seq: int, mentions: bool) -> Iterator[SentencePair]:
    """The pairs of one article from segment ``first_seq`` on."""
    rows = conn.execute(_ARTICLE_MENTIONS, (article_id, first_seq)).fetchall() if mentions else []
    names = entity_names(conn, {r[5] for r in rows if r[5]}) if rows else {}
    segments = conn.execute(_ARTICLE_SEGMENTS, (article_id, first_seq))
    try:
        yield from PairAssembler(names).pairs(segments, rows)
    finally:
        segments.close()


def article_pairs(conn: sqlite3.Connection, article_id: int, *, mentions: bool = True) -> list[SentencePair] | None:
    """All pairs of one article in order, with their mentions (unless ``mentions=False``); None: no such article."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        return None
    return list(_read(conn, article_id, _FIRST, mentions))


def pair_segments(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, tuple[str, list[list[int]]]]:
    """Article id -> (language, the segment ids of each of its pairs in order), without reading any text
    (one query a chunk of articles); an article without segments is left out."""
    from workbench.store.chunks import rows_in

    out: dict[int, tuple[str, list[list[int]]]] = {}
    for article_id, seg_id, merged, lang in rows_in(
            conn, """SELECT s.article_id, s.id, coalesce(t.merged, 0), a.lang
                     FROM articles a JOIN segments s ON s.article_id = a.id LEFT JOIN translations t ON t.segment_id = s.id
                     WHERE a.id IN ({}) ORDER BY a.id, s.seq""", sorted(set(article_ids))):
        groups = out.setdefault(article_id, (lang, []))[1]
        if groups and continues(lang, merged):
            groups[-1].append(seg_id)
        else:
            groups.append([seg_id])
    return out


def pairs_of_segments(conn: sqlite3.Connection, segment_ids: Iterable[int]) -> list[SentencePair]:
    """The pairs made of these segments, without their mentions, in (article, seq) order: every segment
    of a pair must be among them (``pair_segments`` tells which those are)."""
    from workbench.store.chunks import rows_in

    sql = _ARTICLE_SEGMENTS.replace("a.id = ? AND s.seq >= ? ORDER BY s.seq", "s.id IN ({}) ORDER BY a.id, s.seq")
    rows = sorted(rows_in(conn, sql, sorted(set(segment_ids))), key=lambda r: (r[0], r[1]))
    return list(PairAssembler({}).pairs(rows, ()))


def pair_of_segment(conn: sqlite3.Connection, segment_id: int, *, mentions: bool = True) -> SentencePair | None:
    """The pair that holds a segment (for a merged one, the pair started by an earlier segment); None: no such segment."""
    row = conn.execute("SELECT s.article_id, s.seq, a.lang FROM segments s JOIN articles a ON a.id = s.article_id"
                       " WHERE s.id = ?", (segment_id,)).fetchone()
    if row is None:
        return None
    article_id, first, lang = row
    for seq, merged in conn.execute(
            """SELECT s.seq, coalesce(t.merged, 0) FROM segments s LEFT JOIN translations t ON t.segment_id = s.id
               WHERE s.article_id = ? AND s.seq <= ? ORDER BY s.seq DESC""", (article_id, first)):
        first = seq
        if not continues(lang, merged):
            break
    pairs = _read(conn, article_id, first, mentions)
    try:
        return next(pairs, None)
    finally:
        pairs.close()
