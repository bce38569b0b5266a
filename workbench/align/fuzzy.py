"""Adapter to the names matcher (fuzzy and cross-script candidates), with a skeleton fallback.

``workbench.names.matcher.Matcher`` is used when it is installed; otherwise glossary entities whose
spelling has the same consonant skeleton are proposed, which is enough for tests and small glossaries.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.align.lexicon import Lexicon
from workbench.align.tokens import key_of
from workbench.align.translit import skeleton, similarity


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
            try:
                from workbench.names.matcher import Matcher
            except ImportError:
                self._matcher = False
            else:
                self._matcher = Matcher.from_db(self.conn)
        return self._matcher or None

    def candidates(self, text: str, lang: str, top: int = 5) -> list[Cand]:
        key = (text, lang)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._compute(text, lang, top)
        return hit

    def _compute(self, text: str, lang: str, top: int) -> list[Cand]:
        if self.matcher is not None:
            return [
                Cand(c.entity_id, float(c.score), c.variant or "", c.why or "", bool(c.accepted))
                for c in self.matcher.match(text, lang, top=top)
                if c.entity_id in self.lexicon.canonical
            ]
        skel = skeleton(key_of(text))
        out = [
            Cand(eid, 0.8, "", f"same consonant skeleton {skel} as a glossary spelling")
            for eid in sorted(self.lexicon.skeletons.get(skel, ()))
        ] if len(skel) >= 3 else []
        if len(skel) >= 4 and not out:
            for other, eids in self.lexicon.skeletons.items():
                if abs(len(other) - len(skel)) > 2:
                    continue
                sim = similarity(skel, other)
                if sim >= 0.85:
                    out += [Cand(eid, round(0.8 * sim, 3), "", f"skeleton {skel} ~ {other} ({sim:.2f})") for eid in eids]
        out.sort(key=lambda c: -c.score)
        return out[:top]
