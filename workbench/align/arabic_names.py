"""Arabic names the glossary does not hold, found by their cues: titles, heads, given names, structure.

Arabic has no capital letters, so a name is found by what stands around and inside it: a title or a
role before a person (``المتحدث باسم ... مصطفى بالي``), a head before a place (``قرية ...``, the head left
out of the name) or an organisation (``حزب ...``, the head kept), a given name followed by the parts
of a personal name (بن / ابن, أبو, عبد, a nisba in ـي), a role after a name (``X Y، معاون ...``),
quotation marks with what stands before them, and lists after a head. Each detection carries its
type, the cue that found it and a confidence (the share of such detections that were names on the
dev set).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from workbench.names.arabic_cues import cue_fold as fold
from workbench.names.arabic_cues import tables
from workbench.text.tokens import Token, proclitic_forms

MAX_NAME = 6  # words in a personal name
TANWEEN = "\u064b"  # fathatan, the accusative ending of adverbs and adjectives (تركياً، انخفاضاً)
MAX_ORG = 5  # words after an organisation head

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


def _forms(token: Token) -> tuple[tuple[int, str], ...]:
    """(proclitic length, folded stem) readings of a token, the bare word first."""
    return _word_forms(token.text)


@lru_cache(maxsize=200_000)
def _word_forms(word: str) -> tuple[tuple[int, str], ...]:
    forms = tuple((p, fold(stem)) for p, stem in proclitic_forms(word))
    if word.startswith("لل") and len(word) >= 5 and (1, fold(word[1:])) not in forms:
        forms += ((1, fold(word[1:])),)  # للواء: ل before a word that starts with ل (لواء), not the article
    return forms


def _stem(token: Token, prefix: int) -> str:
    """The folded word behind ``prefix`` proclitic letters (للإدارة, 1 -> الإدارة: the article's alef back)."""
    return next((stem for p, stem in _forms(token) if p == prefix), fold(token.text)[prefix:])


def _is(token: Token, table: frozenset, clitics: bool = True) -> int | None:
    """The proclitic length under which the token is in ``table``, or None."""
    forms = _forms(token) if clitics else [(0, fold(token.text))]
    for prefix, stem in forms:
        if stem in table:
            return prefix
    return None


def _name_word(token: Token, t: dict) -> bool:
    """A word that can be part of a name: Arabic letters, not a frequent word of running text (nor one
    behind a proclitic: وهم، بأكثر), not a noun with a pronoun suffix (وسكانه، خارجها)."""
    word = fold(token.text)
    raw = token.text
    return (len(word) >= 2 and word not in t["not_name"] and word not in t["title"]
            and word not in t["place_head"] and word not in t["org_head"] and word not in t["outlet_head"]
            and not any(ch.isdigit() for ch in word) and "\u0621" <= word[0] <= "\u064a"
            and not (len(raw) >= 4 and raw.endswith(("ه", "ها", "هم")) and not raw.endswith("الله"))
            and not any(p and stem in t["not_name"] for p, stem in _forms(token))
            and not raw.endswith(TANWEEN))  # مخمور انخفاضاً: an adverb in the accusative


def _given_prefix(token: Token, t: dict) -> int | None:
    """The proclitic length under which a word opens a personal name (given name, أبو، بن، عبد); ك is
    not read as a proclitic here (كامل is a word, not ك + أمل)."""
    for prefix, stem in _forms(token):
        if stem in t["name_start"] and "ك" not in token.text[:prefix]:
            return prefix
    return None


def _after_title_word(token: Token, t: dict) -> bool:
    """The first word after a title: a name word, not a noun behind a preposition (القاضي السابق
    بمحكمة ...، معاون المحافظ للشؤون ...: a definite noun or one in م) nor an adjective in the
    accusative (كان المختار مطلوبا); بشار، بوتين، زكريا are names."""
    word = fold(token.text)
    if not _name_word(token, t) or (len(word) >= 5 and word.endswith("ا") and word not in t["given"]):
        return False
    for prefix, stem in _forms(token):
        if prefix and any(ch in "بلك" for ch in token.text[:prefix]) and stem not in t["given"] \
                and (stem.startswith(("ال", "م")) or stem in t["not_name"]):
            return False
    return True


def _role_next(tokens: list[Token], k: int, t: dict) -> bool:
    """A role follows word ``k`` (رعد ناصر شعيا قائممقام ...، جلال خلف، مدير ...): the name ends on it."""
    return k + 1 < len(tokens) and fold(tokens[k + 1].text) in t["role_after"]


def _joined(tokens: list[Token], i: int) -> bool:
    """Token ``i`` and the next are separated by a space or a hyphen only (no punctuation); a dash
    between spaces sets off an aside (بلدة ذيبان - مسقط رأس ...), it does not join a name."""
    return tokens[i].joins and (i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end < 3)


def _person(tokens: list[Token], taken: list[bool], i: int, t: dict, after_title: bool,
            surnames: frozenset[int] = frozenset()) -> int:
    """How many tokens from ``i`` make a personal name (0: none); ``surnames``: tokens of a glossary
    person's family name alone (الكاظمي), which close another person's name written before them
    (النائب معين الكاظمي is not Mustafa al-Kadhimi)."""
    n = len(tokens)
    count = 0
    k = i
    while k < n and count < MAX_NAME and not taken[k]:
        word = fold(tokens[k].text)
        if count == 0:  # the first word may carry a proclitic (ومحمد، لأبو)
            prefix = _given_prefix(tokens[k], t)
            if prefix is not None:
                word = _stem(tokens[k], prefix)
        if word in t["son_of"] or word in t["kunya"] or word in t["abd"]:
            # عبد الأمير: after عبد a title word is a name
            if k + 1 >= n or taken[k + 1] or not _joined(tokens, k) or not (
                    _name_word(tokens[k + 1], t) or (word in t["abd"] and fold(tokens[k + 1].text) in t["title"])):
                break
            count += 2
            k += 2
        elif count == 0:
            if word in t["given"] or (after_title and _after_title_word(tokens[k], t)):
                count, k = 1, k + 1
            else:
                break
        elif fold(tokens[k - 1].text).startswith("ال") and not word.startswith("ال"):
            break  # after a family name (ال...) only another one follows: الشمري وحضور
        elif _new_phrase(tokens[k], t):
            break  # الشيخ ناصر والشويحة: و + a definite word is the next item of a list
        elif _name_word(tokens[k], t) and (count < 2 or word.startswith("ال") or word in t["given"]
                                           or _role_next(tokens, k, t)
                                           or (after_title and _family_name_next(tokens, taken, k, t))):
            count += 1  # a third word must be a family name (ال...), a given name or end before a role
            k += 1
        else:
            break
        if k >= n or not _joined(tokens, k - 1):
            break
    if count and k < n and k in surnames and _joined(tokens, k - 1) and k == i + count:
        count += 1
    if count == 1 and not after_title:
        return 0  # a lone given name is as often a word (أمل، نور، سلام) as a name
    return count


def _family_name_next(tokens: list[Token], taken: list[bool], k: int, t: dict) -> bool:
    """The word after ``k`` closes a personal name: a family name (ال...) joined to it."""
    return k + 1 < len(tokens) and not taken[k + 1] and _joined(tokens, k) \
        and fold(tokens[k + 1].text).startswith("ال") and _name_word(tokens[k + 1], t)


def _new_phrase(token: Token, t: dict) -> bool:
    """A word that starts a new phrase behind a proclitic: بالحسكة، والجرذي، بمدينة."""
    return any(prefix and (stem.startswith("ال") or stem in t["place_head"])
               for prefix, stem in _forms(token))


_RELATIVES = frozenset(fold(w) for w in "الذي التي الذين اللذين اللتين اللواتي اللاتي".split())


def _place(tokens: list[Token], taken: list[bool], i: int, t: dict, described: bool = False) -> int:
    """How many tokens from ``i`` make a place name after a head: one word, or two when the first
    opens compound names (تل تمر، جديد X، الشيخ X) or is bare (حوايج ذيبان; a definite name stops:
    الصبحة ليلا; a list goes on behind و). ``described``: after a plural or facility head an
    indefinite nisba is an adjective (مناطق ريفية، قاعدة تركية), not a name."""
    n = len(tokens)
    if i >= n or taken[i] or _is(tokens[i], t["place_head"]) is not None:
        return 0  # سجن بمدينة ...: another head, not a name
    word = fold(tokens[i].text)
    opener = word in t["place_first"] or word in t["title"]  # قرية الشيخ X: a title opens a village name
    if not (opener or _name_word(tokens[i], t)) or (described and not word.startswith("ال") and (
            _adjective(word) or (word.startswith("م") and len(word) >= 6))) or "ال" + word in t["describing"] \
            or _derived_participle(word):
        return 0  # (قرى مأهولة: a participle; منطقة عسكرية: an adjective; محافظة متنوعة: a participle)
    second = fold(tokens[i + 1].text) if i + 1 < n and _joined(tokens, i) else ""
    if word.startswith("ال") and second in t["describing"]:
        return 0  # منطقة النزاع المسلح: a common noun described
    if not opener and not word.startswith("ال") and second.startswith("ال") and second in t["not_name"] \
            and len(second) >= 5 and second not in _RELATIVES:
        return 0  # مناطق سيطرة النظام: a noun governing a common noun (not قضاء هيت الذي)
    count = 1
    if second and not taken[i + 1] and _name_word(tokens[i + 1], t) and not _new_phrase(tokens[i + 1], t) \
            and (opener or (not word.startswith("ال") and not _adjective(second)
                            and not (second[:1] in "يت" and len(second) >= 4)  # ريف X يتسبب: a verb
                            and not (second[:1] in "وب" and len(second) >= 4 and second not in t["given"]))):
        count = 2  # (قرى X وY: a list; ريف X بشكل: a preposition)
    elif opener:
        return 0  # جديد alone is a word
    elif second and taken[i + 1]:
        return 0  # مقاطعة كتلتي [الحزب ...]: a noun governing a glossary name, not a place
    return count


def _org(tokens: list[Token], taken: list[bool], i: int, t: dict, definite_head: bool = False) -> int:
    """How many tokens after an organisation head belong to its name (the head not counted).

    The first word may be any name word (حركة حماس); the next ones are definite (حزب العمال
    الكردستاني), joined by ل (المرصد السوري لحقوق الإنسان) or follow a particle (لواء أبو الفضل).
    """
    n = len(tokens)
    count = 0
    k = i
    construct = False
    while k < n and count < MAX_ORG and not taken[k] and _joined(tokens, k - 1):
        word = fold(tokens[k].text)
        closes = construct and word.startswith("ال") and _adjective(word)  # للدراسات الشرقية
        usable = (word not in t["not_name"] or closes) and word not in t["title"] and len(word) >= 2 \
            and word not in t["place_head"] and "\u0621" <= word[0] <= "\u064a" \
            and not word.endswith(("تها", "تهم", "ته"))  # مجلس محافظتها: a noun with a pronoun
        if not usable:
            break
        construct = (word.startswith("ل") and len(word) > 3 and k + 1 < n and _joined(tokens, k)
                     and fold(tokens[k + 1].text).startswith("ال"))  # لحقوق الإنسان
        if not count and definite_head and not word.startswith("ال"):
            break  # التنظيم أواخر: the article on the head makes it a common noun here
        if count and not (word.startswith(("ال", "لل")) or construct
                          or fold(tokens[k - 1].text) in t["kunya"] | t["abd"]):
            break
        before = fold(tokens[k - 1].text)
        if count and before.startswith("ال") and _adjective(before) and not (_adjective(word) or construct):
            break  # انتقد التيار المدني القرار: after an adjective, a noun is the verb's object
        count += 1
        k += 1
    first = fold(tokens[i].text)
    if count == 1 and _adjective(first) and (not definite_head or first in t["describing"]):
        return 0  # القوات العراقية، قوات عشائرية: a force described, not named (but التيار الصدري)
    if any(fold(tok.text) in t["ordinal"] for tok in tokens[i:i + count]):
        return 0  # فرقة المشاة الرابعة: a numbered unit, not a name
    if count and i + count < n and taken[i + count] and _joined(tokens, i + count - 1):
        return 0  # قوات حكومة [دمشق]: cut by a glossary name, the name is not this
    while count >= 2 and first.startswith("ال") and fold(tokens[i + count - 1].text) in t["describing"]:
        count -= 1  # الحرس الثوري الإيراني: the name, not its nationality (مجلس X العسكري keeps it)
    return count


def _derived_participle(word: str) -> bool:
    """An indefinite feminine participle of a derived verb (متنوعة، متاخمة، مستقلة): it describes the
    head before it; place names do not take these patterns (a name like مركدة or محردة has no ت)."""
    return len(word) >= 6 and word.startswith(("مت", "مست")) and word.endswith("ه")


def _adjective(word: str) -> bool:
    """A nisba adjective (العراقية، السوري، عشائرية، الأمريكيين)."""
    return len(word) >= 5 and word.endswith(("ي", "يه", "يين", "يون", "يات"))


def _outlet_prefix(token: Token) -> int:
    """Proclitic letters before an outlet's foreign name (لنورث برس، وفرانس برس): و, then ل or ب."""
    word = token.text
    prefix = 1 if word.startswith("و") and len(word) >= 4 else 0
    if word[prefix:prefix + 1] in ("ل", "ب") and len(word) - prefix >= 4:
        prefix += 1
    return prefix


def _outlet(tokens: list[Token], taken: list[bool], i: int, t: dict) -> int:
    """How many tokens from ``i`` name a news outlet: a known one, or one ending in برس / نيوز."""
    n = len(tokens)
    if i >= n or taken[i]:
        return 0
    word = fold(tokens[i].text)
    for count in (2, 3):  # فرانس برس، العرب ديلي برس
        k = i + count - 1
        if k < n and not any(taken[i + 1:k + 1]) and all(_joined(tokens, m) for m in range(i, k)) \
                and fold(tokens[k].text) in t["outlet_end"]:
            return count
    return 1 if word in t["outlet"] else 0


def _after_head(tokens: list[Token], taken: list[bool], i: int, t: dict, most: int = 3) -> int:
    """Name words after an outlet or tribe head (the head left out): فرانس برس، العكيدات."""
    n = len(tokens)
    count = _outlet(tokens, taken, i, t)
    if count:
        return count
    k = i
    while k < n and count < most and not taken[k] and _name_word(tokens[k], t):
        word = fold(tokens[k].text)
        if count and (not word.startswith(("ال", "لل")) or _adjective(word)):
            break  # قبيلة العكيدات العربية: the name, not its description (سائرون للإصلاح goes on)
        if not count and not word.startswith(("ال", "لل")) and (_adjective(word) or (
                len(word) >= 4 and word.endswith("يه"))):
            break  # موقع عسكري، وكالة رسمية، عشيرة سنية: an indefinite head described, not named
        if not count and word == _NEWS and not (k + 1 < n and _joined(tokens, k) and _name_word(tokens[k + 1], t)):
            break  # وكالة أنباء «...»: news, the agency's name is the quoted one
        count += 1
        k += 1
        if k >= n or not _joined(tokens, k - 1):
            break
    return count


_NEWS = "انباء"  # folded أنباء


OPEN_QUOTES = "\"“”«('"
CLOSE_QUOTES = "\"“”»)'"
MAX_QUOTED = 4  # words of a quoted name
MAX_LIST = 12  # places of a quoted list

# words before a quoted name that say what it names (ما يسمى «...»، يدعى (...)، لـ«...»)
_CALLED = ("يسمى", "تسمى", "المسمى", "المسماه", "باسم")  # (المعروفة باسم «...»)
_TO = ("لـ", "ل")  # ل with a tatweel or alone: لـ"العربي الجديد"، ل «الحياة» (to the outlet ...)


def _quoted(tokens: list[Token], taken: list[bool], i: int, text: str) -> int:
    """How many tokens from ``i`` fill a quotation (or brackets) that opens right before token ``i``."""
    n = len(tokens)
    before = text[tokens[i - 1].end if i else max(0, tokens[i].start - 2):tokens[i].start]
    if not any(q in before for q in OPEN_QUOTES):
        return 0
    k = i
    while k < n and k - i < MAX_QUOTED:
        after = text[tokens[k].end:tokens[k + 1].start if k + 1 < n else len(text)]
        if any(q in after for q in CLOSE_QUOTES):
            return k - i + 1
        if not tokens[k].joins:
            return 0
        k += 1
    return 0


def _quoted_name(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str,
                 place_before: bool = False) -> Cue | None:
    """A name in quotes or brackets, when the word before it or its own first word says it is one:
    an outlet, bloc or organisation head, a title (المدعو «لقمان»), «so-called», لـ«...», fighters of
    (مسلحي «...»: an armed group), a head inside the quotes («مجلس ... العسكري»: the whole quotation
    is the name), a given name opening it («علي خلف المختار»: a person, titles inside are his names),
    or a place right before it (``place_before``: ناحية X (Y), the place's other name)."""
    count = _quoted(tokens, taken, i, text)
    if not count or taken[i] or all(taken[i:i + count]):
        return None
    headed = _is(tokens[i], t["org_head"], clitics=False) is not None
    words = [fold(tok.text) for tok in tokens[i + headed:i + count]]
    if not words or words[0] in t["not_name"] or any(w in t["not_name"] for w in words if not w.startswith("ال")):
        return None  # a quoted phrase, not a name («مقاومة الجهات»، «احتواء العصيان»)
    while count >= 2 and words[-1] in t["nationality"]:
        count -= 1  # «الحرس الثوري الإيراني»: the name, not its nationality
        words = words[:-1]
    if headed:
        return Cue(i, count, 0, "org", "quoted head", tokens[i].text, CONFIDENCE["org head"])
    word = tokens[i - 1].text if i else ""
    folded = fold(word)
    if i and _is(tokens[i - 1], t["title"]) is not None:
        return Cue(i, count, 0, "person", "title", word, CONFIDENCE["title"])
    if i and (_is(tokens[i - 1], t["members_of"]) is not None or _is(tokens[i - 1], t["pages"]) is not None):
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if count >= 2 and words[0] in t["title"] and all(
            _name_word(tok, t) and fold(tok.text) not in t["complement"] for tok in tokens[i + 1:i + count]):
        return Cue(i + 1, count - 1, 0, "person", "title", tokens[i].text, CONFIDENCE["title"])  # «حج X»
    if i and (_is(tokens[i - 1], t["outlet_head"]) is not None or word in _TO
              or (folded == _NEWS and i >= 2 and _is(tokens[i - 2], t["outlet_head"]) is not None)):
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if i and _is(tokens[i - 1], t["org_head"]) is not None:
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if i and folded in _CALLED:
        head = "place" if _is(tokens[i], t["place_head"]) is not None else "org"
        return Cue(i, count, 0, head, "so-called", word, CONFIDENCE["org head"])
    head = _is(tokens[i - 1], t["place_head"]) if i else None
    if head is not None and not _stem(tokens[i - 1], head).startswith("ال"):  # قرية (X): the village's name
        return Cue(i, count, 0, "place", "place head", word, CONFIDENCE["place head"])
    if count >= 2 and words[0] in t["given"] and all(
            w in t["title"] or _name_word(tok, t) for w, tok in zip(words, tokens[i:i + count])):
        return Cue(i, count, 0, "person", "quoted name", tokens[i].text, CONFIDENCE["quoted name"])
    if place_before and text[tokens[i - 1].end:tokens[i].start].strip() == "(" and all(
            _name_word(tok, t) and fold(tok.text) not in t["outlet"] | t["outlet_end"]
            for tok in tokens[i:i + count]):  # بغداد (رويترز): a dateline, not the place's other name
        return Cue(i, count, 0, "place", "place head", word, CONFIDENCE["place head"])
    return None


def _and_next(tokens: list[Token], taken: list[bool], found: Cue, t: dict, given: bool = True,
              text: str = "") -> Cue | None:
    """The next place of a list, behind و: بلدتي الطيانة والجرذي, قرى X وعرب Y; ``given``: a given name
    may open it (after a plural head: قرى X وعلي Y; after ناحية X وفؤاد ... a person follows); with
    ``text``, a comma may stand before the و (بلدات X، وY وZ)."""
    k = found.first + found.count
    if k >= len(tokens) or taken[k] or not tokens[k].text.startswith("و") \
            or not (tokens[k - 1].joins or _comma_between(tokens, k - 1, text)):
        return None
    token = Token(tokens[k].start + 1, tokens[k].end, tokens[k].text[1:])
    opener = fold(token.text) in t["place_first"]
    if not (opener or (len(token.text) >= 3 and _name_word(token, t))) or fold(token.text) in t["describing"] \
            or (not given and (fold(token.text) in t["name_start"]
                               or (token.text[:1] in "يت" and len(token.text) <= 4 and not opener))):
        return None  # ناحية X وفؤاد ...: a person; منطقة X وتشن ...: a verb
    count = 2 if (opener or fold(token.text) in t["given"]) and k + 1 < len(tokens) and tokens[k].joins \
        and not taken[k + 1] and _name_word(tokens[k + 1], t) and not tokens[k + 1].text.startswith("و") else 1
    if opener and count == 1:
        return None  # وتل alone is not a place
    return Cue(k, count, 1, found.type, found.cue, found.word, found.confidence)


def _adjective_after_noun(tokens: list[Token], taken: list[bool], i: int, t: dict) -> bool:
    """A title that is a nisba (الإعلامي، القيادي) right after a definite masculine noun describes it:
    المركز الإعلامي is the media centre, not a journalist (after الحكومة it is not: gender differs)."""
    word = fold(tokens[i].text)
    if not i or taken[i - 1] or not tokens[i - 1].joins or not word.startswith("ال") or not word.endswith("ي"):
        return False
    before = fold(tokens[i - 1].text)
    return before.startswith("ال") and not before.endswith(("ه", "ي")) and before not in t["title"] \
        and before not in t["not_name"]


def _quoted_places(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str, head: str) -> list[Cue]:
    """Places listed in quotes after a plural head (قرى «الفرحية، الطوشان والحمر»): items of one or
    two name words parted by commas or و, the whole list closed by the quote; else none."""
    n = len(tokens)
    if i >= n or not i or text[tokens[i - 1].end:tokens[i].start].strip() not in OPEN_QUOTES:
        return []
    out: list[Cue] = []
    k = i
    while k < n and len(out) < MAX_LIST:
        prefix = 1 if out and tokens[k].text.startswith("و") and _joined(tokens, k - 1) else 0
        if out and not prefix and not _comma_between(tokens, k - 1, text):
            return []
        word = Token(tokens[k].start + prefix, tokens[k].end, tokens[k].text[prefix:])
        if taken[k] or not _name_word(word, t) or len(word.text) < 3:
            return []
        count = 2 if k + 1 < n and _joined(tokens, k) and not tokens[k + 1].text.startswith("و") \
            and _name_word(tokens[k + 1], t) and fold(word.text) in t["place_first"] else 1
        out.append(Cue(k, count, prefix, "place", "place head", head, CONFIDENCE["place head"]))
        k += count
        if any(q in text[tokens[k - 1].end:tokens[k].start if k < n else len(text)] for q in CLOSE_QUOTES):
            return out if len(out) >= 2 else []
    return []


_SUBORDINATE = frozenset(fold(w) for w in "التابعة التابع".split())  # X التابعة لناحية ...: X is a place


def _subordinate_place(tokens: list[Token], taken: list[bool], i: int, t: dict) -> Cue | None:
    """A word that belongs to a district, town or province (الضلوعية التابعة لمحافظة ...، قرية ...): a place."""
    n = len(tokens)
    if i + 2 >= n or taken[i] or not _joined(tokens, i) or not _joined(tokens, i + 1) \
            or fold(tokens[i + 1].text) not in _SUBORDINATE:
        return None
    after = [stem for p, stem in _forms(tokens[i + 2]) if p == 1 and tokens[i + 2].text.startswith("ل")]
    if not any(stem in t["place_head"] for stem in after):
        return None
    prefix = next((p for p, stem in _forms(tokens[i]) if p and stem.startswith("ال")), 0)
    word = Token(tokens[i].start + prefix, tokens[i].end, tokens[i].text[prefix:])
    if not _name_word(word, t) or _adjective(fold(word.text)) and not fold(word.text).startswith("ال"):
        return None
    return Cue(i, 1, prefix, "place", "belongs to", tokens[i + 2].text, CONFIDENCE["place head"])


def _comma_between(tokens: list[Token], k: int, text: str) -> bool:
    """Only a comma (and spaces) stands between token ``k`` and the next."""
    return bool(text) and k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start].strip() in ("،", ",")


def _title_person(tokens: list[Token], taken: list[bool], i: int, prefix: int, t: dict, text: str,
                  places: set[int], surnames: frozenset[int] = frozenset()) -> list[Cue]:
    """The person after the title at token ``i``: past its complements, a glossary name (المتحدث باسم
    قسد), a governor's place, after a title without the article what it heads (رئيس المجلس المدني: not
    a person) and a word governing a glossary name (مدير صحة الرقة); after a comma when the title
    phrase named where the office is (مدير صحة الرقة، غياث الحمود). A governor's place that the
    glossary does not hold is a place (قائممقام X، Y Z: the place X and the person Y Z). A lone word
    before an organisation or place head is what the title heads (مسؤول فرع الاتحاد ...), no person."""
    n = len(tokens)
    token = tokens[i]
    heads = not _stem(token, prefix).startswith("ال")
    office = i + 1 if i + 1 < n and not taken[i + 1] and _joined(tokens, i) \
        and _stem(token, prefix) in t["title_of_place"] and _after_title_word(tokens[i + 1], t) \
        and not (i + 2 < n and _joined(tokens, i + 1) and fold(tokens[i + 2].text).startswith("ال")) else None
    # the office's place stands alone before a comma or before the person (not قائممقام وتشكيل إدارة)
    out = [Cue(office, 1, 0, "place", "office", token.text, CONFIDENCE["place head"])] \
        if office and not _joined(tokens, office) else []
    j = i + 1
    while j < n and j - i <= 6 and _joined(tokens, j - 1) and (
            taken[j] or fold(tokens[j].text) in t["complement"]
            or (heads and fold(tokens[j].text).startswith("ال") and fold(tokens[j].text) not in t["not_name"])
            or (j == i + 1 and _stem(token, prefix) in t["title_of_place"] and _after_title_word(tokens[j], t))
            or (heads and j + 1 < n and taken[j + 1] and not taken[j] and _joined(tokens, j)
                and (_name_word(tokens[j], t) or fold(tokens[j].text) in t["place_head"]))):
        j += 1
    if j >= n:
        return out
    if _joined(tokens, j - 1):
        count = _person(tokens, taken, j, t, after_title=True, surnames=surnames)
    elif j - 1 > i and (j - 1 in places or j - 1 == office) and _comma_between(tokens, j - 1, text):
        count = _person(tokens, taken, j, t, after_title=True, surnames=surnames)
        count = count if count >= 2 else 0
    else:
        count = 0
    if not count or (count < 2 and _stem(token, prefix) in t["appointment"]):
        return out  # تعيين X: one word after an appointment is as often a common noun
    if count == 1 and j + 1 < n and _joined(tokens, j) and (
            _is(tokens[j + 1], t["org_head"]) is not None or _is(tokens[j + 1], t["place_head"]) is not None):
        return out
    if office and not out and j == office + 1:
        out = [Cue(office, 1, 0, "place", "office", token.text, CONFIDENCE["place head"])]
    return out + [Cue(j, count, _given_prefix(tokens[j], t) or 0, "person", "title", token.text, CONFIDENCE["title"])]


def _role_after(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str) -> Cue | None:
    """A name of two or three words opening a sentence and followed by a comma and a role: رفعت سمو،
    معاون محافظ ...; no word has the article but the last."""
    n = len(tokens)
    if i and tokens[i - 1].joins:
        return None
    k = i
    while k < n and k - i < 3 and not taken[k] and _name_word(tokens[k], t) and (
            k == i or not fold(tokens[k - 1].text).startswith("ال")):
        if k > i and _comma_between(tokens, k, text) and _role_next(tokens, k, t):
            return Cue(i, k - i + 1, 0, "person", "role after", tokens[k + 1].text, CONFIDENCE["role after"])
        if not tokens[k].joins:
            return None
        k += 1
    return None


def _org_with_place(tokens: list[Token], taken: list[bool], i: int, t: dict, places: set[int]) -> int:
    """How many tokens from the organisation head ``i`` make a name that holds a glossary place: a place
    head before it (مجلس محافظة نينوى), a word of the name before it (وحدات حماية سنجار) or a definite
    word after it (تحالف نينوى الموحدة، مجلس دير الزور العسكري). 0: none."""
    n = len(tokens)
    k = i + 1
    inner = 0
    if k < n and not taken[k] and _joined(tokens, k - 1) and (
            _is(tokens[k], t["place_head"], clitics=False) is not None
            or fold(tokens[k].text) in t["plural_tribe_head"]  # مجلس عشائر صلاح الدين
            or (_name_word(tokens[k], t) and not fold(tokens[k].text).startswith("ال")
                and _is(tokens[k], t["facility_head"], clitics=False) is None)):  # إدارة سجن الحسكة: the city
        inner, k = 1, k + 1
    if k >= n or k not in places or not _joined(tokens, k - 1):
        return 0
    while k < n and k in places:
        k += 1
    end = k
    while k < n and not taken[k] and _joined(tokens, k - 1) and fold(tokens[k].text).startswith("ال") \
            and _name_word(tokens[k], t) and fold(tokens[k].text) not in t["nationality"]:
        k += 1
        if fold(tokens[k - 1].text) in t["describing"]:
            break  # مجلس دير الزور العسكري: a describing word closes the name (a nationality is not in it)
    if k == end and not inner:
        return 0
    return k - i


def find(tokens: list[Token], taken: list[bool], text: str = "", places: set[int] | None = None,
         surnames: frozenset[int] = frozenset()) -> list[Cue]:
    """Names in one Arabic segment outside the ``taken`` tokens (glossary matches), left to right;
    ``text`` (the segment) lets quotation marks count as a cue; ``places``: the tokens of glossary
    places, which an organisation's name may hold (مجلس محافظة نينوى); ``surnames``: tokens of a
    glossary person's family name alone, which may close another person's name."""
    t = tables()
    out: list[Cue] = []
    places = places or set()
    i, n = 0, len(tokens)
    while i < n:
        place_before = bool(i and (i - 1 in places or (out and out[-1].type == "place"
                                                        and out[-1].first + out[-1].count == i)))
        found = _quoted_name(tokens, taken, i, t, text, place_before) if text else None
        if found is None and taken[i] and i in places and i + 1 < n and _joined(tokens, i) \
                and not taken[i + 1] and fold(tokens[i + 1].text) in t["outlet_end"]:
            found = Cue(i, 2, 0, "org", "news outlet", tokens[i].text, CONFIDENCE["org head"])  # كركوك ناو
        if found is None and not taken[i] and i + 1 < n and i + 1 in places and _joined(tokens, i) \
                and _is(tokens[i], t["broadcast_head"], clitics=False) is not None:
            k = i + 1
            while k < n and k in places:
                k += 1
            found = Cue(i, k - i, 0, "org", "news outlet", tokens[i].text, CONFIDENCE["org head"])  # تلفزيون سوريا
        if found is None and taken[i]:
            i += 1
            continue
        token = tokens[i]
        if found is None:
            head = _is(token, t["place_org_head"])
            count = _org_with_place(tokens, taken, i, t, places) if head is not None else 0
            if count:
                found = Cue(i, count, head, "org", "org head", token.text, CONFIDENCE["org head"])
        prefix = _is(token, t["title"]) if found is None and not _adjective_after_noun(tokens, taken, i, t) else None
        if prefix is not None:
            *offices, found = _title_person(tokens, taken, i, prefix, t, text, places, surnames) or [None]
            for office in offices:
                out.append(office)
                taken[office.first] = True
        if found is None and text:
            found = _role_after(tokens, taken, i, t, text)
        if found is None and i + 1 < n and _joined(tokens, i) and not taken[i + 1] \
                and fold(tokens[i + 1].text) in t["outlet_end"] \
                and (_name_word(token, t) or not tokens[i + 1].text.isdigit()):  # خلال 24 ساعة: no outlet
            found = Cue(i, 2, _outlet_prefix(token), "org", "news outlet", token.text, CONFIDENCE["org head"])
        if found is None and _is(token, t["shrine_head"]) is not None and i + 2 < n and _joined(tokens, i) \
                and fold(tokens[i + 1].text) in t["title"] and _joined(tokens, i + 1) \
                and not taken[i + 2] and _name_word(tokens[i + 2], t):
            found = Cue(i + 1, 2, 0, "place", "place head", token.text, CONFIDENCE["place head"])  # مقام السيدة زينب
        if found is None and _is(token, t["dropped_org_head"]) is not None and i + 1 < n and _joined(tokens, i) \
                and not taken[i + 1] and _is(tokens[i + 1], t["org_head"], clitics=False) is None:
            count = _org(tokens, taken, i + 1, t)
            first = fold(tokens[i + 1].text)
            if count and not _adjective(first) and not (first.startswith("م") and len(first) >= 5):
                # ميليشيا الدفاع الوطني → الدفاع الوطني (ميليشيات مدعومة: a participle)
                found = Cue(i + 1, count, 0, "org", "org head", token.text, CONFIDENCE["org head"])
        head = _is(token, t["place_head"])
        if found is None and head is not None and i + 1 < n and _joined(tokens, i) \
                and not _stem(token, head).startswith("ال"):  # المحافظة، the province: no name follows
            count = _place(tokens, taken, i + 1, t, described=_stem(token, head) in t["plural_place_head"])
            if count:
                found = Cue(i + 1, count, 0, "place", "place head", token.text, CONFIDENCE["place head"])
                plural = _stem(token, head) in t["plural_place_head"]
                listed = text if plural else ""
                second = _and_next(tokens, taken, found, t, given=plural, text=listed)
                while second is not None:  # قرى X وY وZ, مقاطعة X وY: the whole list
                    out.append(found)
                    taken[found.first:found.first + found.count] = [True] * found.count
                    found, second = second, _and_next(tokens, taken, second, t, given=plural, text=listed)
        if found is None and head is not None and _stem(token, head) in t["plural_place_head"] and text:
            *items, found = _quoted_places(tokens, taken, i + 1, t, text, token.text) or [None]
            for item in items:  # قرى «X، Y وZ»
                out.append(item)
                taken[item.first:item.first + item.count] = [True] * item.count
        facility = _is(token, t["facility_head"])
        if found is None and facility is not None and not _stem(token, facility).startswith("ال") \
                and i + 1 < n and _joined(tokens, i):
            count = _place(tokens, taken, i + 1, t, described=True)
            if count:
                found = Cue(i, count + 1, _is(token, t["facility_head"]), "place", "facility head", token.text,
                            CONFIDENCE["place head"])
        if found is None and _is(token, t["outlet_head"]) is not None and i + 1 < n and _joined(tokens, i) \
                and _is(token, t["dropped_org_head"]) is None:
            count = _after_head(tokens, taken, i + 1, t)
            if count and fold(tokens[i + 1].text) == "الانباء":  # وكالة الأنباء العراقية: the head is in the name
                k = i + 1 + count
                if count == 1 and k < n and not taken[k] and _joined(tokens, k - 1) \
                        and _adjective(fold(tokens[k].text)):
                    count += 1
                found = Cue(i, count + 1, 0, "org", "outlet head", token.text, CONFIDENCE["org head"])
            elif count:
                found = Cue(i + 1, count, 0, "org", "outlet head", token.text, CONFIDENCE["org head"])
                second = _and_next(tokens, taken, found, t, given=False) \
                    if fold(token.text) in t["plural_tribe_head"] else None
                while second is not None:  # عشيرتي X وY: both tribes
                    out.append(found)
                    taken[found.first:found.first + found.count] = [True] * found.count
                    found, second = second, _and_next(tokens, taken, second, t, given=False)
        if found is None:
            prefix = _is(token, t["outlet"])
            if prefix is not None:
                found = Cue(i, 1, prefix, "org", "news outlet", token.text, CONFIDENCE["org head"])
        if found is None:
            prefix = _is(token, t["org_head"])
            if prefix is not None and i + 1 < n and _joined(tokens, i) \
                    and _is(tokens[i + 1], t["org_head"], clitics=False) is None:  # قوات مجلس X: the inner head
                head = _stem(token, prefix)
                count = _org(tokens, taken, i + 1, t, definite_head=head.startswith("ال"))
                if count:
                    found = Cue(i, count + 1, prefix, "org", "org head", token.text, CONFIDENCE["org head"])
        if found is None:
            found = _subordinate_place(tokens, taken, i, t)
        if found is None:
            prefix = _given_prefix(token, t)
            if prefix is not None and _stem(token, prefix) not in t["son_of"]:
                count = _person(tokens, taken, i, t, after_title=False, surnames=surnames)
                if count:
                    cue = "kunya" if _stem(token, prefix) in t["kunya"] else "given name"
                    found = Cue(i, count, prefix, "person", cue, token.text, CONFIDENCE[cue])
        if found is None:
            i += 1
            continue
        out.append(found)
        for k in range(found.first, found.first + found.count):
            taken[k] = True
        # past a title's complements an organisation may stand (رئيس مجلس محافظة نينوى X): look at them too
        i = i + 1 if found.cue == "title" and found.first > i + 1 else found.first + found.count
    return sorted(out, key=lambda c: c.first)
