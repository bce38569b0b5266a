"""The database's integrity check: what is wrong, how to repair it, and the repairs that are safe."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from workbench import vocabulary
from workbench.store import jobs, search
from workbench.store.db import transaction

REPAIR = "`workbench check --repair`"


@dataclass
class Finding:
    """One problem: which check found it, what it is, how to repair it; ``fix`` does a safe repair."""

    check: str
    problem: str
    repair: str
    fix: Callable[[sqlite3.Connection], object] | None = None


# ---- the checks (each reads only) ---------------------------------------------------------------------


def integrity(conn: sqlite3.Connection) -> list[Finding]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        return []
    return [Finding("integrity", f"the database file is damaged: {rows[0]}" +
                    (f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""),
                    "no safe automatic repair: restore a backup, or rescue what is readable with "
                    "`sqlite3 DB .recover | sqlite3 NEW.db`")]


# ON DELETE CASCADE / SET NULL: repairing does what the database would have done when the parent went.
# Candidates are the aligner's output: one naming a missing entity is dropped (`workbench align` redoes it).
_SAFE_DELETE = {("candidates", "entity_id")}
_ADVICE = {
    ("variants", "entity_id"): "`workbench glossary import FILE` with the entity brings it back",
    ("links", "entity_id"): "`workbench glossary import FILE` with the entity brings it back, or "
                            "`workbench decide MENTION_ID correct ENTITY_ID` links each mention elsewhere",
    ("rejections", "entity_id"): "`workbench glossary import FILE` with the entity brings it back",
}


def foreign_keys(conn: sqlite3.Connection) -> list[Finding]:
    """Orphan rows: links without mentions, spellings of missing entities, candidates of missing mentions ..."""
    groups: dict[tuple[str, str, int], list[int]] = {}
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check"):
        groups.setdefault((table, parent, fkid), []).append(rowid)
    out = []
    for (table, parent, fkid), rowids in sorted(groups.items()):
        column, on_delete = next(((r[3], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({table})")
                                  if r[0] == fkid), ("?", "NO ACTION"))
        problem = (f"{len(rowids)} row(s) of {table} whose {column} names a missing row of {parent} "
                   f"(rowid {', '.join(map(str, rowids[:5]))}{' ...' if len(rowids) > 5 else ''})")
        if on_delete == "CASCADE" or (table, column) in _SAFE_DELETE:
            fix = _deleter(table, rowids)
            repair = f"{REPAIR} deletes them (as deleting the {parent} row would have)"
        elif on_delete == "SET NULL":
            fix = _nuller(table, column, rowids)
            repair = f"{REPAIR} clears their {column} (as deleting the {parent} row would have)"
        else:
            fix = None
            repair = "no safe automatic repair: " + _ADVICE.get(
                (table, column), f"restore a backup, or bring the missing {parent} rows back")
        out.append(Finding("foreign keys", problem, repair, fix))
    return out + _lost_counterparts(conn)


def _lost_counterparts(conn: sqlite3.Connection) -> list[Finding]:
    """Mentions whose counterpart is gone (a trigger clears them since migration 0017 dropped the key)."""
    rowids = [r[0] for r in conn.execute(
        "SELECT m.id FROM mentions m WHERE m.counterpart_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM mentions c WHERE c.id = m.counterpart_id)")]
    if not rowids:
        return []
    problem = (f"{len(rowids)} row(s) of mentions whose counterpart_id names a missing row of mentions "
               f"(rowid {', '.join(map(str, rowids[:5]))}{' ...' if len(rowids) > 5 else ''})")
    return [Finding("foreign keys", problem, f"{REPAIR} clears their counterpart_id (as deleting the mention would have)",
                    _nuller("mentions", "counterpart_id", rowids))]


def _deleter(table: str, rowids: list[int]):
    def fix(conn: sqlite3.Connection) -> None:
        conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rowids])
    return fix


def _nuller(table: str, column: str, rowids: list[int]):
    def fix(conn: sqlite3.Connection) -> None:
        conn.executemany(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", [(r,) for r in rowids])
    return fix


_RECOUNT = f"""
    WITH seg AS (SELECT article_id, count(*) AS n FROM segments GROUP BY article_id),
         tr AS (SELECT s.article_id, count(*) AS n FROM translations t JOIN segments s ON s.id = t.segment_id
                GROUP BY s.article_id),
         men AS (SELECT s.article_id, count(*) AS n FROM mentions m JOIN segments s ON s.id = m.segment_id
                 GROUP BY s.article_id),
         pen AS (SELECT s.article_id, count(*) AS n FROM links l JOIN mentions m ON m.id = l.mention_id
                 JOIN segments s ON s.id = m.segment_id WHERE {vocabulary.pending_test()} GROUP BY s.article_id)
    SELECT a.id, st.article_id IS NULL, coalesce(seg.n, 0), coalesce(tr.n, 0), coalesce(men.n, 0),
           coalesce(pen.n, 0), st.sentences, st.translated, st.mentions, st.pending
    FROM articles a LEFT JOIN article_stats st ON st.article_id = a.id
         LEFT JOIN seg ON seg.article_id = a.id LEFT JOIN tr ON tr.article_id = a.id
         LEFT JOIN men ON men.article_id = a.id LEFT JOIN pen ON pen.article_id = a.id
    ORDER BY a.id"""
_COUNTS = ("sentences", "translated", "mentions", "pending")


def article_counts(conn: sqlite3.Connection) -> list[Finding]:
    """The per-article counts the article list shows, against a recount from the rows."""
    wrong: list[tuple] = []
    for row in conn.execute(_RECOUNT):
        if row[1] or row[2:6] != row[6:10]:
            wrong.append(row)
    if not wrong:
        return []
    first = wrong[0]
    if first[1]:
        example = f"article {first[0]} has no counts row"
    else:
        col = next(i for i in range(4) if first[2 + i] != first[6 + i])
        example = f"article {first[0]}: {_COUNTS[col]} {first[6 + col]}, recount {first[2 + col]}"
    fixes = [(r[0], *r[2:6]) for r in wrong]

    def fix(conn: sqlite3.Connection) -> None:
        conn.executemany(
            """INSERT INTO article_stats (article_id, sentences, translated, mentions, pending) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(article_id) DO UPDATE SET sentences = excluded.sentences, translated = excluded.translated,
                   mentions = excluded.mentions, pending = excluded.pending""", fixes)

    return [Finding("article counts", f"{len(wrong)} article(s) whose counts differ from a recount ({example})",
                    f"{REPAIR} recounts them", fix)]


def search_index(conn: sqlite3.Connection) -> list[Finding]:
    """The full-text index against the sentences and their English."""
    wrong = search.out_of_step(conn)
    if not wrong:
        return []
    return [Finding("search index", f"{len(wrong)} sentence(s) whose search index entry is missing, stale or stray "
                    f"(segment {', '.join(map(str, wrong[:5]))}{' ...' if len(wrong) > 5 else ''})",
                    f"{REPAIR} rebuilds the index", search.rebuild)]


def stale_jobs(conn: sqlite3.Connection) -> list[Finding]:
    """Jobs still marked running whose process (on this machine) is gone."""
    found = jobs.stale(conn)
    if not found:
        return []
    listed = ", ".join(f"{job_id} ({kind})" for job_id, kind in found[:5])
    return [Finding("jobs", f"{len(found)} job(s) marked running whose process is gone: {listed}",
                    f"{REPAIR} marks them failed (finished work is kept; run the command again to resume)",
                    jobs.reap_stale)]


CHECKS: tuple[tuple[str, Callable[[sqlite3.Connection], list[Finding]]], ...] = (
    ("integrity", integrity),
    ("foreign keys", foreign_keys),
    ("article counts", article_counts),
    ("search index", search_index),
    ("jobs", stale_jobs),
)


def run(conn: sqlite3.Connection) -> list[tuple[str, list[Finding]]]:
    """Every check on one read snapshot: (name, findings) in order; no finding means that part is sound."""
    out = []
    with transaction(conn, write=False):
        for name, check in CHECKS:
            try:
                out.append((name, check(conn)))
            except sqlite3.DatabaseError as exc:
                out.append((name, [Finding(name, f"could not be checked: {exc}",
                                           "no safe automatic repair: the schema or the file is damaged; "
                                           "restore a backup")]))
    return out


def repair(conn: sqlite3.Connection, results: list[tuple[str, list[Finding]]]) -> list[Finding]:
    """Apply the safe repairs, in check order, in one transaction; returns the findings repaired.

    Orphans go first (deleting them changes counts and the index), then counts and index are redone
    from the rows as they then are, so they are checked again rather than trusted from ``results``.
    """
    done = []
    with transaction(conn):
        for name, findings in results:
            for finding in findings:
                if finding.fix is None:
                    continue
                if name in ("article counts", "search index"):
                    continue  # recomputed below, after the orphans are gone
                finding.fix(conn)
                done.append(finding)
        for check in (article_counts, search_index):
            for finding in check(conn):
                finding.fix(conn)
        done += [f for name, fs in results if name in ("article counts", "search index") for f in fs]
    return done
