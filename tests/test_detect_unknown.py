"""Names outside the glossary: French names that go on in lower case, places from the GeoNames list."""

from __future__ import annotations

from workbench.align.capnames import capitalised_names, extend_names
from workbench.align.detect_source import gazetteer_places
from workbench.align.spans import Segment
from workbench.names.places import place_lookup, read_places
from workbench.text.tokens import words


def french_names(text: str, taken_words: tuple[str, ...] = ()) -> list[str]:
    tokens = words(text)
    taken = [t.text in taken_words for t in tokens]
    runs = extend_names(text, tokens, taken, capitalised_names(text, tokens, taken))
    return [text[tokens[f].start:tokens[f + n - 1].end] for f, n in runs]


def test_french_names_with_linking_words_and_adjectives():
    text = "Selon l'Observatoire syrien des droits de l'homme, l'Armée syrienne libre a reculé."
    assert french_names(text) == ["Observatoire syrien des droits de l'homme", "Armée syrienne libre"]


def test_french_name_may_end_on_a_known_name():
    text = "Un porte-parole de l'Agence antiterroriste du Kurdistan a parlé."
    assert "Agence antiterroriste du Kurdistan" in french_names(text, taken_words=("Kurdistan",))


def test_french_name_stops_at_a_verb():
    assert french_names("Les Forces tribales ont attaqué le village.") == ["Forces tribales"]


def test_place_list_ships_and_finds_arabic_places():
    rows = read_places()
    assert len(rows) > 1000 and all(r[0].startswith(("geonames:", "iso3166:", "iso3166-2:")) for r in rows)
    sentence = "وصلت التعزيزات إلى خانقين ومندلي أمس."
    tokens = words(sentence)
    found = gazetteer_places(Segment(1, sentence, 0, tokens, [False] * len(tokens)), len(sentence))
    assert [(f.stem, f.etype, f.detector) for f in found] == [("خانقين", "place", "gazetteer"),
                                                             ("مندلي", "place", "gazetteer")]
    assert all(f.place.startswith("geonames:") and f.entries == [] for f in found)


def test_place_list_leaves_out_frequent_words():
    lookup = place_lookup()
    sentence = "قال إن القوات بصدد دخول المدينة الجديدة."
    tokens = words(sentence)
    assert gazetteer_places(Segment(1, sentence, 0, tokens, [False] * len(tokens)), len(sentence)) == []
    assert lookup.canonical  # the list is loaded


def test_place_list_leaves_out_a_frequent_word_behind_a_proclitic():
    sentence = "ووصف القصف بأنه عشوائي ويستهدف المدنيين."  # بانه (Baneh) is also ب + أنه
    tokens = words(sentence)
    assert gazetteer_places(Segment(1, sentence, 0, tokens, [False] * len(tokens)), len(sentence)) == []


def test_place_list_is_looked_up_per_script():
    from workbench.names.places import place_named, place_names

    arabic, latin = place_lookup("ar"), place_lookup("latin")
    assert all(e.lang == "ar" for bucket in arabic.index.values() for e in bucket)
    assert all(e.lang != "ar" for bucket in latin.index.values() for e in bucket)
    manbij = place_named("منبج", "ar")
    assert manbij and place_named("Manbij", "fr") == manbij and place_names()[manbij] == "Manbij"
    assert place_named("منبج", "fr") is None and place_named("Manbij", "ar") is None


def test_french_names_alone_in_brackets_or_quotes():
    text = "La police locale (Asayish) a cité l'agence « Tanmia ». Elle a parlé."
    assert french_names(text) == ["Asayish", "Tanmia"]


def test_french_transliterated_apostrophe_stays_inside_a_name():
    assert french_names("Les blessés de Ras al-Ma’ara et d’Idleb.") == ["Ras al-Ma’ara", "Idleb"]


def test_french_name_not_repeated_inside_itself_nor_closed_by_a_demonym():
    text = "Selon l’Observatoire syrien des droits de l’Homme, le Front de libération chiite a parlé."
    assert french_names(text) == ["Observatoire syrien des droits de l’Homme", "Front de libération"]


def test_french_name_closed_by_a_known_name_and_generic_acronyms_left_out():
    assert french_names("Le Bureau des médias YPG cite une ONG.", taken_words=("YPG",)) == \
        ["Bureau des médias YPG"]
    assert french_names("Centre des médias FDS", taken_words=("FDS",)) == ["Centre des médias FDS"]


def test_french_so_called_leaves_the_head_alone():
    assert french_names("Les Forces dites Jaych al-Nasr ont avancé.") == ["Forces", "Jaych al-Nasr"]


def test_french_heads_of_federations_and_resistance_and_their_demonyms():
    text = "La Résistance islamique a visé les Gardiens de la révolution iraniens près de la Fédération sportive."
    assert french_names(text) == ["Résistance islamique", "Gardiens de la révolution", "Fédération sportive"]


def test_place_list_leaves_a_noun_with_a_pronoun_alone():
    # حديثه is "his talk" as often as Haditha written with ه; حديثة (and الحديثة) stay places
    assert places("وقال الضابط في حديثه للصحفيين إن الوضع هادئ.") == []
    assert places("وصلت التعزيزات إلى حديثة مساء أمس.") == ["حديثة"]


def test_a_place_found_by_its_capitals_or_a_cue_is_proposed_with_its_geonames_id(db):
    """Manbij found by its capitals (French) or after ريف (Arabic, no English yet): the new-entity
    proposal is a place with its GeoNames id and English name, not the Arabic spelling as a name."""
    import json

    from tests.test_align_pipeline import add_article
    from workbench.align.run import align_articles

    conn = db.conn
    add_article(conn, "fr", ["Les combattants ont quitté Manbij dimanche."], None)
    add_article(conn, "ar", ["وانسحب المقاتلون من ريف منبج يوم الأحد."], None)
    align_articles(conn)
    rows = conn.execute("""SELECT m.surface, l.status, l.proposal FROM mentions m JOIN links l ON l.mention_id = m.id
                           WHERE m.surface IN ('Manbij', 'منبج') ORDER BY m.lang""").fetchall()
    assert [(s, st) for s, st, _ in rows] == [("منبج", "new"), ("Manbij", "new")]
    for _, _, proposal in rows:
        p = json.loads(proposal)
        assert (p["type"], p["geonames"], p["canonical_en"]) == ("place", "geonames:167357", "Manbij")
    from workbench.review.decisions import decide

    (mid,) = conn.execute("SELECT id FROM mentions WHERE surface = 'منبج'").fetchone()
    out = decide(conn, mid, "new")
    assert conn.execute("SELECT type, canonical_en, note FROM entities WHERE id = ?", (out.entity_id,)).fetchone() == \
        ("place", "Manbij", "GeoNames geonames:167357")


def test_common_words_that_geonames_also_lists_as_places_are_no_places():
    """The coast, financial, channels, the movement: towns of those names exist, but in news text they are words."""
    assert places("نشرت قنوات محلية صورا من الساحل عن الحراك المالي.") == []
    assert places("أعلنت وزارة المالية دعما ماليا إلى جانب منظمات في مالي.") == []
    assert places("وصلت التعزيزات إلى مندلي.") == ["مندلي"]


def test_the_town_list_adds_towns_geonames_lacks_without_repeating_its_spellings():
    from workbench.names.places import PLACES, TOWNS, place_named, place_source

    def arabic(path):
        return [s for row in read_places(path) for lang, s in row[3] if lang == "ar"]

    towns = arabic(TOWNS)
    assert len(towns) > 100 and len(set(towns)) == len(towns) and not set(towns) & set(arabic(PLACES))
    assert places("انسحبت القوة من بعشيقة إلى الحمدانية.") == ["بعشيقة", "الحمدانية"]
    assert place_named("بعشيقة", "ar") == place_named("Bashiqa", "fr") == "town:iq-bashiqa"
    assert place_source("town:iq-bashiqa") == "Town list town:iq-bashiqa"
    assert place_source("geonames:167357") == "GeoNames geonames:167357"
    assert place_source("iso3166:JO") == "ISO 3166 iso3166:JO"


def places(sentence):
    tokens = words(sentence)
    return [f.stem for f in gazetteer_places(Segment(1, sentence, 0, tokens, [False] * len(tokens)), len(sentence))]
