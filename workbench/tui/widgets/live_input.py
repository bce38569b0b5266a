"""An input that hands every new value to a callback at once, so results show in the same frame."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.widgets import Input


class LiveInput(Input):
    """``Input`` whose ``on_value(value)`` runs inside the keystroke (no message round trip).

    Search-as-you-type through ``Input.Changed`` repaints twice: the typed letter first, the results a
    frame or two later. Calling back from the value watcher puts both in one screen update. The
    watcher also keeps the virtual width at the box width until the text outgrows it: Textual's own
    sets it to the text width, and each change of virtual size costs a layout pass of the screen.
    """

    def __init__(self, *args, on_value: Callable[[str], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_value = on_value

    def _watch_value(self, value: str) -> None:
        width = max(self.content_width, self.scrollable_content_region.width)
        if self.virtual_size != Size(width, 1):
            self.virtual_size = Size(width, 1)
        self._suggestion = ""
        if self.suggester and value:
            self.run_worker(self.suggester._get_suggestion(self, value))
        if self.styles.auto_dimensions:
            self.refresh(layout=True)
        validation = self.validate(value) if "changed" in self.validate_on else None
        if self.on_value is not None and self.is_mounted:
            self.on_value(value)
        self.post_message(self.Changed(self, value, validation))
