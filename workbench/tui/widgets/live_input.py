"""An input that hands every new value to a callback at once, so results show in the same frame."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.widgets import Input

from workbench.tui.widgets.bidi_input import BidiInput


class LiveInput(BidiInput):
    """``Input`` whose ``on_value(value)`` runs inside the keystroke (no message round trip).

    Search-as-you-type through ``Input.Changed`` repaints twice: the typed letter first, the results a
    frame or two later. ``watch_value`` (Textual's public watcher of the ``value`` reactive, run right
    after ``Input``'s own) puts both in one screen update; ``Input.Changed`` is still posted. Arabic is
    drawn as ``BidiInput`` draws it.

    ``content_width`` is at least the box width, so the virtual size ``Input`` derives from it stays the
    same until the text outgrows the box: each change of virtual size costs a layout pass of the screen.
    """

    def __init__(self, *args, on_value: Callable[[str], None] | None = None, **kwargs) -> None:
        self.on_value = on_value  # before Input sets its value (an initial value calls the watcher)
        super().__init__(*args, **kwargs)

    @property
    def content_width(self) -> int:
        """The text's width (plus the cursor cell), but never less than the box."""
        return max(super().content_width, self.scrollable_content_region.width)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """An auto width still follows the text alone."""
        return Input.content_width.fget(self)

    def watch_value(self, value: str) -> None:
        if self.on_value is not None and self.is_mounted:
            self.on_value(value)
