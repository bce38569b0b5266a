"""The status of a screen: Arabic in it shaped and in reading order, as the app shows Arabic; a long
message (an error on a narrow terminal) takes up to three lines instead of being cut."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from workbench.tui.render.arabic import TERMINAL, display_text, reorders

MOST_LINES = 3


class StatusLine(Static):
    """``say`` a message (plain or styled); ``app.bidi`` decides who orders the Arabic in it."""

    _said: Text | None = None

    def say(self, message: str | Text, style: str = "") -> None:
        text = Text(message, style=style) if isinstance(message, str) else message.copy()
        self._said = text.copy()  # said again on a resize
        lines = self._lines(text)
        text.no_wrap, text.overflow = lines == 1, "ellipsis"  # past the last line: a cut shows as …
        self.update(display_text(text, getattr(self.app, "bidi", TERMINAL)), layout=False)
        if self.styles.height is None or self.styles.height.value != lines:
            self.styles.height = lines  # a layout pass only when the height changes

    def _lines(self, text: Text) -> int:
        """Lines the message takes at this width: one, or up to ``MOST_LINES`` for a long one (not for one
        whose Arabic the workbench orders: that order holds within one line)."""
        width = self.content_size.width or self.size.width
        if not width or text.cell_len <= width or reorders(text.plain, getattr(self.app, "bidi", TERMINAL)):
            return 1
        return min(MOST_LINES, len(text.wrap(self.app.console, width, no_wrap=False)))

    def on_resize(self, event: events.Resize) -> None:
        if self._said is not None and self._lines(self._said) != (self.styles.height.value if self.styles.height
                                                                  else 1):
            self.say(self._said)
