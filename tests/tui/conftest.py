"""Fixtures for the TUI tests: a database with the fixed corpus, and the app on it."""

from __future__ import annotations

import asyncio
import gc
import inspect
import shutil
import sqlite3

import pytest

from tests.tui import corpus


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """The corpus of ``tests/tui/corpus.py``, built once per session through the services."""
    path = tmp_path_factory.mktemp("tui-corpus") / "corpus.db"
    corpus.build(path)
    return path


@pytest.fixture
def corpus_db(built_corpus, db_path):
    """Path of this test's own copy of the corpus database."""
    shutil.copyfile(built_corpus, db_path)
    return db_path


@pytest.fixture
def make_app(corpus_db):
    """Build the app on the corpus database (no preload thread: tests stay deterministic)."""
    from workbench.tui.app import WorkbenchApp

    apps = []

    def build(**kwargs):
        app = WorkbenchApp(corpus_db, preload=False, **kwargs)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.session.close()
    gc.unfreeze()  # the app froze what was alive (keep_out_of_collections): the next test starts clean


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        wanted = inspect.signature(pyfuncitem.obj).parameters
        args = {name: value for name, value in pyfuncitem.funcargs.items() if name in wanted}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """Decisions and jobs get one fixed time: history panes and snapshots do not change."""
    for module in ("workbench.review.decisions", "workbench.align.run", "workbench.translate.runner",
                   "workbench.glossary.store", "workbench.export.corpus"):
        __import__(module)
    corpus.freeze_clock(monkeypatch)


def shown(widget) -> str:
    """The text a widget shows on screen now (its rendered lines, joined by newlines)."""
    from textual.geometry import Region

    width, height = widget.size
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height)))


def mention(path, article: int, surface: str, side: str = "source") -> int:
    """Id of the one mention of ``surface`` on ``side`` of an article in the test database."""
    conn = sqlite3.connect(path)
    try:
        return corpus.mention_id(conn, article, surface, side)
    finally:
        conn.close()


def query(path, sql: str, *args) -> list[tuple]:
    """Rows from the test database through a connection of its own (the app holds another)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


async def settle(pilot) -> None:
    """Wait for the review's writer (decisions, undo) and grouped counts to finish, and the screen to
    show what they did: each worker may start the next one before it ends, so wait until none is left."""
    app = pilot.app
    while busy := [w for w in app.workers if w.group in ("decide", "count") and not w.is_finished]:
        await app.workers.wait_for_complete(busy)
        await pilot.pause()
    await pilot.pause()


def screen_text(app) -> str:
    """The whole terminal as the user sees it now (every layer: dialogs over screens), one line a row."""
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())
