"""Jobs and export screens: work runs in workers, the database and the file show the result."""

from __future__ import annotations

import sqlite3

from tests.tui.conftest import shown
from workbench.tui.export.screen import ExportScreen
from workbench.tui.jobs.screen import JobsScreen

SIZE = (120, 36)


def rows(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def test_jobs_screen_shows_models_and_waiting_work(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JobsScreen)
        assert "No translation model installed" in shown(screen.query_one("#models"))
        waiting = shown(screen.query_one("#waiting"))
        assert waiting.split() == ["2", "untranslated", "fr", "4", "articles", "12", "waiting", "for", "review"]


async def test_align_runs_in_a_worker_and_is_recorded(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(corpus_db, "SELECT kind, status FROM jobs") == [("align", "done")] * 2  # the corpus's, this one
        assert "align finished" in str(app.screen.query_one("#jobs-status").render())
        assert not app.jobs.running()


async def test_translate_without_a_model_says_so(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "no model for fr" in str(app.screen.query_one("#jobs-status").render())
        assert rows(corpus_db, "SELECT kind, status FROM jobs ORDER BY id") == [("align", "done"), ("translate", "done")]


async def test_cancel_sets_the_flag_of_a_running_job(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        flag = app.jobs.start("translate")  # as if a job were running
        await pilot.press("x")
        assert flag.is_set()
        app.jobs.finish("translate")


async def test_export_writes_the_file_in_a_worker(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "out" / "corpus.jsonl"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-format").value = "jsonl"
        await pilot.pause()
        assert screen.query_one("#export-path").value.endswith("corpus.jsonl")
        screen.query_one("#export-path").value = str(target)
        screen.query_one("#export-status").value = "all"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.exists()
        lines = target.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 5  # translated ar / fr pairs: 2 + 3
        assert "written to" in str(screen.query_one("#export-result").render())


async def test_export_error_is_shown_in_place(make_app, tmp_path):
    app = make_app()
    existing = tmp_path / "corpus.tmx"
    existing.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#export-path").value = str(existing)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "exists" in str(screen.query_one("#export-error").render())
        assert existing.read_text(encoding="utf-8") == "keep me"


async def test_a_job_run_from_the_command_line_shows_its_progress_and_its_end(make_app, corpus_db):
    """`workbench align` in a terminal writes its job row as it goes; the screen follows it (its timer
    reads the row again: called here directly) and reads everything again once the job has ended."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        other = sqlite3.connect(corpus_db)  # the command line's connection
        job = other.execute("INSERT INTO jobs (kind, params, status, done, total, started_at) "
                            "VALUES ('align', '{}', 'running', 6540, 100665, '2026-12-02T18:35:00+00:00')").lastrowid
        other.commit()
        screen.follow()
        await pilot.pause()
        assert "align  running  6540/100665" in shown(screen.query_one("#recent"))
        other.execute("UPDATE jobs SET status = 'done', done = 100665, message = '5078 aligned' WHERE id = ?", (job,))
        other.commit()
        other.close()
        screen.follow()
        await pilot.pause()
        recent = shown(screen.query_one("#recent"))
        assert "align  done    100665/100665" in recent and "5078 aligned" in recent
