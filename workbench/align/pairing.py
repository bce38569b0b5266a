"""Aligns each source mention with its English span in the same sentence pair.

Only the two texts are used (never a translation model's internals), so it works as well on a human
translation: first mentions of the same glossary entity, then transliteration similarity of names,
position in the sentence breaking ties; a name found on one side only is looked for on the other
(projection), which is how Arabic names outside the glossary are found.
"""

from __future__ import annotations

from workbench.align.capnames import ARTICLES, STOP
from workbench.align.spans import Found, Segment, make_found
from workbench.text.tokens import proclitic_forms
from workbench.names.translit import key_similarity as similarity, name_key as skeleton

PAIR_MIN = 0.75  # skeleton similarity to pair two detected mentions
PROJECT_MIN = 0.8  # similarity to create a mention on the other side
POSITION_WEIGHT = 0.2

ARABIC_FUNCTION_WORDS = {
    "من", "في", "على", "علي", "إلى", "الى", "إلي", "عن", "أن", "ان", "إن", "مع", "بين", "بعد", "قبل",
    "حتى", "منذ", "التي", "الذي", "الذين", "هذه", "هذا", "ذلك", "تلك", "كان", "كانت", "قال", "قد",
    "لم", "لن", "ما", "لا", "أو", "او", "ثم", "كل", "غير", "عند", "حيث", "أي", "اي", "إذ", "اذ",
    "بها", "به", "فيها", "فيه", "لها", "له", "منها", "منه", "عليها", "عليه", "وقال", "وكان",
    "أحد", "احد", "نحو", "خلال", "عام", "يوم", "مساء", "صباح", "فجر", "ضد", "لدى", "سوى", "أمام",
}

# words that describe a name rather than belong to it: never the start of a projected name
DESCRIPTORS_AR = {
    "قرية", "مدينة", "محافظة", "منطقة", "ناحية", "قضاء", "بلدة", "حي", "جبال", "سلسلة", "الشيخ",
    "اللواء", "العقيد", "العميد", "الفريق", "الرئيس", "السيد", "وزير", "رئيس", "قائد", "النائب",
}


def pair(sources: list[Found], english: list[Found], src_segs: list[Segment], eng: Segment,
         src_lang: str) -> tuple[list[Found], list[Found]]:
    """Set ``counterpart`` on both sides; return mentions created by projection (source, english)."""
    _by_entity(sources, english)
    _by_similarity(sources, english)
    src_total = sum(len(s.text) for s in src_segs) or 1
    new_src: list[Found] = []
    for e in english:
        if e.counterpart is not None or len(e.skel) < 2:
            continue
        hit = _best_window(src_segs, e, src_lang, src_total, need_cap=src_lang != "ar")
        if hit:
            seg, first, count, prefix, sim = hit
            f = make_found("source", seg, first, count, prefix, src_lang, "projection", src_total)
            _link(f, e, sim)
            new_src.append(f)
    new_eng: list[Found] = []
    for s in sources:
        if s.counterpart is not None or len(s.skel) < 2:
            continue
        hit = _best_window([eng], s, "en", len(eng.text) or 1, need_cap=True)
        if hit:
            seg, first, count, prefix, sim = hit
            f = make_found("english", seg, first, count, 0, "en", "translit", len(eng.text) or 1)
            _link(s, f, sim)
            new_eng.append(f)
    return new_src, new_eng


def _link(s: Found, e: Found, sim: float | None) -> None:
    s.counterpart, e.counterpart = e, s
    s.pair_sim = e.pair_sim = sim


def _by_entity(sources: list[Found], english: list[Found]) -> None:
    for s in sources:
        ids = set(s.entity_ids)
        if not ids:
            continue
        options = [e for e in english if e.counterpart is None and ids & set(e.entity_ids)]
        if options:
            best = min(options, key=lambda e: abs(e.rel - s.rel))
            _link(s, best, None)  # similarity computed only if the linker needs it


def _by_similarity(sources: list[Found], english: list[Found]) -> None:
    scored = []
    for s in sources:
        if s.counterpart is not None:
            continue
        for e in english:
            if e.counterpart is not None:
                continue
            if s.entity_ids and e.entity_ids:
                continue  # both in the glossary, for different entities
            sim = max(similarity(k, e.skel) for k in _skeletons(s))
            if sim >= PAIR_MIN:
                scored.append((sim - POSITION_WEIGHT * abs(s.rel - e.rel), sim, s, e))
    scored.sort(key=lambda x: -x[0])
    for _, sim, s, e in scored:
        if s.counterpart is None and e.counterpart is None:
            _link(s, e, sim)


# head words an Arabic name may keep (جبال حمرين, سجن غويران) that its English often leaves out or puts after
# it (the Hamrin mountains, Ghwayran prison)
KEPT_HEADS_AR = DESCRIPTORS_AR | {"جبل", "سجن", "مخيم", "حقل", "مطار"}


def _skeletons(found: Found) -> list[str]:
    """The keys a mention may pair by: its own, and for an Arabic name opening with a head word, the
    name without it."""
    keys = [found.skel]
    if found.lang == "ar" and len(found.words) > 1 and found.words[0] in KEPT_HEADS_AR:
        keys.append(skeleton(found.words[1:]))
    return keys


def _best_window(segs: list[Segment], target: Found, lang: str, total: int, need_cap: bool):
    """The untaken token window of ``segs`` whose skeleton is closest to ``target``'s."""
    want = target.skel
    max_words = len(target.words) + 1
    best = None
    for seg in segs:
        toks, taken = seg.tokens, seg.taken
        for i, tok in enumerate(toks):
            if taken[i]:
                continue
            if need_cap and not _can_open(seg, i):
                continue
            if lang == "ar" and (tok.text in ARABIC_FUNCTION_WORDS or tok.text in DESCRIPTORS_AR):
                continue
            rest: list[str] = []
            for count in range(1, max_words + 1):
                k = i + count - 1
                if k >= len(toks) or taken[k] or (count > 1 and not toks[k - 1].joins):
                    break
                if count > 1:
                    rest.append(toks[k].text)
                if need_cap and count > 1 and not (toks[k].text[:1].isupper() or toks[k].text.casefold() in ARTICLES):
                    break
                if need_cap and toks[k].text.casefold() in ARTICLES:
                    continue  # a name does not end on al-
                if count == 1 and len(tok.text) < 3:
                    continue
                for prefix, stem in proclitic_forms(tok.text):
                    sim = similarity(want, skeleton((stem, *rest)))
                    if sim < PROJECT_MIN:
                        continue
                    rel = (seg.base + (tok.start + toks[k].end) / 2) / total
                    score = sim - POSITION_WEIGHT * abs(rel - target.rel)
                    if best is None or score > best[0]:
                        best = (score, seg, i, count, prefix, sim)
    if best is None:
        return None
    return best[1:]


def _can_open(seg: Segment, i: int) -> bool:
    tok = seg.tokens[i]
    if tok.text.casefold() in STOP:
        return False
    if tok.text[:1].isupper():
        return True
    return (tok.text.casefold() in ARTICLES and tok.joins and i + 1 < len(seg.tokens)
            and seg.tokens[i + 1].text[:1].isupper())
