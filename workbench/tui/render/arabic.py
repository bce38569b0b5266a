"""Arabic for terminals that do not do bidi: letters shaped and each wrapped line put in visual order.

Offsets never move: shaping here is one character for one (no ligatures), so styles given on the
logical text (highlighted names) land on the right glyphs after reordering.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

SHAPE = "shape"
"""We shape letters and order each line right to left ourselves (most terminals)."""
TERMINAL = "terminal"
"""The terminal does bidi itself (mlterm, some VTE set-ups): text goes out in logical order."""
BIDI_MODES = (SHAPE, TERMINAL)

_WORD = re.compile(r"\S+")
_LETTERS = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
_ARABIC = re.compile(f"[{_LETTERS}]")
_ARABIC_RUN = re.compile(f"[{_LETTERS}](?:[{_LETTERS}\\s\\d\"«»]*[{_LETTERS}])?")
"""Arabic words with the spaces, digits and straight or angle quotes between them (كتائب "حزب الله")."""


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@lru_cache(maxsize=1)
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={
        "delete_harakat": False, "support_ligatures": False, "delete_tatweel": False,
        "shift_harakat_position": False,
    })


def shape(text: str) -> str:
    """Contextual letter forms, one character for one; words that would change length stay as they are."""
    reshaper = _reshaper()
    shaped = reshaper.reshape(text)
    if len(shaped) == len(text):
        return shaped
    out = list(text)
    for match in _WORD.finditer(text):
        word = reshaper.reshape(match.group())
        if len(word) == len(match.group()):
            out[match.start():match.end()] = word
    return "".join(out)


def visual_order(text: str, base: int = 1) -> list[tuple[int, str]]:
    """``(logical index, character)`` in display order, left to right (``base`` 1: a right-to-left
    line, 0: a left-to-right line with Arabic inside).

    Uses python-bidi's reference algorithm (with mirrored brackets); explicit formatting characters
    are dropped, as the algorithm says.
    """
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if base else "L"
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    return [(c["index"], c["ch"]) for c in storage["chars"]]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells: ``(start, end)`` of each line, white space trimmed."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = end = None
    used = 0
    for match in _WORD.finditer(text):
        w_start, w_end = match.span()
        w_cells = cell_len(match.group())
        if start is not None and used + 1 + w_cells <= width:
            end, used = w_end, used + 1 + w_cells
            continue
        if start is not None:
            lines.append((start, end))
        while w_cells > width:  # a word longer than the line is cut
            cut = w_start + _fit(text[w_start:w_end], width)
            lines.append((w_start, cut))
            w_start = cut
            w_cells = cell_len(text[w_start:w_end])
        start, end, used = w_start, w_end, w_cells
    if start is not None:
        lines.append((start, end))
    return lines or [(0, 0)]


def _fit(word: str, width: int) -> int:
    used = 0
    for i, ch in enumerate(word):
        used += cell_len(ch)
        if used > width:
            return max(1, i)
    return len(word)


def _styles(text: Text) -> list[Style | str | None]:
    per_char: list[Style | str | None] = [None] * len(text.plain)
    for span in text.spans:
        for i in range(max(0, span.start), min(span.end, len(per_char))):
            current = per_char[i]
            per_char[i] = span.style if current is None else Style.combine(
                [Style.parse(current) if isinstance(current, str) else current,
                 Style.parse(span.style) if isinstance(span.style, str) else span.style])
    return per_char


def rtl_lines(text: Text, width: int, mode: str = SHAPE) -> list[Text]:
    """``text`` wrapped to ``width`` cells, each line ready to print in an LTR terminal, right-aligned."""
    plain = text.plain
    styles = _styles(text)
    lines = []
    for start, end in wrap_offsets(plain, width):
        line = Text(style=text.style, end="")
        if mode == TERMINAL:
            for i in range(start, end):
                line.append(plain[i], styles[i])
            lines.append(line)
            continue
        for offset, ch in visual_order(shape(plain[start:end])):
            if unicodedata.combining(ch):  # marks would attach to the wrong letter once reversed
                continue
            line.append(ch, styles[start + offset])
        pad = width - line.cell_len
        if pad > 0:
            line = Text(" " * pad, end="") + line
        lines.append(line)
    return lines


def ltr_lines(text: Text, width: int, mode: str = SHAPE) -> list[Text]:
    """A left-to-right ``text`` with Arabic inside (a "why" quoting an Arabic variant) wrapped to
    ``width`` cells first, then each line shaped and its Arabic runs ordered (``visual_cells``): an
    Arabic phrase cut by the wrap reads right to left on each line, its first words on the first line
    (ordering the whole text and then wrapping it put its last words first)."""
    plain = text.plain
    styles = _styles(text)
    lead = len(plain) - len(plain.lstrip(" "))  # an indent ("  why: ...") stays, with the first word
    lines = []
    for start, end in wrap_offsets("_" * lead + plain[lead:], width):
        line = Text(style=text.style, end="")
        chars = plain[start:end]
        if not text.spans:  # one style (a why): the line as ``display_line`` orders it, kept for the next time
            line.append(display_line(chars, mode, rtl=False))
            lines.append(line)
            continue
        if reorders(chars, mode):
            cells = visual_cells(chars, styles[start:end], rtl=False)
        else:
            cells = list(zip(chars, styles[start:end]))
        for style, run in groupby(cells, key=lambda cell: cell[1]):
            line.append("".join(ch for ch, _ in run), style)
        lines.append(line)
    return lines


class BidiText:
    """A Rich renderable: plain Rich text for left-to-right content, ``rtl_lines`` for Arabic,
    ``ltr_lines`` for left-to-right text with Arabic inside (wrapped, then each line ordered)."""

    def __init__(self, text: Text, mode: str = SHAPE) -> None:
        self.text = text
        self.mode = mode
        self.rtl = is_rtl(text.plain)
        self._lines: dict[int, list[Text]] = {}  # width -> lines: a layout pass measures a text often

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rtl and not reorders(self.text.plain, self.mode):
            yield self.text
            return
        width = options.max_width
        lines = self._lines.get(width)
        if lines is None:
            wrap = rtl_lines if self.rtl else ltr_lines
            lines = self._lines[width] = wrap(self.text, width, self.mode)
            for line in lines:
                line.end = "\n"
        yield from lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def fit(text: str, width: int) -> str:
    """``text`` cut (in logical order) to ``width`` cells, an ellipsis marking the cut."""
    if cell_len(text) <= width:
        return text
    return text[:_fit(text, max(1, width - 1))].rstrip() + "…"


def reorders(text: str, mode: str = SHAPE) -> bool:
    """True when the workbench shapes and orders this line itself: it holds Arabic, and the terminal
    does not do bidi (``mode``)."""
    return mode != TERMINAL and _ARABIC.search(text) is not None


def visual_cells(chars: str, styles: list, rtl: bool | None = None) -> list[tuple[str, object]]:
    """One line's characters with their styles, shaped and in display order (left to right).

    The line's direction is ``rtl`` when given (English words after a quoted Arabic name:
    `“حمرين” (ar): new → accepted Hamrin`), else that of its first strong character. In a left-to-right
    line each run of Arabic words is ordered on its own, as if isolated: `span: “أم حجر” → “قرية أم حجر”` keeps its two
    names in the order written (the bidi algorithm alone would join them, quotes and arrow included,
    into one right-to-left run). Combining marks are dropped, as in ``rtl_lines``.
    """
    shaped = shape(chars)
    if is_rtl(chars) if rtl is None else rtl:
        order = visual_order(shaped, 1)
    else:
        order = list(enumerate(shaped))
        for run in _ARABIC_RUN.finditer(chars):
            start, end = run.span()
            order[start:end] = [(start + i, ch) for i, ch in visual_order(shaped[start:end], 1)]
    return [(ch, styles[i]) for i, ch in order if not unicodedata.combining(ch)]


@lru_cache(maxsize=8192)
def display_line(text: str, mode: str = SHAPE, rtl: bool | None = None) -> str:
    """One short line (a title, a name in a list) ready for the terminal; no wrapping. ``rtl``: the
    line's direction when its first strong character does not tell it (``visual_cells``)."""
    if not reorders(text, mode):
        return text
    return "".join(ch for ch, _ in visual_cells(text, [None] * len(text), rtl))


def display_text(text: Text, mode: str = SHAPE) -> Text:
    """``display_line`` for styled text (a status line): each character keeps its style."""
    plain = text.plain
    if not reorders(plain, mode):
        return text
    out = Text(style=text.style, end=text.end, no_wrap=text.no_wrap, overflow=text.overflow)
    for style, run in groupby(visual_cells(plain, _styles(text)), key=lambda cell: cell[1]):
        out.append("".join(ch for ch, _ in run), style)
    return out
