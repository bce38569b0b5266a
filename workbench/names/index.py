"""The glossary in memory: read once, shared per process, rebuilt when the glossary changes.

One read of the live entities and spellings feeds both ways of finding a name: the exact lookup over
word keys that the aligner runs on every token (``names.lookup.Lexicon``) and the fuzzy,
cross-script matcher behind ``workbench match``, the linker's candidates and the picker
(``names.matcher.Matcher``, built on first use). ``glossary_index(conn)`` returns the index of the
connection's database, rebuilding it when the glossary rows changed (any connection, any process);
when the only change is spellings added (a decision learns one), the new index is the old one plus them.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from workbench.names.lookup import Lexicon
from workbench.text.tokens import key_of
from workbench.names.rows import Rows, glossary_state, load_rows, signature_of, spelling_at, spellings_after

@dataclass(slots=True)
class Cand:
    """A possible entity for a name, with a 0..1 score and why."""

    entity_id: str
    score: float
    variant: str
    why: str
    accepted: bool = False  # the matcher is confident on its own
    acronym: bool = False  # the name is an acronym of this entity's spelling (in some language)


class GlossaryIndex:
    """Exact lookup, fuzzy matcher and picker over one snapshot of the glossary."""

    def __init__(self, rows: Rows, signature: str = "", state: tuple | None = None,
                 lookup: Lexicon | None = None) -> None:
        self.rows = rows
        self.signature = signature
        self.state = state
        """The ``names.rows.glossary_state`` the rows were read at (None: unknown)."""
        self.lookup = lookup or Lexicon.from_rows(rows)
        self._matcher = None
        self._lock = threading.Lock()
        self._candidates: dict[tuple[str, str], list[Cand]] = {}
        self._spellings: dict[tuple[str, str], list[str]] | None = None

    @classmethod
    def from_db(cls, conn: sqlite3.Connection, state: tuple | None = None) -> "GlossaryIndex":
        state = state or glossary_state(conn)
        return cls(load_rows(conn), signature_of(state), state)

    def grown(self, conn: sqlite3.Connection, state: tuple) -> "GlossaryIndex | None":
        """This index plus the spellings and entities added since it was read, when that is the only
        change to the glossary (``state`` is the glossary's now); None when anything else changed, or
        when a new entity's spelling shares its words with one known (a fresh read orders them)."""
        if self.state is None:
            return None
        count, top, deleted, entities, newest = self.state
        if state[2] != deleted or state[1] < top or (state[1], state[3]) == (top, entities):
            return None
        if spelling_at(conn, top) != newest:  # read inside a write rolled back since: its rows are gone
            return None
        made = self._entities_added(conn, entities, state[3]) if state[3] != entities else []
        added = spellings_after(conn, top)
        if made is None or len(added) != state[0] - count:
            return None
        spellings: dict[str, list[tuple[str, str]]] = {}
        for eid, lang, text in added:
            spellings.setdefault(eid, []).append((lang, text))
        new_ids = {eid for eid, _, _ in made}
        if any(key_of(text) in self.lookup.index for eid, _, text in
               [*((eid, "en", canonical) for eid, _, canonical in made), *added] if eid in new_ids):
            return None
        rows = [(eid, etype, canonical, [*own, *spellings.get(eid, [])]) for eid, etype, canonical, own in self.rows]
        if made:
            rows = sorted(rows + [(eid, etype, canonical, spellings.get(eid, [])) for eid, etype, canonical in made])
        return GlossaryIndex(rows, signature_of(state), state, self.lookup.extended(added, made))

    def _entities_added(self, conn: sqlite3.Connection, before: str, now: str) -> list[tuple] | None:
        """(id, type, canonical) of the entities created since the entities' state ``before`` (count /
        latest change / deleted / merged) when nothing else changed in them by ``now``; else None."""
        old, new = before.split("/"), now.split("/")
        if (old[2:], len(old)) != (new[2:], 4):
            return None
        known = {eid: (etype, canonical) for eid, etype, canonical, _ in self.rows}
        made = []
        for eid, etype, canonical in conn.execute(
                """SELECT id, type, canonical_en FROM entities WHERE updated_at >= ? AND deleted_at IS NULL
                   AND merged_into IS NULL ORDER BY id""", (old[1],)):
            if eid not in known:
                made.append((eid, etype, canonical))
            elif known[eid] != (etype, canonical):  # changed within the second of the latest change
                return None
        return made if len(made) == int(new[0]) - int(old[0]) else None

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def matcher(self):
        """The fuzzy, cross-script matcher (built on first use: a run with no unknown name never needs it)."""
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    from workbench.names.matcher import Matcher

                    self._matcher = Matcher(self.rows)
        return self._matcher

    def candidates(self, text: str, lang: str, top: int = 5) -> list[Cand]:
        """Entities a spelling that is not an exact glossary variant may be, best first (cached)."""
        key = (text, lang)
        hit = self._candidates.get(key)
        if hit is None:
            hit = self._candidates[key] = [
                Cand(c.entity_id, float(c.score), c.variant or "", c.why or "", bool(c.accepted), c.acronym)
                for c in self.matcher.match(text, lang, top=top)
            ]
        return hit

    def spellings(self, entity_id: str, lang: str) -> list[str]:
        """The entity's spellings in ``lang`` (built on first use)."""
        if self._spellings is None:
            table: dict[tuple[str, str], list[str]] = {}
            for eid, _, _, spellings in self.rows:
                for spelling_lang, text in spellings:
                    table.setdefault((eid, spelling_lang), []).append(text)
            self._spellings = table
        return self._spellings.get((entity_id, lang), [])

    def search(self, text: str, limit: int = 20) -> list:
        """Search-as-you-type over entities, any script (the picker and the glossary screen)."""
        return self.matcher.search(text, limit)


_INDEXES: dict[str, tuple[tuple, GlossaryIndex]] = {}
_PREVIOUS: dict[str, GlossaryIndex] = {}  # the index before the last change (a rolled-back preview)
_GUARD = threading.Lock()


def _database_key(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    path = row[2] if row else ""
    return path or f"memory:{id(conn)}"


def glossary_index(conn: sqlite3.Connection) -> GlossaryIndex:
    """The index of this connection's database, built once per process and rebuilt after any change
    to the glossary (by this connection or another: the fingerprint is checked on each call, and
    skipped while SQLite reports that nothing was written since the last check)."""
    key = _database_key(conn)
    # a rollback changes no count: what an index read inside a transaction saw is checked again after it
    stamp = (id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes, conn.in_transaction)
    with _GUARD:
        held = _INDEXES.get(key)
    if held is not None and held[0] == stamp:
        return held[1]
    state = glossary_state(conn)
    signature = signature_of(state)
    old = held and held[1]
    with _GUARD:
        previous = _PREVIOUS.get(key)
    if old is not None and old.signature == signature:
        index = old
    elif previous is not None and previous.signature == signature:
        index = previous
    else:
        index = (old and old.grown(conn, state)) or GlossaryIndex.from_db(conn, state)
    with _GUARD:
        if old is not None and old is not index:
            _PREVIOUS[key] = old
        _INDEXES[key] = (stamp, index)
    return index


