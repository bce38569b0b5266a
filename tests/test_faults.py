"""kill -9 at random points of real `workbench import`, `translate` and `align` runs, then rerun.

Each command runs in a subprocess on a corpus big enough to take a moment; the test polls the
database until a row count chosen at random is reached, kills the process, checks that the database
is consistent (`workbench check` finds nothing but the killed job), and finally reruns to the end.
The rows must then be those of an uninterrupted run (compared without ids and timestamps), and
`workbench check` must be clean. (tests/test_translate_runner.py kills the translate job at a fixed
point inside a batch; this test drives the command line as a user would.)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_translate_support import AR_SENTENCES, FR_SENTENCES, install_tiny, one_thread  # noqa: F401
from workbench.cli import main
from workbench.store import article_text, check
from workbench.store.db import connect

pytestmark = pytest.mark.usefixtures("one_thread")

NAMES = ["Mossoul", "Hassaké", "Bagdad", "Damas", "Daech", "Raqqa", "Alep", "Kirkouk"]
AR_NAMES = ["الموصل", "الحسكة", "بغداد", "دمشق", "داعش", "الرقة", "حلب", "كركوك"]


def write_corpus(folder: Path, files: int = 16, per_file: int = 3) -> int:
    """``files`` JSONL files (each imported all or nothing) of French and Arabic articles naming places."""
    folder.mkdir()
    n = 0
    for f in range(files):
        lines = []
        for a in range(per_file):
            n += 1
            if n % 4:
                text = " ".join(f"{FR_SENTENCES[(n + i) % len(FR_SENTENCES)][:-1]}, près de {NAMES[(n + i) % 8]}, "
                                f"dépêche {n}-{i}." for i in range(3))
                lines.append({"text": text, "lang": "fr", "title": f"Dépêche {n}"})
            else:
                text = " ".join(f"{AR_SENTENCES[i % 3][:-1]} قرب {AR_NAMES[(n + i) % 8]} رقم {n}-{i}."
                                for i in range(3))
                lines.append({"text": text, "lang": "ar", "title": f"خبر {n}"})
        (folder / f"part-{f:03d}.jsonl").write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return n


# ---- a canonical dump: the rows that matter, keyed by content rather than ids ---------------------------

_SEG = "(SELECT a.content_hash || ':' || s.seq FROM segments s JOIN articles a ON a.id = s.article_id WHERE s.id = {})"
_MENTION = ("(SELECT a.content_hash || ':' || s.seq || ':' || m.side || ':' || m.start || ':' || m.end "
            "FROM mentions m JOIN segments s ON s.id = m.segment_id JOIN articles a ON a.id = s.article_id "
            "WHERE m.id = {})")
DUMP = {
    "articles": "SELECT content_hash, source, source_line, lang, lang_method, title, url, date, text, tail, encoding,"
                f" {article_text.expression('articles')} FROM articles",
    "segments": f"SELECT {_SEG.format('segments.id')}, start, end, text FROM segments",
    "stats": "SELECT a.content_hash, st.sentences, st.translated, st.mentions, st.pending"
             " FROM article_stats st JOIN articles a ON a.id = st.article_id",
    "fts": f"SELECT {_SEG.format('segments_fts_docsize.id')}, sz FROM segments_fts_docsize",  # the words of each row (no text kept)
    "translations": f"SELECT {_SEG.format('segment_id')}, engine, model, text, round(score, 4), alternatives,"
                    " merged, truncated FROM translations",
    "cache": "SELECT model, source_key, text, round(score, 4), truncated FROM translation_cache",
    "mentions": f"SELECT {_MENTION.format('mentions.id')}, surface, norm, lang, detector, prefix,"
                f" {_MENTION.format('counterpart_id')} FROM mentions",
    "links": f"SELECT {_MENTION.format('mention_id')}, entity_id, status, round(score, 4), why, proposal,"
             " decided_by FROM links",
    "candidates": f"SELECT {_MENTION.format('mention_id')}, rank, entity_id, round(score, 4), variant, why"
                  " FROM candidates",
    # (the signature holds translation and glossary times, which differ from run to run)
    "align_state": "SELECT a.content_hash FROM align_state st JOIN articles a ON a.id = st.article_id",
    "glossary": "SELECT e.id, e.type, e.canonical_en, e.deleted_at IS NULL, v.lang, v.text, v.norm, v.learned"
                " FROM entities e LEFT JOIN variants v ON v.entity_id = e.id",
}


def dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in DUMP.items()}
    finally:
        conn.close()


def count(path: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet, or its tables not yet
        return 0


def workbench(db: Path, *argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "workbench", "--db", str(db), *argv],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def only_dead_jobs(db: Path) -> list[str]:
    """What `workbench check` finds besides the job the kill left running (there must be nothing)."""
    conn = connect(db)
    try:
        return [f"{f.check}: {f.problem}" for name, findings in check.run(conn) if name != "jobs" for f in findings]
    finally:
        conn.close()


def kill_and_rerun(db: Path, argv: list[str], counter: str, total: int, rng: random.Random, kills: int) -> list[int]:
    """Run ``argv`` ``kills`` times, each killed once ``counter`` reaches a random threshold; then to the end."""
    killed_at = []
    for _ in range(kills):
        start = count(db, counter)
        if start >= total - 1:
            break
        threshold = rng.randint(start + 1, total - 1)
        child = workbench(db, *argv)
        while child.poll() is None and count(db, counter) < threshold:
            try:
                child.wait(timeout=0.002)  # wait for the child to end, or look at the count again
            except subprocess.TimeoutExpired:
                pass
        if child.poll() is None:
            child.kill()  # SIGKILL
            child.wait()
            killed_at.append(count(db, counter))
        child.stderr.close()
        assert only_dead_jobs(db) == [], f"{argv} killed at {killed_at}"
    assert main(["--db", str(db), *argv]) in (0, 1)  # 1: import's summary when a file was rejected (none here)
    assert main(["--db", str(db), "check"]) == 0
    return killed_at


def test_kill_9_anywhere_then_rerun_ends_as_an_uninterrupted_run(tmp_path, tmp_path_factory, capsys):
    install_tiny(tmp_path_factory, "fr", "ar")
    articles = write_corpus(tmp_path / "corpus")
    reference, faulty = tmp_path / "reference.db", tmp_path / "faulty.db"
    steps = [
        (["import", str(tmp_path / "corpus"), "-q"], "SELECT count(*) FROM articles"),
        (["translate", "-q", "--batch-size", "4"], "SELECT count(*) FROM translations"),
        (["align", "-q"], "SELECT count(*) FROM align_state"),
    ]
    seed = int.from_bytes(os.urandom(4), "big")  # named in every failure message: rerun with it to reproduce
    rng = random.Random(seed)
    summary = []
    for argv, counter in steps:
        assert main(["--db", str(reference), *argv]) == 0
        total = count(reference, counter)
        assert total >= (articles if argv[0] != "translate" else 3 * articles)
        killed = kill_and_rerun(faulty, argv, counter, total, rng, kills=2)
        summary.append((argv[0], total, killed))
        expected, got = dump(reference), dump(faulty)
        for table in DUMP:
            assert got[table] == expected[table], f"{table} differs after {argv[0]} killed at {killed} (seed {seed})"
    capsys.readouterr()
    # the kills did happen (a run may end before its threshold only when it was nearly done)
    assert sum(len(k) for _, _, k in summary) >= 3, summary
    shutil.rmtree(tmp_path / "corpus")
