"""The concordance dialog: every sentence spelled like the selected mention, and what it matched (why)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.review.concordance import PAGE
from workbench.tui import keys
from workbench.tui.render.arabic import BidiText, display_line
from workbench.tui.render.sentence import highlight
from workbench.tui.review.detail import candidates_table
from workbench.tui.state.article import status_class
from workbench.tui.state.review import Item, ReviewState


def render(page, offset: int, bidi: str) -> Group:
    """The candidates, then one page of sentences with the name highlighted."""
    mention = page.mention
    last = min(offset + len(page.rows), page.total)
    parts = [
        Text(f"{page.total:,} mention(s) spelled “{display_line(mention['norm'], bidi)}” ({mention['lang']})"
             f" · {offset + 1}-{last} shown", style="bold"),
        Text(""), Text("Matched in the glossary (candidates)", style="bold"), candidates_table(mention, bidi),
        Text(""),
    ]
    wheres = [f"a{row['article_id']}:{row['seq'] + 1} #{row['id']}" for row in page.rows]
    table = Table(box=None, padding=(0, 1), expand=True, show_header=False)
    table.add_column("where", width=max([14, *map(len, wheres)]), no_wrap=True)  # a5062:7 #139276 whole
    table.add_column("status", width=9, no_wrap=True)
    table.add_column("sentence", ratio=1)
    for row, where in zip(page.rows, wheres):
        marked = highlight(row["text"], [(row["start"], row["end"], status_class(row["status"]))], 0)
        table.add_row(Text(where, style="bold" if row["id"] == mention["id"] else "dim"), row["status"] or "-",
                      BidiText(marked, bidi))
    parts.append(table)
    return Group(*parts)


class ConcordanceScreen(ModalScreen[None]):
    """Paged by ``PAGE`` sentences; opened and closed with ``w``."""

    CSS_PATH = "review.tcss"
    BINDINGS = keys.bindings("concordance")

    def __init__(self, state: ReviewState, item: Item, bidi: str) -> None:
        super().__init__()
        self.state, self.item, self.bidi = state, item, bidi
        self.first = 0
        self.current = state.concordance(item)

    def compose(self) -> ComposeResult:
        with Vertical(id="concordance"):
            yield Static(f"Same spelling as “{display_line(self.item['surface'], self.bidi)}”"
                         " · pgdn / pgup page · esc close", classes="pane-title")
            with VerticalScroll():
                yield Static(render(self.current, self.first, self.bidi), id="concordance-body")

    def _show(self, offset: int) -> None:
        self.first = offset
        self.current = self.state.concordance(self.item, offset)
        self.query_one("#concordance-body", Static).update(render(self.current, offset, self.bidi))

    def action_next_page(self) -> None:
        if self.first + PAGE < self.current.total:
            self._show(self.first + PAGE)

    def action_previous_page(self) -> None:
        if self.first:
            self._show(max(0, self.first - PAGE))

    def action_close(self) -> None:
        self.dismiss(None)
