"""Spans the analyst set (``detector = 'analyst'``): rebuilt from their stored offsets and matched again.

Offsets are characters of the mention's sentence: the source segment's text (source side) or the
English of its sentence pair (English side). A span is snapped to the whole words it covers.
"""

from __future__ import annotations

import sqlite3

from workbench.align import linker
from workbench.align.detect_english import ENGLISH_LANGS
from workbench.align.detect_source import GLOSSARY_LANGS
from workbench.align.spans import EDITED, Found, Segment, make_found
from workbench.errors import UserError
from workbench.names.index import GlossaryIndex
from workbench.names.normalize import normalize
from workbench.text.tokens import Token, words

MENTION_FIELDS = ("id", "segment_id", "side", "lang", "counterpart_id", "start", "end", "prefix")


def sentence_of(conn: sqlite3.Connection, segment_id: int, side: str) -> str:
    """The text a mention's offsets count in: its segment (source) or its pair's English."""
    if side == "source":
        return conn.execute("SELECT text FROM segments WHERE id = ?", (segment_id,)).fetchone()[0]
    from workbench.corpus.pairs import pair_of_segment

    pair = pair_of_segment(conn, segment_id, mentions=False)
    return (pair.english or "") if pair is not None else ""


def covered(tokens: list[Token], start: int, end: int, text: str) -> tuple[int, int]:
    """The first token and the count of tokens that ``[start, end)`` covers; refuses a cut word."""
    if end <= start:
        raise UserError(f"span {start}-{end} is empty: END must be greater than START")
    if not 0 <= start < end <= len(text):
        raise UserError(f"span {start}-{end} is not inside its sentence (0-{len(text)}): "
                        "START and END count characters of the sentence")
    inside = [k for k, t in enumerate(tokens) if t.end > start and t.start < end]
    if not inside:
        raise UserError(f"span {start}-{end} ({text[start:end]!r}) holds no word")
    for k in (inside[0], inside[-1]):
        t = tokens[k]
        if t.start < start or t.end > end:
            raise UserError(f"span {start}-{end} cuts the word {t.text!r} ({t.start}-{t.end}); "
                            "start and end on whole words")
    return inside[0], len(inside)


def found_at(conn: sqlite3.Connection, index: GlossaryIndex, mention: dict, start: int, end: int,
             text: str | None = None) -> Found:
    """The mention over ``[start, end)`` as the aligner would hold it: surface, stem, norm, glossary entries."""
    text = sentence_of(conn, mention["segment_id"], mention["side"]) if text is None else text
    tokens = words(text)
    first, count = covered(tokens, start, end, text)
    langs = GLOSSARY_LANGS[mention["lang"]] if mention["side"] == "source" else ENGLISH_LANGS
    hit = index.lookup.match_at(tokens, first, langs, limit=first + count)
    exact = hit is not None and (hit.first, hit.count) == (first, count)
    if exact:
        prefix = hit.prefix
    else:  # not a glossary spelling: the proclitics the mention had, while it starts on the same word
        prefix = mention["prefix"] if tokens[first].start == mention["start"] else 0
    seg = Segment(mention["segment_id"], text, 0, tokens, [False] * len(tokens))
    found = make_found(mention["side"], seg, first, count, prefix, mention["lang"], EDITED, len(text))
    found.entries = hit.entries if exact else []
    found.norm = normalize(found.stem, found.lang)
    return found


def mention_row(conn: sqlite3.Connection, mention_id: int) -> dict:
    row = conn.execute(f"SELECT {', '.join(MENTION_FIELDS)} FROM mentions WHERE id = ?", (mention_id,)).fetchone()
    return dict(zip(MENTION_FIELDS, row))


def matched(conn: sqlite3.Connection, index: GlossaryIndex, rejected: set[tuple[str, str]] | None, mention: dict,
            start: int, end: int, counterpart: Found | None = None) -> Found:
    """Find and link the span against the glossary, beside the mention's counterpart (``counterpart``:
    already in hand, else rebuilt from its stored span); ``rejected`` None: read for its spelling."""
    found = found_at(conn, index, mention, start, end)
    if rejected is None:
        rejected = set(conn.execute("SELECT norm, entity_id FROM rejections WHERE norm = ?", (found.norm,)))
    if counterpart is None and mention["counterpart_id"] is not None:
        other = mention_row(conn, mention["counterpart_id"])
        counterpart = found_at(conn, index, other, other["start"], other["end"])
    found.counterpart = counterpart
    linker.link(found, index, rejected)
    return found


def refound(conn: sqlite3.Connection, index: GlossaryIndex, rejected: set[tuple[str, str]], article_id: int,
            found: list[Found], segment_ids: set[int] | None = None) -> list[Found]:
    """The article's analyst spans, matched again (beside the counterpart found in this run, if any).

    ``segment_ids``: only the spans in these segments (the ones analysed again). A span that no longer
    fits its sentence (the English was translated again) is left out: the aligner then keeps its
    mention as it is.
    """
    by_key = {(f.segment_id, f.side, f.start, f.end): f for f in found}
    out = []
    for (mid,) in conn.execute(
            """SELECT m.id FROM segments s JOIN mentions m ON m.segment_id = s.id
               WHERE s.article_id = ? AND m.detector = ?""", (article_id, EDITED)).fetchall():
        mention = mention_row(conn, mid)
        if segment_ids is not None and mention["segment_id"] not in segment_ids:
            continue
        cp = None
        if mention["counterpart_id"] is not None:
            other = mention_row(conn, mention["counterpart_id"])
            cp = by_key.get((other["segment_id"], other["side"], other["start"], other["end"]))
        try:
            out.append(matched(conn, index, rejected, mention, mention["start"], mention["end"], cp))
        except UserError:
            continue
    return out
