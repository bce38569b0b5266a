"""A glossary person's family name standing alone (أتباع البغدادي): a mention of that person, for review."""

from __future__ import annotations

from workbench.align.spans import Found, Segment, make_found
from workbench.names.lookup import Lexicon
from workbench.text.tokens import proclitic_forms, word_key

CONFIDENCE = 0.8  # the name is sure enough; which person it is the linker decides (never on this alone)


_last: list = [None, {}]  # the lexicon of the current run and its family names


def family_names(lexicon: Lexicon) -> dict[str, str]:
    """Family names of the glossary's people (word key -> a full Arabic spelling): the last word of
    a spelling of two words or more when it is a nisba with the article (البغدادي، الحلبوسي), which
    stands for its bearer in news; not a common noun (الأسد، الصدر, which also mean the lion, the chest)."""
    if _last[0] is lexicon:
        return _last[1]
    out: dict[str, str] = {}
    for key, entries in lexicon.index.items():
        last = key[-1]
        if len(key) < 2 or not (last.startswith("ال") and last.endswith("ي") and len(last) >= 6):
            continue
        for entry in entries:
            if entry.lang == "ar" and lexicon.types.get(entry.entity_id) == "person":
                out.setdefault(last, entry.text)
    _last[:] = [lexicon, out]
    return out


def surname_mentions(seg: Segment, total: int, surnames: dict[str, str]) -> list[Found]:
    """Untaken words that are a glossary person's family name, unless they follow a definite word:
    there a nisba is an adjective (الوفد البغدادي، المذهب المالكي)."""
    out: list[Found] = []
    tokens, taken = seg.tokens, seg.taken
    for k, token in enumerate(tokens):
        if taken[k]:
            continue
        for prefix, stem in proclitic_forms(token.text):
            name = surnames.get(word_key(stem))
            if name is None:
                continue
            if k and tokens[k - 1].joins and any(
                    s.startswith("ال") for _, s in proclitic_forms(tokens[k - 1].text)):
                break
            found = make_found("source", seg, k, 1, prefix, "ar", "cue", total)
            found.etype, found.confidence = "person", CONFIDENCE
            found.cue = f"family name of '{name}'"
            out.append(found)
            break
    return out
