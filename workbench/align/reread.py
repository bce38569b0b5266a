"""What a change reached, read back for analysis: the sentence pairs to analyse again, and the names of
the pairs before them that teach the article's memory (``run.refresh`` reads many articles at once)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache

from workbench.align import detect_source, longer_names, regional_bodies
from workbench.store.chunks import rows_in
from workbench.text.tokens import _WORD, bare_word, key_of, word_key

BATCH = 200  # articles read at once


def batches(ids: Iterable[int]) -> Iterator[list[int]]:
    listed = list(ids)
    for i in range(0, len(listed), BATCH):
        yield listed[i:i + BATCH]


def group(pair) -> tuple[list, tuple | None]:
    """A ``corpus.pairs.SentencePair`` as the aligner takes it: ``([(segment_id, text)], (segment_id,
    english) | None)`` (no English side for an English article: its text is the source)."""
    return list(zip(pair.segment_ids, pair.sources)), (pair.segment_ids[0], pair.english) if pair.has_english_side else None


def reached_pairs(segments: list[list[int]], only: set[int]) -> tuple[list[int], list[int]]:
    """Of pairs given by their segment ids: the positions of those holding one of ``only``'s segments, and
    the segments of the pairs before the last of them."""
    wanted = [k for k, ids in enumerate(segments) if any(sid in only for sid in ids)]
    return wanted, [sid for k in range(wanted[-1]) for sid in segments[k]] if wanted else []


def teaching_pairs(segments: list[list[int]], wanted: list[int], teaching: dict[int, set[str]],
                   reached: set[str]) -> set[int]:
    """The positions of the pairs before the ``wanted`` ones whose names teach them something: a word of
    those names (``teaching``) is among the words the wanted pairs hold (``reached``)."""
    return {k for k in range(wanted[-1]) if any(teaching.get(sid, set()) & reached for sid in segments[k])}


def words_of(groups: list, positions: list[int]) -> set[str]:
    """The words (``memory_key``) of the source side of the pairs at these positions."""
    return {memory_key(w) for k in positions for _, text in groups[k][0] for w in _WORD.findall(text)}


@lru_cache(maxsize=65536)
def memory_key(word: str) -> str:
    """A word as the memory's lookups may meet it: folded, an Arabic word bare (للدير, الدير -> دير)."""
    return word_key(bare_word(word))


def read_reached(conn: sqlite3.Connection, reached: dict[int, set[int]], lexicon
                 ) -> tuple[dict[int, tuple[str, list]], dict[int, set[str]]]:
    """For article id -> the segments a change reached: (article id -> (language, its pairs up to the last
    reached one), and ``teaching_words`` of the pairs before them). Only the pairs that will be analysed
    (the reached ones and those that teach them) are read with their text; the others stand in with
    their segment ids and empty text, and are never analysed (``run.analyse_stored`` picks the same)."""
    from workbench.corpus.pairs import pair_segments

    skeleton = pair_segments(conn, reached)
    plans: dict[int, tuple[str, list[list[int]], list[int]]] = {}
    for aid, (lang, segments) in skeleton.items():
        wanted, _ = reached_pairs(segments, reached[aid])
        if wanted:
            plans[aid] = (lang, segments[:wanted[-1] + 1], wanted)
    texts = _texts(conn, [sid for _, segments, wanted in plans.values() for k in wanted for sid in segments[k]])
    words = {aid: words_of(_placed(segments, texts), wanted) for aid, (_, segments, wanted) in plans.items()}
    earlier = [sid for _, segments, wanted in plans.values() for k in range(wanted[-1]) for sid in segments[k]]
    teaching = teaching_words(conn, earlier, lexicon, set().union(*words.values()))
    texts |= _texts(conn, [sid for aid, (_, segments, wanted) in plans.items()
                           for k in teaching_pairs(segments, wanted, teaching, words[aid]) for sid in segments[k]])
    return {aid: (lang, _placed(segments, texts)) for aid, (lang, segments, _) in plans.items()}, teaching


def _texts(conn: sqlite3.Connection, segment_ids: list[int]) -> dict[int, tuple]:
    """First segment id -> the aligner's group of the pair, for the pairs made of these segments."""
    from workbench.corpus.pairs import pairs_of_segments

    return {p.segment_ids[0]: group(p) for p in pairs_of_segments(conn, segment_ids)} if segment_ids else {}


def _placed(segments: list[list[int]], texts: dict[int, tuple]) -> list:
    """The pairs in order: those read with their text, the others as their segment ids with no text."""
    return [texts.get(ids[0]) or ([(sid, "") for sid in ids], None) for ids in segments]


def teaching_words(conn: sqlite3.Connection, segment_ids: list[int], lexicon,
                   among: set[str] | None = None) -> dict[int, set[str]]:
    """Source segment -> the words (``memory_key``) of its stored names that the memory may learn
    from (a superset of ``detect_source.learn``, ``learn_openings`` and ``longer_names.learn``): any name
    found otherwise than by its glossary spelling; an Arabic glossary place of two words not opening with
    the article (دير الزور: its short form الدير); an Arabic person's name of two words or more (مقتدى الصدر:
    الصدر); a French glossary name that a head and its adjective open (Forces démocratiques syriennes),
    or a singular head alone (Cadre de coordination: le Cadre);
    an organisation's glossary name holding another organisation's spelling (كتائب حزب الله), or an
    organisation's spelling linked to another (كتائب ميليشيا “حزب الله”: the part the article calls it). The memory
    is only ever asked about these words. ``among``: only the names with a word among these (those of
    the pairs analysed again: a name with none teaches them nothing)."""
    out: dict[int, set[str]] = {}
    rows = rows_in(conn, """SELECT m.segment_id, m.detector IS NULL, m.lang, m.surface, substr(m.surface, m.prefix + 1),
                      CASE WHEN e.type = 'org' THEN l.entity_id END
               FROM mentions m LEFT JOIN links l ON l.mention_id = m.id LEFT JOIN entities e ON e.id = l.entity_id
               WHERE m.segment_id IN ({}) AND m.side = 'source' AND (m.detector IS NOT NULL
                     OR m.lang = 'ar' AND length(m.surface) - length(replace(m.surface, ' ', '')) = 1
                        AND substr(m.surface, m.prefix + 1, 2) <> 'ال' AND e.type = 'place'
                     OR m.lang = 'ar' AND instr(m.surface, ' ') > 0 AND e.type IN ('person', 'org')
                     OR m.lang = 'fr')""", segment_ids)  # a mention has one link at most
    for sid, glossed, lang, surface, stem, org in rows:
        found = _WORD.findall(surface)
        keys = {memory_key(w) for w in found}
        if among is not None and not keys & among:
            continue
        holds = bool(glossed and org and (longer_names.holds_other(lexicon, _WORD.findall(stem), org)
                                          or _linked_elsewhere(lexicon, stem, org)))
        if glossed and not holds and (lang == "fr" and not detect_source.opens_long_name(found)
                                      and not detect_source.opens_with_head(found) or lang == "ar" and org):
            continue
        out.setdefault(sid, set()).update(keys)
    return out


def _linked_elsewhere(lexicon, stem: str, entity_id: str) -> bool:
    """A glossary spelling linked to an entity it is not a spelling of (a part of a longer name)."""
    return entity_id not in {e.entity_id for e in lexicon.index.get(key_of(stem), ())}


def named_ahead(conn: sqlite3.Connection, article_ids: list[int], lexicon) -> dict[int, "detect_source.Ahead"]:
    """Article id -> ``detect_source.Ahead`` from its stored mentions: in Arabic the glossary people it
    names in full and its longer organisation names, in the article's order (what ``people_ahead`` and
    ``orgs_ahead`` find in a whole run), and the state bodies it places in the Kurdistan Region (the
    mentions stored with that cue: ``regional_bodies``); in French the last words of its capitalised
    names of several words and of its glossary people named in full (``last_words_ahead``)."""
    from workbench.align.spans import Found

    out: dict[int, detect_source.Ahead] = {}
    rows = rows_in(conn, """SELECT s.article_id, m.surface, m.prefix, m.segment_id FROM mentions m
                            JOIN segments s ON s.id = m.segment_id
                            WHERE s.article_id IN ({}) AND m.side = 'source' AND m.lang = 'ar'
                                  AND m.detector IS NULL AND instr(m.surface, ' ') > 0
                            ORDER BY s.article_id, s.seq, m.start""", sorted(set(article_ids)))
    named: dict[str, detect_source.Ahead] = {}  # a stem -> what it adds (names repeat: asked once)
    for aid, surface, prefix, sid in rows:
        stem = surface[prefix:]
        if stem not in named:
            found = Found("source", sid, 0, len(stem), stem, stem, "ar", "glossary", tuple(_WORD.findall(stem)))
            found.entries = [e for e in lexicon.index.get(key_of(stem), ()) if e.lang == "ar"]
            named[stem] = detect_source.Ahead(detect_source.people_ahead([found], lexicon),
                                              detect_source.orgs_ahead([found], lexicon))
        adds = named[stem]
        if adds.people or adds.parts:
            known = out.setdefault(aid, detect_source.Ahead())
            for key, person in adds.people.items():
                known.people.setdefault(key, person)
            for key, owner in adds.parts.items():
                known.parts.setdefault(key, owner)
    for aid, surface, prefix in rows_in(
            conn, """SELECT s.article_id, m.surface, m.prefix FROM mentions m JOIN segments s ON s.id = m.segment_id
                     JOIN links l ON l.mention_id = m.id
                     WHERE json_extract(l.proposal, '$.cue') LIKE ? AND s.article_id IN ({})
                           AND m.side = 'source' AND m.lang = 'ar'""",
            sorted(set(article_ids)), before=(f"{regional_bodies.CUE}%",)):
        known = out.setdefault(aid, detect_source.Ahead())
        known.regional = (known.regional or frozenset()) | {key_of(surface[prefix:])}
    for aid, surface, sid, detector in rows_in(
            conn, """SELECT s.article_id, m.surface, m.segment_id, m.detector FROM mentions m
                     JOIN segments s ON s.id = m.segment_id
                     WHERE s.article_id IN ({}) AND m.side = 'source' AND m.lang = 'fr'
                           AND (m.detector IS NULL OR m.detector = 'caps') AND instr(m.surface, ' ') > 0""",
            sorted(set(article_ids))):
        found = Found("source", sid, 0, len(surface), surface, surface, "fr", detector or "glossary",
                      tuple(_WORD.findall(surface)))
        if detector is None:
            found.entries = [e for e in lexicon.index.get(key_of(surface), ()) if e.lang == "fr"]
        if last := detect_source.last_words_ahead([found], lexicon):
            known = out.setdefault(aid, detect_source.Ahead())
            known.last_words = known.last_words | last
    return out
