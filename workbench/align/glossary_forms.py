"""Short, split and run-together forms of glossary spellings: a person's family name alone (أتباع البغدادي),
a name of several words written without its spaces (الولاياتالمتحدة), a spelling whose last words are
quoted (تنظيم “الدولة”), a short spelling with the head word of a longer one (هيئة الحشد)."""

from __future__ import annotations

from functools import lru_cache

from workbench.align.arabic_words import joined
from workbench.align.spans import Found, Segment, make_found
from workbench.names.lookup import Lexicon
from workbench.text.tokens import proclitic_forms, word_key

CONFIDENCE = 0.8  # the name is sure enough; which person it is the linker decides (never on this alone)


_last: list = [None, {}, {}, {}]  # the lexicon of the run, its family names, run-together names, last words
# "the regime of", "the militia of", "the forces of": a glossary person's last word after them is that person
# even when it is also a common noun (نظام الأسد، ميليشيا أسد، قوات الأسد)
RULED_BY = {word_key(w) for w in ("نظام", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "قوات")}
JOINED_MIN = 8  # letters of a run-together name (shorter ones could be a word)
_OPENING = ("\"", "“", "”", "«")  # a quotation mark that may open the quoted part of a spelling
BARE_FAMILY_MIN = 6  # letters of a family name without the article that stands alone (عبدي، مصلح could be words)


def family_names(lexicon: Lexicon) -> dict[str, str]:
    """Family names of the glossary's people (word key -> a full Arabic spelling): the last word of
    a spelling of two words or more when it is a nisba with the article (البغدادي، الحلبوسي) or a long
    name without it (سليماني، بارزاني، أردوغان), which stands for its bearer in news; not a common noun
    (الأسد، الصدر, which also mean the lion, the chest) nor a short or given name (صالح، رشيد)."""
    _index(lexicon)
    return _last[1]


def last_words(lexicon: Lexicon) -> dict[str, str]:
    """The last word of every Arabic spelling of a glossary person of two words or more, with and without
    the article (word key -> a full spelling): الأسد and أسد for بشار الأسد."""
    _index(lexicon)
    return _last[3]


def joined_names(lexicon: Lexicon) -> dict[str, list]:
    """Arabic spellings of two words or more run together (word key -> their glossary entries)."""
    _index(lexicon)
    return _last[2]


def _index(lexicon: Lexicon) -> None:
    if _last[0] is lexicon:
        return
    family: dict[str, str] = {}
    joined: dict[str, list] = {}
    lasts: dict[str, str] = {}
    for key, entries in lexicon.index.items():
        last = key[-1]
        arabic = [e for e in entries if e.lang == "ar"]
        if len(key) < 2 or not arabic:
            continue
        if len("".join(key)) >= JOINED_MIN and "".join(key) not in lexicon.index:
            joined.setdefault("".join(key), arabic)
        people = [e for e in arabic if lexicon.types.get(e.entity_id) == "person"]
        for entry in people:
            bare = last[2:] if last.startswith("ال") else last
            for form in (bare, "ال" + bare):
                lasts.setdefault(form, entry.text)
            if last.startswith("ال") and last.endswith("ي") and len(last) >= 6 \
                    or not last.startswith("ال") and len(last) >= BARE_FAMILY_MIN and not _common(last):
                family.setdefault(last, entry.text)
    _last[:] = [lexicon, family, joined, lasts]


def _common(word: str) -> bool:
    """A frequent word of news text, a given name or a title (the cue tables)."""
    from workbench.names.arabic_cues import cue_fold, tables

    t = tables()
    folded = cue_fold(word)
    return any(folded in t[kind] for kind in ("not_name", "given", "title", "place_head", "org_head"))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Directions and place heads (word keys): what follows them is a place (جنوب البغدادي)."""
    from workbench.names.arabic_cues import tables

    t = tables()
    return frozenset(word_key(w) for w in t["direction"] | t["place_head"])


def surname_mentions(seg: Segment, total: int, surnames: dict[str, str], lasts: dict[str, str]) -> list[Found]:
    """Untaken words that are a glossary person's family name, unless they follow a definite word:
    there a nisba is an adjective (الوفد البغدادي، المذهب المالكي), or a direction or a place head (a
    place named like him: جنوب البغدادي); after "the regime of" any last word
    of a glossary person's name (``lasts``: نظام الأسد، ميليشيا أسد); with no ``surnames``, only those."""
    out: list[Found] = []
    tokens, taken = seg.tokens, seg.taken
    for k, token in enumerate(tokens):
        if taken[k]:
            continue
        ruled = k and tokens[k - 1].joins and any(word_key(s) in RULED_BY for _, s in proclitic_forms(tokens[k - 1].text))
        for prefix, stem in proclitic_forms(token.text):
            name = (lasts if ruled else surnames).get(word_key(stem))
            if name is None:
                continue
            if not ruled and k and tokens[k - 1].joins and any(
                    s.startswith("ال") or word_key(s) in _place_words() for _, s in proclitic_forms(tokens[k - 1].text)):
                break  # جنوب البغدادي، قضاء البغدادي: a place named like the man
            found = make_found("source", seg, k, 1, prefix, "ar", "cue", total)
            found.etype, found.confidence = "person", CONFIDENCE
            found.cue = f"family name of '{name}'"
            out.append(found)
            break
    return out


def joined_mentions(seg: Segment, total: int, joined: dict[str, list]) -> list[Found]:
    """Untaken words that are a glossary name of several words with its spaces lost (الولاياتالمتحدة):
    the glossary's mention, as if the spaces were there."""
    out: list[Found] = []
    for k, token in enumerate(seg.tokens):
        if seg.taken[k]:
            continue
        for prefix, stem in proclitic_forms(token.text):
            entries = joined.get(word_key(stem))
            if entries:
                found = make_found("source", seg, k, 1, prefix, "ar", "glossary", total)
                found.entries = entries
                out.append(found)
                break
    return out


def quoted_mentions(seg: Segment, total: int, lexicon: Lexicon) -> list[Found]:
    """A glossary spelling whose last words are in quotation marks after its first word, which stays
    outside them (تنظيم “الدولة”: the Islamic State): the quoted words are its mention."""
    from workbench.align.arabic_quotes import quoted_span

    out: list[Found] = []
    if not any(q in seg.text for q in _OPENING):
        return out
    tokens, taken = seg.tokens, seg.taken
    for k in range(1, len(tokens)):
        count = 0 if taken[k] or taken[k - 1] else quoted_span(tokens, taken, k, seg.text)
        if not count or seg.text[tokens[k - 1].end:tokens[k].start].strip() not in _OPENING:
            continue
        words = tuple(word_key(t.text) for t in tokens[k:k + count])
        for _, stem in proclitic_forms(tokens[k - 1].text):
            entries = [e for e in lexicon.index.get((word_key(stem), *words), ()) if e.lang == "ar"]
            if entries and not lexicon.index.get(words):
                found = make_found("source", seg, k, count, 0, "ar", "glossary", total)
                found.entries = entries
                out.append(found)
                break
    return out


def with_heads(seg: Segment, found: list[Found], lexicon: Lexicon, total: int) -> list[Found]:
    """A glossary spelling after a word that opens a longer spelling of the same entity with it takes
    that word (هيئة الحشد: the glossary has هيئة الحشد الشعبي and الحشد for the PMF)."""
    if not found:
        return found
    openings = lexicon.openings
    tokens, taken = seg.tokens, seg.taken
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    out: list[Found] = []
    for f in found:
        k = start_of.get(f.start)
        ids = set(f.entity_ids)
        if not k or not ids or taken[k - 1] or f.prefix or not joined(tokens, k - 1):
            out.append(f)
            continue
        words = tuple(word_key(t.text) for t in tokens[k:k + len(f.words)])
        prefix = next((p for p, stem in proclitic_forms(tokens[k - 1].text)
                       if ids & openings.get((word_key(stem), *words), frozenset())
                       and not lexicon.trims.get((word_key(stem), *words), (0, 0))[0]), None)
        # (a head the glossary leaves outside this very spelling stays outside: تنظيم الدولة الإسلامية)
        if prefix is None:
            out.append(f)
            continue
        longer = make_found("source", seg, k - 1, len(f.words) + 1, prefix, "ar", "glossary", total)
        longer.entries = f.entries
        out.append(longer)
    return out
