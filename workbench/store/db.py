"""Opens the workbench database with the settings every command relies on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from workbench.config import db_path
from workbench.errors import UserError

BUSY_TIMEOUT_MS = 10_000


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """A raw connection with WAL, a busy timeout and foreign keys on."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_db(path: str | os.PathLike | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database chosen by ``--db`` / ``$WORKBENCH_DB`` and migrate it."""
    target = db_path(path)
    if str(target) != ":memory:":
        target = Path(target)
        if target.exists() and target.is_dir():
            raise UserError(f"{target}: is a directory; give --db a file path such as db/workbench.db")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"{target}: cannot create the database folder ({exc.strerror})") from None
    try:
        conn = connect(target)
        db = sqlite_utils.Database(conn)
        if migrate:
            from workbench.store.migrations import migrations

            migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{target}: not a usable workbench database ({exc})") from None
    return db


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, rolled back on any error; joins the caller's if one is open."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
