"""A sentence as Rich text with its names highlighted by link status (pure function)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

LOOKS: dict[str, Style] = {
    "confirmed": Style(color="green", bold=True, underline=True),
    "suggested": Style(color="yellow", bold=True, underline=True),
    "unknown": Style(color="magenta", bold=True, underline=True),
    "dismissed": Style(dim=True),  # not a name: set apart from the names, but still a mention to step to
}
"""Highlight per mention look (see ``workbench.tui.state.article.status_class``)."""
FOCUS = Style(reverse=True)
"""Added to the mention that has focus."""


def highlight(text: str, spans: Sequence[tuple[int, int, str]], focus: int | None = None,
              looks: dict[str, Style] = LOOKS) -> Text:
    """``text`` with each ``(start, end, look)`` span styled; span number ``focus`` also reversed.

    Spans outside the text are ignored (inconsistent data must not break the view).
    """
    out = Text(text)
    for n, (start, end, look) in enumerate(spans):
        if not 0 <= start < end <= len(text):
            continue
        style = looks.get(look, looks["unknown"])
        if n == focus:
            style = style + FOCUS
        out.stylize(style, start, end)
    return out
