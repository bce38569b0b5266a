"""Not a name: dismissal, bulk, the remembered spelling, re-alignment, counters, undo, the migration."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from tests.test_compact_store import aligned_before_0009
from tests.test_decisions import conn, link, mid  # noqa: F401 (conn: the decisions tests' fixture)
from workbench.align.run import align_articles
from workbench.errors import UserError
from workbench.review.decisions import decide, undo
from workbench.review.queue import review_queue
from workbench.store import db as store_db
from workbench.store.migrations import migrations
from workbench.store import implied


def everything(conn) -> dict:
    """Every row a dismissal may touch."""
    return {
        "links": conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall(),
        "not_names": conn.execute("SELECT * FROM not_names").fetchall(),
        "counters": conn.execute("SELECT * FROM stats_counters ORDER BY name").fetchall(),
        "article_stats": conn.execute("SELECT * FROM article_stats ORDER BY article_id").fetchall(),
    }


def counted(conn) -> dict:
    """Links by status, counted from the rows (what the counters must say)."""
    return dict(conn.execute("SELECT 'links:' || status, count(*) FROM links GROUP BY status"))


def counters(conn) -> dict:
    return dict(conn.execute("SELECT name, n FROM stats_counters WHERE name LIKE 'links:%' AND n <> 0"))


def test_dismiss_logs_before_after_remembers_and_leaves_the_queue(conn):
    first, second = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", nth=1)
    pending = conn.execute("SELECT sum(pending) FROM article_stats").fetchone()[0]
    out = decide(conn, first, "not-a-name")
    assert link(conn, first) == {"entity": None, "status": "dismissed", "by": "tester"}
    # not bulk: the other mention is not the analyst's decision, but the remembered spelling reaches
    # it at once, as the next align would (an automatic dismissal, which undo takes back)
    assert link(conn, second) == {"entity": None, "status": "dismissed", "by": "auto"}
    rows = conn.execute("SELECT action, target, target_id, before, after, batch FROM decisions ORDER BY id").fetchall()
    assert [r[:3] for r in rows] == [("not-a-name", "mention", str(first)),
                                     ("not-a-name", "not_a_name", "fr\tkarim haddad")]
    assert {r[5] for r in rows} == {out.batch}
    assert json.loads(rows[0][3])["status"] == "new" and json.loads(rows[0][4])["status"] == "dismissed"
    assert conn.execute("SELECT lang, norm, spelling, origin, learned FROM not_names").fetchall() == [
        ("fr", "karim haddad", "Karim Haddad", "review", 1)]
    assert first not in [m["id"] for m in review_queue(conn)]
    assert conn.execute("SELECT sum(pending) FROM article_stats").fetchone()[0] == pending - 2
    assert counters(conn) == counted(conn) and counters(conn)["links:dismissed"] == 2


def test_align_does_not_propose_a_remembered_non_name_again_in_that_language(conn):
    first, second = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", nth=1)
    english = mid(conn, "Karim Haddad", side="english")
    decide(conn, first, "not-a-name")
    assert align_articles(conn).aligned == []  # the decision brought the alignment up to date already
    assert conn.execute(f"SELECT status, entity_id, {implied.decided_by('links')}, why FROM links WHERE mention_id = ?",
                        (second,)).fetchone() == ("dismissed", None, "auto", "remembered as not a name")
    assert link(conn, first) == {"entity": None, "status": "dismissed", "by": "tester"}
    assert link(conn, english)["status"] == "new"  # English: another language, still proposed
    align_articles(conn, force=True)
    assert link(conn, second)["status"] == "dismissed"
    assert {m["norm"] for m in review_queue(conn) if m["lang"] == "fr"}.isdisjoint({"karim haddad"})
    assert counters(conn) == counted(conn)


def test_bulk_dismissal_and_undo_restore_everything(conn):
    first, second = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", nth=1)
    before = everything(conn)
    out = decide(conn, first, "not-a-name", all_same=True)
    assert out.mention_ids == [first, second]
    assert [link(conn, m)["status"] for m in (first, second)] == ["dismissed", "dismissed"]
    assert counters(conn) == counted(conn)
    undone = undo(conn)
    assert sorted(undone.mention_ids) == [first, second]
    assert everything(conn) == before
    rows = conn.execute("SELECT target, undoes FROM decisions WHERE action = 'undo' ORDER BY id").fetchall()
    assert sorted(t for t, _ in rows) == ["mention", "mention", "not_a_name"] and all(u for _, u in rows)
    align_articles(conn)  # forgotten: proposed again
    assert link(conn, second)["status"] == "new"


def test_a_glossary_entity_with_that_very_spelling_wins(conn):
    first, second = mid(conn, "Mossoul"), mid(conn, "Mossoul", nth=1)
    assert link(conn, second) == {"entity": "mosul", "status": "accepted", "by": "auto"}
    out = decide(conn, first, "not-a-name", all_same=True)
    assert out.mention_ids == [first]  # the bulk leaves the mention linked by its glossary spelling
    assert any("mosul" in note for note in out.notes)
    assert link(conn, first)["status"] == "dismissed"
    align_articles(conn, force=True)
    assert link(conn, second) == {"entity": "mosul", "status": "accepted", "by": "auto"}


def test_dismissing_twice_is_refused_in_one_line(conn):
    m = mid(conn, "Karim Haddad")
    decide(conn, m, "not-a-name")
    with pytest.raises(UserError, match="already dismissed"):
        decide(conn, m, "not-a-name")


def test_migration_keeps_links_and_counters(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(store_db.connect(path))
    migrations.apply(old, stop_before="0011_not_names")
    aligned_before_0009(old.conn)  # rows as an older aligner wrote them (today's needs today's schema)
    links = old.conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall()
    stats = old.conn.execute("SELECT * FROM article_stats").fetchall()
    old.conn.close()
    conn = store_db.open_conn(path)
    # the aligner's: undated (0015), decided_by NULL (0017)
    undated = [(*row[:6], None, "") if row[6] == "auto" else row for row in links]
    assert conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall() == undated
    assert conn.execute("SELECT * FROM article_stats").fetchall() == stats
    assert counters(conn) == counted(conn)
    decide(conn, mid(conn, "Karim Haddad"), "not-a-name")  # the wider CHECK, the triggers still there
    assert counters(conn) == counted(conn) and counters(conn)["links:dismissed"] == 1
    assert conn.execute("SELECT sum(pending) FROM article_stats").fetchone()[0] == sum(
        1 for _ in conn.execute("SELECT 1 FROM links WHERE status IN ('new', 'suggested', 'unsure')"))
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_the_not_names_service_writes_the_table():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    writes = re.compile(r"\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
                        r"[\"'`\[]?not_names\b", re.IGNORECASE)
    assert writes.search("UPDATE not_names SET learned = 0")  # the check can fail
    allowed = {Path("workbench/glossary/not_names.py")}
    offenders = [str(p.relative_to(root)) for p in sorted((root / "workbench").rglob("*.py"))
                 if p.relative_to(root) not in allowed and writes.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_normal_forms_are_recomputed_when_normalize_changes(conn):
    from workbench.glossary.store import ensure_norms

    decide(conn, mid(conn, "Karim Haddad"), "not-a-name")
    conn.execute("UPDATE not_names SET norm = 'stale'")  # as an older normalize would have left it
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'norm_version'")
    assert ensure_norms(conn)
    assert conn.execute("SELECT lang, norm FROM not_names").fetchall() == [("fr", "karim haddad")]


def test_a_group_dismissal_dismisses_the_group_and_remembers_each_spelling(conn):
    """The review's grouped queue hands the group's mentions as ``also``: each is the analyst's decision
    (and the preview counts them as the group, not as side effects); every spelling is remembered."""
    from workbench.review.preview import preview

    first, second = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", nth=1)
    shown = preview(conn, first, "not-a-name", also=[second])
    assert shown.counts["this"] == 1 and shown.counts["same_spelling"] == 1 and shown.counts["other"] == 0
    before = everything(conn)
    out = decide(conn, first, "not-a-name", also=[second])
    assert out.mention_ids == [first, second]
    assert [link(conn, m) for m in (first, second)] == [{"entity": None, "status": "dismissed", "by": "tester"}] * 2
    assert conn.execute("SELECT lang, norm FROM not_names").fetchall() == [("fr", "karim haddad")]
    undo(conn)
    assert everything(conn) == before
