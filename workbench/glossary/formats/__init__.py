"""Glossary file formats by name: reader, writer and file suffixes (one line per format).

A checker is ``check(path) -> (list[Entity], list[Problem])`` (every problem, the rules of
``workbench.glossary.rules``), a writer ``write(entities, path)``; both are given as
``"module:function"`` and imported only when used. ``read`` is the check that raises on any problem.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError


@dataclass(frozen=True)
class Format:
    """One glossary file format."""

    name: str
    suffixes: tuple[str, ...]
    checker: str | None  # "module:function"
    writer: str | None
    carries_not_names: bool = False  # [[not_a_name]] tables (workbench.glossary.not_names)

    def check(self, path):
        """(entities, problems) of one file; an unreadable file is a UserError."""
        if not self.checker:
            raise UserError(f"{path}: the {self.name} format can be written but not read")
        try:
            return _function(self.checker)(path)
        except RecursionError:  # a parser recursing into absurd nesting: that file's one line
            raise UserError(f"{path}: nested too deeply to read; not a glossary file?") from None

    def read(self, path):
        """The entities of one file; any problem (all of them listed) is a UserError."""
        from workbench.glossary.rules import report

        entities, problems = self.check(path)
        if problems:
            raise UserError(report(problems))
        return entities

    def write(self, entities, path, force: bool = True, not_names=()) -> None:
        """Write the entities (and the non-names, in a format that carries them: TOML)."""
        if not self.writer:
            raise UserError(f"{path}: the {self.name} format can be read but not written")
        extra = {"not_names": not_names} if self.carries_not_names else {}
        _function(self.writer)(entities, path, force=force, **extra)


FORMATS: dict[str, Format] = {}


def register(name: str, suffixes: tuple[str, ...], checker: str | None, writer: str | None,
             carries_not_names: bool = False) -> None:
    FORMATS[name] = Format(name, suffixes, checker, writer, carries_not_names)


register("toml", (".toml",), "workbench.glossary.formats.toml:check_toml", "workbench.glossary.formats.toml:write_toml",
         carries_not_names=True)
register("csv", (".csv",), "workbench.glossary.formats.csv:check_csv", "workbench.glossary.formats.csv:write_csv")
register("tbx", (".tbx",), "workbench.glossary.formats.tbx:check_tbx", "workbench.glossary.formats.tbx:write_tbx")
# one file per source language: names.txt -> names.ar.txt + names.fr.txt (names.ar.txt -> that file only)
register("omegat", (".txt", ".tab", ".utf8"), "workbench.glossary.formats.omegat:check_omegat",
         "workbench.glossary.formats.omegat:write_omegat")


def _function(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def names() -> list[str]:
    return sorted(FORMATS)


def for_path(path: str | Path, name: str | None = None) -> Format:
    """The format named ``name``, else the one the file's suffix says."""
    if name:
        found = FORMATS.get(name)
        if found is None:
            raise UserError(f"unknown glossary format {name!r}; known: {', '.join(names())}")
        return found
    suffix = "".join(Path(path).suffixes[-1:]).lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise UserError(f"{path}: cannot tell the glossary format from the suffix {suffix or '(none)'!r}; "
                    f"use one of {known} or pass --format {'|'.join(names())}")
