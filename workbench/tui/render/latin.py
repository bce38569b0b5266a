"""Arabic text shown in Latin letters, with mention offsets carried over (pure; uses names.translit)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_ARABIC_RUN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")


def latinise(text: str, cuts: Iterable[int] = ()) -> tuple[str, dict[int, int]]:
    """``text`` with each run of Arabic letters romanised, and a map of old offsets to new ones.

    Offsets in ``cuts`` (mention boundaries) are kept as cut points, so a name that starts inside a
    word (after a proclitic such as و) still maps to its own Latin letters.
    """
    from workbench.names.translit import romanize

    points = sorted({0, len(text), *(c for c in cuts if 0 <= c <= len(text))})
    out: list[str] = []
    where: dict[int, int] = {}
    length = 0
    for start, end in zip(points, points[1:]):
        where[start] = length
        piece = text[start:end]
        pos = 0
        for match in _ARABIC_RUN.finditer(piece):
            out.append(piece[pos:match.start()])
            out.append(romanize(match.group()))
            length += match.start() - pos + len(out[-1])
            pos = match.end()
        out.append(piece[pos:])
        length += len(piece) - pos
    where[len(text)] = length
    return "".join(out), where
