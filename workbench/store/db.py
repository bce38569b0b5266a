"""Opens the workbench database with the settings every command relies on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import db_path
from workbench.errors import UserError

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 10_000

# The names of the migrations in workbench.store.migrations, in order (a test checks they agree).
# open_conn() compares them with the database's record so that an up-to-date database opens without
# importing sqlite-utils (0.2-0.3 s: it imports numpy, dateutil, click and pluggy at import time).
MIGRATIONS = (
    "0001_initial",
    "0002_article_stats",
    "0003_align_state",
    "0004_meta",
    "0005_incremental_article_stats",
)
MIGRATION_SET = "workbench"


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """A raw connection with WAL, a busy timeout and foreign keys on."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _target(path: str | os.PathLike | None) -> str | Path:
    """The database file chosen by ``--db`` / ``$WORKBENCH_DB``, its folder created."""
    target = db_path(path)
    if str(target) != ":memory:":
        target = Path(target)
        if target.exists() and target.is_dir():
            raise UserError(f"{target}: is a directory; give --db a file path such as db/workbench.db")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"{target}: cannot create the database folder ({exc.strerror})") from None
    return target


def _migrate(conn: sqlite3.Connection) -> sqlite_utils.Database:
    import sqlite_utils

    from workbench.store.migrations import migrations

    db = sqlite_utils.Database(conn)
    migrations.apply(db)
    return db


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """True when the database records every migration in MIGRATIONS as applied."""
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                            (MIGRATION_SET,)).fetchall()
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    return set(MIGRATIONS) <= {name for (name,) in rows}


def open_db(path: str | os.PathLike | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database chosen by ``--db`` / ``$WORKBENCH_DB`` and migrate it."""
    import sqlite_utils

    target = _target(path)
    try:
        conn = connect(target)
        db = _migrate(conn) if migrate else sqlite_utils.Database(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{target}: not a usable workbench database ({exc})") from None
    return db


def open_conn(path: str | os.PathLike | None = None) -> sqlite3.Connection:
    """``open_db(path).conn``, without loading sqlite-utils when no migration is pending."""
    target = _target(path)
    try:
        conn = connect(target)
        if not _up_to_date(conn):
            _migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{target}: not a usable workbench database ({exc})") from None
    return conn


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
