"""The review screen's "not a name" key: dismissed in the database, remembered, out of the queue, undoable."""

from __future__ import annotations

from tests.tui.conftest import query, settle, shown
from tests.tui.test_review_flow import SIZE, dialog_text, link, open_review, skip_to
from workbench.tui.widgets.confirm import ConfirmDialog


async def test_x_dismisses_in_bulk_remembers_and_z_undoes(make_app, corpus_db):
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'"
                                  " ORDER BY id")]
    english = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'en'")]
    before = [link(corpus_db, m) for m in french + english]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        total = screen.queue.total
        await skip_to(pilot, screen, "Farhad Rasho")
        at = screen.item.id
        assert at in french
        await pilot.press("b", "x")
        await settle(pilot)
        # two mentions change: the confirm step shows the preview first, nothing is written yet
        assert isinstance(app.screen, ConfirmDialog) and "2 mentions" in dialog_text(app.screen)
        assert [link(corpus_db, m) for m in french] == before[:2]
        await pilot.press("y")
        await settle(pilot)
        assert [link(corpus_db, m) for m in french] == [("dismissed", None, "tester")] * 2
        assert [link(corpus_db, m)[0] for m in english] == ["new", "new"]  # another language: not the same case
        assert query(corpus_db, "SELECT lang, spelling, learned FROM not_names") == [("fr", "Farhad Rasho", 1)]
        assert query(corpus_db, "SELECT n FROM stats_counters WHERE name = 'links:dismissed'") == [(2,)]
        status = shown(screen.query_one("#review-status"))
        assert "not a name" in status and "Farhad Rasho" in status and "2 mentions" in status
        assert screen.queue.total == total - 2  # the queue moved on
        assert screen.item.id not in french
        assert screen.state.bulk is False
        await pilot.press("z")
        await settle(pilot)
        assert [link(corpus_db, m) for m in french + english] == before
        assert query(corpus_db, "SELECT count(*) FROM not_names") == [(0,)]
        assert screen.queue.total == total


def test_a_dismissed_mention_is_set_apart_in_the_article_view():
    from workbench.tui.render.sentence import LOOKS
    from workbench.tui.state.article import status_class

    assert status_class("dismissed") == "dismissed" and status_class("new") == "unknown"
    assert LOOKS["dismissed"] != LOOKS["unknown"]
