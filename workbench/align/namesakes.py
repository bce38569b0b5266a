"""Short forms of people named earlier in an article: another person's family name, a quoted first name."""

from __future__ import annotations

from workbench.align import arabic_names
from workbench.align.spans import Found

EARLIER = "earlier in the article"  # opens the cue of a name found through the article's memory
LATER = "later in the article"  # opens the cue of a headline's short form of a glossary person named later
NOTE = "(that person's short form, not a glossary person)"  # ends the cue; the linker proposes it as new
GIVEN_NOTE = "(his first name, quoted)"  # ends the cue; the linker suggests him, the matcher not heard


def other_person(found: list[Found], memory, lexicon, index) -> None:
    """A one-word spelling of glossary people (الكاظمي) is the person of that family name the article
    named earlier by a name of their own (علي الكاظمي, not a long form of the glossary person: another
    first name), unless it named the glossary person too: that mention becomes a new person's short
    form, not the glossary entity (``memory``: ``detect_source.Memory``)."""
    if memory is None or index is None:
        return
    fold = arabic_names.fold
    for f in found:
        ids = set(f.entity_ids)
        if not f.entries or len(f.words) != 1 or not ids or any(lexicon.types.get(e) != "person" for e in ids):
            continue
        key = fold(f.stem)
        other = next((w for w in memory.firsts.values() if len(w) >= 2 and w[-1] == key), None)
        if other is None:
            continue
        firsts = {fold(s.split()[0]) for e in ids for s in index.spellings(e, "ar") if len(s.split()) >= 2}
        known = memory.words.get(key)
        if other[0] in firsts or (known is not None and fold(known[1].split()[0]) in firsts):
            continue  # a long form of the glossary person, or the article named that person too
        f.entries, f.detector, f.etype = [], "cue", "person"
        f.confidence = arabic_names.CONFIDENCE["title"]
        f.cue = f"{EARLIER} '{' '.join(other)}' {NOTE}"


def quoted_given_names(seg, total: int, memory) -> list[Found]:
    """An untaken word quoted alone (“مظلوم”) that is the first word of a glossary person the article named
    in full earlier: a mention suggested as him (``Found.within``), never accepted on this alone."""
    from workbench.align.arabic_quotes import quoted_span
    from workbench.align.spans import make_found

    out: list[Found] = []
    if memory is None or not memory.given:
        return out
    tokens, taken = seg.tokens, seg.taken
    for k, token in enumerate(tokens):
        hit = None if taken[k] else memory.given.get(arabic_names.fold(token.text))
        if hit is None or quoted_span(tokens, taken, k, seg.text) != 1:
            continue
        found = make_found("source", seg, k, 1, 0, "ar", "cue", total)
        found.etype, found.confidence = "person", arabic_names.CONFIDENCE["title"]
        found.cue, found.within = f"{EARLIER} '{hit[1]}' {GIVEN_NOTE}", hit
        out.append(found)
    return out


SHORT_FORM_CUES = (f"{EARLIER} '", f"{LATER} '", "family name of '")
LIKE_A_GLOSSARY_NAME = 0.5  # the matcher's score from which a glossary person could be suggested for the word


def new_peoples_short_forms(found: list[Found], memory, index) -> None:
    """A person's word found as the short form of a name (earlier in the article, or a glossary person's
    family name: البغدادي, الصدر) that ends the full name of a new person the article named before it
    (محمد البغدادي, حسين الصدر; one the names matcher links to no entity) is that person: proposed as new,
    a glossary person only a candidate below a suggestion."""
    if memory is None or index is None:
        return
    fold = arabic_names.fold
    for f in found:
        if f.detector != "cue" or f.etype != "person" or f.entries or len(f.words) != 1 \
                or not f.cue.startswith(SHORT_FORM_CUES) or f.cue.endswith((NOTE, GIVEN_NOTE)):
            continue
        key = fold(f.stem)
        other = next((w for w in memory.firsts.values() if len(w) >= 2 and w[-1] == key), None)
        if other is None or not any(c.score >= LIKE_A_GLOSSARY_NAME for c in index.candidates(f.stem, "ar")):
            continue  # no glossary person it could be taken for (الوحش after خليل الوحش): nothing to say
        known = memory.words.get(key)
        if known is not None and tuple(fold(w) for w in known[1].split()) != other:
            continue  # the article named another person of that family name too (مظلوم عبدي, فرهاد عبدي)
        hits = index.candidates(" ".join(other), "ar")
        if hits and hits[0].accepted:
            continue  # the full name is a glossary person's long form: its short form may be him
        f.cue = f"{EARLIER} '{' '.join(other)}' {NOTE}"
