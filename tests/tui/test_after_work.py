"""A fault in showing the result of background work (a decision, a job, an export, a glossary edit, a search)
is said in the screen's status line, the screen is read again, nothing stays "saving…" or "running" and the
app goes on (``workbench.tui.after_work``)."""

from __future__ import annotations

import sqlite3

from tests.tui.conftest import query, settle, shown
from tests.tui.test_review_flow import SIZE, open_review, skip_to
from tests.tui.test_review_writer import row_text
from workbench.tui.jobs.screen import JobPanel


def said(widget) -> str:
    """What a status line shows, its lines joined (a long message takes more than one)."""
    return " ".join(shown(widget).split())


def once(exc: Exception, real, when=lambda *args: True):
    """``real``, except that its first call for which ``when(*args)`` holds raises ``exc``."""
    armed = [True]

    def call(*args, **kwargs):
        if armed[0] and when(*args, **kwargs):
            armed[0] = False
            raise exc
        return real(*args, **kwargs)

    return call


async def test_review_a_held_back_decision_whose_question_cannot_be_shown(make_app, corpus_db, monkeypatch):
    """A bulk decision on Farhad Rasho changes another link: the writer holds it back to ask first. If
    asking fails, the row no longer says "saving…" (it did for ever), and the status line says so."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        rasho = screen.item.id
        since = query(corpus_db, "SELECT count(*) FROM decisions")[0][0]

        def broken(self, request, preview):
            raise RuntimeError("no dialog")

        monkeypatch.setattr(type(screen), "_ask", broken)
        await pilot.press("b", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert said(screen.query_one("#review-status")).startswith(
            "the last decision was held back: it changes other links, but the screen could not show it"
            " (RuntimeError: no dialog); the queue was read again")
        assert all("saving" not in row_text(screen, k) for k in range(screen.queue.total))
        assert rasho in [screen.queue.row_at(k).id for k in range(screen.queue.total)] and not screen.state.saving
        assert query(corpus_db, "SELECT count(*) FROM decisions")[0][0] == since  # nothing written


async def test_jobs_the_end_of_a_job_that_cannot_be_shown(make_app, corpus_db, monkeypatch):
    real = JobPanel.show
    monkeypatch.setattr(JobPanel, "show", once(RuntimeError("panel gone"), real,
                                               lambda self, line, *rest: "x cancels" not in line))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = said(screen.query_one("#jobs-status"))
        assert status.startswith("align finished, but the screen could not show it (RuntimeError: panel gone)")
        # not "starting… x cancels" for ever
        assert "align: over" in shown(screen.query_one("#panel-align .job-line"))
        assert not app.jobs.running()
        await pilot.press("a")  # the job can run again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "align finished" in shown(screen.query_one("#jobs-status"))
    assert query(corpus_db, "SELECT kind, status FROM jobs") == [("align", "done")] * 3


async def test_export_the_end_of_an_export_that_cannot_be_shown(make_app, tmp_path, monkeypatch):
    out = tmp_path / "corpus.csv"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#export-format").value = "csv"
        screen.query_one("#export-path").value = str(out)
        result = screen.query_one("#export-result")
        monkeypatch.setattr(result, "update", once(RuntimeError("no room"), result.update,
                                                   lambda message, *rest: "written" in str(message)))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = said(screen.query_one("#export-error"))
        assert error.startswith("the export finished, but the screen could not show it (RuntimeError: no room)")
        assert "exporting" not in shown(result)  # not "exporting… ctrl+x cancels" for ever
        assert not app.jobs.running()
    assert out.read_text(encoding="utf-8").count("\n") > 1


async def test_glossary_an_edit_saved_but_not_shown(make_app, corpus_db, monkeypatch):
    """The entity is added; reading the list again fails once: said, the list read again, the app goes on
    (the fault ended the app)."""
    from workbench.tui.widgets.virtual_table import VirtualTable

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-id").value = "tell-zahra"
        form.query_one("#f-canonical").value = "Tell Zahra"
        def locked(self, *args, **kwargs):
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(VirtualTable, "reload", locked)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert said(screen.query_one("#glossary-status")) == (
            "saved (added tell-zahra), but the screen could not show it (OperationalError: database is locked);"
            " reading it again failed too (OperationalError: database is locked)")
    assert query(corpus_db, "SELECT canonical_en FROM entities WHERE id = 'tell-zahra'") == [("Tell Zahra",)]


async def test_glossary_an_edit_the_database_refuses(make_app, corpus_db, monkeypatch):
    from workbench.tui.state.glossary import GlossaryEdits

    def locked(self, entity_id):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(GlossaryEdits, "delete_entity", locked)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        entity = screen.current.id
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert said(screen.query_one("#glossary-status")).startswith(
            "not saved: OperationalError: database is locked")
    assert query(corpus_db, "SELECT deleted_at FROM entities WHERE id = ?", entity) == [(None,)]


async def test_articles_a_search_that_fails(make_app, monkeypatch):
    import workbench.tui.articles.screen as articles

    def broken(conn, text):
        raise sqlite3.OperationalError("fts5: syntax error")

    monkeypatch.setattr(articles, "search_ids", broken)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert said(app.screen.query_one("#articles-status")).startswith(
            "search failed (OperationalError: fts5: syntax error)")


async def test_article_read_again_after_decisions_fails(make_app, monkeypatch):
    """Back on an article after a decision elsewhere, it is read again; a fault in that is said (it ended
    the app: the worker that read it stopped the app on any error)."""
    import workbench.tui.article.screen as article

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen

        def locked(conn, article_id):
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(article, "load_article", locked)
        app.data_changed()  # as a decision in the review does
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")  # back on the article: it is read again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert said(screen.query_one("#article-status")).startswith(
            "the article could not be read again (OperationalError: database is locked)")
