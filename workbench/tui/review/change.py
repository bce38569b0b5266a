"""Choosing the new decision for a history entry (then a confirm step asks before it is applied)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui import keys
from workbench.tui.render.arabic import display_line


class ChangeDialog(ModalScreen[str | None]):
    """Returns confirm / reject / unsure / correct, or None."""

    CSS_PATH = "review.tcss"
    BINDINGS = keys.bindings("change")

    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        row = self.row
        with Vertical(id="change"):
            yield Static(display_line(f"Change “{row.get('surface')}”: now {row['action']}"
                                      f"{' → ' + row['entity_id'] if row.get('entity_id') else ''}",
                                      self.app.bidi, rtl=False), classes="pane-title")
            if row.get("mentions", 1) > 1:
                yield Static(f"This was a bulk decision on {row['mentions']} mentions; the change applies to "
                             "this mention only (z undoes the whole batch).", classes="hint")
            yield Static("y confirm   n reject   u unsure   c correct…   esc cancel")

    def action_pick(self, action: str) -> None:
        self.dismiss(action)

    def action_cancel(self) -> None:
        self.dismiss(None)
