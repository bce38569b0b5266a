"""The key line at the bottom of every screen: the keys that work here, as one line of text."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget


DIM = Style(dim=True)


class KeyBar(Widget):
    """What Textual's compact footer shows (the active keys, a group's keys together), drawn as one line
    of text instead of a widget per key: a screen mounts, and a change of focus redraws, in far less
    time. A click on a key presses it."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; background: $footer-description-background; }
    """

    def __init__(self, *, palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.palette = palette
        """Show the command palette's key too, last."""
        self._keys: list[tuple[int, int, str]] = []  # (first cell, end, key) of each key drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen) -> None:
        if screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        by_action: defaultdict[str, list] = defaultdict(list)
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        line, self._keys = Text(no_wrap=True, overflow="ellipsis", end=""), []

        def key(binding, enabled: bool) -> None:
            start = line.cell_len
            line.append(self.app.get_key_display(binding), key_style if enabled else key_style + DIM)
            self._keys.append((start, line.cell_len, binding.key))

        for group, members in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            members = list(members)
            if group is not None and len(members) > 1:
                for n, bindings in enumerate(members):
                    line.append(" " if n else "")
                    key(*bindings[0])
                line.append(f" {group.description.strip()} ", description_style)
            else:
                for bindings in members:
                    binding, enabled = bindings[0]
                    key(binding, enabled)
                    line.append(f" {binding.description} ", description_style)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            line.append("│ ", description_style)
            key(palette[1], palette[2])
            line.append(f" {palette[1].description}", description_style)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
