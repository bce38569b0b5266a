"""Write the database's glossary to a file (TBX, CSV, TOML, OmegaT): one service for the CLI and the TUI."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def export_glossary(conn: sqlite3.Connection, path: str | Path, fmt_name: str | None = None, *,
                    force: bool = False, follow_symlinks: bool = False) -> str:
    """Write every entity with its spellings (and, in TOML, the remembered non-names) to ``path``, whole
    or not at all; returns the line that says what was written. A file already there is kept unless
    ``force``; an unknown format or a bad path is a UserError."""
    from workbench.glossary import formats
    from workbench.glossary.not_names import load as load_not_names
    from workbench.glossary.store import load_entities
    from workbench.store.atomic import check_target, follow

    fmt = formats.for_path(path, fmt_name)
    out = follow(path) if follow_symlinks else path
    check_target(out, force)
    entities = load_entities(conn)
    not_names = load_not_names(conn) if fmt.carries_not_names else []
    fmt.write(entities, out, force=force, not_names=not_names)
    spellings = sum(len(e.variants) for e in entities)
    also = f", {len(not_names)} non-name(s)" if not_names else ""
    return f"{path}: {len(entities)} entities, {spellings} spellings{also} written ({fmt.name})"
