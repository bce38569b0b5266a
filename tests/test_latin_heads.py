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


def test_a_new_name_after_a_place_head_is_proposed_as_a_place(db):
    add_glossary(db.conn)
    add_article(db.conn, "fr", ["Les FDS ont repris le village d’Umm Tinah, près de Hassaké."],
                ["The SDF retook the village of Umm Tinah, near Hasakah."])
    align_articles(db.conn)
    rows = db.conn.execute(
        """SELECT m.surface, l.status, l.proposal FROM mentions m JOIN links l ON l.mention_id = m.id
           WHERE m.surface = 'Umm Tinah'""").fetchall()
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
