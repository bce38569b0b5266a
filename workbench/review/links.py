"""The rows a decision reads and writes: a mention, its link, the mentions spelled alike; the batch log."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from workbench.errors import UserError
from workbench.glossary.journal import Journal
from workbench.store import implied
from workbench.text.tokens import stem_surface
from workbench.vocabulary import AUTO

LINK_FIELDS = ("entity_id", "status", "score", "why", "proposal", "decided_by", "updated_at")
MAX_ID = 2**63 - 1  # SQLite's largest rowid: a larger id names no row


@dataclass
class Outcome:
    """What one call changed."""

    batch: str
    decision_ids: list[int]
    mention_ids: list[int]
    entity_id: str | None
    notes: list[str] = field(default_factory=list)  # what an undo left in place, and why


Log = Journal  # appends decision rows for one batch (one user, one time)


def link_state(conn: sqlite3.Connection, mention_id: int) -> dict | None:
    columns = ", ".join(implied.decided_by("links") if f == "decided_by" else f for f in LINK_FIELDS)
    row = conn.execute(f"SELECT {columns} FROM links WHERE mention_id = ?", (mention_id,)).fetchone()
    return dict(zip(LINK_FIELDS, row)) if row else None


def write_link(conn: sqlite3.Connection, mention_id: int, state: dict | None) -> None:
    if state is None:
        conn.execute("DELETE FROM links WHERE mention_id = ?", (mention_id,))
        return
    conn.execute(
        f"""INSERT INTO links (mention_id, {', '.join(LINK_FIELDS)}) VALUES (?, {', '.join('?' * len(LINK_FIELDS))})
            ON CONFLICT(mention_id) DO UPDATE SET {', '.join(f'{f} = excluded.{f}' for f in LINK_FIELDS)}""",
        (mention_id, *(implied.stored(state.get(f), AUTO) if f == "decided_by" else state.get(f) for f in LINK_FIELDS)),
    )


def mention_of(conn: sqlite3.Connection, mention_id: int) -> dict:
    if not 0 < mention_id <= MAX_ID:
        raise UserError(f"no mention with id {mention_id}; `workbench mentions` lists them")
    row = conn.execute(
        "SELECT id, norm, lang, surface, prefix, counterpart_id FROM mentions WHERE id = ?", (mention_id,)
    ).fetchone()
    if row is None:
        raise UserError(f"no mention with id {mention_id}; `workbench mentions` lists them")
    return dict(zip(("id", "norm", "lang", "surface", "prefix", "counterpart_id"), row))


def entity_exists(conn: sqlite3.Connection, entity_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM entities WHERE id = ? AND deleted_at IS NULL", (entity_id,)
    ).fetchone() is not None


def stem(mention: dict) -> str:
    return stem_surface(mention["surface"], mention.get("prefix") or 0)


def same_spelling(conn: sqlite3.Connection, mention: dict, entity_id: str | None) -> list[dict]:
    """Other mentions with the same normal form and language, not decided by a human."""
    rows = conn.execute(
        f"""SELECT m.id, m.norm, m.lang, m.surface, m.prefix, l.entity_id, {implied.decided_by()} FROM mentions m
           LEFT JOIN links l ON l.mention_id = m.id
           WHERE m.norm = ? AND m.lang = ? AND m.id <> ?""",
        (mention["norm"], mention["lang"], mention["id"]),
    ).fetchall()
    out = []
    for mid, n, lang, surface, prefix, eid, decided_by in rows:
        if decided_by not in (None, "auto"):
            continue
        if entity_id is not None and eid != entity_id:
            continue  # confirming / rejecting this entity: mentions linked elsewhere are not the same case
        out.append({"id": mid, "norm": n, "lang": lang, "surface": surface, "prefix": prefix})
    return out
