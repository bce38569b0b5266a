"""A name prepared for matching: its words without titles and function words, and their keys.

Also joined here: Abd + name (عبد الرحمن / Abdul Rahman / Abderrahmane), nisba forms (Sadrist /
الصدريون -> sadri / صدري) and known phrases (États-Unis); queries get proclitic alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.names.concepts import join_phrases
from workbench.names.titles import FUNCTION_WORDS, strip_titles
from workbench.names.translit import Key, fold_doubles, key

_ABD_WORDS = {"abd", "abdul", "abdel", "abdal", "abdoul", "abdol", "abdil", "abdur", "abdar", "abder",
              "abdus", "abdes", "abdas", "abdi"}
_ABD_PREFIXES = ("abdoul", "abdul", "abdel", "abdal", "abdol", "abdil", "abdur", "abdar", "abder",
                 "abdus", "abdes", "abdas")
_AR_ABD = "عبد"
_AR_ABDS = {_AR_ABD} | {p + _AR_ABD for p in "وفبل"}  # وعبد الكريم: a proclitic on Abd
_PROCLITICS = "وفبلك"
_AR_PLURAL_NISBA = re.compile("(?<=.{3})ي(?:ون|ين)$")  # الحوثيون، الصدريين -> حوثي، صدري


def _latin_nisba(word: str) -> str:
    """A nisba adjective in -ist: Sadrist, Baathiste, islamistes -> sadri, baathi, islami."""
    if len(word) > 5:
        for suffix in ("istes", "iste", "ists", "ist"):
            if word.endswith(suffix) and word[-len(suffix) - 1] not in "aeiou":
                return word[: -len(suffix)] + "i"
    return word


@dataclass(frozen=True, slots=True)
class Form:
    """What the matcher compares: keys per word, proclitic alternatives, the whole-name key."""

    norm: str
    words: tuple[str, ...]
    keys: tuple[Key, ...]
    alts: tuple[tuple[Key, ...], ...]  # per word: readings without a proclitic (وبغداد -> بغداد)
    whole: str  # loose key of all words run together (Salaheddine ~ Salah ad-Din, Pesh Merga): lookup
    whole_fine: str  # fine key of the same: scoring
    whole_reading: str  # and its reading, vowels included
    initials: str  # first letters of the words: a name an acronym may stand for (SDF, قسد)
    removed: tuple[str, ...]  # titles and function words left out


def _merge_abd(words: list[str]) -> list[str]:
    """عبد / Abd / Abdel / Abdul + name -> one word ``abd<name>`` / ``عبد<name>``."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and (word in _AR_ABDS or word in _ABD_WORDS):
            rest = nxt[2:] if word in _AR_ABDS and nxt.startswith("ال") and len(nxt) > 3 else nxt
            out.append(("abd" if word in _ABD_WORDS else word) + rest)
            i += 2
            continue
        if word.startswith("عبدال") and len(word) > 6:
            word = _AR_ABD + word[5:]
        elif word.startswith("abd"):
            for prefix in _ABD_PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                    word = "abd" + word[len(prefix):]
                    break
        out.append(word)
        i += 1
    return out


def _alternatives(word: str) -> tuple[Key, ...]:
    """The word without a leading proclitic و ف ب ل ك (and وب، ول ...), to be tried as well."""
    if len(word) < 4 or word[0] not in _PROCLITICS or not ("\u0600" <= word[0] <= "\u06ff"):
        return ()
    alts = [key(word[1:])]
    if word[0] in "وف" and word[1] in "بلك" and len(word) >= 5:
        alts.append(key(word[2:]))
    return tuple(alts)


@lru_cache(maxsize=200_000)
def analyse(norm: str, query: bool = False, bare: frozenset | None = None) -> Form:
    """The form of an already normalised name; queries also get proclitic alternatives (only for the
    words in ``bare`` when it is given: see ``normalize.bare_arabic_words``)."""
    words, removed = strip_titles(norm.split())
    kept = [w for w in words if w not in FUNCTION_WORDS]
    if kept and len(kept) < len(words):
        removed = removed + [w for w in words if w in FUNCTION_WORDS]
        words = kept
    words = [_latin_nisba(w) if w.isascii() else _AR_PLURAL_NISBA.sub("ي", w) for w in _merge_abd(words)]
    initials = "".join(w[0] for w in words) if len(words) > 1 else ""
    words = join_phrases(words)
    keys = tuple(key(w) for w in words)
    alts = tuple(_alternatives(w) if bare is None or w in bare else () for w in words) if query \
        else tuple(() for _ in words)
    whole = fold_doubles("".join(k.loose for k in keys))
    whole_fine = fold_doubles("".join(k.fine for k in keys))
    whole_reading = "".join(k.reading for k in keys)
    return Form(norm, tuple(words), keys, alts, whole, whole_fine, whole_reading, initials, tuple(removed))
