"""Tokens, Arabic proclitics, skeletons, capitalised names and glossary longest match."""

from __future__ import annotations

from workbench.align.capnames import capitalised_names
from workbench.names.lookup import Lexicon
from workbench.text.tokens import proclitic_forms, stem_surface, words
from workbench.names.translit import key_similarity as similarity, name_key as skeleton


def sk(text: str) -> str:
    return skeleton([t.text for t in words(text)])


def test_words_keep_offsets_and_harakat():
    text = "قُتل أحد عشر، في al-Qaïm."
    toks = words(text)
    assert [t.text for t in toks] == ["قُتل", "أحد", "عشر", "في", "al", "Qaïm"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert toks[4].joins and not toks[2].joins  # hyphen joins, comma does not


def test_proclitic_forms():
    assert (1, "الحسكة") in proclitic_forms("والحسكة")
    assert (2, "الموصل") in proclitic_forms("بالموصل") or (1, "الموصل") in proclitic_forms("بالموصل")
    assert (1, "الحشد") in proclitic_forms("للحشد")
    assert proclitic_forms("Mosul") == ((0, "Mosul"),)
    assert stem_surface("للحشد", 1) == "الحشد"
    assert stem_surface("والحسكة", 1) == "الحسكة"


def test_skeletons_match_across_scripts():
    assert sk("الكاظمي") == sk("al-Kadhimi") == sk("Kazimi")
    assert similarity(sk("سلمان حميد الكرخي"), sk("Salman Hamid al-Karkhi")) == 1.0
    assert similarity(sk("الحسكة"), sk("Hassaké")) == 1.0
    assert similarity(sk("الحشد الشعبي"), sk("Hachd al-Chaabi")) == 1.0
    assert similarity(sk("Mosul"), sk("Tikrit")) < 0.5
    assert similarity("RB", "RD") == 0.0  # short skeletons must be equal


def test_capitalised_names_trim_titles_and_sentence_starts():
    text = "Retired Colonel Salman Hamid al-Karkhi met Dr. Ahmad Haji in Umm al-Dhiban on Monday. Iraqi troops left."
    toks = words(text)
    runs = capitalised_names(text, toks, [False] * len(toks))
    names = [text[toks[f].start:toks[f + n - 1].end] for f, n in runs]
    assert names == ["Salman Hamid al-Karkhi", "Ahmad Haji", "Umm al-Dhiban"]


def test_lexicon_longest_match_case_and_descriptors():
    lex = Lexicon()
    for eid, lang, text in [("is", "en", "Islamic State"), ("is", "en", "IS"), ("is", "en", "Islamic State group"),
                            ("nin", "fr", "Ninive"), ("nin", "fr", "province de Ninive"), ("hs", "ar", "الحسكة")]:
        lex.canonical[eid] = eid
        lex.add(eid, lang, text)
    lex.find_descriptors()
    toks = words("the Islamic State group is here")
    hit = lex.match_at(toks, 1, ("en",))
    assert (hit.first, hit.count) == (1, 2) and hit.entries[0].entity_id == "is"  # 'group' is a descriptor
    assert lex.match_at(toks, 4, ("en",)) is None  # 'is' is not the acronym IS
    toks = words("la province de Ninive")
    hit = lex.match_at(toks, 1, ("fr",))
    assert (hit.first, hit.count) == (3, 1)  # the descriptor is left out of the mention
    toks = words("وصلوا والحسكة")
    hit = lex.match_at(toks, 1, ("ar",))
    assert hit.prefix == 1 and hit.entries[0].entity_id == "hs"


def test_an_arabic_name_keeping_its_head_pairs_with_the_english_name_without_it(db):
    """جبال حمرين keeps its head (a mountain's name), its English says "the Hamrin mountains": they pair,
    and the English mention takes the place type the Arabic cue gave."""
    import json

    from tests.test_align_pipeline import add_article
    from workbench.align.run import align_articles

    conn = db.conn
    add_article(conn, "ar", ["وتحصن المسلحون في جبال حمرين منذ أشهر."],
                ["The gunmen have been holed up in the Hamrin mountains for months."])
    align_articles(conn)
    rows = conn.execute("""SELECT m.surface, c.surface, l.proposal FROM mentions m JOIN mentions c ON c.id = m.counterpart_id
                           JOIN links l ON l.mention_id = m.id WHERE m.side = 'english'""").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("Hamrin", "جبال حمرين")]
    assert json.loads(rows[0][2])["type"] == "place"


def test_a_name_is_not_linked_to_an_acronym_it_only_sounds_like(db):
    """“Al Amin” sounds like AMN (Al-Masdar News's acronym): no suggestion; the acronym itself still links."""
    from tests.test_align_pipeline import add_article, add_glossary
    from workbench.align.run import align_articles

    conn = db.conn
    add_glossary(conn, [("al-masdar-news", "org", "Al-Masdar News", [("en", "AMN"), ("fr", "Al-Masdar News")])])
    add_article(conn, "fr", ["Selon Al Amin, les combats ont repris hier, a rapporté AMN."], None)
    align_articles(conn)
    rows = dict(conn.execute("SELECT m.surface, l.entity_id FROM mentions m JOIN links l ON l.mention_id = m.id"))
    assert rows == {"Al Amin": None, "AMN": "al-masdar-news"}



def test_a_longer_name_whose_one_matched_word_is_only_alike_is_not_suggested(db):
    """“Albu Kamal” shares only a sound-alike word with “Aleppo” and says a name more: proposed as new
    (with the bundled glossary, whose word weights made it a suggestion)."""
    from tests.test_align_pipeline import add_article
    from workbench.align.run import align_articles
    from workbench.glossary.bundled import bundled_files, load_files

    conn = db.conn
    load_files(conn, bundled_files())
    add_article(conn, "fr", ["Les combats ont repris à Albu Kamal et à Mossoul dimanche."], None)
    align_articles(conn)
    rows = dict(conn.execute("SELECT m.surface, l.status FROM mentions m JOIN links l ON l.mention_id = m.id"))
    assert rows == {"Albu Kamal": "new", "Mossoul": "accepted"}


def test_a_short_word_is_not_suggested_as_part_of_a_longer_name_in_the_other_script(db):
    """“Europe” (consonants r, b) is not عين العرب (Kobani) for sharing العرب's consonants, nor “Badia”
    the Western Desert for البادية: two consonants across scripts say too little."""
    from tests.test_align_pipeline import add_article
    from workbench.align.run import align_articles
    from workbench.glossary.bundled import bundled_files, load_files

    conn = db.conn
    load_files(conn, bundled_files())
    add_article(conn, "fr", ["Des renforts venus d'Europe sont arrivés à Mossoul.",
                             "Les bédouins de la Badia ont quitté Mossoul."], None)
    align_articles(conn)
    rows = dict(conn.execute("SELECT m.surface, l.status FROM mentions m JOIN links l ON l.mention_id = m.id"))
    assert (rows.get("Europe"), rows.get("Badia")) == ("new", "new")
