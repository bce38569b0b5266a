"""The glossary: entities and their spellings; search across scripts; add, edit, delete, merge."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from workbench.errors import UserError
from workbench.tui import after_work, keys
from workbench.tui.state.glossary import (EntityList, EntityRow, GlossaryEdits, VariantRow, entity_detail,
                                          learned_count, variants_of)
from workbench.tui.widgets.confirm import ConfirmDialog
from workbench.tui.widgets.live_input import LiveInput
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.status_line import StatusLine
from workbench.tui.widgets.virtual_table import Column, VirtualTable

ENTITY_COLUMNS = (Column("Canonical"), Column("Type", 6), Column("Id"), Column("Var.", 4, "right"),
                  Column("New", 3, "right"))
VARIANT_COLUMNS = (Column("Lang", 4), Column("Spelling"), Column("From", 10), Column("", 7))


def entity_cells(row: EntityRow) -> tuple:
    learned = Text(str(row.learned), style="bold cyan") if row.learned else Text("", style="dim")
    return (row.canonical, row.type, row.id, str(row.variants), learned)


def variant_cells(row: VariantRow) -> tuple:
    mark = Text("learned", style="bold cyan") if row.learned else ""
    return (row.lang, row.text, row.source, mark)


class VariantsSource:
    def __init__(self, rows: list[VariantRow]) -> None:
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def fetch(self, offset: int, limit: int) -> list[VariantRow]:
        return self.rows[offset:offset + limit]


class VariantsTable(VirtualTable):
    """The shown entity's spellings; ``x`` removes the highlighted one."""

    BINDINGS = keys.bindings("variants")

    def action_remove_variant(self) -> None:
        self.screen.remove_variant()

    def action_add_variant(self) -> None:
        self.screen.action_add_variant()

    def action_leave_variants(self) -> None:
        self.screen.entities.focus()


def detail_table(entity: dict) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", justify="right")
    table.add_column()
    for label, key in (("id", "id"), ("canonical", "canonical"), ("type", "type"), ("wikidata", "wikidata"),
                       ("from", "origin"), ("note", "note")):  # the note last: it may wrap
        table.add_row(label, entity.get(key) or Text("—", style="dim"))
    return table


class GlossaryScreen(Screen):
    """Entities on the left (paged, or search results), the highlighted one's details on the right."""

    CSS_PATH = "glossary.tcss"
    BINDINGS = keys.bindings("glossary")
    KEY_SCOPES = {"glossary": None, "variants": "#variants", "table": "#entities"}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Under 100 columns the two panes share the width (``glossary.tcss``)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded_version = -1
        self._shown: tuple | None = None
        self._noted = False  # the entity shown has a note
        self._learned: tuple[int, int] | None = None  # (data version, count)

    def compose(self) -> ComposeResult:
        yield NavBar("glossary")
        yield LiveInput(placeholder="/ search any script: kazimi finds الكاظمي, Hassaké finds الحسكة",
                        id="glossary-search", on_value=self._typed)
        with Horizontal(id="glossary-body"):
            yield VirtualTable(ENTITY_COLUMNS, entity_cells, id="entities", bidi=self.app.bidi, page_size=50,
                               row_key=lambda row: row,
                               empty="No entity matches. a adds one.")
            with Vertical(id="entity-side"):
                yield Static(id="entity-detail")
                yield Static("Spellings · enter to go there, v add, x remove", classes="pane-title")
                yield VariantsTable(VARIANT_COLUMNS, variant_cells, id="variants", bidi=self.app.bidi,
                                    empty="No spelling yet: v adds one.")
        yield StatusLine(id="glossary-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        conn = self.app.session.conn
        self.list = EntityList(conn)
        self.edits = GlossaryEdits(conn)
        self.entities.set_source(self.list)
        self.entities.focus()
        self.loaded_version = self.app.data_version
        self.app.ensure_names()
        self._status()

    def on_screen_resume(self) -> None:
        if hasattr(self, "list") and self.loaded_version != self.app.data_version:
            self.loaded_version = self.app.data_version
            self._reload()

    @property
    def entities(self) -> VirtualTable:
        return self.query_one("#entities", VirtualTable)

    @property
    def variants(self) -> VariantsTable:
        return self.query_one("#variants", VariantsTable)

    @property
    def current(self) -> EntityRow | None:
        return self.entities.row

    def _status(self, message: str = "", error: bool = False) -> None:
        total = self.entities.total
        if self._learned is None or self._learned[0] != self.app.data_version:
            self._learned = (self.app.data_version, learned_count(self.app.session.conn))
        learned = self._learned[1]
        text = Text(f"{total:,} entit{'ies' if total != 1 else 'y'}"
                    f"{' found for ' + repr(self.list.query) if self.list.hits is not None else ''}"
                    f" · {learned} learned spelling(s) not yet in the glossary files (w writes them)")
        if message:
            text = Text(message, style="bold red" if error else "bold")
        self.query_one("#glossary-status", StatusLine).say(text)

    # ---- showing ---------------------------------------------------------------------------------

    @on(VirtualTable.Highlighted, "#entities")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.show_entity()

    @on(VirtualTable.Selected, "#entities")
    def _selected(self, event: VirtualTable.Selected) -> None:
        self.action_focus_variants()

    def show_entity(self, force: bool = False) -> None:
        row = self.current
        key = (row.id if row else None, self.app.data_version)
        if key == self._shown and not force:
            return
        self._shown = key
        detail = entity_detail(self.app.session.conn, row.id) if row else None
        # a layout pass only when a note (which may wrap) comes or goes: the pane's height follows it
        noted = bool(detail and detail.get("note"))
        self.query_one("#entity-detail", Static).update(detail_table(detail) if detail else "",
                                                        layout=noted or self._noted)
        self._noted = noted
        self.variants.set_source(VariantsSource(variants_of(self.app.session.conn, row.id) if row else []))

    def _reload(self, message: str = "") -> None:
        if self.list.hits is not None:
            self.search(self.list.query)
        self.entities.reload()
        self.show_entity(force=True)
        self._status(message)

    def _changed(self, message: str) -> None:
        self.app.data_changed(glossary=True)
        self.loaded_version = self.app.data_version
        self._show_saved(message)
        # read again once the search knows the edit; queued after any search the reload queued itself, so
        # the message is what the status line says last
        self.app.ensure_names(then=lambda: self._show_saved(message))

    def _show_saved(self, message: str) -> None:
        """The list and the entity read again after an edit (``message`` says what it did); a fault in
        that is said, and the list read again without the search."""
        def recover() -> None:
            self.list.set_hits("", None)
            self.entities.reload()
            self.show_entity(force=True)

        after_work.shown(self, lambda: self._reload(message), f"saved ({message})", recover=recover,
                         recovered="the whole glossary is listed again",
                         say=lambda text: self._status(text, error=True))

    # ---- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#glossary-search", Input).focus()

    def _typed(self, value: str) -> None:
        """Search as the analyst types (called inside the keystroke by ``LiveInput``)."""
        if not hasattr(self, "list"):
            return
        self.search(value)
        self.entities.reload(cursor=0)
        self.show_entity()
        self._status()

    @on(Input.Submitted, "#glossary-search")
    def _submitted(self) -> None:
        self.entities.focus()

    def search(self, text: str) -> None:
        """Search-as-you-type through the name index (any script); empty text lists everything."""
        if not text.strip():
            self.list.set_hits("", None)
            return
        if not self.app.names.current:  # searched meanwhile in the old index; again once rebuilt
            self.app.ensure_names(then=lambda: self._typed_again())
        found = self.app.names.search(text, limit=100)
        self.list.set_hits(text, [(c.entity_id, c.score) for c in found])

    def _typed_again(self) -> None:
        value = self.query_one("#glossary-search", Input).value
        if value.strip():
            self.search(value)
            self.entities.reload(cursor=0)
            self._status()

    def action_clear(self) -> None:
        search = self.query_one("#glossary-search", Input)
        search.value = ""
        self.entities.focus()

    # ---- edits -----------------------------------------------------------------------------------

    def action_add_entity(self) -> None:
        from workbench.tui.glossary.forms import EntityForm

        def save(values: dict) -> None:
            self.edits.add_entity(values.get("id", ""), values["type"], values["canonical"],
                                  values.get("wikidata") or None, values.get("note") or None)
            self._added = values.get("id")

        def done(saved: bool | None) -> None:
            if saved:
                self._changed(f"added {self._added}")

        self.app.push_screen(EntityForm("Add an entity", save), done)

    def action_edit_entity(self) -> None:
        from workbench.tui.glossary.forms import EntityForm

        row = self.current
        if row is None:
            return
        detail = entity_detail(self.app.session.conn, row.id)

        def save(values: dict) -> None:
            self.edits.update_entity(row.id, canonical=values["canonical"], type=values["type"],
                                     wikidata=values.get("wikidata") or None, note=values.get("note") or None)

        def done(saved: bool | None) -> None:
            if saved:
                self._changed(f"saved {row.id}")

        self.app.push_screen(EntityForm(f"Edit {row.id}", save, detail), done)

    def action_delete_entity(self) -> None:
        row = self.current
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._try(lambda: self.edits.delete_entity(row.id), f"deleted {row.id} (soft: the log keeps it)")

        self.app.push_screen(ConfirmDialog(f"Delete “{row.canonical}” ({row.id})?",
                                           "Soft delete: links to it stop; the decision log keeps it."), answered)

    def action_merge_entity(self) -> None:
        from workbench.tui.review.picker import EntityPicker

        row = self.current
        if row is None:
            return

        def chosen(keep: str | None) -> None:
            if not keep:
                return
            if keep == row.id:
                self._status("pick another entity to merge into", error=True)
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self._try(lambda: self.edits.merge(keep, row.id), f"merged {row.id} into {keep}")

            self.app.push_screen(ConfirmDialog(
                f"Merge “{row.canonical}” ({row.id}) into {keep}?",
                f"{keep} keeps its name and gains every spelling and link of {row.id}."), answered)

        self.app.push_screen(EntityPicker(f"{row.canonical} — merge into", []), chosen)

    def action_add_variant(self) -> None:
        from workbench.tui.glossary.forms import VariantForm

        row = self.current
        if row is None:
            return

        def save(values: dict) -> None:
            self.edits.add_variant(row.id, values["lang"], values["text"])

        def done(saved: bool | None) -> None:
            if saved:
                self._changed(f"added a spelling to {row.id}")

        self.app.push_screen(VariantForm(f"New spelling of {row.canonical}", save), done)

    def remove_variant(self) -> None:
        variant = self.variants.row
        if variant is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._try(lambda: self.edits.remove_variant(variant.id), f"removed “{variant.text}”")

        self.app.push_screen(ConfirmDialog(f"Remove the spelling “{variant.text}” ({variant.lang})?"), answered)

    def action_focus_variants(self) -> None:
        self.variants.focus()

    def action_write_back(self) -> None:
        count = learned_count(self.app.session.conn)
        if not count:
            self._status("no learned spelling to write: confirm names in review first")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._try(self.edits.write_back, None)

        self.app.push_screen(ConfirmDialog(f"Write {count} learned spelling(s) to the glossary files?",
                                           "The files under glossaries/ are rewritten in place."), answered)

    def _try(self, edit, message: str | None) -> None:
        """Run one edit; a UserError is shown in the status line, else ``message`` (or the result)."""
        try:
            result = edit()
        except UserError as exc:
            self._status(str(exc), error=True)
            return
        except Exception as exc:  # noqa: BLE001 - the database's own error (locked ...): said, never fatal
            self._status(f"not saved: {type(exc).__name__}: {exc}", error=True)
            return
        self._changed(message or str(result))
