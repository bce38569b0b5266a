"""The analyst's decisions on mentions: confirm, reject, unsure, correct, new entity; bulk; undo.

Every change is a row of the append-only ``decisions`` log with the state before and after, one
batch id per call. Undo restores the before states of a whole batch and appends ``undo`` rows.
Both end by bringing the alignment up to the glossary they leave (``workbench.align.run.refresh``,
in the same transaction): the mentions a learned spelling or a rejection can reach are linked
again, and the next ``align`` has nothing to do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from workbench import vocabulary
from workbench.align.run import refresh
from workbench.text.tokens import stem_surface
from workbench.config import current_user
from workbench.errors import UserError
from workbench.glossary import not_names, rules, store as glossary
from workbench.names.places import place_source
from workbench.glossary.model import ENTITY_TYPES
from workbench.names.index import glossary_index
from workbench.review import stale
from workbench.review.dismiss import dismiss
from workbench.review.links import (
    MAX_ID, Log, Outcome, entity_exists, link_state, mention_of, same_spelling, stem, write_link,
)
from workbench.review.spans import undo_span
from workbench.review.teaching import why_not_taught
from workbench.store import implied
from workbench.store.db import transaction
from workbench.vocabulary import ACCEPT, SUGGEST

ACTIONS = vocabulary.ACTIONS
STATUS_OF = vocabulary.STATUS_OF


# ---- decide -----------------------------------------------------------------------------------------


def decide(conn: sqlite3.Connection, mention_id: int, action: str, *, entity_id: str | None = None,
           canonical: str | None = None, entity_type: str | None = None, all_same: bool = False,
           also: Sequence[int] = (), user: str | None = None, expect: dict | None = None,
           teach: bool = False) -> Outcome:
    """Apply one decision to a mention (``all_same``: and to every undecided mention spelled alike;
    ``also``: and to these mentions, a group of the queue, ``workbench.review.groups``).

    ``expect``: the link as the caller last saw it (``stale.seen``); if it changed since, nothing is
    written and ``stale.StaleView`` says who changed it and to what. Without it, the current state is decided.

    A confirmation teaches the entity the mention's spelling, except a short form that means it only in
    its article (``teaching``; said in the outcome's notes); ``teach`` teaches that one too.
    """
    if action not in ACTIONS:
        raise UserError(f"unknown action '{action}'; use one of: {', '.join(ACTIONS)}")
    if expect is not None:  # every action, a dismissal too
        stale.refuse_changed(conn, mention_of(conn, mention_id), link_state(conn, mention_id), expect)
    if action == vocabulary.DISMISS:  # its own module, which uses this one's helpers
        return dismiss(conn, mention_id, all_same=all_same, also=also, user=user)
    mention = mention_of(conn, mention_id)
    current = link_state(conn, mention_id)
    if action in (vocabulary.CONFIRM, vocabulary.REJECT):
        entity_id = current and current.get("entity_id")
        if not entity_id:
            raise UserError(
                f"mention {mention_id} is not linked to an entity; use `correct ENTITY_ID` or `new`")
    elif action == vocabulary.CORRECT:
        if not entity_id:
            raise UserError("correct needs the entity id to link to, e.g. `correct mosul`")
        if not entity_exists(conn, entity_id):
            raise UserError(f"no entity with id '{entity_id}'; `workbench glossary` lists them")
    elif action == vocabulary.CREATE:
        if entity_type is not None and entity_type not in ENTITY_TYPES:
            raise UserError(f"unknown entity type '{entity_type}'; use one of: {', '.join(ENTITY_TYPES)}")
        _refuse_second_new(conn, mention_id, current)
        proposal = json.loads(current["proposal"]) if current and current.get("proposal") else {}
        canonical = _new_canonical(conn, mention, canonical, proposal)
    elif action == vocabulary.MARK_UNSURE:
        entity_id = current and current.get("entity_id")
    log = Log(conn, user or current_user())
    with transaction(conn):
        before_index = glossary_index(conn)
        if expect is not None:  # again under the write lock: another writer may have come in between
            stale.refuse_changed(conn, mention, link_state(conn, mention_id), expect)
        targets = [mention]
        if all_same:
            targets += same_spelling(conn, mention, entity_id if action in (vocabulary.CONFIRM, vocabulary.REJECT) else None)
        targets += _listed(conn, also, targets, entity_id if action in (vocabulary.CONFIRM, vocabulary.REJECT) else None)
        if action == vocabulary.CREATE:
            entity_id = _create_entity(conn, log, canonical, entity_type or proposal.get("type") or "other", mention,
                                       place_source(proposal["geonames"]) if proposal.get("geonames") else None)
        status = STATUS_OF[action]
        changed, untaught, tried = [], {}, set()
        befores = {m["id"]: current if m["id"] == mention_id else link_state(conn, m["id"]) for m in targets}
        taught = {(b["entity_id"], m["lang"], m["norm"]): m for m in targets if _confirmed_by_analyst(b := befores[m["id"]])
                  and (status != vocabulary.CONFIRMED or b["entity_id"] != entity_id)}
        for (taught_entity, _, _), m in taught.items():  # before anything is learned: a correction may move it
            _unlearn(conn, log, action, taught_entity, m, set(befores))
        for m in targets:
            before = befores[m["id"]]
            target_entity = (before or {}).get("entity_id") if action == vocabulary.MARK_UNSURE else entity_id
            after = {
                "entity_id": target_entity, "status": status,
                "score": 1.0 if status == vocabulary.CONFIRMED else (before or {}).get("score", 0.0),
                "why": f"{action} by {log.user}", "proposal": (before or {}).get("proposal") if action == vocabulary.MARK_UNSURE else None,
                "decided_by": log.user, "updated_at": log.at,
            }
            write_link(conn, m["id"], after)
            did = log.write(action, "mention", m["id"], before, after)
            changed.append(m["id"])
            if action == vocabulary.REJECT:
                _reject(conn, log, m["norm"], entity_id, did)
            if status == vocabulary.CONFIRMED:
                _learn(conn, log, action, entity_id, m, before, None if teach else untaught, tried)
        if action == vocabulary.REJECT:
            for norm in dict.fromkeys(m["norm"] for m in targets):
                _demote_same_pair(conn, log, norm, entity_id)
        refresh(conn, before_index)
    notes = [f"“{text}” not taught to the glossary ({reason}); if it always means this, add it there "
             f"or `decide --teach`" for text, reason in untaught.items()]
    return Outcome(log.batch, log.ids, changed, entity_id, notes)


def _confirmed_by_analyst(link: dict | None) -> bool:
    return bool(link) and link.get("status") == vocabulary.CONFIRMED and bool(link.get("entity_id")) \
        and link.get("decided_by") not in (None, "auto")


def _unlearn(conn: sqlite3.Connection, log: Log, action: str, entity_id: str, mention: dict,
             changing: set[int]) -> None:
    """A confirmation changed to another decision takes back the spelling it taught the entity, unless
    an analyst's confirmation of that spelling to that entity stands on a mention not ``changing``."""
    for (mid,) in conn.execute(
            """SELECT m.id FROM mentions m JOIN links l ON l.mention_id = m.id
               WHERE m.norm = ? AND m.lang = ? AND l.entity_id = ? AND l.status = ?
               AND l.decided_by IS NOT NULL AND l.decided_by <> 'auto'""",
            (mention["norm"], mention["lang"], entity_id, vocabulary.CONFIRMED)):
        if mid not in changing:
            return
    glossary.unlearn_variant(conn, entity_id, mention["lang"], stem(mention), journal=log, action=action)


def _refuse_second_new(conn: sqlite3.Connection, mention_id: int, current: dict | None) -> None:
    """``new`` on a mention already linked to the entity a ``new`` made for it would mint ``x-2``: refused."""
    entity_id = (current or {}).get("entity_id")
    if not entity_id or not entity_exists(conn, entity_id):
        return
    row = conn.execute(
        """SELECT (SELECT min(b.id) FROM decisions b WHERE b.batch = d.batch) FROM decisions d
           WHERE d.target = 'mention' AND d.target_id = ? AND d.action = ?
             AND json_extract(d.after, '$.entity_id') = ?
             AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
           ORDER BY d.id DESC LIMIT 1""", (str(mention_id), vocabulary.CREATE, entity_id)).fetchone()
    if row:
        raise UserError(f"mention {mention_id} already has the entity '{entity_id}' that `new` made for it "
                        f"(decision {row[0]}); `workbench undo {row[0]}` removes it, "
                        f"`correct ENTITY_ID` links the mention elsewhere")


def _listed(conn: sqlite3.Connection, ids: Sequence[int], chosen: list[dict], entity_id: str | None) -> list[dict]:
    """The mentions of ``ids`` not chosen yet; confirming / rejecting an entity, each must be linked to it."""
    seen = {m["id"] for m in chosen}
    out = []
    for mid in dict.fromkeys(ids):
        if mid in seen:
            continue
        if entity_id is not None and (link_state(conn, mid) or {}).get("entity_id") != entity_id:
            raise UserError(f"mention {mid} is not linked to '{entity_id}': confirm and reject apply to the "
                            "mentions of one entity; decide it on its own")
        out.append(mention_of(conn, mid))
    return out


def _new_canonical(conn: sqlite3.Connection, mention: dict, given: str | None, proposal: dict) -> str:
    """The new entity's English name: ``--canonical``, else the English counterpart, else the proposal.

    Only a Latin-script name is taken: an Arabic spelling is never stored as the English name.
    """
    if given is not None:
        wrong = rules.canonical_problem(given)
        if wrong:
            raise UserError(f"--canonical: {wrong}")
        return rules.clean(given)
    options = [stem(mention)] if mention["lang"] == "en" else []
    # a mention naming this one as its counterpart is in the same article (counterpart_id has no index)
    row = conn.execute(
        """SELECT surface, prefix FROM mentions WHERE lang = 'en' AND (id = ? OR counterpart_id = ? AND segment_id IN
               (SELECT s.id FROM segments s WHERE s.article_id = (SELECT t.article_id FROM mentions m
                    JOIN segments t ON t.id = m.segment_id WHERE m.id = ?)))
           ORDER BY id = ? DESC LIMIT 1""",
        (mention.get("counterpart_id"), mention["id"], mention["id"], mention.get("counterpart_id")),
    ).fetchone()
    if row is not None:
        options.append(stem_surface(row[0], row[1] or 0))
    options.append(proposal.get("canonical_en") or "")
    for option in options:
        if option and not rules.canonical_problem(option):
            return rules.clean(option)
    raise UserError(f"mention {mention['id']} ({mention['surface']!r}) has no English name to use: "
                    "give one with --canonical NAME (in Latin script)")


def _create_entity(conn: sqlite3.Connection, log: Log, canonical: str, etype: str, mention: dict,
                   note: str | None) -> str:
    if etype not in ENTITY_TYPES:
        etype = "other"
    eid = glossary.add_entity(conn, None, etype, canonical, note=note, origin="review", journal=log, action="new")["id"]
    if mention["lang"] != "en":
        glossary.learn_variant(conn, eid, "en", canonical, journal=log, action="new")
    return eid


def _learn(conn: sqlite3.Connection, log: Log, action: str, entity_id: str, mention: dict, before: dict | None,
           untaught: dict[str, str] | None, tried: set[tuple[str, str, str]]) -> None:
    """Make the mention's spelling a learned variant of the entity, unless it already is one, or it is a
    short form that means the entity only in its article (``untaught``: spelling -> why, for the note;
    None: teach it all the same); a new entity always learns the spelling the analyst named it from.
    ``tried``: the (entity, language, spelling) already learned, or found known, in this decision."""
    text = stem(mention)
    if untaught is not None and text in untaught or (entity_id, mention["lang"], text) in tried:
        return
    if untaught is not None and action != vocabulary.CREATE and (reason := why_not_taught(conn, mention, entity_id, text, before)) is not None:
        untaught[text] = reason
        return
    glossary.learn_variant(conn, entity_id, mention["lang"], text, journal=log, action=action)
    tried.add((entity_id, mention["lang"], text))


def _reject(conn: sqlite3.Connection, log: Log, norm: str, entity_id: str, decision_id: int) -> None:
    if conn.execute("SELECT 1 FROM rejections WHERE norm = ? AND entity_id = ?", (norm, entity_id)).fetchone():
        return
    conn.execute("INSERT INTO rejections (norm, entity_id, decision_id) VALUES (?, ?, ?)",
                 (norm, entity_id, decision_id))
    log.write("reject", "rejection", f"{entity_id}\t{norm}", None, {"norm": norm, "entity_id": entity_id})


def _demote_same_pair(conn: sqlite3.Connection, log: Log, norm: str, entity_id: str) -> None:
    """Automatic links of the rejected (spelling, entity) pair fall back to their next candidate."""
    rows = conn.execute(
        f"""SELECT m.id FROM mentions m JOIN links l ON l.mention_id = m.id
           WHERE m.norm = ? AND l.entity_id = ? AND {implied.auto()}""",
        (norm, entity_id),
    ).fetchall()
    for (mid,) in rows:
        before = link_state(conn, mid)
        after = _next_best(conn, mid, norm, before, log.at)
        write_link(conn, mid, after)
        log.write("reject", "mention", mid, before, after)


def _next_best(conn: sqlite3.Connection, mention_id: int, norm: str, before: dict, at: str) -> dict:
    """The mention's best candidate not rejected for its spelling, else a proposal for a new entity.

    A link whose only candidate was its own entity stores no candidate row (an accepted exact match,
    ``workbench.align.run.keeps_candidates``): that entity is the rejected one, so no row means no
    next candidate, as the row would have.
    """
    for eid, score in conn.execute(
        """SELECT c.entity_id, c.score FROM candidates c WHERE c.mention_id = ? AND NOT EXISTS
           (SELECT 1 FROM rejections r WHERE r.norm = ? AND r.entity_id = c.entity_id) ORDER BY c.rank""",
        (mention_id, norm),
    ):
        if score >= SUGGEST and entity_exists(conn, eid):
            return {**before, "entity_id": eid, "score": score, "proposal": None, "updated_at": at,
                    "status": vocabulary.ACCEPTED if score >= ACCEPT else vocabulary.SUGGESTED,
                    "why": "next candidate after a rejected spelling"}
    surface = conn.execute("SELECT surface FROM mentions WHERE id = ?", (mention_id,)).fetchone()[0]
    return {**before, "entity_id": None, "status": vocabulary.NEW, "score": 0.0, "updated_at": at,
            "why": "its glossary match was rejected",
            "proposal": json.dumps({"canonical_en": surface, "spellings": {}}, ensure_ascii=False)}


# ---- undo -------------------------------------------------------------------------------------------


def undo(conn: sqlite3.Connection, decision_id: int | None = None, *, user: str | None = None) -> Outcome:
    """Undo the whole batch of ``decision_id`` (default: the latest batch not yet undone)."""
    if decision_id is None:
        row = conn.execute(
            """SELECT d.batch FROM decisions d WHERE d.action <> 'undo' AND d.target = 'mention'
               AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
               ORDER BY d.id DESC LIMIT 1"""
        ).fetchone()
        if row is None:
            raise UserError("nothing to undo: no decision is left that has not been undone")
        batch = row[0]
    else:
        row = conn.execute("SELECT batch, action FROM decisions WHERE id = ?",
                           (decision_id,)).fetchone() if 0 < decision_id <= MAX_ID else None
        if row is None:
            raise UserError(f"no decision with id {decision_id}; the review screen's history pane lists them, "
                            "and `workbench undo` alone undoes the last one")
        if row[1] == "undo":
            raise UserError(f"decision {decision_id} is itself an undo; decide again instead")
        batch = row[0]
    rows = conn.execute(
        "SELECT id, target, target_id, before, after FROM decisions WHERE batch = ? ORDER BY id", (batch,)
    ).fetchall()
    ids = [r[0] for r in rows]
    if conn.execute(
        f"SELECT 1 FROM decisions WHERE undoes IN ({','.join('?' * len(ids))}) LIMIT 1", ids
    ).fetchone():
        raise UserError(f"decision {decision_id or ids[0]} was already undone")
    log = Log(conn, user or current_user())
    mentions: list[int] = []
    entity = None
    notes: list[str] = []
    made = {r[2]: (r[0], json.loads(r[4])) for r in rows if r[1] == "entity" and r[3] is None and r[4]}
    made_spellings: dict[str, dict[int, dict]] = {eid: {} for eid in made}
    undoes_of: dict[str, dict[str, int]] = {eid: {"entity": made[eid][0]} for eid in made}
    with transaction(conn):
        before_index = glossary_index(conn)
        for did, target, target_id, before_s, after_s in reversed(rows):
            before = json.loads(before_s) if before_s else None
            after = json.loads(after_s) if after_s else None
            if target == "variant" and before is None and after and after.get("entity_id") in made:
                made_spellings[after["entity_id"]][int(target_id)] = after  # goes (or stays) with its entity
                undoes_of[after["entity_id"]][target_id] = did
                continue
            if target == "mention":
                mid = int(target_id)
                now_state = link_state(conn, mid)
                if conn.execute("SELECT 1 FROM mentions WHERE id = ?", (mid,)).fetchone():
                    write_link(conn, mid, before)
                mentions.append(mid)
                entity = entity or (after or {}).get("entity_id")
                log.write("undo", target, target_id, now_state, before, undoes=did)
            elif target == "variant":
                glossary.restore_variant(conn, int(target_id), before, journal=log, undoes=did, made=after)
            elif target == "rejection":
                conn.execute("DELETE FROM rejections WHERE norm = ? AND entity_id = ?",
                             (after["norm"], after["entity_id"]))
                log.write("undo", target, target_id, after, None, undoes=did)
            elif target == not_names.TARGET:
                not_names.restore(conn, target_id, before, journal=log, undoes=did)
            elif target == "span":  # an edited span goes back, candidates too
                log.write("undo", target, target_id, undo_span(conn, int(target_id), before), before, undoes=did)
            elif target == "entity" and target_id not in made:
                glossary.soft_delete_entity(conn, target_id, journal=log, action="undo", undoes=did)
        for eid, (_, state) in made.items():
            reason = glossary.created_entity_use(conn, eid, state, made_spellings[eid])
            if reason:
                notes.append(f"entity '{eid}' kept with its spellings: {reason}")
                continue
            _release(conn, log, eid)
            glossary.delete_created_entity(conn, eid, journal=log, undoes=undoes_of[eid])
        refresh(conn, before_index)
    mentions.reverse()
    return Outcome(log.batch, log.ids, list(dict.fromkeys(mentions)), entity, notes)


def _release(conn: sqlite3.Connection, log: Log, entity_id: str) -> None:
    """Automatic links and candidates leave an entity about to go (as re-aligning would do)."""
    conn.execute("DELETE FROM candidates WHERE entity_id = ?", (entity_id,))
    for mid, norm in conn.execute(
        """SELECT l.mention_id, m.norm FROM links l JOIN mentions m ON m.id = l.mention_id
           WHERE l.entity_id = ? AND coalesce(l.decided_by, 'auto') = 'auto'""", (entity_id,)
    ).fetchall():
        before = link_state(conn, mid)
        after = _next_best(conn, mid, norm, before, log.at)
        write_link(conn, mid, after)
        log.write("undo", "mention", mid, before, after)


# ---- history ----------------------------------------------------------------------------------------


def _undone(conn: sqlite3.Connection, ids: list[int], chunk: int = 900) -> set[int]:
    """Which of these decisions an undo undid (a few hundred ids a query)."""
    found: set[int] = set()
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        found.update(r[0] for r in conn.execute(
            f"SELECT undoes FROM decisions WHERE undoes IN ({','.join('?' * len(part))})", part))
    return found


def recent(conn: sqlite3.Connection, limit: int = 50) -> list[dict]:
    """Latest batches, newest first: the mention decided, action, entity, user, time, undone flag."""
    batches: list[str] = []
    first_rows: dict[str, tuple] = {}
    counts: dict[str, int] = {}
    ids_of: dict[str, list[int]] = {}
    for row in conn.execute(
        "SELECT id, at, user, action, target, target_id, after, batch, undoes FROM decisions ORDER BY id DESC"
    ):
        batch = row[7]
        if batch not in ids_of:
            if len(batches) >= limit:
                break
            batches.append(batch)
            ids_of[batch] = []
            counts[batch] = 0
        ids_of[batch].append(row[0])
        if row[4] == "mention":
            counts[batch] += 1
            first_rows[batch] = row  # rows come newest first: the last seen is the batch's first
    shown = [batch for batch in batches if batch in first_rows]
    # two queries for the whole list (not two a row): the mentions decided, and which decisions were undone
    targets = sorted({int(first_rows[batch][5]) for batch in shown})
    mentions = {r[0]: r[1:] for r in conn.execute(
        f"SELECT id, surface, side, lang FROM mentions WHERE id IN ({','.join('?' * len(targets))})", targets)}
    undone_ids = _undone(conn, [i for batch in shown for i in ids_of[batch]])
    out = []
    for batch in shown:
        did, at, user, action, _, target_id, after, _, undoes = first_rows[batch]
        after = json.loads(after) if after else {}
        m = mentions.get(int(target_id))
        undone = not undone_ids.isdisjoint(ids_of[batch])
        out.append({
            "batch": batch, "decision_id": did, "at": at, "user": user, "action": action,
            "mention_id": int(target_id), "surface": m[0] if m else None, "side": m[1] if m else None,
            "entity_id": (after or {}).get("entity_id"), "status": (after or {}).get("status"),
            "mentions": counts[batch], "undone": undone, "undoes": undoes,
        })
    return out
