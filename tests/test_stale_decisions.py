"""Two analysts on one database: a decision taken on a stale view is refused and writes nothing."""

from __future__ import annotations

import pytest

from tests.test_decisions import conn, link, mid  # noqa: F401  (the aligned test database)
from workbench.review.decisions import decide
from workbench.review.queue import mention_view
from workbench.review.stale import StaleView, seen
from workbench.store import open_db


def snapshot(c) -> tuple:
    """Everything a decision may write."""
    return tuple(c.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                 for t in ("links", "decisions", "rejections", "entities", "variants"))


@pytest.fixture
def other(db_path, conn):  # noqa: F811
    """A second connection to the same database: the other analyst."""
    second = open_db(db_path).conn
    yield second
    second.close()


def test_refused_when_another_analyst_decided_meanwhile(conn, other):  # noqa: F811
    m = mid(conn, "Mossoul")
    shown = seen(mention_view(conn, m))  # what analyst A's screen shows: accepted -> mosul
    assert shown["status"] == "accepted" and shown["entity_id"] == "mosul"
    decide(other, m, "correct", entity_id="hasakah", user="bob")  # analyst B, on another connection
    before = snapshot(conn)
    with pytest.raises(StaleView) as refused:
        decide(conn, m, "reject", expect=shown, user="alice")
    assert snapshot(conn) == before  # nothing written: no link, log row, rejection or spelling
    assert link(conn, m) == {"entity": "hasakah", "status": "confirmed", "by": "bob"}
    message = str(refused.value)
    assert message.startswith("nothing written: “Mossoul” changed since you saw it: bob (correct) made it "
                              "confirmed → hasakah; you saw accepted → mosul (mention ")
    assert f"(mention {m}, " in message and message.endswith("look again and decide")
    assert "\n" not in message


def test_refused_when_changed_and_changed_back(conn, other):  # noqa: F811
    m = mid(conn, "Hassaké")
    shown = seen(mention_view(conn, m))
    decide(other, m, "correct", entity_id="mosul", user="bob")
    decide(other, m, "correct", entity_id=shown["entity_id"], user="bob")  # back, but by a person now
    before = snapshot(conn)
    with pytest.raises(StaleView, match="bob"):
        decide(conn, m, "confirm", expect=shown, user="alice")
    assert snapshot(conn) == before


def test_allowed_when_nothing_changed(conn, other):  # noqa: F811
    m = mid(conn, "Mossoul")
    shown = seen(mention_view(other, m))
    out = decide(conn, m, "confirm", expect=shown, user="alice")
    assert out.mention_ids == [m]
    assert link(other, m) == {"entity": "mosul", "status": "confirmed", "by": "alice"}
    # a second decision on the first screen's view is now stale itself
    with pytest.raises(StaleView, match="alice"):
        decide(other, m, "reject", expect=shown, user="bob")
    assert link(other, m)["by"] == "alice"


def test_without_expect_the_current_state_is_decided(conn, other):  # noqa: F811
    m = mid(conn, "Mossoul")
    decide(other, m, "correct", entity_id="hasakah", user="bob")
    decide(conn, m, "unsure", user="alice")  # the CLI's way: no expectation
    assert link(conn, m) == {"entity": "hasakah", "status": "unsure", "by": "alice"}
