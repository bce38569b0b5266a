"""An input that shows Arabic shaped and in reading order; its value stays in logical order."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input

from workbench.tui.render.arabic import TERMINAL, reorders, visual_cells


class BidiInput(Input):
    """``Input`` whose line (value or placeholder) is drawn through ``render.arabic.visual_cells``.

    Only the drawing changes (``render_line``, Textual's public line API): typing, the cursor position,
    selection and ``value`` are ``Input``'s, in logical order. Each character keeps its style, so the
    cursor and the selection stay on the letters they mark. With ``app.bidi == "terminal"`` (the ``b``
    key: the terminal does bidi itself) the line goes out untouched.
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        text = self.value or self.placeholder
        if y or self.password or not reorders(text, getattr(self.app, "bidi", TERMINAL)):
            return strip
        cells = [(ch, segment.style) for segment in strip for ch in segment.text]
        count = len(text) - (self.scroll_offset.x if self.value else 0)  # the visible characters of ``text``
        if count < len(cells) and cells[count][0] == " ":
            count += 1  # the cursor after the last letter: it goes where the line ends in reading order
        head = cells[:count]
        shown = visual_cells("".join(ch for ch, _ in head), [style for _, style in head]) + cells[count:]
        return Strip(Segment.simplify(Segment(ch, style) for ch, style in shown), strip.cell_length)
