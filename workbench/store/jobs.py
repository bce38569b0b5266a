"""The one writer of the ``jobs`` table: a background job's start, progress and end."""

from __future__ import annotations

import json
import os
import platform
import sqlite3

from workbench.clock import now

RUNNING = "running"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
STATUSES = (RUNNING, DONE, FAILED, CANCELLED)  # = the CHECK on jobs.status
ENDED = (DONE, FAILED, CANCELLED)


def start(conn: sqlite3.Connection, kind: str, params: dict, total: int | None) -> int:
    """Record a running job of ``kind`` (this process's pid and host are kept in its params)."""
    params = {**params, "pid": os.getpid(), "host": platform.node()}
    cur = conn.execute(
        "INSERT INTO jobs (kind, params, status, done, total, started_at) VALUES (?, ?, ?, 0, ?, ?)",
        (kind, json.dumps(params, ensure_ascii=False), RUNNING, total, now()),
    )
    return cur.lastrowid


def progress(conn: sqlite3.Connection, job_id: int, done: int) -> None:
    """How far a running job is; call it inside the transaction that wrote that work."""
    conn.execute("UPDATE jobs SET done = ? WHERE id = ?", (done, job_id))


def finish(conn: sqlite3.Connection, job_id: int, status: str, done: int, message: str) -> None:
    """Record how a job ended: ``done``, ``failed`` or ``cancelled``."""
    if status not in ENDED:
        raise ValueError(f"a job ends as one of {ENDED}, not {status!r}")
    conn.execute(
        "UPDATE jobs SET status = ?, done = ?, message = ?, finished_at = ? WHERE id = ?",
        (status, done, message, now(), job_id),
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale(conn: sqlite3.Connection, kind: str | None = None) -> list[tuple[int, str]]:
    """(id, kind) of 'running' jobs whose process on this host is gone (killed); reads only."""
    sql = "SELECT id, kind, params FROM jobs WHERE status = ?"
    args: list = [RUNNING]
    if kind is not None:
        sql += " AND kind = ?"
        args.append(kind)
    out = []
    for job_id, job_kind, params in conn.execute(sql, args).fetchall():
        try:
            info = json.loads(params or "{}")
        except ValueError:
            info = {}
        if not isinstance(info, dict):
            continue
        pid = info.get("pid")
        if (info.get("host") == platform.node() and isinstance(pid, int) and pid != os.getpid()
                and not _alive(pid)):
            out.append((job_id, job_kind))
    return out


def reap_stale(conn: sqlite3.Connection, kind: str | None = None) -> int:
    """Mark 'running' jobs whose process on this host is gone (killed) as failed; return how many."""
    reaped = 0
    for job_id, _ in stale(conn, kind):
        conn.execute(
            "UPDATE jobs SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = ?",
            (FAILED, now(), "interrupted: the process ended before finishing; finished batches are kept",
             job_id, RUNNING),
        )
        reaped += 1
    return reaped


def recent(conn: sqlite3.Connection, limit: int = 20) -> list[tuple]:
    """The latest jobs: id, kind, status, done, total, message, started, finished."""
    return conn.execute(
        """SELECT id, kind, status, done, coalesce(total, 0), coalesce(message, ''), started_at,
                  coalesce(finished_at, '') FROM jobs ORDER BY id DESC LIMIT ?""", (limit,)).fetchall()
