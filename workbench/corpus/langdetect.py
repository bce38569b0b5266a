"""Tells Arabic, French and English apart (and says when text is none of them), offline.

Arabic is recognised by script; French and English by the share of their most frequent function
words, with a few other Latin-script languages as decoys so that Spanish or German text is reported
as unknown rather than forced into French or English.
"""

from __future__ import annotations

import re

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ']+")

STOPWORDS = {
    "fr": set("""le la les des du de et est une un dans pour que qui sur par au aux avec ne pas se ce
        cette ces été ont il ils elle elles selon son sa ses leur leurs plus a été sont être entre
        après avant contre depuis lors où dont mais ou donc aussi très tout tous nous vous""".split()),
    "en": set("""the of and to in is was that for on with as by at from it its his her are were has
        have had been said which who this these those their they an not but or after before
        against during would will about also into than over""".split()),
    # decoys: their presence means "not French, not English"
    "es": set("""el los las del y en que por con una para como pero más fue sus según este esta
        entre sobre también""".split()),
    "de": set("""der die das und ist nicht mit von den dem sich auf für ein eine auch nach wurde bei
        aus""".split()),
    "it": set("""il gli della delle dei che per con non sono nel nella anche questo questa""".split()),
}
ACCEPTED = ("fr", "en")
MIN_LETTERS = 20
MIN_SHARE = 0.08


def detect(text: str) -> tuple[str | None, str]:
    """Return ``(lang, reason)``; ``lang`` is ``None`` when the text is not clearly ar, fr or en."""
    sample = text[:20000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic + latin < MIN_LETTERS:
        return None, f"too little text to tell the language ({arabic + latin} letters)"
    if arabic >= 0.4 * (arabic + latin):
        return "ar", f"Arabic script ({arabic} of {arabic + latin} letters)"
    words = [w.lower().strip("'") for w in _WORD.findall(sample)]
    words = [w.split("'")[-1] for w in words if w]  # l'armée -> armée, d'un -> un
    if not words:
        return None, "no words found"
    shares = {lang: sum(w in stops for w in words) / len(words) for lang, stops in STOPWORDS.items()}
    best = max(shares, key=shares.get)
    if best not in ACCEPTED or shares[best] < MIN_SHARE:
        return None, "looks like neither Arabic, French nor English (" + ", ".join(
            f"{lang} {share:.0%}" for lang, share in sorted(shares.items(), key=lambda kv: -kv[1])[:3]
        ) + " function words)"
    return best, f"{shares[best]:.0%} {best} function words"
