"""The name finder's own fingerprint: an article aligned by another version of the code or its lists is
aligned again by the next ``align`` (a decision re-analyses only what it reaches, so without this an
upgraded workbench would mix two finders' results, and an undo could not give back what it took)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
PARTS = ("align", "names", "text")  # the code and the lists that find and link names
KINDS = (".py", ".tsv", ".txt", ".json", ".toml")


@lru_cache(maxsize=1)
def version() -> str:
    """A short hash of every file of the name finder, read once per process."""
    digest = hashlib.sha1()
    for part in PARTS:
        for path in sorted((PACKAGE / part).rglob("*")):
            if path.suffix in KINDS and "__pycache__" not in path.parts and path.is_file():
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
