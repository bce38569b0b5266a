"""What the alignment was computed against: glossary facts by generation, and what changed since one.

A fact is one spelling of a live entity (its canonical English name included), one entity's type,
one rejected (spelling, entity) pair, or one spelling remembered as no name in a language. ``align_glossary`` keeps each fact with the generation it
appeared in and the one it went away in; ``align_state.generation`` says which generation an
article was aligned against. The facts that changed since an article's generation are all that
can make its alignment differ from a fresh one (``workbench.align.affected`` finds where).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

GENERATION_KEY = "align_generation"
SIGNATURE_KEY = "align_glossary_signature"
INDEX_KEY = "align_index_signature"  # "<generation> <glossary index signature>": the index it was computed with
SPELLING, TYPE, REJECTION, NON_NAME = "s", "t", "r", "n"


@dataclass
class Changes:
    """Facts added or removed since a generation: spellings ``(lang, text)`` and rejected spellings' norms."""

    spellings: set[tuple[str, str]] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)  # entities whose type or life changed
    touched: set[str] = field(default_factory=set)  # entities with any fact changed (a spelling included)
    people: set[tuple[str, str]] = field(default_factory=set)  # the spellings of those that are or were people
    norms: set[str] = field(default_factory=set)  # rejected spellings and non-names

    def __bool__(self) -> bool:
        return bool(self.spellings or self.entities or self.norms)


_GLOSSARY_FACTS: list[tuple] = [(None, frozenset())]  # (the rows, their facts): a snapshot many decisions read
_LIVE: dict[str, dict[str, frozenset]] = {}  # database -> {signature recorded: the live facts it stands for}


def facts(rows, rejected: set[tuple[str, str]], non_names: set[tuple[str, str]] = frozenset()
          ) -> set[tuple[str, str, str, str]]:
    """The facts of a glossary snapshot (``names.rows.load_rows``), the analyst's rejections and the
    remembered non-names ``(lang, norm)``."""
    held = _GLOSSARY_FACTS[0]  # one read: another thread may replace it meanwhile
    if held[0] is not rows:
        glossary = set()
        for eid, etype, canonical, spellings in rows:
            glossary.add((TYPE, eid, etype or "", ""))
            if canonical:
                glossary.add((SPELLING, eid, "en", canonical))
            glossary.update((SPELLING, eid, lang, text) for lang, text in spellings)
        held = _GLOSSARY_FACTS[0] = (rows, frozenset(glossary))
    out = set(held[1])
    out.update((REJECTION, eid, norm, "") for norm, eid in rejected)
    out.update((NON_NAME, "", norm, lang) for lang, norm in non_names)
    return out


def index_of(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """(the latest generation, the signature of the glossary index it was recorded with), if recorded."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (INDEX_KEY,)).fetchone()
    if row is None:
        return None
    generation, _, signature = row[0].partition(" ")
    return int(generation), signature


def current(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (GENERATION_KEY,)).fetchone()
    return int(row[0]) if row else 0


def sync(conn: sqlite3.Connection, rows, rejected: set[tuple[str, str]], signature: str,
         non_names: set[tuple[str, str]] = frozenset(), index_signature: str = "") -> int:
    """Record the glossary as it is now (inside the caller's transaction); its generation.

    ``index_signature``: the glossary index's, kept with the generation (``index_of``) so that a later
    change can be compared against the index this one was computed with.

    A new generation starts only when a fact changed; the signature skips the comparison when
    nothing was written since the last call. The live facts the table holds are kept per signature
    recorded (the signature says the glossary, rejections and non-names they come from): a decision
    compares against them instead of reading every live fact again.
    """
    known = conn.execute("SELECT value FROM meta WHERE key = ?", (SIGNATURE_KEY,)).fetchone()
    generation = current(conn)
    if known is not None and known[0] == signature:
        if index_signature and index_of(conn) != (generation, index_signature):  # a database from before the key
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (INDEX_KEY, f"{generation} {index_signature}"))
        return generation
    database = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
    held = _LIVE.setdefault(database, {})
    live = held.get(known[0]) if known is not None else None  # what the table holds, as last synced here
    if live is None:
        live = frozenset(tuple(r) for r in conn.execute(
            "SELECT kind, entity_id, a, b FROM align_glossary WHERE until IS NULL"))
    now = facts(rows, rejected, non_names)
    added = now - live
    gone = live - now
    if added or gone:
        generation += 1
        conn.executemany("INSERT INTO align_glossary (kind, entity_id, a, b, since) VALUES (?, ?, ?, ?, ?)",
                         ((*f, generation) for f in added))
        conn.executemany("UPDATE align_glossary SET until = ? WHERE kind = ? AND entity_id = ? AND a = ? AND b = ?"
                         " AND until IS NULL", ((generation, *f) for f in gone))
    record = [(INDEX_KEY, f"{generation} {index_signature}")] if index_signature else []
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     ((GENERATION_KEY, str(generation)), (SIGNATURE_KEY, signature), *record))
    held.clear()  # this one and the one before (a rolled-back decision goes back to it)
    held.update({known[0]: live} if known is not None else {})
    held[signature] = frozenset(now)
    return generation


def changed_since(conn: sqlite3.Connection, generation: int) -> Changes:
    """Every fact added or removed after ``generation``."""
    out = Changes()
    spelled: dict[str, set[tuple[str, str]]] = {}
    for kind, eid, a, b in conn.execute(
            "SELECT kind, entity_id, a, b FROM align_glossary WHERE since > ? OR until > ?", (generation, generation)):
        if kind == SPELLING:
            out.spellings.add((a, b))
            out.touched.add(eid)
            spelled.setdefault(eid, set()).add((a, b))
        elif kind == TYPE:
            out.entities.add(eid)
            out.touched.add(eid)
        else:
            out.norms.add(a)
    if out.entities:  # a type or an entity's life changes what each of its spellings means
        marks = ",".join("?" * len(out.entities))
        out.spellings.update(conn.execute(
            f"SELECT DISTINCT a, b FROM align_glossary WHERE kind = ? AND entity_id IN ({marks})",
            (SPELLING, *out.entities)).fetchall())
    if out.touched:  # a person's family name is found alone anywhere (``glossary_forms.family_names``)
        marks = ",".join("?" * len(out.touched))
        for (eid,) in conn.execute(f"SELECT DISTINCT entity_id FROM align_glossary WHERE kind = ? AND a = 'person'"
                                   f" AND entity_id IN ({marks})", (TYPE, *out.touched)):
            out.people |= spelled.get(eid, set()) | (
                set(conn.execute("SELECT a, b FROM align_glossary WHERE kind = ? AND entity_id = ?", (SPELLING, eid)))
                if eid in out.entities else set())
    return out
