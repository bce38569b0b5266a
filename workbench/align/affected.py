"""Where glossary changes can alter an alignment: the segments to analyse again, by article.

A sentence pair needs analysing again when its text holds a changed spelling (the exact lookup may
find, grow or link a name differently there), when it has a mention of a rejected-or-unrejected
spelling, or when one of its mentions found without a glossary spelling shares a names-matcher key
with a changed spelling (its fuzzy candidates may differ). A new or removed entity (or a changed type)
also moves every fuzzy score a little (the matcher weighs words by how many entities have them): then
every mention scored by the matcher is reached. Text is searched through the full-text
index: Latin words by token, Arabic ones bare (the index holds each Arabic word with its proclitics
and bare). The result is a superset: re-analysing a pair that did not change rewrites the same rows.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from workbench.align.generations import Changes
from workbench.align.linker import MATCHER_WHY
from workbench.names.acronyms import expansions, query_keys
from workbench.names.forms import analyse
from workbench.names.matcher import _deletions
from workbench.names.normalize import normalize
from workbench.store import implied
from workbench.store.chunks import rows_in
from workbench.store.search import query_words
from workbench.text.fold import has_arabic
from workbench.text.tokens import _WORD, word_key

CHUNK = 400  # spellings per full-text query (one MATCH expression each)


def segments(conn: sqlite3.Connection, changes: Changes, article_ids: Iterable[int]) -> dict[int, set[int]]:
    """Article id -> ids of its segments that may align differently after ``changes``."""
    wanted = set(article_ids)
    if not changes or not wanted:
        return {}
    found = _by_text(conn, changes.spellings)
    found |= _by_norm(conn, changes.norms)
    found |= _by_norm(conn, _fuzzy_norms(conn, changes.spellings), unglossed=True)
    if changes.entities:
        found |= _scored_by_matcher(conn)
    out: dict[int, set[int]] = defaultdict(set)
    for sid, aid in rows_in(conn, "SELECT id, article_id FROM segments WHERE id IN ({})", sorted(found)):
        if aid in wanted:
            out[aid].add(sid)
    return dict(out)


def _by_text(conn: sqlite3.Connection, spellings: set[tuple[str, str]]) -> set[int]:
    """Segments whose source or English may hold one of the spellings: every word of it is there.

    Arabic words are looked for bare, as the index holds them (``store.search.index_form``): a
    spelling's word is found with any proclitics and with or without the article. All the words, not
    one: a new person's given name alone (Ahmed) is in thousands of sentences.
    """
    clauses: set[str] = set()
    for _, text in spellings:
        words = []
        for word in _WORD.findall(text):
            forms = sorted(query_words(word)) if has_arabic(word) else \
                sorted(w for w in {word_key(word), word.casefold()} if w.isalnum())
            if forms:
                words.append("(" + " OR ".join('"' + w.replace('"', '""') + '"' for w in forms) + ")")
        if words:
            clauses.add("(" + " AND ".join(words) + ")")
    out: set[int] = set()
    listed = sorted(clauses)
    for i in range(0, len(listed), CHUNK):
        query = " OR ".join(listed[i:i + CHUNK])
        out.update(r[0] for r in conn.execute("SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?", (query,)))
    return out


def _by_norm(conn: sqlite3.Connection, norms: set[str], unglossed: bool = False) -> set[int]:
    """Segments with a mention of one of ``norms`` (``unglossed``: a mention found without a glossary
    spelling, the only kind whose link the matcher's candidates decide)."""
    only = "detector <> 'glossary' AND " if unglossed else ""  # the partial index mentions_unglossed
    return {r[0] for r in rows_in(conn, f"SELECT DISTINCT segment_id FROM mentions WHERE {only}norm IN ({{}})",
                                  sorted(norms))}


def _scored_by_matcher(conn: sqlite3.Connection) -> set[int]:
    """Segments with an automatic link or candidate the names matcher scored (never one of a mention
    found by its glossary spelling: the linker does not ask the matcher about those)."""
    return {r[0] for r in conn.execute(
        f"""SELECT DISTINCT m.segment_id FROM mentions m INDEXED BY mentions_unglossed JOIN links l ON l.mention_id = m.id
           WHERE m.detector <> 'glossary' AND {implied.auto()} AND (instr(l.why, ?) > 0
                 OR EXISTS (SELECT 1 FROM candidates c WHERE c.mention_id = m.id AND instr(c.why, ?) > 0))""",
        (MATCHER_WHY, MATCHER_WHY))}


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
