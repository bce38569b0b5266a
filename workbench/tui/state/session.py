"""The open database behind the workbench: one connection for the interface, fresh ones for workers."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class Session:
    """The database the workbench works on.

    The interface thread uses ``conn``; a background worker calls ``connect()`` for its own
    connection (SQLite connections stay in the thread that made them).
    """

    def __init__(self, db_path: str | Path | None = None) -> None:
        from workbench.config import db_path as resolve

        self.path: Path = resolve(db_path)
        """Where the database lives."""
        self._conn: sqlite3.Connection | None = None
        self.glossary_version = 0
        """Bumped by every glossary write made through the interface (the name index compares it)."""

    def glossary_written(self) -> None:
        """Record that the glossary changed: indexes built from an older version are out of date."""
        self.glossary_version += 1

    @property
    def conn(self) -> sqlite3.Connection:
        """The interface's connection, opened (and migrated) on first use."""
        if self._conn is None:
            from workbench.store import open_conn

            self._conn = open_conn(self.path)
        return self._conn

    def connect(self) -> sqlite3.Connection:
        """A new connection for a worker thread (the caller closes it)."""
        from workbench.store.db import connect

        return connect(self.path)

    def close(self) -> None:
        """Close the interface's connection (decisions are committed as they are made)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
