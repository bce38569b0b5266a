"""Scores a query against one glossary variant: word similarity, word assignment, partial names."""

from __future__ import annotations

from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from workbench.names.forms import Form
from workbench.names.translit import Key, key, mark_conflicts
from workbench.vocabulary import ACCEPT

WORD_MIN = 0.62  # below this two words are not the same word
PARTICLE_WEIGHT = 0.3
CONCEPT_WEIGHT = 2.0  # common words (army, ministry, Iraqi) never weigh more than this
JOINED = "same name written in a different number of words"  # the kind of match of Salaheddine / Salah ad-Din
PARTIAL_MAX = round(ACCEPT - 0.01, 2)  # a partial name is never confident enough to link without review
WEAKEST_LEAD = 0.1  # a name scores at most this much above its least similar matched word
WORD_SURE = 0.85  # and is confident only when every matched word is at least this similar
SAME_WORD = 0.95  # a query longer than the variant whose matched words are less alike than this ...
ALIKE_AND_MORE = 0.85  # ... scores this much less
SHORT_PART = 0.8  # a one-word query of at most two consonants that is part of a longer name in the other script
PARTIAL_KIND = "partial name"  # how a match of part of a variant is explained (``review.teaching`` reads it)
ACRONYM_SCORE = 0.8  # a query that spells the initials of a variant (SDF, قسد)
NAME_WEIGHT = 1.5  # a missing word this heavy that is not a common word makes two names differ

LITERAL_COST = 0.1
MARK_COST = 0.1  # per marked Latin spelling (q, dh, kh, sh ...) the Arabic word has no letter for
UNSURE = 0.84  # at most this for two words that differ by a long vowel written in the Arabic one
LOOSE_COST = 0.2  # what a cross-script match through the loose classes only costs

_NO_VOWELS = str.maketrans({"a": None, "i": None, "u": None})
_LOOSE_READING = str.maketrans({"g": "k", "j": "k", "x": "k", "S": "s", "h": None, "z": "d", "T": "t"})
_ratio = Indel.normalized_similarity
_skeleton = Levenshtein.normalized_similarity  # consonants: one more or one less counts in full
_lcs = LCSseq.similarity

# how two word endings agree; C = consonant, i = nisba -i / ي, a = a / teh marbuta, e = Latin -e
_END_PENALTY = {
    frozenset("Ci"): 0.25,  # Baghdad / Baghdadi: a nisba is another word
    frozenset("Ca"): 0.08,
    frozenset("Cu"): 0.08,
    frozenset("ai"): 0.15,  # Basra / Basri
    frozenset("au"): 0.05,
    frozenset("iu"): 0.08,
    frozenset("ei"): 0.05,
    frozenset("eu"): 0.05,
    frozenset("hi"): 0.2,  # Mosleh / الموصلي
    frozenset("hu"): 0.08,
}
_COMPATIBLE = {frozenset("ea"), frozenset("eC"), frozenset("ha"), frozenset("hC"), frozenset("he")}


def end_penalty(a: Key, b: Key) -> float:
    if a.end == b.end:
        return 0.0
    if a.arabic != b.arabic:
        ar, la = (a, b) if a.arabic else (b, a)
        if ar.end == "i" and la.end in "ae":  # final ي is often a dotless ى (Mustafa, Musa)
            return 0.02
    pair = frozenset((a.end, b.end))
    if pair in _COMPATIBLE:
        return 0.0
    return _END_PENALTY.get(pair, 0.0)


_START_PENALTY = {frozenset("VC"): 0.1, frozenset("SC"): 0.06, frozenset("VS"): 0.03}


def start_penalty(a: Key, b: Key) -> float:
    if a.start == b.start:
        return 0.0
    return _START_PENALTY[frozenset((a.start, b.start))]


def word_similarity(q: Key, v: Key) -> float:
    """How alike two words sound, in [0, 1], across scripts or within one."""
    if q is v or q.text == v.text or (q.concept is not None and q.concept == v.concept):
        return 1.0
    if q.concept is not None and v.concept is not None:
        return 0.0  # two different common words (américaine / irakienne): however alike they sound
    if not q.coarse or not v.coarse:  # vowels only (Ali's ayn-alef, "EI"): readings decide, weakly
        if q.arabic == v.arabic:
            return max(0.0, _ratio(q.text, v.text) - end_penalty(q, v))
        return 0.8 * _ratio(q.reading, v.reading) if q.reading and v.reading else 0.0
    coarse = _skeleton(q.coarse, v.coarse)
    if coarse < 0.5:
        if q.arabic != v.arabic:
            return 0.0
        return max(0.0, _ratio(q.text, v.text) - end_penalty(q, v) - start_penalty(q, v))
    fine = _skeleton(q.fine, v.fine)
    if q.arabic == v.arabic:
        reading = _ratio(q.reading, v.reading)
        literal = _ratio(q.text, v.text)
        if q.arabic:
            # Arabic spellings of one name differ in long vowels and hamza seats, not in letters the
            # reading merges (ح / ه, س / ص): the letters count as much as the sound (حاسعي / هاسصي)
            phonetic = 0.5 * literal + 0.5 * (0.2 * coarse + 0.1 * fine + 0.7 * reading)
            if _other_pattern(q.text, v.text):  # alike, but two words of one root more often than one name
                return min(UNSURE, max(0.0, max(literal - LITERAL_COST, phonetic) - end_penalty(q, v)
                                       - start_penalty(q, v)))
        else:  # Latin spellings show their vowels too (Hamas / Homs)
            phonetic = 0.3 * coarse + 0.2 * fine + 0.5 * reading
    else:
        ar, la = (q, v) if q.arabic else (v, q)
        reading = _lcs(ar.reading, la.reading) / len(ar.reading) if ar.reading else 0.0
        literal = 0.0
        if coarse < 1.0 or reading < 1.0:  # g for ق or ج (Gaddafi, Gamal), j for غ ...: the loose classes
            coarse = max(coarse, _ratio(ar.loose, la.loose) - LOOSE_COST)
            loose_ar = ar.reading.translate(_LOOSE_READING)
            if loose_ar:
                reading = max(reading, _lcs(loose_ar, la.reading.translate(_LOOSE_READING)) / len(loose_ar)
                              - LOOSE_COST)
        phonetic = 0.5 * coarse + 0.2 * fine + 0.3 * reading - MARK_COST * mark_conflicts(la, ar)
        if _missing_long_vowels(ar, la):  # alike, but not sure enough to link without review
            phonetic = min(phonetic, UNSURE)
        if ar.end == "a" and la.text.endswith(("at", "et")) and len(la.text) > 3:
            # teh marbuta read -at before a genitive: Madinat al-Sadr, Jabhat al-Nusra
            phonetic = max(phonetic, word_similarity(ar, key(la.text[:-1])) - 0.02 + end_penalty(ar, la))
    # the letters as written count a little less than how they sound (Falah / Salah)
    return max(0.0, max(literal - LITERAL_COST, phonetic) - end_penalty(q, v) - start_penalty(q, v))


_HAMZA_SEATS = str.maketrans("أإآؤئ", "ءءءءء")
_LONG_VOWELS = str.maketrans({"ا": None, "و": None, "ي": None})


def _other_pattern(a: str, b: str) -> bool:
    """Two Arabic words with the same letters but for a long vowel inside (البصيرة / البصرة, سليمان /
    سلمان, دواعش / داعش): another pattern of one root, a different word. The first and last letters are
    left out (a hamza seat, a final ى / ي / ة vary), and so are hamza seats (مسؤول / مسئول)."""
    a, b = a.translate(_HAMZA_SEATS)[1:-1], b.translate(_HAMZA_SEATS)[1:-1]
    return a != b and a.translate(_LONG_VOWELS) == b.translate(_LONG_VOWELS)


def _missing_long_vowels(ar: Key, la: Key) -> int:
    """Long vowels written inside the Arabic word that the Latin spelling does not have (الزاسوزي is
    not Zasizi). The first and last letters are left out: a hamza seat, a final ى / ي / ة vary."""
    middle = ar.reading[1:-1]
    if not middle:
        return 0
    unmatched = len(middle) - _lcs(middle, la.reading)
    consonants = middle.translate(_NO_VOWELS)
    unmatched_consonants = len(consonants) - _lcs(consonants, la.fine)
    return max(0, unmatched - unmatched_consonants)


def _reading_similarity(a: str, b: str, a_arabic: bool, b_arabic: bool) -> float:
    """Readings (vowels included) compared: as they are in one script, Arabic covered in the other."""
    if a_arabic == b_arabic:
        return _ratio(a, b)
    ar, la = (a, b) if a_arabic else (b, a)
    return _lcs(ar, la) / len(ar) if ar else 0.0


class Scorer:
    """Word similarities with a bounded cache; word weights (idf) are given by the index."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], float] = {}

    def sim(self, q: Key, v: Key) -> float:
        pair = (q.text, v.text)
        found = self._cache.get(pair)
        if found is None:
            if len(self._cache) > 500_000:
                self._cache.clear()
            found = self._cache[pair] = word_similarity(q, v)
        return found

    def score(self, query: Form, wq, variant: Form, wv) -> tuple[float, str]:
        """Score in [0, 1] and the kind of match ('same words', 'partial name: 1 of 3 words' ...)."""
        qk, vk = query.keys, variant.keys
        if not qk or not vk:
            return 0.0, ""
        if query.norm == variant.norm:
            return 1.0, "same spelling after normalisation"
        if len(qk) == 1 and variant.initials and qk[0].text == variant.initials:
            return ACRONYM_SCORE, f"acronym: initials of \"{' '.join(variant.words)}\""
        pairs = []
        for i, q in enumerate(qk):
            alts = query.alts[i]
            for j, v in enumerate(vk):
                s = self.sim(q, v)
                via = None
                for alt in alts:
                    t = self.sim(alt, v) - 0.02
                    if t > s:
                        s, via = t, alt
                if s >= WORD_MIN:
                    pairs.append((s, i, j, via))
        pairs.sort(key=lambda pair: pair[:3], reverse=True)
        used_q: dict[int, tuple[int, float]] = {}
        used_v: set[int] = set()
        clitics = []
        for s, i, j, via in pairs:
            if i not in used_q and j not in used_v:
                used_q[i] = (j, s)
                used_v.add(j)
                if via is not None:
                    clitics.append(qk[i].text[: len(qk[i].text) - len(via.text)])
        total_q, total_v = sum(wq), sum(wv)
        mq = sum(wq[i] * s for i, (_, s) in used_q.items())
        mv = sum(wv[j] * s for _, (j, s) in used_q.items())
        missing_q = len(qk) - len(used_q)
        missing_v = len(vk) - len(used_v)
        order = [j for _, (j, _) in sorted(used_q.items())]
        reordered = any(a > b for a, b in zip(order, order[1:]))
        if not missing_q and not missing_v:
            score = (mq + mv) / (total_q + total_v)
            kind = "same words, order differs" if reordered else "same words"
            if score < 0.999:
                kind = "word order differs" if reordered else "similar spelling"
        elif not missing_q:  # the query names part of the variant: al-Baghdadi / Abu Bakr al-Baghdadi
            covered = sum(wv[j] for j in used_v) / total_v
            score = (mq / total_q) * (0.68 + 0.27 * covered)
            if (len(vk) - 1) in used_v:
                score += 0.03
            score = min(score, PARTIAL_MAX)
            kind = f"{PARTIAL_KIND}: {len(used_v)} of {len(vk)} words"
        elif not missing_v:  # the query says more than the variant
            covered = sum(wq[i] for i in used_q) / total_q
            score = min(PARTIAL_MAX, (mv / total_v) * (0.66 + 0.22 * covered))
            kind = f"query has {missing_q} more word(s) than the variant"
        else:
            names_differ = any(
                k.concept is None and w >= NAME_WEIGHT
                for idx, (k, w) in enumerate(zip(qk, wq)) if idx not in used_q
            ) or any(
                k.concept is None and w >= NAME_WEIGHT
                for idx, (k, w) in enumerate(zip(vk, wv)) if idx not in used_v
            )
            score = (0.55 if names_differ else 0.85) * (mq + mv) / (total_q + total_v)
            score = min(score, PARTIAL_MAX)
            kind = f"{len(used_q)} word(s) in common, others differ"
        weakest = min((s for _, s in used_q.values()), default=0.0)
        if weakest + WEAKEST_LEAD < score:  # one doubtful word (Ibrahim ~ Abd al-Rahman?) caps the name
            score = weakest + WEAKEST_LEAD
        if weakest < WORD_SURE and score > PARTIAL_MAX:  # al-Rajuqi / al-Raouqi: only alike, not the same
            score = PARTIAL_MAX
        if not missing_q and missing_v and len(qk) == 1 and qk[0].arabic != vk[0].arabic \
                and len(qk[0].coarse) <= 2:
            # one short word across scripts standing for part of a longer name (Europe ~ عين العرب: rb)
            score *= SHORT_PART
        if missing_q and not missing_v and weakest < SAME_WORD and qk[0].arabic == vk[0].arabic:
            # Albu Kamal ~ Aleppo: a word only alike, and a name the variant lacks (in one script: across
            # scripts words are never quite the same, and one name is often two words in the other: حزب الله)
            score *= ALIKE_AND_MORE
        if clitics:
            kind += "; proclitic " + " ".join(clitics) + " removed"
        if reordered:
            score -= 0.01
        if (missing_q or missing_v) and len(qk) != len(vk) and query.whole and variant.whole:
            # one name written in a different number of words: Salaheddine / Salah ad-Din
            if not any(k.concept for k in qk) and not any(k.concept for k in vk):
                whole = max(_ratio(query.whole_fine, variant.whole_fine),
                            _ratio(query.whole, variant.whole) - LOOSE_COST)
                if whole >= 0.85:
                    sounds = _reading_similarity(query.whole_reading, variant.whole_reading,
                                                 qk[0].arabic, vk[0].arabic)
                    joined = min(whole, sounds)
                    joined = 0.96 if joined >= 0.97 else min(PARTIAL_MAX - 0.01, joined * 0.9)
                    joined -= end_penalty(qk[-1], vk[-1]) + start_penalty(qk[0], vk[0])
                    if joined > score:
                        score, kind = joined, JOINED
        return max(0.0, min(1.0, score)), kind
