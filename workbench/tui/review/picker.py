"""The entity picker (correct): the mention's candidates first, then search-as-you-type in any script."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.tui import keys
from workbench.tui.render.arabic import display_line
from workbench.tui.widgets.live_input import LiveInput


@dataclass(frozen=True)
class Choice:
    """An entity the picker offers."""

    entity_id: str
    canonical: str
    score: float
    variant: str
    why: str


def option(choice: Choice, bidi: str = "shape") -> Option:
    label = Text.assemble((f"{choice.score:4.2f} ", "yellow"), (choice.canonical, "bold"),
                          (f"  [{choice.entity_id}]", "dim"))
    if choice.variant:
        label.append(f"  via {display_line(choice.variant, bidi)}", style="italic")
    if choice.why:
        label.append(f"  · {display_line(choice.why, bidi)}", style="dim")
    return Option(label, id=choice.entity_id)


class EntityPicker(ModalScreen[str | None]):
    """Returns the chosen entity id, or None."""

    CSS_PATH = "review.tcss"
    BINDINGS = keys.bindings("picker")

    def __init__(self, surface: str, initial: list[Choice]) -> None:
        super().__init__()
        self.surface = surface
        self.initial = initial
        self.choices: list[Choice] = list(initial)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(f"Link “{display_line(self.surface, self.app.bidi)}” to which entity?", classes="pane-title")
            yield LiveInput(placeholder="type a name in any script: kazimi finds الكاظمي", id="picker-input",
                            on_value=self.search)
            yield OptionList(*[option(c, self.app.bidi) for c in self.choices], id="picker-list")
            yield Static("enter: choose   ↑↓: move   esc: cancel", id="picker-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.choices:
            self.query_one(OptionList).highlighted = 0
        if not self.app.names.current:  # never built, or the glossary changed since
            if not self.app.names.ready:
                self.query_one("#picker-hint", Static).update("building the name index… (candidates shown meanwhile)")
            self.app.ensure_names(then=self._index_ready)

    def _index_ready(self) -> None:
        if self.is_attached:
            self.query_one("#picker-hint", Static).update("enter: choose   ↑↓: move   esc: cancel")
            self.search(self.query_one(Input).value)

    def search(self, text: str) -> None:
        """Search-as-you-type: synchronous, the index answers in milliseconds."""
        if text.strip():
            found = self.app.names.search(text, limit=20)
            self.choices = [Choice(c.entity_id, c.canonical, c.score, c.variant, c.why) for c in found]
        else:
            self.choices = list(self.initial)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([option(c, self.app.bidi) for c in self.choices])
        if self.choices:
            options.highlighted = 0

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self.choices:
            self.dismiss(self.choices[options.highlighted].entity_id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
