"""Align with a second process analysing the articles: the same rows as one process, and safe when it fails."""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.connection
import threading

import pytest

from tests.test_align_incremental import snapshot
from workbench.align import run, worker
from workbench.align.run import align_articles, build_context
from workbench.align.spans import EDITED
from workbench.store.db import connect


class Started(list):
    """The articles each run could hand to children; ``received``: those that came back analysed."""

    received: list[int]


@pytest.fixture
def child_always(monkeypatch):
    """A child for any run, on any machine (the sample has fewer articles than a run needs for one)."""
    monkeypatch.setattr(worker, "MIN_ARTICLES", 1)
    monkeypatch.setattr(worker.os, "cpu_count", lambda: 2)
    started = Started()
    real = worker.analysed

    def counted(*args):
        started.append([aid for aid, _ in args[2] if aid in args[3]])
        return real(*args)

    monkeypatch.setattr(worker, "analysed", counted)
    real_unpack = worker.unpack

    def unpack(rows):
        received.append(len(rows))
        return real_unpack(rows)

    received: list[int] = []
    monkeypatch.setattr(worker, "unpack", unpack)
    started.received = received  # articles the parent got back from the child
    return started


def alone(conn, tmp_path, monkeypatch):
    """A copy of the database aligned in one process."""
    single = connect(tmp_path / "single.db")
    conn.backup(single)
    with monkeypatch.context() as m:
        m.setattr(worker, "worth_it", lambda *args: False)
        align_articles(single)
    return single


@pytest.mark.parametrize("children", [1, 2])
def test_the_children_give_the_rows_of_one_process(imported, tmp_path, child_always, monkeypatch, children):
    single = alone(imported, tmp_path, monkeypatch)
    assert child_always == []
    monkeypatch.setattr(worker, "CHILDREN", children)
    monkeypatch.setattr(worker, "STEAL", False)
    summary = align_articles(imported)
    assert child_always and child_always[0] == summary.aligned  # every article went away
    assert len(child_always.received) == len(summary.aligned)
    assert snapshot(imported) == snapshot(single)
    assert multiprocessing.active_children() == []


def test_the_parent_analyses_ahead_while_a_child_has_nothing_ready(imported, tmp_path, child_always, monkeypatch):
    single = alone(imported, tmp_path, monkeypatch)
    monkeypatch.setattr(worker, "AHEAD", 2)
    # the parent never finds a child's result waiting: it takes every article not yet handed out
    monkeypatch.setattr(multiprocessing.connection.Connection, "poll", lambda self, timeout=0.0: False)
    summary = align_articles(imported)
    assert len(summary.aligned) > 2 and child_always.received and len(child_always.received) == 2
    assert snapshot(imported) == snapshot(single)
    assert multiprocessing.active_children() == []


def test_a_child_on_another_glossary_gives_up_and_this_process_does_the_work(imported, tmp_path, child_always,
                                                                             monkeypatch):
    single = alone(imported, tmp_path, monkeypatch)
    ctx = dataclasses.replace(build_context(imported), glossary_sig="not-this-glossary")
    summary = align_articles(imported, ctx=ctx)
    assert child_always and len(summary.aligned) == imported.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert child_always.received == []  # the child refused: every article was analysed here
    assert snapshot(imported) == snapshot(single)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("broken", ["recv", "send"])
def test_a_connection_lost_to_the_child_leaves_the_work_to_this_process(imported, tmp_path, child_always, monkeypatch,
                                                                        broken):
    """A child that never started (a script spawning without a main guard) or died: its pipe resets; the
    rows are those of one process, no error reaches the caller."""
    single = alone(imported, tmp_path, monkeypatch)
    monkeypatch.setattr(worker, "STEAL", False)

    def reset(self, *args):
        raise ConnectionResetError(104, "Connection reset by peer")

    monkeypatch.setattr(multiprocessing.connection.Connection, broken, reset)
    summary = align_articles(imported)
    assert len(summary.aligned) == imported.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert child_always.received == []
    assert snapshot(imported) == snapshot(single)
    assert multiprocessing.active_children() == []


def test_cancelled_run_stops_the_child(imported, child_always):
    cancel = threading.Event()
    summary = align_articles(imported, progress=lambda done, total, aid: done and cancel.set(), cancel=cancel)
    assert child_always and summary.cancelled
    assert multiprocessing.active_children() == []
    assert len(align_articles(imported).aligned) + len(summary.aligned) == \
        imported.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_an_article_with_an_analyst_span_is_analysed_here(imported, child_always):
    align_articles(imported)
    mid, aid = imported.execute(
        """SELECT m.id, s.article_id FROM mentions m JOIN segments s ON s.id = m.segment_id
           WHERE m.side = 'source' ORDER BY m.id LIMIT 1""").fetchone()
    imported.execute("UPDATE mentions SET detector = ? WHERE id = ?", (EDITED, mid))
    child_always.clear()
    align_articles(imported, force=True)
    assert child_always and aid not in child_always[0]
    assert imported.execute("SELECT detector FROM mentions WHERE id = ?", (mid,)).fetchone() == (EDITED,)


def test_pack_and_unpack_keep_what_storing_reads(imported):
    ctx = build_context(imported)
    aid = imported.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    lang, groups = run.sentence_groups(imported, aid)
    found = run.analyse_article(ctx, lang, groups)
    back = worker.unpack(worker.pack(found))
    assert any(f.counterpart is not None for f in found)
    for f, g in zip(found, back, strict=True):
        assert [getattr(g, name) for name in worker._FIELDS] == [getattr(f, name) for name in worker._FIELDS]
        assert (g.counterpart is None) == (f.counterpart is None)
        if f.counterpart is not None:
            assert back[found.index(f.counterpart)] is g.counterpart
