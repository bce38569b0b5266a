"""Exports the aligned corpus to a file (TMX, JSONL or CSV): atomic, streamed, with progress and cancel."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from workbench.clock import now
from workbench.errors import UserError
from workbench.export import csv_export, jsonl, tmx
from workbench.store.atomic import AtomicFile, check_target
from workbench.corpus.pairs import SentencePair
from workbench.export.pairs import STATUSES, PairCounts, count_pairs, iter_pairs, languages, present_languages
from workbench.store.db import transaction

FORMATS = {
    "tmx": (tmx.write_tmx, {"encoding": "utf-8", "newline": "\n"}),
    "jsonl": (jsonl.write_jsonl, {"encoding": "utf-8", "newline": "\n"}),
    "csv": (csv_export.write_csv, {"encoding": csv_export.ENCODING, "newline": ""}),
}
PROGRESS_EVERY = 1000  # pairs between two progress calls
CANCEL_EVERY = 64  # pairs between two looks at the cancel flag


class CancelFlag(Protocol):
    """Anything with ``is_set()``, such as ``threading.Event``."""

    def is_set(self) -> bool: ...


@dataclass
class ExportResult:
    """What an export wrote and what it passed over."""

    path: Path
    format: str
    status: str
    langs: tuple[str, ...]
    total: int = 0  # pairs visited, exported or skipped
    pairs: int = 0  # pairs written
    untranslated: int = 0  # skipped: no English yet
    no_english: int = 0  # skipped: source sentence aligned to nothing (1:0)
    source_spans: int = 0
    english_spans: int = 0
    dropped_spans: int = 0  # mention offsets outside their sentence: left out
    english_articles: int = 0  # English-language articles: not exported (no translation pair)
    cancelled: bool = False  # stopped by the cancel flag: nothing was written
    empty: bool = False  # no pair to export and empty files not allowed: nothing was written

    def summary(self) -> str:
        """One line for the CLI and the TUI."""
        if self.cancelled:
            return f"export cancelled; {self.path} was not written"
        if self.empty:
            return (f"nothing to export: no sentence pair in scope has English yet; {self.path} was not written "
                    f"({self.why_empty()}; --allow-empty writes the empty file)")
        parts = [f"{self.pairs} sentence pair(s) written to {self.path} ({self.format})",
                 f"{self.source_spans} source and {self.english_spans} English entity span(s)"]
        skipped = [f"{count} {what}" for count, what in (
            (self.untranslated, "not translated yet"), (self.no_english, "without English (1:0)"),
            (self.english_articles, "English article(s)")) if count]
        if self.dropped_spans:
            skipped.append(f"{self.dropped_spans} span(s) with bad offsets")
        if skipped:
            parts.append("skipped: " + ", ".join(skipped))
        return "; ".join(parts)


    def why_empty(self) -> str:
        """What was passed over, or that there are no ar / fr sentences at all."""
        if not self.total:
            return "no " + " or ".join(self.langs) + " sentences" + (
                f"; {self.english_articles} English article(s) are never exported" if self.english_articles else "")
        parts = []
        if self.untranslated:
            parts.append(f"{self.untranslated} not translated yet: run `workbench translate`")
        if self.no_english:
            parts.append(f"{self.no_english} without English (1:0)")
        return ", ".join(parts) or f"{self.total} pair(s) skipped"


class _Cancelled(Exception):
    """Raised inside the write loop when the cancel flag is set."""


class _Empty(Exception):
    """Raised before the file is committed when no pair was written and empty files are not wanted."""


def export_corpus(
    conn: sqlite3.Connection,
    out_path: str | os.PathLike,
    fmt: str,
    status: str = "confirmed",
    lang: str | None = None,
    canonical: bool = False,
    force: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: CancelFlag | None = None,
    allow_empty: bool = True,
) -> ExportResult:
    """Write the sentence pairs of ``lang`` (default: Arabic and French) to ``out_path`` as ``fmt``.

    The file appears complete or not at all: a failure, a KeyboardInterrupt or ``cancel`` being set
    leaves neither a partial file nor a temp file. ``on_progress(done, total)`` is called every
    thousand pairs and at the end. Reads one consistent snapshot of the database. With
    ``allow_empty=False`` an export with no pair writes nothing and sets ``result.empty``.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if status not in STATUSES:
        raise UserError(f"unknown --status {status!r}; choose confirmed or all")
    if lang is not None and lang not in ("ar", "fr"):
        raise UserError(f"unknown --lang {lang!r}; choose ar or fr (English articles are not exported)")
    target = check_target(out_path, force)
    _not_the_database(conn, target)
    langs = languages(lang)
    result = ExportResult(path=target, format=fmt, status=status, langs=langs)
    writer, open_args = FORMATS[fmt]

    with transaction(conn, write=False):  # one read snapshot for the counts and the stream
        result.total = count_pairs(conn, langs)
        if lang is None:
            result.english_articles = conn.execute(
                "SELECT count(*) FROM articles WHERE lang = 'en'").fetchone()[0]
        present = present_languages(conn, langs)
        counts = PairCounts()
        source = iter_pairs(conn, status, langs, counts, yield_skipped=True)
        stream = _watch(source, result.total, on_progress, cancel)
        options = {"canonical": canonical}
        if fmt == "tmx":
            options.update(srclang=present[0] if len(present) == 1 else (lang or "*all*"), created=now())
        try:
            with AtomicFile(target, force=force, **open_args) as fh:
                writer(fh, stream, **options)
                if counts.pairs == 0 and not allow_empty:
                    raise _Empty
        except _Cancelled:
            result.cancelled = True
            return result
        except _Empty:
            result.empty = True  # the file was not written
        finally:
            stream.close()
            source.close()
    for name in ("pairs", "untranslated", "no_english", "source_spans", "english_spans", "dropped_spans"):
        setattr(result, name, getattr(counts, name))
    if on_progress:
        on_progress(result.total, result.total)
    return result


def _not_the_database(conn: sqlite3.Connection, target: Path) -> None:
    """Refuse an output path that is the database itself (``--force`` would replace it)."""
    for _, name, filename in conn.execute("PRAGMA database_list"):
        if filename and name == "main":
            db_file = Path(filename).resolve()
            if target.resolve() in (db_file, db_file.with_name(db_file.name + "-wal")):
                raise UserError(f"{target}: is the workbench database itself; choose another file name")


def _watch(pairs: Iterator[SentencePair | None], total: int, on_progress: Callable[[int, int], None] | None,
           cancel: CancelFlag | None) -> Iterator[SentencePair]:
    """Pass exported pairs through, reporting progress and stopping when the cancel flag is set.

    ``pairs`` yields None for each skipped pair, so progress and cancel work while nothing is written.
    """
    visited = 0
    for pair in pairs:
        if cancel is not None and visited % CANCEL_EVERY == 0 and cancel.is_set():
            raise _Cancelled
        visited += 1
        if on_progress is not None and visited % PROGRESS_EVERY == 0:
            on_progress(min(visited, total), total)
        if pair is not None:
            yield pair
    if cancel is not None and cancel.is_set():
        raise _Cancelled
