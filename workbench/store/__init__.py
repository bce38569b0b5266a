"""Persistence: the SQLite database, its migrations and plain query functions."""

from workbench.store.db import open_conn, open_db

__all__ = ["open_conn", "open_db"]
