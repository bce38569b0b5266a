"""Align writes a few articles a transaction: the rows of one article a transaction, cancellable between articles."""

from __future__ import annotations

import threading

from tests.test_align_incremental import snapshot
from workbench.align import run
from workbench.align.run import align_articles
from workbench.store.db import connect

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


def test_batched_transactions_give_the_rows_of_one_article_a_transaction(imported, tmp_path, monkeypatch):
    single = connect(tmp_path / "single.db")
    imported.backup(single)
    monkeypatch.setattr(run, "BATCH_SECONDS", -1.0)  # every article in its own transaction
    align_articles(single)
    monkeypatch.setattr(run, "BATCH_SECONDS", 3600.0)  # the whole run in one
    align_articles(imported)
    assert snapshot(imported) == snapshot(single)
    counts = "SELECT sum(mentions), sum(pending) FROM article_stats"
    assert imported.execute(counts).fetchone() == single.execute(counts).fetchone()
    assert align_articles(imported).aligned == []  # nothing left to do
