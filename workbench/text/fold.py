"""The one folding per script: Arabic orthographic variants and marks, Latin case and accents.

Every normal form in the workbench is built on these two functions: the full-text search form
(``search_form``), the word keys of the exact glossary lookup (``text.tokens.word_key``) and the
normal form of names (``names.normalize``, which adds the rules of names: articles, elisions).
camel-tools' data-free utilities do the Arabic work; they are imported on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TATWEEL = "\u0640"
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_PRESENTATION = re.compile("[\ufb50-\ufeff]")  # presentation forms: camel-tools' own NFKC fixes some
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LATIN_EXTRA = str.maketrans({"\u00df": "ss", "\u0131": "i", "\u00f8": "o", "\u0153": "oe", "\u00e6": "ae",
                              "\u0142": "l", "\u0111": "d", "\u00f0": "d", "\u00fe": "th",
                              # the transliteration's ʿayn and hamza (ʿIraq, Raʾs): searched for without them
                              "\u02bf": None, "\u02be": None, "\u02bb": None})


def has_arabic(text: str) -> bool:
    """True when the text contains any Arabic-script character."""
    return bool(_ARABIC.search(text))


# camel_tools.utils.charsets.AR_DIAC_CHARSET: tanwin, harakat, shadda, sukun, dagger alef (tested equal).
# camel-tools' own dediac_ar is not imported: its module builds category tables over all of Unicode
# (0.4 s at every start).
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_AR_DIACRITIC = re.compile(f"[{AR_DIACRITICS}]")


def dediac_ar(text: str) -> str:
    """Arabic diacritics removed: what ``camel_tools.utils.dediac.dediac_ar`` does, without its import."""
    return _AR_DIACRITIC.sub("", text)


@lru_cache(maxsize=1)
def _camel():
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    return normalize_unicode, dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar


def strip_arabic_marks(text: str) -> str:
    """Compatibility forms to base letters (NFKC), diacritics and tatweel removed; letters kept."""
    unicode_nfkc, dediac, *_ = _camel()
    text = unicode_nfkc(text) if _PRESENTATION.search(text) else unicodedata.normalize("NFKC", text)
    return dediac(text).replace(TATWEEL, "")


def fold_arabic_letters(text: str, maksura: bool = True) -> str:
    """Alef variants, alef maksura and teh marbuta folded (أ إ آ -> ا, ى -> ي, ة -> ه).

    ``maksura=False`` keeps ى apart from ي, where the two tell words apart (على, on; علي, Ali).
    """
    _, _, alef, fold_maksura, marbuta = _camel()
    return marbuta(fold_maksura(alef(text)) if maksura else alef(text))


def fold_arabic(text: str) -> str:
    """Arabic text with marks stripped and orthographic variants folded."""
    return fold_arabic_letters(strip_arabic_marks(text))


def fold_latin(text: str) -> str:
    """Case and accents folded, a few letters spelled out (ß -> ss, œ -> oe, ł -> l)."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_LATIN_EXTRA)


def fold(text: str) -> str:
    """One word or phrase folded by its script."""
    return fold_arabic(text) if has_arabic(text) else fold_latin(text)


def search_form(text: str) -> str:
    """The form stored in, and queried against, the full-text index."""
    if not text:
        return ""
    if has_arabic(text):
        return fold_arabic(text)
    return unicodedata.normalize("NFC", text)
