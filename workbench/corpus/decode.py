"""Turns file bytes into text: UTF-8 first, then the legacy encodings news files come in."""

from __future__ import annotations

import re

from workbench.errors import UserError

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (Word, ODT or EPUB files are zips)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``UserError`` naming the file and what to do."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UserError(f"{name}: binary file ({what}), not text; export it to .txt, .html or .jsonl first")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _checked(data[3:].decode("utf-8", errors="strict"), name), "utf-8-sig"
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            raise UserError(f"{name}: line {line}: starts with a UTF-8 mark (BOM) but is not valid UTF-8 "
                            "(mixed encodings?); re-save it as UTF-8") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), name), "utf-16"
        except UnicodeDecodeError:
            raise UserError(f"{name}: invalid UTF-16 text; re-save it as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise UserError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy encodings. Windows-1256 maps nearly every byte, so accept it only when it yields Arabic.
    as_arabic = data.decode("cp1256", errors="replace")
    letters = len(_LETTER.findall(as_arabic)) or 1
    if len(_ARABIC.findall(as_arabic)) / letters > 0.3:
        return _checked(as_arabic, name), "windows-1256"
    try:
        return _checked(data.decode("cp1252"), name), "windows-1252"
    except UnicodeDecodeError:
        raise UserError(
            f"{name}: not valid UTF-8, Windows-1256 or Windows-1252 text; re-save it as UTF-8"
        ) from None


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise UserError(f"{name}: binary file (control characters in the text), not text")
    return text
