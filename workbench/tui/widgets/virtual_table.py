"""A list of rows read a page at a time from a source: only the rows on screen are ever rendered."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui import keys
from workbench.tui.render.arabic import display_line, fit


class RowSource(Protocol):
    """Where rows come from: a count and a page of rows."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int) -> Sequence[Any]: ...


@dataclass(frozen=True)
class Column:
    """A column: its title, its width in cells (0: the rest of the line) and alignment."""

    title: str
    width: int = 0
    align: str = "left"


Cell = str | Text
SIZE_STEP = 32


class VirtualTable(ScrollView, can_focus=True):
    """Rows from a ``RowSource``, a page at a time; a cursor; ``Highlighted`` and ``Selected`` messages."""

    BINDINGS = keys.bindings("table")
    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor", "virtual-table--empty"}
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; overflow-x: hidden; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $surface-lighten-2; }
    VirtualTable:focus > .virtual-table--cursor { background: $accent 60%; text-style: bold; }
    VirtualTable > .virtual-table--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=False)
    """Index of the highlighted row."""

    class _RowMessage(Message):
        def __init__(self, table: VirtualTable, index: int, row: Any) -> None:
            super().__init__()
            self.table, self.index, self.row = table, index, row

        @property
        def control(self) -> VirtualTable:
            return self.table

    class Highlighted(_RowMessage):
        """The cursor moved to another row."""

    class Selected(_RowMessage):
        """Enter (or a click on the highlighted row) on a row."""

    def __init__(self, columns: Sequence[Column], cells: Callable[[Any], Sequence[Cell]], *,
                 page_size: int = 100, empty: str = "Nothing to show.", bidi: str = "shape",
                 row_key: Callable[[Any], Hashable] | None = None,
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.cells = cells
        self.page_size = page_size
        self.empty = empty
        self.bidi = bidi
        self.row_key = row_key
        """What identifies a row's look (its content): rendered lines are then reused across reloads."""
        self.source: RowSource | None = None
        self.total = 0
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._lines: dict[tuple, Strip] = {}

    # ---- data ----------------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column], cells: Callable[[Any], Sequence[Cell]], *,
                    row_key: Callable[[Any], Hashable] | None = None, empty: str | None = None) -> None:
        """Show other columns (another kind of row): the rendered lines are forgotten."""
        self.columns, self.cells, self.row_key = list(columns), cells, row_key
        self.empty = self.empty if empty is None else empty
        self._lines.clear()

    def set_source(self, source: RowSource, *, cursor: int = 0) -> None:
        self.source = source
        self.reload(cursor=cursor)

    def reload(self, *, cursor: int | None = None) -> None:
        """Forget cached rows, re-count, and keep the cursor (or move it to ``cursor``)."""
        self._pages.clear()
        if self.row_key is None:
            self._lines.clear()
        self.total = self.source.count() if self.source else 0
        self._set_virtual_size(self.size.width)
        target = self.cursor if cursor is None else cursor
        target = max(0, min(target, self.total - 1))
        if target == self.cursor:
            self._announce()
        else:
            self.cursor = target
        self._scroll_to_cursor()
        self.refresh()

    def row_at(self, index: int) -> Any | None:
        if self.source is None or not 0 <= index < self.total:
            return None
        page_no = index // self.page_size
        page = self._pages.get(page_no)
        if page is None:
            page = self.source.fetch(page_no * self.page_size, self.page_size)
            self._pages[page_no] = page
            if len(self._pages) > 50:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = index - page_no * self.page_size
        return page[offset] if offset < len(page) else None

    @property
    def row(self) -> Any | None:
        """The highlighted row, if any."""
        return self.row_at(self.cursor)

    # ---- cursor --------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, max(self.total - 1, 0)))

    def watch_cursor(self, old: int, new: int) -> None:
        top = round(self.scroll_y)
        self._scroll_to_cursor()
        if round(self.scroll_y) == top:  # the rows stay where they are: only the two that change are drawn
            self.refresh_row(old)
            self.refresh_row(new)
        else:
            self.refresh()
        self._announce()

    def refresh_row(self, index: int) -> None:
        """Draw one row again (its look changed: the cursor, a "saving…" mark)."""
        self.refresh_lines(index + 1)  # the header is line 0

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self, self.cursor, self.row))

    @property
    def _body_height(self) -> int:
        return max(1, self.size.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self._body_height:
            self.scroll_to(y=self.cursor - self._body_height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self._body_height

    def action_page_up(self) -> None:
        self.cursor -= self._body_height

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.total - 1

    def action_select(self) -> None:
        if self.row is not None:
            self.post_message(self.Selected(self, self.cursor, self.row))

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < self.total:
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_select()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self._set_virtual_size(event.size.width)
        self._scroll_to_cursor()

    def _set_virtual_size(self, width: int) -> None:
        """Rows plus the header; rounded up to a multiple of ``SIZE_STEP`` when the list scrolls.

        A change of virtual size costs a layout pass of the whole screen; deciding one item of the
        review queue (one row fewer) must not pay it every time.
        """
        height = self.total + 1
        if height > self.size.height:  # it scrolls anyway: a few blank rows at the end cost nothing
            height = -(-height // SIZE_STEP) * SIZE_STEP
        if self.virtual_size != Size(width, height):
            self.virtual_size = Size(width, height)

    # ---- rendering -----------------------------------------------------------------------------

    def _widths(self, width: int) -> list[int]:
        fixed = sum(c.width for c in self.columns) + len(self.columns) - 1
        flexible = [c for c in self.columns if not c.width]
        rest = max(4, (width - fixed) // max(1, len(flexible)))
        return [c.width or rest for c in self.columns]

    def _compose_line(self, cells: Sequence[Cell], widths: list[int]) -> Text:
        line = Text(no_wrap=True, end="")
        for n, (cell, column, width) in enumerate(zip(cells, self.columns, widths)):
            if isinstance(cell, Text):
                text = cell.copy()
            else:
                text = Text(display_line(fit(str(cell), width), self.bidi))
            text.truncate(width, overflow="ellipsis")
            if column.align == "right":
                text.align("right", width)
            else:
                text.pad_right(width - text.cell_len)
            if n:
                line.append(" ")
            line.append_text(text)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            key = ("header", width)
            if key not in self._lines:
                header = self._compose_line([c.title for c in self.columns], self._widths(width))
                style = self.get_component_rich_style("virtual-table--header")
                self._lines[key] = self._strip(header, width, base + style)
            return self._lines[key]
        index = round(self.scroll_y) + y - 1
        if self.total == 0 and y == 1:
            style = self.get_component_rich_style("virtual-table--empty")
            return self._strip(Text(" " + self.empty), width, base + style)
        if index >= self.total:
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        row = self.row_at(index)
        ident = self.row_key(row) if self.row_key is not None and row is not None else index
        key = (ident, is_cursor, width, is_cursor and self.has_focus)  # focus shows on the cursor row only
        strip = self._lines.get(key)
        if strip is None:
            line = self._compose_line(self.cells(row), self._widths(width)) if row is not None else Text()
            style = base + self.get_component_rich_style("virtual-table--cursor") if is_cursor else base
            strip = self._strip(line, width, style)
            if len(self._lines) > 2000:
                self._lines.clear()
            self._lines[key] = strip
        return strip

    def _strip(self, text: Text, width: int, style) -> Strip:
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(style).adjust_cell_length(width, style)

    def on_focus(self) -> None:
        self.refresh_row(self.cursor)  # the cursor row's look follows focus; the other rows stay

    def on_blur(self) -> None:
        self.refresh_row(self.cursor)
