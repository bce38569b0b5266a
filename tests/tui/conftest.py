"""Fixtures for the TUI tests: a database with the fixed corpus, and the app on it."""

from __future__ import annotations

import asyncio
import inspect
import sqlite3

import pytest

from tests.tui import corpus


@pytest.fixture
def corpus_db(db, db_path):
    """Path of a migrated database holding ``tests/tui/corpus.py``."""
    corpus.fill(db.conn)
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
    import workbench.clock

    stamp = lambda: "2022-03-01T09:30:00+00:00"  # noqa: E731
    monkeypatch.setattr(workbench.clock, "now", stamp)
    for module in ("workbench.review.decisions", "workbench.align.run", "workbench.translate.runner",
                   "workbench.glossary.store", "workbench.export.corpus"):
        try:
            mod = __import__(module, fromlist=["now"])
        except ImportError:
            continue
        if hasattr(mod, "now"):
            monkeypatch.setattr(mod, "now", stamp)


def shown(widget) -> str:
    """The text a widget shows on screen now (its rendered lines, joined by newlines)."""
    from textual.geometry import Region

    width, height = widget.size
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height)))


def query(path, sql: str, *args) -> list[tuple]:
    """Rows from the test database through a connection of its own (the app holds another)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()
