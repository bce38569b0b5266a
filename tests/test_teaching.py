"""Confirming a short form that means its entity only in its article does not teach it corpus-wide."""

from __future__ import annotations

import pytest

from tests.test_align_pipeline import add_article, add_glossary
from workbench.align.run import align_articles
from workbench.review.decisions import decide, undo

GLOSSARY = [
    ("coordination-framework", "org", "Coordination Framework",
     [("fr", "Cadre de coordination"), ("en", "Coordination Framework")]),
    ("mosul", "place", "Mosul", [("ar", "الموصل"), ("fr", "Mossoul")]),
]


@pytest.fixture
def conn(db):
    c = db.conn
    add_glossary(c, GLOSSARY)
    add_article(c, "ar", ["وأكد العقيد خليل الوحش أن الهجوم على الموصل فشل.", "واعتقل الوحش ثلاثة مسلحين."], None)
    add_article(c, "ar", ["وقال شاهد إن الوحش هاجم القرية قرب الموصل."], None)  # the beast: a common word here
    add_article(c, "fr", ["Le Cadre de coordination a réuni ses membres à Mossoul.", "Le Cadre a publié un communiqué."], None)
    add_article(c, "fr", ["Les élus du Cadre réclament des routes à Mossoul."], None)  # not the Framework
    align_articles(c)
    return c


def mention(conn, article: int, surface: str) -> int:
    (mid,) = conn.execute("""SELECT m.id FROM mentions m JOIN segments s ON s.id = m.segment_id
                             WHERE s.article_id = ? AND m.surface = ?""", (article, surface)).fetchone()
    return mid


def spellings(conn, entity: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT text FROM variants WHERE entity_id = ? AND deleted_at IS NULL", (entity,))}


def links_of(conn, surface: str) -> list[tuple]:
    return conn.execute("""SELECT s.article_id, l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
                           JOIN segments s ON s.id = m.segment_id WHERE m.surface = ? ORDER BY 1""", (surface,)).fetchall()


def wahsh(conn) -> int:
    """Khalil al-Wahsh made an entity from his full name; his family name alone later in the article."""
    decide(conn, mention(conn, 1, "خليل الوحش"), "new", canonical="Khalil al-Wahsh", entity_type="person")
    later = mention(conn, 1, "الوحش")
    assert links_of(conn, "الوحش")[0] == (1, "khalil-al-wahsh", "suggested")
    return later


def test_a_family_name_confirmed_in_its_article_is_not_taught(conn):
    out = decide(conn, wahsh(conn), "confirm")
    assert links_of(conn, "الوحش")[0] == (1, "khalil-al-wahsh", "confirmed")
    assert "الوحش" not in spellings(conn, "khalil-al-wahsh")
    assert [n for n in out.notes if "“الوحش” not taught to the glossary" in n and "--teach" in n]
    align_articles(conn)
    assert [r for r in links_of(conn, "الوحش") if r[0] == 2] in ([], [(2, None, "new")])  # the beast stays unlinked


def test_teach_makes_the_short_form_a_spelling_all_the_same(conn):
    out = decide(conn, wahsh(conn), "confirm", teach=True)
    assert out.notes == []
    assert "الوحش" in spellings(conn, "khalil-al-wahsh")


def test_a_french_head_alone_confirmed_is_not_taught_and_undo_leaves_the_glossary(conn):
    cadre = mention(conn, 3, "Cadre")
    out = decide(conn, cadre, "confirm")
    assert spellings(conn, "coordination-framework") == {"Cadre de coordination", "Coordination Framework"}
    assert any("(a short form of “Cadre de coordination”)" in n for n in out.notes)
    assert all(entity != "coordination-framework" for article, entity, _ in links_of(conn, "Cadre") if article == 4)
    undo(conn)
    assert spellings(conn, "coordination-framework") == {"Cadre de coordination", "Coordination Framework"}

