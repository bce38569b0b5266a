"""The glossary name index behind the entity picker and glossary search (workbench.names.matcher)."""

from __future__ import annotations

import sqlite3
import threading


class EntityIndex:
    """A ``Matcher`` over the glossary, built off the interface thread and rebuilt after glossary edits."""

    def __init__(self) -> None:
        self._matcher = None
        self._lock = threading.Lock()
        self.stale = True
        """True when the glossary changed since the index was built."""

    @property
    def ready(self) -> bool:
        return self._matcher is not None

    def build(self, conn: sqlite3.Connection) -> None:
        """Read the glossary and index it (seconds for tens of thousands of variants: call in a worker)."""
        from workbench.names.matcher import Matcher

        matcher = Matcher.from_db(conn)
        matcher.search("a", 1)  # builds the search-as-you-type word lists too
        with self._lock:
            self._matcher = matcher
            self.stale = False

    def search(self, text: str, limit: int = 20) -> list:
        """Entities for what the analyst typed, any script; [] until the index is built."""
        matcher = self._matcher
        if matcher is None or not text.strip():
            return []
        return matcher.search(text, limit)
