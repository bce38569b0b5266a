"""An organisation's glossary spelling that is part of another organisation's longer name (حزب الله in
كتائب حزب الله, Hezbollah in Kataeb Hezbollah; not داعش in التحالف الدولي ضد داعش): where the article points
to the longer one, the mention is marked ``Found.within`` and the linker suggests that entity instead of
accepting its own."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.align.spans import Found, Segment
from workbench.names.lookup import Lexicon
from workbench.text.tokens import key_of, proclitic_forms, word_key

QUOTES = set(" \u00a0\"'«»“”‘’")
MILITIA = frozenset(word_key(w) for w in ("ميليشيا", "مليشيا", "ميليشيات", "مليشيات"))


# a short name that an article's context gives to the longer body: (short spelling, the longer glossary
# spelling, words one of which the article holds, words none of which it holds). Iraqi news calls Kataib
# Hezbollah حزب الله: in an article about the PMF that names no Lebanon, that is the Kataib (suggested)
CONTEXT_OWNERS = (
    ("حزب الله", "كتائب حزب الله", ("حشد",), ("لبنان", "اللبناني", "اللبنانية", "نصر الله", "نصرالله", "بيروت")),
)


def context_owners(texts: Iterable[str], lexicon: Lexicon) -> dict[tuple[str, ...], tuple[str, str]]:
    """``Memory.within`` entries that an Arabic article's words give (``CONTEXT_OWNERS``)."""
    text = " ".join(texts)
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for short, longer, present, absent in CONTEXT_OWNERS:
        if short in text and any(w in text for w in present) and not any(w in text for w in absent):
            owners = {e.entity_id for e in lexicon.index.get(key_of(longer), ())}
            if len(owners) == 1:
                out[key_of(short)] = (owners.pop(), longer)
    return out


def learn(found: list[Found], parts: dict[tuple[str, ...], tuple[str, str]], lexicon: Lexicon) -> None:
    """Remember the parts of the segment's longer organisation names that are another organisation's
    spelling (word keys -> the longer name's entity and spelling)."""
    for f in found:
        if not f.entries or len(f.words) < 2 or len(set(f.entity_ids)) != 1:
            continue
        owner = f.entity_ids[0]
        if lexicon.types.get(owner) != "org" or not holds_other(lexicon, list(f.words), owner):
            continue
        keys = tuple(word_key(w) for w in f.words)
        for a, b in _parts(len(keys)):
            if _other_org(lexicon, keys[a:b], owner):
                parts.setdefault(keys[a:b], (owner, f.stem))


def mark(seg: Segment, found: list[Found], parts: dict[tuple[str, ...], tuple[str, str]], lexicon: Lexicon) -> None:
    """Mark the organisation spellings that are part of a longer name met earlier in the article, or whose
    longer name's missing head stands right before them across a quotation mark (كتائب "حزب الله")."""
    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    for f in found:
        if not f.entries or any(lexicon.types.get(e) != "org" for e in f.entity_ids):
            continue
        keys = tuple(word_key(w) for w in f.words)
        hit = parts.get(keys)
        if hit is None:
            hit = _quoted_after_head(seg, start_of.get(f.start), keys, lexicon)
            if hit is not None:  # the article calls the longer one by this part: so it does further on
                parts.setdefault(keys, hit)
        if hit is not None and hit[0] not in f.entity_ids:
            f.within = hit


def holds_other(lexicon: Lexicon, words: list[str], owner: str) -> bool:
    """Whether an organisation's name (its words) holds another organisation's spelling."""
    keys = tuple(word_key(w) for w in words)
    return any(_other_org(lexicon, keys[a:b], owner) for a, b in _parts(len(keys)))


def _parts(n: int):
    """The word ranges of a name of ``n`` words that may be a name of its own: opening it, or after its
    one head word (كتائب حزب الله); not the whole, nor a complement further on (التحالف الدولي ضد داعش)."""
    return [(a, b) for a in (0, 1) for b in range(a + 1, n + 1) if (a, b) != (0, n)]


def _other_org(lexicon: Lexicon, keys: tuple[str, ...], owner: str) -> bool:
    return any(e.entity_id != owner and lexicon.types.get(e.entity_id) == "org" for e in lexicon.index.get(keys, ()))


def _quoted_after_head(seg: Segment, k: int | None, keys: tuple[str, ...], lexicon: Lexicon) -> tuple[str, str] | None:
    """The organisation whose glossary spelling is the word before token ``k`` and the quoted name from ``k``
    (a militia word between them left out: كتائب ميليشيا “حزب الله”)."""
    if not k:
        return None
    before = seg.tokens[k - 1]
    gap = seg.text[before.end:seg.tokens[k].start]
    if not gap.strip() or not set(gap) <= QUOTES:
        return None
    if k >= 2 and word_key(before.text) in MILITIA and seg.text[seg.tokens[k - 2].end:before.start] == " ":
        before = seg.tokens[k - 2]
    for _, stem in proclitic_forms(before.text):
        entries = [e for e in lexicon.index.get((word_key(stem),) + keys, ()) if lexicon.types.get(e.entity_id) == "org"]
        if entries:
            return entries[0].entity_id, entries[0].text
    return None
