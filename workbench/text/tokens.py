"""Word tokens with character offsets, word keys for matching, and Arabic proclitic stripping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.text.fold import fold, has_arabic

# letters, digits and the combining marks inside words (Arabic harakat, tatweel, Latin accents in NFD)
_WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")

# conjunctions, then prepositions, that attach to the front of an Arabic word
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")


@dataclass(slots=True)
class Token:
    """A run of word characters: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    joins: bool = False  # the next token follows after a space, hyphen or apostrophe only


_GLUE = re.compile(r"[ \u00a0\u202f]?[-‐‑'’]?[ \u00a0\u202f]?")


_GLUE_CHARS = " \u00a0\u202f-‐‑'’"


def words(text: str) -> list[Token]:
    """Word tokens of ``text`` (punctuation, hyphens and apostrophes separate words)."""
    tokens = [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    for a, b in zip(tokens, tokens[1:]):
        gap = b.start - a.end
        if gap == 1:
            a.joins = text[a.end] in _GLUE_CHARS
        elif gap <= 3:
            a.joins = _GLUE.fullmatch(text, a.end, b.start) is not None
    return tokens


def is_arabic(text: str) -> bool:
    """True when the text contains any Arabic-script character."""
    return has_arabic(text)


# the Persian yeh and keheh Arabic text from Kurdish and Persian keyboards is often written with
# (البیشمركة, کركوك): read as the Arabic letters by the glossary's lookup (not by the search index, whose
# stored forms stay). Kurdish letters (ە ۆ ڕ) are not: the place list's Kurdish names would meet common
# Arabic words (مەدینە, مدينة)
_PERSIAN_LETTERS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})


def arabic_letters(text: str) -> str:
    """The text with the Persian yeh and keheh written as the Arabic letters."""
    return text.translate(_PERSIAN_LETTERS)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The matching key of one word: case, Latin accents and Arabic orthographic variants folded, the
    Persian yeh and keheh read as the Arabic letters."""
    return fold(arabic_letters(word))


def key_of(text: str) -> tuple[str, ...]:
    """Word keys of a whole phrase (a glossary variant or a surface)."""
    return tuple(word_key(w) for w in _WORD.findall(text))


@lru_cache(maxsize=200_000)
def proclitic_forms(word: str) -> tuple[tuple[int, str], ...]:
    """``(prefix_length, stem)`` readings of an Arabic word: والحسكة -> (1, الحسكة); للحشد -> (1, الحشد).

    The bare word comes first; stems are kept at two letters or more. Cached: every glossary lookup
    and cue asks for the words of each sentence.
    """
    forms: list[tuple[int, str]] = [(0, word)]
    if not is_arabic(word):
        return tuple(forms)
    seen = {word}
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            prefix = conj + prep
            if not prefix or not word.startswith(prefix):
                continue
            stem = word[len(prefix):]
            if prep == "ل" and stem.startswith("ل") and len(stem) >= 3:
                stem = "ا" + stem  # ل + ال -> لل: للحشد is ل + الحشد
            if len(stem) >= 2 and stem not in seen:
                seen.add(stem)
                forms.append((len(prefix), stem))
    return tuple(forms)


def bare_word(word: str) -> str:
    """An Arabic word without its proclitics and article: والحسكة, بالحسكة, للحسكة, الحسكة -> حسكة.

    The reading of ``proclitic_forms`` with the longest prefix, then ال, each only while two letters
    or more are left; a word in another script comes back as it is.
    """
    forms = proclitic_forms(word)
    stem = max(forms, key=lambda form: form[0])[1]
    if stem.startswith("ال") and len(stem) >= 4:
        stem = stem[2:]
    return stem


def stem_surface(surface: str, prefix_len: int) -> str:
    """The surface without its proclitics (restoring the alef of ال after ل)."""
    if not prefix_len:
        return surface
    stem = surface[prefix_len:]
    if surface[prefix_len - 1] == "ل" and stem.startswith("ل"):
        stem = "ا" + stem
    return stem
