"""The review queue, the analyst's decisions and their history: calls into workbench.align, no widgets."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from workbench import vocabulary
from workbench.review.groups import BY, Filters, groups, mention_ids

if TYPE_CHECKING:
    from workbench.review.links import Outcome
    from workbench.review.preview import Preview

PENDING = vocabulary.PENDING
SAME_CAP = 500
GUESS_CAP = 50
"""Mentions of a group read for the type of a new entity, at most."""
MODES = ("mention", *BY)
"""What a row of the queue is: one mention, or a group of them (``workbench.review.groups``)."""
FILTER_VALUES = {
    "lang": (None, "ar", "fr", "en"),
    "entity_type": (None, "person", "place", "org", "other"),
    "status": (None, *PENDING),
    "band": (None, *(band[0] for band in vocabulary.SCORE_BANDS)),
}
"""What each filter key of the grouped queue cycles through (None: any)."""


@dataclass
class Item:
    """One mention waiting for a decision, as ``workbench.review.queue.mention_view`` describes it."""

    data: dict

    def __getitem__(self, key):
        return self.data[key]

    @property
    def id(self) -> int:
        return self.data["id"]


@dataclass
class Group:
    """A group of pending mentions, as ``workbench.review.groups.groups`` describes it."""

    data: dict

    def __getitem__(self, key):
        if key == "surface":
            return self.data["spellings"][0]
        if key == "lang":  # as a mention's: the group's languages (one, unless grouped by entity)
            return ", ".join(self.data["langs"])
        return self.data[key]

    @property
    def id(self) -> tuple:
        return tuple(self.data["key"].values())


@dataclass
class Request:
    """A decision the analyst made on a row, as the worker that writes it needs it (no database read)."""

    row: Item | Group
    action: str
    options: dict = field(default_factory=dict)
    confirmed: bool = False
    """The analyst saw its preview and said yes: written even when it changes other links."""


class GroupQueue:
    """The grouped queue as a RowSource: its groups are computed in a worker (``compute``) and handed
    over (``rows``); until then it has none (``counting``)."""

    def __init__(self, state: ReviewState) -> None:
        self.state = state
        self.rows: list[dict] | None = None

    @property
    def counting(self) -> bool:
        return self.rows is None

    def wanted(self) -> tuple[str, Filters]:
        """What to count: the mode and filters now (read on the interface thread, handed to ``compute``)."""
        return self.state.mode, self.state.filters()

    @staticmethod
    def compute(conn: sqlite3.Connection, wanted: tuple[str, Filters]) -> list[dict]:
        """The groups of ``wanted``, read on ``conn`` (a worker's: seconds on a big queue)."""
        return groups(conn, *wanted)

    def count(self) -> int:
        return len(self.rows or ())

    def fetch(self, offset: int, limit: int) -> list[Group]:
        return [self.state.marked(Group(g)) for g in (self.rows or [])[offset:offset + limit]]

    def index_of(self, key: tuple) -> int | None:
        """Where the group ``key`` (``Group.id``) stands, if it is still there."""
        return next((i for i, g in enumerate(self.rows or ()) if tuple(g["key"].values()) == key), None)


class ReviewState:
    """What the review screen shows and does; the decisions themselves are ``workbench.review.decisions``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.article_id: int | None = None
        """Limit the queue to one article (from the article view), or None for all."""
        self.bulk = False
        """The next decision applies to every undecided mention spelled the same (one-shot)."""
        self.mode = MODES[0]
        """One mention a row, or groups by spelling or by entity."""
        self.group_filters = Filters()
        """The grouped queue's filters (language, entity type, status, score band)."""
        self.groups = GroupQueue(self)
        self.saving: dict[int | tuple, str] = {}
        """Rows decided but not yet written (row id -> action): shown "saving…"."""
        self._same: dict[tuple, int] = {}
        """Mentions counted per spelling (``same_spelling``) since the queue was last read again."""

    def filters(self) -> Filters:
        """The grouped queue's filters, with the article the queue is limited to."""
        return replace(self.group_filters, article_id=self.article_id)

    def cycle_filter(self, name: str) -> str | None:
        """Move one filter to its next value; returns the new value."""
        values = FILTER_VALUES[name]
        value = values[(values.index(getattr(self.group_filters, name)) + 1) % len(values)]
        self.group_filters = replace(self.group_filters, **{name: value})
        return value

    def next_mode(self) -> str:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        return self.mode

    # ---- the queue (a RowSource) ---------------------------------------------------------------

    def count(self) -> int:
        if self.article_id is not None:
            row = self.conn.execute("SELECT pending FROM article_stats WHERE article_id = ?",
                                    (self.article_id,)).fetchone()
            return row[0] if row else 0
        marks = ",".join("?" * len(PENDING))  # the counters the links' triggers keep: no scan
        return self.conn.execute(f"SELECT coalesce(sum(n), 0) FROM stats_counters WHERE name IN ({marks})",
                                 [f"links:{s}" for s in PENDING]).fetchone()[0]

    def fetch(self, offset: int, limit: int) -> list[Item]:
        from workbench.review.queue import review_queue

        # the rows alone: the detail pane reads an item's English and candidates when it shows it (``first``)
        return [self.marked(Item(d)) for d in review_queue(self.conn, limit=limit, offset=offset,
                                                           article_id=self.article_id, details=False)]

    def marked(self, row: Item | Group) -> Item | Group:
        """The row with ``saving`` set while a decision on it is being written."""
        row.data["saving"] = self.saving.get(row.id)
        return row

    def mark(self, row: Item | Group, action: str | None) -> None:
        """A decision on the row is being written (``action``), or no longer (None)."""
        if action is None:
            self.saving.pop(row.id, None)
        else:
            self.saving[row.id] = action
        self.marked(row)

    def same_spelling(self, item: Item, cap: int = SAME_CAP) -> int:
        """How many other mentions a bulk decision on this one would also change.

        The rule of ``workbench.review.decisions`` (``all_same``): same normal form and language, not
        decided by a human; for an item linked to an entity (``y`` / ``n``), linked to that entity too.
        Counted up to ``cap`` (shown as "cap or more"): a common name can have tens of thousands.
        The count is kept per spelling (the queue shows the same names again and again) until the queue
        is read again (``forget_counts``, after every write).
        """
        key = (item["norm"], item["lang"], item["entity_id"] or None, cap)
        if key not in self._same:
            entity = "AND l.entity_id = ?" if item["entity_id"] else ""
            args = (item["entity_id"],) if item["entity_id"] else ()
            self._same[key] = self.conn.execute(  # this mention too, when it counts: one more than the cap
                f"""SELECT count(*) FROM (SELECT 1 FROM mentions m LEFT JOIN links l ON l.mention_id = m.id
                    WHERE m.norm = ? AND m.lang = ? AND coalesce(l.decided_by, 'auto') = 'auto'
                    {entity} LIMIT ?)""",
                (item["norm"], item["lang"], *args, cap + 1)).fetchone()[0]
        itself = (item["decided_by"] or "auto") == "auto"
        return min(cap, self._same[key] - itself)

    def forget_counts(self) -> None:
        """Links changed (a decision, an undo, another analyst): spellings are counted again."""
        self._same.clear()

    # ---- deciding ----------------------------------------------------------------------------------

    def first(self, row: Item | Group) -> Item:
        """The mention a decision on the row is made on, with its English and candidates: the row itself
        (completed the first time it is asked for), or the group's first mention."""
        from workbench.review.queue import add_details, has_details, mention_view

        if isinstance(row, Group):
            return Item(mention_view(self.conn, row["first"]))
        if not has_details(row.data):
            add_details(self.conn, row.data)
        return row

    def new_entity_type(self, row: Item | Group) -> str:
        """The type a new entity for the row most likely has (``review.entity_type.guessed_type``): the
        mention's; for a group, its first mention's, else that of the first of its other mentions (up to
        ``GUESS_CAP``) whose cue said one (Hamrin in one sentence, the Hamrin mountains in another)."""
        from workbench.review.entity_type import guessed_type
        from workbench.review.queue import mention_view

        guess = guessed_type(self.first(row).data)
        if guess != "other" or not isinstance(row, Group):
            return guess
        for mention_id in mention_ids(self.conn, row["key"], self.filters())[1:GUESS_CAP]:
            guess = guessed_type(mention_view(self.conn, mention_id))
            if guess != "other":
                return guess
        return "other"

    def request(self, row: Item | Group, action: str, **options) -> Request:
        """A decision on a row, ready for the worker: on a group, on its mentions as they are counted
        then; on a mention, with ``bulk`` on, on every mention spelled the same (``bulk`` is switched off
        here), refused when the mention's link is no longer what the row shows (``StaleView``)."""
        from workbench.review.stale import seen

        all_same, self.bulk = self.bulk, False
        if isinstance(row, Group):
            return Request(row, action, {**options, "filters": self.filters()})
        return Request(row, action, {**options, "all_same": all_same, "expect": seen(row.data)})

    @staticmethod
    def carry_out(conn: sqlite3.Connection, request: Request) -> tuple[Preview, Outcome | None]:
        """Make the decision on ``conn`` (a worker's), one transaction: its preview, and its outcome, or
        None when it changes other links and the analyst has not confirmed it (nothing written then)."""
        from workbench.review.preview import decide_unless_asked

        options, row = dict(request.options), request.row
        if isinstance(row, Group):
            from workbench.review.groups import refuse_changed

            ids = mention_ids(conn, row["key"], options.pop("filters"))
            refuse_changed(conn, row.data, ids)  # another analyst decided some of them: nothing written
            mention_id, options = ids[0], {**options, "also": ids[1:]}
        else:
            mention_id = row.id
        return decide_unless_asked(conn, mention_id, request.action, confirmed=request.confirmed, **options)

    def edit_span(self, item: Item, edge: str, by: int):
        """Move one edge of the mention's span by a word (``by`` 1: wider, -1: narrower) and re-match it.

        ``edge`` is 'left' or 'right' as the screen shows the sentence: Arabic runs right to left, so
        its left edge is the end of the name.
        """
        from workbench.review.spans import LEFT, RIGHT, edit_span, stepped
        from workbench.text.tokens import is_arabic

        if is_arabic(item["surface"]):
            edge = RIGHT if edge == LEFT else LEFT
        return edit_span(self.conn, item.id, *stepped(self.conn, item.id, edge, by))

    def position(self, mention_id: int) -> int | None:
        """Where the mention now stands in the queue (None: it is no longer waiting)."""
        row = self.conn.execute("SELECT l.status, s.article_id FROM links l JOIN mentions m ON m.id = l.mention_id"
                                " JOIN segments s ON s.id = m.segment_id WHERE l.mention_id = ?",
                                (mention_id,)).fetchone()
        if row is None or row[0] not in PENDING or self.article_id not in (None, row[1]):
            return None
        order = vocabulary.QUEUE_ORDER
        waiting = vocabulary.pending_test()  # the partial index's condition
        ahead = f"({order}, l.mention_id) < (SELECT {order.replace('l.', 'x.')}, x.mention_id FROM links x" \
                " WHERE x.mention_id = ?)"
        if self.article_id is None:
            return self.conn.execute(f"SELECT count(*) FROM links l INDEXED BY links_review WHERE {waiting}"
                                     f" AND {ahead}", (mention_id,)).fetchone()[0]
        return self.conn.execute(
            f"""SELECT count(*) FROM segments s JOIN mentions m ON m.segment_id = s.id
                JOIN links l ON l.mention_id = m.id WHERE s.article_id = ? AND {waiting} AND {ahead}""",
            (self.article_id, mention_id)).fetchone()[0]

    def mention(self, mention_id: int) -> dict:
        """The mention as the review shows it (also when it has left the queue)."""
        from workbench.review.queue import mention_view

        return mention_view(self.conn, mention_id)

    def concordance(self, item: Item, offset: int = 0):
        """One page of the sentences spelled like the mention, and what it matched."""
        from workbench.review.concordance import concordance

        return concordance(self.conn, item.id, offset=offset)

    def redecide(self, row: dict, action: str, *, entity_id: str | None = None, dry_run: bool = False):
        """Change an earlier decision (a history row) on its mention: refused if the mention's link is no
        longer what that decision left (``StaleView``). ``dry_run``: its ``Preview`` only, nothing written."""
        from workbench.review.decisions import decide
        from workbench.review.preview import preview

        expect = {"status": row.get("status"), "entity_id": row.get("entity_id")}
        return (preview if dry_run else decide)(self.conn, row["mention_id"], action, entity_id=entity_id,
                                                expect=expect)

    def undo(self, decision_id: int | None = None):
        """Undo a decision's whole batch (default: the latest one not undone)."""
        from workbench.review.decisions import undo

        return undo(self.conn, decision_id)

    def history(self, limit: int = 50) -> list[dict]:
        from workbench.review.decisions import recent

        return recent(self.conn, limit)

    def canonical_of(self, entity_id: str | None) -> str | None:
        if not entity_id:
            return None
        row = self.conn.execute("SELECT canonical_en FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return row[0] if row else None
