"""article_stats stays equal to a full recount through imports, alignment, decisions and deletes."""

from pathlib import Path

from workbench.store.migrations import (
    _COUNT_MENTIONS, _COUNT_PENDING, _COUNT_SENTENCES, _COUNT_TRANSLATED,
)

ROOT = Path(__file__).resolve().parents[1]
RECOUNT = (
    "SELECT a.id, " + ", ".join(expr.format(a="a.id") for expr in (
        _COUNT_SENTENCES, _COUNT_TRANSLATED, _COUNT_MENTIONS, _COUNT_PENDING))
    + " FROM articles a ORDER BY a.id"
)


def full_count(conn) -> dict:
    """What ``workbench stats`` shows, counted from the tables themselves."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles_by_lang": dict(conn.execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY lang")),
        "segments": one("SELECT count(*) FROM segments"),
        "translations_by_engine": dict(conn.execute(
            "SELECT engine, count(*) FROM translations GROUP BY engine ORDER BY engine")),
        "mentions": one("SELECT count(*) FROM mentions"),
        "mentions_by_status": dict(conn.execute(
            """SELECT coalesce(l.status, 'unlinked'), count(*) FROM mentions m
               LEFT JOIN links l ON l.mention_id = m.id GROUP BY 1 ORDER BY 1""")),
    }


def assert_consistent(conn):
    from workbench.store.stats import collect

    stored = conn.execute(
        "SELECT article_id, sentences, translated, mentions, pending FROM article_stats ORDER BY article_id"
    ).fetchall()
    assert stored == conn.execute(RECOUNT).fetchall()
    s = collect(conn)
    counted = full_count(conn)
    assert {key: getattr(s, key) for key in counted} == counted
    assert list(s.mentions_by_status) == list(counted["mentions_by_status"])  # same order as before
    assert s.translated == sum(counted["translations_by_engine"].values())


def test_counts_follow_every_writer(db):
    from workbench.review.decisions import decide, undo
    from workbench.align.run import align_articles
    from workbench.glossary.formats import for_path
    from workbench.glossary.store import merge_entities
    from workbench.corpus.importer import import_paths

    conn = db.conn
    import_paths(conn, [ROOT / "workbench" / "sample" / "articles.jsonl"])
    assert_consistent(conn)
    glossary = ROOT / "workbench" / "glossary" / "curated" / "iraq-syria-security.toml"
    merge_entities(conn, for_path(glossary).read(glossary), origin=str(glossary))
    align_articles(conn)
    assert_consistent(conn)
    pending = [r[0] for r in conn.execute(
        "SELECT mention_id FROM links WHERE status IN ('suggested', 'new') ORDER BY mention_id")]
    assert pending, "the sample should leave something to review"
    decide(conn, pending[0], "unsure")
    outcome = decide(conn, pending[-1], "new", canonical="Somewhere New", entity_type="place", all_same=True)
    assert_consistent(conn)
    undo(conn, outcome.decision_ids[0])
    assert_consistent(conn)
    align_articles(conn, force=True)  # re-align keeps human decisions, rewrites the rest
    assert_consistent(conn)
    with conn:
        conn.execute("DELETE FROM links WHERE mention_id = ?", (pending[1],))
        conn.execute("DELETE FROM mentions WHERE id = ?", (pending[2],))
        conn.execute("DELETE FROM translations WHERE segment_id = (SELECT min(id) FROM segments)")
    assert_consistent(conn)
    with conn:  # a change of engine or of status by any writer moves the count
        conn.execute("UPDATE translations SET engine = 'argos' WHERE segment_id = (SELECT max(segment_id) FROM translations)")
        conn.execute("UPDATE links SET status = 'rejected' WHERE mention_id = (SELECT max(mention_id) FROM links)")
    assert_consistent(conn)
    with conn:  # a segment with mentions, then a whole article, cascading
        seg = conn.execute("SELECT segment_id FROM mentions ORDER BY id DESC LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM segments WHERE id = ?", (seg,))
        conn.execute("DELETE FROM articles WHERE id = (SELECT max(id) FROM articles)")
    assert_consistent(conn)


def test_triggers_test_statuses_without_in_lists(db):
    """SQLite builds a temporary table for an IN list on every trigger run (4x the cost of a link write)."""
    import re

    triggers = dict(db.conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"))
    assert "article_stats_link_insert" in triggers
    assert [name for name, sql in triggers.items() if re.search(r"\bIN\s*\(\s*'", sql)] == []


def test_pending_link_indexes_state_the_queries_condition(db):
    """The partial indexes test a status with = and OR, as ``vocabulary.pending_test`` does: the
    review queue's query then uses them (it names links_review: SQLite refuses it otherwise)."""
    import re

    from workbench.review.queue import review_queue
    from workbench.vocabulary import pending_test

    indexes = dict(db.conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE name IN ('links_review', 'links_pending')"))
    assert sorted(indexes) == ["links_pending", "links_review"]
    for sql in indexes.values():
        assert not re.search(r"\bIN\s*\(", sql)
        assert pending_test("status") in " ".join(sql.split())
    review_queue(db.conn)
    plan = " ".join(r[-1] for r in db.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT count(*) FROM links l WHERE {pending_test()}"))
    assert "links_review" in plan or "links_pending" in plan
