"""Acronyms across languages: the letters a name may be shortened to in English, French or Arabic.

A glossary may hold a name only in Arabic (قوات سوريا الديمقراطية) or only spelled out (Syrian
Democratic Forces) while the text says SDF, FDS or قسد. Each word of the name stands for the first
sound of the word itself and, for a common word of names (forces, state, democratic: see
``workbench.names.concepts``), of its usual English, French and Arabic words. The letters are
compared as sound classes both scripts share (``s`` for S / س / ش, ``k`` for K / Q / G / C / ق / ك; a
Latin vowel is itself, an Arabic word that starts with a vowel, ayn or hamza may take any) and as a
multiset, because word order changes between languages (Forces démocratiques syriennes / Syrian
Democratic Forces). Each acronym is read in one language at a time. Only a query that looks like an acronym
(Latin capitals, or one short Arabic word) is compared this way.
"""

from __future__ import annotations

import re
from itertools import product

from workbench.names.concepts import renderings
from workbench.names.forms import Form
from workbench.names.titles import FUNCTION_WORDS
from workbench.names.translit import Key, key, read_arabic

MAX_WORDS = 6  # longer names are not abbreviated letter by letter
MAX_KEYS = 256  # a name with more letter combinations than this gets none (never in practice)
_CLASS = str.maketrans({"g": "k", "j": "k", "x": "k", "q": "k", "S": "s", "T": "t", "z": "d", "p": "b"})
_VOWELISH = "aeiouwy"  # what an Arabic word starting with a vowel, ayn, hamza, waw or ya may be spelled with
# the sounds one Latin capital may stand for (C: Cham, Commandement); vowels stay themselves
_LATIN_LETTER = {"c": "ks", "g": "k", "j": "k", "q": "k", "x": "k", "z": "d", "p": "b", "v": "f"}
_ARABIC_VOWELISH = {**dict.fromkeys("اأإآعءئؤىٱ", "aeiou"), "و": "wou", "ي": "yi"}
_LATIN_TOKEN = re.compile(r"[^\W\d_]+")
_PROCLITICS = "وفبلك"


def _initial(k: Key) -> set[str]:
    """The letters one word may be abbreviated to (a joined phrase such as etats_unis gives two)."""
    if "_" in k.text:
        return {"".join(p) for p in product(*(_initial(key(part)) for part in k.text.split("_") if part))}
    if k.arabic:
        if k.start != "C" or not k.reading:
            return set(_VOWELISH)
        return {k.reading[0].translate(_CLASS)}
    first = k.text[:1]
    if first in _VOWELISH:
        return {first}
    return {(k.reading[:1] or first).translate(_CLASS)}


def _spelled_as(k: Key, lang: int | None) -> set[str]:
    """A word's letters as written (``lang`` None), or through its concept's word in one language
    (0 English, 1 French, 2 Arabic)."""
    if lang is None or not k.concept:
        return _initial(k)
    words = renderings(k.concept)
    if len(words) <= lang:
        return _initial(k)
    return {"".join(p) for p in product(*(_initial(key(w)) for w in words[lang]))}


def expansions(form: Form) -> frozenset[str]:
    """The acronyms (letters sorted) a glossary spelling of an organisation or place may go by: each
    word as written, or every common word translated into English, French or Arabic."""
    keys = form.keys
    if not keys or len(keys) > MAX_WORDS or not any(k.concept for k in keys) \
            or (len(keys) == 1 and "_" not in keys[0].text):
        return frozenset()
    out: set[str] = set()
    for lang in (None, 0, 1, 2):
        choices = [sorted(_spelled_as(k, lang)) for k in keys]
        count = 1
        for c in choices:
            count *= len(c)
        if count <= MAX_KEYS:
            out.update("".join(sorted("".join(parts))) for parts in product(*choices))
    return frozenset(a for a in out if len(a) >= 2)


def _classes(options: list[str]) -> frozenset[str]:
    return frozenset("".join(sorted(parts)) for parts in product(*options))


def spelled(text: str, form: Form) -> frozenset[str]:
    """The letters (sorted) of a query that looks like an acronym (SDF, l'EI, U.S., قسد), else none."""
    if len(form.keys) != 1:
        return frozenset()
    if form.keys[0].arabic:
        raw = text.strip()
        if re.match(f"[{_PROCLITICS}]{{0,2}}ال|لل", raw):
            return frozenset()  # a word with the article is a word, not an acronym (الفياض، القائم)
        word = form.words[0]
        stems = [word] + ([word[1:]] if word[0] in _PROCLITICS and len(word) >= 4 else [])
        out: set[str] = set()
        for stem in stems:
            if 3 <= len(stem) <= 5:
                out |= _classes([_ARABIC_VOWELISH.get(ch) or read_arabic(ch).translate(_CLASS) or "aeiou"
                                 for ch in stem])
        return frozenset(out)
    tokens = [t for t in _LATIN_TOKEN.findall(text) if t.casefold() not in FUNCTION_WORDS]
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
        tokens = ["".join(tokens)]  # U.S., E.I.
    if len(tokens) != 1 or not 2 <= len(tokens[0]) <= 6 or not tokens[0].isupper():
        return frozenset()
    return _classes([_LATIN_LETTER.get(ch, ch) for ch in tokens[0].casefold()])


def query_keys(norm: str, form: Form) -> frozenset[str]:
    """Every acronym key a normalised one-word name could look up, whatever its case (for re-linking)."""
    return spelled(norm.upper(), form) if form.keys and not form.keys[0].arabic else spelled(norm, form)
