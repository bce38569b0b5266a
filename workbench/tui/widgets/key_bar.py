"""The key lines at the bottom of every screen: the keys that work here, as text (one line when they fit)."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget


DIM = Style(dim=True)
BAR = "│ "
"""Sets the command palette's key apart from the screen's keys."""


class KeyBar(Widget):
    """What Textual's compact footer shows (the active keys, a group's keys together), drawn as text
    instead of a widget per key: a screen mounts, and a change of focus redraws, in far less time. When
    the keys do not fit one line (80 columns) they take two or more, a key never apart from its label.
    A click on a key presses it."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; background: $footer-background; color: $footer-foreground; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; background: $footer-description-background; }
    """

    def __init__(self, *, palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.palette = palette
        """Show the command palette's key too, last."""
        self._keys: list[tuple[int, int, int, str]] = []  # (line, first cell, end, key) of each key drawn
        self._height = 1  # lines the last layout gave

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen) -> None:
        if screen is self.screen:
            lines = len(self._lines(self.size.width))
            self.refresh(layout=lines != self._height)  # a layout pass only when the height changes

    def _items(self) -> list[list[tuple[str, Style | None, str | None]]]:
        """The keys as items that stay on one line: each a list of (text, style, key pressed on a click)."""
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        by_action: defaultdict[str, list] = defaultdict(list)
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))

        def key(binding, enabled: bool) -> tuple:
            return self.app.get_key_display(binding), key_style if enabled else key_style + DIM, binding.key

        items = []
        for group, members in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            members = list(members)
            if group is not None and len(members) > 1:
                item = []
                for n, bindings in enumerate(members):
                    item += [(" ", None, None)] if n else []
                    item.append(key(*bindings[0]))
                items.append(item + [(f" {group.description.strip()} ", description_style, None)])
            else:
                for bindings in members:
                    binding, enabled = bindings[0]
                    items.append([key(binding, enabled), (f" {binding.description} ", description_style, None)])
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            items.append([(BAR, description_style, None), key(palette[1], palette[2]),
                          (f" {palette[1].description}", description_style, None)])
        return items

    def _lines(self, width: int) -> list[list]:
        """The items laid out in lines of ``width`` cells (one line when it fits or the width is unknown).
        The palette's key alone on a line of its own is left out: a line of the screen for a key that
        the help (?) lists too."""
        lines: list[list] = [[]]
        used = 0
        for item in self._items():
            size = sum(cell_len(text) for text, _, _ in item)
            if lines[-1] and width and used + size - _trailing(item) > width:  # its last blank may be cut
                lines.append([])
                used = 0
            lines[-1].append(item)
            used += size
        if len(lines) > 1 and len(lines[-1]) == 1 and lines[-1][0][0][0] == BAR:
            lines.pop()
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        self._height = len(self._lines(width))
        return self._height

    def render(self) -> Text:
        out, self._keys = Text(no_wrap=True, overflow="ellipsis", end=""), []
        for number, line in enumerate(self._lines(self.size.width)):
            if number:
                out.append("\n")
            start = out.cell_len
            for item in line:
                for text, style, key in item:
                    if key is not None:
                        at = out.cell_len - start
                        self._keys.append((number, at, at + cell_len(text), key))
                    out.append(text, style)
        return out

    def on_click(self, event: events.Click) -> None:
        for line, start, end, key in self._keys:
            if line == event.y and start <= event.x < end:
                self.app.simulate_key(key)
                return


def _trailing(item: list) -> int:
    """Blank cells at the end of an item."""
    text = item[-1][0]
    return len(text) - len(text.rstrip(" "))
