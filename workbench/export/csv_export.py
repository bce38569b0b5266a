"""Writes sentence pairs as a flat CSV for spreadsheets (UTF-8 with BOM, one row per pair), streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from workbench.corpus.pairs import Mention, SentencePair

SUFFIX = ".csv"
ENCODING = "utf-8-sig"  # the BOM makes Excel read UTF-8 (Arabic) instead of the local code page
COLUMNS = ["pair_id", "article_id", "article_title", "article_url", "article_date", "source_lang",
           "source", "english", "source_entities", "english_entities"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | None) -> str:
    """A text cell a spreadsheet will not run as a formula (leading ``= + - @`` get a ``'``)."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def entities(spans: list[Mention]) -> str:
    """``surface = Canonical [entity-id, status]`` for each span, joined with `` | ``."""
    parts = []
    for s in spans:
        name = f" = {s.canonical}" if s.canonical else ""
        ident = f"{s.entity_id}, " if s.entity_id else ""
        parts.append(f"{s.surface}{name} [{ident}{s.status or 'unlinked'}]")
    return " | ".join(parts)


def write_csv(fh: IO[str], pairs: Iterable[SentencePair], *, canonical: bool = False, **_: object) -> None:
    """Stream a header row and one row per pair to ``fh`` (opened with ``newline=''``)."""
    writer = csv.writer(fh, lineterminator="\r\n")
    columns = list(COLUMNS)
    if canonical:
        columns.insert(columns.index("english") + 1, "english_canonical")
    writer.writerow(columns)
    for pair in pairs:
        row = [pair.key, pair.article_id, cell(pair.title), cell(pair.url), cell(pair.date), pair.lang,
               cell(pair.source), cell(pair.english)]
        if canonical:
            row.append(cell(pair.canonical_english()[0]))
        row += [cell(entities(pair.source_mentions)), cell(entities(pair.english_mentions))]
        writer.writerow(row)
