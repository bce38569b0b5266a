"""Sentence pairs: the one assembler (2:1 groups, untranslated, English articles, offsets), canonical English, readers."""

from __future__ import annotations

import pytest

from tests.tui import corpus
from workbench.corpus.pairs import (
    Mention, PairAssembler, SentencePair, article_pairs, entity_names, pair_of_segment,
)

NAMES = {"isis": ("isis", "Islamic State"), "old": ("kadhimi", "Mustafa al-Kadhimi"),
         "kadhimi": ("kadhimi", "Mustafa al-Kadhimi"), "gone": None}


def seg(article, seq, text, english, merged=0, lang="fr"):
    return (article, seq, 100 * article + seq, text, english, merged, lang, f"title {article}", None, "2022-01-01")


def men(article, seq, side, start, end, entity=None, status=None, score=None, mid=None):
    return (article, seq, side, start, end, entity, status, score, None, mid)


def assemble(segments, mentions=(), names=NAMES, **kw):
    assembler = PairAssembler(names, **kw)
    return list(assembler.pairs(iter(segments), iter(mentions))), assembler


def test_merged_segments_form_one_pair_and_mentions_move_into_the_joined_text():
    pairs, assembler = assemble(
        [seg(1, 0, "Daech attaque.", "Daesh attacks, Kazimi says."), seg(1, 1, "Kazimi parle.", "", merged=1),
         seg(1, 2, "Fin.", "End.")],
        [men(1, 0, "source", 0, 5, "isis", "accepted", 0.9, 1), men(1, 0, "english", 15, 21, "old", "confirmed"),
         men(1, 1, "source", 0, 6, "old", "confirmed", 1.0, 2)])
    assert [p.key for p in pairs] == ["1:1-2", "1:3"]
    first = pairs[0]
    assert first.source == "Daech attaque. Kazimi parle." and first.sources == ["Daech attaque.", "Kazimi parle."]
    assert first.segment_ids == [100, 101] and first.seqs == (0, 1)
    assert first.english == "Daesh attacks, Kazimi says."
    kazimi = first.source_mentions[1]
    assert (kazimi.start, kazimi.end) == (15, 21) and first.source[15:21] == kazimi.surface == "Kazimi"
    assert kazimi.entity_id == "kadhimi" and kazimi.canonical == "Mustafa al-Kadhimi"  # merge followed
    assert first.english_mentions[0].surface == "Kazimi"
    assert [m.side for m in first.mentions] == ["source", "source", "english"]
    assert assembler.dropped == 0 and pairs[1].mentions == []


def test_untranslated_and_unaligned_segments_and_article_boundaries():
    pairs, _ = assemble([seg(1, 0, "Un.", None), seg(1, 1, "Deux.", ""), seg(2, 0, "Trois.", "", merged=1)])
    assert [(p.key, p.english) for p in pairs] == [("1:1", None), ("1:2", ""), ("2:1", "")]  # never across articles
    assert not any(p.has_english_side for p in pairs)


def test_english_articles_are_never_grouped_and_have_no_english_side():
    pairs, _ = assemble([seg(3, 0, "One.", "One.", lang="en"), seg(3, 1, "Two.", "Two.", merged=1, lang="en")])
    assert [p.key for p in pairs] == ["3:1", "3:2"]
    assert pairs[0].english == "One." and not pairs[0].has_english_side


def test_english_of_merged_segments_is_joined_when_given():
    pairs, assembler = assemble(
        [seg(1, 0, "A b.", "A"), seg(1, 1, "C d.", "C d", merged=1), seg(1, 2, "E.", "", merged=1)],
        [men(1, 1, "english", 0, 1, "isis", "accepted"), men(1, 2, "english", 0, 1, "isis", "accepted")])
    assert pairs[0].english == "A C d" and pairs[0].key == "1:1-3"
    assert [(m.start, m.surface) for m in pairs[0].english_mentions] == [(2, "C")]
    assert assembler.dropped == 1  # the last segment has no English of its own to point into


def test_bad_offsets_and_deleted_entities():
    rows = [seg(1, 0, "Daech.", "Daesh.")]
    mentions = [men(1, 0, "source", 0, 99, "isis", "accepted"), men(1, 0, "source", 2, 2),
                men(1, 0, "source", 0, 5, "gone", "confirmed"), men(1, 0, "english", 0, 5, "isis", "accepted")]
    pairs, assembler = assemble(rows, mentions)
    assert assembler.dropped == 2
    gone = pairs[0].source_mentions[0]
    assert (gone.entity_id, gone.canonical, gone.status) == (None, None, "confirmed")
    pairs, _ = assemble(rows, mentions, linked_only=True)
    assert pairs[0].source_mentions == [] and len(pairs[0].english_mentions) == 1


def _m(start, end, canonical=None, status=None, mid=None, english="ISIS of Abu Bakr al-Baghdadi in Iraq"):
    return Mention("english", start, end, english[start:end], canonical and "x", canonical, status, None, None, mid)


def test_canonical_english_with_overlapping_spans():
    english = "ISIS of Abu Bakr al-Baghdadi in Iraq"
    mentions = [
        _m(0, 4, "Islamic State", "accepted", 1),
        _m(0, 2, None, None, 2),  # starts inside a replaced span: left out
        _m(8, 16, "Abu Bakr al-Baghdadi", "confirmed", 3),  # "Abu Bakr"
        _m(12, 28, "Bakr", "confirmed", 4),  # overlaps the span before: not replaced, left out
        _m(17, 28, None, "suggested", 5),  # "al-Baghdadi": the canonical name says it already, left out
        _m(32, 36, "Iraq", "suggested", 6),  # suggested only: kept raw, shifted
    ]
    pair = SentencePair(1, "ar", (0, 0), [1], ["x"], "x", english, english_mentions=mentions)
    text, moved = pair.canonical_english()
    assert text == "Islamic State of Abu Bakr al-Baghdadi in Iraq"
    assert [m.id for m in moved] == [1, 3, 6]
    for m in moved:
        assert text[m.start:m.end] == m.surface
    assert [m.id for m in moved if m.linked] == [1, 3]  # the replaced ones
    assert pair.english == english  # raw English untouched
    assert SentencePair(1, "ar", (0, 0), [1], ["x"], "x", None).canonical_english() == ("", [])


def test_canonical_english_when_every_mention_is_replaced():
    english = "ISIS in Iraq"
    mentions = [Mention("english", 0, 4, "ISIS", "isis", "Islamic State", "confirmed", 1.0, "why", 7),
                Mention("english", 8, 12, "Iraq", "iraq", "Republic of Iraq", "accepted", 0.9)]
    text, moved = SentencePair(1, "ar", (0, 0), [1], ["x"], "x", english, english_mentions=mentions).canonical_english()
    assert text == "Islamic State in Republic of Iraq"
    assert [(m.start, m.end, m.surface, m.why, m.id) for m in moved] == [
        (0, 13, "Islamic State", "why", 7), (17, 33, "Republic of Iraq", None, None)]


@pytest.fixture(scope="module")
def tui_db(tmp_path_factory):
    """The TUI test corpus, built through the services (import, curated glossary, align, decisions)."""
    from workbench.store.db import open_db

    path = tmp_path_factory.mktemp("pairs") / "corpus.db"
    corpus.build(path)
    return open_db(path).conn


def test_article_pairs_reads_groups_mentions_and_english_articles(tui_db):
    pairs = article_pairs(tui_db, 1)
    merged = [p for p in pairs if p.seqs[0] != p.seqs[1]]
    assert len(merged) == 1  # the Arabic article: two sentences given one English sentence
    pair = merged[0]
    assert len(pair.segment_ids) == len(pair.sources) == 2 and pair.source == " ".join(pair.sources)
    assert "الكاظمي" in [m.surface for m in pair.source_mentions]
    for m in pair.source_mentions:
        assert pair.source[m.start:m.end] == m.surface  # offsets shifted into the joined text
    for m in pair.english_mentions:
        assert pair.english[m.start:m.end] == m.surface
    untranslated = article_pairs(tui_db, 3)
    assert untranslated and all(p.english is None for p in untranslated)
    english = article_pairs(tui_db, 4)
    assert english[0].english == english[0].source and not english[0].has_english_side
    assert article_pairs(tui_db, 99) is None
    assert all(p.mentions == [] for p in article_pairs(tui_db, 1, mentions=False))


def test_pair_of_segment_finds_the_pair_a_merged_segment_belongs_to(tui_db):
    pairs = article_pairs(tui_db, 1)
    merged = next(p for p in pairs if p.seqs[0] != p.seqs[1])
    for segment_id in merged.segment_ids:
        found = pair_of_segment(tui_db, segment_id)
        assert found.key == merged.key and found.english == merged.english
        assert [m.id for m in found.mentions] == [m.id for m in merged.mentions]
    single = next(p for p in pairs if p.seqs[0] == p.seqs[1])
    assert pair_of_segment(tui_db, single.segment_ids[0]).key == single.key
    assert pair_of_segment(tui_db, 999_999) is None


def test_batch_readers_group_as_article_pairs_does(tui_db):
    from workbench.corpus.pairs import pair_segments, pairs_of_segments

    ids = [r[0] for r in tui_db.execute("SELECT id FROM articles ORDER BY id")]
    skeleton = pair_segments(tui_db, [*ids, 99])
    assert 99 not in skeleton
    for aid in ids:
        pairs = article_pairs(tui_db, aid, mentions=False)
        lang, groups = skeleton[aid]
        assert lang == pairs[0].lang and groups == [p.segment_ids for p in pairs]
    some = [groups[-1] for _, groups in skeleton.values()] + [skeleton[1][1][0]]
    read = pairs_of_segments(tui_db, [sid for g in some for sid in g])
    by_first = {p.segment_ids[0]: p for aid in ids for p in article_pairs(tui_db, aid, mentions=False)}
    assert sorted(p.segment_ids[0] for p in read) == sorted(g[0] for g in some)
    for p in read:  # merged pairs joined, English articles without an English side, as article_pairs gives them
        whole = by_first[p.segment_ids[0]]
        assert (p.segment_ids, p.source, p.english, p.has_english_side) == \
            (whole.segment_ids, whole.source, whole.english, whole.has_english_side)


def test_reread_gives_text_only_to_the_pairs_analysed_again(tui_db):
    from workbench.align import reread
    from workbench.align.run import build_context, sentence_groups

    lang, groups = sentence_groups(tui_db, 1)
    last = groups[-1][0][0][0]
    reads, _ = reread.read_reached(tui_db, {1: {last}}, build_context(tui_db).lexicon)
    read_lang, placed = reads[1]
    assert read_lang == lang and [[sid for sid, _ in g[0]] for g in placed] == [[sid for sid, _ in g[0]] for g in groups]
    assert placed[-1] == groups[-1]  # the reached pair, with its text and English
    for read, whole in zip(placed[:-1], groups[:-1]):
        assert read == whole or all(text == "" for _, text in read[0]) and read[1] is None


def test_entity_names_follow_merges_and_hide_deleted(tui_db):
    tui_db.execute("UPDATE entities SET merged_into = 'islamic-state', deleted_at = 'x' WHERE id = 'diyala'")
    tui_db.execute("UPDATE entities SET deleted_at = 'x' WHERE id = 'hasakah'")
    names = entity_names(tui_db, ["diyala", "hasakah"])
    assert names["diyala"] == ("islamic-state", "Islamic State") and names["hasakah"] is None
    assert entity_names(tui_db)["diyala"] == names["diyala"]


def test_canonical_name_does_not_repeat_the_words_around_its_span():
    english = "The Ghwayran prison held them; Mobilization Forces of the Popular Mobilization Forces left."
    mentions = [Mention("english", 4, 12, "Ghwayran", "p", "Ghwayran prison", "accepted", 0.9),
                Mention("english", 31, 50, "Mobilization Forces", "f", "Popular Mobilization Forces", "confirmed", 1.0),
                Mention("english", 66, 85, "Mobilization Forces", "f", "Popular Mobilization Forces", "confirmed", 1.0)]
    text, moved = SentencePair(1, "ar", (0, 0), [1], ["x"], "x", english, english_mentions=mentions).canonical_english()
    assert text == ("The Ghwayran prison held them; Popular Mobilization Forces of the "
                    "Popular Mobilization Forces left.")
    assert [text[m.start:m.end] for m in moved] == [m.canonical for m in mentions]
