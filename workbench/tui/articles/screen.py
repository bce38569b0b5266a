"""The article list: title, language, date, sentences, translated share, names waiting for review."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from workbench.tui import after_work, keys
from workbench.tui.state.articles import ArticleList, ArticleRow, search_ids
from workbench.tui.widgets.bidi_input import BidiInput
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.status_line import StatusLine
from workbench.tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = (Column("Title"), Column("Lang", 4), Column("Date", 10), Column("Sent.", 5, "right"),
           Column("Transl.", 7, "right"), Column("Review", 6, "right"))


def cells(row: ArticleRow) -> tuple:
    share = row.translated_share
    share_style = "green" if share >= 1 else ("yellow" if share > 0 else "dim")
    pending = Text(str(row.pending), style="bold yellow") if row.pending else Text("·", style="dim")
    return (row.title, row.lang, row.date, str(row.sentences), Text(f"{share:.0%}", style=share_style),
            pending)


class ArticlesSource:
    """Adapts ``ArticleList`` to the table's ``RowSource``."""

    def __init__(self, articles: ArticleList) -> None:
        self.articles = articles

    def count(self) -> int:
        return self.articles.count()

    def fetch(self, offset: int, limit: int) -> list[ArticleRow]:
        return self.articles.page(offset, limit)


class ArticlesScreen(Screen):
    """Every article, filtered, sorted and searched; enter opens one side by side."""

    CSS_PATH = "articles.tcss"
    BINDINGS = keys.bindings("articles")
    KEY_SCOPES = {"articles": None, "table": "#articles-table"}

    def compose(self) -> ComposeResult:
        yield NavBar("articles")
        yield BidiInput(placeholder="/ search source and English (Arabic or Latin; accents and diacritics "
                                "do not matter)", id="articles-search")
        yield VirtualTable(COLUMNS, cells, id="articles-table", bidi=self.app.bidi, row_key=lambda row: row,
                           empty="No articles here. Import some with `workbench import FILES`, or change "
                                 "the filters (l, f) or the search (esc clears it).")
        yield StatusLine(id="articles-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self._just_read = True  # the resume that follows the first mount has nothing to read again
        self.list = ArticleList(self.app.session.conn)
        table = self.query_one(VirtualTable)
        table.set_source(ArticlesSource(self.list))
        table.focus()
        self._update_status()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#articles-table", VirtualTable)

    def _update_status(self, note: str = "") -> None:
        total = self.table.total
        text = f"{total:,} article{'s' if total != 1 else ''} · {self.list.describe()}"
        self.query_one("#articles-status", StatusLine).say(text + (f" · {note}" if note else ""))

    def _refresh(self, cursor: int | None = 0) -> None:
        self.table.reload(cursor=cursor)
        self._update_status()

    # ---- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#articles-search", Input).focus()

    @on(Input.Changed, "#articles-search")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#articles-search")
    def _submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    @work(thread=True, exclusive=True, group="article-search")
    def run_search(self, text: str) -> None:
        """Full-text search in a worker (its own connection): typing never waits for the index."""
        if not text.strip():
            self.app.call_from_thread(self._show_hits, text, None, 0.0)
            return
        started = time.perf_counter()
        try:
            conn = self.app.session.connect()
            try:
                ids = search_ids(conn, text)
            finally:
                conn.close()
        except Exception as exc:  # noqa: BLE001 - said in the status line, never a traceback
            ids = exc
        self.app.call_from_thread(self._show_hits, text, ids, time.perf_counter() - started)

    def _show_hits(self, text: str, ids: list[int] | Exception | None, seconds: float) -> None:
        if self.query_one("#articles-search", Input).value != text:
            return  # a newer search is on its way
        if isinstance(ids, Exception):
            after_work.tell(self, f"search failed ({type(ids).__name__}: {ids}); the list is as it was")
            return
        after_work.shown(self, lambda: self._found(text, ids, seconds), f"search done ({text})",
                         recover=lambda: self._refresh(cursor=None), recovered="the list was read again")

    def _found(self, text: str, ids: list[int] | None, seconds: float) -> None:
        self.list.set_hits(text, ids)
        self._refresh()
        if ids is not None:
            self._update_status(f"{len(ids):,} found in {seconds * 1000:.0f} ms")

    def action_clear(self) -> None:
        search = self.query_one("#articles-search", Input)
        if search.value:
            search.value = ""
        self.table.focus()

    # ---- filters and sort ------------------------------------------------------------------------

    def action_cycle_lang(self) -> None:
        self.list.cycle_lang()
        self._refresh()

    def action_cycle_status(self) -> None:
        self.list.cycle_status()
        self._refresh()

    def action_cycle_sort(self) -> None:
        self.list.cycle_sort()
        self._refresh()

    def action_reverse_sort(self) -> None:
        self.list.reverse()
        self._refresh()

    def action_reload(self) -> None:
        self._refresh(cursor=None)

    # ---- opening ---------------------------------------------------------------------------------

    def action_open(self) -> None:
        row = self.table.row
        if row is not None:
            self._open(row.id)

    @on(VirtualTable.Selected, "#articles-table")
    def _selected(self, event: VirtualTable.Selected) -> None:
        self._open(event.row.id)

    def _open(self, article_id: int) -> None:
        from workbench.tui.article.screen import ArticleScreen

        self.app.push_screen(ArticleScreen(article_id, step=self.step))

    def step(self, delta: int) -> int | None:
        """Move the list cursor by ``delta`` and return the article now under it (for ``[`` / ``]``)."""
        table = self.table
        target = table.cursor + delta
        if not 0 <= target < table.total:
            return None
        table.cursor = target
        row = table.row
        return row.id if row else None

    def on_screen_resume(self) -> None:
        if getattr(self, "_just_read", False):
            self._just_read = False
        elif hasattr(self, "list"):
            self._refresh(cursor=None)  # counts change after review and jobs
