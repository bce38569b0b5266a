"""Resolves where things live: the database, translation packages, the analyst's name."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DEFAULT_DB = Path("db") / "workbench.db"
LANGS = ("ar", "fr", "en")
SOURCE_LANGS = ("ar", "fr")


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database path: ``--db`` first, then ``$WORKBENCH_DB``, then ``db/workbench.db``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("WORKBENCH_DB")
    if env:
        return Path(env)
    return DEFAULT_DB


def data_dir(db: str | os.PathLike | None = None) -> Path:
    """The data folder: the one the database is in (``db/`` by default)."""
    return db_path(db).absolute().parent


def current_user() -> str:
    """Who is making decisions: ``$WORKBENCH_USER``, else the login name."""
    user = os.environ.get("WORKBENCH_USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"
