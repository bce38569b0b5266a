"""The sentence pairs of an article as one scrolling widget: only the lines on screen are drawn."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from workbench.corpus.pairs import SentencePair
from workbench.tui.render.arabic import is_rtl, rtl_lines, wrap_offsets
from workbench.tui.render.latin import latinise
from workbench.tui.render.sentence import highlight
from workbench.tui.state.article import sentence_label, status_class

SEQ = 5
"""Cells of the sentence number column (a blank, then the number)."""
PAD = 1
"""Blank cells each side of a text column."""
STACK_BELOW = 100
"""Narrower than this (80 columns), a pair shows its English under its source, not beside it."""
UNTRANSLATED = Text("(not translated yet: run translate from the Jobs screen, key 4)", style="dim italic")


@dataclass(frozen=True)
class ViewOptions:
    """The toggles of the article view."""

    canonical: bool = False
    latin: bool = False
    bidi: str = "shape"


def source_text(pair: SentencePair, options: ViewOptions, focus_id: int | None) -> Text:
    """The source sentence with its names highlighted (latinised when asked), in logical order."""
    mentions = pair.side("source")
    text = pair.source
    spans = [(m.start, m.end, status_class(m.status)) for m in mentions]
    if options.latin:
        text, where = latinise(text, [x for m in mentions for x in (m.start, m.end)])
        spans = [(where[a], where[b], look) for a, b, look in spans]
    focus = next((n for n, m in enumerate(mentions) if m.id == focus_id), None)
    return highlight(text, spans, focus)


def english_text(pair: SentencePair, options: ViewOptions, focus_id: int | None) -> Text:
    """The English (raw, or with canonical names) with its names highlighted."""
    if pair.english is None:
        return UNTRANSLATED
    if options.canonical:
        text, mentions = pair.canonical_english()
    else:
        text, mentions = pair.english, pair.side("english")
    focus = next((n for n, m in enumerate(mentions) if m.id == focus_id), None)
    return highlight(text, [(m.start, m.end, status_class(m.status)) for m in mentions], focus)


def text_lines(text: Text, width: int, bidi: str) -> list[Text]:
    """``text`` wrapped to ``width`` cells: Arabic shaped and ordered right to left (``rtl_lines``),
    other text cut at the same word boundaries, so a pair's height is known from its plain text."""
    if is_rtl(text.plain):
        return rtl_lines(text, width, bidi)
    return [text[start:end] for start, end in wrap_offsets(text.plain, width)]


def line_count(plain: str, width: int) -> int:
    """How many lines ``text_lines`` gives for this text (without styling or shaping it)."""
    return len(wrap_offsets(plain, width))


class PairView(ScrollView, can_focus=False):
    """Source beside English (under it when narrower than ``STACK_BELOW``, marked by the divider), a pair
    under the cursor; a pair's lines are wrapped when first drawn.

    Each pair takes its longer side's lines (stacked: both sides' lines) and a blank line; the heights of
    all pairs come from their plain text (a word wrap, no styling), the lines themselves only for the
    pairs on screen.
    """

    COMPONENT_CLASSES = {"pair-view--cursor", "pair-view--seq", "pair-view--cursor-seq", "pair-view--bar",
                         "pair-view--divider", "pair-view--hint"}
    DEFAULT_CSS = """
    PairView { overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pairs: list[SentencePair] = []
        self.options = ViewOptions()
        self.cursor = 0
        self.focus_id: int | None = None
        self.hint = ""
        """Shown instead of pairs when there are none (an article that no longer exists)."""
        self._tops: list[int] = [0]  # the first line of each pair, then the total
        self._width = 0  # the text width the tops were computed for
        self._plain: list[tuple[str, str]] = []  # each pair's source and English as shown, unstyled
        self._drawn: dict[tuple[int, bool, int | None], list[Strip]] = {}
        self.drawn_pairs = 0
        """Pairs wrapped and styled since the article was shown (the work a screen of lines costs)."""

    # ---- what is shown ---------------------------------------------------------------------------

    def show(self, pairs: list[SentencePair], options: ViewOptions, cursor: int = 0,
             focus_id: int | None = None, hint: str = "") -> None:
        """Show these pairs from the top (no layout pass of the screen: only this widget's lines)."""
        self.pairs, self.hint, self.cursor, self.focus_id = pairs, hint, cursor, focus_id
        self.drawn_pairs = 0
        self.scroll_to(y=0, animate=False, force=True)
        self.set_options(options)

    def set_options(self, options: ViewOptions) -> None:
        """Other toggles (canonical names, Latin letters, bidi): every pair drawn again, the view kept
        where it was as far as the cursor stays on screen."""
        self.options = options
        self._plain = [self._plain_of(pair) for pair in self.pairs]
        self._relayout(force=True)
        self._scroll_to_cursor()

    def move(self, cursor: int, focus_id: int | None) -> None:
        """The cursor (and the name with focus) elsewhere: the lines of the two pairs are drawn again."""
        old = self.cursor
        self.cursor, self.focus_id = cursor, focus_id
        for index in {old, cursor}:
            if 0 <= index < len(self.pairs):
                self.refresh_lines(self._tops[index], self._tops[index + 1] - self._tops[index])
        self._scroll_to_cursor()

    # ---- layout ----------------------------------------------------------------------------------

    def _plain_of(self, pair: SentencePair) -> tuple[str, str]:
        source = source_text(pair, self.options, None).plain if self.options.latin else pair.source
        if pair.english is None:
            english = UNTRANSLATED.plain
        else:
            english = pair.canonical_english()[0] if self.options.canonical else pair.english
        return source, english

    @property
    def stacked(self) -> bool:
        """English under the source (a narrow terminal), not beside it."""
        return 0 < self.size.width < STACK_BELOW

    def _columns(self, width: int) -> tuple[int, int]:
        """Text widths of the source and English columns in a line of ``width`` cells (the left bar, the
        number, and the English's divider take their cells; the two texts share the rest, or each has it
        all when stacked)."""
        if self.stacked:
            whole = max(1, width - 1 - SEQ - 2 * PAD - 1)
            return whole, whole
        rest = max(2, width - 1 - SEQ)
        source = rest // 2
        return max(1, source - 2 * PAD), max(1, rest - source - 2 * PAD - 1)

    def _tops_for(self, width: int) -> list[int]:
        source, english = self._columns(width)
        join = (lambda a, b: a + b) if self.stacked else max
        tops, y = [0], 0
        for plain_source, plain_english in self._plain:
            y += join(line_count(plain_source, source), line_count(plain_english, english)) + 1
            tops.append(y)
        return tops

    def _relayout(self, force: bool = False) -> None:
        """Pair heights for the width there is: the whole width, or less the scroll bar when they do
        not fit the height."""
        width = self.size.width
        if not width:
            return
        tops = self._tops_for(width)
        if tops[-1] > self.size.height and self.styles.overflow_y != "hidden":
            width -= self.styles.scrollbar_size_vertical
            tops = self._tops_for(width)
        if force or width != self._width or tops != self._tops:
            self._width, self._tops = width, tops
            self._drawn.clear()
            self.virtual_size = Size(width, max(tops[-1], 1 if self.hint else 0))
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if not 0 <= self.cursor < len(self.pairs) or len(self._tops) != len(self.pairs) + 1:
            return  # not laid out yet (no size): the first resize scrolls
        top, bottom = self._tops[self.cursor], self._tops[self.cursor + 1]
        height = self.scrollable_content_region.height or self.size.height
        if top < self.scroll_y or bottom - top > height:
            self.scroll_to(y=top, animate=False, force=True)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False, force=True)

    # ---- drawing ---------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._width or self.size.width
        base = self.rich_style
        line = round(self.scroll_y) + y
        if not self.pairs:
            if self.hint and line == 0:
                style = base + self._ink("pair-view--hint")
                return Strip([Segment(f" {self.hint}", style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if line >= self._tops[-1]:
            return Strip.blank(width, base)
        strip = self._line(line)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            start, end = span
            end = strip.cell_length if end == -1 else end
            style = self.screen.get_component_rich_style("screen--selection")
            strip = Strip.join([strip.crop(0, start),
                                Strip(Segment.apply_style(strip.crop(start, end), post_style=style)),
                                strip.crop(end)])
        return strip.apply_offsets(0, line)  # where the mouse is, for a selection with the mouse

    def _line(self, line: int) -> Strip:
        index = bisect_right(self._tops, line) - 1
        return self._lines_of(index)[line - self._tops[index]]

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text selected with the mouse, as the lines show it (both columns)."""
        if not self.pairs:
            return None
        first = 0 if selection.start is None else selection.start.y
        last = self._tops[-1] - 1 if selection.end is None else min(selection.end.y, self._tops[-1] - 1)
        lines = [""] * first + [self._line(y).text for y in range(first, last + 1)]
        return "\n".join(line.rstrip() for line in selection.extract("\n".join(lines)).split("\n")), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _lines_of(self, index: int) -> list[Strip]:
        cursor = index == self.cursor
        key = (index, cursor, self.focus_id if cursor else None)
        lines = self._drawn.get(key)
        if lines is None:
            lines = self._drawn[key] = self._draw(index, cursor)
            self.drawn_pairs += 1
        return lines

    def _draw(self, index: int, cursor: bool) -> list[Strip]:
        """Every line of one pair, the blank line after it included (the divider runs along the English)."""
        pair, options = self.pairs[index], self.options
        focus = self.focus_id if cursor else None
        source_width, english_width = self._columns(self._width)
        base = self.rich_style
        if cursor:
            base = base + self.get_component_rich_style("pair-view--cursor")
        text = Style(color=base.color, bgcolor=base.bgcolor)
        blank = Style(bgcolor=base.bgcolor)
        seq_style = blank + self._ink("pair-view--cursor-seq" if cursor else "pair-view--seq")
        bar = Segment("█", blank + self._ink("pair-view--bar")) if cursor else Segment(" ", blank)
        divider = Segment("▏", blank + self._ink("pair-view--divider"))
        source = text_lines(source_text(pair, options, focus), source_width, options.bidi)
        english = text_lines(english_text(pair, options, focus), english_width, options.bidi)
        height = self._tops[index + 1] - self._tops[index]
        label = sentence_label(pair)
        lines = []
        if self.stacked:  # the source, then the English marked by the divider, then a blank line
            rows = [(line, Segment(" ", blank)) for line in source] + [(line, divider) for line in english]
            for n in range(height):
                number = Segment(f" {label}".ljust(SEQ) if n == 0 else " " * SEQ, seq_style)
                line, mark = rows[n] if n < len(rows) else (None, Segment(" ", blank))
                segments = [bar, number, Segment(" " * PAD, blank), mark]
                segments += self._cell(line, source_width, text, blank)
                segments.append(Segment(" " * PAD, blank))
                lines.append(Strip(segments).adjust_cell_length(self._width, blank))
            return lines
        for n in range(height):
            number = Segment(f" {label}".ljust(SEQ) if n == 0 else " " * SEQ, seq_style)
            segments = [bar, number, Segment(" " * PAD, blank)]
            segments += self._cell(source[n] if n < len(source) else None, source_width, text, blank)
            segments += [Segment(" " * PAD, blank), divider if n < len(english) else Segment(" ", blank),
                         Segment(" " * PAD, blank)]
            segments += self._cell(english[n] if n < len(english) else None, english_width, text, blank)
            segments.append(Segment(" " * PAD, blank))
            lines.append(Strip(segments).adjust_cell_length(self._width, blank))
        return lines

    def _ink(self, component: str) -> Style:
        """A component's colour and weight, on whatever background the line has."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold, italic=style.italic)

    def _cell(self, line: Text | None, width: int, style: Style, blank: Style) -> list[Segment]:
        if line is None:
            return [Segment(" " * width, blank)]
        if line.style:  # the text's own style (a hint in dim italic), under its spans
            style = style + self.app.console.get_style(line.style)
        segments = Segment.apply_style(line.render(self.app.console), style)
        return list(Segment.adjust_line_length(list(segments), width, blank))
