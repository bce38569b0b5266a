"""Remembered non-names: spellings (per language) that are not names; the only writer of ``not_names``.

The rule (docs/user-guide.md, "Not a name"): a remembered non-name stops the aligner proposing that
spelling in that language (its mentions are stored as 'dismissed'), unless a live glossary entity
has that very spelling (same language and normal form): the glossary's entity always wins.
Every write is logged in ``decisions`` (target ``not_a_name``, id ``LANG<tab>NORM``) and undoable.
"""

from __future__ import annotations

import hashlib
import sqlite3

from workbench.errors import UserError
from workbench.glossary import rules
from workbench.glossary.model import NotName
from workbench.glossary.journal import Journal
from workbench.names.normalize import normalize

TARGET = "not_a_name"  # decisions.target of these rows
FIELDS = ("lang", "norm", "spelling", "origin", "learned", "created_at")


def key_of(lang: str, norm: str) -> str:
    """The ``decisions.target_id`` of one non-name."""
    return f"{lang}\t{norm}"


def state(conn: sqlite3.Connection, lang: str, norm: str) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(FIELDS)} FROM not_names WHERE lang = ? AND norm = ?",
                       (lang, norm)).fetchone()
    return dict(zip(FIELDS, row)) if row else None


def remember(conn: sqlite3.Connection, lang: str, spelling: str, *, journal: Journal, action: str,
             origin: str = "review") -> dict | None:
    """Remember ``spelling`` as no name in ``lang``; the new row, or None when it was already known.

    Runs inside the caller's transaction. ``origin`` 'review' marks it learned (for write-back).
    """
    wrong = rules.spelling_problem(lang, spelling)
    if wrong:
        raise UserError(f"not a name: {wrong}")
    spelling = rules.clean(spelling)
    norm = normalize(spelling, lang)
    if state(conn, lang, norm) is not None:
        return None
    after = {"lang": lang, "norm": norm, "spelling": spelling, "origin": origin,
             "learned": int(origin == "review"), "created_at": journal.at}
    _write(conn, lang, norm, after)
    journal.write(action, TARGET, key_of(lang, norm), None, after)
    return after


def restore(conn: sqlite3.Connection, target_id: str, before: dict | None, *, journal: Journal,
            undoes: int) -> None:
    """Put one non-name back as ``before`` (None: forget it), logged as an undo of ``undoes``."""
    lang, _, norm = target_id.partition("\t")
    now_state = state(conn, lang, norm)
    _write(conn, lang, norm, before)
    journal.write("undo", TARGET, target_id, now_state, before, undoes=undoes)


def _write(conn: sqlite3.Connection, lang: str, norm: str, row: dict | None) -> None:
    conn.execute("DELETE FROM not_names WHERE lang = ? AND norm = ?", (lang, norm))
    if row is not None:
        conn.execute(f"INSERT INTO not_names ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                     tuple(row[f] for f in FIELDS))


# ---- reading ------------------------------------------------------------------------------------


def known(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Every remembered (lang, norm)."""
    return set(conn.execute("SELECT lang, norm FROM not_names"))


def signature(conn: sqlite3.Connection) -> str:
    """A fingerprint of the remembered non-names (the aligner re-runs articles when it changes)."""
    digest = hashlib.sha1()
    for lang, norm in conn.execute("SELECT lang, norm FROM not_names ORDER BY lang, norm"):
        digest.update(f"{lang}\t{norm}\n".encode())
    return digest.hexdigest()[:16]


def load(conn: sqlite3.Connection) -> list[NotName]:
    """The remembered non-names, by language and spelling."""
    return [NotName(lang, spelling, origin) for lang, spelling, origin in conn.execute(
        "SELECT lang, spelling, origin FROM not_names ORDER BY lang, spelling")]


def learned(conn: sqlite3.Connection) -> list[tuple[NotName, str, str | None]]:
    """(non-name, date, user who dismissed it) of every one dismissed in review and not yet in a file."""
    rows = conn.execute(
        f"""SELECT n.lang, n.spelling, n.origin, n.created_at,
                   (SELECT d.user FROM decisions d WHERE d.target = '{TARGET}'
                    AND d.target_id = n.lang || char(9) || n.norm ORDER BY d.id DESC LIMIT 1)
            FROM not_names n WHERE n.learned = 1 ORDER BY n.lang, n.spelling""").fetchall()
    return [(NotName(lang, spelling, origin), created[:10], user) for lang, spelling, origin, created, user in rows]


def glossary_has(conn: sqlite3.Connection, lang: str, norm: str) -> list[str]:
    """The live entities that have this very spelling (they win over a remembered non-name)."""
    return [r[0] for r in conn.execute(
        """SELECT DISTINCT v.entity_id FROM variants v JOIN entities e ON e.id = v.entity_id
           WHERE v.norm = ? AND v.lang = ? AND v.deleted_at IS NULL AND e.deleted_at IS NULL
           ORDER BY v.entity_id""", (norm, lang))]


def mark_written_back(conn: sqlite3.Connection, items: list[NotName]) -> None:
    """These non-names are now in a glossary file (inside the caller's transaction)."""
    conn.executemany("UPDATE not_names SET learned = 0 WHERE lang = ? AND norm = ?",
                     [(n.lang, normalize(n.spelling, n.lang)) for n in items])


def renormalize(conn: sqlite3.Connection) -> None:
    """Recompute the normal forms after ``normalize`` changed (inside the caller's transaction)."""
    rows = conn.execute(f"SELECT {', '.join(FIELDS)} FROM not_names").fetchall()
    conn.execute("DELETE FROM not_names")
    for row in rows:
        item = dict(zip(FIELDS, row))
        item["norm"] = normalize(item["spelling"], item["lang"])
        conn.execute(f"INSERT OR IGNORE INTO not_names ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                     tuple(item[f] for f in FIELDS))
