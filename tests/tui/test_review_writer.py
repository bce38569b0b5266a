"""Decisions written by a worker and the grouped queue counted by one: keys answer while they run.

Each test holds the worker on a gate (an Event) to see the screen and the database in between, then
lets it go and checks both again.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.tui.conftest import mention, query, settle, shown
from tests.tui.test_review_flow import SIZE, last_decision, link, open_review
from tests.tui.test_review_groups import pending_by_spelling, rows
from tests.tui.test_review_span import status_line
from workbench.tui.state.review import GroupQueue, ReviewState


@pytest.fixture
def gate(monkeypatch):
    """Hold ``owner.name`` (a static method run in a worker) until the returned event is set; the calls
    it let through are listed on the event (``calls``), with the most that ran at once (``most``)."""

    def hold(owner, name):
        event = threading.Event()
        real = getattr(owner, name)
        running = []
        event.calls, event.most = [], 0

        def held(*args):
            assert event.wait(timeout=60), "the gate was never opened"
            running.append(1)
            event.most = max(event.most, len(running))
            try:
                event.calls.append(args[-1])
                return real(*args)
            finally:
                running.pop()

        monkeypatch.setattr(owner, name, staticmethod(held))
        return event

    return hold


def row_text(screen, index: int) -> str:
    """The queue row ``index`` as the screen shows it (the header is line 0)."""
    table = screen.queue
    return table.render_line(index - round(table.scroll_y) + 1).text


async def test_a_decision_answers_at_once_and_is_written_by_the_worker(make_app, corpus_db, gate):
    maliki = mention(corpus_db, 3, "Maliki")
    before, since = link(corpus_db, maliki), last_decision(corpus_db)
    held = gate(ReviewState, "carry_out")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        total = screen.queue.total
        assert screen.item.id == maliki
        await pilot.press("y")
        # the queue moved on; the decided row says it is being saved; nothing is written yet
        assert screen.queue.cursor == 1 and screen.item.id != maliki
        assert "confirm: saving…" in row_text(screen, 0)
        assert link(corpus_db, maliki) == before and last_decision(corpus_db) == since
        following = screen.item.id
        await pilot.press("s")  # keys are handled while the decision is written
        assert "skipped" in shown(screen.query_one("#review-status"))
        assert screen.queue.cursor == 2
        third = screen.item.id
        held.set()
        await settle(pilot)
        assert link(corpus_db, maliki) == ("confirmed", "nouri-al-maliki", "tester")
        assert query(corpus_db, "SELECT action FROM decisions WHERE id > ? AND target = 'mention'", since) == [
            ("confirm",)]
        assert "confirm: “Maliki” → Nouri al-Maliki" in shown(screen.query_one("#review-status"))
        assert screen.queue.total == total - 1
        assert screen.item.id == third != following  # the cursor stays on the row it was on
        assert all("saving" not in row_text(screen, i) for i in range(screen.queue.total))


async def test_a_failed_write_says_why_and_puts_the_item_back(make_app, corpus_db, monkeypatch):
    maliki = mention(corpus_db, 3, "Maliki")
    before, since = link(corpus_db, maliki), last_decision(corpus_db)

    def locked(conn, request):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ReviewState, "carry_out", staticmethod(locked))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("y")
        await settle(pilot)
        assert shown(screen.query_one("#review-status")).strip() == "not saved: database is locked"
        assert screen.item.id == maliki and screen.queue.cursor == 0  # back under the cursor
        assert "saving" not in row_text(screen, 0)
        assert link(corpus_db, maliki) == before and last_decision(corpus_db) == since


async def test_decisions_are_written_one_at_a_time_in_the_order_made_then_undo(make_app, corpus_db, gate):
    since = last_decision(corpus_db)
    held = gate(ReviewState, "carry_out")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        made = [screen.queue.row_at(i).id for i in range(3)]
        await pilot.press("u", "u", "u", "z")  # z undoes the last of them, after they are written
        assert screen.saving == 4 and last_decision(corpus_db) == since
        held.set()
        await settle(pilot)
        assert [request.row.id for request in held.calls] == made and held.most == 1
        written = query(corpus_db, "SELECT action, target_id FROM decisions WHERE id > ? AND target = 'mention'"
                                   " ORDER BY id", since)
        assert written == [("unsure", str(m)) for m in made] + [("undo", str(made[-1]))]
        assert [link(corpus_db, m)[2] for m in made] == ["tester", "tester", "auto"]
        assert screen.saving == 0


async def test_grouped_queue_is_counted_in_a_worker_while_keys_answer(make_app, corpus_db, gate):
    held = gate(GroupQueue, "compute")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("m")
        assert "counting…" in shown(screen.query_one("#queue-title"))
        assert "counting…" in shown(screen.query_one("#item")) and screen.queue.total == 0
        await pilot.press("l")  # the language filter: handled at once, counted again (still held)
        assert "language: ar" in shown(screen.query_one("#review-status"))
        await pilot.press("H")
        assert screen.query_one("#history").has_focus
        held.set()
        await settle(pilot)
        title = shown(screen.query_one("#queue-title"))
        assert "counting" not in title and "ar" in title
        assert rows(screen) == pending_by_spelling(corpus_db, "m.lang = 'ar'")
        # both counts ran once the gate opened, in either order; the screen shows the filtered one
        assert sorted(str(wanted[1].lang) for wanted in held.calls) == ["None", "ar"]


async def test_a_count_no_longer_wanted_is_interrupted(make_app, corpus_db, monkeypatch):
    """m pressed again while the grouped queue is counted: the first count's query stops at once (its
    connection interrupted) and the screen shows the second count, the database's groups."""
    real = GroupQueue.compute
    outcomes: list[str] = []
    started = threading.Event()

    def slow_first(conn, wanted):
        if not outcomes:
            outcomes.append("running")
            conn.set_progress_handler(lambda: started.set(), 1000)  # set once the query runs (None: go on)
            try:  # minutes of work, unless interrupted
                conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000)"
                             " SELECT count(*) FROM c").fetchone()
                outcomes[0] = "finished"
            except sqlite3.OperationalError as exc:
                outcomes[0] = str(exc)
                raise
        return real(conn, wanted)

    monkeypatch.setattr(GroupQueue, "compute", staticmethod(slow_first))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("m")
        assert started.wait(timeout=60)
        await pilot.press("m")  # by entity now: the count by spelling is of no use
        await settle(pilot)
        assert outcomes == ["interrupted"]
        assert screen.state.mode == "entity" and not screen.counting
        assert sum(g["count"] for g in (screen.queue.row_at(i) for i in range(screen.queue.total))) == query(
            corpus_db, "SELECT count(*) FROM links WHERE status IN ('suggested', 'unsure', 'new')")[0][0]
        assert "could not be counted" not in shown(screen.query_one("#review-status"))


async def test_quit_writes_the_decisions_still_being_saved(make_app, corpus_db, gate):
    maliki = mention(corpus_db, 3, "Maliki")
    held = gate(ReviewState, "carry_out")
    app = make_app()
    said = app.notify

    def notify(message, **options):  # the quit waits on the writer: let it go then, not before
        if message.startswith("Saving the last decisions"):
            held.set()
        said(message, **options)

    app.notify = notify
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("y", "u")
        assert not held.is_set() and link(corpus_db, maliki)[0] == "unsure"
        await app.action_quit()
    assert held.is_set() and len(held.calls) == 2
    assert link(corpus_db, maliki) == ("confirmed", "nouri-al-maliki", "tester")
    second = held.calls[1].row.id
    assert link(corpus_db, second)[2] == "tester"


async def test_a_row_being_saved_is_not_decided_twice(make_app, corpus_db, gate):
    held = gate(ReviewState, "carry_out")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("G")  # the last row: the queue cannot move on from it
        last = screen.item.id
        since = last_decision(corpus_db)
        await pilot.press("u", "u")
        assert screen.item.id == last and screen.saving == 1
        assert "unsure saving…" in shown(screen.query_one("#review-status"))
        held.set()
        await settle(pilot)
        assert query(corpus_db, "SELECT action, target_id FROM decisions WHERE id > ? AND target = 'mention'",
                     since) == [("unsure", str(last))]


async def test_after_a_write_the_item_pane_draws_only_its_header_again(make_app, corpus_db, gate):
    """The decision written, the queue is read again: the item under the cursor is the same, so its
    body (sentence pair, link, candidates) is reused and only its header (its place) changes."""
    held = gate(ReviewState, "carry_out")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        total = screen.queue.total
        await pilot.press("y")
        following, body = screen.item.id, screen._body
        assert f"2 of {total} waiting" in shown(screen.query_one("#item"))
        held.set()
        await settle(pilot)
        assert screen.item.id == following and screen.queue.total == total - 1
        assert f"1 of {total - 1} waiting" in shown(screen.query_one("#item"))
        assert screen._body is body and "Candidates" in shown(screen.query_one("#item"))


async def test_a_fault_while_showing_a_written_decision_is_said_and_the_queue_read_again(make_app, corpus_db,
                                                                                       monkeypatch):
    """An exception in the step that shows a decision's result (it ran in the writer's callback, where
    it vanished and left the row "saving…") is said in the status line and the queue is read again."""
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert screen.item.id == maliki

        def broken(self, request, result):
            raise KeyError("lang")

        monkeypatch.setattr(type(screen), "_decided", broken)
        await pilot.press("y")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "the last decision was written, but the screen could not show it (KeyError" in status_line(screen)
        assert link(corpus_db, maliki)[0] == "confirmed"
        assert screen.saving == 0 and all("saving" not in row_text(screen, k) for k in range(screen.queue.total))
