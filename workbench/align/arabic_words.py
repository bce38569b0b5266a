"""The words of Arabic name cues: proclitic readings, name words, adjectives, what joins two words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from workbench.names.arabic_cues import cue_fold as fold
from workbench.text.tokens import Token, proclitic_forms

TANWEEN = "\u064b"  # fathatan, the accusative ending of adverbs and adjectives (تركياً، انخفاضاً)

# confidence of each cue: share of detections that were real names on bench/data dev texts
CONFIDENCE = {"title": 0.9, "given name": 0.8, "place head": 0.85, "org head": 0.75, "kunya": 0.8,
              "role after": 0.8, "quoted name": 0.8}


@dataclass(slots=True)
class Cue:
    """A name found by a cue: tokens ``[first, first + count)``, ``prefix`` proclitic letters on the first."""

    first: int
    count: int
    prefix: int
    type: str  # person / place / org
    cue: str  # what found it: title, place head, org head, given name, kunya
    word: str  # the cue word as written
    confidence: float


def token_forms(token: Token) -> tuple[tuple[int, str], ...]:
    """(proclitic length, folded stem) readings of a token, the bare word first."""
    return _word_forms(token.text)


@lru_cache(maxsize=200_000)
def _word_forms(word: str) -> tuple[tuple[int, str], ...]:
    forms = tuple((p, fold(stem)) for p, stem in proclitic_forms(word))
    if word.startswith("لل") and len(word) >= 5 and (1, fold(word[1:])) not in forms:
        forms += ((1, fold(word[1:])),)  # للواء: ل before a word that starts with ل (لواء), not the article
    return forms


def stem_of(token: Token, prefix: int) -> str:
    """The folded word behind ``prefix`` proclitic letters (للإدارة, 1 -> الإدارة: the article's alef back)."""
    return next((stem for p, stem in token_forms(token) if p == prefix), fold(token.text)[prefix:])


# words that fold onto a cue word but are other words: إحياء (reviving) is not أحياء (neighbourhoods)
LOOKALIKES = frozenset(("إحياء",))


def prefix_in(token: Token, table: frozenset, clitics: bool = True) -> int | None:
    """The proclitic length under which the token is in ``table``, or None."""
    forms = token_forms(token) if clitics else [(0, fold(token.text))]
    for prefix, stem in forms:
        if stem in table and token.text[prefix:] not in LOOKALIKES:
            return prefix
    return None


def name_word(token: Token, t: dict) -> bool:
    """A word that can be part of a name: Arabic letters, not a frequent word of running text (nor one
    behind a proclitic: وهم، بأكثر), not an inflected verb (اعتقلت، ونفذوا), not a noun with a pronoun
    suffix (وسكانه، خارجها)."""
    word = fold(token.text)
    raw = token.text
    return (len(word) >= 2 and word not in t["not_name"] and word not in t["title"]
            and word not in t["place_head"] and word not in t["org_head"] and word not in t["outlet_head"]
            and not any(ch.isdigit() for ch in word) and "\u0621" <= word[0] <= "\u064a"
            and not (len(raw) >= 4 and raw.endswith(("ه", "ها", "هم")) and not raw.endswith("الله"))
            and not any(p and stem in t["not_name"] for p, stem in token_forms(token))
            and not any(stem in t["verb"] for p, stem in token_forms(token) if not p or raw[:p] == "و")
            and not raw.endswith(TANWEEN))  # مخمور انخفاضاً: an adverb in the accusative


def bare_past(token: Token, t: dict) -> bool:
    """The word, as written (no proclitic read off), is the bare past of a listed news verb (وصل، أصدر)."""
    return fold(token.text) in t["bare_past"]


def given_prefix(token: Token, t: dict) -> int | None:
    """The proclitic length under which a word opens a personal name (given name, أبو، بن، عبد); ك is
    not read as a proclitic here (كامل is a word, not ك + أمل)."""
    for prefix, stem in token_forms(token):
        if stem in t["name_start"] and "ك" not in token.text[:prefix]:
            return prefix
    return None


def joined(tokens: list[Token], i: int) -> bool:
    """Token ``i`` and the next are separated by a space or a hyphen only (no punctuation); a dash
    between spaces sets off an aside (بلدة ذيبان - مسقط رأس ...), it does not join a name."""
    return tokens[i].joins and (i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end < 3)


def new_phrase(token: Token, t: dict) -> bool:
    """A word that starts a new phrase behind a proclitic: بالحسكة، والجرذي، بمدينة."""
    return any(prefix and (stem.startswith("ال") or stem in t["place_head"])
               for prefix, stem in token_forms(token))


def derived_participle(word: str) -> bool:
    """An indefinite feminine participle of a derived verb (متنوعة، متاخمة، مستقلة): it describes the
    head before it; place names do not take these patterns (a name like مركدة or محردة has no ت)."""
    return len(word) >= 6 and word.startswith(("مت", "مست")) and word.endswith("ه")


def imperfect_verb(word: str, given: frozenset, letters: str = "يت", longest: int = 4) -> bool:
    """A short imperfect verb (يقيل، تدعو، يتبنى; folded): opens with ي or ت, four letters (up to
    ``longest``), not a given name (يوسف، تميم), not a nisba that opens with ت (تركي)."""
    return word[:1] in letters and 4 <= len(word) <= longest and word not in given \
        and not (word[0] == "ت" and word[-1] == "ي")


def definite_participle(word: str) -> bool:
    """A definite feminine participle (المختصة، المقربة، المنكوبة, folded with ه) describes the name before it."""
    return len(word) >= 7 and word.startswith("الم") and word.endswith("ه")


def tenth_form_verb(word: str) -> bool:
    """A past verb of the form استفعل with its subject's ending (استهدفت، استقبلوا; folded): no name follows
    a head with it (خطة محكمة استهدفت ...)."""
    return word.startswith("است") and len(word) >= 6 and word.endswith(("ت", "وا"))


def definite_verbal_noun(word: str) -> bool:
    """A definite verbal noun of a derived verb (folded): الاجتماع، الانسحاب، الاستقبال، التنسيق، الإعلان. It is
    what a sentence goes on about, no family name (those patterns name no families; a nisba, ...ي, may)."""
    if not word.startswith("ال") or word.endswith("ي"):
        return False
    s = word[2:]
    return (len(s) == 6 and s[0] == "ا" and (s[2] == "ت" or s[1] == "ن") and s[4] == "ا"  # افتعال، انفعال
            or len(s) == 7 and s.startswith("است") and s[5] == "ا"  # استفعال
            or len(s) == 5 and s[0] == "ت" and s[3] == "ي"  # تفعيل
            or len(s) == 5 and s[0] == "ا" and s[3] == "ا")  # إفعال


def adjective(word: str) -> bool:
    """A nisba adjective (العراقية، السوري، عشائرية، الأمريكيين)."""
    return len(word) >= 5 and word.endswith(("ي", "يه", "يين", "يون", "يات"))


def comma_between(tokens: list[Token], k: int, text: str) -> bool:
    """Only a comma (and spaces) stands between token ``k`` and the next."""
    return bool(text) and k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start].strip() in ("،", ",")


NEWS = "انباء"  # folded أنباء
