"""Align with worker processes: the same rows as a serial run, in several transactions, cancellable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.test_align_incremental import snapshot
from workbench.align import parallel, run
from workbench.align.run import align_articles
from workbench.glossary.bundled import load_files
from workbench.store.db import connect

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def imported(db):
    from workbench.corpus.importer import import_paths

    import_paths(db.conn, [ROOT / "workbench" / "sample" / "articles.jsonl"])
    load_files(db.conn, sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml")))
    return db.conn


def copy_of(conn, path: Path):
    copy = connect(path)
    conn.backup(copy)
    return copy


def test_workers_give_the_rows_of_a_serial_run(imported, tmp_path, monkeypatch):
    serial = copy_of(imported, tmp_path / "serial.db")
    align_articles(serial)
    monkeypatch.setattr(run, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel, "workers_for", lambda items, minimum: 2)
    started = []
    real_map = parallel.ordered_map
    monkeypatch.setattr(parallel, "ordered_map", lambda *a, **k: started.append(a[2]) or real_map(*a, **k))
    summary = align_articles(imported, parallel_ok=True)
    assert started == [2]  # the run did use two worker processes
    assert summary.mentions > 0 and not summary.cancelled
    assert snapshot(imported) == snapshot(serial)
    counts = "SELECT sum(mentions), sum(pending) FROM article_stats"
    assert imported.execute(counts).fetchone() == serial.execute(counts).fetchone()
    assert align_articles(imported, parallel_ok=True).aligned == []  # nothing left to do


def test_ordered_map_keeps_the_order_and_reads_ahead_a_bounded_number():
    read = []

    def items():
        for i in range(40):
            read.append(i)
            yield i

    out = []
    for item, value in parallel.ordered_map(lambda x: x * x, items(), workers=2, ahead=5):
        assert len(read) <= item + 6  # never more than `ahead` items beyond the one handed out
        out.append((item, value))
    assert out == [(i, i * i) for i in range(40)]


def test_a_worker_error_reaches_the_caller():
    def work(x):
        if x == 3:
            raise ValueError("bad item 3")
        return x

    with pytest.raises(ValueError, match="bad item 3"):
        list(parallel.ordered_map(work, range(10), workers=1))


def test_small_runs_and_single_cores_stay_in_process(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert parallel.workers_for(10, minimum=64) == 0
    assert parallel.workers_for(100, minimum=64) == 3
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0})
    assert parallel.workers_for(100, minimum=64) == 0


def test_cancel_stops_between_articles_and_commits_what_was_done(imported, monkeypatch):
    cancel = threading.Event()

    def progress(done, total, article_id):  # asked once the first article is written
        if imported.execute("SELECT count(*) FROM align_state").fetchone()[0]:
            cancel.set()

    articles = imported.execute("SELECT count(*) FROM articles").fetchone()[0]
    summary = align_articles(imported, progress=progress, cancel=cancel)
    assert summary.cancelled and 1 <= len(summary.aligned) <= 2 < articles  # stopped at the article in hand
    aligned = imported.execute("SELECT count(*) FROM align_state").fetchone()[0]
    assert aligned == len(summary.aligned)  # committed, and the rest left for the next run
    assert len(align_articles(imported).aligned) == articles - aligned
