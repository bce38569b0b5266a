"""The short form behind ``a`` (new entity): canonical English name and type; errors shown in place."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from workbench.glossary.rules import canonical_problem
from workbench.text.fold import has_arabic
from workbench.tui import keys
from workbench.tui.render.arabic import display_line
from workbench.tui.widgets.bidi_input import BidiInput

TYPES = ("person", "place", "org", "other")


@dataclass(frozen=True)
class NewEntity:
    """What the form returns."""

    canonical: str
    type: str


class NewEntityForm(ModalScreen[NewEntity | None]):
    """Canonical name (prefilled with the proposal) and type; ctrl+s or enter saves, esc cancels."""

    CSS_PATH = "review.tcss"
    BINDINGS = [b for b in keys.bindings("dialog") if b.action in ("submit", "cancel")]

    def __init__(self, surface: str, canonical: str, etype: str = "other") -> None:
        super().__init__()
        self.surface = surface
        self.canonical = canonical
        self.etype = etype if etype in TYPES else "other"

    def compose(self) -> ComposeResult:
        with Vertical(id="new-entity"):
            yield Static(f"New entity for “{display_line(self.surface, self.app.bidi)}”", classes="pane-title")
            yield Static("Canonical English name")
            latin = not has_arabic(self.canonical)  # an Arabic spelling is no English name: the analyst types one
            yield BidiInput(self.canonical if latin else "", id="new-canonical",
                            placeholder="" if latin else "the English name, in Latin letters")
            yield Static("Type")
            yield Select([(t, t) for t in TYPES], value=self.etype, allow_blank=False, id="new-type")
            yield Static("", id="new-error", classes="error")
            yield Static("enter / ctrl+s: create and link   esc: cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#new-canonical", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        canonical = self.query_one("#new-canonical", Input).value.strip()
        if not canonical:
            self.show_error("The canonical name is empty: type the English name analysts should read.")
            return
        wrong = canonical_problem(canonical)
        if wrong:  # said here, the form still open: the decision would refuse it
            self.show_error(display_line(wrong[0].upper() + wrong[1:] + ".", self.app.bidi))
            return
        self.dismiss(NewEntity(canonical, str(self.query_one("#new-type", Select).value)))

    def show_error(self, message: str) -> None:
        self.query_one("#new-error", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)
