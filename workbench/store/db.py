"""Opens the workbench database with the settings every command relies on."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import db_path
from workbench.errors import UserError

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 10_000
_SAVEPOINT = "workbench_tx"

# The names of the migrations in workbench.store.migrations, in order (a test checks they agree).
# open_conn() compares them with the database's record so that an up-to-date database opens without
# importing sqlite-utils (0.2-0.3 s: it imports numpy, dateutil, click and pluggy at import time).
MIGRATIONS = (
    "0001_initial",
    "0002_article_stats",
    "0003_align_state",
    "0004_meta",
    "0005_incremental_article_stats",
    "0006_search_index_deletes",
    "0007_review_order_threshold",
    "0008_translation_truncated",
    "0009_compact_store",
    "0010_stats_counters",
    "0011_not_names",
    "0012_review_groups",
    "0013_search_bare_words",
    "0014_align_generations",
    "0015_no_text_twice",
    "0016_contentless_search_index",
    "0017_compact_mentions",
    "0018_undated_translations",
    "0019_pending_tests_without_lists",
)
MIGRATION_SET = "workbench"
# Page cache per connection, in KiB (SQLite's default is 2 MiB). Align writes mentions and links into
# several indexes at once: with 2 MiB the pages are evicted and read again for every article, and
# align runs at half speed (bench/bench_scale.py). Memory is taken only as pages are read.
CACHE_KIB = 64 * 1024


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """A raw connection with WAL, a busy timeout, foreign keys on and a page cache for big corpora."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("workbench_index_form", 1, _index_form, deterministic=True)
    return conn


def _index_form(text: str | None) -> str:
    """``workbench.store.search.index_form`` for SQL: the search index's triggers compute with it (0016)."""
    from workbench.store.search import index_form  # imported on first use: start-up stays light

    return index_form(text or "")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for another process that is switching the same new file at this moment.

    SQLite answers "database is locked" at once, without its busy handler, when two connections
    change the journal mode of a new database together; so the switch is retried up to the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        else:
            if mode in ("wal", "memory") or time.monotonic() > deadline:
                return
        time.sleep(0.02)


def missing_message(target: Path) -> str:
    """The one line a read-only command prints when the database file does not exist."""
    return (f"{target}: no such database; create it with `workbench import FILE --db {target}`, "
            f"or `workbench demo --db {target}` for the sample articles")


def _target(path: str | os.PathLike | None, create: bool) -> str | Path:
    """The database file chosen by ``--db`` / ``$WORKBENCH_DB``; its folder created only if ``create``.

    With ``create=False`` (read-only commands) a missing file is a ``UserError`` and nothing,
    neither the file nor its folder, is created.
    """
    target = db_path(path)
    if str(target) != ":memory:":
        target = Path(target)
        if target.exists() and target.is_dir():
            raise UserError(f"{target}: is a directory; give --db a file path such as db/workbench.db")
        if not create and not target.exists():
            raise UserError(missing_message(target))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"{target}: cannot create the database folder ({exc.strerror})") from None
    return target


def _migrate(conn: sqlite3.Connection) -> sqlite_utils.Database:
    import sqlite_utils

    from workbench.store.migrations import migrations

    db = sqlite_utils.Database(conn)
    # Foreign keys are not enforced while migrating (SQLite's way to rebuild a table: dropping the old
    # one would otherwise delete the rows that reference it); a migration keeps every key it copies.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaction(conn):  # the write lock first: two processes opening a new database migrate it once
            migrations.apply(db)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return db


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """True when the database records every migration in MIGRATIONS as applied."""
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                            (MIGRATION_SET,)).fetchall()
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    return set(MIGRATIONS) <= {name for (name,) in rows}


def open_db(
    path: str | os.PathLike | None = None, *, migrate: bool = True, create: bool = True
) -> sqlite_utils.Database:
    """Open the database chosen by ``--db`` / ``$WORKBENCH_DB`` and migrate it (``create``: see ``_target``)."""
    import sqlite_utils

    target = _target(path, create)
    try:
        conn = connect(target)
        db = _migrate(conn) if migrate else sqlite_utils.Database(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{target}: not a usable workbench database ({exc})") from None
    return db


def open_conn(path: str | os.PathLike | None = None, *, create: bool = False) -> sqlite3.Connection:
    """``open_db(path).conn``, without loading sqlite-utils when no migration is pending."""
    target = _target(path, create)
    try:
        conn = connect(target)
        if not _up_to_date(conn):
            _migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{target}: not a usable workbench database ({exc})") from None
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, *, write: bool = True) -> Iterator[None]:
    """One transaction, rolled back on any error; every multi-row write goes through it.

    ``write=True`` takes the write lock at once (``BEGIN IMMEDIATE``); ``write=False`` opens a read
    snapshot (``BEGIN``) that several queries see alike. Inside a transaction the caller already
    opened, the block runs in a savepoint: an error undoes only the block's own writes, then
    propagates, and the caller's transaction decides the rest.
    """
    if conn.in_transaction:
        conn.execute(f"SAVEPOINT {_SAVEPOINT}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # some errors (disk full) end the whole transaction already
                conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
                conn.execute(f"RELEASE {_SAVEPOINT}")
            raise
        conn.execute(f"RELEASE {_SAVEPOINT}")
        return
    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
