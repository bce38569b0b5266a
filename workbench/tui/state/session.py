"""The open database behind the workbench: one connection for the interface, fresh ones for workers."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without its optional pandas / numpy support (0.2-0.3 s of start-up).

    sqlite-utils imports pandas and numpy when they are installed (camel-tools installs them) only to
    map their scalar types; the workbench never hands it such values. Both are hidden for the length
    of this one import, then visible again to anything that imports them later.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


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
            import_sqlite_utils_lean()
            from workbench.store import open_db

            self._conn = open_db(self.path).conn
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
