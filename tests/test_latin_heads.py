"""French and English names take their type from the words before them."""

from __future__ import annotations

import pytest

from tests.test_align_pipeline import add_article, add_glossary
from workbench.align.latin_heads import kind_before
from workbench.align.run import align_articles


@pytest.mark.parametrize("text, name, lang, expected", [
    ("Fighting spread to the village of Umm Tinah on Monday.", "Umm Tinah", "en", "place"),
    ("Les combats ont gagné le village d’Umm Tinah lundi.", "Umm Tinah", "fr", "place"),
    ("Dans le quartier de Sinaat, les habitants ont fui.", "Sinaat", "fr", "place"),
    ("The SDF commander Delil Hamo said the road was open.", "Delil Hamo", "en", "person"),
    ("Selon le porte-parole Delil Hamo, la route est ouverte.", "Delil Hamo", "fr", "person"),
    ("M. Hamo a démenti.", "Hamo", "fr", "person"),
    ("The office of Delil Hamo said nothing.", "Delil Hamo", "en", None),  # "office" says nothing
    ("Delil Hamo said the road was open.", "Delil Hamo", "en", None),
    ("Les troupes de la ville d’Alep", "Alep", "en", None),  # French heads count in French only
])
def test_kind_before(text, name, lang, expected):
    found = kind_before(text, text.index(name), lang)
    assert (found[0] if found else None) == expected


def proposals(conn, french: str, english: str, surface: str) -> list[tuple[str, str, str]]:
    """Align one French sentence and its English; (language, status, proposal) of each mention of ``surface``."""
    add_glossary(conn)
    add_article(conn, "fr", [french], [english])
    align_articles(conn)
    return conn.execute(
        """SELECT m.lang, l.status, l.proposal FROM mentions m JOIN links l ON l.mention_id = m.id
           WHERE m.surface = ?""", (surface,)).fetchall()


def test_a_new_name_after_a_place_head_is_proposed_as_a_place(db):
    rows = proposals(db.conn, "Les FDS ont repris le village d’Umm Tinah, près de Hassaké.",
                     "The SDF retook the village of Umm Tinah, near Hasakah.", "Umm Tinah")
    assert rows and all(status == "new" and '"type": "place"' in proposal for _, status, proposal in rows)


def test_the_review_view_carries_the_type_of_the_counterpart(db):
    """A name whose own words say nothing (près d'Umm Tinah) shows its counterpart's type, which the
    new-entity form then starts with when its own link proposes none."""
    from workbench.review.queue import mention_view

    add_glossary(db.conn)
    add_article(db.conn, "fr", ["Les FDS ont avancé près d’Umm Tinah."],
                ["The SDF advanced near the village of Umm Tinah."])
    align_articles(db.conn)
    (french,) = db.conn.execute("SELECT id FROM mentions WHERE surface = 'Umm Tinah' AND lang = 'fr'").fetchone()
    view = mention_view(db.conn, french)
    assert view["counterpart"]["surface"] == "Umm Tinah" and view["counterpart"]["type"] == "place"


@pytest.mark.parametrize("text, name, lang, expected", [
    ("Selon Karim Hallaf, un militant local, la route est coupée.", "Karim Hallaf", "fr", "person"),
    ("« Rien », a dit Salem Nouri, porte-parole du conseil.", "Salem Nouri", "fr", "person"),
    ("Les tirs ont touché Tell Jamal, un village des environs.", "Tell Jamal", "fr", "place"),
    ("Un communiqué de Voix libres, une ONG basée à Paris.", "Voix libres", "fr", "org"),
    ("Karim Hallaf, a local activist, said the road was cut.", "Karim Hallaf", "en", "person"),
    # the demo corpus: the head of an English apposition is its last word
    ("said Jihan Mohammed Amin, a camp administrator.", "Jihan Mohammed Amin", "en", "person"),
    ("said Jihan Amin, a town official.", "Jihan Amin", "en", "person"),
    ("The strikes hit Tell Jamal, a village near the border.", "Tell Jamal", "en", "place"),
    ("Selon Jihan Amin, un camp de déplacés proche.", "Jihan Amin", "fr", "place"),
    ("Karim Hallaf, a indiqué la source.", "Karim Hallaf", "fr", None),  # a verb, not an apposition
    ("Tell Jamal a été repris.", "Tell Jamal", "fr", None),
    ("À Tell Jamal, le chef du village a parlé.", "Tell Jamal", "fr", None),  # a fronted phrase ends there
])
def test_kind_after(text, name, lang, expected):
    from workbench.align.latin_heads import kind_after

    found = kind_after(text, text.index(name), text.index(name) + len(name), lang)
    assert (found[0] if found else None) == expected


def test_a_new_name_with_an_apposition_is_proposed_with_its_kind(db):
    rows = [proposal for lang, _, proposal in proposals(
        db.conn, "Karim Hallaf, un militant de Hassaké, a parlé.", "Karim Hallaf, an activist from Hasakah, spoke.",
        "Karim Hallaf") if lang == "fr"]
    assert rows and all('"type": "person"' in proposal for proposal in rows)
