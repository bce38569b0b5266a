"""Text folding shared by search and matching: Arabic orthographic variants, Unicode forms.

camel-tools' data-free normalisers do the Arabic work. Its ``dediac_ar`` is not imported: its module
imports ``camel_tools.utils.charsets``, which walks all of Unicode to build category tables (0.4 s at
every start); ``dediac_ar`` below removes the same characters. Keep this module off the TUI start-up
path all the same.
"""

from __future__ import annotations

import re
import unicodedata

from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# camel_tools.utils.charsets.AR_DIAC_CHARSET: tanwin, harakat, shadda, sukun, dagger alef (tested equal)
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_AR_DIACRITIC = re.compile(f"[{AR_DIACRITICS}]")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def dediac_ar(text: str) -> str:
    """Arabic diacritics removed: what ``camel_tools.utils.dediac.dediac_ar`` does, without its import."""
    return _AR_DIACRITIC.sub("", text)


def has_arabic(text: str) -> bool:
    """True when the text contains any Arabic-script character."""
    return bool(_ARABIC.search(text))


def fold_arabic(text: str) -> str:
    """Presentation forms, diacritics, tatweel, alef / alef maksura / teh marbuta variants folded."""
    text = normalize_unicode(text)  # NFKC: presentation forms and ligatures to base letters
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    return normalize_teh_marbuta_ar(text)


def search_form(text: str) -> str:
    """The form stored in, and queried against, the full-text index."""
    if not text:
        return ""
    if has_arabic(text):
        text = fold_arabic(text)
    else:
        text = unicodedata.normalize("NFC", text)
    return text
