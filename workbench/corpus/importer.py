"""Imports files into the database: each file all-or-nothing, duplicates reported and skipped."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.clock import now
from workbench.errors import UserError, shown
from workbench.corpus import langdetect
from workbench.corpus.limits import DEFAULT, Limits
from workbench.text import segment
from workbench.corpus.readers import SUFFIXES, RawArticle, read_file
from workbench.store import article_text, search
from workbench.store.db import transaction
from workbench.store.fingerprints import UNDATED


@dataclass
class FileResult:
    """What happened to one file."""

    path: Path
    imported: list[int] = field(default_factory=list)  # new article ids
    duplicates: list[str] = field(default_factory=list)  # "line 3: same as article 12"
    error: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)  # "line 3: ..." (the file was imported)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ImportSummary:
    """Results for a whole run."""

    files: list[FileResult] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)  # files in folders with other extensions

    @property
    def rejected(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]

    @property
    def imported(self) -> int:
        return sum(len(f.imported) for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(len(f.duplicates) for f in self.files)


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Files to import (folders searched recursively, sorted) and files passed over in folders."""
    files: list[Path] = []
    ignored: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long, say: import_file says what is wrong with it
            is_dir = False
        if is_dir:
            # everything but folders: a FIFO, socket, device or dangling link gets its own rejection line
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                (files if child.suffix.lower() in SUFFIXES else ignored).append(child)
        else:
            files.append(path)  # missing or unsupported: reported by import_file
    return files, ignored


def content_hash(text: str) -> str:
    """Identity of an article's content: NFC text with white space runs collapsed."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def import_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str | Path],
    lang: str | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    limits: Limits = DEFAULT,
) -> ImportSummary:
    """Import every file under ``paths``; ``lang`` overrides detection for all of them.

    Every file is tried: a file that cannot be imported, for whatever reason, is one rejected result.
    """
    files, ignored = expand(paths)
    summary = ImportSummary(ignored=ignored)
    for path in files:
        result = import_file(conn, path, lang, limits)
        summary.files.append(result)
        if on_file:
            on_file(result)
    return summary


@dataclass
class _Prepared:
    raw: RawArticle
    lang: str
    lang_method: str
    hash: str
    spans: list[tuple[int, int]]


def import_file(conn: sqlite3.Connection, path: Path, lang: str | None = None,
                limits: Limits = DEFAULT) -> FileResult:
    """Import one file in one transaction; on any problem nothing of it is written.

    Never raises for a bad file (only KeyboardInterrupt and the like pass): a problem the user can fix is
    the ``UserError`` message; any other exception is reported as an unexpected error to report.
    """
    result = FileResult(path=path)
    try:
        try:
            os.lstat(path)
        except FileNotFoundError:
            raise UserError(f"{shown(path)}: no such file or folder") from None
        except OSError as exc:
            raise UserError(f"{shown(path)}: cannot read the file ({exc.strerror or exc})") from None
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            raise UserError(f"{shown(path)}: the file name is not valid UTF-8 (bytes shown as \\xNN); "
                            "rename the file") from None
        articles, result.encoding = read_file(path, limits)
        prepared = [_prepare(raw, path, lang) for raw in articles]
        try:
            with transaction(conn):
                for item in prepared:
                    _store(conn, item, path, result)
        except BaseException:
            result.imported.clear()
            raise
    except UserError as exc:
        result.error = str(exc)
        result.duplicates.clear()
    except sqlite3.Error as exc:
        result.error = f"{shown(path)}: database error, nothing imported ({exc})"
        result.duplicates.clear()
    except (RecursionError, MemoryError) as exc:
        result.error = f"{shown(path)}: too large or too deeply nested to read ({type(exc).__name__}); nothing imported"
        result.duplicates.clear()
    except Exception as exc:  # one file's bug must not stop the run: its one line, then the next file
        result.error = (f"{shown(path)}: unexpected error: {type(exc).__name__}: {shown(str(exc)[:200])}; "
                        "nothing imported; please report it")
        result.duplicates.clear()
    else:
        result.warnings = [w for raw in articles for w in raw.warnings]
    return result


def _prepare(raw: RawArticle, path: Path, forced: str | None) -> _Prepared:
    where = f"{shown(path)}: line {raw.line}" if raw.line else shown(path)
    if forced:
        lang, method = forced, "option"
    elif raw.lang:
        lang, method = raw.lang, "file"
    else:
        detected, reason = langdetect.detect(raw.text)
        if detected is None:
            raise UserError(f"{where}: unknown language: {reason}; pass --lang ar|fr|en if you know it")
        lang, method = detected, "detected"
    spans = segment.split(raw.text, lang)
    if not spans:
        raise UserError(f"{where}: no sentences found in the text")
    return _Prepared(raw, lang, method, content_hash(raw.text), spans)


def _store(conn: sqlite3.Connection, item: _Prepared, path: Path, result: FileResult) -> None:
    raw = item.raw
    where = f"line {raw.line}: " if raw.line else ""
    existing = conn.execute(
        "SELECT id, source FROM articles WHERE content_hash = ?", (item.hash,)
    ).fetchone()
    if existing:
        result.duplicates.append(f"{where}already imported as article {existing[0]} (from {existing[1]})")
        return
    text, leads, tail = article_text.layout(raw.text, item.spans)  # the text is kept in its sentences
    cur = conn.execute(
        """INSERT INTO articles (content_hash, source, source_line, lang, lang_method, title, url,
               date, text, tail, encoding, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (item.hash, str(path), raw.line, item.lang, item.lang_method, raw.title, raw.url, raw.date,
         text, tail, result.encoding, now()),
    )
    article_id = cur.lastrowid
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM segments").fetchone()[0]
    rows = [
        (first + seq, article_id, seq, start, end, raw.text[start:end], lead)
        for seq, ((start, end), lead) in enumerate(zip(item.spans, leads))
    ]
    conn.executemany(
        "INSERT INTO segments (id, article_id, seq, start, end, text, lead) VALUES (?, ?, ?, ?, ?, ?, ?)", rows
    )
    if item.lang == "en":  # English passes through: its own text is its English
        conn.executemany(
            "INSERT INTO translations (segment_id, engine, text, created_at) VALUES (?, 'source', ?, ?)",
            ((r[0], r[5], UNDATED) for r in rows),
        )
    search.sync_segments(conn, (r[0] for r in rows))
    if raw.translation and item.lang in ("ar", "fr"):  # an existing English version: align, store as human
        from workbench.corpus.human import store_human_translation

        store_human_translation(conn, [(r[0], r[5]) for r in rows], raw.translation)  # indexes its rows
    result.imported.append(article_id)
