"""Two analysts on one database: a key pressed on a stale review screen writes nothing and refreshes it."""

from __future__ import annotations

from tests.tui.conftest import mention, query, shown
from tests.tui.test_review_flow import SIZE, last_decision, link, open_review
from workbench.review.decisions import decide
from workbench.store import open_db


async def test_stale_decision_is_refused_and_the_queue_refreshed(make_app, corpus_db):
    sinaa = mention(corpus_db, 2, "Sinaa")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert screen.item.id == sinaa and screen.item["status"] == "suggested"
        total = screen.queue.total
        other = open_db(corpus_db).conn  # another analyst rejects it while this screen shows it
        try:
            decide(other, sinaa, "reject", user="bob")
        finally:
            other.close()
        since = last_decision(corpus_db)
        await pilot.press("y")
        await pilot.pause()
        assert link(corpus_db, sinaa) == ("rejected", "ghwayran-prison", "bob")  # not overwritten
        assert last_decision(corpus_db) == since
        assert query(corpus_db, "SELECT count(*) FROM decisions WHERE user = 'tester' AND target_id = ?",
                     str(sinaa)) == [(0,)]
        status = shown(screen.query_one("#review-status"))
        assert status.strip().startswith("nothing written: “Sinaa” changed since you saw it: bob (reject) made it")
        assert screen.queue.total == total - 1  # refreshed: the rejected name left the queue
        assert screen.item.id != sinaa
