"""A pane of Rich content that scrolls by itself: a new renderable is shown without a layout pass."""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget

DIM = Style(dim=True)


class ScrollPane(Widget):
    """Draws its renderable at its own width and shows the lines that fit, from ``top``.

    Textual's scrolling would set a virtual size, and each change of it costs a layout pass of the whole
    screen: the review pane changes on every key. Here the widget keeps its size; what does not fit is
    said on its last line (``↓ 9 more lines``), the one above on its first, and ``scroll`` moves the view.
    """

    DEFAULT_CSS = "ScrollPane { height: 1fr; }"

    def __init__(self, *, hint: str = "", id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.hint = hint
        """The keys that scroll, said on the line that marks more content (``J``)."""
        self.renderable: RenderableType = Text("")
        self.top = 0
        """The first line shown."""
        self._lines: list[list[Segment]] | None = None
        self._width = -1
        self._view: list[Strip] | None = None

    def update(self, renderable: RenderableType, *, keep_top: bool = False) -> None:
        """Show ``renderable`` from its top (``keep_top``: where the view was, the same item again)."""
        self.renderable = renderable
        self._lines = None
        if not keep_top:
            self.top = 0
        self._changed()

    def _changed(self) -> None:
        self._view = None
        self.refresh()

    @property
    def lines(self) -> list[list[Segment]]:
        """The renderable drawn at the pane's width (drawn again when the width changes)."""
        width = self.size.width
        if self._lines is None or width != self._width:
            console = self.app.console
            options = console.options.update(width=max(1, width), height=None, highlight=False)
            self._lines = console.render_lines(self.renderable, options, pad=False)
            self._width = width
        return self._lines

    @property
    def max_top(self) -> int:
        """The last first line: the end of the content on the pane's last row."""
        return max(0, len(self.lines) - self.size.height)

    def scroll(self, by: int) -> bool:
        """Move the view by ``by`` lines (a page: ``page``); False when it cannot move that way."""
        top = max(0, min(self.max_top, self.top + by))
        if top == self.top:
            return False
        self.top = top
        self._changed()
        return True

    @property
    def page(self) -> int:
        """Lines a page moves: the last line in sight before is in sight after (the edge rows say
        what is above and below)."""
        return max(1, self.size.height - 3)

    def render_line(self, y: int) -> Strip:
        if self._view is None or len(self._view) != self.size.height:
            self._view = self._rows()
        return self._view[y] if y < len(self._view) else Strip.blank(self.size.width, self.rich_style)

    def _rows(self) -> list[Strip]:
        """The rows on screen, drawn once per change (``render_line`` is asked for each row)."""
        lines, (width, height), base = self.lines, self.size, self.rich_style
        self.top = min(self.top, self.max_top)  # the pane grew or the content shrank
        rows = [Strip(line).apply_style(base).adjust_cell_length(width, base)
                for line in lines[self.top:self.top + height]]
        rows += [Strip.blank(width, base)] * (height - len(rows))
        hint = f" · {self.hint}" if self.hint else ""
        if self.top:  # the first row says what is above, in place of a line
            rows[0] = self._note(f"↑ {self.top + 1} lines above{hint}", width, base)
        below = len(lines) - (self.top + height - 1)  # lines from the last row on
        if below > 1 and height:
            rows[-1] = self._note(f"↓ {below} more lines{hint}", width, base)
        return rows

    def _note(self, text: str, width: int, base: Style) -> Strip:
        line = Text(text, style=DIM, no_wrap=True, overflow="ellipsis", end="")
        line.truncate(width, overflow="ellipsis")
        return Strip(list(line.render(self.app.console))).apply_style(base).adjust_cell_length(width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._view = None  # the pane's colours changed (a theme)

    def on_resize(self, event: events.Resize) -> None:
        self._changed()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.scroll(3):
            event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self.scroll(-3):
            event.stop()
