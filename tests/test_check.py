"""`workbench check`: integrity, orphan rows, article counts, search index and dead jobs; `--repair` the safe part."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest

from tests import stored as fts
from tests.test_decisions import conn as aligned, mid  # noqa: F401 (fixture)
from workbench.cli import main
from workbench.store import check, search


@pytest.fixture
def conn(aligned):  # noqa: F811
    search.rebuild(aligned)  # the test articles are written without the index
    return aligned


def checked(db_path, capsys, *extra: str) -> tuple[int, list[str]]:
    status = main(["--db", str(db_path), "check", *extra])
    return status, capsys.readouterr().out.splitlines()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: the pid names no process
    return child.pid


def test_a_sound_database_is_ok_and_check_writes_nothing(conn, db_path, capsys):
    def files() -> list[bytes]:
        return [p.read_bytes() for p in sorted(db_path.parent.glob(db_path.name + "*")) if not p.name.endswith("-shm")]

    before = files()
    status, lines = checked(db_path, capsys)
    assert status == 0, lines
    assert lines == ["ok       integrity", "ok       foreign keys", "ok       article counts",
                     "ok       search index", "ok       jobs"]
    assert files() == before and len(before) == 2  # the file and its write-ahead log: unchanged


def break_it(conn) -> dict:
    """Every kind of damage a crash, an old bug or a hand edit with foreign keys off can leave."""
    m = mid(conn, "Mossoul")
    # an accepted exact match keeps no candidate rows (compact store): give this one a candidate
    conn.execute("INSERT OR IGNORE INTO candidates (mention_id, rank, entity_id, score, variant, why)"
                 " SELECT mention_id, 1, entity_id, score, NULL, why FROM links WHERE mention_id = ?", (m,))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM mentions WHERE id = ?", (m,))  # its link and candidates stay behind
    conn.execute("DELETE FROM entities WHERE id = 'islamic-state'")  # its spellings and links stay behind
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("UPDATE article_stats SET pending = pending + 5 WHERE article_id = 2")
    seg = conn.execute("SELECT min(id) FROM segments").fetchone()[0]
    fts.drift(conn, seg, source="stale")
    job = conn.execute(
        "INSERT INTO jobs (kind, params, status, started_at) VALUES ('align', ?, 'running', '2026-01-01')",
        (json.dumps({"pid": dead_pid(), "host": platform.node()}),)).lastrowid
    return {"mention": m, "segment": seg, "job": job}


def test_each_problem_is_found_with_its_repair_and_exit_1(conn, db_path, capsys):
    broken = break_it(conn)
    status, lines = checked(db_path, capsys)
    assert status == 1
    problems = [line for line in lines if line.startswith("PROBLEM")]
    text = "\n".join(problems)
    assert f"row(s) of links whose mention_id names a missing row of mentions (rowid {broken['mention']})" in text
    assert "row(s) of candidates whose mention_id names a missing row of mentions" in text
    assert "row(s) of variants whose entity_id names a missing row of entities" in text
    assert "row(s) of links whose entity_id names a missing row of entities" in text
    assert "article counts: 1 article(s) whose counts differ from a recount (article 2: pending" in text
    assert ("search index: 1 sentence(s) whose search index entry is missing, stale or stray "
            f"(segment {broken['segment']})") in text
    assert f"jobs: 1 job(s) marked running whose process is gone: {broken['job']} (align)" in text
    assert all("; " in line and ("--repair" in line or "no safe automatic repair" in line) for line in problems)
    assert "ok       integrity" in lines


def test_repair_fixes_the_safe_part_and_says_what_is_left(conn, db_path, capsys):
    broken = break_it(conn)
    status, lines = checked(db_path, capsys, "--repair")
    assert status == 1  # spellings and links of a missing entity need the analyst
    left = [line for line in lines if line.startswith("still wrong")]
    assert len(left) == 2 and all("entity_id names a missing row of entities" in line for line in left)
    assert all("`workbench glossary import FILE` with the entity brings it back" in line for line in left)
    assert conn.execute("SELECT count(*) FROM links WHERE mention_id = ?", (broken["mention"],)).fetchone()[0] == 0
    assert conn.execute("SELECT status FROM jobs WHERE id = ?", (broken["job"],)).fetchone()[0] == "failed"
    results = dict(check.run(conn))
    assert results["article counts"] == results["search index"] == results["jobs"] == []
    # the analyst brings the entity back: the database is sound
    conn.execute("""INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at)
                    VALUES ('islamic-state', 'org', 'Islamic State', 'test', 'x', 'x')""")
    status, lines = checked(db_path, capsys)
    assert status == 0 and not [line for line in lines if line.startswith("PROBLEM")]


def test_a_damaged_file_is_reported(tmp_path, capsys):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    status = main(["--db", str(path), "check"])
    err = capsys.readouterr().err
    assert status == 2 and "not a usable workbench database" in err and err.count("\n") == 1


@pytest.mark.parametrize("damage, needle", [
    ("UPDATE article_stats SET sentences = 0", "sentences 0, recount"),
    ("DELETE FROM article_stats WHERE article_id = 1", "article 1 has no counts row"),
    ("INSERT INTO segments_fts (segments_fts, rowid, source, english) SELECT 'delete', id,"
     " workbench_index_form(text), workbench_index_form((SELECT text FROM translations WHERE segment_id = segments.id))"
     " FROM segments WHERE id = (SELECT max(id) FROM segments)", "search index"),
])
def test_counts_and_index_are_repaired(conn, db_path, capsys, damage, needle):
    conn.execute(damage)
    status, lines = checked(db_path, capsys)
    assert status == 1 and needle in "\n".join(lines)
    status, lines = checked(db_path, capsys, "--repair")
    assert status == 0 and lines[-1] == "the database is sound"
    assert all(findings == [] for _, findings in check.run(conn))
