"""The glossary name index: candidates from phonetic keys, then scoring, acceptance and an explanation.

Candidate generation never scans the glossary. Every variant is indexed under the coarse and loose
keys of its words and their meaning for common words (``workbench.names.translit``, ``lexicon``),
the key of the whole name run together and its initials; a query looks those keys up, rarest word
first, and tries looser keys (one consonant off) only when the precise ones found too little. The
few best candidates are then scored word by word (``workbench.names.scoring``). A candidate is
``accepted`` only when it scores at least ACCEPT, leads the next entity by MARGIN, and its cross-
script evidence is not contradicted by the entity's own spellings in the query's script.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

from workbench.names.acronyms import expansions, spelled
from workbench.names.candidate import Candidate
from workbench.names.forms import Form, analyse
from workbench.names.rows import load_rows
from workbench.names.normalize import bare_arabic_words, normalize
from workbench.names.scoring import CONCEPT_WEIGHT, JOINED, PARTICLE_WEIGHT, Scorer
from workbench.names.titles import PARTICLES
from workbench import vocabulary
from workbench.names.translit import Key

ACCEPT = vocabulary.ACCEPT  # score at or above which a link needs no review ...
MARGIN = 0.06  # ... when no other entity comes this close
MIN_SCORE = 0.5  # below this a candidate is not plausible and is not returned
BIG = 400  # posting lists longer than this are only used to confirm candidates found otherwise
FEW = 64  # ... and so are lists longer than this once a rarer word found candidates
SCORED = 16  # variants scored in full per query
PER_ENTITY = 2  # of which at most this many per entity
PRUNE = 0.4  # nor any whose pre-score is below this share of the best one
CROSS_LEAD = 0.02  # a cross-script match may beat the entity's same-script spellings by this much only
NEAR_MISS = 0.6  # ... when one of them is a near miss (a rival spelling, not a translation or exonym)
ONE_WORD_ACCEPT = 0.95  # a one-word name links without review only as close as this
CROSS_ACRONYM = 0.78  # an acronym whose letters the name's words give in another language (SDF ~ قوات سوريا ...)


@dataclass(slots=True)
class _Variant:
    entity: int
    text: str
    lang: str
    form: Form
    weights: tuple[float, ...] = ()
    arabic: bool = False
    acronyms: frozenset = frozenset()


def _tier_precise(k: Key, alts):
    yield "c" + k.coarse, 1.0
    if k.concept:
        yield "k" + k.concept, 1.0
    for alt in alts:  # a guess (is the first letter a proclitic?): never enough to stop looking
        yield "c" + alt.coarse, 0.7
        if alt.concept:
            yield "k" + alt.concept, 0.7


def _tier_fallback(k: Key, alts):
    yield "c" + k.coarse, 0.9


def _tier_loose(k: Key, alts):
    yield "l" + k.loose, 0.8
    for alt in alts:
        yield "l" + alt.loose, 0.55


def _deletions(key: str) -> list[str]:
    return [key[:i] + key[i + 1:] for i in range(len(key))]


class Matcher:
    """An in-memory index over glossary variants; build with ``from_db`` or ``from_entities``."""

    def __init__(self, rows, include_canonical: bool = True) -> None:
        """``rows``: (entity_id, type, canonical, [(lang, text), ...]) per entity."""
        self.entity_ids: list[str] = []
        self.canonicals: list[str] = []
        self.types: list[str] = []
        self.variants: list[_Variant] = []
        self._exact: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = defaultdict(list)
        df: dict[str, int] = defaultdict(int)
        self.max_tokens = 0
        variants, exact = self.variants, self._exact
        for entity_id, etype, canonical, spellings in rows:
            e = len(self.entity_ids)
            self.entity_ids.append(entity_id)
            self.canonicals.append(canonical)
            self.types.append(etype)
            seen_norms: set[str] = set()
            entity_keys: set[str] = set()
            items = list(spellings)
            if include_canonical and canonical:
                items.append(("en", canonical))
            for lang, text in items:
                norm = normalize(text, lang)
                if not norm or norm in seen_norms:
                    continue
                seen_norms.add(norm)
                form = analyse(norm)
                v = len(variants)
                variants.append(_Variant(e, text, lang, form))
                if norm in exact:
                    exact[norm].append(v)
                else:
                    exact[norm] = [v]
                self.max_tokens = max(self.max_tokens, norm.count(" ") + 1)
                keys = {"w" + form.whole} if len(form.keys) > 1 else set()
                if len(form.initials) >= 2:
                    keys.add("a" + form.initials)
                variants[v].acronyms = expansions(form)
                keys.update("x" + a for a in variants[v].acronyms)
                for k in form.keys:
                    keys.update(k.index_keys)
                    entity_keys.add(k.ident)
                for k in keys:
                    postings[k].append(v)
            for k in entity_keys:
                df[k] += 1
        self._postings = dict(postings)
        self._big = {k: frozenset(vs) for k, vs in self._postings.items() if len(vs) > BIG}
        n = max(1, len(self.entity_ids))
        self._idf = {k: 1.0 + math.log((n + 1) / (c + 1)) for k, c in df.items()}
        self._idf_max = 1.0 + math.log(n + 1)
        deletions: dict[str, list[str]] = defaultdict(list)
        for k in df:
            if len(k) >= 3 and not k.startswith("#"):
                for d in set(_deletions(k)):
                    deletions[d].append(k)
        self._deletions = dict(deletions)
        weight_of: dict[str, float] = {}
        for var in self.variants:
            weights = []
            for k in var.form.keys:
                w = weight_of.get(k.text)
                if w is None:
                    w = weight_of[k.text] = self._weight(k)
                weights.append(w)
            var.weights = tuple(weights)
            var.arabic = var.form.keys[0].arabic if var.form.keys else False
        self._scorer = Scorer()
        self._picker = None

    # ---- construction ----------------------------------------------------------------------------

    @classmethod
    def from_db(cls, conn) -> "Matcher":
        """Live entities and spellings of the database (``names.index.load_rows``)."""
        return cls(load_rows(conn))

    @classmethod
    def from_entities(cls, entities, include_canonical: bool = True) -> "Matcher":
        """From ``workbench.glossary.model.Entity`` objects (benches, tests, files not yet imported)."""
        return cls(
            [(e.id, e.type, e.canonical, [(v.lang, v.text) for v in e.variants]) for e in entities],
            include_canonical=include_canonical,
        )

    def __len__(self) -> int:
        return len(self.variants)

    # ---- lookups ---------------------------------------------------------------------------------

    def exact(self, norm: str) -> list[tuple[str, str]]:
        """(entity_id, variant text) of the variants whose normal form is exactly ``norm``."""
        return [(self.entity_ids[self.variants[v].entity], self.variants[v].text)
                for v in self._exact.get(norm, ())]

    def _weight(self, k: Key) -> float:
        if k.text in PARTICLES or not k.coarse:
            return PARTICLE_WEIGHT
        weight = self._idf.get(k.ident, self._idf_max)
        return min(weight, CONCEPT_WEIGHT) if k.concept else weight

    def _candidates(self, form: Form, weights: list[float], acronym: frozenset = frozenset()) -> dict[int, float]:
        """Variant -> how much of the query its keys share (a cheap pre-score).

        Keys are tried from the most to the least precise (coarse and meaning, then loose, then
        one consonant off); a tier runs only when the ones before found no good candidate.
        """
        bonus: dict[int, float] = {}  # evidence about the whole name: never a reason to stop looking
        for v in self._exact.get(form.norm, ()):
            bonus[v] = 100.0
        # the whole name run together: Salaheddine ~ Salah ad-Din, in both directions
        for v in self._postings.get("w" + form.whole, ()):
            bonus[v] = bonus.get(v, 0.0) + 10.0
        if len(form.keys) > 1:
            for v in self._postings.get("l" + form.whole, ()):
                if len(self.variants[v].form.keys) == 1:
                    bonus[v] = bonus.get(v, 0.0) + 10.0
        if len(form.words) == 1 and 2 <= len(form.words[0]) <= 6:
            for v in self._postings.get("a" + form.words[0], ()):
                bonus[v] = bonus.get(v, 0.0) + 5.0
        for a in acronym:
            for v in self._postings.get("x" + a, ()):
                bonus[v] = bonus.get(v, 0.0) + 4.0
        found: dict[int, float] = {}
        enough = 0.75 * sum(weights)
        credited: dict[tuple[int, int], float] = {}  # (variant, query word) -> factor counted so far

        rarest = max(range(len(weights)), key=weights.__getitem__)
        strong = False
        for tier in (_tier_precise, _tier_loose, self._tier_indel, self._tier_substitution, _tier_fallback):
            if tier is _tier_fallback:
                if found:
                    break
                rarest = -1  # nothing found for the rare words: frequent ones may still name part of it
            words = []
            for i, k in enumerate(form.keys):
                entries = [(p, factor, key) for key, factor in tier(k, form.alts[i])
                           if (p := self._postings.get(key))]
                if entries:
                    words.append((sum(len(p) for p, _, _ in entries), i, entries))
            words.sort(key=itemgetter(0))  # the rarest word first; frequent ones only confirm
            frequent = []
            for size, i, entries in words:
                if size <= FEW or (size <= BIG and not found and (rarest < 0 or i == rarest)):
                    hits: dict[int, float] = {}
                    for p, factor, _ in sorted(entries, key=itemgetter(1)):  # the best factor last wins
                        hits.update(dict.fromkeys(p, factor))
                elif found:
                    hits = {}
                    for p, factor, key in entries:
                        members = self._big.get(key)
                        for v in (found if members is not None else p):
                            if (v in members if members is not None else v in found) and hits.get(v, 0.0) < factor:
                                hits[v] = factor
                else:
                    frequent.append((i, entries))
                    continue
                weight = weights[i]
                for v, factor in hits.items():  # credit(v, i, factor), inlined: the hot loop
                    before = credited.get((v, i), 0.0)
                    if factor > before:
                        credited[(v, i)] = factor
                        found[v] = found.get(v, 0.0) + weight * (factor - before)
            if not found and len(frequent) > 1:  # only frequent words: the variants that have all of them
                sets = []
                for i, entries in frequent:
                    union: set[int] = set()
                    for p, _, key in entries:
                        union |= self._big.get(key) or set(p)
                    sets.append(union)
                sets.sort(key=len)
                total = sum(weights[i] for i, _ in frequent)
                for v in set.intersection(*sets):
                    found[v] = total
                    for i, _ in frequent:
                        credited[(v, i)] = 1.0
            if (found and max(found.values()) >= enough) or form.norm in self._exact:
                strong = True  # an exact spelling needs no looser keys
                break
        if not strong and len(form.whole) >= 4:
            for d in set(_deletions(form.whole)):
                for v in self._postings.get("w" + d, ()):
                    bonus[v] = bonus.get(v, 0.0) + 3.0
                if len(form.keys) > 1:
                    for v in self._postings.get("l" + d, ()):
                        bonus[v] = bonus.get(v, 0.0) + 3.0
        for v, extra in bonus.items():
            found[v] = found.get(v, 0.0) + extra
        return found

    def _tier_indel(self, k: Key, alts):
        """Loose keys one consonant longer or shorter (Ninive / نينوى, a dropped h)."""
        loose = k.loose
        if len(loose) < 3:
            return
        keys = set(self._deletions.get(loose, ()))
        keys.update(d for d in _deletions(loose) if len(d) >= 2)
        keys.discard(loose)
        for key in keys:
            yield "l" + key, 0.6

    def _tier_substitution(self, k: Key, alts):
        """Loose keys with one consonant replaced."""
        loose = k.loose
        if len(loose) < 3:
            return
        keys = set()
        for d in set(_deletions(loose)):
            keys.update(self._deletions.get(d, ()))
        keys.discard(loose)
        for key in keys:
            yield "l" + key, 0.5

    # ---- matching --------------------------------------------------------------------------------

    def match(self, text: str, lang: str, top: int = 5) -> list[Candidate]:
        """Entities the name ``text`` (written in ``lang``) may refer to, best first."""
        norm = normalize(text, lang)
        if not norm:
            return []
        form = analyse(norm, True, bare_arabic_words(text))
        if not form.keys:
            return []
        weights = [self._weight(k) for k in form.keys]
        acronym = spelled(text, form)
        found = self._candidates(form, weights, acronym)
        if not found:
            return []
        n = len(form.keys)
        variants = self.variants
        # ties are broken by the variant's index, never by the order the keys' sets happened to give
        ranked = found.items() if len(found) <= SCORED * 4 else heapq.nlargest(
            SCORED * 4, found.items(), key=lambda item: (item[1], -item[0]))
        # ties go to variants with as many words as the query, then to the first loaded
        ranked = sorted(((v, p - 0.05 * abs(len(variants[v].form.keys) - n)) for v, p in ranked),
                        key=lambda item: (-item[1], item[0]))[:SCORED * 2]
        floor = PRUNE * ranked[0][1]
        chosen: list[int] = []
        per_entity: dict[int, int] = defaultdict(int)
        for v, prescore in ranked:
            if prescore < floor:
                break
            e = self.variants[v].entity
            if per_entity[e] < PER_ENTITY:
                per_entity[e] += 1
                chosen.append(v)
                if len(chosen) >= SCORED:
                    break
        arabic = any(k.arabic for k in form.keys)
        # each entity is also judged by its closest spelling in the query's script, when it has one
        covered = {self.variants[v].entity for v in chosen if self.variants[v].arabic == arabic}
        extra: dict[int, tuple[float, int]] = {}
        for v, prescore in found.items():
            var = variants[v]
            if var.arabic == arabic and var.entity in per_entity and var.entity not in covered:
                if prescore > extra.get(var.entity, (-1.0, 0))[0]:
                    extra[var.entity] = (prescore, v)
        chosen.extend(v for _, v in extra.values())
        best: dict[int, tuple[float, int, str]] = {}
        same_script: dict[int, float] = {}  # entity -> best score of a variant in the query's script
        for v in chosen:
            var = self.variants[v]
            score, kind = self._scorer.score(form, weights, var.form, var.weights)
            if score < CROSS_ACRONYM and not acronym.isdisjoint(var.acronyms):
                score, kind = CROSS_ACRONYM, f"acronym: its letters name the words of \"{var.text}\""
            if var.arabic == arabic:
                same_script[var.entity] = max(score, same_script.get(var.entity, 0.0))
            held = best.get(var.entity)
            if held is None or score > held[0]:
                best[var.entity] = (score, v, kind)
        for e, same in same_script.items():
            score, v, kind = best[e]
            if NEAR_MISS <= same and score > same + CROSS_LEAD:
                # the entity's own spellings in the query's script say less than the other script
                # does (Hamas ~ حمص, but not ~ Homs): the cross-script reading is not trusted alone
                best[e] = (same + CROSS_LEAD, v, kind + f"; capped: closest same-script spelling scores {same:.2f}")
        ordered = sorted(best.items(), key=lambda item: (-item[1][0], self.entity_ids[item[0]]))
        runner_up = ordered[1][1][0] if len(ordered) > 1 else 0.0
        out: list[Candidate] = []
        for rank, (e, (score, v, kind)) in enumerate(ordered[:max(top, 0)]):
            if score < MIN_SCORE:
                break
            var = self.variants[v]
            out.append(Candidate(
                entity_id=self.entity_ids[e], canonical=self.canonicals[e], score=round(score, 4),
                accepted=rank == 0 and self._confident(form, score, runner_up, kind,
                                                       var.arabic != arabic and "acronym" not in kind),
                variant=var.text,
                why=explain(text, form, var, kind), acronym=kind.startswith("acronym"),
            ))
        return out

    def _confident(self, form: Form, score: float, runner_up: float, kind: str = "", cross: bool = False) -> bool:
        """A score high and clear of the next entity's, on enough consonants: those of the words as
        compared, without the proclitic a match took off (كرسعة read ك + رسعة has two, r-s). One word
        read in the other script (not as an acronym) is only a suggestion: its consonant skeleton says too
        little (Hommes, "men", ~ حمص; a nickname Samra ~ سامرا), and so are several words read as one there."""
        if score < ACCEPT or score - runner_up < MARGIN or len(form.keys) == 1 and (score < ONE_WORD_ACCEPT or cross):
            return False  # (Goran ~ Ghwayran: one word alike but for a vowel is a suggestion)
        if cross and kind.startswith(JOINED):
            return False  # Adil al-Ali ~ ديالى: words run together across scripts keep a skeleton too short to trust
        clitic = "proclitic" in kind
        signal = sum(min([len(k.coarse)] + [len(a.coarse) for a in alts] if clitic else [len(k.coarse)])
                     for k, alts in zip(form.keys, form.alts))
        return signal >= 3 or score >= 0.99

    def match_many(self, queries, top: int = 5) -> list[list[Candidate]]:
        """``match`` for each (text, lang) pair, in order."""
        return [self.match(text, lang, top) for text, lang in queries]

    def search(self, text: str, limit: int = 20) -> list[Candidate]:
        """Search-as-you-type for the entity picker: any script, the last word may be a prefix."""
        if self._picker is None:
            from workbench.names.picker import Picker

            self._picker = Picker(self)
        return self._picker.search(text, limit)


_AR_DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")
_AR_ARTICLE_RAW = re.compile(r"(?:^|\s)[وفبكل]*ال\S{2}")
_LAT_ARTICLE_RAW = re.compile(r"(?i)(?:^|[\s'’])(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|es|ez|ul)[- ]\S")
_AR_PROCLITIC_RAW = re.compile(r"(?:^|\s)(?:[وف][بكل]?|[بكل])ال\S{2}|(?:^|\s)لل\S{2}")


def query_rules(text: str, form: Form) -> list[str]:
    """The normalisation rules that changed the query, in words."""
    rules = []
    if form.removed:
        rules.append("ignored " + " ".join(f"'{w}'" for w in form.removed))
    if _AR_PROCLITIC_RAW.search(text):
        rules.append("proclitic + article stripped")
    elif _AR_ARTICLE_RAW.search(text) or _LAT_ARTICLE_RAW.search(text):
        rules.append("article stripped")
    if _AR_DIACRITICS.search(text):
        rules.append("diacritics ignored")
    return rules


def explain(text: str, form: Form, var: _Variant, kind: str) -> str:
    """One line: which variant matched, how, and which rules were applied."""
    parts = [f"{var.lang} variant \"{var.text}\": {kind}"]
    q_ar = any(k.arabic for k in form.keys)
    v_ar = any(k.arabic for k in var.form.keys)
    if q_ar != v_ar:
        q = "-".join(k.coarse for k in form.keys)
        v = "-".join(k.coarse for k in var.form.keys)
        parts.append(f"cross-script consonant skeleton {q} ~ {v}")
    elif kind != "same spelling after normalisation":
        q = " ".join(k.reading for k in form.keys)
        v = " ".join(k.reading for k in var.form.keys)
        if q != v:
            parts.append(f"phonetic reading {q} ~ {v}")
        else:
            parts.append(f"same phonetic reading {q}")
    parts.extend(query_rules(text, form))
    return "; ".join(parts)
