"""Not a name: dismiss a mention (``all_same``: its spelling's undecided mentions too) and remember the spelling.

One batch in the decisions log: a ``not-a-name`` row per mention (before / after) and one for the
remembered non-name (``workbench.glossary.not_names``), so ``workbench undo`` restores both. Mentions
linked to an entity that has this very spelling are left out of a bulk dismissal: the glossary's
entity wins over a non-name (the aligner's rule too).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from workbench import vocabulary
from workbench.align.run import refresh
from workbench.config import current_user
from workbench.errors import UserError
from workbench.glossary import not_names
from workbench.review.links import Log, Outcome, link_state, mention_of, same_spelling, stem, write_link
from workbench.store.db import transaction


def dismiss(conn: sqlite3.Connection, mention_id: int, *, all_same: bool = False, also: Sequence[int] = (),
            user: str | None = None) -> Outcome:
    """Mark the mention 'dismissed' and remember its spelling as no name in its language (``also``: these
    mentions too, a group of the review queue)."""
    mention = mention_of(conn, mention_id)
    current = link_state(conn, mention_id)
    if current and current["status"] == vocabulary.DISMISSED and current["decided_by"] not in (None, vocabulary.AUTO):
        raise UserError(f"mention {mention_id} ({mention['surface']!r}) is already dismissed as not a name; "
                        "`workbench undo` takes a dismissal back")
    owners = not_names.glossary_has(conn, mention["lang"], mention["norm"])
    log = Log(conn, user or current_user())
    notes = []
    with transaction(conn):
        targets = [(mention, current)]
        if all_same:
            targets += [(m, state) for m in same_spelling(conn, mention, None)
                        if _dismissable(state := link_state(conn, m["id"]), owners)]
        taken = {m["id"] for m, _ in targets}
        targets += [(mention_of(conn, mid), state) for mid in dict.fromkeys(also)
                    if mid not in taken and _dismissable(state := link_state(conn, mid), owners)]
        for m, before in targets:
            after = {"entity_id": None, "status": vocabulary.DISMISSED, "score": 0.0,
                     "why": f"not a name, by {log.user}", "proposal": None, "decided_by": log.user,
                     "updated_at": log.at}
            write_link(conn, m["id"], after)
            log.write(vocabulary.DISMISS, "mention", m["id"], before, after)
        for lang, spelling in dict.fromkeys((m["lang"], stem(m)) for m, _ in targets):  # a group may hold several
            not_names.remember(conn, lang, spelling, journal=log, action=vocabulary.DISMISS)
        refresh(conn)  # the other mentions of the spelling, as the next align would leave them
    if owners:
        notes.append(f"the glossary has {stem(mention)!r} ({mention['lang']}) as a spelling of "
                     f"{', '.join(owners)}: align keeps linking it there; remove that spelling if it is no name")
    return Outcome(log.batch, log.ids, [m["id"] for m, _ in targets], None, notes)


def _dismissable(state: dict | None, owners: list[str]) -> bool:
    """A bulk dismissal skips mentions already dismissed and links to an entity with this very spelling."""
    if state is None:
        return True
    return state["status"] != vocabulary.DISMISSED and state["entity_id"] not in owners
