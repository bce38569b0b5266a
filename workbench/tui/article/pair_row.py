"""One sentence pair on screen: the source on the left, its English on the right, names highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from workbench.corpus.pairs import Mention, SentencePair
from workbench.tui.render.arabic import BidiText
from workbench.tui.render.latin import latinise
from workbench.tui.render.sentence import highlight
from workbench.tui.state.article import sentence_label, status_class


@dataclass(frozen=True)
class ViewOptions:
    """The toggles of the article view."""

    canonical: bool = False
    latin: bool = False
    bidi: str = "shape"


def source_text(pair: SentencePair, options: ViewOptions, focus_id: int | None) -> BidiText | Text:
    """The source sentence with its names highlighted (latinised when asked)."""
    mentions = pair.side("source")
    text = pair.source
    spans = [(m.start, m.end, status_class(m.status)) for m in mentions]
    if options.latin:
        text, where = latinise(text, [x for m in mentions for x in (m.start, m.end)])
        spans = [(where[a], where[b], look) for a, b, look in spans]
    focus = next((n for n, m in enumerate(mentions) if m.id == focus_id), None)
    return BidiText(highlight(text, spans, focus), options.bidi)


def english_text(pair: SentencePair, options: ViewOptions, focus_id: int | None) -> Text:
    """The English (raw, or with canonical names) with its names highlighted."""
    if pair.english is None:
        return Text("(not translated yet: run translate from the Jobs screen, key 4)", style="dim italic")
    if options.canonical:
        text, mentions = pair.canonical_english()
    else:
        text, mentions = pair.english, pair.side("english")
    focus = next((n for n, m in enumerate(mentions) if m.id == focus_id), None)
    return highlight(text, [(m.start, m.end, status_class(m.status)) for m in mentions], focus)


class PairRow(Widget):
    """A row of the side-by-side view; the one under the cursor carries the ``-cursor`` class."""

    DEFAULT_CSS = """
    PairRow { height: auto; layout: horizontal; }
    PairRow > Static { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self, pair: SentencePair) -> None:
        super().__init__(classes="pair")
        self.pair = pair

    def compose(self) -> ComposeResult:
        yield Static(classes="seq")
        yield Static(classes="source")
        yield Static(classes="english")

    def show(self, options: ViewOptions, focus: Mention | None = None, layout: bool = True) -> None:
        """Draw the pair; ``layout=False`` when only highlights change (the text, so the height, stays)."""
        focus_id = focus.id if focus else None
        self.query_one(".seq", Static).update(sentence_label(self.pair), layout=layout)
        self.query_one(".source", Static).update(source_text(self.pair, options, focus_id), layout=layout)
        self.query_one(".english", Static).update(english_text(self.pair, options, focus_id), layout=layout)
