"""The compact store: candidate rows only where a decision may need them, kept so by migration 0009 too."""

from __future__ import annotations

import sqlite_utils

from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from workbench.align.run import align_articles
from workbench.review.decisions import decide
from workbench.review.queue import mention_view
from workbench.store import db as store_db
from workbench.store import open_conn
from workbench.store.migrations import migrations

PENDING = ("suggested", "unsure", "new")


def setup(conn) -> None:
    add_glossary(conn)
    add_article(conn, "fr", FR_SOURCE, FR_ENGLISH)
    add_article(conn, "fr", ["Karim Haddad a quitté Mossoul.", "Mossoul est calme."],
                ["Karim Haddad left Mosul.", "Mosul is calm."])
    align_articles(conn)


def mossoul(conn) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM mentions WHERE surface = 'Mossoul' ORDER BY id")]


def test_accepted_exact_matches_store_no_candidates_pending_links_do(db):
    conn = db.conn
    setup(conn)
    by_status = dict(conn.execute(
        """SELECT l.status, count(c.mention_id) FROM links l LEFT JOIN candidates c ON c.mention_id = l.mention_id
           GROUP BY l.status"""))
    assert by_status.get("accepted") == 0
    view = mention_view(conn, mossoul(conn)[0])  # the review shows the link as the one candidate
    assert [(c["rank"], c["entity_id"]) for c in view["candidates"]] == [(1, "mosul")]


def test_which_links_keep_their_candidates():
    from dataclasses import replace

    from workbench.align.run import keeps_candidates
    from workbench.align.spans import Found

    own = [("mosul", 1.0, "Mossoul", "glossary")]
    other = [("hasakah", 0.9, "x", "matcher")]
    accepted = Found(segment_id=1, side="source", start=0, end=7, surface="Mossoul", stem="Mossoul", lang="fr",
                     detector="glossary", words=("mossoul",), entity_id="mosul", status="accepted", candidates=own)
    assert not keeps_candidates(accepted)
    assert keeps_candidates(replace(accepted, candidates=own + other))  # a fallback if it is rejected
    assert keeps_candidates(replace(accepted, candidates=other))
    for status in PENDING:  # a pending link keeps them for the review and the picker
        assert keeps_candidates(replace(accepted, status=status))


def test_rejection_falls_back_to_a_stored_candidate_or_to_a_new_entity(db):
    from workbench.review.decisions import _next_best, link_state

    conn = db.conn
    setup(conn)
    first, second, third = mossoul(conn)[:3]
    # a link with a stored second candidate falls back to it (the first, the rejected one, left out here)
    with conn:
        conn.execute("INSERT INTO candidates (mention_id, rank, entity_id, score, variant, why) VALUES (?, ?, ?, ?, ?, ?)",
                     (second, 2, "hasakah", 0.9, "x", "test"))
    after = _next_best(conn, second, "mossoul", link_state(conn, second), "now")
    assert (after["entity_id"], after["status"]) == ("hasakah", "accepted")
    # the decision then links the spelling again as the aligner does: with no stored row, the only
    # candidate was the rejected entity itself (the hand-made row above was not the aligner's)
    decide(conn, first, "reject", all_same=False)
    for mention in (second, third):
        assert conn.execute("SELECT entity_id, status FROM links WHERE mention_id = ?", (mention,)).fetchone() == (
            None, "new")


def aligned_before_0009(conn) -> None:
    """Mentions and links as the aligner of that schema wrote them (today's aligner needs today's schema)."""
    add_glossary(conn)
    article = add_article(conn, "fr", ["Karim Haddad a quitté Mossoul.", "Mossoul est calme."],
                          ["Karim Haddad left Mosul.", "Mosul is calm."])
    rows = [(0, 0, 12, "Karim Haddad", "karim haddad", None, "new"), (0, 22, 29, "Mossoul", "mossoul", "mosul", "accepted"),
            (1, 0, 7, "Mossoul", "mossoul", "mosul", "accepted")]
    with conn:
        for seq, start, end, surface, norm, entity, status in rows:
            segment = conn.execute("SELECT id FROM segments WHERE article_id = ? AND seq = ?", (article, seq)).fetchone()[0]
            mention = conn.execute(
                """INSERT INTO mentions (segment_id, side, start, end, surface, norm, lang, detector, created_at)
                   VALUES (?, 'source', ?, ?, ?, ?, 'fr', 'caps', 't')""", (segment, start, end, surface, norm)).lastrowid
            conn.execute("INSERT INTO links (mention_id, entity_id, status, score, decided_by, updated_at)"
                         " VALUES (?, ?, ?, 1.0, 'auto', 't')", (mention, entity, status))


def test_migration_drops_only_candidates_that_repeat_their_link(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(store_db.connect(path))
    migrations.apply(old, stop_before="0009_compact_store")
    conn = old.conn
    aligned_before_0009(conn)
    first, second = mossoul(conn)[:2]
    pending = conn.execute(f"SELECT mention_id FROM links WHERE status IN {PENDING} LIMIT 1").fetchone()[0]
    with conn:  # what the aligner wrote before: every link's candidates, the exact match's too
        conn.execute("DELETE FROM candidates")
        conn.executemany("INSERT INTO candidates (mention_id, rank, entity_id, score, variant, why) VALUES (?, ?, ?, ?, ?, ?)",
                         [(first, 1, "mosul", 1.0, "Mossoul", "glossary"),
                          (second, 1, "mosul", 1.0, "Mossoul", "glossary"), (second, 2, "hasakah", 0.9, "x", "t"),
                          (pending, 1, "hasakah", 0.6, "x", "t")])
    conn.close()
    conn = open_conn(path)
    rows = conn.execute("SELECT mention_id, rank FROM candidates ORDER BY mention_id, rank").fetchall()
    assert rows == sorted([(second, 1), (second, 2), (pending, 1)])
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'links_status'").fetchone() == (0,)
    from tests.test_article_stats import full_count
    from workbench.store.stats import collect

    s = collect(conn)  # the counters start from the rows already there
    assert {key: getattr(s, key) for key in full_count(conn)} == full_count(conn)
    decide(conn, first, "confirm")  # a status no link had before the migration is counted too
    decide(conn, pending, "unsure")
    s = collect(conn)
    assert s.mentions_by_status["confirmed"] == 1
    assert {key: getattr(s, key) for key in full_count(conn)} == full_count(conn)
