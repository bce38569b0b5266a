"""Glossary forms: an entity (add / edit) and a variant (add); validation errors shown in place."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from workbench.errors import UserError
from workbench.tui import keys
from workbench.tui.render.arabic import display_line
from workbench.tui.widgets.bidi_input import BidiInput

TYPES = ("person", "place", "org", "other")
LANGS = ("ar", "fr", "en")


class _Form(ModalScreen[bool]):
    """A form whose ``save`` callback may raise (``UserError``, or the database's own error): the message
    stays in the form."""

    CSS_PATH = "glossary.tcss"
    BINDINGS = [b for b in keys.bindings("dialog") if b.action in ("submit", "cancel")]

    def __init__(self, title: str, save: Callable[[dict], object]) -> None:
        super().__init__()
        self.title_text = title
        self.save = save

    def fields(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.title_text, classes="pane-title")
            yield from self.fields()
            yield Static("", id="form-error", classes="error")
            yield Static("ctrl+s / enter: save   esc: cancel   tab: next field", classes="hint")

    def values(self) -> dict:
        out = {}
        for widget in self.query("Input, Select"):
            if widget.id:
                value = widget.value
                out[widget.id.removeprefix("f-")] = value.strip() if isinstance(value, str) else value
        return out

    def on_input_submitted(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        try:
            self.save(self.values())
        except Exception as exc:  # noqa: BLE001 - said in place (an English sentence, maybe quoting Arabic)
            message = str(exc) if isinstance(exc, UserError) else f"not saved: {type(exc).__name__}: {exc}"
            self.query_one("#form-error", Static).update(display_line(message, self.app.bidi, rtl=False))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class EntityForm(_Form):
    """Id (when adding), canonical English name, type, Wikidata id, note."""

    def __init__(self, title: str, save: Callable[[dict], object], entity: dict | None = None) -> None:
        super().__init__(title, save)
        self.entity = entity or {}

    def fields(self) -> ComposeResult:
        e = self.entity
        if not e:
            yield Static("Id (lower-case words with hyphens, e.g. tal-afar)")
            yield BidiInput(id="f-id")
        yield Static("Canonical English name")
        yield BidiInput(e.get("canonical") or "", id="f-canonical")
        yield Static("Type")
        yield Select([(t, t) for t in TYPES], value=e.get("type") or "other", allow_blank=False, id="f-type")
        yield Static("Wikidata id (optional, e.g. Q12345)")
        yield BidiInput(e.get("wikidata") or "", id="f-wikidata")
        yield Static("Note (optional)")
        yield BidiInput(e.get("note") or "", id="f-note")

    def on_mount(self) -> None:
        self.query(Input).first().focus()


class VariantForm(_Form):
    """Language and spelling of a new variant."""

    def __init__(self, title: str, save: Callable[[dict], object], lang: str = "ar") -> None:
        super().__init__(title, save)
        self.lang = lang

    def fields(self) -> ComposeResult:
        yield Static("Language")
        yield Select([(lang, lang) for lang in LANGS], value=self.lang, allow_blank=False, id="f-lang")
        yield Static("Spelling")
        yield BidiInput(id="f-text")

    def on_mount(self) -> None:
        self.query_one("#f-text", Input).focus()
