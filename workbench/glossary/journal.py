"""The decisions log writer: one batch of rows (one user, one time), each with the state before and after."""

from __future__ import annotations

import json
import sqlite3
import uuid

from workbench.clock import now
from workbench.config import current_user


class Journal:
    """Appends ``decisions`` rows for one batch (one user, one time); review decisions pass their own."""

    def __init__(self, conn: sqlite3.Connection, user: str | None = None, batch: str | None = None):
        self.conn, self.user, self.at = conn, user or current_user(), now()
        self.batch = batch or uuid.uuid4().hex[:16]
        self.ids: list[int] = []

    def write(self, action: str, target: str, target_id, before, after, undoes: int | None = None) -> int:
        cur = self.conn.execute(
            """INSERT INTO decisions (at, user, action, target, target_id, before, after, batch, undoes)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (self.at, self.user, action, target, str(target_id), _dump(before), _dump(after), self.batch, undoes),
        )
        self.ids.append(cur.lastrowid)
        return cur.lastrowid


def _dump(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
