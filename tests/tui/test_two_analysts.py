"""Two analysts on one database: a key pressed on a stale review screen writes nothing and refreshes it."""

from __future__ import annotations

from tests.tui.conftest import mention, query, settle, shown
from tests.tui.test_review_flow import SIZE, last_decision, link, open_review
from workbench.review.decisions import decide
from workbench.store import open_db


def elsewhere(path, mention_id: int, action: str) -> None:
    """Another analyst (bob) decides, on a connection of their own."""
    other = open_db(path).conn
    try:
        decide(other, mention_id, action, user="bob")
    finally:
        other.close()


async def test_stale_decision_is_refused_and_the_queue_refreshed(make_app, corpus_db):
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert screen.item.id == maliki and screen.item["status"] == "unsure"
        total = screen.queue.total
        elsewhere(corpus_db, maliki, "reject")  # another analyst rejects it while this screen shows it
        since = last_decision(corpus_db)
        await pilot.press("y")
        await settle(pilot)
        assert link(corpus_db, maliki) == ("rejected", "nouri-al-maliki", "bob")  # not overwritten
        assert last_decision(corpus_db) == since
        assert query(corpus_db, "SELECT count(*) FROM decisions WHERE user = 'tester' AND target_id = ?",
                     str(maliki)) == [(0,)]
        status = shown(screen.query_one("#review-status"))
        assert status.strip().startswith("nothing written: “Maliki” changed since you saw it: bob (reject) made it")
        assert screen.queue.total == total - 1  # refreshed: the rejected name left the queue
        assert screen.item.id != maliki


async def test_stale_change_from_the_history_is_refused(make_app, corpus_db):
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("y")  # confirm Maliki; the history shows that decision
        await settle(pilot)
        await pilot.press("H")
        assert screen.query_one("#history").row["mention_id"] == maliki
        elsewhere(corpus_db, maliki, "unsure")  # another analyst changes it meanwhile
        since = last_decision(corpus_db)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("n")  # change to reject
        await pilot.pause()
        await pilot.press("y")  # yes
        await pilot.pause()
        assert link(corpus_db, maliki) == ("unsure", "nouri-al-maliki", "bob")
        assert last_decision(corpus_db) == since
        status = shown(screen.query_one("#review-status")).strip()
        assert status.startswith("nothing written: “Maliki” changed since you saw it: bob (unsure)")
        assert screen.query_one("#history").row["user"] == "bob"  # the history was read again


async def test_the_history_says_who_made_each_decision(make_app, corpus_db):
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("y")  # tester confirms Maliki
        await settle(pilot)
        elsewhere(corpus_db, maliki, "unsure")  # then bob changes it
        screen.refresh_history()
        await pilot.press("H")
        await pilot.pause()
        status = shown(screen.query_one("#review-status")).strip()
        assert status.startswith("bob, ") and "unsure “Maliki” → nouri-al-maliki" in status
        await pilot.press("down")
        await pilot.pause()
        status = shown(screen.query_one("#review-status")).strip()
        assert status.startswith("tester, ") and "confirm “Maliki”" in status


async def test_when_the_row_under_the_cursor_leaves_the_cursor_goes_to_the_next_waiting_row(make_app, corpus_db):
    """The rows above and under the cursor are decided elsewhere: the queue is read again and the
    cursor lands on the row that came next, not one further down (no waiting name is skipped)."""
    from workbench.vocabulary import DISMISS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        ids = [screen.queue.row_at(i).id for i in range(4)]
        await pilot.press("down")
        assert screen.item.id == ids[1]
        for mention_id in ids[:2]:
            elsewhere(corpus_db, mention_id, DISMISS)
        screen._reload()
        await pilot.pause()
        assert screen.item.id == ids[2] and screen.queue.cursor == 0
        assert query(corpus_db, "SELECT status FROM links WHERE mention_id = ?", ids[2]) != [("dismissed",)]
