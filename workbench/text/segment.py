"""Splits article text into sentences with exact character offsets, offline, for ar / fr / en.

Rules, in short: a line break between paragraphs ends a sentence (except a hard-wrapped Latin line
that continues in lower case); within a paragraph, ``. ! ? ؟ …`` followed by white space end a
sentence unless the word before is a known abbreviation or an initial, or the next word starts in
lower case. Closing quotes and brackets (``» ” " ) ]``, with French spacing) stay with the sentence
they close. Numbers such as ``10.000`` and ``3,5`` never split (no white space after the mark).

No sentence is longer than ``MAX_CHARS`` (500 characters, about 80-100 words): a longer one (a
text with no sentence punctuation, a run-on list) is cut at the last clause boundary that fits
(``; : ؛`` first, then ``, ،``, then a spaced dash), failing that at the last space, failing that
(no space at all) after ``MAX_CHARS`` characters. 500 characters of ar / fr make about 100-200
model tokens, well inside the translation model's input and its 256-token output cap.
"""

from __future__ import annotations

import re
import unicodedata

ABBREVIATIONS = {
    "fr": {
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "av", "apr", "cf",
        "env", "art", "vol", "éd", "gén", "gal", "col", "cdt", "lt", "cne", "sgt", "p", "pp", "no",
        "n", "etc.-", "vs", "min", "max", "réf", "tél", "chap", "coll", "dép", "ann", "c.-à-d",
        "jan", "janv", "fév", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
    },
    "en": {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "sgt", "capt", "cpt",
        "brig", "adm", "gov", "sen", "rep", "rev", "hon", "jr", "sr", "inc", "co", "corp", "ltd",
        "no", "nos", "vs", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "vol",
    },
    "ar": {"د", "م", "ص", "ج", "أ", "ا"},
}

# a run of sentence-final marks, the closing quotes/brackets that belong to it, then white space
_END = re.compile(
    r"(?P<marks>[.!?؟…]+)"
    r"(?P<closers>(?:[ \u00a0\u202f]*[»”’)\]]|[\"'])*+)"
    r"(?=\s|$)"
)
_WORD_BEFORE = re.compile(r"([^\s«»\"“”(\[]+)$")
_LATIN_LOWER = re.compile(r"[a-zà-öø-ÿœ]")
_LINE = re.compile(r"[^\n]*(?:\n|$)")

MAX_CHARS = 500  # the longest segment; see the module docstring
MIN_PIECE = MAX_CHARS // 5  # a cut leaves at least this much before it, unless nothing else fits
# where a long sentence may be cut, best first: after a clause mark, after a comma, around a spaced
# dash (the dash opens the next piece), at any white space
_CUTS = (
    re.compile(r"[;:؛](?=\s)"),
    re.compile(r"[,،](?=\s)"),
    re.compile(r"(?<=\S)(?=\s+[-–—]\s)"),
    re.compile(r"(?<=\S)(?=\s)"),
)


def split(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``: ``text[start:end]`` is a sentence without outer white space."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text, lang):
        piece_start = block_start
        block = text[block_start:block_end]
        for m in _END.finditer(block):
            cut = block_start + m.end()
            if cut >= block_end:
                break
            if _is_boundary(text, block_start + m.start(), m.group("marks"), cut, lang):
                _add(text, piece_start, cut, spans)
                piece_start = cut
        _add(text, piece_start, block_end, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_CHARS:
        cut = _cut(text, start, end)
        _add(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut ``text[start:end]`` (longer than ``MAX_CHARS``) so the first piece fits."""
    limit = start + MAX_CHARS
    for pattern in _CUTS:
        best = _last(pattern, text, start + MIN_PIECE, limit)
        if best is not None:
            return best
    best = _last(_CUTS[-1], text, start + 1, limit)  # a word boundary before MIN_PIECE beats a cut word
    if best is not None:
        return best
    cut = limit  # no white space at all: cut between characters, never before a combining mark
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def _last(pattern: re.Pattern, text: str, first: int, limit: int) -> int | None:
    """The last cut ``pattern`` offers in ``[first, limit]`` (it may look a few characters beyond)."""
    best = None
    for m in pattern.finditer(text, first, limit + 8):
        if m.end() > limit:
            break
        best = m.end()
    return best


def _blocks(text: str, lang: str):
    """Paragraph-sized blocks: lines, joined when a Latin line was hard-wrapped mid-sentence."""
    start = None
    prev_line = ""
    pos = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        stripped = line.strip()
        if start is None:
            start = pos
        elif not stripped or not _continues(prev_line, stripped, lang):
            yield start, pos
            start = pos
        if stripped:
            prev_line = stripped
        pos = m.end()
    if start is not None and start < len(text):
        yield start, len(text)


def _continues(prev_line: str, line: str, lang: str) -> bool:
    """A Latin line that ends mid-sentence and goes on in lower case belongs with the previous one."""
    if lang == "ar" or not prev_line:
        return False
    if prev_line[-1] in ".!?…:»\"”":
        return False
    return bool(_LATIN_LOWER.match(line[0]))


def _is_boundary(text: str, mark_pos: int, marks: str, cut: int, lang: str) -> bool:
    nxt = _next_visible(text, cut)
    if nxt is None:
        return True
    if nxt in ",;:)" or nxt == "،":
        return False
    if lang != "ar" and _LATIN_LOWER.match(nxt):
        return False
    if marks == ".":
        m = _WORD_BEFORE.search(text, max(0, mark_pos - 40), mark_pos)
        word = m.group(1) if m else ""
        if _is_abbreviation(word, lang):
            return False
    return True


def _is_abbreviation(word: str, lang: str) -> bool:
    if not word:
        return False
    bare = word.strip("'’")
    if "." in bare and not bare.endswith("."):  # U.S, J.-C, c.-à-d
        return any(ch.isalpha() for ch in bare) and len(bare) <= 8
    if len(bare) == 1 and bare.isalpha() and bare.isupper():  # an initial: A. Smith
        return True
    return bare.lower() in ABBREVIATIONS.get(lang, ()) or (lang == "ar" and bare in ABBREVIATIONS["ar"])


def _next_visible(text: str, pos: int) -> str | None:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else None
