"""Acronyms across languages: the letters a name may be shortened to in English, French or Arabic.

A glossary may hold a name only in Arabic (قوات سوريا الديمقراطية) or only spelled out (Syrian
Democratic Forces) while the text says SDF, FDS or قسد. Each word of the name stands for its own first
letter and, for a common word of names (forces, state, democratic: see ``workbench.names.concepts``),
for the first letter of its usual English, French and Arabic word; each acronym is read in one
language at a time. A word in the other script stands for every letter its first sound is written
with (ش: S of Sham, C of Cham; F: ف). The letters are compared as a multiset, because word order
changes between languages (Forces démocratiques syriennes / Syrian Democratic Forces). Only a query
that looks like an acronym (Latin capitals, or one short Arabic word without the article) is
compared this way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from workbench.names.concepts import renderings
from workbench.names.forms import Form
from workbench.names.titles import FUNCTION_WORDS
from workbench.names.translit import Key, key

MAX_WORDS = 6  # longer names are not abbreviated letter by letter
MAX_KEYS = 256  # a name with more letter combinations than this gets none (never in practice)
# the Latin letters an Arabic word's first letter is written with (normalised Arabic: أ إ آ -> ا)
_TO_LATIN = {
    "ا": "aeiou", "ع": "aeiou", "ء": "aeiou", "ى": "aeiou", "ئ": "aeiou", "ؤ": "aeiou", "و": "wou", "ي": "yi",
    "ب": "b", "ت": "t", "ث": "t", "ج": "jgd", "ح": "h", "خ": "k", "د": "d", "ذ": "dz", "ر": "r", "ز": "z",
    "س": "s", "ش": "sc", "ص": "s", "ض": "d", "ط": "t", "ظ": "dz", "غ": "g", "ف": "f", "ق": "qkg", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "h",
}
# the Arabic letters a Latin word's first letter or digraph is written with
_LATIN_DIGRAPHS = {"sh": "ش", "ch": "ش", "kh": "خ", "th": "ث", "dh": "ذ", "gh": "غ"}
_TO_ARABIC = {
    "a": "اع", "e": "اع", "i": "اع", "o": "اعو", "u": "اعو", "b": "ب", "c": "كقس", "d": "دض", "f": "ف",
    "g": "غجق", "h": "هح", "j": "ج", "k": "كق", "l": "ل", "m": "م", "n": "ن", "p": "ب", "q": "ق", "r": "ر",
    "s": "سص", "t": "تط", "v": "ف", "w": "و", "y": "ي", "z": "زذظ",
}
_LATIN_TOKEN = re.compile(r"[^\W\d_]+")
_PROCLITICS = "وفبلك"


def _letters(word: str, arabic: bool, latin: bool) -> str:
    """The letters (of the Latin alphabet when ``latin``, else of the Arabic) a word may be abbreviated to."""
    if not word:
        return ""
    if arabic:
        return _TO_LATIN.get(word[0], "") if latin else word[0]
    if latin:
        return word[0]
    return _LATIN_DIGRAPHS.get(word[:2]) or _TO_ARABIC.get(word[0], "")


def _options(k: Key, lang: int | None, latin: bool) -> set[str]:
    """What one word gives an acronym: its own letter (``lang`` None), or its concept's word in one
    language (0 English, 1 French, 2 Arabic); a joined phrase (etats_unis) gives one letter a word."""
    if lang is not None and k.concept:
        words = renderings(k.concept)
        if len(words) > lang:
            return {"".join(p) for p in product(*(_letters(w, key(w).arabic, latin) for w in words[lang]))}
    parts = [w for w in k.text.split("_") if w]
    return {"".join(p) for p in product(*(_letters(w, k.arabic, latin) for w in parts))}


@lru_cache(maxsize=200_000)  # a glossary change builds the matcher again over the same spellings
def expansions(form: Form) -> frozenset[str]:
    """The acronyms a glossary spelling of an organisation or place may go by, as keys: ``L`` or ``A``
    (Latin or Arabic letters), then the letters sorted."""
    keys = form.keys
    if not keys or len(keys) > MAX_WORDS or not any(k.concept for k in keys) \
            or (len(keys) == 1 and "_" not in keys[0].text):
        return frozenset()
    out: set[str] = set()
    for latin, tag in ((True, "L"), (False, "A")):
        for lang in (None, 0, 1, 2):
            choices = [sorted(_options(k, lang, latin)) for k in keys]
            count = 1
            for c in choices:
                count *= len(c)
            if 0 < count <= MAX_KEYS:
                out.update(tag + "".join(sorted("".join(parts))) for parts in product(*choices))
    return frozenset(a for a in out if len(a) >= 3)


def spelled(text: str, form: Form) -> frozenset[str]:
    """The key of a query that looks like an acronym (SDF, l'EI, U.S., قسد), else none."""
    if len(form.keys) != 1:
        return frozenset()
    if form.keys[0].arabic:
        if re.match(f"[{_PROCLITICS}]{{0,2}}ال|لل", text.strip()):
            return frozenset()  # a word with the article is a word, not an acronym (الفياض، القائم)
        word = form.words[0]
        stems = [word] + ([word[1:]] if word[0] in _PROCLITICS and len(word) >= 4 else [])
        return frozenset("A" + "".join(sorted(stem)) for stem in stems if 3 <= len(stem) <= 5)
    tokens = [t for t in _LATIN_TOKEN.findall(text) if t.casefold() not in FUNCTION_WORDS]
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        tokens = ["".join(tokens)]  # U.S., E.I.
    if len(tokens) != 1 or not 2 <= len(tokens[0]) <= 6 or not tokens[0].isupper():
        return frozenset()
    return frozenset({"L" + "".join(sorted(tokens[0].casefold()))})


def query_keys(norm: str, form: Form) -> frozenset[str]:
    """Every acronym key a normalised one-word name could look up, whatever its case (for re-linking)."""
    return spelled(norm.upper(), form) if form.keys and not form.keys[0].arabic else spelled(norm, form)
