"""In-memory mentions of one sentence pair, between detection and storage."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.names.lookup import Entry
from workbench.text.tokens import Token
from workbench.names.translit import name_key
from workbench.vocabulary import NEW

EDITED = "analyst"  # ``mentions.detector`` of a span the analyst set: re-aligning keeps it as it is


@dataclass(eq=False)
class Found:
    """A name found on one side of a sentence pair, and (after linking) what it refers to."""

    side: str  # 'source' | 'english'
    segment_id: int
    start: int  # offsets into the segment text (source) or the translation text (english)
    end: int
    surface: str
    stem: str  # surface without Arabic proclitics: the spelling a glossary would hold
    lang: str
    detector: str  # glossary / caps / ner / projection / translit
    words: tuple[str, ...]
    rel: float = 0.0  # position of the middle of the mention in its side of the pair, 0..1
    entries: list[Entry] = field(default_factory=list)  # exact glossary spellings matched
    counterpart: "Found | None" = None
    pair_sim: float | None = None  # transliteration similarity with the counterpart (None: not computed)
    # set by the linker
    entity_id: str | None = None
    status: str = NEW
    score: float = 0.0
    why: str = ""
    proposal: dict | None = None
    candidates: list = field(default_factory=list)  # [(entity_id, score, variant, why)] best first
    norm: str = ""
    prefix: int = 0  # proclitic letters before the stem in the surface
    etype: str | None = None  # person / place / org when a cue says so
    cue: str = ""  # what found a name outside the glossary ("title 'الشيخ'")
    confidence: float = 0.0  # how often that cue finds a real name (0: not measured)
    place: str | None = None  # GeoNames id of a place found in the place list
    within: tuple[str, str] | None = None  # (entity, spelling) of a longer name this one is part of (``longer_names``)

    @property
    def skel(self) -> str:
        return name_key(self.words)

    def counterpart_similarity(self) -> float:
        if self.counterpart is None:
            return 0.0
        if self.pair_sim is None:
            from workbench.names.translit import key_similarity as similarity

            self.pair_sim = self.counterpart.pair_sim = similarity(self.skel, self.counterpart.skel)
        return self.pair_sim

    @property
    def entity_ids(self) -> list[str]:
        seen: list[str] = []
        for e in self.entries:
            if e.entity_id not in seen:
                seen.append(e.entity_id)
        return seen


@dataclass
class Segment:
    """One side's text of a sentence pair: a source segment, or the English of the pair."""

    segment_id: int
    text: str
    base: int  # offset of this text in the whole side of the pair (several merged source segments)
    tokens: list[Token]
    taken: list[bool]


def make_found(side: str, seg: Segment, first: int, count: int, prefix: int, lang: str,
               detector: str, total: int) -> Found:
    """A ``Found`` over tokens ``[first, first + count)`` of ``seg``; marks them taken."""
    from workbench.text.tokens import stem_surface

    toks = seg.tokens[first:first + count]
    start, end = toks[0].start, toks[-1].end
    surface = seg.text[start:end]
    stem = stem_surface(surface, prefix)
    first_word = stem_surface(toks[0].text, prefix)
    words = (first_word, *(t.text for t in toks[1:]))
    for k in range(first, first + count):
        seg.taken[k] = True
    rel = (seg.base + (start + end) / 2) / max(total, 1)
    found = Found(side, seg.segment_id, start, end, surface, stem, lang, detector, words, rel)
    found.prefix = prefix
    return found
