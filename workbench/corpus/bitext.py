"""Sentence alignment of a source article with its human English version (Gale-Church by length).

When both sides have as many sentences and every pair's length agrees with the article's overall
length ratio, the pairing is 1:1. Otherwise a dynamic programme over character lengths picks the
cheapest sequence of beads: 1:1, 2:1 (two source sentences, one English), 1:2, 1:0 (no English)
and 0:1 (an English sentence with no source, later attached to a neighbour).

Two departures from the 1993 paper: a sentence left without counterpart costs a flat penalty (the
paper's length term makes a 1:0 bead almost never win, yet English editions do drop sentences), and
anchors shared by both sides of a bead (numbers, and Latin-script names spelled alike) lower its cost.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# bead priors (Gale & Church 1993; 2:2 left out, 0:1 kept only to attach extra English sentences)
PRIORS = {(1, 1): 0.89, (2, 1): 0.089, (1, 2): 0.089, (1, 0): 0.0099, (0, 1): 0.0099}
VARIANCE = 6.8  # variance of target length per source character
ANCHOR_BONUS = 1.0  # cost taken off per anchor found on both sides of a bead (at most 3)
_PENALTY = {bead: -math.log(p) for bead, p in PRIORS.items()}
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0\u202f ]\d{3})*")
_NAME = re.compile(r"\b[A-Z][\w'-]{3,}")


@dataclass(frozen=True)
class Bead:
    """Source sentence indices aligned with English sentence indices."""

    source: tuple[int, ...]
    english: tuple[int, ...]


@dataclass(frozen=True)
class Row:
    """What to store for one source segment."""

    index: int  # position of the source sentence
    text: str  # its English ('' for 1:0 and for the second sentence of a 2:1)
    merged: bool  # True: its English is in the previous segment's row (2:1)


def align(source: list[str], english: list[str]) -> list[Bead]:
    """Beads covering both sentence lists in order."""
    if not source or not english:
        return [Bead((i,), ()) for i in range(len(source))] + [Bead((), (j,)) for j in range(len(english))]
    src_len = [max(1, len(s)) for s in source]
    eng_len = [max(1, len(e)) for e in english]
    ratio = sum(eng_len) / sum(src_len)
    if len(source) == len(english) and all(_close(a, b, ratio) for a, b in zip(src_len, eng_len)):
        return [Bead((i,), (i,)) for i in range(len(source))]
    src_anchors, eng_anchors = [_anchors(t) for t in source], [_anchors(t) for t in english]
    beads = _dynamic(src_len, eng_len, ratio, src_anchors, eng_anchors)
    for _ in range(2):  # a dropped or added sentence skews the overall ratio: re-estimate it from 1:1 beads
        pairs = [(src_len[b.source[0]], eng_len[b.english[0]]) for b in beads if len(b.source) == len(b.english) == 1]
        if len(pairs) < 2:
            break
        better = sum(e for _, e in pairs) / sum(s for s, _ in pairs)
        if abs(better - ratio) < 0.02 * ratio:
            break
        ratio = better
        beads = _dynamic(src_len, eng_len, ratio, src_anchors, eng_anchors)
    return beads


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def _anchors(text: str) -> Counter:
    """Numbers (separators dropped, any script's digits) and capitalised Latin words, folded."""
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    found = Counter(re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(digits))
    found.update(_fold(m.group()) for m in _NAME.finditer(text))
    return found


def _close(src: int, eng: int, ratio: float) -> bool:
    expected = src * ratio
    return abs(eng - expected) <= max(0.5 * expected, 25)


def _cost(src: int, eng: int, ratio: float) -> float:
    """-log P(length difference) for a bead of ``src`` source and ``eng`` English characters."""
    mean = (src + eng / ratio) / 2
    delta = (eng - src * ratio) / math.sqrt(max(mean, 1) * VARIANCE)
    p = math.erfc(abs(delta) / math.sqrt(2))  # two-tailed probability of a deviation this large
    return -math.log(max(p, 1e-300))


def _dynamic(src: list[int], eng: list[int], ratio: float, src_anchors: list[Counter],
             eng_anchors: list[Counter]) -> list[Bead]:
    n, m = len(src), len(eng)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    band = max(20, abs(n - m) + 10)  # long articles: stay near the diagonal
    for i in range(n + 1):
        row = cost[i]
        centre = i * m / n
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            here = row[j]
            if here == inf:
                continue
            for (di, dj), penalty in _PENALTY.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = here + penalty
                if di and dj:
                    step += _cost(sum(src[i:ni]), sum(eng[j:nj]), ratio)
                    a = src_anchors[i] if di == 1 else src_anchors[i] + src_anchors[i + 1]
                    b = eng_anchors[j] if dj == 1 else eng_anchors[j] + eng_anchors[j + 1]
                    if a and b:
                        step -= ANCHOR_BONUS * min(3, sum((a & b).values()))
                if step < cost[ni][nj]:
                    cost[ni][nj] = step
                    back[ni][nj] = (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def to_rows(beads: list[Bead], english: list[str], n_source: int) -> list[Row]:
    """One row per source sentence; 0:1 English goes with the previous bead that has a source
    sentence (or the next one, at the start)."""
    texts: dict[int, list[str]] = {}
    merged: set[int] = set()
    holders: list[int | None] = []  # per bead: the source index whose row holds the English
    for bead in beads:
        if bead.source:
            holder = bead.source[0]
            texts[holder] = [english[j] for j in bead.english]
            for extra in bead.source[1:]:
                texts[extra] = []
                if bead.english:
                    merged.add(extra)
            holders.append(holder)
        else:
            holders.append(None)
    orphans_before_first: list[str] = []
    last_holder: int | None = None
    for bead, holder in zip(beads, holders):
        if holder is not None:
            last_holder = holder
            if orphans_before_first:
                texts[holder][:0] = orphans_before_first
                orphans_before_first = []
        else:
            extra = [english[j] for j in bead.english]
            if last_holder is None:
                orphans_before_first.extend(extra)
            else:
                texts[last_holder].extend(extra)
    return [Row(i, " ".join(texts.get(i, [])), i in merged) for i in range(n_source)]
