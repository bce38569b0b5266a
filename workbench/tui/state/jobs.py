"""Background jobs (translate, align, export): cancel flags, and the service calls the workers make."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass


class JobControl:
    """Which jobs run now, each with the flag that stops it between two committed batches."""

    def __init__(self) -> None:
        self._flags: dict[str, threading.Event] = {}

    def start(self, kind: str) -> threading.Event:
        """A fresh cancel flag for ``kind``; raises if one already runs."""
        if kind in self._flags:
            raise RuntimeError(f"a {kind} job is already running")
        flag = threading.Event()
        self._flags[kind] = flag
        return flag

    def finish(self, kind: str) -> None:
        self._flags.pop(kind, None)

    def running(self) -> list[str]:
        return list(self._flags)

    def is_running(self, kind: str) -> bool:
        return kind in self._flags

    def cancel(self, kind: str) -> bool:
        flag = self._flags.get(kind)
        if flag is None:
            return False
        flag.set()
        return True

    def cancel_all(self) -> None:
        for flag in self._flags.values():
            flag.set()


@dataclass(frozen=True)
class Model:
    """An installed translation model."""

    pair: str
    version: str
    size_mb: float
    model_id: str


def installed_models() -> list[Model]:
    """Translation packages on disk (reads metadata only; loads no model)."""
    from workbench.translate.packages import installed

    return [Model(p.info.pair, p.info.version or "?", p.size / 1e6, p.model_id) for p in installed()]


def waiting_work(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts for the jobs screen: sentences without English per language, articles not aligned, reviews."""
    counts = {f"untranslated {lang}": n for lang, n in conn.execute(
        """SELECT a.lang, count(*) FROM segments s JOIN articles a ON a.id = s.article_id
           LEFT JOIN translations t ON t.segment_id = s.id
           WHERE t.segment_id IS NULL AND a.lang IN ('ar', 'fr') GROUP BY a.lang ORDER BY a.lang""")}
    counts["articles"] = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    counts["waiting for review"] = conn.execute("SELECT coalesce(sum(pending), 0) FROM article_stats").fetchone()[0]
    return counts


def recent_jobs(conn: sqlite3.Connection, limit: int = 20) -> list[tuple]:
    """The latest rows of the ``jobs`` table: id, kind, status, done, total, message, started, finished."""
    from workbench.store import jobs

    return jobs.recent(conn, limit)


Progress = Callable[[int, int, float], None]


def run_translate(conn: sqlite3.Connection, cancel: threading.Event, on_progress: Progress) -> str:
    """The translate job (``workbench.translate.runner``); returns its one-line summary."""
    from workbench.translate.runner import translate

    return translate(conn, on_progress=on_progress, cancel=cancel).summary()


def run_align(conn: sqlite3.Connection, cancel: threading.Event, on_progress: Progress) -> str:
    """The align job (``workbench.align.run``); returns its one-line summary."""
    from workbench.align.run import align_articles

    summary = align_articles(conn, progress=lambda done, total, _article: on_progress(done, total, 0.0),
                             cancel=cancel)
    state = "cancelled: " if summary.cancelled else ""
    return (f"{state}{len(summary.aligned)} article(s) aligned, {summary.skipped} already up to date, "
            f"{summary.mentions} mention(s)")
