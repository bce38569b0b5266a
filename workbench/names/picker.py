"""Search-as-you-type over entities for the picker: literal prefixes and phonetic prefixes, any script."""

from __future__ import annotations

import bisect

from workbench.names.candidate import Candidate
from workbench.names.forms import analyse
from workbench.names.normalize import bare_arabic_words, normalize

SCAN = 4000  # most index entries looked at per query word


class Picker:
    """Two sorted word lists (spelling and coarse key) over every variant of a ``Matcher``."""

    def __init__(self, matcher) -> None:
        self.m = matcher
        words: list[tuple[str, int, int]] = []
        keys: list[tuple[str, int, int]] = []
        for v, var in enumerate(matcher.variants):
            for position, (word, k) in enumerate(zip(var.form.words, var.form.keys)):
                words.append((word, v, position))
                if k.coarse:
                    keys.append((k.coarse, v, position))
        words.sort()
        keys.sort()
        self.words = words
        self.word_text = [w for w, _, _ in words]
        self.keys = keys
        self.key_text = [k for k, _, _ in keys]

    def _prefix(self, texts, rows, prefix: str, exact: bool):
        lo = bisect.bisect_left(texts, prefix)
        hi = bisect.bisect_right(texts, prefix + "\U0010ffff") if not exact else bisect.bisect_right(texts, prefix)
        return rows[lo:min(hi, lo + SCAN)]

    def _word_hits(self, word, k, last: bool) -> dict[int, float]:
        """Variant -> quality of the best hit of this query word."""
        hits: dict[int, float] = {}
        for text, v, _ in self._prefix(self.word_text, self.words, word, exact=not last):
            quality = 1.0 if len(text) == len(word) else 0.9
            if hits.get(v, 0.0) < quality:
                hits[v] = quality
        if k.coarse and (len(k.coarse) >= 2 or len(word) <= 3 or not last):
            for text, v, _ in self._prefix(self.key_text, self.keys, k.coarse, exact=not last):
                quality = 0.8 if len(text) == len(k.coarse) else 0.6 + 0.2 * len(k.coarse) / len(text)
                if hits.get(v, 0.0) < quality:
                    hits[v] = quality
        return hits

    def search(self, text: str, limit: int = 20):
        m = self.m
        norm = normalize(text, "")
        if not norm:
            order = sorted(range(len(m.entity_ids)), key=lambda e: m.canonicals[e].casefold())[:limit]
            return [Candidate(m.entity_ids[e], m.canonicals[e], 0.0, False, m.canonicals[e], "all entities")
                    for e in order]
        form = analyse(norm, True, bare_arabic_words(text))
        if not form.words:
            return []
        totals: dict[int, float] | None = None
        complete = not text[-1:].isspace()
        for i, (word, k) in enumerate(zip(form.words, form.keys)):
            hits = self._word_hits(word, k, last=(i == len(form.words) - 1 and complete))
            if totals is None:
                totals = hits
            else:
                totals = {v: s + hits[v] for v, s in totals.items() if v in hits}
            if not totals:
                return []
        n = len(form.words)
        best: dict[int, tuple[float, int]] = {}
        for v, s in totals.items():
            var = m.variants[v]
            # fewer extra words in the variant ranks first: "kaz" prefers Kazemi to Kazemi Brigade
            score = s / n - 0.02 * max(0, len(var.form.words) - n)
            held = best.get(var.entity)
            if held is None or score > held[0]:
                best[var.entity] = (score, v)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], m.canonicals[item[0]].casefold()))
        out = []
        for e, (score, v) in ranked[:limit]:
            var = m.variants[v]
            out.append(Candidate(m.entity_ids[e], m.canonicals[e], round(max(0.0, min(1.0, score)), 4),
                                 False, var.text, f"{var.lang} variant \"{var.text}\" starts like the query"))
        return out
