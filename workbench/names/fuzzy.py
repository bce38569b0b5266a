"""Adapter to the names matcher: fuzzy and cross-script candidates for spellings not in the glossary."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.names.lookup import Lexicon


@dataclass(slots=True)
class Cand:
    """A possible entity for a name, with a 0..1 score and why."""

    entity_id: str
    score: float
    variant: str
    why: str
    accepted: bool = False  # the matcher is confident on its own


class Fuzzy:
    """Candidate entities for a spelling that is not an exact glossary variant."""

    def __init__(self, conn: sqlite3.Connection, lexicon: Lexicon):
        self.lexicon = lexicon
        self.conn = conn
        self._matcher = None  # built on first use: a run with no unknown name never needs it
        self._cache: dict[tuple[str, str], list[Cand]] = {}

    @property
    def matcher(self):
        if self._matcher is None:
            from workbench.names.matcher import Matcher

            self._matcher = Matcher.from_db(self.conn)
        return self._matcher

    def candidates(self, text: str, lang: str, top: int = 5) -> list[Cand]:
        key = (text, lang)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._compute(text, lang, top)
        return hit

    def _compute(self, text: str, lang: str, top: int) -> list[Cand]:
        return [
            Cand(c.entity_id, float(c.score), c.variant or "", c.why or "", bool(c.accepted))
            for c in self.matcher.match(text, lang, top=top)
            if c.entity_id in self.lexicon.canonical
        ]
