"""Latin acronyms in Arabic text: the glossary's (PKK, YPG, RT) and the others (CTD, LBCI), proposed as
organisations."""

from __future__ import annotations

from workbench.align.spans import Found, Segment, make_found
from workbench.names.lookup import Lexicon
from workbench.vocabulary import GLOSSARY


def mentions(seg: Segment, lexicon: Lexicon, total: int) -> list[Found]:
    """Latin acronyms in Arabic text (PKK, YPG, RT) that are a French or English glossary acronym: that
    entity's mention, as in French text. Capitals only, two letters or more, never a longer Latin run."""
    out: list[Found] = []
    tokens = seg.tokens
    for i, token in enumerate(tokens):
        text = token.text
        if seg.taken[i] or not (2 <= len(text) <= 6 and text.isascii() and text.isalnum() and text.isupper()):
            continue
        before = i > 0 and tokens[i - 1].joins and _latin_word(tokens[i - 1].text)
        after = i + 1 < len(tokens) and token.joins and _latin_word(tokens[i + 1].text)
        if before or after:
            continue  # part of a Latin phrase (a byline, a title in English): not an acronym alone
        if token.joins and i + 1 < len(tokens) and tokens[i + 1].text.isdigit() \
                and seg.text[token.end:tokens[i + 1].start] == "-":
            continue  # NB-201658: a code (an image's, a report's), not a name
        hit = lexicon.match_at(tokens, i, ("fr", "en"), limit=i + 1)
        entries = [e for e in hit.entries if e.acronym] if hit is not None else []
        if entries:
            found = make_found("source", seg, i, 1, 0, "ar", GLOSSARY, total)
            found.entries = entries
            out.append(found)
        elif text.isalpha() and text not in NOT_NAMES:  # جهاز CTD, قناة LBCI: an organisation's acronym
            found = make_found("source", seg, i, 1, 0, "ar", "cue", total)
            found.etype, found.confidence, found.cue = "org", CONFIDENCE, "Latin acronym in Arabic text"
            out.append(found)
    return out


CONFIDENCE = 0.75  # an organisation more often than not; the analyst confirms
# capitals that are no organisation's: time zones, times and dates, currencies, formats, weapons, tests
NOT_NAMES = frozenset("""GMT UTC AM PM TV HD FM PDF VIP SMS USD IQD SYP EUR TRY CEO ID OK DNA GPS RPG IED TNT AK
RSS URL WWW HTML VPN PCR COVID KM MM CM KG IMG JPG PNG
MON TUE WED THU FRI SAT SUN JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC""".split())  # dates: SAT 12 FEB


def _latin_word(text: str) -> bool:
    return text.isascii() and text[:1].isalpha()
