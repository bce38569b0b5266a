"""Atomic file output: write a hidden temp file beside the target, fsync it, then move it into place."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from workbench.errors import UserError, shown
from workbench.store.reading import kind

BUFFER = 1 << 20  # 1 MiB write buffer: exports are many small writes


def follow(path: str | os.PathLike) -> Path:
    """The file a symbolic link points to (links followed to the end), else ``path`` itself."""
    target = Path(os.fspath(path))
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def check_target(path: str | os.PathLike, force: bool = False) -> Path:
    """The output path, or a UserError saying why it cannot be written.

    Only a regular file is ever replaced: a device, FIFO or socket is refused, and so is a symbolic
    link (replacing it would break the link and leave the file it points to stale): resolve it first
    with :func:`follow` (``--follow-symlinks``) to write the file it points to.
    """
    raw = os.fspath(path)
    if not str(raw).strip():
        raise UserError("no output file given; name one, such as corpus.tmx")
    if "\0" in str(raw):
        raise UserError(f"{raw!r}: a file name cannot contain a NUL character")
    target = Path(raw)
    name = shown(target)
    if target.is_dir():
        raise UserError(f"{name}: is a folder; give a file name inside it, such as {shown(target / 'corpus.tmx')}")
    if target.is_symlink():
        raise UserError(f"{name}: is a symbolic link (to {shown(os.readlink(target))}); pass --follow-symlinks "
                        "to write the file it points to, or give another name")
    try:
        mode = target.lstat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise UserError(f"{name}: not a regular file ({kind(mode)}); an export only writes regular files")
    if (target.exists() or target.is_symlink()) and not force:
        raise UserError(f"{target}: already exists; pass --force to overwrite it")
    parent = target.parent
    if not parent.exists():
        raise UserError(f"{target}: folder {parent} does not exist; create it first")
    if not parent.is_dir():
        raise UserError(f"{target}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"{target}: no permission to write in folder {parent}")
    return target


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` is racy in threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


class AtomicFile:
    """One output file written to a temp file and published by :meth:`commit` (or removed by :meth:`abort`).

    Use it as a context manager: a normal exit commits, any exception (KeyboardInterrupt included)
    aborts, so the target is either the complete new file or untouched, and no temp file is left.
    """

    def __init__(self, path: str | os.PathLike, *, force: bool = False, binary: bool = False,
                 encoding: str = "utf-8", newline: str | None = "\n") -> None:
        self.path = check_target(path, force)
        self.force = force
        self.tmp: Path | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".part")
        except OSError as exc:
            raise UserError(f"{self.path}: cannot write here ({exc.strerror})") from None
        self.tmp = Path(tmp)
        try:
            if binary:
                self.file: IO = os.fdopen(fd, "wb", buffering=BUFFER)
            else:
                self.file = os.fdopen(fd, "w", buffering=BUFFER, encoding=encoding, newline=newline)
        except BaseException:
            os.close(fd)
            self._remove_tmp()
            raise

    def __enter__(self) -> IO:
        return self.file

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
            return
        self.abort()
        if isinstance(exc, OSError):
            raise UserError(f"{self.path}: cannot write ({exc.strerror or exc}); nothing was written") from None

    def commit(self) -> Path:
        """Flush, fsync and move the temp file onto the target."""
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, 0o666 & ~_umask())
            self._publish()
        except BaseException as exc:
            self.abort()
            if isinstance(exc, OSError):
                raise UserError(f"{self.path}: cannot write ({exc.strerror or exc}); nothing was written") from None
            raise
        self.tmp = None
        _fsync_dir(self.path.parent)
        return self.path

    def abort(self) -> None:
        """Close and delete the temp file; the target is left as it was."""
        with contextlib.suppress(Exception):
            self.file.close()
        self._remove_tmp()

    def _publish(self) -> None:
        if self.force:
            os.replace(self.tmp, self.path)
            return
        # without --force, never replace a file that appeared while we were writing
        try:
            os.link(self.tmp, self.path)
        except FileExistsError:
            raise UserError(f"{self.path}: already exists; pass --force to overwrite it") from None
        except OSError:  # file system without hard links
            if self.path.exists():
                raise UserError(f"{self.path}: already exists; pass --force to overwrite it") from None
            os.replace(self.tmp, self.path)
            return
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)
            self.tmp = None


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not every platform lets a folder be opened, so failures are ignored."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, *, force: bool = False, binary: bool = False,
                 encoding: str = "utf-8", newline: str | None = "\n") -> Iterator[IO]:
    """``with atomic_write(path) as fh:`` writes ``path`` completely or not at all."""
    with AtomicFile(path, force=force, binary=binary, encoding=encoding, newline=newline) as fh:
        yield fh


@contextlib.contextmanager
def atomic_write_many(paths: list[Path], *, force: bool = False, encoding: str = "utf-8",
                      newline: str | None = "\n") -> Iterator[list[IO]]:
    """Several files written together: all targets are checked first, all are published at the end."""
    for path in paths:
        check_target(path, force)
    opened: list[AtomicFile] = []
    try:
        for path in paths:
            opened.append(AtomicFile(path, force=force, encoding=encoding, newline=newline))
        yield [item.file for item in opened]
    except BaseException as exc:
        for item in opened:
            item.abort()
        if isinstance(exc, OSError):
            raise UserError(f"{paths[0]}: cannot write ({exc.strerror or exc}); nothing was written") from None
        raise
    for index, item in enumerate(opened):
        try:
            item.commit()
        except BaseException:
            for rest in opened[index + 1:]:
                rest.abort()
            raise
