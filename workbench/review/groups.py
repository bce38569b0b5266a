"""The review queue grouped by spelling or by entity: counts, spellings, status mix, score band, filters."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from workbench import vocabulary
from workbench.errors import UserError
from workbench.store.chunks import rows_in

BY = ("spelling", "entity")
"""``spelling``: one group per language, normalised spelling and proposed entity (a spelling proposed
for two entities is two groups, so that a decision on a group means one thing); ``entity``: one group
per proposed entity, and per spelling for the mentions proposed as a new entity."""
BANDS = {name: (low, high) for name, low, high in vocabulary.SCORE_BANDS}
_STATUS_SUMS = ", ".join(f"sum(l.status = '{s}')" for s in vocabulary.PENDING)


@dataclass(frozen=True)
class Filters:
    """Which pending mentions count: every field left ``None`` means any."""

    lang: str | None = None
    entity_type: str | None = None
    """The proposed entity's type (for a proposed new entity, the proposal's type)."""
    status: str | None = None
    band: str | None = None
    article_id: int | None = None

    def check(self) -> Filters:
        """The filters, or a one-line error naming a value that no mention can have."""
        if self.status is not None and self.status not in vocabulary.PENDING:
            raise UserError(f"status '{self.status}' is not in the review queue; use one of: "
                            f"{', '.join(vocabulary.PENDING)}")
        if self.band is not None and self.band not in BANDS:
            raise UserError(f"unknown score band '{self.band}'; use one of: {', '.join(BANDS)}")
        return self

    def where(self) -> tuple[str, str, list]:
        """SQL ``FROM`` (``links l``, ``mentions m``), conditions and their arguments: an article's
        mentions from its segments, else the pending links from their index (links_pending), never a scan of every mention."""
        joins, where, args = "", [vocabulary.pending_test()], []  # the condition of the pending-links indexes
        if self.lang is not None:
            where.append("m.lang = ?")
            args.append(self.lang)
        if self.status is not None:
            where.append("l.status = ?")
            args.append(self.status)
        if self.band is not None:
            where.append("l.score >= ? AND l.score < ?")
            args += BANDS[self.band]
        if self.entity_type is not None:
            joins += " LEFT JOIN entities e ON e.id = l.entity_id"
            where.append("coalesce(e.type, json_extract(l.proposal, '$.type'), 'other') = ?")
            args.append(self.entity_type)
        if self.article_id is not None:
            source = (f"segments s CROSS JOIN mentions m ON m.segment_id = s.id"  # CROSS: the article first, always
                      f" CROSS JOIN links l ON l.mention_id = m.id{joins}")
            where.append("s.article_id = ?")
            args.append(self.article_id)
        else:
            source = f"links l INDEXED BY links_pending JOIN mentions m ON m.id = l.mention_id{joins}"
        return source, " AND ".join(where), args


def band_of(score: float) -> str:
    """The score band a score falls in."""
    return next((name for name, (low, high) in BANDS.items() if low <= score < high), vocabulary.SCORE_BANDS[-1][0])


def groups(conn: sqlite3.Connection, by: str, filters: Filters = Filters()) -> list[dict]:
    """Every group of pending mentions, the largest first, each with its ``key`` (what
    ``mention_ids`` takes), ``count``, ``spellings``, ``langs``, proposed ``entity_id`` (with
    ``canonical`` and ``type``), ``status`` mix, lowest and highest ``score``, ``band`` and ``first``
    mention (the one a decision on the group is made on)."""
    if by not in BY:
        raise UserError(f"unknown grouping '{by}'; use one of: {', '.join(BY)}")
    source, where, args = filters.check().where()
    if by == "spelling":
        lang, norm = "m.lang", "m.norm"
    else:  # an entity's mentions together, whatever their spelling; a new entity's, by spelling
        lang, norm = "CASE WHEN l.entity_id IS NULL THEN m.lang END", "CASE WHEN l.entity_id IS NULL THEN m.norm END"
    rows = conn.execute(
        f"""SELECT {lang}, {norm}, l.entity_id, count(*), min(m.id), min(l.score), max(l.score),
                   json_group_array(DISTINCT m.surface), json_group_array(DISTINCT m.lang), {_STATUS_SUMS}
            FROM {source} WHERE {where}
            GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3, 1, 2""", args).fetchall()
    entities = _entities(conn, {r[2] for r in rows if r[2] is not None})
    out = []
    for glang, gnorm, eid, count, first, low, high, surfaces, langs, *mix in rows:
        canonical, etype = entities.get(eid, (None, None))
        bands = dict.fromkeys((band_of(low), band_of(high)))
        out.append({
            "key": {"lang": glang, "norm": gnorm, "entity_id": eid}, "count": count,
            "spellings": sorted(json.loads(surfaces)), "langs": sorted(json.loads(langs)),
            "entity_id": eid, "canonical": canonical, "type": etype,
            "status": {s: n for s, n in zip(vocabulary.PENDING, mix) if n},
            "score": (low, high), "band": "–".join(bands), "first": first,
        })
    return out


def mention_ids(conn: sqlite3.Connection, key: dict, filters: Filters = Filters()) -> list[int]:
    """Exactly the pending mentions a group counts (its ``key``, under the same filters), by id."""
    source, where, args = filters.check().where()
    where += " AND l.entity_id IS ?"
    args.append(key["entity_id"])
    for column in ("lang", "norm"):
        if key.get(column) is not None:
            where += f" AND +m.{column} = ?"  # unary +: never the mentions_norm index (every mention so spelled)
            args.append(key[column])
    return [r[0] for r in conn.execute(
        f"SELECT m.id FROM {source} WHERE {where} ORDER BY m.id",
        args)]


def refuse_changed(conn: sqlite3.Connection, seen: dict, ids: list[int]) -> None:
    """Raise ``stale.StaleView`` when the group's pending mentions ``ids`` (``mention_ids`` now) are no
    longer the group as a screen showed it (``seen``, a ``groups`` row): another count, status mix or
    score range means someone decided some of them since; the message names the latest decision."""
    from workbench.review.stale import StaleView
    from workbench.store.chunks import rows_in

    count, low, high, mix = 0, None, None, dict.fromkeys(vocabulary.PENDING, 0)
    for n, lo, hi, *sums in rows_in(conn, f"""SELECT count(*), min(l.score), max(l.score), {_STATUS_SUMS}
                                              FROM links l WHERE l.mention_id IN ({{}})""", ids):
        count += n
        low = lo if low is None or (lo is not None and lo < low) else low
        high = hi if high is None or (hi is not None and hi > high) else high
        for status, k in zip(vocabulary.PENDING, sums):
            mix[status] += k or 0
    now = {"count": count, "status": {s: n for s, n in mix.items() if n}, "score": (low, high) if count else None}
    if now["count"] == seen["count"] and now["status"] == seen["status"] and (
            not count or tuple(now["score"]) == tuple(seen["score"])):
        return
    last = conn.execute(
        f"""SELECT user, action, target_id, at FROM decisions WHERE target = 'mention' AND target_id IN
            ({','.join("'%d'" % int(m) for m in ids[:2000])}) ORDER BY id DESC LIMIT 1""").fetchone() if ids else None
    latest = f"; the latest decision on them: {last[0]} ({last[1]}) on mention {last[2]}, {last[3]}" if last else ""
    raise StaleView(
        f"nothing written: the group “{seen['spellings'][0] if seen.get('spellings') else ''}” changed since you saw "
        f"it: {_mix(seen)} then, {_mix(now)} now{latest}; look again and decide")


def _mix(group: dict) -> str:
    return f"{group['count']} mention(s)" + (
        f" ({', '.join(f'{n} {s}' for s, n in group['status'].items())})" if group["count"] else "")


def _entities(conn: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Canonical name and type of each entity id."""
    return {eid: (canonical, etype) for eid, canonical, etype in rows_in(
        conn, "SELECT id, canonical_en, type FROM entities WHERE id IN ({})", sorted(ids))}
