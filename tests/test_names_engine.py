"""One names engine: every caller finds a glossary spelling the same way, and the index follows edits."""

from __future__ import annotations

import pytest

from workbench.align.detect_source import detect
from workbench.align.spans import Segment
from workbench.glossary.bundled import bundled_files, load_files
from workbench.glossary.formats.toml import read_files
from workbench.names.index import glossary_index
from workbench.store.db import open_db
from workbench.text.fold import fold
from workbench.text.tokens import word_key, words


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("engine") / "w.db")
    load_files(db.conn, bundled_files())
    return db.conn


def test_every_bundled_spelling_matches_its_own_entity_first(bundled):
    index = glossary_index(bundled)
    entities = read_files(bundled_files())
    assert len(entities) > 100
    misses = []
    for entity in entities:
        for variant in entity.variants:
            found = index.matcher.match(variant.text, variant.lang, top=1)
            if not found or found[0].entity_id != entity.id:
                misses.append((entity.id, variant.lang, variant.text, found[:1]))
    assert misses == []


@pytest.mark.parametrize("text", ["Hay'at Tahrir al-Sham", "Hay’at Tahrir al-Sham", "هيئة تحرير الشام"])
def test_one_spelling_matches_through_every_path(bundled, text):
    index = glossary_index(bundled)
    assert index.matcher.match(text, "en", top=1)[0].entity_id == "hayat-tahrir-al-sham"  # match, linker
    assert index.search(text, 1)[0].entity_id == "hayat-tahrir-al-sham"  # picker, glossary search
    arabic = text.startswith("هيئة")
    sentence = f"وشوهد مقاتلون من {text} أمس." if arabic else f"Des combattants de {text} ont été vus."
    tokens = words(sentence)
    found = detect(Segment(1, sentence, 0, tokens, [False] * len(tokens)), "ar" if arabic else "fr",
                   index.lookup, len(sentence))
    assert [(f.surface, f.entity_ids) for f in found] == [(text, ["hayat-tahrir-al-sham"])]  # aligner


def test_one_folding_per_script():
    assert word_key("Hassaké") == fold("Hassaké") == "hassake"
    assert word_key("الحَسَكَة") == fold("الحسكة") == "الحسكه"
    assert fold("Œcalan") == "oecalan"


def test_index_is_shared_and_rebuilt_after_a_glossary_change(tmp_path):
    from workbench.glossary.store import add_entity

    db = open_db(tmp_path / "w.db")
    first = glossary_index(db.conn)
    assert glossary_index(db.conn) is first and first.empty
    add_entity(db.conn, "tell-tamr", "place", "Tell Tamr")
    second = glossary_index(db.conn)
    assert second is not first
    assert second.search("Tell Ta", 1)[0].entity_id == "tell-tamr"
    # another connection to the same file sees the change too
    other = open_db(tmp_path / "w.db")
    assert glossary_index(other.conn).signature == second.signature
    add_entity(other.conn, "qamishli", "place", "Qamishli")
    assert glossary_index(db.conn).search("Qamish", 1)[0].entity_id == "qamishli"


@pytest.mark.parametrize("query, lang", [("المرصد السوري لحقوق الإنسان", "ar"),
                                         ("Observatoire syrien des droits de l'homme", "fr"),
                                         ("Syrian Observatory for Human Rights", "en")])
def test_a_translated_organisation_name_meets_its_other_languages(query, lang):
    from workbench.names.matcher import Matcher

    # the glossary holds only the French name: the words are translated, not spelled, in the others
    matcher = Matcher([("observatory", "org", "Syrian Observatory for Human Rights",
                        [("fr", "Observatoire syrien des droits de l'homme")])], include_canonical=False)
    assert matcher.match(query, lang, top=1)[0].entity_id == "observatory"


@pytest.mark.parametrize("sentence, lang, expected", [
    ("Le chef chiite Moqatada al-Sadr a parlé.", "fr", ("Moqatada al-Sadr", "muqtada-al-sadr")),
    ("وانتشرت قوات سورية الديمقراطية في المدينة.", "ar", ("قوات سورية الديمقراطية", "syrian-democratic-forces")),
])
def test_a_glossary_spelling_grows_into_the_longer_name_it_is_part_of(bundled, sentence, lang, expected):
    from workbench.align import linker

    index = glossary_index(bundled)
    tokens = words(sentence)
    found = detect(Segment(1, sentence, 0, tokens, [False] * len(tokens)), lang, index.lookup, len(sentence),
                   index=index)
    grown = [f for f in found if f.detector == "grown"]
    assert [f.stem for f in grown] == [expected[0]]
    for f in grown:
        f.norm = f.stem
        linker.link(f, index, set())
    assert grown[0].entity_id == expected[1] and grown[0].status == "accepted"


def test_a_descriptor_does_not_grow_a_name(bundled):
    index = glossary_index(bundled)
    sentence = "هاجم تنظيم داعش موقعا."
    tokens = words(sentence)
    found = detect(Segment(1, sentence, 0, tokens, [False] * len(tokens)), "ar", index.lookup, len(sentence),
                   index=index)
    assert [(f.stem, f.detector) for f in found if f.entity_ids] == [("داعش", "glossary")]


def test_a_learned_spelling_grows_the_index_as_a_fresh_read_would(tmp_path):
    """A decision that learns a spelling adds it to the index (no full rebuild): the grown index is the
    one a fresh read of the glossary makes; rolled back, the index before it serves again."""
    from workbench.glossary.journal import Journal as Log
    from workbench.glossary.store import add_entity, learn_variant
    from workbench.names.index import GlossaryIndex
    from workbench.store.db import transaction

    db = open_db(tmp_path / "w.db")
    conn = db.conn
    load_files(conn, bundled_files())
    add_entity(conn, "tell-tamr", "place", "Tell Tamr")
    before = glossary_index(conn)
    with transaction(conn):
        learn_variant(conn, "tell-tamr", "fr", "Tal Tamer", journal=Log(conn, "tester"), action="confirm")
        learn_variant(conn, "tell-tamr", "ar", "تل تمر", journal=Log(conn, "tester"), action="confirm")
    grown = glossary_index(conn)
    fresh = GlossaryIndex.from_db(conn)
    assert grown is not before and grown.lookup is not before.lookup
    assert grown.lookup.canonical is before.lookup.canonical  # grown, not read again
    assert grown.signature == fresh.signature and grown.rows == fresh.rows
    assert (grown.lookup.index, grown.lookup.longest, grown.lookup.trims) == (
        fresh.lookup.index, fresh.lookup.longest, fresh.lookup.trims)
    assert ("tal", "tamer") not in before.lookup.index  # the older index is left as it was
    assert grown.search("Tal Tam", 1)[0].entity_id == "tell-tamr"

    class Discard(Exception):
        pass

    with pytest.raises(Discard), transaction(conn):  # a preview: the spelling learned, then rolled back
        learn_variant(conn, "tell-tamr", "en", "Tal Tamr", journal=Log(conn, "tester"), action="confirm")
        assert glossary_index(conn) is not grown
        raise Discard
    assert glossary_index(conn) is grown


def test_a_new_entity_grows_the_index_as_a_fresh_read_would_unless_anything_else_changed(tmp_path):
    """A new entity (a decision's ``new``) and its spellings are added to the index without a full read,
    as a fresh read would make it; an edit to a known entity, or a new spelling sharing a known one's
    words (a fresh read orders them), is read again."""
    from workbench.glossary.journal import Journal as Log
    from workbench.glossary.store import add_entity, learn_variant, update_entity
    from workbench.names.index import GlossaryIndex
    from workbench.store.db import transaction

    db = open_db(tmp_path / "w.db")
    conn = db.conn
    load_files(conn, bundled_files())
    before = glossary_index(conn)
    with transaction(conn):
        add_entity(conn, "sarhan-al-jubouri", "person", "Sarhan al-Jubouri")
        learn_variant(conn, "sarhan-al-jubouri", "ar", "سرحان الجبوري", journal=Log(conn, "tester"), action="new")
    grown = glossary_index(conn)
    fresh = GlossaryIndex.from_db(conn)
    some = next(iter(before.lookup.index))
    assert grown.lookup.index[some] is before.lookup.index[some]  # grown from it, not read again
    assert grown.signature == fresh.signature and grown.rows == fresh.rows
    assert (grown.lookup.index, grown.lookup.longest, grown.lookup.trims, grown.lookup.canonical, grown.lookup.types) \
        == (fresh.lookup.index, fresh.lookup.longest, fresh.lookup.trims, fresh.lookup.canonical, fresh.lookup.types)
    assert "sarhan-al-jubouri" not in before.lookup.types  # the older index is left as it was
    assert grown.search("Sarhan al-Jubouri", 1)[0].entity_id == "sarhan-al-jubouri"

    for change in (lambda: add_entity(conn, "mosul-2", "place", "Mosul"),  # a known spelling's words
                   lambda: (add_entity(conn, "tell-tamr", "place", "Tell Tamr"),
                            update_entity(conn, "sarhan-al-jubouri", type="org"))):  # and an edit
        known = glossary_index(conn)
        change()
        again = glossary_index(conn)
        assert again is not known and again.lookup.index[some] is not known.lookup.index[some]  # read again
        assert again.rows == GlossaryIndex.from_db(conn).rows
        assert known.grown(conn, again.state) is None


def test_a_rolled_back_spelling_never_serves_again_for_the_one_written_after_it(tmp_path):
    """A preview learns a spelling and is rolled back; the decision made next learns another spelling,
    which takes the same row id. The index must be the glossary as written (the later spelling, not the
    rolled-back one), whether it is read again or grown from the index before."""
    from workbench.glossary.journal import Journal as Log
    from workbench.glossary.store import add_entity, learn_variant
    from workbench.names.index import GlossaryIndex
    from workbench.store.db import transaction

    class Discard(Exception):
        pass

    db = open_db(tmp_path / "w.db")
    conn = db.conn
    load_files(conn, bundled_files())
    add_entity(conn, "hadi-al-amiri-test", "person", "Hadi Amiri Test")
    glossary_index(conn)
    for later in (["Hadi al Amin"], ["Hadi al Amin", "Hadi Ameen"]):  # read again; grown from the preview's
        with pytest.raises(Discard), transaction(conn):
            learn_variant(conn, "hadi-al-amiri-test", "fr", "Al Amin", journal=Log(conn, "tester"), action="correct")
            assert glossary_index(conn).spellings("hadi-al-amiri-test", "fr") == ["Al Amin"]
            raise Discard
        with transaction(conn):
            for text in later:
                learn_variant(conn, "hadi-al-amiri-test", "fr", text, journal=Log(conn, "tester"), action="correct")
        index = glossary_index(conn)
        fresh = GlossaryIndex.from_db(conn)
        assert index.spellings("hadi-al-amiri-test", "fr") == later == fresh.spellings("hadi-al-amiri-test", "fr")
        assert index.rows == fresh.rows and index.lookup.index == fresh.lookup.index
        assert index.signature == fresh.signature
        with transaction(conn):  # the next round starts from a glossary without them
            conn.execute("DELETE FROM variants WHERE entity_id = 'hadi-al-amiri-test'")
