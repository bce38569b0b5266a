"""Queries over more values than one statement may take: ``IN (...)`` a chunk of values at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

CHUNK = 500  # values per statement (SQLite's variable limit is 999 on old builds)


def rows_in(conn: sqlite3.Connection, sql: str, values: Iterable, before: Sequence = ()) -> Iterator[tuple]:
    """The rows of ``sql`` for every chunk of ``values``, its ``{}`` replaced by the chunk's placeholders.

    ``before``: parameters that come ahead of the chunk's in ``sql``. Each chunk is read whole before
    its rows are given, so the caller may write to the database between them.
    """
    values = list(values)
    for i in range(0, len(values), CHUNK):
        chunk = values[i:i + CHUNK]
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), [*before, *chunk]).fetchall()
