"""A decision taken on a stale screen is refused: the link changed since the analyst last saw it."""

from __future__ import annotations

import sqlite3

from workbench import vocabulary
from workbench.errors import UserError

SEEN = ("status", "entity_id", "decided_by", "updated_at")
"""What a screen shows of a link and hands back as ``expect``: any change to one of them is a change."""


class StaleView(UserError):
    """The link is no longer what the analyst saw; nothing was written."""


def seen(link: dict) -> dict:
    """The part of a link (or of a queue item) that a decision's ``expect`` compares."""
    return {f: link.get(f) for f in SEEN}


def refuse_changed(conn: sqlite3.Connection, mention: dict, now: dict | None, expect: dict) -> None:
    """Raise ``StaleView`` when ``now`` (the link in the database) differs from ``expect`` on a seen field.

    Fields missing from ``expect`` are not compared. The message names who changed the link and to what.
    """
    now_seen = seen(now or {})
    if all(now_seen[f] == expect[f] for f in SEEN if f in expect):
        return
    row = conn.execute(
        """SELECT user, action, at FROM decisions WHERE target = 'mention' AND target_id = ?
           ORDER BY id DESC LIMIT 1""", (str(mention["id"]),)).fetchone()
    if row is not None:
        who, when = f"{row[0]} ({row[1]})", row[2]
    elif now and now.get("decided_by") not in (None, vocabulary.AUTO):
        who, when = now["decided_by"], now.get("updated_at")
    else:
        who, when = "the aligner", (now or {}).get("updated_at")
    raise StaleView(
        f"nothing written: “{mention['surface']}” changed since you saw it: {who} made it {_state(now)}; "
        f"you saw {_state(expect)} (mention {mention['id']}{f', {when}' if when else ''}); look again and decide")


def _state(link: dict | None) -> str:
    if not link or link.get("status") is None:
        return "unlinked"
    entity = link.get("entity_id")
    return f"{link['status']} → {entity}" if entity else link["status"]
