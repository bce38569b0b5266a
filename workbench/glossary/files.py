"""Reads a glossary file (bytes or UTF-8 text), turning every failure into one clear line."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError
from workbench.store.reading import read_input


def read_bytes(path: Path, what: str) -> bytes:
    """The file's bytes; ``what`` names the expected file in messages ("a TBX file").

    Regular files only (a FIFO, socket, device or a link to one is refused before opening), at most
    the input size limit (50 MB, ``WORKBENCH_MAX_FILE_SIZE``).
    """
    return read_input(path, what=what)


def read_utf8(path: Path, what: str) -> str:
    """The file's text (a UTF-8 BOM is allowed); ``what`` names the expected file in messages."""
    raw = read_bytes(path, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from None
