"""The one-line status of a screen: Arabic in it shaped and in reading order, as the app shows Arabic."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.tui.render.arabic import TERMINAL, display_text


class StatusLine(Static):
    """``say`` a message (plain or styled); ``app.bidi`` decides who orders the Arabic in it."""

    def say(self, message: str | Text, style: str = "") -> None:
        text = Text(message, style=style) if isinstance(message, str) else message.copy()
        text.no_wrap, text.overflow = True, "ellipsis"  # one line: a cut shows as …, never a hidden second line
        self.update(display_text(text, getattr(self.app, "bidi", TERMINAL)), layout=False)
