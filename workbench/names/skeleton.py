"""Script-independent consonant skeletons, to compare an Arabic, French or English spelling of a name.

``skeleton("الكاظمي") == skeleton("al-Kadhimi") == skeleton("Kazimi")``: vowels, long-vowel letters,
the article and ``ʿayn`` are dropped, and letters that the usual romanisations render differently are
folded into one class (ظ ض ذ د ز / dh d z -> D; ش س ص / sh ch s -> S; ق ك خ / q k kh c -> K ...).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.fuzz import ratio

_AR = {
    "ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "D", "ر": "R",
    "ز": "D", "س": "S", "ش": "S", "ص": "S", "ض": "D", "ط": "T", "ظ": "D", "غ": "G", "ف": "F",
    "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H", "ة": "", "پ": "B", "چ": "J",
    "گ": "G", "ڤ": "F", "ک": "K", "ی": "",
}
_LATIN_DIGRAPHS = [
    ("kh", "K"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("dh", "D"), ("gh", "G"), ("ph", "F"),
    ("dj", "J"), ("tch", "J"), ("ck", "K"), ("ou", ""),
]
_LATIN = {
    "b": "B", "p": "B", "t": "T", "j": "J", "h": "H", "k": "K", "q": "K", "c": "K", "g": "G",
    "d": "D", "z": "D", "r": "R", "s": "S", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N",
    "x": "KS",
}
_ARTICLE_LATIN = re.compile(r"^(?:al|el|ul|a[dnrstz]h?)$")
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")


def _latin_word(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    if len(word) > 3 and word[-1] == "h" and word[-2] in "aeiou":  # Hasakah, Salaheh: a vowel ending
        word = word[:-1]
    for digraph, repl in _LATIN_DIGRAPHS:
        word = word.replace(digraph, repl)
    out = []
    for ch in word:
        if ch.isupper():  # a digraph class already
            out.append(ch)
        else:
            out.append(_LATIN.get(ch, ""))
    return "".join(out)


def _arabic_word(word: str) -> str:
    from workbench.text.fold import fold_arabic

    word = fold_arabic(word)
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2:  # folded teh marbuta: a vowel ending
        word = word[:-1]
    return "".join(_AR.get(ch, "") for ch in word)


@lru_cache(maxsize=200_000)
def word_skeleton(word: str) -> str:
    """Skeleton of one word (the article al-/ال of a name dropped when it stands alone)."""
    if _ARABIC_CHAR.search(word):
        return _arabic_word(word)
    if _ARTICLE_LATIN.match(word.casefold()):
        return ""
    return _latin_word(word)


_DOUBLE = re.compile(r"(.)\1+")


def skeleton(words: list[str] | tuple[str, ...]) -> str:
    """Skeleton of a multi-word name, words concatenated, doubled letters single."""
    return _DOUBLE.sub(r"\1", "".join(word_skeleton(w) for w in words))


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two skeletons; skeletons of one or two consonants must be equal."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) <= 2:
        return 1.0 if a == b else 0.0
    return ratio(a, b) / 100.0
