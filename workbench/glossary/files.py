"""Reads a glossary file (bytes or UTF-8 text), turning every failure into one clear line."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError


def read_bytes(path: Path, what: str) -> bytes:
    """The file's bytes; ``what`` names the expected file in messages ("a TBX file")."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder; give {what}") from None
    except PermissionError:
        raise UserError(f"{path}: no permission to read this file") from None


def read_utf8(path: Path, what: str) -> str:
    """The file's text (a UTF-8 BOM is allowed); ``what`` names the expected file in messages."""
    raw = read_bytes(path, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from None
