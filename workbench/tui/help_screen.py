"""The help screen (``?``): every key of the current screen first, then all the others."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workbench.tui import keys


def keys_table(scopes: list[str]) -> Table:
    """A Rich table of the actions in ``scopes`` (pure: used by the screen and its tests)."""
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    table.add_column("keys", style="bold", no_wrap=True, min_width=18)
    table.add_column("action")
    for scope in scopes:
        table.add_row(Text(keys.SCOPES[scope], style="bold underline"), "")
        for action in keys.actions(scope):
            table.add_row(action.display, action.description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """All keys, those of the screen below first."""

    CSS_PATH = "help_screen.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close"),
                Binding("j,down", "scroll('down')", show=False), Binding("k,up", "scroll('up')", show=False)]

    def __init__(self, below: Screen | None = None) -> None:
        super().__init__()
        scopes = list(getattr(below, "KEY_SCOPES", {}))
        self.scopes = scopes + [s for s in keys.SCOPES if s not in scopes]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys  ·  esc closes  ·  docs/keyboard.md has the same list", classes="pane-title")
            yield Static(keys_table(self.scopes))

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=3 if direction == "down" else -3, animate=False)
