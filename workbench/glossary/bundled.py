"""The curated glossary that ships inside the package, and the seeding of a new database with it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# package data (pyproject.toml): a human-edited TOML file under version control
BUNDLED_DIR = Path(__file__).resolve().parent / "curated"
SEED_KEY = "glossary_seed"  # meta key: what a new database was started with ("curated" or "empty")


def bundled_files() -> list[Path]:
    """The curated TOML glossary files, sorted by name (empty when none is installed)."""
    return sorted(BUNDLED_DIR.glob("*.toml")) if BUNDLED_DIR.is_dir() else []


def origin_of(path: Path) -> str:
    """How entities from a curated file are marked in the database: ``curated:FILE``."""
    return f"curated:{path.name}"


def load_files(conn: sqlite3.Connection, paths: list[Path], origin=None) -> int:
    """Merge TOML glossary files (entities and non-names) into the database through the glossary service;
    entities read.

    The files are checked together first (ids and spellings across files); each file is then
    merged all or nothing. ``origin(path)`` names the origin stored (default: the path).
    """
    from workbench.glossary.formats.toml import read_files, read_glossary
    from workbench.glossary.store import merge_file

    if len(paths) > 1:
        read_files(paths)  # checked together first: a problem in any file writes nothing
    total = 0
    for path in paths:
        parsed = read_glossary([path])
        merge_file(conn, parsed.entities, parsed.not_names, origin(path) if origin else str(path))
        total += len(parsed.entities)
    return total


def load_curated(conn: sqlite3.Connection) -> int:
    """Merge the curated glossary into the database; the number of entities it has."""
    files = bundled_files()
    return load_files(conn, files, origin_of) if files else 0


def seed(conn: sqlite3.Connection, empty: bool = False) -> int | None:
    """Start a new database's glossary: the curated one, or none when ``empty``.

    Done once: a database whose glossary was seeded, or that has ever had an entity, is left as
    it is (None). Returns the number of curated entities loaded.
    """
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (SEED_KEY,)).fetchone():
        return None
    if conn.execute("SELECT 1 FROM entities LIMIT 1").fetchone():
        return None
    loaded = 0 if empty else load_curated(conn)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SEED_KEY, "empty" if empty else "curated"))
    return loaded
