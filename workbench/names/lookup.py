"""The glossary as the aligner sees it: exact variant lookup over word keys."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from workbench.text.tokens import Token, key_of, proclitic_forms, word_key

LATIN_LANGS = ("en", "fr")


@dataclass(slots=True, frozen=True)
class Entry:
    """One glossary spelling: which entity, in which language, as written."""

    entity_id: str
    lang: str
    text: str
    acronym: bool  # ISIS, SDF: must appear in capitals
    capital: bool  # has a capital letter: the surface must have one too


# generic words around a name in some glossary spellings ("province de Ninive", "محافظة ديالى"):
# when the spelling without them is also one of the entity's, the mention is the bare name (not
# "region": the Kurdistan Region is named with it, région du Kurdistan)
DESCRIPTORS = {
    "province", "governorate", "city", "town", "district", "village", "ville",
    "gouvernorat", "محافظه", "مدينه", "قضاء", "ناحيه", "تنظيم", "قريه", "بلده", "منطقه",
    "groupe", "group", "العاصمه",  # العاصمة بغداد: the capital named, the head outside the name
}
LINKS = {"de", "du", "d", "of"}
# honorifics before a person's spelling (السيد مقتدى الصدر): outside the name, as titles are
HONORIFICS = {"السيد", "السيده", "الشيخ"}
# "forces of": dropped before another spelling of the same entity (قوات قسد -> قسد), kept where the
# rest is not a name of it (قوات سوريا الديمقراطية)
FRONT_WORDS = DESCRIPTORS | {"قوات"} | HONORIFICS
# words of a canonical English name that make the entity a facility (Ghwayran prison, al-Hol camp)
FACILITY_WORDS = {"prison", "camp", "field", "airport", "base", "dam", "crossing", "hospital"}


KUNYA_CASES = tuple(word_key(w) for w in ("أبو", "أبي", "أبا"))  # "father of" as subject, after a preposition, object


def _case_forms(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """An Arabic spelling's key and, for a name opening with a kunya, its other cases: أبو مهدي المهندس is
    also written أبي مهدي المهندس (اغتيال أبي مهدي) and أبا مهدي."""
    if len(key) >= 2 and key[0] in KUNYA_CASES:
        return (key, *((case, *key[1:]) for case in KUNYA_CASES if case != key[0]))
    return (key,)


def is_facility(canonical: str | None) -> bool:
    """Whether an entity's canonical name is a facility's (a prison, a camp, an oil field ...)."""
    return bool(canonical) and not FACILITY_WORDS.isdisjoint(canonical.casefold().split())


@dataclass(slots=True)
class Hit:
    """A glossary match over tokens ``[first, first + count)``; ``prefix`` proclitic letters skipped."""

    first: int
    count: int
    prefix: int
    entries: list[Entry]
    trim: tuple[int, int] = (0, 0)  # descriptor words to leave out at the front and the back


@dataclass
class Lexicon:
    """Glossary spellings indexed for longest-match lookup; built once per ``align`` run."""

    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first word key -> most words after it
    canonical: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    _opens: dict[str, bool] = field(default_factory=dict)  # word -> may it start a glossary match?
    trims: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)
    # the first words of Arabic spellings of three words or more (not the whole) -> their entities
    openings: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    # Arabic spellings of three words or more without their first word -> those spellings (a short form
    # written without its head: الوطني الكردستاني, الاتحاد الوطني الكردستاني)
    endings: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows, canonical_spelling: bool = True) -> "Lexicon":
        """From ``names.index.load_rows``: (entity id, type, canonical, [(lang, text)]) per entity;
        the canonical English name is a spelling too unless ``canonical_spelling`` is False."""
        lex = cls()
        for eid, etype, canonical, spellings in rows:
            lex.canonical[eid] = canonical
            lex.types[eid] = etype
            if canonical_spelling:
                lex.add(eid, "en", canonical)
        for eid, _, _, spellings in rows:
            for lang, text in spellings:
                lex.add(eid, lang, text)
        lex.find_descriptors()
        return lex

    def extended(self, spellings, entities=()) -> "Lexicon":
        """A copy with more spellings ``(entity id, lang, text)`` and new ``entities`` ``(id, type,
        canonical)`` (their canonical name a spelling too); this one unchanged."""
        canonical, types = (dict(self.canonical), dict(self.types)) if entities else (self.canonical, self.types)
        lex = Lexicon(dict(self.index), dict(self.longest), canonical, types, openings=dict(self.openings),
                      endings=dict(self.endings))
        for eid, etype, name in entities:
            canonical[eid], types[eid] = name, etype
        for eid, lang, text in [*((eid, "en", name) for eid, _, name in entities), *spellings]:
            key = key_of(text)
            for form in _case_forms(key) if lang == "ar" else (key,):
                if form in lex.index:
                    lex.index[form] = list(lex.index[form])  # the bucket is shared with this lexicon
            lex.add(eid, lang, text)
        lex.find_descriptors()
        return lex

    def find_descriptors(self) -> None:
        """Record spellings that are another spelling of the same entity plus a descriptor word."""
        self.trims.clear()
        for key, entries in self.index.items():
            if len(key) < 2:
                continue
            ids = {e.entity_id for e in entries}
            options = []
            if key[0] in FRONT_WORDS:
                front = 2 if len(key) > 2 and key[1] in LINKS else 1
                options.append((front, 0))
            if key[-1] in DESCRIPTORS:
                back = 2 if len(key) > 2 and key[-2] in LINKS else 1
                options.append((0, back))
            for front, back in options:
                core = key[front:len(key) - back]
                if core and ids & {e.entity_id for e in self.index.get(core, ())}:
                    self.trims[key] = (front, back)
                    break

    def add(self, entity_id: str, lang: str, text: str) -> None:
        key = key_of(text)
        if not key:
            return
        letters = [ch for ch in text if ch.isalpha()]
        acronym = len(key) == 1 and len(letters) <= 6 and all(ch.isupper() for ch in letters)
        capital = any(ch.isupper() for ch in letters)
        entry = Entry(entity_id, lang, text, acronym, capital)
        for form in _case_forms(key) if lang == "ar" else (key,):
            bucket = self.index.setdefault(form, [])
            if entry not in bucket:
                bucket.append(entry)
            if lang == "ar":
                for n in range(2, len(form)):  # a new set each time: an extended copy shares the old ones
                    self.openings[form[:n]] = self.openings.get(form[:n], frozenset()) | {entity_id}
                if len(form) >= 3 and form not in self.endings.get(form[1:], ()):
                    self.endings[form[1:]] = (*self.endings.get(form[1:], ()), form)
            if self.longest.get(form[0], 0) < len(form):
                self.longest[form[0]] = len(form)
        self._opens.clear()

    def opens(self, word: str) -> bool:
        """Can a glossary spelling start at this word (with or without proclitics)? Cached per word."""
        known = self._opens.get(word)
        if known is None:
            known = any(word_key(stem) in self.longest for _, stem in proclitic_forms(word))
            if len(self._opens) < 500_000:
                self._opens[word] = known
        return known

    @property
    def max_tokens(self) -> int:
        return max(self.longest.values(), default=0)

    def match_at(self, tokens: list[Token], i: int, langs: tuple[str, ...], limit: int | None = None) -> Hit | None:
        """The longest glossary match starting at token ``i`` (Arabic proclitics allowed on it)."""
        end_limit = len(tokens) if limit is None else min(limit, len(tokens))
        for prefix, stem in proclitic_forms(tokens[i].text):
            first = word_key(stem)
            most = self.longest.get(first)
            if not most:
                continue
            for count in range(min(most, end_limit - i), 0, -1):
                if count > 1 and not _adjacent(tokens, i, count):
                    continue
                key = (first, *(word_key(t.text) for t in tokens[i + 1:i + count]))
                entries = self.index.get(key)
                if not entries:
                    continue
                surface_tokens = tokens[i:i + count]
                good = [e for e in entries if e.lang in langs and _case_ok(e, surface_tokens, prefix)]
                if good:
                    trim = self.trims.get(key, (0, 0))
                    if trim[0]:
                        prefix = 0
                    return Hit(i + trim[0], count - trim[0] - trim[1], prefix, good, trim)
        return None


def _adjacent(tokens: list[Token], i: int, count: int) -> bool:
    """Tokens of one name are separated by a space, hyphen or apostrophe only (not a comma or full stop)."""
    return all(t.joins for t in tokens[i:i + count - 1])


def _case_ok(entry: Entry, tokens: list[Token], prefix: int) -> bool:
    if prefix:  # Arabic: no case
        return True
    if entry.acronym:
        return all(t.text.isupper() for t in tokens)
    if entry.capital:
        # an organisation's name of several words may be written in lower case (forces démocratiques
        # syriennes); a one-word name may not (Mosul, not mosul)
        return len(tokens) >= 3 or any(t.text[:1].isupper() for t in tokens)
    return True


def group_by_entity(entries: list[Entry]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        out[e.entity_id].append(e)
    return out
