"""Storage discipline: one transaction helper, one jobs writer, one keeper of the full-text index."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests import stored as fts
from tests.test_translate_support import install_tiny, one_thread  # noqa: F401 (fixture)
from workbench.store import jobs, open_db, search
from workbench.store.db import transaction

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"


# ---- the transaction helper ---------------------------------------------------------------------


def test_no_hand_written_transactions_outside_the_helper():
    pattern = re.compile(r"""execute\(\s*f?["'](BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)""")
    offenders = [f"{path.relative_to(PACKAGE)}:{n}"
                 for path in PACKAGE.rglob("*.py") if path != PACKAGE / "store" / "db.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if pattern.search(line)]
    assert offenders == []


def test_transaction_commits_and_rolls_back(db):
    conn = db.conn
    with transaction(conn):
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
    assert not conn.in_transaction
    with pytest.raises(RuntimeError):
        with transaction(conn):
            conn.execute("INSERT INTO meta (key, value) VALUES ('b', '1')")
            raise RuntimeError("boom")
    assert not conn.in_transaction
    assert [r[0] for r in conn.execute("SELECT key FROM meta")] == ["a"]


def test_nested_block_undoes_only_its_own_writes(db):
    conn = db.conn
    with transaction(conn):
        conn.execute("INSERT INTO meta (key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError):
            with transaction(conn):  # joins the open transaction in a savepoint
                conn.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
                raise ValueError
        assert conn.in_transaction  # the caller's transaction goes on
        with transaction(conn):
            conn.execute("INSERT INTO meta (key, value) VALUES ('second', '1')")
    assert sorted(r[0] for r in conn.execute("SELECT key FROM meta")) == ["outer", "second"]


def test_read_snapshot_takes_no_write_lock(db, db_path):
    other = open_db(db_path).conn
    with transaction(db.conn, write=False):
        db.conn.execute("SELECT count(*) FROM articles").fetchone()
        with transaction(other):  # a writer is not blocked by the reader's snapshot
            other.execute("INSERT INTO meta (key, value) VALUES ('w', '1')")
        assert db.conn.execute("SELECT count(*) FROM meta WHERE key = 'w'").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM meta WHERE key = 'w'").fetchone()[0] == 1
    other.close()


def test_failed_file_inside_a_caller_transaction_leaves_nothing(db, tmp_path, monkeypatch):
    from workbench.corpus import importer

    good = tmp_path / "good.txt"
    good.write_text("Le président est arrivé à Paris. Il a parlé.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Une phrase valable ici.", "lang": "fr"}\n'
                   '{"text": "Une autre phrase là.", "lang": "fr"}\n', encoding="utf-8")
    calls = []
    real = search.sync_segments

    def failing(conn, ids):
        calls.append(1)
        if len(calls) == 3:  # the second article of the second file
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, ids)

    monkeypatch.setattr(importer.search, "sync_segments", failing)
    with transaction(db.conn):
        assert importer.import_file(db.conn, good, "fr").ok
        result = importer.import_file(db.conn, bad, "fr")
        assert not result.ok and "nothing imported" in result.error
    assert len(calls) == 3
    assert [r[0] for r in db.execute("SELECT source FROM articles")] == [str(good)]
    monkeypatch.undo()
    assert search.out_of_step(db.conn) == []


# ---- the jobs writer ----------------------------------------------------------------------------


def test_jobs_start_progress_finish(db):
    job = jobs.start(db.conn, "align", {"articles": "all"}, 3)
    jobs.progress(db.conn, job, 2)
    kind, status, done, total, params = db.execute(
        "SELECT kind, status, done, total, params FROM jobs WHERE id = ?", (job,)).fetchone()
    assert (kind, status, done, total) == ("align", jobs.RUNNING, 2, 3)
    assert json.loads(params)["pid"] == os.getpid()
    jobs.finish(db.conn, job, jobs.DONE, 3, "3 aligned")
    assert db.execute("SELECT status, done, message, finished_at IS NOT NULL FROM jobs").fetchone() == (
        "done", 3, "3 aligned", 1)
    with pytest.raises(ValueError):
        jobs.finish(db.conn, job, jobs.RUNNING, 3, "")
    assert set(jobs.STATUSES) == {"running", "done", "failed", "cancelled"}


def test_stale_jobs_of_dead_processes_are_reaped(db):
    import platform
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    for kind, params in [("align", {"pid": pid, "host": platform.node()}),
                         ("translate", {"pid": os.getpid(), "host": platform.node()}),  # alive: kept
                         ("translate", {"pid": pid, "host": "elsewhere"})]:  # another host: kept
        db.execute("INSERT INTO jobs (kind, params, status, started_at) VALUES (?, ?, 'running', 't')",
                   (kind, json.dumps(params)))
    assert jobs.reap_stale(db.conn) == 1
    assert [r[0] for r in db.execute("SELECT status FROM jobs ORDER BY id")] == ["failed", "running", "running"]


def test_align_records_its_job_through_the_writer(db, sample_dir):
    from workbench.align.run import align_articles
    from workbench.corpus.importer import import_paths

    import_paths(db.conn, [sample_dir / "articles.jsonl"])
    summary = align_articles(db.conn)
    kind, status, done, total, params = db.execute(
        "SELECT kind, status, done, total, params FROM jobs WHERE id = ?", (summary.job_id,)).fetchone()
    sentences = db.execute("SELECT count(*) FROM segments").fetchone()[0]
    assert (kind, status) == ("align", "done") and done == total == sentences  # progress counts sentences
    assert json.loads(params)["pid"] == os.getpid()  # written by store.jobs.start


# ---- the full-text index ------------------------------------------------------------------------


def _articles_jsonl(path: Path) -> Path:
    rows = [
        {"title": "human", "lang": "fr", "text": "Le président Macron est arrivé à Bagdad. Il a rencontré le "
         "Premier ministre.", "translation": "President Macron arrived in Baghdad. He met the Prime Minister."},
        {"title": "machine", "lang": "fr", "text": "Les combats continuent à Hassaké. Des milliers ont fui."},
        {"title": "arabic", "lang": "ar", "text": "أعلنت قوات سوريا الديمقراطية استعادة السجن. وقالت إن الوضع مستقر."},
        {"title": "english", "lang": "en", "text": "Fighting went on in Hasakah. Thousands fled."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_index_agrees_after_import_translate_and_human(db, tmp_path, tmp_path_factory, one_thread):  # noqa: F811
    from workbench.corpus.importer import import_paths
    from workbench.translate import runner

    import_paths(db.conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    assert search.out_of_step(db.conn) == []
    human = db.execute("SELECT count(*) FROM translations WHERE engine = 'human'").fetchone()[0]
    assert human >= 2
    assert search.search_articles(db.conn, "prime minister") == [1]  # human English is indexed

    install_tiny(tmp_path_factory, "fr", "ar")
    result = runner.translate(db.conn, batch_size=2)
    assert result.status == "done" and result.done == result.total >= 4  # fr + ar sentences without English
    assert search.out_of_step(db.conn) == []
    machine = db.execute("SELECT s.id FROM segments s JOIN articles a ON a.id = s.article_id"
                         " WHERE a.title = 'machine' LIMIT 1").fetchone()[0]
    assert fts.words(db.conn, machine)[1] > 0  # the machine translation reached the index

    # deletes keep it in step too (triggers, migration 0006)
    db.execute("DELETE FROM translations WHERE segment_id = (SELECT min(id) FROM segments)")
    db.execute("DELETE FROM articles WHERE title = 'arabic'")
    assert search.out_of_step(db.conn) == []
    assert search.search_articles(db.conn, "prime minister") == [1]


def test_out_of_step_notices_a_drifted_index(db, tmp_path):
    from workbench.corpus.importer import import_paths

    import_paths(db.conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    fts.drift(db.conn, 1, english="stale")
    db.execute("INSERT INTO segments_fts (rowid, source, english) VALUES (999, 'x', '')")
    assert search.out_of_step(db.conn) == [1, 999]
    with transaction(db.conn):
        assert search.rebuild(db.conn) == db.execute("SELECT count(*) FROM segments").fetchone()[0]
    assert search.out_of_step(db.conn) == []


def test_migration_repairs_an_existing_index(db_path, tmp_path):
    from tests.test_align_pipeline import add_article
    from workbench.store.migrations import migrations

    old = open_db(db_path, migrate=False)
    migrations.apply(old, stop_before="0006_search_index_deletes")
    add_article(old.conn, "fr", ["Le président est arrivé.", "Il a rencontré le ministre."],
                ["The president arrived.", "He met the minister."])  # rows as that schema's importer wrote
    add_article(old.conn, "fr", ["Les combats continuent.", "Des milliers ont fui."], None)
    old.execute("DELETE FROM segments_fts WHERE rowid = 2")  # a segment missing from the index
    old.execute("DELETE FROM segments WHERE id = 1")  # a stale index row (no trigger before 0006)
    assert search.out_of_step(old.conn) == [1, 2]
    old.conn.close()
    db = open_db(db_path)
    assert search.out_of_step(db.conn) == []
    assert {"segments_fts_segment_delete", "segments_fts_translation_delete"} <= {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    db.conn.close()


def test_every_index_writer_goes_through_sync_segments():
    writes = re.compile(r"(INSERT|UPDATE|DELETE)[^\"']*segments_fts", re.IGNORECASE)
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if path not in (PACKAGE / "store" / "search.py", PACKAGE / "store" / "migrations.py")
                 and writes.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_sqlite_error_type_is_still_raised_through_the_helper(db):
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(db.conn):
            db.execute("INSERT INTO decisions (at, user, action, target, target_id) VALUES ('t', 'u', 'x', 'm', '1')")
            db.execute("UPDATE decisions SET user = 'v'")
    assert db.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0
