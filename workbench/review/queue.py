"""The review queue: mentions waiting for the analyst, the most uncertain first."""

from __future__ import annotations

import json
import sqlite3

from workbench.corpus.pairs import pair_of_segment
from workbench.store import implied
from workbench.store.why import expanded
from workbench.vocabulary import QUEUE_ORDER, pending_test

_ORDER = QUEUE_ORDER


def review_queue(conn: sqlite3.Connection, limit: int = 100, offset: int = 0,
                 article_id: int | None = None, details: bool = True) -> list[dict]:
    """Pending mentions (suggested, unsure, new), score nearest the acceptance threshold first,
    each with its sentence, offsets and link; with ``details``, also its English, counterpart and
    top candidates (``add_details``: a few queries a mention, which a list of rows does not need)."""
    where = pending_test()
    if article_id is None:
        rows = conn.execute(
            f"""SELECT l.mention_id FROM links l INDEXED BY links_review WHERE {where}
                ORDER BY {_ORDER}, l.mention_id LIMIT ? OFFSET ?""",
            (limit, offset),
        ).fetchall()
    else:
        rows = conn.execute(
            f"""SELECT l.mention_id FROM segments s JOIN mentions m ON m.segment_id = s.id
                JOIN links l ON l.mention_id = m.id WHERE s.article_id = ? AND {where}
                ORDER BY {_ORDER}, l.mention_id LIMIT ? OFFSET ?""",
            (article_id, limit, offset),
        ).fetchall()
    views = _views(conn, [mid for (mid,) in rows])
    return [add_details(conn, view) for view in views] if details else views


_VIEW_KEYS = ("id", "segment", "article_id", "seq", "side", "start", "end", "surface", "norm", "lang",
              "detector", "counterpart_id", "entity_id", "status", "score", "why", "proposal",
              "decided_by", "updated_at", "source_text", "canonical")


def _views(conn: sqlite3.Connection, mention_ids: list[int]) -> list[dict]:
    """The mentions' own rows (one query), in the order given; a mention that is gone is left out."""
    if not mention_ids:
        return []
    found = {}
    for row in conn.execute(
        f"""SELECT m.id, m.segment_id, s.article_id, s.seq, m.side, m.start, m.end, m.surface, m.norm, m.lang,
                  {implied.detector()}, m.counterpart_id, l.entity_id, l.status, l.score, {expanded()}, l.proposal,
                  {implied.decided_by()}, l.updated_at, s.text, e.canonical_en
           FROM mentions m JOIN segments s ON s.id = m.segment_id
           LEFT JOIN links l ON l.mention_id = m.id LEFT JOIN entities e ON e.id = l.entity_id
           WHERE m.id IN ({", ".join("?" * len(mention_ids))})""",
        mention_ids,
    ):
        view = dict(zip(_VIEW_KEYS, row))
        view["proposal"] = json.loads(view["proposal"]) if view["proposal"] else None
        found[view["id"]] = view
    return [found[mid] for mid in mention_ids if mid in found]


def mention_view(conn: sqlite3.Connection, mention_id: int) -> dict:
    """One mention as the review screen shows it."""
    return add_details(conn, _views(conn, [mention_id])[0])


def has_details(view: dict) -> bool:
    return "candidates" in view


def add_details(conn: sqlite3.Connection, view: dict) -> dict:
    """``view`` (a mention's row) with its English, its counterpart and its candidates; returned."""
    mention_id = view["id"]
    pair = pair_of_segment(conn, view["segment"], mentions=False)
    view["english_text"] = pair.english if pair is not None else None
    cp = view["counterpart_id"]
    view["counterpart"] = None
    if cp is not None:
        c = conn.execute("SELECT m.id, m.side, m.start, m.end, m.surface, m.lang, l.proposal FROM mentions m"
                         " LEFT JOIN links l ON l.mention_id = m.id WHERE m.id = ?", (cp,)).fetchone()
        if c:
            view["counterpart"] = dict(zip(("id", "side", "start", "end", "surface", "lang"), c))
            # the type its cue gave (قرية البو حسن: a place), for a mention whose own cue says nothing
            view["counterpart"]["type"] = json.loads(c[6]).get("type") if c[6] else None
    view["candidates"] = [
        dict(zip(("rank", "entity_id", "score", "variant", "why", "canonical"), c))
        for c in conn.execute(
            """SELECT c.rank, c.entity_id, c.score, c.variant, c.why, e.canonical_en FROM candidates c
               LEFT JOIN entities e ON e.id = c.entity_id WHERE c.mention_id = ? ORDER BY c.rank""",
            (mention_id,),
        )
    ]
    if not view["candidates"] and view["entity_id"] is not None:
        # an accepted exact match stores no candidate row (workbench.align.run.keeps_candidates): its link is it
        view["candidates"] = [{"rank": 1, "entity_id": view["entity_id"], "score": view["score"], "variant": None,
                               "why": view["why"], "canonical": view["canonical"]}]
    return view
