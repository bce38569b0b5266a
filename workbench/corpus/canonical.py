"""Renders English text with each linked name replaced by its entity's canonical English name."""

from __future__ import annotations

import re
from collections.abc import Sequence


def render_canonical(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, canonical)`` span replaced by ``canonical``.

    Spans must be sorted by start, lie inside the text and not overlap; a ``ValueError`` says which
    one does not. Text outside the spans is kept exactly.
    """
    return render_canonical_with_offsets(text, spans)[0]


def render_canonical_with_offsets(
    text: str, spans: Sequence[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int]]]:
    """Like :func:`render_canonical`, also returning where each span landed in the new text."""
    parts: list[str] = []
    moved: list[tuple[int, int]] = []
    pos = 0  # next unread offset in ``text``
    length = 0  # length of what has been written so far
    for start, end, canonical in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) lies outside a text of {len(text)} characters")
        if start < pos:
            raise ValueError(f"span ({start}, {end}) overlaps or precedes the span before it")
        parts.append(text[pos:start])
        length += start - pos
        parts.append(canonical)
        moved.append((length, length + len(canonical)))
        length += len(canonical)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), moved


def absorb_repeated_words(text: str, start: int, end: int, canonical: str) -> tuple[int, int]:
    """The span widened over words around it that the canonical name already says.

    ``Ghwayran prison`` for the span ``Ghwayran`` in "the Ghwayran prison was" would otherwise read
    "the Ghwayran prison prison was": the canonical name's last words are taken from the text after
    the span when they are there (and its first words from before it), compared without case.
    """
    words = canonical.split()
    for k in range(len(words) - 1, 0, -1):
        tail = re.match(r"\s+" + r"\s+".join(map(re.escape, words[-k:])) + r"\b", text[end:], re.IGNORECASE)
        if tail and not text[start:end].casefold().endswith(" ".join(words[-k:]).casefold()):
            end += tail.end()
            break
    for k in range(len(words) - 1, 0, -1):
        head = re.search(r"\b" + r"\s+".join(map(re.escape, words[:k])) + r"\s+$", text[:start], re.IGNORECASE)
        if head and not text[start:end].casefold().startswith(" ".join(words[:k]).casefold()):
            start = head.start()
            break
    return start, end
