"""Limits on what one imported file may hold, with defaults, environment overrides and CLI options.

Every limit is checked before the expensive step it protects; a file over a limit is rejected with one
line and the run goes on. Documented in the README (Import).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, fields

from workbench.errors import UserError
from workbench.store.reading import default_max_size, parse_size

# environment variable -> field; the file size one is read by workbench.store.reading
ENV = {
    "WORKBENCH_MAX_JSON_DEPTH": "max_json_depth",
    "WORKBENCH_MAX_HTML_SIZE": "max_html_size",
    "WORKBENCH_MAX_HTML_ELEMENTS": "max_html_elements",
}


@dataclass(frozen=True)
class Limits:
    """What one file may hold."""

    max_file_size: int = 50 * 1024 * 1024  # bytes, any file
    max_json_depth: int = 100  # nesting of arrays and objects in one JSONL line
    max_html_size: int = 10 * 1024 * 1024  # bytes of HTML handed to the extractor
    max_html_elements: int = 50_000  # tags in one HTML file (tiny-paragraph bombs take minutes)

    @property
    def max_number_digits(self) -> int:
        """Longest integer in JSON: Python's own conversion limit (4300 digits by default)."""
        return sys.get_int_max_str_digits() or 0


def from_env(**overrides: int | None) -> Limits:
    """The defaults, then ``WORKBENCH_MAX_*`` variables, then the non-None ``overrides`` (CLI options)."""
    values: dict[str, int] = {"max_file_size": default_max_size()}
    for var, name in ENV.items():
        raw = os.environ.get(var)
        if raw:
            try:
                values[name] = parse_size(raw) if name.endswith("_size") else _count(raw)
            except ValueError:
                raise UserError(f"{var}={raw!r}: not a valid limit; give a positive number") from None
    known = {f.name for f in fields(Limits)}
    for name, value in overrides.items():
        if name not in known:
            raise TypeError(name)
        if value is not None:
            values[name] = value
    return Limits(**values)


def _count(raw: str) -> int:
    value = int(raw.strip().replace("_", ""))
    if value <= 0:
        raise ValueError(raw)
    return value


DEFAULT = Limits()
