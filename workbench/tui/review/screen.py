"""The review screen: the queue (most uncertain first), the item in detail, and the history pane."""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from workbench import vocabulary
from workbench.errors import UserError
from workbench.review.groups import Filters
from workbench.review.stale import StaleView
from workbench.tui import after_work, keys
from workbench.tui.render.arabic import display_line
from workbench.tui.review import detail, history
from workbench.tui.review.history import HistoryPane
from workbench.tui.state.review import Group, GroupQueue, Item, ReviewState
from workbench.tui.widgets.confirm import ConfirmDialog
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.scroll_pane import ScrollPane
from workbench.tui.widgets.status_line import StatusLine
from workbench.tui.widgets.virtual_table import Column, VirtualTable

QUEUE_COLUMNS = (Column("Score", 5, "right"), Column("Name"), Column("Proposed"), Column("Lang", 4))
GROUP_COLUMNS = (Column("Count", 5, "right"), Column("Name"), Column("Proposed"), Column("Lang", 5))
EMPTY = "Nothing waits for review. 1 goes to the articles."
GROUPS_EMPTY = "No group waits for review with these filters (esc: all)."
COUNTING = "counting…"
SAVING = "saving…"
FILTER_NAMES = {"lang": "language", "entity_type": "type", "status": "status", "band": "score band"}
KIND_WORDS = {"this": "this mention", "same_spelling": "spelled the same or in the group",
              "moved": "taken from another entity", "demoted": "demoted to their next candidate",
              "other": "other"}


def queue_cells(item: Item) -> tuple:
    status = item["status"]
    proposed = item["canonical"] or ("(new)" if status == "new" else "")
    mark = {"unsure": "?", "new": "+"}.get(status, "")
    return (f"{item['score']:.2f}", item["surface"], _saving(item) or f"{mark}{proposed}", item["lang"])


def queue_key(item: Item) -> tuple:
    """What a queue row shows: rendered lines are reused while it stays the same."""
    return (item.id, item["status"], item["score"], item["canonical"], item["surface"], item["lang"], item["saving"])


def group_cells(group: Group) -> tuple:
    spellings = group["spellings"]
    name = spellings[0] + (f" +{len(spellings) - 1}" if len(spellings) > 1 else "")
    return (str(group["count"]), name, _saving(group) or group["canonical"] or "+(new)", ",".join(group["langs"]))


def group_key(group: Group) -> tuple:
    return (group.id, group["count"], tuple(group["status"].items()), tuple(group["spellings"]), group["canonical"],
            group["saving"])


def _saving(row: Item | Group) -> Text | None:
    """The Proposed cell of a row whose decision is being written."""
    return Text(f"{row['saving']}: {SAVING}", style="italic") if row["saving"] else None


class ReviewScreen(Screen):
    """One key per decision; every decision is committed at once and can be undone."""

    CSS_PATH = "review.tcss"
    BINDINGS = keys.bindings("review")
    KEY_SCOPES = {"review": None, "history": "#history", "table": "#queue"}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Under 100 columns the queue pane gives the item pane room (``review.tcss``)."""

    def __init__(self) -> None:
        super().__init__()
        self.state: ReviewState | None = None
        self.loaded_version = -1
        self._shown: tuple | None = None
        self._body_key: tuple | None = None  # what the item pane's body shows (``show_item``)
        self._body: detail.Drawn | None = None
        self._writes: deque[tuple[Callable, Callable]] = deque()
        """Writes waiting for the writer (decisions, undo): (work on a connection, what to do after)."""
        self._writing = False
        self._count_token = 0
        """Bumped by every count of the grouped queue: a count that finishes late is dropped."""
        self.counting = False
        """The grouped queue is being counted (in a worker)."""
        self._counter: sqlite3.Connection | None = None  # the running count's connection, to interrupt it

    def compose(self) -> ComposeResult:
        yield NavBar("review")
        with Horizontal(id="review-body"):
            with Vertical(id="review-left"):
                yield Static("Queue · most uncertain first", id="queue-title", classes="pane-title")
                yield VirtualTable(QUEUE_COLUMNS, queue_cells, id="queue", page_size=40, row_key=queue_key,
                                   bidi=self.app.bidi, empty=EMPTY)
                yield Static("History · H to enter, z undo, e change", classes="pane-title")
                yield HistoryPane(id="history")
            yield ScrollPane(id="item", hint="J K scroll")
        yield StatusLine(id="review-status", classes="status-line")
        yield KeyBar(palette=False)  # ctrl+p is listed in the help (?)

    def on_mount(self) -> None:
        self.state = ReviewState(self.app.session.conn)
        self.queue.set_source(self.state)
        self.queue.focus()
        self.refresh_history()
        self.loaded_version = self.app.data_version
        self.app.ensure_names()

    @property
    def queue(self) -> VirtualTable:
        return self.query_one("#queue", VirtualTable)

    @property
    def item(self) -> Item | Group | None:
        return self.queue.row

    def on_screen_resume(self) -> None:
        if self.state is not None and self.loaded_version != self.app.data_version:
            self.loaded_version = self.app.data_version
            self._reload()
            self.refresh_history()

    # ---- showing ---------------------------------------------------------------------------------

    @on(VirtualTable.Highlighted, "#queue")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.show_item()

    @on(VirtualTable.Selected, "#queue")
    def _selected(self, event: VirtualTable.Selected) -> None:
        self.action_open_article()

    def show_item(self, force: bool = False) -> None:
        """Redraw the item pane: one widget, no layout pass (keys answer in milliseconds)."""
        item = self.item
        key = (item.id if item else None, self.queue.cursor, self.queue.total, self.state.bulk,
               self.state.article_id, self.state.mode, self.state.group_filters, self.app.data_version,
               self.counting, item and item["saving"])
        if key == self._shown and not force:
            return  # already on screen (the table's Highlighted message after a direct call)
        same = self._shown is not None and self._shown[0] == key[0]  # the pane stays scrolled where it was
        self._shown = key
        self.query_one("#queue-title", Static).update(self._title(), layout=False)
        pane = self.item_pane
        if item is None:
            empty = COUNTING if self.counting and self.state.groups.counting else "Nothing waits for review here."
            pane.update(Text(empty, style="bold"))
            return
        if isinstance(item, Group):
            pane.update(detail.render_group(item.data, self.queue.cursor, self.queue.total, self.state.mode,
                                            self.state.first(item).data, self.app.bidi), keep_top=same)
            return
        data = self.state.first(item).data
        spelled = self.state.same_spelling(item)
        body = (self.state.bulk, spelled, self.app.bidi, {k: v for k, v in data.items() if k != "saving"})
        if body != self._body_key:  # else the same item, unchanged, only its place in the queue moved
            self._body_key, self._body = body, detail.item_body(data, self.state.bulk, spelled, self.app.bidi)
        pane.update(detail.render_item(data, self.queue.cursor, self.queue.total, self._body), keep_top=same)

    @property
    def item_pane(self) -> ScrollPane:
        return self.query_one("#item", ScrollPane)

    def action_scroll_item(self, pages: int) -> None:
        """Show more of the item pane (at 80x24 its candidates are below the sentence pair)."""
        self.item_pane.scroll(pages * self.item_pane.page)

    def _title(self) -> str | Fitting:
        """What the queue shows: one mention a row or groups, and the filters that apply."""
        state = self.state
        title = "Queue · most uncertain first" if state.mode == "mention" else f"Queue · by {state.mode}"
        limits = [f"article {state.article_id}"] if state.article_id is not None else []
        if state.mode != "mention":
            limits += [f"score {value}" if name == "band" else value
                       for name, value in vars(state.group_filters).items() if value is not None and name in FILTER_NAMES]
        counting = f" · {COUNTING}" if self.counting else ""
        if limits:
            return f"{title} · {', '.join(limits)}{counting} (esc: all)"
        full = title + counting + (" (m: groups)" if state.mode == "mention" else " (m: next)")
        return Fitting(full, full.replace(" · most uncertain first", ""))  # 80 columns: the key hint whole

    def refresh_history(self) -> None:
        self.query_one(HistoryPane).show(self.state.history(50))

    def say(self, message: str, error: bool = False) -> None:
        self.query_one("#review-status", StatusLine).say(message, "bold red" if error else "")

    def show_article(self, article_id: int | None) -> None:
        """Limit the queue to one article (called by the article view's ``r``)."""
        self.state.article_id = article_id
        self._reload(cursor=0)
        self.queue.focus()

    # ---- the queue, read again --------------------------------------------------------------------

    def _reload(self, *, cursor: int | None = None, recount: bool = False) -> None:
        """Read the queue again, the cursor on the row it was on (wherever that row now stands) or on
        ``cursor``; the grouped queue is counted again in a worker (``recount``: its rows are dropped
        meanwhile, for other filters; else they stay on screen until the new count replaces them)."""
        self.state.forget_counts()
        if self.state.mode != "mention":
            self._count_groups(clear=recount, cursor=cursor)
        elif cursor is None and self.item is not None:
            self.queue.reload(cursor=self._where_now())
        else:
            self.queue.reload(cursor=cursor)
        self.show_item()

    def _where_now(self, ahead: int = 20) -> int | None:
        """Where the row under the cursor stands now; if it left the queue (decided, here or by another
        analyst), where the first row after it that still waits stands (None: the cursor stays)."""
        here = self.queue.cursor
        for index in range(here, here + ahead):
            row = self.queue.row_at(index)
            if row is None:
                return None
            where = self.state.position(row.id)
            if where is not None:
                return where
        return None

    def _count_groups(self, *, clear: bool, cursor: int | None = None) -> None:
        groups = self.state.groups
        keep = None if cursor is not None or self.item is None else self.item.id
        if clear:
            groups.rows = None
            self.queue.reload(cursor=0)
        self._stop_count()
        self.counting = True
        self.queue.empty = COUNTING
        self._count_worker(groups.wanted(), self._count_token, keep, cursor)

    def _stop_count(self) -> None:
        """A count still running is of no use now: its result is dropped, its query interrupted."""
        self._count_token += 1
        self.counting = False
        conn, self._counter = self._counter, None
        if conn is not None:
            try:
                conn.interrupt()
            except sqlite3.ProgrammingError:  # it has just finished and closed
                pass

    @work(thread=True, group="count", exit_on_error=False)
    def _count_worker(self, wanted, token: int, keep: tuple | None, cursor: int | None) -> None:
        conn = self._counter = self.app.session.connect()
        try:
            rows = GroupQueue.compute(conn, wanted)
        except Exception as exc:  # noqa: BLE001 - said in the status line, never a traceback
            rows = exc
        finally:
            conn.close()
        self.app.call_from_thread(self._counted, token, rows, keep, cursor)

    def _counted(self, token: int, rows: list | Exception, keep: tuple | None, cursor: int | None) -> None:
        if token != self._count_token:
            return  # another count started since (another mode or filter): this one is out of date
        self.counting, self._counter = False, None
        self.queue.empty = GROUPS_EMPTY
        if isinstance(rows, Exception):
            self.say(f"the grouped queue could not be counted: {rows}; r tries again", error=True)
            rows = []
        self.state.groups.rows = rows
        if self.state.mode != "mention":
            where = self.state.groups.index_of(keep) if keep is not None else None
            self.queue.reload(cursor=cursor if where is None else where)
        self.show_item(force=True)

    # ---- deciding: written by a worker, one at a time, in order --------------------------------------

    def _write(self, work: Callable, then: Callable, row: Item | Group | None = None) -> None:
        """Queue a write for the writer: ``work(conn)`` runs in a worker on its own connection, each in
        order after the previous one; ``then(result)`` (an exception if it failed) on this thread after.
        ``row``: the queue row it decides, shown "saving…" until ``then`` has shown the result."""
        self._writes.append((work, then, row))
        self._next_write()

    def _next_write(self) -> None:
        if not self._writing and self._writes:
            self._writing = True
            self._writer(*self._writes.popleft())

    @work(thread=True, group="decide", exit_on_error=False)
    def _writer(self, work: Callable, then: Callable, row: Item | Group | None) -> None:
        try:
            conn = self.app.session.connect()
            try:
                result = work(conn)
            finally:
                conn.close()
        except Exception as exc:  # noqa: BLE001 - said in the status line, never a traceback
            result = exc
        self.app.call_from_thread(self._written, then, result, row)

    def _written(self, then: Callable, result, row: Item | Group | None) -> None:
        self._writing = False
        try:  # a fault in showing the result: said, the queue read again (no row left "saving…")
            what = "failed" if isinstance(result, Exception) else "was held back: it changes other links" \
                if isinstance(result, tuple) and result[1] is None else "was written"
            after_work.shown(self, lambda: then(result), f"the last decision {what}",
                             recover=lambda: self._recover(row), recovered="the queue was read again")
        finally:
            self._next_write()

    def _recover(self, row: Item | Group | None) -> None:
        """After a fault in showing a write: its row no longer "saving…", the queue read again."""
        if row is not None:
            self.state.mark(row, None)
        self.action_reload()

    @property
    def saving(self) -> int:
        """Writes queued or running."""
        return len(self._writes) + self._writing

    def _apply(self, item: Item | Group, action: str, **kwargs) -> None:
        """Mark the row "saving…", move on, and have the writer make the decision; when it would change
        other links than the mention's, nothing is written and the analyst is asked first, shown exactly
        what changes (``_decided``)."""
        if item["saving"]:  # decided already (the last row: the cursor had nowhere to move on to)
            self.say(f"“{item['surface']}”: {item['saving']} {SAVING}", error=True)
            return
        request = self.state.request(item, action, **kwargs)
        self._send(request)
        if self.item is not None and self.item.id == item.id:
            self.queue.action_cursor_down()
        self.show_item()

    def _send(self, request) -> None:
        self.state.mark(request.row, request.action)
        if self.item is not None and self.item.id == request.row.id:  # a key on the row under the cursor
            self.queue.refresh_row(self.queue.cursor)  # that row alone shows "saving…"
        else:
            self.queue.refresh()
        self._write(lambda conn: self.state.carry_out(conn, request), lambda result: self._decided(request, result),
                    request.row)

    def _decided(self, request, result) -> None:
        item = request.row
        if isinstance(result, Exception):
            self.state.mark(item, None)
            self._refused(result, item)
            return
        preview, outcome = result
        if outcome is None:  # it changes other links: ask, showing what changes; the row waits, "saving…"
            self._ask(request, preview)
            return
        self.state.mark(item, None)
        action = request.action
        self.app.data_changed(glossary=action in ("new", "correct", "confirm"))
        count = len(outcome.mention_ids)
        entity = self.state.canonical_of(outcome.entity_id) or outcome.entity_id or ""
        if action == vocabulary.DISMISS:
            self.say(f"not a name: “{item['surface']}” dismissed{f' ({count} mentions)' if count > 1 else ''}; "
                     f"align will not propose it again ({item['lang']}) · z undoes" + _kept(outcome))
        else:
            too = preview.linked_too if preview is not None else 0
            self.say(f"{action}: “{item['surface']}”{' → ' + entity if entity and action != 'reject' else ''}"
                     f"{f' ({count} mentions)' if count > 1 else ''}"
                     f"{f'; {too} other waiting name{_s(too)} linked to it too' if too else ''} · z undoes"
                     + _kept(outcome))
        if isinstance(item, Group) and self.state.groups.rows is not None:  # gone until the recount says
            self.state.groups.rows = [g for g in self.state.groups.rows if tuple(g["key"].values()) != item.id]
        self.loaded_version = self.app.data_version
        self._reload()
        self.refresh_history()

    def _ask(self, request, preview) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                request.confirmed = True
                self._send(request)
            else:
                self.state.mark(request.row, None)
                self.say("nothing changed")
                self._back(request.row)

        counts = ", ".join(f"{n} {KIND_WORDS[kind]}" for kind, n in preview.counts.items() if n)
        lines = "".join(f"\n  {display_line(line, self.app.bidi, rtl=False)}" for line in preview.side_effect_lines())
        self.app.push_screen(ConfirmDialog(f"{display_line(preview.summary(), self.app.bidi)}?",
                                           f"Links that change: {counts}.{lines}\nThe decision is logged; z undoes it."),
                             answered)

    def _back(self, row: Item | Group) -> None:
        """The cursor back on a row whose decision was not written."""
        if isinstance(row, Group):
            where = self.state.groups.index_of(row.id)
        else:
            where = self.state.position(row.id)
        self.queue.reload(cursor=where)
        self.show_item(force=True)

    def _refused(self, exc: Exception, row: Item | Group | None = None) -> None:
        """Say why a decision was refused; a stale view (another analyst decided the name) is read again;
        the row it was made on comes back under the cursor."""
        if not isinstance(exc, UserError):
            exc = UserError(f"not saved: {exc}")
        self.say(str(exc), error=True)
        if isinstance(exc, StaleView):
            self.app.notify(str(exc), title="not written", severity="warning")
            self.action_reload()
        elif row is not None:
            self._back(row)
        else:
            self.show_item(force=True)

    def _busy(self) -> bool:
        """Refuse a write made here, on the screen's connection, while the writer has decisions to save."""
        if self.saving:
            self.say(f"{SAVING} {self.saving} decision(s) still being written; try again in a moment", error=True)
        return bool(self.saving)

    def action_decide(self, action: str) -> None:
        item = self.item
        if item is None:
            return
        if action in ("confirm", "reject") and not item["entity_id"]:
            self.say(f"“{item['surface']}” is not linked to any entity: a creates a new one, c links it to "
                     "one of the glossary", error=True)
            return
        self._apply(item, action)

    def action_skip(self) -> None:
        self.queue.action_cursor_down()
        self.show_item()
        self.say("skipped: it stays in the queue")

    def action_toggle_bulk(self) -> None:
        if isinstance(self.item, Group):
            self.say("a decision on a group already applies to all its mentions", error=True)
            return
        self.state.bulk = not self.state.bulk
        self.show_item(force=True)

    def action_cycle_mode(self) -> None:
        """One mention a row → groups by spelling → groups by entity (counted in a worker)."""
        mode = self.state.next_mode()
        self.state.bulk = False
        if mode == "mention":
            self._stop_count()
            self.queue.set_columns(QUEUE_COLUMNS, queue_cells, row_key=queue_key, empty=EMPTY)
            self.queue.set_source(self.state)
        else:
            self.queue.set_columns(GROUP_COLUMNS, group_cells, row_key=group_key, empty=COUNTING)
            self.state.groups.rows = None
            self.queue.set_source(self.state.groups)
            self._count_groups(clear=True)
        self.show_item()
        self.say(f"queue: {'one mention a row' if mode == 'mention' else 'grouped by ' + mode}")

    def action_cycle_filter(self, name: str) -> None:
        if self.state.mode == "mention":
            self.say("filters apply to the grouped queue: m groups it by spelling or by entity", error=True)
            return
        value = self.state.cycle_filter(name)
        self._reload(cursor=0, recount=True)
        self.say(f"{FILTER_NAMES[name]}: {value or 'any'}")

    def action_correct(self) -> None:
        from workbench.tui.review.picker import Choice, EntityPicker

        item = self.item
        if item is None:
            return
        initial = [Choice(c["entity_id"], c.get("canonical") or c["entity_id"], c["score"], c.get("variant") or "",
                          c.get("why") or "") for c in self.state.first(item)["candidates"]]

        def chosen(entity_id: str | None) -> None:
            if entity_id:
                self._apply(item, "correct", entity_id=entity_id)

        self.app.push_screen(EntityPicker(item["surface"], initial), chosen)

    def action_new_entity(self) -> None:
        from workbench.tui.review.new_entity import NewEntityForm

        item = self.item
        if item is None:
            return
        first = self.state.first(item)
        proposal = first["proposal"] or {}
        form = NewEntityForm(item["surface"], proposal.get("canonical_en") or item["surface"],
                             self.state.new_entity_type(item))

        def done(result) -> None:
            if result is not None:
                self._apply(item, "new", canonical=result.canonical, entity_type=result.type)

        self.app.push_screen(form, done)

    def action_span(self, edge: str, by: int) -> None:
        """Move one edge of the mention's span by a word, re-match it at once, and say what changed."""
        item = self.item
        if item is None or self._busy():
            return
        if isinstance(item, Group):
            self.say("a span is one name's: m goes back to one name a row", error=True)
            return
        try:
            outcome = self.state.edit_span(item, edge, by)
        except UserError as exc:
            self.say(str(exc), error=True)
            return
        self.app.data_changed()
        now = self.state.mention(item.id)
        entity = self.state.canonical_of(outcome.entity_id) or "no entity (new)"
        where = self.state.position(item.id)
        self.say(f"span: “{item['surface']}” → “{now['surface']}” · {now['status']} {now['score']:.2f} {entity}"
                 f"{' · left the queue' if where is None else ''} · z undoes")
        self._reload(cursor=self.queue.cursor if where is None else where)
        self.show_item(force=True)
        self.refresh_history()

    def action_concordance(self) -> None:
        from workbench.tui.review.concordance import ConcordanceScreen

        item = self.item and self.state.first(self.item)  # a group: its first name's spelling
        if item is not None:
            self.app.push_screen(ConcordanceScreen(self.state, item, self.app.bidi))

    def action_undo_last(self) -> None:
        """Undo the latest decision: written after the decisions still being saved, so it is the last one."""
        from workbench.review.decisions import undo

        def undone(outcome) -> None:
            if isinstance(outcome, Exception):
                self._refused(outcome)
                return
            self.app.data_changed(glossary=True)
            self.loaded_version = self.app.data_version
            self.say(f"undone: {len(outcome.mention_ids)} mention(s) back as they were" + _kept(outcome))
            back = None  # the cursor on the name that came back, when it waits again
            if self.state.mode == "mention" and outcome.mention_ids:
                back = self.state.position(outcome.mention_ids[0])
            self._reload(cursor=back)
            self.refresh_history()

        self._write(undo, undone)

    def action_open_article(self) -> None:
        from workbench.tui.article.screen import ArticleScreen

        item = self.item and self.state.first(self.item)
        if item is not None:
            self.app.push_screen(ArticleScreen(item["article_id"], sentence=item["seq"]))

    def action_reload(self) -> None:
        self._reload()
        self.show_item(force=True)
        self.refresh_history()

    def action_clear_filter(self) -> None:
        """Every filter off: the article's, and the grouped queue's."""
        if self.state.article_id is not None or self.state.group_filters != Filters():
            self.state.group_filters = Filters()
            self.show_article(None)

    def action_focus_history(self) -> None:
        pane = self.query_one(HistoryPane)
        pane.focus()
        if pane.row is not None:
            self.say(history.describe(pane.row))

    # ---- the history pane ------------------------------------------------------------------------

    @on(VirtualTable.Highlighted, "#history")
    def _history_highlighted(self, event: VirtualTable.Highlighted) -> None:
        if event.row is not None and event.table.has_focus:
            self.say(history.describe(event.row))

    @on(HistoryPane.Leave)
    def _leave_history(self) -> None:
        self.queue.focus()

    @on(HistoryPane.Change)
    def _change(self, event: HistoryPane.Change) -> None:
        from workbench.tui.review.change import ChangeDialog

        row = event.row
        if self._busy():
            return
        if row.get("undone"):
            self.say("that decision was undone; decide the mention again from the queue", error=True)
            return

        def picked(action: str | None) -> None:
            if action == "correct":
                self._change_correct(row)
            elif action:
                self._confirm_change(row, action, None)

        self.app.push_screen(ChangeDialog(row), picked)

    def _change_correct(self, row: dict) -> None:
        from workbench.tui.review.picker import EntityPicker

        def chosen(entity_id: str | None) -> None:
            if entity_id:
                self._confirm_change(row, "correct", entity_id)

        self.app.push_screen(EntityPicker(row.get("surface") or "?", []), chosen)

    def _confirm_change(self, row: dict, action: str, entity_id: str | None) -> None:
        target = f" → {entity_id}" if entity_id else ""
        question = display_line(f"Change “{row.get('surface')}” from {row['action']} to {action}{target}?",
                                self.app.bidi, rtl=False)
        try:  # what else it changes, shown in the question (nothing is written here)
            others = self.state.redecide(row, action, entity_id=entity_id, dry_run=True).side_effect_lines()
        except UserError:
            others = []  # refused: the decision itself says why, after the question
        detail = "".join(f"\n  {display_line(line, self.app.bidi, rtl=False)}" for line in others)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.say("nothing changed")
                return
            try:
                self.state.redecide(row, action, entity_id=entity_id)
            except UserError as exc:
                self._refused(exc)
                return
            self.app.data_changed(glossary=True)
            self.say(f"changed: “{row.get('surface')}” is now {action}{target}")
            self._reload()
            self.refresh_history()

        self.app.push_screen(ConfirmDialog(question, (f"Other links it changes:{detail}\n" if detail else "")
                                           + "The change is logged; z undoes it."), answered)

    @on(HistoryPane.Undo)
    def _undo(self, event: HistoryPane.Undo) -> None:
        row = event.row
        if self._busy():
            return
        if row.get("undone"):
            self.say("already undone", error=True)
            return
        if row["action"] == "undo":
            self.say("that entry is an undo; decide the mention again instead", error=True)
            return
        count = row.get("mentions", 1)
        question = display_line(f"Undo {row['action']} of “{row.get('surface')}”"
                                f"{f' ({count} mentions)' if count > 1 else ''}?", self.app.bidi, rtl=False)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.say("nothing undone")
                return
            try:
                outcome = self.state.undo(row["decision_id"])
            except UserError as exc:
                self.say(str(exc), error=True)
                return
            self.app.data_changed(glossary=True)
            self.say(f"undone: {row['action']} of “{row.get('surface')}”" + _kept(outcome))
            self._reload()
            self.refresh_history()

        self.app.push_screen(ConfirmDialog(question, "The links go back to what they were before."), answered)


class Fitting:
    """A line that says less when it does not fit the width it is drawn at."""

    def __init__(self, full: str, short: str) -> None:
        self.full, self.short = full, short

    def __rich_console__(self, console, options):
        yield Text(self.full if len(self.full) <= options.max_width else self.short, no_wrap=True,
                   overflow="ellipsis")

    def __eq__(self, other) -> bool:
        return isinstance(other, Fitting) and (self.full, self.short) == (other.full, other.short)


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _kept(outcome) -> str:
    """What a decision or undo left in place, for the status line (an entity the analyst has used since,
    a glossary entity that keeps a dismissed spelling)."""
    return "".join(f" · {note}" for note in getattr(outcome, "notes", []))
