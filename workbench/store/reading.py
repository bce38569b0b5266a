"""Reads an input file defensively: regular files only (checked before opening), at most a size limit."""

from __future__ import annotations

import os
import stat

from workbench.errors import UserError, shown

MAX_FILE_SIZE = 50 * 1024 * 1024  # default limit for one input file, in bytes
_ENV_FILE_SIZE = "WORKBENCH_MAX_FILE_SIZE"

_KINDS = (
    (stat.S_ISFIFO, "a named pipe, FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not a regular file"


def parse_size(text: str) -> int:
    """A size such as ``50MB``, ``200k`` or ``1048576`` in bytes; ValueError if unreadable."""
    raw = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = 1
    for suffix, value in (("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30)):
        if raw.endswith(suffix):
            raw, factor = raw[:-1], value
            break
    number = float(raw.strip())
    if not number > 0 or number * factor > 1 << 50:
        raise ValueError(text)
    return int(number * factor)


def default_max_size() -> int:
    """The file size limit: ``WORKBENCH_MAX_FILE_SIZE`` if set (``50MB``, ``200k`` ...), else 50 MB."""
    raw = os.environ.get(_ENV_FILE_SIZE)
    if not raw:
        return MAX_FILE_SIZE
    try:
        return parse_size(raw)
    except ValueError:
        raise UserError(f"{_ENV_FILE_SIZE}={raw!r}: not a size; write it as 50MB, 200k or a number of bytes") from None


def human_size(size: int) -> str:
    for unit, value in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if size >= value:
            return f"{size / value:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def read_input(path: str | os.PathLike, max_size: int | None = None, what: str = "a text file") -> bytes:
    """The bytes of a regular file (symlinks resolved) no larger than ``max_size``; else a UserError."""
    name = shown(path)
    limit = default_max_size() if max_size is None else max_size
    try:
        info = os.stat(path)  # follows symbolic links: a link to /dev/zero is a device
    except FileNotFoundError:
        raise UserError(f"{name}: no such file (or a link to a missing file)") from None
    except PermissionError:
        raise UserError(f"{name}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{name}: is a folder; give {what}")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{name}: not a regular file ({kind(info.st_mode)}); give {what}")
    if info.st_size > limit:
        raise UserError(f"{name}: file too large ({human_size(info.st_size)}, the limit is {human_size(limit)}); "
                        "split it, or raise the limit with --max-file-size or WORKBENCH_MAX_FILE_SIZE")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening does not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise UserError(f"{name}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UserError(f"{name}: not a regular file ({kind(os.fstat(fd).st_mode)}); give {what}")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise UserError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UserError(f"{name}: file too large (over {human_size(limit)}); "
                        "split it, or raise the limit with --max-file-size or WORKBENCH_MAX_FILE_SIZE")
    return data
