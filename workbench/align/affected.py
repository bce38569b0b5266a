"""Where glossary changes can alter an alignment: the segments to analyse again, by article.

A sentence pair needs analysing again when its text holds a changed spelling (the exact lookup may
find, grow or link a name differently there), when it has a mention of a rejected-or-unrejected
spelling, or when one of its mentions found without a glossary spelling shares a names-matcher key
with a changed spelling (its fuzzy candidates may differ). A new or removed entity (or a changed type)
also moves every fuzzy score a little (the matcher weighs words by how many entities have them): then
every mention scored by the matcher is reached. Text is searched through the full-text
index: Latin words by token, Arabic ones bare (the index holds each Arabic word with its proclitics
and bare). The result is a superset: re-analysing a pair that did not change rewrites the same rows.

When the caller still holds the glossary index the articles were aligned against, the mentions reached
through the matcher alone are narrowed to those whose matcher answer reads differently in the two
indexes (``answers_differ``), plus those with a candidate whose entity changed: a new entity then
costs the few names it can take, not every name the matcher ever scored.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable

from workbench.align.detect_source import GROWN_MIN, GROWN_SAME, SURNAME_MIN
from workbench.align.generations import Changes
from workbench.align.linker import MATCHER_WHY, OWN_NAME, UNSURE_FUZZY, UNSURE_FUZZY_CUE, short_form
from workbench.names.acronyms import expansions, query_keys
from workbench.names.forms import analyse
from workbench.names.matcher import _deletions
from workbench.names.normalize import normalize
from workbench.store import implied
from workbench.store.chunks import rows_in
from workbench.store.search import query_words
from workbench.text.fold import has_arabic
from workbench.text.tokens import _WORD, stem_surface, word_key

CHUNK = 400  # spellings per full-text query (one MATCH expression each)
WORTH_ASKING = 200  # sentence pairs reached through the matcher below which it is cheaper to analyse them all

Differs = Callable[[str, str], bool]  # (name without proclitics, language) -> does the matcher answer differently?


def segments(conn: sqlite3.Connection, changes: Changes, article_ids: Iterable[int],
             differs: Differs | None = None) -> dict[int, set[int]]:
    """Article id -> ids of its segments that may align differently after ``changes``
    (``differs``: the matcher's old and new answers compared, see ``answers_differ``)."""
    wanted = set(article_ids)
    if not changes or not wanted:
        return {}
    found = _by_text(conn, changes.spellings)
    found |= _later_parts(conn, changes.spellings, found)
    found |= _family_names(conn, changes.people)
    found |= _by_norm(conn, changes.norms)
    found |= _through_matcher(conn, changes, differs, found)
    out: dict[int, set[int]] = defaultdict(set)
    for sid, aid in rows_in(conn, "SELECT id, article_id FROM segments WHERE id IN ({})", sorted(found)):
        if aid in wanted:
            out[aid].add(sid)
    return dict(out)


def _by_text(conn: sqlite3.Connection, spellings: set[tuple[str, str]]) -> set[int]:
    """Segments whose source or English may hold one of the spellings: its words side by side.

    Arabic words are looked for bare, as the index holds them (``store.search.index_form``): a
    spelling's word is found with any proclitics and with or without the article. All the words, not
    one: a new person's given name alone (Ahmed) is in thousands of sentences; and near each other
    (``_near``), not anywhere in the sentence: a phrase of common words is in thousands too.
    """
    return _matching(conn, {clause for _, text in spellings if (clause := _near(_word_forms(text)))})


def _later_parts(conn: sqlite3.Connection, spellings: set[tuple[str, str]], holding: set[int]) -> set[int]:
    """Segments with the first or last word of a spelling of several words, in the articles of the
    segments ``holding`` one: an article remembers the names met in its earlier pairs and finds their
    short forms later (خليل الوحش ... اعتقال الوحش; le Cadre de coordination ... le Cadre), so a name
    becoming a glossary spelling reaches them too."""
    words = {w for _, text in spellings if len(groups := _word_groups(text)) > 1 for w in (groups[0], groups[-1])}
    if not words or not holding:
        return set()
    articles = {r[0] for r in rows_in(conn, "SELECT DISTINCT article_id FROM segments WHERE id IN ({})", sorted(holding))}
    found = _matching(conn, words)
    return {r[0] for r in rows_in(conn, "SELECT id FROM segments WHERE article_id IN ({})", sorted(articles))} & found


def _family_names(conn: sqlite3.Connection, people: set[tuple[str, str]]) -> set[int]:
    """Segments with the last word of a person's Arabic spelling of several words: a glossary person's
    family name is a mention alone in any article (البغدادي), after "the regime of" any last word (نظام الأسد)."""
    return _matching(conn, {groups[-1] for lang, text in people
                            if lang == "ar" and len(groups := _word_groups(text)) > 1})


def _word_forms(text: str) -> list[list[str]]:
    """The forms of each word of ``text`` as the index holds them, any of which it may be found by."""
    out = []
    for word in _WORD.findall(text):
        forms = sorted(query_words(word)) if has_arabic(word) else \
            sorted(w for w in {word_key(word), word.casefold()} if w.isalnum())
        if forms:
            out.append(forms)
    return out


def _word_groups(text: str) -> list[str]:
    """One full-text clause a word of ``text``: its forms as the index holds them, any of them."""
    return [_any(forms) for forms in _word_forms(text)]


def _any(forms: list[str]) -> str:
    return "(" + " OR ".join(_quoted(w) for w in forms) + ")"


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


NEAR_WAYS = 16  # spellings with more combinations of word forms than this are looked for word by word


def _near(words: list[list[str]]) -> str | None:
    """A full-text clause for the words of a spelling within a few tokens of each other (the index
    may hold a bare form after an Arabic word, so a word may stand one token further), in any order: a
    superset of where the exact lookup can find it. FTS5's NEAR takes phrases, not alternatives: one
    NEAR group per combination of the words' forms."""
    if not words:
        return None
    if len(words) == 1:
        return _any(words[0])
    ways = 1
    for forms in words:
        ways *= len(forms)
    if ways > NEAR_WAYS:
        return "(" + " AND ".join(map(_any, words)) + ")"
    combos: list[list[str]] = [[]]
    for forms in words:
        combos = [c + [f] for c in combos for f in forms]
    return "(" + " OR ".join(f"NEAR({' '.join(map(_quoted, c))}, {2 * len(words)})" for c in combos) + ")"


def _matching(conn: sqlite3.Connection, clauses: set[str]) -> set[int]:
    """Segments matching any of the full-text ``clauses``."""
    out: set[int] = set()
    listed = sorted(clauses)
    for i in range(0, len(listed), CHUNK):
        query = " OR ".join(listed[i:i + CHUNK])
        out.update(r[0] for r in conn.execute("SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?", (query,)))
    return out


def _by_norm(conn: sqlite3.Connection, norms: set[str]) -> set[int]:
    """Segments with a mention of one of ``norms``."""
    return {r[0] for r in rows_in(conn, "SELECT DISTINCT segment_id FROM mentions WHERE norm IN ({})", sorted(norms))}


def _through_matcher(conn: sqlite3.Connection, changes: Changes, differs: Differs | None,
                     known: set[int] = frozenset()) -> set[int]:
    """Segments whose names found without a glossary spelling the matcher may now answer differently
    about: those sharing a matcher key with a changed spelling and, when an entity came, went or changed
    type, every one the matcher scored. With ``differs``, only those of them it does answer differently
    about, or that the linker may weigh differently: a name of its own (``linker.OWN_NAME``) cut short of
    a changed spelling, with a candidate whose entity changed. Segments already ``known`` to be reached
    are left out (nothing to ask about them: they are analysed again anyway)."""
    rows = _unglossed(conn, _fuzzy_norms(conn, changes.spellings))
    if changes.entities:
        rows |= _scored_by_matcher(conn)
    rows = {r for r in rows if r[1] not in known}
    reached = {sid for _, sid, *_ in rows}
    if differs is None or len(reached) < WORTH_ASKING:
        return reached
    of_changed = _candidates_of(conn, changes.touched)
    changed_in: dict[str, list[str]] = defaultdict(list)
    for lang, text in changes.spellings:
        changed_in[lang].append(text)
    asked: dict[tuple[str, str], bool] = {}
    out = set()
    for mid, sid, surface, prefix, lang, detector in rows:
        key = (stem_surface(surface, prefix), lang)
        if key not in asked:
            asked[key] = differs(*key)
        if asked[key] or (mid in of_changed and detector in OWN_NAME and any(
                short_form(*key, changed_in[lang], etype) for etype in ("person", None))):
            out.add(sid)
    return out


_MENTION = "m.id, m.segment_id, m.surface, m.prefix, m.lang, m.detector"


def _unglossed(conn: sqlite3.Connection, norms: set[str]) -> set[tuple]:
    """(mention, segment, surface, prefix, language, detector) of the mentions of ``norms`` found without
    a glossary spelling."""
    return set(rows_in(conn, f"SELECT {_MENTION} FROM mentions m INDEXED BY mentions_unglossed"
                             " WHERE m.detector <> 'glossary' AND m.norm IN ({})", sorted(norms)))


def _scored_by_matcher(conn: sqlite3.Connection) -> set[tuple]:
    """(mention, segment, surface, prefix, language, detector) of the mentions with an automatic link or
    candidate the names matcher scored (never one found by its glossary spelling: the linker does not ask
    the matcher about those)."""
    return set(conn.execute(
        f"""SELECT {_MENTION} FROM mentions m INDEXED BY mentions_unglossed JOIN links l ON l.mention_id = m.id
           WHERE m.detector <> 'glossary' AND {implied.auto()} AND (instr(l.why, ?) > 0
                 OR EXISTS (SELECT 1 FROM candidates c WHERE c.mention_id = m.id AND instr(c.why, ?) > 0))""",
        (MATCHER_WHY, MATCHER_WHY)))


def _candidates_of(conn: sqlite3.Connection, entity_ids: set[str]) -> set[int]:
    """Mentions with one of the entities among their candidates."""
    return {r[0] for r in rows_in(conn, "SELECT mention_id FROM candidates WHERE entity_id IN ({})", sorted(entity_ids))}


def answers_differ(before, after) -> Differs:
    """Whether two glossary indexes' matchers answer differently about a name, in what the aligner reads
    of an answer: each candidate's entity, spelling, why and confidence, the score as the linker weighs
    and prints it, and on which side of the detector's thresholds it falls."""
    def view(index, stem: str, lang: str) -> tuple:
        return tuple((c.entity_id, c.variant, c.why, c.accepted, c.acronym, f"{c.score:.2f}",
                      *(round(c.score * w, 4) for w in (1.0, UNSURE_FUZZY, UNSURE_FUZZY_CUE)),
                      *(c.score >= t for t in (GROWN_MIN, GROWN_SAME, SURNAME_MIN)))
                     for c in index.candidates(stem, lang))

    return lambda stem, lang: view(before, stem, lang) != view(after, stem, lang)


def matcher_keys(norm: str) -> set[str]:
    """The names-matcher keys a name is found under or looks up, with their one-letter-off neighbours."""
    if not norm:
        return set()
    form = analyse(norm, True)
    out: set[str] = set()
    for k in (*form.keys, *(a for alts in form.alts for a in alts)):
        out.add("c" + k.coarse)
        if k.concept:
            out.add("k" + k.concept)
        out.update("l" + d for d in {k.loose, *_deletions(k.loose)})
    out.update("w" + d for d in {form.whole, *_deletions(form.whole)})
    if form.initials:
        out.add("a" + form.initials)
    if len(form.words) == 1:
        out.add("a" + form.words[0])
    out.update("x" + a for a in expansions(form) | query_keys(norm, form))
    return out


def _fuzzy_norms(conn: sqlite3.Connection, spellings: set[tuple[str, str]]) -> set[str]:
    """Norms of mentions found without a glossary spelling that share a matcher key with a changed one."""
    if not spellings:
        return set()
    keys: set[str] = set()
    for lang, text in spellings:
        keys |= matcher_keys(normalize(text, lang))
    return {norm for (norm,) in conn.execute("SELECT DISTINCT norm FROM mentions WHERE detector <> 'glossary'")
            if not keys.isdisjoint(matcher_keys(norm))}
