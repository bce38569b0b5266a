"""Text folding shared by search and matching: Arabic orthographic variants, Unicode forms.

camel-tools' data-free utilities do the Arabic work; importing them costs ~0.3 s (its charset
tables), so keep this module off the TUI start-up path.
"""

from __future__ import annotations

import re
import unicodedata

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


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
