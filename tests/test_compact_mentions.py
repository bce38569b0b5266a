"""Mentions without the two indexes no query needed (migration 0017): a plain index by sentence, and a
trigger instead of the counterpart's foreign key; on new databases and on existing ones."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.test_align_pipeline import AR_ENGLISH, AR_SOURCE, FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from tests import stored
from tests.test_compact_text import _answers
from workbench.align.run import align_articles
from workbench.review.decisions import decide
from workbench.store import check, open_conn
from workbench.store.migrations import migrations

NEW = "0017_compact_mentions"


def fill(conn) -> None:
    add_glossary(conn)
    add_article(conn, "fr", FR_SOURCE, FR_ENGLISH)
    add_article(conn, "fr", ["Karim Haddad a quitté Mossoul."], ["Karim Haddad left Mosul."])
    add_article(conn, "ar", AR_SOURCE, AR_ENGLISH)
    align_articles(conn)


def indexes(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions'")}


def paired(conn) -> tuple[int, int]:
    return conn.execute("SELECT id, counterpart_id FROM mentions WHERE counterpart_id IS NOT NULL ORDER BY id"
                        " LIMIT 1").fetchone()


def test_a_new_database_has_the_compact_layout(db):
    assert indexes(db.conn) == {"mentions_segment", "mentions_norm", "mentions_unglossed"}
    assert "REFERENCES mentions" not in db.execute("SELECT sql FROM sqlite_master WHERE name = 'mentions'").fetchone()[0]


def test_a_deleted_mention_leaves_no_counterpart_pointing_at_it(db):
    conn = db.conn
    fill(conn)
    mention, counterpart = paired(conn)
    other = conn.execute("SELECT id FROM mentions WHERE id NOT IN (?, ?) ORDER BY id LIMIT 1",
                         (mention, counterpart)).fetchone()[0]
    conn.execute("UPDATE mentions SET counterpart_id = ? WHERE id = ?", (counterpart, other))  # one-sided too
    conn.execute("DELETE FROM mentions WHERE id = ?", (counterpart,))
    assert conn.execute("SELECT count(*) FROM mentions WHERE counterpart_id = ?", (counterpart,)).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM links WHERE mention_id = ?", (counterpart,)).fetchone() == (0,)
    conn.execute("DELETE FROM articles")  # whole articles go, their mentions with them
    assert conn.execute("SELECT count(*) FROM mentions").fetchone() == (0,)
    assert all(findings == [] for _, findings in check.run(conn))


def test_check_finds_and_clears_a_counterpart_that_names_no_mention(db):
    conn = db.conn
    fill(conn)
    mention, _ = paired(conn)
    conn.execute("UPDATE mentions SET counterpart_id = 999999 WHERE id = ?", (mention,))
    findings = dict(check.run(conn))["foreign keys"]
    assert [f.problem for f in findings] == [
        f"1 row(s) of mentions whose counterpart_id names a missing row of mentions (rowid {mention})"]
    findings[0].fix(conn)
    assert conn.execute("SELECT counterpart_id FROM mentions WHERE id = ?", (mention,)).fetchone() == (None,)


def test_the_new_entitys_name_comes_from_an_english_mention_naming_it_as_counterpart(db):
    conn = db.conn
    fill(conn)
    source = conn.execute("""SELECT m.id FROM mentions m JOIN mentions c ON c.id = m.counterpart_id
                             WHERE m.side = 'source' AND c.lang = 'en' AND m.lang = 'fr' ORDER BY m.id LIMIT 1""").fetchone()[0]
    english = conn.execute("SELECT surface FROM mentions WHERE id = (SELECT counterpart_id FROM mentions WHERE id = ?)",
                           (source,)).fetchone()[0]
    conn.execute("UPDATE mentions SET counterpart_id = NULL WHERE id = ?", (source,))  # only the English names it
    decide(conn, source, "new", entity_type="place")
    canonical = conn.execute("SELECT e.canonical_en FROM links l JOIN entities e ON e.id = l.entity_id"
                             " WHERE l.mention_id = ?", (source,)).fetchone()[0]
    assert canonical == english
    plan = " ".join(r[3] for r in conn.execute(
        """EXPLAIN QUERY PLAN SELECT surface FROM mentions WHERE lang = 'en' AND (id = 1 OR counterpart_id = 2
           AND segment_id IN (SELECT s.id FROM segments s WHERE s.article_id = 3))"""))
    assert "SCAN mentions" not in plan


def test_an_existing_database_is_converted_and_answers_the_same(db, db_path):
    conn = db.conn
    fill(conn)
    decide(conn, conn.execute("SELECT max(id) FROM mentions").fetchone()[0], "confirm")  # an analyst's link
    before = _answers(conn)
    tables = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("mentions", "links", "candidates")}
    assert {r[8] for r in tables["mentions"]} >= {None} and {r[6] for r in tables["links"]} >= {None, "tester"}
    stored.as_before_0017(conn)
    assert {"sqlite_autoindex_mentions_1", "mentions_counterpart"} <= indexes(conn)
    assert conn.execute("SELECT count(*) FROM mentions WHERE detector = 'glossary'").fetchone()[0] > 0
    conn.close()

    conn = open_conn(db_path)  # migrates, with foreign keys off while it rebuilds the table
    try:
        assert indexes(conn) == {"mentions_segment", "mentions_norm", "mentions_unglossed"}
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        # the rows as today's aligner writes them; dropping the old table deleted no link or candidate
        assert {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables} == tables
        assert _answers(conn) == before
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert all(findings == [] for _, findings in check.run(conn))
        # the per-article counts still follow deletes (the triggers on mentions were made again)
        conn.execute("DELETE FROM mentions WHERE id = (SELECT max(id) FROM mentions)")
        assert dict(check.run(conn))["article counts"] == []
    finally:
        conn.close()


def test_the_migration_refuses_to_run_with_foreign_keys_on(db):
    fill(db.conn)
    stored.as_before_0017(db.conn)
    with pytest.raises(RuntimeError, match="foreign keys must be off"):
        migrations.apply(sqlite_utils.Database(db.conn))
    assert db.execute("SELECT count(*) FROM links").fetchone()[0] > 0
