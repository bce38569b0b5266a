"""The translate job: every segment once, cache, scores, scope, cancel, Ctrl-C, kill -9 and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import pytest

from tests import stored as fts
from tests.test_translate_support import (  # noqa: F401 (fixture)
    BYLINE,
    corpus,
    import_jsonl,
    install_tiny,
    one_thread,
)
from workbench.translate import runner
from workbench.translate.engine import get_engine

pytestmark = pytest.mark.usefixtures("one_thread")


def source_segments(db):
    return [r[0] for r in db.execute(
        "SELECT s.id FROM segments s JOIN articles a ON a.id = s.article_id WHERE a.lang IN ('ar', 'fr')")]


def machine_rows(db):
    return {r[0]: r[1:] for r in db.execute(
        "SELECT segment_id, text, score, model, created_at FROM translations WHERE engine = 'argos'")}


class CountingEngine:
    """The real engine, counting the sentences it is asked to translate."""

    def __init__(self, engine, fail_on_call=None, exc=KeyboardInterrupt):
        self.engine, self.calls, self.sentences = engine, 0, []
        self.fail_on_call, self.exc = fail_on_call, exc

    def tokenize(self, texts):
        return self.engine.tokenize(texts)

    def translate_tokens(self, batch, alternatives=0):
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise self.exc()
        self.sentences.extend(" ".join(t) for t in batch)
        return self.engine.translate_tokens(batch, alternatives)


def counting(holder, **kw):
    def factory(package):
        holder.append(CountingEngine(get_engine(package), **kw))
        return holder[-1]
    return factory


def test_translates_every_segment_once_with_scores_and_cache(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr", "ar")
    import_jsonl(db, tmp_path, corpus(articles=6))
    segs = source_segments(db)
    engines = []
    progress = []
    result = runner.translate(db.conn, batch_size=4, engine_for=counting(engines),
                              on_progress=lambda d, t, r: progress.append((d, t, r)))
    assert result.status == "done" and result.total == len(segs) == result.done
    rows = machine_rows(db)
    assert set(rows) == set(segs)
    assert all(text and isinstance(score, float) and score < 0 and model.startswith("argos:")
               for text, score, model, _ in rows.values())
    # the byline appears in 6 articles and reaches the model once
    sent = [s for e in engines for s in e.sentences]
    assert len(sent) == len(set(sent)) == result.translated == len(segs) - 5
    byline_hits = db.execute("SELECT hits FROM translation_cache WHERE source_key = ?", [BYLINE]).fetchone()
    assert byline_hits == (5,)
    assert db["translation_cache"].count == result.translated
    # progress: monotonic, ends at total; the job row says the same
    dones = [d for d, _, _ in progress]
    assert dones == sorted(dones) and dones[-1] == len(segs) and all(t == len(segs) for _, t, _ in progress)
    job = db.execute("SELECT kind, status, done, total, finished_at FROM jobs").fetchall()
    assert job == [("translate", "done", len(segs), len(segs), job[0][4])] and job[0][4]
    # the English is searchable
    assert all(fts.words(db.conn, sid)[1] > 0 for sid in segs)
    # a second run has nothing to do and does not touch the rows
    again = runner.translate(db.conn, batch_size=4)
    assert again.total == 0 and machine_rows(db) == rows


def test_cache_serves_a_new_article_without_the_model(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=2)[:2], "one.jsonl")
    runner.translate(db.conn)
    engines = []
    import_jsonl(db, tmp_path, [{"text": BYLINE + " Une phrase nouvelle ici.", "lang": "fr"}], "two.jsonl")
    result = runner.translate(db.conn, engine_for=counting(engines))
    assert result.cached == 1 and result.translated == 1
    assert engines[0].sentences and len(engines[0].sentences) == 1


def test_alternatives_are_kept_with_scores(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=1)[:1])
    runner.translate(db.conn, alternatives=3)
    for (alts,) in db.execute("SELECT alternatives FROM translations WHERE engine = 'argos'"):
        parsed = json.loads(alts)
        assert 1 <= len(parsed) <= 3
        assert all(isinstance(a["text"], str) and a["score"] < 0 for a in parsed)


def test_scope_article_and_limit(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr", "ar")
    ids = import_jsonl(db, tmp_path, corpus(articles=4))
    one = runner.translate(db.conn, article_ids=[ids[2]])
    done = {r[0] for r in db.execute(
        "SELECT DISTINCT s.article_id FROM translations t JOIN segments s ON s.id = t.segment_id")}
    assert done == {ids[2]} and one.done == one.total > 0
    two = runner.translate(db.conn, limit=2)
    done = {r[0] for r in db.execute(
        "SELECT DISTINCT s.article_id FROM translations t JOIN segments s ON s.id = t.segment_id")}
    assert done == {ids[0], ids[1], ids[2]} and two.done == two.total
    from workbench.errors import UserError
    with pytest.raises(UserError, match="no article with id 999"):
        runner.translate(db.conn, article_ids=[999])


def test_missing_model_is_reported_and_others_go_on(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=2))
    result = runner.translate(db.conn)
    ar_left = db.execute(
        """SELECT count(*) FROM segments s JOIN articles a ON a.id = s.article_id
           LEFT JOIN translations t ON t.segment_id = s.id WHERE a.lang = 'ar' AND t.segment_id IS NULL"""
    ).fetchone()[0]
    assert result.missing == {"ar": ar_left} and ar_left == 3
    assert result.done == result.total > 0 and "no model for ar: 3 left" in result.summary()


def test_cancel_after_first_batch_then_resume(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=5, byline=False)[:5])
    segs = source_segments(db)
    cancel = threading.Event()

    def stop_after_first(done, total, rate):
        if done:
            cancel.set()

    first = runner.translate(db.conn, batch_size=3, on_progress=stop_after_first, cancel=cancel)
    assert first.status == "cancelled" and first.done == 3
    assert db.execute("SELECT status, done FROM jobs").fetchall() == [("cancelled", 3)]
    kept = machine_rows(db)
    engines = []
    second = runner.translate(db.conn, batch_size=3, engine_for=counting(engines))
    assert second.status == "done" and second.done == len(segs) - 3
    assert len(engines[0].sentences) == len(segs) - 3  # nothing redone
    rows = machine_rows(db)
    assert set(rows) == set(segs) and all(rows[k] == v for k, v in kept.items())


def test_ctrl_c_keeps_finished_batches_and_records_the_job(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=4, byline=False)[:4])
    segs = source_segments(db)
    with pytest.raises(KeyboardInterrupt):
        runner.translate(db.conn, batch_size=2, engine_for=counting([], fail_on_call=3))
    assert len(machine_rows(db)) == 4
    assert db.execute("SELECT status, done FROM jobs").fetchall() == [("cancelled", 4)]
    assert not db.conn.in_transaction
    result = runner.translate(db.conn, batch_size=2)
    assert result.done == len(segs) - 4 and set(machine_rows(db)) == set(segs)


def test_an_error_marks_the_job_failed(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=2, byline=False)[:2])
    with pytest.raises(RuntimeError):
        runner.translate(db.conn, batch_size=2, engine_for=counting([], fail_on_call=2, exc=RuntimeError))
    status, message = db.execute("SELECT status, message FROM jobs").fetchone()
    assert status == "failed" and message.startswith("RuntimeError")


def test_human_and_source_rows_are_never_overwritten(db, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    fr = corpus(articles=1, byline=False)[0]
    fr["translation"] = ("Fighting went on around the prison. The SDF say so. They retook buildings. "
                         "A wing is held. Strikes were carried out.")
    import_jsonl(db, tmp_path, [fr, {"text": "The army said so. It was cold.", "lang": "en"}])
    before = db.execute("SELECT * FROM translations ORDER BY segment_id").fetchall()
    result = runner.translate(db.conn)
    assert result.total == 0 and result.done == 0
    assert db.execute("SELECT * FROM translations ORDER BY segment_id").fetchall() == before


CHILD = r"""
import sys
from workbench.store import open_db
from workbench.translate import runner
from workbench.translate.engine import get_engine

class Blocking:
    def __init__(self, engine):
        self.engine, self.calls = engine, 0
    def tokenize(self, texts):
        return self.engine.tokenize(texts)
    def translate_tokens(self, batch, alternatives=0):
        self.calls += 1
        if self.calls == 3:
            print("BLOCKED", flush=True)
            sys.stdin.readline()  # the parent kills us here, in the middle of a batch
        return self.engine.translate_tokens(batch, alternatives)

db = open_db(sys.argv[1])
runner.translate(db.conn, batch_size=2, engine_for=lambda p: Blocking(get_engine(p)),
                 on_progress=lambda d, t, r: print("P", d, flush=True))
print("FINISHED", flush=True)
"""


def test_sigkill_mid_run_then_resume(db, db_path, tmp_path, tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    import_jsonl(db, tmp_path, corpus(articles=4, byline=False)[:4])
    segs = source_segments(db)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        if line.startswith("BLOCKED"):
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stdin.close()
    assert seen == ["P 0", "P 2", "P 4", "BLOCKED"]
    kept = machine_rows(db)
    assert len(kept) == 4
    assert db.execute("SELECT status, done FROM jobs").fetchall() == [("running", 4)]
    engines = []
    result = runner.translate(db.conn, batch_size=2, engine_for=counting(engines))
    # the killed job is recorded as interrupted; the resume does only what was left
    jobs = db.execute("SELECT status, done FROM jobs ORDER BY id").fetchall()
    assert jobs == [("failed", 4), ("done", len(segs) - 4)]
    assert result.done == len(segs) - 4 and len(engines[0].sentences) == len(segs) - 4
    rows = machine_rows(db)
    assert set(rows) == set(segs) and all(rows[k] == v for k, v in kept.items())
    assert db.execute("SELECT count(*) FROM translations").fetchone()[0] == len(segs)
