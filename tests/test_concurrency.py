"""Two processes writing at once never see "database is locked" and lose nothing.

The processes load everything first, say "ready", and start together when the test writes "go" to
both (no sleeps): two imports of different folders; an align over every article while an analyst's
decisions are made from another process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_faults import write_corpus
from workbench.cli import main
from workbench.store.db import _use_wal

CHILD = r"""
import json, sys
from workbench.cli import main
import sqlite_utils, workbench.align.run, workbench.corpus.importer, workbench.review.decisions  # loaded before "go"
db, calls = sys.argv[1], json.loads(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()  # "go"
status = [main(["--db", db, *argv]) for argv in calls]
print(json.dumps(status), flush=True)
"""


def together(db: Path, *jobs: list[list[str]]) -> list[tuple[list[int], str]]:
    """Run each list of workbench calls in its own process, all started at the same moment."""
    children = [subprocess.Popen([sys.executable, "-c", CHILD, str(db), json.dumps(calls)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=os.environ.copy()) for calls in jobs]
    for child in children:
        assert child.stdout.readline() == "ready\n"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    out = []
    for child in children:
        stdout, stderr = child.communicate(timeout=120)
        assert child.returncode == 0, stderr
        out.append((json.loads(stdout.strip().splitlines()[-1]), stderr))
    return out


def test_two_imports_at_once(tmp_path, capsys):
    db = tmp_path / "w.db"
    a, b = write_corpus(tmp_path / "a", files=100), write_corpus(tmp_path / "b", files=100)
    # the second corpus says the same things in other words: no article is a duplicate of the other's
    for path in (tmp_path / "b").iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace("dépêche", "rapport").replace("رقم", "عدد"),
                        encoding="utf-8")
    assert main(["--db", str(db), "import", "--no-glossary", str(tmp_path / "a" / "part-000.jsonl")]) == 0
    results = together(db, [["import", "-q", str(tmp_path / "a")]], [["import", "-q", str(tmp_path / "b")]])
    for status, stderr in results:
        assert status == [0] and "locked" not in stderr, stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == a + b
    assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == a + b
    folders = [Path(r[0]).parent.name for r in conn.execute("SELECT source FROM articles WHERE id > 3 ORDER BY id")]
    assert sum(x != y for x, y in zip(folders, folders[1:])) >= 1, folders  # the two really ran at once
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 0


def test_align_while_deciding(tmp_path, capsys):
    db = tmp_path / "w.db"
    write_corpus(tmp_path / "corpus", files=12)
    assert main(["--db", str(db), "import", "-q", str(tmp_path / "corpus")]) == 0
    assert main(["--db", str(db), "align", "-q"]) == 0
    conn = sqlite3.connect(db)
    linked = [r[0] for r in conn.execute(
        "SELECT mention_id FROM links WHERE status = 'accepted' ORDER BY mention_id")]
    decided = linked[::4][:40]
    assert len(decided) >= 20
    results = together(db, [["align", "-q", "--force"]],
                       [["decide", str(m), "confirm"] for m in decided])
    for status, stderr in results:
        assert set(status) == {0} and "locked" not in stderr, stderr
    assert results[1][0] == [0] * len(decided)
    # every decision is logged and stands, and align finished every article
    assert conn.execute("SELECT count(*) FROM decisions WHERE action = 'confirm' AND target = 'mention'"
                        ).fetchone()[0] == len(decided)
    marks = ",".join("?" * len(decided))
    assert conn.execute(f"SELECT count(*) FROM links WHERE mention_id IN ({marks}) AND status = 'confirmed'"
                        " AND decided_by = 'tester'", decided).fetchone()[0] == len(decided)
    assert conn.execute("SELECT count(*) FROM align_state").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    started, finished, status = conn.execute(
        "SELECT started_at, finished_at, status FROM jobs ORDER BY id DESC LIMIT 1").fetchone()
    assert status == "done"
    assert conn.execute("SELECT count(*) FROM decisions WHERE at BETWEEN ? AND ?",
                        (started, finished)).fetchone()[0] > 0  # they ran at once (to the second)
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 0


def test_two_commands_creating_one_database(tmp_path, capsys):
    """Both migrate a new database at once: one waits for the other's migrations instead of failing."""
    write_corpus(tmp_path / "c", files=2)
    dbs = [tmp_path / f"new-{i}.db" for i in range(8)]
    calls = [["import", "-q", "--no-glossary", "--db", str(db), str(tmp_path / "c" / "part-000.jsonl")]
             for db in dbs]
    results = together(tmp_path / "unused.db", calls, calls)
    for status, stderr in results:
        assert "not a usable" not in stderr and "locked" not in stderr, stderr
        assert status == [0] * len(dbs)
    capsys.readouterr()
    for db in dbs:
        assert main(["--db", str(db), "check"]) == 0
        assert capsys.readouterr().out.count("ok ") == 5


class _SwitchingFile:
    """A connection whose journal-mode switch is refused while another process switches the file."""

    def __init__(self, refusals: int, error: str = "database is locked"):
        self.refusals, self.error, self.calls = refusals, error, 0

    def execute(self, sql):
        self.calls += 1
        if self.calls <= self.refusals:
            raise sqlite3.OperationalError(self.error)
        return self

    def fetchone(self):
        return ("wal",)


def test_wal_switch_waits_for_the_other_process():
    conn = _SwitchingFile(refusals=3)
    _use_wal(conn)
    assert conn.calls == 4


def test_wal_switch_reports_other_errors_at_once():
    conn = _SwitchingFile(refusals=1, error="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _use_wal(conn)
    assert conn.calls == 1


def test_connections_keep_a_page_cache_sized_for_big_corpora(tmp_path):
    from workbench.store.db import CACHE_KIB, connect

    conn = connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    assert CACHE_KIB >= 32 * 1024  # align halves its speed with SQLite's 2 MiB default
