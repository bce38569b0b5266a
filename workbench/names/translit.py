"""Phonetic keys that bring Arabic spellings and Latin transliterations of a name together.

Both scripts are read into one small alphabet: consonant classes (b t T j h x d z r s S g k f l m n)
and three vowels (a i u). From that *reading* come the keys the matcher indexes and compares:

- ``fine``: the consonants only (vowels, ayn, hamza and the semi-vowels w / y dropped);
  ق / ك / q / k are one class already;
- ``coarse``: ``fine`` with the classes transliterations confuse merged: ظ ض ذ ز د / z dh d -> d,
  ث / th -> t, and a final h (teh marbuta, -ah, -eh) dropped;
- ``loose``: ``coarse`` with k / g / j / kh merged, sh with s, and every h dropped.

Latin rules cover English and French conventions: sh / ch / sch, kh, gh, dh, th, dj / j, ou / u,
ph, c before e / i, g before e / i (Algérie, Magid), q / k, x, v for w (Javad), doubled letters,
e / i and o / u variation. A word-final h is dropped from the coarse key only. Marked Latin
spellings (q, dh, kh, gh, sh, z, j) must find an Arabic letter they can stand for (``marks``).
Input is a word already normalised by ``workbench.names.normalize``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from workbench.names.concepts import concept, phrase_concept

VOWELS = frozenset("aiu")

_AR_MAP = {
    "ا": "a", "ى": "a", "ي": "i", "و": "u", "ئ": "i", "ؤ": "u", "ء": "", "ع": "", "ة": "a",
    "ب": "b", "ت": "t", "ث": "T", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "b", "چ": "S", "ژ": "z", "ڤ": "f", "گ": "g", "ک": "k", "ی": "i", "ٱ": "a", "أ": "a",
    "إ": "a", "آ": "a",
}
for _d in range(10):
    _AR_MAP[chr(0x0660 + _d)] = str(_d)
    _AR_MAP[chr(0x06F0 + _d)] = str(_d)

# Latin graphemes of more than one letter, longest first, to one-letter placeholders
_LAT_MULTI = {
    "sch": "S", "tch": "S", "dj": "J", "dh": "Z", "th": "T", "kh": "X", "gh": "G", "sh": "S",
    "ch": "S", "ph": "F", "ck": "K", "ou": "U", "oo": "U", "ee": "I", "aa": "A",
}
_LAT_MULTI_RE = re.compile("|".join(sorted(_LAT_MULTI, key=len, reverse=True)))
_LAT_SOFT = re.compile(r"([cg])(?=[eiyI])")  # c / g before e, i: Algérie, Magid
_LAT_FINAL_E = re.compile(r"e$")  # French final -e / -é: silent or teh marbuta (Hassaké)
_LAT_TABLE = str.maketrans({
    "a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "w": "u", "v": "u", "y": "i", "b": "b",
    "p": "b", "c": "k", "d": "d", "f": "f", "g": "g", "h": "h", "j": "j", "k": "k", "q": "k",
    "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "t": "t", "z": "z", "x": "ks",
    "S": "S", "J": "j", "Z": "z", "T": "T", "X": "x", "G": "g", "F": "f", "K": "k", "U": "u",
    "I": "i", "A": "a", "C": "s", "Q": "j", "E": "a",
})
_DOUBLES = re.compile(r"(.)\1+")

_AR_TABLE = {cp: None for cp in range(0x0600, 0x0700)}
_AR_TABLE.update({ord(ch): value for ch, value in _AR_MAP.items()})
_AR_DISPLAY_TABLE = {**_AR_TABLE, ord("ع"): "ʿ"}  # shown to people: ayn kept (matching drops it)

_COARSE = str.maketrans({"z": "d", "T": "t"})
_LOOSE = str.maketrans({"g": "k", "j": "k", "x": "k", "S": "s", "h": None})
_NO_VOWELS = str.maketrans({"a": None, "i": None, "u": None})


def _first(match: re.Match) -> str:
    return match.group(1)


def fold_doubles(text: str) -> str:
    """Runs of one letter folded to one: kirkkuk -> kirkuk."""
    return _DOUBLES.sub(_first, text) if _DOUBLES.search(text) else text


def read_arabic(word: str, table: dict = _AR_TABLE) -> str:
    """The reading of a normalised Arabic word: كاظمي -> kazmi (final ه / ة read as a vowel)."""
    out = word.translate(table)
    if len(word) > 2 and word[-1] in "هة":
        out = out[:-1] + "a"
    return fold_doubles(out)


def read_latin(word: str) -> str:
    """The reading of a normalised Latin word: kadhimi -> kazimi, hassake -> hasaka, daech -> daiS."""
    out = _LAT_MULTI_RE.sub(lambda m: _LAT_MULTI[m.group()], word)
    out = _LAT_SOFT.sub(lambda m: "C" if m.group(1) == "c" else "Q", out)
    if len(word) > 2:
        out = _LAT_FINAL_E.sub("E", out)
    return fold_doubles(out.translate(_LAT_TABLE))


class Key:
    """The phonetic description of one normalised word (shared, immutable)."""

    __slots__ = ("text", "arabic", "reading", "fine", "coarse", "loose", "start", "end", "concept", "ident",
                 "index_keys", "marks")

    def __init__(self, text: str, arabic: bool, reading: str, concept: str | None = None) -> None:
        self.text = text
        self.concept = concept  # a common word's meaning (army, ministry ...): matches by translation
        self.arabic = arabic
        self.reading = reading
        fine = reading.translate(_NO_VOWELS)  # no folding here: Dhadhadi keeps its three consonants
        self.fine = fine
        coarse = fine.translate(_COARSE)
        if len(coarse) > 1 and coarse.endswith("h"):
            coarse = coarse[:-1]
        self.coarse = coarse
        self.loose = fold_doubles(coarse.translate(_LOOSE))
        self.end = _latin_ending(text, reading) if not arabic else _ending(reading)
        self.start = _start(text, arabic)
        self.ident = "#" + concept if concept else self.loose  # what document frequency counts
        self.marks = _marks(text, arabic)
        # the matcher's index entries for this word: coarse key, loose key, meaning
        self.index_keys = ("c" + self.coarse, "l" + self.loose) + (("k" + concept,) if concept else ())

    def __repr__(self) -> str:
        return f"Key({self.text!r}: {self.reading}/{self.fine}/{self.coarse}/{self.loose}/{self.end})"


# Latin spellings that name one Arabic letter (or a few): Qadati is not الكداتي, Madhsubi not المدسوبي
_LATIN_MARKS = (("q", "q"), ("dh", "dh"), ("th", "th"), ("kh", "kh"), ("gh", "gh"), ("sh", "sh"),
                ("ch", "sh"), ("z", "z"), ("j", "j"))
_ARABIC_MARKS = {"q": "ق", "dh": "ذظض", "th": "ثذظت", "kh": "خ", "gh": "غ", "sh": "شچ", "z": "زذظض",
                 "j": "جچژ"}


def _marks(text: str, arabic: bool) -> frozenset:
    """Latin: the marked spellings the word uses. Arabic: the marked spellings its letters allow."""
    if arabic:
        return frozenset(mark for mark, letters in _ARABIC_MARKS.items() if any(ch in text for ch in letters))
    return frozenset(mark for spelling, mark in _LATIN_MARKS if spelling in text)


def mark_conflicts(latin: "Key", arabic: "Key") -> int:
    """How many marked Latin spellings (q, dh, kh, gh, sh, z, j ...) the Arabic word has no letter for."""
    return len(latin.marks - arabic.marks)


_AR_VOWEL_START = frozenset("اأإآعءئؤٱ")


def _start(text: str, arabic: bool) -> str:
    """How a word starts: 'V' (vowel, ayn, hamza: Iraq, عراق), 'S' (w / y: Walid, وليد), 'C'."""
    if not text:
        return "C"
    first = text[0]
    if arabic:
        return "V" if first in _AR_VOWEL_START else "S" if first in "وي" else "C"
    return "V" if first in "aeiou" else "S" if first in "wy" else "C"


def _latin_ending(text: str, reading: str) -> str:
    if len(text) > 2 and text.endswith("e"):
        return "e"
    if len(text) > 2 and text.endswith(("ah", "eh")):
        return "h"
    return _ending(reading)


def _ending(reading: str) -> str:
    """How a word ends: 'i' (nisba -i, -y, ي), 'a' (a, teh marbuta), 'u', or 'C' (consonant).

    A Latin word ending in -e gets 'e' (silent or teh marbuta: compatible with 'a' and 'C'), one in
    -ah / -eh gets 'h' (teh marbuta or a real h: Hasakah, Saleh).
    """
    if not reading:
        return "C"
    last = reading[-1]
    if last in VOWELS:
        return last
    return "C"


@lru_cache(maxsize=200_000)
def key(word: str) -> Key:
    """The phonetic key of one normalised word (Arabic or Latin)."""
    meaning = concept(word) or phrase_concept(word)
    if any("\u0600" <= ch <= "\u06ff" for ch in word[:3]):
        return Key(word, True, read_arabic(word.replace("_", "")), meaning)
    return Key(word, False, read_latin(word.replace("_", "")), meaning)


def romanize(text: str) -> str:
    """A rough Latin reading of normalised Arabic text, for display: ayn is kept (عراق -> ʿrak)."""
    words = []
    for word in text.split():
        reading = read_arabic(word.replace("_", ""), _AR_DISPLAY_TABLE) if key(word).arabic else word
        words.append(reading.replace("S", "sh").replace("x", "kh").replace("T", "th"))
    return " ".join(words)


# ---- keys of names as written, for pairing a source mention with its English span ----------------

_PAIR_KEY = str.maketrans({"x": "k", "S": "s"})  # kh / ch / sh spellings vary most between languages


@lru_cache(maxsize=200_000)
def written_word_key(word: str) -> str:
    """The coarse key of one word as written in a text (a token, not normalised): the article
    (al-, ال) and vowels dropped, kh / k and sh / s merged; a standalone article gives ''.

    Arabic proclitics are kept (بالكرخي is not الكرخي): which letters are a proclitic is the
    caller's question, asked of each reading of the token."""
    from workbench.names.normalize import LATIN_ARTICLES, normalize
    from workbench.text.fold import fold_arabic, has_arabic

    if has_arabic(word):
        folded = fold_arabic(word)
        if folded.startswith("ال") and len(folded) > 3:
            folded = folded[2:]
        return key(folded).coarse.translate(_PAIR_KEY)
    if word.casefold() in LATIN_ARTICLES:
        return ""
    return "".join(key(w).coarse.translate(_PAIR_KEY) for w in normalize(word).split())


def name_key(words: list[str] | tuple[str, ...]) -> str:
    """The key of a multi-word name as written: its words' keys run together, doubles folded."""
    return fold_doubles("".join(written_word_key(w) for w in words))


def key_similarity(a: str, b: str) -> float:
    """0..1 similarity of two name keys; keys of one or two consonants must be equal."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) <= 2:
        return 1.0 if a == b else 0.0
    return ratio(a, b) / 100.0
