"""The curated glossaries that come with the workbench."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "glossaries"


def bundled_files() -> list[Path]:
    """The curated TOML glossary files, sorted by name (empty when none is installed)."""
    return sorted(BUNDLED_DIR.glob("*.toml")) if BUNDLED_DIR.is_dir() else []


def load_files(conn: sqlite3.Connection, paths: list[Path]) -> int:
    """Merge TOML glossary files into the database through the glossary service; entities read."""
    from workbench.glossary.formats.toml import read_files
    from workbench.glossary.store import merge_entities

    total = 0
    for path in paths:
        entities = read_files([path])
        merge_entities(conn, entities, str(path))
        total += len(entities)
    return total
