"""Exports of the aligned corpus (TMX, JSONL, CSV): streamed, atomic, with progress and cancel."""

from workbench.export.corpus import FORMATS, ExportResult, export_corpus

__all__ = ["FORMATS", "ExportResult", "export_corpus"]
