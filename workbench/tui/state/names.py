"""The glossary name index behind the entity picker and glossary search (``names.index``, shared)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable


class EntityIndex:
    """A ``Matcher`` over the glossary, built off the interface thread, and the glossary version it is of.

    ``version`` is read when the index is built (``Session.glossary_version``, bumped by every glossary
    write made through the interface); the index is ``current`` while the two agree. Screens rebuild a
    stale index lazily (when they next search), and keep searching the old one until the new is ready.
    """

    def __init__(self, version: Callable[[], int] = lambda: 0) -> None:
        self._matcher = None
        self._lock = threading.Lock()
        self._version = version
        self.built_version: int | None = None
        """The glossary version the index was built from (None until built)."""

    @property
    def ready(self) -> bool:
        return self._matcher is not None

    @property
    def current(self) -> bool:
        """Built, and no glossary write since."""
        return self.ready and self.built_version == self._version()

    @property
    def stale(self) -> bool:
        return not self.current

    def build(self, conn: sqlite3.Connection) -> None:
        """Read the glossary and index it (seconds for tens of thousands of variants: call in a worker)."""
        from workbench.names.index import glossary_index

        version = self._version()  # before reading: a write during the build leaves the index stale
        matcher = glossary_index(conn).matcher  # the process's one index, rebuilt when the glossary changed
        matcher.search("a", 1)  # builds the search-as-you-type word lists too
        with self._lock:
            self._matcher = matcher
            self.built_version = version

    def search(self, text: str, limit: int = 20) -> list:
        """Entities for what the analyst typed, any script; [] until the index is built."""
        matcher = self._matcher
        if matcher is None or not text.strip():
            return []
        return matcher.search(text, limit)
