"""The review's vocabulary: link statuses, the analyst's actions, who decided, and the thresholds.

Every module that writes or reads a link status, an action or a threshold takes it from here; the
review queue's order and the database index that serves it are derived from ``ACCEPT``.
"""

from __future__ import annotations

# ---- link statuses --------------------------------------------------------------------------------
NEW = "new"  # no glossary entity fits: a new entity is proposed
SUGGESTED = "suggested"  # a plausible entity, below the acceptance threshold
ACCEPTED = "accepted"  # linked automatically, at or above the threshold
CONFIRMED = "confirmed"  # linked by the analyst
REJECTED = "rejected"  # the analyst said this is not the entity
UNSURE = "unsure"  # the analyst could not tell
DISMISSED = "dismissed"  # not a name at all (the analyst said so, or a remembered non-name)

STATUSES = (NEW, SUGGESTED, ACCEPTED, CONFIRMED, REJECTED, UNSURE, DISMISSED)
PENDING = (SUGGESTED, UNSURE, NEW)  # waiting for the analyst: the review queue
LINKED = (CONFIRMED, ACCEPTED)  # shown with the entity's canonical name, exported as the entity


def pending_test(column: str = "l.status") -> str:
    """SQL that is true for a pending status: the very condition of the pending-links indexes
    (``links_review``, ``links_pending``; a query must use it to use them). Written with ``=`` and
    ``OR``: SQLite builds a temporary table for an ``IN`` list on every row an index is kept for."""
    return "(" + " OR ".join(f"{column} = '{s}'" for s in PENDING) + ")"

# ---- the analyst's actions ------------------------------------------------------------------------
CONFIRM = "confirm"
REJECT = "reject"
MARK_UNSURE = "unsure"
CORRECT = "correct"
CREATE = "new"
DISMISS = "not-a-name"  # the mention is no name: dismissed, and its spelling remembered as a non-name
ACTIONS = (CONFIRM, REJECT, MARK_UNSURE, CORRECT, CREATE, DISMISS)
STATUS_OF = {CONFIRM: CONFIRMED, CORRECT: CONFIRMED, CREATE: CONFIRMED, REJECT: REJECTED, MARK_UNSURE: UNSURE,
             DISMISS: DISMISSED}
EDIT_SPAN = "span"  # not a link decision: moves the mention's start and end (workbench.review.spans)

AUTO = "auto"  # ``links.decided_by`` of a link the aligner made; anything else is an analyst's name
GLOSSARY = "glossary"  # ``mentions.detector`` of a name found by its glossary spelling (most of them)

# ---- thresholds -----------------------------------------------------------------------------------
ACCEPT = 0.86  # a score at or above this links without review (the linker and the names matcher)
SUGGEST = 0.5  # below this no entity is suggested

# the review queue shows the most uncertain first: scores nearest the threshold. The links_review
# index (migration 0003) is built on this very expression, so the queue is served by it.
QUEUE_ORDER = f"abs(l.score - {ACCEPT})"

# score bands of the grouped review queue (a filter, and where a group's scores lie): name, from, below
SCORE_BANDS = (("low", 0.0, SUGGEST), ("mid", SUGGEST, 0.7), ("high", 0.7, ACCEPT), ("top", ACCEPT, 2.0))
