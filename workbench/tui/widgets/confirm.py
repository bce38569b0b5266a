"""A yes/no dialog: the confirm step before undoing or changing a decision, deleting, merging."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui import keys


class ConfirmDialog(ModalScreen[bool]):
    """Asks one question; ``y`` / enter answers yes, ``n`` / esc answers no."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; background: $background 60%; }
    ConfirmDialog > Vertical { width: 72; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
                               border: thick $warning; background: $surface; padding: 1 2; }
    ConfirmDialog .question { text-style: bold; }
    """
    BINDINGS = [b for b in keys.bindings("dialog") if b.action in ("yes", "no", "cancel")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question")
            if self.detail:
                yield Static(self.detail)
            yield Static("y / enter: yes     n / esc: no", classes="hint")

    def on_key(self, event) -> None:
        if event.key == "enter":
            event.stop()
            self.dismiss(True)

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)
