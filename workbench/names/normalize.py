"""The one normal form of a name or mention: ``normalize(text, lang)``, stored in ``*.norm`` columns.

Arabic: Unicode compatibility forms, diacritics, tatweel, the article ال and the proclitics before it
(وال، بال، فال، كال، لل...) removed, then alef / alef maksura / teh marbuta folded (camel-tools).
Latin: case and accents folded, the Arabic article in every spelling (al-, el-, ad-, ash-, Al ...) and
the French elisions l' / d' removed, apostrophes and ayn / hamza signs dropped, hyphens to spaces.
The result is script-driven (``lang`` is only a hint), so fr and en spellings share one form.
Changing anything here means bumping ``NORM_VERSION`` so stored forms are recomputed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NORM_VERSION = "1"

_ARABIC_CHAR = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06FA-\u06FF]+$")

# the article (always written with a bare alef) and the proclitics that attach before it
_AR_ARTICLE = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=[\u0621-\u064A\u0671-\u06D3]{2})")
_AR_CONSONANT = re.compile("[\u0628-\u0647\u0648\u064a]")
# words that merely start with the letters alif-lam (بالإضافة is not a name; these are)
_AR_NOT_ARTICLE = {"الله", "اللهم", "الياس", "الهام", "الفت"}

_LATIN_ARTICLES = {
    "al", "el", "ul", "il", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "edh",
    "er", "es", "esh", "et", "eth", "ez", "en",
}
_SPACED_ARTICLES = {"al", "el"}  # also articles when written as a separate word: "Al Anbar"
_ELISION = re.compile(r"(?<![\w])(?:l|d|qu)['\u2019\u02bc](?=\w)", re.IGNORECASE)
_APOSTROPHES = re.compile("['\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032]")
_HYPHENATED_ARTICLE = re.compile(r"(?<![\w])([a-z]{1,3})-(?=\w)")
_NON_WORD = re.compile(r"[^\w]+")


def is_arabic(text: str) -> bool:
    """True when the text contains any Arabic-script character."""
    return bool(_ARABIC_CHAR.search(text))


@lru_cache(maxsize=1)
def _camel():
    from workbench.textnorm import dediac_ar  # camel-tools' own import costs 0.4 s
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    return normalize_unicode, dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar


def strip_ar_article(word: str) -> str:
    """``word`` without the article and the proclitics before it (والحسكة -> حسكة)."""
    if word in _AR_NOT_ARTICLE:
        return word
    match = _AR_ARTICLE.match(word)
    if not match or not _AR_CONSONANT.search(word, match.end()):  # الاء (Alaa) keeps its letters
        return word
    return word[match.end():]


_DOTTED_ACRONYM = re.compile(r"(?<!\w)(?:\w\.){2,}")


def _latin_words(text: str) -> list[str]:
    if "." in text:
        text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    if not text.isalnum():  # the substitutions below only ever touch punctuation
        text = _ELISION.sub("", text)
        text = _APOSTROPHES.sub("", text)
        if "-" in text:
            text = _HYPHENATED_ARTICLE.sub(lambda m: " " if m.group(1) in _LATIN_ARTICLES else m.group(0), text)
        words = _NON_WORD.sub(" ", text).split()
    else:
        words = [text]
    if len(words) > 1:
        words = [w for i, w in enumerate(words) if not (w in _SPACED_ARTICLES and i + 1 < len(words))]
    return words


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LATIN_EXTRA = str.maketrans({"\u00df": "ss", "\u0131": "i", "\u00f8": "o", "\u0153": "oe", "\u00e6": "ae",
                              "\u0142": "l", "\u0111": "d", "\u00f0": "d", "\u00fe": "th"})


def _fold_latin(text: str) -> str:
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LATIN_EXTRA)


_CAMEL_FIX = re.compile("[\ufb50-\ufeff]")  # presentation forms: camel-tools' own NFKC fixes some


@lru_cache(maxsize=65536)
def normalize(text: str, lang: str = "") -> str:
    """The normal form of a name, variant or mention (see the module docstring)."""
    if not text:
        return ""
    if not is_arabic(text):
        return " ".join(_latin_words(_fold_latin(unicodedata.normalize("NFKC", text))))
    unicode_nfkc, dediac, alef, maksura, marbuta = _camel()
    text = unicode_nfkc(text) if _CAMEL_FIX.search(text) else unicodedata.normalize("NFKC", text)
    text = dediac(text).replace("\u0640", "")
    text = text.replace("\u060c", " ").replace("\u061b", " ").replace("\u061f", " ")
    words: list[str] = []
    latin: list[str] = []
    for raw in text.split():
        if _ARABIC_CHAR.search(raw):
            if latin:
                words.extend(_latin_words(_fold_latin(" ".join(latin))))
                latin = []
            for piece in _NON_WORD.sub(" ", raw).split():
                words.append(strip_ar_article(piece) if _ARABIC_WORD.match(piece) else _fold_latin(piece))
        else:
            latin.append(raw)
    if latin:
        words.extend(_latin_words(_fold_latin(" ".join(latin))))
    # the article is gone: now alef, alef maksura and teh marbuta can be folded (Arabic letters only)
    return marbuta(maksura(alef(" ".join(w for w in words if w))))


@lru_cache(maxsize=65536)
def bare_arabic_words(text: str) -> frozenset:
    """Normal forms of the Arabic words of ``text`` written without the article: only these may
    carry a proclitic (وبغداد); after an article a leading و / ل is part of the name (اللزوبي)."""
    bare = set()
    for raw in text.split():
        if _ARABIC_CHAR.search(raw):
            word = normalize(raw, "ar")
            if word and " " not in word and strip_ar_article(_plain(raw)) == _plain(raw):
                bare.add(word)
    return frozenset(bare)


def _plain(word: str) -> str:
    _, dediac, *_ = _camel()
    return dediac(word).replace("\u0640", "")
