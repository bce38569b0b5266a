"""A glossary person's family name alone after another person of that family name is that other person."""

from __future__ import annotations

from workbench.align import arabic_names
from workbench.align.spans import Found

NOTE = "(another person of that family name)"  # ends the cue; the linker proposes such a name as new


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
        f.cue = f"earlier in the article '{' '.join(other)}' {NOTE}"
