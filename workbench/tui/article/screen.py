"""One article side by side: source and English aligned sentence by sentence, names highlighted."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from workbench.corpus.pairs import Mention
from workbench.tui import after_work, keys
from workbench.tui.article.pair_view import STACK_BELOW, PairView, ViewOptions
from workbench.tui.render.arabic import SHAPE, TERMINAL, display_line
from workbench.tui.render.sentence import LOOKS
from workbench.tui.state.article import ArticleDoc, describe, load_article, sentence_label
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.status_line import StatusLine


def legend() -> Text:
    text = Text("names: ", style="dim")
    for look, style in LOOKS.items():
        text.append(look, style=style)
        text.append(" ")
    return text


class ArticleScreen(Screen):
    """Source beside English; the cursor moves by sentence and both sides move together."""

    CSS_PATH = "article.tcss"
    BINDINGS = keys.bindings("article")
    KEY_SCOPES = {"article": None}

    def __init__(self, article_id: int, *, step: Callable[[int], int | None] | None = None,
                 sentence: int = 0) -> None:
        super().__init__()
        self.article_id = article_id
        self.step = step
        self.start_sentence = sentence
        """The sentence to show first: its ``seq`` (0-based as stored; shown 1-based everywhere)."""
        self.doc: ArticleDoc | None = None
        self.cursor = 0
        self.focus_index = 0  # which mention of the current pair has focus
        self.options = ViewOptions()
        self._read_version = -1  # the app's data version the article was read at

    def compose(self) -> ComposeResult:
        # under ``STACK_BELOW`` columns the English shows under its source (``PairView``): one head; the
        # class is set here and changed only when a resize crosses the line (a breakpoint restyles the
        # whole screen on every open: 45 ms more to open an article)
        self.set_class(self.app.size.width < STACK_BELOW, "-narrow")
        yield NavBar("articles")
        yield Static(id="article-title", classes="pane-title")
        with Horizontal(id="article-heads"):
            yield Static("#", classes="seq-head")
            yield Static(id="source-head", classes="head")
            yield Static(id="english-head", classes="head")
        yield PairView(id="pairs")
        yield StatusLine(id="article-status", classes="status-line")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.options = ViewOptions(bidi=self.app.bidi)
        await self.load(self.article_id, self.start_sentence)

    async def load(self, article_id: int, sentence: int = 0) -> None:
        """Show another article (``[`` / ``]`` reuse the screen), at sentence ``seq`` ``sentence``.

        One widget draws the pairs (``PairView``): only the lines on screen are wrapped and styled."""
        self.article_id = article_id
        self._read_version = self.app.data_version
        self.doc = load_article(self.app.session.conn, article_id)
        if self.doc is None:
            self.view.show([], self.options, hint=f"Article {article_id} no longer exists.")
            return
        title = Text.assemble((f"[{self.doc.lang}] ", "bold"), (f"{self.doc.date}  ", "dim"),
                              display_line(self.doc.title, self.options.bidi), "   ")
        self.query_one("#article-title", Static).update(title + legend())
        self.cursor = self.doc.pair_of_seq(sentence)
        self.focus_index = 0
        self.view.show(self.doc.pairs, self.options, self.cursor, self._focus_id())
        self._status()
        self._heads()

    # ---- drawing ---------------------------------------------------------------------------------

    @property
    def view(self) -> PairView:
        return self.query_one("#pairs", PairView)

    def _mentions(self) -> list[Mention]:
        if self.doc is None or not 0 <= self.cursor < len(self.doc.pairs):
            return []
        pair = self.doc.pairs[self.cursor]
        english = pair.canonical_english()[1] if self.options.canonical else pair.side("english")
        return pair.side("source") + english

    def focused_mention(self) -> Mention | None:
        mentions = self._mentions()
        return mentions[self.focus_index] if 0 <= self.focus_index < len(mentions) else None

    def _focus_id(self) -> int | None:
        mention = self.focused_mention()
        return mention.id if mention else None

    def _move(self) -> None:
        """The cursor or the name with focus moved: the view draws the pairs that changed."""
        self.view.move(self.cursor, self._focus_id())
        self._status()

    def _status(self) -> None:
        if self.doc is None:
            return
        mention = self.focused_mention()
        count = len(self._mentions())
        where = f"sentence {sentence_label(self.doc.pairs[self.cursor])}/{self.doc.sentences}"
        if mention is None:
            text = Text(f"{where} · no names in this sentence")
        else:
            text = Text(f"{where} · name {self.focus_index + 1}/{count}: ")
            text.append(describe(mention), style="bold")
        self.query_one("#article-status", StatusLine).say(text)

    def _heads(self) -> None:
        if self.doc is None:
            return
        lang = self.doc.lang
        source = f"Source ({lang})"
        if lang == "ar":
            source += " · latin" if self.options.latin else ""
            source += " · bidi by terminal" if self.options.bidi == TERMINAL else ""
        english = "English · canonical names" if self.options.canonical else "English · raw translation"
        if self.has_class("-narrow"):  # one column: the English under its source, after the divider
            source, english = f"{source}, then ▏ {english}", ""
        self.query_one("#source-head", Static).update(source)
        self.query_one("#english-head", Static).update(english)

    def _redraw(self) -> None:
        self.view.set_options(self.options)
        self.view.move(self.cursor, self._focus_id())
        self._heads()
        self._status()

    def on_resize(self, event) -> None:
        narrow = event.size.width < STACK_BELOW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self._heads()  # one head or two

    # ---- keys ------------------------------------------------------------------------------------

    def _go(self, target: int) -> None:
        if self.doc is None or not self.doc.pairs:
            return
        target = max(0, min(target, len(self.doc.pairs) - 1))
        if target != self.cursor:
            self.cursor = target
            self.focus_index = 0
            self._move()

    def action_next_sentence(self) -> None:
        self._go(self.cursor + 1)

    def action_previous_sentence(self) -> None:
        self._go(self.cursor - 1)

    def action_first_sentence(self) -> None:
        self._go(0)

    def action_last_sentence(self) -> None:
        self._go(len(self.doc.pairs) - 1 if self.doc else 0)

    def _cycle_mention(self, delta: int) -> None:
        count = len(self._mentions())
        if count:
            self.focus_index = (self.focus_index + delta) % count
            self._move()

    def action_next_mention(self) -> None:
        self._cycle_mention(1)

    def action_previous_mention(self) -> None:
        self._cycle_mention(-1)

    def action_toggle_canonical(self) -> None:
        self.options = ViewOptions(not self.options.canonical, self.options.latin, self.options.bidi)
        self._redraw()

    def action_toggle_latin(self) -> None:
        self.options = ViewOptions(self.options.canonical, not self.options.latin, self.options.bidi)
        self._redraw()

    def action_toggle_bidi(self) -> None:
        bidi = TERMINAL if self.options.bidi == SHAPE else SHAPE
        self.app.bidi = bidi
        self.options = ViewOptions(self.options.canonical, self.options.latin, bidi)
        self._redraw()
        self.notify("Arabic: " + ("the terminal orders it (it does bidi)" if bidi == TERMINAL
                                  else "shaped and ordered by the workbench"), timeout=3)

    async def _neighbour(self, delta: int) -> None:
        target = self.step(delta) if self.step else None
        if target is None:
            self.notify("No more articles in the list that way.", timeout=2)
            return
        await self.load(target)

    async def action_next_article(self) -> None:
        await self._neighbour(1)

    async def action_previous_article(self) -> None:
        await self._neighbour(-1)

    async def action_review_article(self) -> None:
        """Open the review queue limited to this article."""
        article_id = self.article_id
        if self.app.current_mode == "review":  # opened from the queue (o): go back down to it
            self.app.pop_screen()
        else:
            await self.app.switch_mode("review")
        self.app.screen.show_article(article_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_screen_resume(self) -> None:
        """Decisions made since (in the review) change the colours: read the mentions again."""
        if self.doc is not None and self._read_version != self.app.data_version:
            seq = self.doc.pairs[self.cursor].seqs[0] if self.doc.pairs else 0
            self.run_worker(self._load_again(seq), exclusive=True, group="article-load")

    async def _load_again(self, seq: int) -> None:
        """The article read again after decisions elsewhere; a fault in that is said, never fatal."""
        try:
            await self.load(self.article_id, seq)
        except Exception as exc:  # noqa: BLE001
            after_work.tell(self, f"the article could not be read again ({type(exc).__name__}: {exc}); "
                                  "esc and enter open it again")
