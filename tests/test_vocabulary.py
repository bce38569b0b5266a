"""The review's vocabulary: the queue's order and the index that serves it agree with the threshold."""

from __future__ import annotations

from workbench import vocabulary
from workbench.names import matcher
from workbench.store.db import open_db


def test_one_acceptance_threshold():
    assert matcher.ACCEPT == vocabulary.ACCEPT
    assert str(vocabulary.ACCEPT) in vocabulary.QUEUE_ORDER


def test_links_review_index_is_the_queue_order(tmp_path):
    db = open_db(tmp_path / "w.db")
    sql = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'links_review'").fetchone()[0]
    assert vocabulary.QUEUE_ORDER.replace("l.", "") in sql
    for status in vocabulary.PENDING:
        assert f"'{status}'" in sql
    # the queue's query is served by that index (INDEXED BY fails when the expression differs)
    from workbench.review.queue import review_queue

    assert review_queue(db.conn) == []


def test_statuses_and_actions():
    assert set(vocabulary.PENDING) | set(vocabulary.LINKED) <= set(vocabulary.STATUSES)
    assert set(vocabulary.STATUS_OF) == set(vocabulary.ACTIONS)
    assert set(vocabulary.STATUS_OF.values()) <= set(vocabulary.STATUSES)
