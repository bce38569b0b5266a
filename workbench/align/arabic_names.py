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

from workbench.align.arabic_places import DIRECTIONS, and_next, place_name, quoted_next, quoted_places, subordinate_place
from workbench.align.arabic_quotes import quoted_name
from workbench.align.arabic_words import (CONFIDENCE, NEWS, Cue, adjective, bare_past, comma_between,
                                         definite_participle, definite_verbal_noun, fold, given_prefix, imperfect_verb,
                                         joined, name_word, new_phrase, prefix_in, stem_of, tenth_form_verb,
                                         token_forms)
from workbench.names.arabic_cues import tables
from workbench.text.tokens import Token

MAX_NAME = 6  # words in a personal name
MAX_ORG = 5  # words after an organisation head
_ON_BEHALF = fold("باسم")  # المتحدث باسم X: "on behalf of", not the given name Basim
_SPOKESMEN = frozenset(fold(w) for w in ("متحدث", "المتحدث", "متحدثا", "ناطق", "الناطق", "ناطقا", "الرسمي", "رسمي",
                                         "متحدثة", "المتحدثة", "الناطقة"))


def _spokesman(tokens: list[Token], i: int, j: int) -> bool:
    """A spokesman's title among tokens ``[i, j)``: باسم after it is "on behalf of" (النائب باسم خشان: Basim)."""
    return any(stem in _SPOKESMEN for tok in tokens[i:j] for _, stem in token_forms(tok))
_SHEIKH = fold("شيخ")  # inside a Kurdish name: لاهور شيخ جنكي
DIN = fold("الدين")  # the second word of a compound given name (سعد الدين، نور الدين)
_GENERIC_AGENCY = frozenset(fold(w) for w in ("الرسمية", "الحكومية", "المحلية"))  # وكالة الأنباء الرسمية
MINISTRY = fold("وزارة")
FORCES = fold("قوات")  # "forces of": a head left out of the name after a title (قائد قوات الأسايش)


def _after_title_word(token: Token, t: dict) -> bool:
    """The first word after a title: a name word, not a noun behind a preposition (القاضي السابق
    بمحكمة ...، معاون المحافظ للشؤون ...: a definite noun or one in م) nor an adjective in the
    accusative (كان المختار مطلوبا) nor a verb's bare past (وصل); بشار، بوتين، زكريا are names."""
    word = fold(token.text)
    if not name_word(token, t) or (len(word) >= 5 and word.endswith("ا") and word not in t["given"]):
        return False
    if word in t["given"]:
        return True  # وليد، بشار
    if bare_past(token, t):
        return False  # الوزير وصل، المحافظ قرر: a verb's bare past
    for prefix, stem in token_forms(token):
        if prefix and "و" in token.text[:prefix] and len(stem) >= 3 and stem not in t["given"]:
            return False  # رئيس مجلس المحافظة وباقي المناصب: و opens the next item of a coordination
        if prefix and any(ch in "بلك" for ch in token.text[:prefix]) and stem not in t["given"] \
                and (stem.startswith(("ال", "م")) or stem in t["not_name"]):
            return False
    return True


def _role_next(tokens: list[Token], k: int, t: dict) -> bool:
    """A role follows word ``k`` (رعد ناصر شعيا قائممقام ...، جلال خلف، مدير ...): the name ends on it."""
    return k + 1 < len(tokens) and fold(tokens[k + 1].text) in t["role_after"]


def _person(tokens: list[Token], taken: list[bool], i: int, t: dict, after_title: bool,
            surnames: frozenset[int] = frozenset()) -> int:
    """How many tokens from ``i`` make a personal name (0: none); ``surnames``: tokens of a glossary
    person's family name alone (الكاظمي), which close another person's name written before them
    (النائب معين الكاظمي is not Mustafa al-Kadhimi)."""
    n = len(tokens)
    count = 0
    k = i
    pair = False  # the last words were a particle and its name (عبد العزيز): a given name, not a family name
    opened = 0  # 1 when the name opens with such a pair (عبد الوهاب ويس الحبيب: the pair is one given name)
    while k < n and count < MAX_NAME and not taken[k]:
        word = fold(tokens[k].text)
        if count == 0:  # the first word may carry a proclitic (ومحمد، لأبو)
            prefix = given_prefix(tokens[k], t)
            if prefix is not None:
                word = stem_of(tokens[k], prefix)
        if word in t["son_of"] or word in t["kunya"] or word in t["abd"]:
            # عبد الأمير: after عبد a title word is a name
            if k + 1 >= n or taken[k + 1] or not joined(tokens, k) or not (
                    name_word(tokens[k + 1], t) or (word in t["abd"] and fold(tokens[k + 1].text) in t["title"])) \
                    or imperfect_verb(fold(tokens[k + 1].text), t["given"]):
                break  # (عبد يبلغ: a verb after عبد, no name)
            opened = 1 if count == 0 and word in t["abd"] else opened
            count += 2
            k += 2
            pair = True
            if k >= n or not joined(tokens, k - 1):
                break
            continue
        elif count == 0:
            if word in t["given"] or (after_title and _after_title_word(tokens[k], t)):
                count, k = 1, k + 1
            else:
                break
        elif fold(tokens[k - 1].text).startswith("ال") and not word.startswith("ال") and not pair:
            break  # after a family name (ال...) only another one follows: الشمري وحضور (عبد العزيز هلال goes on)
        elif new_phrase(tokens[k], t):
            break  # الشيخ ناصر والشويحة: و + a definite word is the next item of a list
        elif tokens[k].text.startswith("و") and len(word) >= 4 and word not in t["given"]:
            break  # على يعرب وشنينة: و + a word that is no given name (وليد is one) is the next item of a list
        elif word.startswith("ل") and not word.startswith("ال") and len(word) >= 4 and word not in t["given"]:
            break  # عباس لأخذ ...: ل + a noun is the verb's purpose (لؤي، ليث are given names)
        elif given_prefix(tokens[k], t):
            break  # مؤيد لبافل (a supporter of Bafel): a given name behind a proclitic opens another phrase
        elif len(word) == 5 and word[0] == "ا" and word.endswith("ت"):
            break  # بنجاح أسفرت عن ...: a verb of the pattern أفعلت, not a name
        elif word in t["role_after"]:
            break  # بريفان حسن نائبة رئيس ...: the role after the name, no part of it
        elif bare_past(tokens[k], t):
            break  # فؤاد حسين وصل: a verb's bare past after the name, no family name
        elif count >= 2 and word.startswith("الم") and len(word) >= 6 and fold(tokens[k - 1].text).startswith("ال") \
                and not (word.endswith("ي") and word not in t["not_name"]):
            break  # وليد حمد العمر المنحدر من ...: a participle describes the man named (a nisba, المشهداني, may end it)
        elif count >= 2 and definite_verbal_noun(word):
            break  # خالد بن سلمان الاجتماع: the meeting he chaired, a verbal noun names no family
        elif count >= 2 and len(word) == 7 and word.startswith("ال") and word[3] == "ا" and word.endswith("ه"):
            break  # نرمين عثمان العاملة في ...: a feminine participle (فاعلة) describes the woman named
        elif word == _SHEIKH and tokens[k].text == "شيخ" and k + 1 < n and not taken[k + 1] and joined(tokens, k) \
                and name_word(tokens[k + 1], t) and not fold(tokens[k + 1].text).startswith("ال"):
            count, k = count + 2, k + 2  # لاهور شيخ جنكي: شيخ inside a (Kurdish) name, before its family name
            break
        elif pair and count == 2 and word.startswith("ال") and adjective(word) and word not in t["title"] \
                and not name_word(tokens[k], t) and stem_of(tokens[i], given_prefix(tokens[i], t) or 0) in t["kunya"]:
            count, k = 3, k + 1  # أبو حسين العراقي: a nom de guerre, a kunya and a nisba of nationality
            break
        elif after_title and count == 1 and not pair and word.startswith("ال") and adjective(word) \
                and word in t["not_name"] and word not in t["title"]:
            count, k = 2, k + 1  # الناشط محمد الشمالي: a nisba after a given name is his family name
            break
        elif name_word(tokens[k], t) and (count < 2 + opened or word.startswith("ال") or word in t["given"]
                                           or _role_next(tokens, k, t) or _family_name_ahead(tokens, taken, k, t)
                                           or (after_title and (_family_name_next(tokens, taken, k, t)
                                                                or _name_closes(tokens, k, t)))):
            count += 1  # a third word must be a family name (ال...), a given name or end before a role
            k += 1  # or, after a title, end the name before في / من / a comma (العميد غسان محمد باكير في ...)
        else:
            break
        pair = count >= 2 and word == DIN  # سعد الدين: a compound given name, his family name may follow
        if k >= n or not joined(tokens, k - 1):
            break
    if count and k < n and k in surnames and joined(tokens, k - 1) and k == i + count:
        count += 1
    if count == 1 and not after_title:
        return 0  # a lone given name is as often a word (أمل، نور، سلام) as a name
    return count


def _name_closes(tokens: list[Token], k: int, t: dict) -> bool:
    """Word ``k`` is the last of a name: punctuation or a preposition of place follows it."""
    return fold(tokens[k].text) not in t["role_after"] and (
        k + 1 >= len(tokens) or not joined(tokens, k) or fold(tokens[k + 1].text) in t["closing"])


def _family_name_ahead(tokens: list[Token], taken: list[bool], k: int, t: dict) -> bool:
    """Word ``k`` and at most one more plain name word lead to a family nisba (ال...ي): a long Iraqi name,
    the grandfathers before the tribe's nisba (أيسر وليد سحاب سرحان العبيدي). The words between are plain
    nouns: no proclitic, no feminine or accusative ending, no imperfect verb (بارزاني يهتم كثيرا)."""
    for j in (k, k + 1):
        if j >= len(tokens) or j > k and (taken[j] or not name_word(tokens[j], t)):
            return False
        word = fold(tokens[j].text)
        if word.startswith(("ال", "ي", "ت")) or word.endswith(("ه", "ا", "ات")) or word in t["not_name"] \
                or given_prefix(tokens[j], t) or tokens[j].text[:1] in "لبو" and word not in t["given"]:
            return False
        family = fold(tokens[j + 1].text) if j + 1 < len(tokens) else ""
        if _family_name_next(tokens, taken, j, t) and family.endswith("ي") and family not in t["describing"] \
                and family not in t["not_name"]:
            return True
        if not joined(tokens, j):
            return False
    return False


def _family_name_next(tokens: list[Token], taken: list[bool], k: int, t: dict) -> bool:
    """The word after ``k`` closes a personal name: a family name (ال...) joined to it."""
    return k + 1 < len(tokens) and not taken[k + 1] and joined(tokens, k) \
        and fold(tokens[k + 1].text).startswith("ال") and name_word(tokens[k + 1], t)


_TO = fold("إلى")  # the preposition, which folds like a definite word
_BATTALION = frozenset((fold("كتيبة"), fold("الكتيبة")))
_DEFINITE_MOSQUES = frozenset((fold("المسجد"), fold("الجامع")))  # named by an adjective: المسجد الأموي، الجامع النوري


def _org(tokens: list[Token], taken: list[bool], i: int, t: dict, definite_head: bool = False,
         ministry: bool = False) -> int:
    """How many tokens after an organisation head belong to its name (the head not counted).

    The first word may be any name word (حركة حماس); the next ones are definite (حزب العمال
    الكردستاني), joined by ل (المرصد السوري لحقوق الإنسان) or follow a particle (لواء أبو الفضل).
    A ministry joins its portfolios with و and keeps its country (وزارة الهجرة والمهجرين العراقية).
    """
    n = len(tokens)
    count = 0
    k = i
    construct = False
    party = bool(i) and any(stem in _PARTY_HEADS for _, stem in token_forms(tokens[i - 1]))
    if i < n and not taken[i] and fold(tokens[i].text) in _EPONYM_TITLES and i + 1 < n and joined(tokens, i) \
            and (person := _person(tokens, taken, i + 1, t, True)):
        return 1 + person  # فرقة السلطان مراد، لواء الشهيد أحمد: a unit named after a man, his title in it
    while k < n and count < MAX_ORG and not taken[k] and joined(tokens, k - 1):
        word = fold(tokens[k].text)
        closes = (construct and word.startswith("ال") and adjective(word)) \
            or (ministry and count and word in t["nationality"])  # للدراسات الشرقية، وزارة الصحة السورية
        usable = (word not in t["not_name"] or closes or (count and fold(tokens[k - 1].text) == _POWERS)
                  or (count and word in _NAME_QUALIFIERS)
                  or (count and party and word in _OWN_COUNTRY)) \
            and word not in t["title"] and len(word) >= 2 \
            and not any(p and (stem in t["not_name"] or stem in t["outlet_head"]) for p, stem in token_forms(tokens[k])) \
            and word not in t["dropped_org_head"] \
            and word not in t["place_head"] and word not in t["facility_head"] and "\u0621" <= word[0] <= "\u064a" \
            and not word.endswith(("تها", "تهم", "ته", "هم", "هما"))  # مجلس محافظتها: a noun with a pronoun
        if not usable:
            break
        if count and word.startswith(("للاست", "للإست")):
            break  # وزارة الهجرة للاستفسار: "for inquiry", a verbal noun, not the ministry's name
        construct = (word.startswith("ل") and len(word) > 3 and k + 1 < n and joined(tokens, k)
                     and fold(tokens[k + 1].text).startswith("ال")  # لحقوق الإنسان
                     and fold(tokens[k + 1].text) != _TO  # not لجأت إلى: a verb, then "to"
                     and fold(tokens[k].text[1:]) not in t["not_name"])  # not لهذا المنصب
        if not count and word[:1] == "و" and (word[1:] in t["org_head"] or _participle(word[1:], t)):
            break  # خطة محكمة ومنظمة، محكمة ومنظمة: "and" joins another noun or adjective, no name
        if not count and (imperfect_verb(word[1:] if word[:1] == "و" else word, t["given"], letters="ي", longest=5)
                          or tenth_form_verb(word)):
            break  # تحالف يتبنى ...، فصيل ويعمل: an imperfect verb, no name (محكمة استهدفت: a past one)
        if not count and not definite_head and (_participle(word, t) or _active_participle(word, t)):
            break  # محكمة مختصة، تيار مناهض: a participle describes the head, does not name it
        if not count and definite_head and (not word.startswith("ال") or word in t["given"]):
            break  # التنظيم أواخر: the article on the head makes it a common noun here (المرصد رامي: its man)
        if count and not (word.startswith(("ال", "لل")) or construct or (ministry and word.startswith("وال"))
                          or fold(tokens[k - 1].text) in t["kunya"] | t["abd"]):
            break
        before = fold(tokens[k - 1].text)
        if count and before.startswith("ال") and adjective(before) and not (
                adjective(word) or construct or (ministry and word.startswith("وال"))):
            break  # انتقد التيار المدني القرار: after an adjective, a noun is the verb's object
        count += 1
        k += 1
    first = fold(tokens[i].text)
    if count and any(stem in _BATTALION for _, stem in token_forms(tokens[i - 1])) \
            and first.removeprefix("ال") not in t["given"]:
        return 0  # كتيبة استطلاع، كتيبة المجنزرات: a battalion is named after a man (كتيبة الحمزة) or not at all
    if (count and any(f"{stem} {first}" in t["generic_body"] for _, stem in token_forms(tokens[i - 1]))) \
            or (count and definite_head and first.endswith(("ين", "ون")) and len(first) >= 7):
        return 0  # مجلس النواب (العراقي): the parliament, a common noun; المجلس الحاضرين: the members present
    if count == 1 and (first in t["describing"] or adjective(first) and not definite_head) \
            or count and adjective(first) and not definite_head \
            and not any(fold(tok.text).startswith("ال") for tok in tokens[i:i + count]):
        return 0  # القوات العراقية، قوات عشائرية، جيش محلي مصغر: a force described, not named (but التيار الصدري,
        # غرفة عملية العزم الصلب)
    if definite_head and count and all(
            w in t["describing"] or definite_participle(w) or w.startswith("لل")
            for w in (fold(tok.text) for tok in tokens[i:i + count])):
        return 0  # القوات المسلحة الماسكة للأرض: described through and through, not named
    if count == 1 and definite_head and first.startswith("الم") and len(first) >= 6 \
            and not first.endswith(("ي", "يه")):
        return 0  # الفصيل المسيطر على القرية: a participle describes the group, does not name it
    if count and not definite_head and not first.startswith("ال") and "ال" + first in t["describing"]:
        return 0  # تحالف كردي للظفر بالمنصب: an alliance described (a Kurdish one), not named
    if any(fold(tok.text) in t["ordinal"] for tok in tokens[i:i + count]):
        return 0  # فرقة المشاة الرابعة: a numbered unit, not a name
    if count and not first.startswith("ال") and first.endswith("ات") and len(first) >= 5:
        return 0  # بإدارة تشكيلات أمنية: a head before an indefinite plural is a verbal noun, not a name
    if count and i + count < n and taken[i + count] and joined(tokens, i + count - 1):
        return 0  # قوات حكومة [دمشق]: cut by a glossary name, the name is not this
    if count and i and any(stem in _GENERIC_HEADS for _, stem in token_forms(tokens[i - 1])) \
            and all(_portfolio(fold(tok.text)) for tok in tokens[i:i + count]):
        return 0  # وزارة الهجرة والمهجرين، هيئة الصحة: a body named by its portfolio alone (not by its country)
    while count >= 2 and not ministry and (
            ((last := fold(tokens[i + count - 1].text)) in t["describing"] or last in t["nationality"])
            and first.startswith("ال") and last not in _NAME_QUALIFIERS
            and not (party and last in _OWN_COUNTRY) or definite_participle(last) and not last.endswith("يه")):
        count -= 1  # الحرس الثوري الإيراني، حركة رجال الكرامة المعارضة: the name, not its description
    return count  # (مجلس X العسكري keeps it; a party keeps its country: جبهة التوافق العراقية)


# qualifiers that stay in an organisation's name (منظمة الهجرة الدولية، جمعية القوش الثقافية)
_NAME_QUALIFIERS = frozenset(fold(w) for w in ("الدولي", "الدولية", "الثقافي", "الثقافية"))

# titles of the men armed units are named after (فرقة السلطان مراد، كتيبة الشهيد ...)
_EPONYM_TITLES = frozenset(fold(w) for w in ("السلطان", "الشهيد", "الإمام", "الامام"))

# words before an outlet's name: its correspondent, its site, according to it
_REPORTED = frozenset(fold(w) for w in ("مراسل", "موقع", "شبكة", "حسب", "بحسب", "وفق", "وفقا", "لـ", "ل"))


def outlet_context(tokens: list[Token], k: int, text: str, t: dict) -> bool:
    """Whether a name and a number at token ``k`` (السويداء 24) stand where an outlet is named rather than a
    count (حلب 24 إصابة): a reporting word, a proclitic ل or a quotation before it, or no word joined after."""
    if k + 2 >= len(tokens) or not joined(tokens, k + 1):
        return True
    before = text[tokens[k - 1].end:tokens[k].start] if k and text else ""
    if any(q in before for q in "\"«“”") or tokens[k].text[:1] == "ل":
        return True
    return bool(k) and any(stem in _REPORTED for _, stem in token_forms(tokens[k - 1]))


_COUNCIL_KINDS = frozenset(fold(w) for w in ("المدني", "العسكري", "المحلي"))  # مجلس منطقة الطبقة المدني


def _council_before(tokens: list[Token], taken: list[bool], i: int, t: dict) -> int | None:
    """The proclitic length of مجلس right before the place head at ``i`` (None: no council there)."""
    if i == 0 or taken[i - 1] or not joined(tokens, i - 1) or prefix_in(tokens[i], t["plural_place_head"]) is not None:
        return None
    return prefix_in(tokens[i - 1], t["council"])


_MONTHS = frozenset(fold(w) for w in ("تشرين", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "كانون",
                                       "شباط"))
# the other month names a date may give (Egyptian and Gulf usage, the Hijri calendar: 24 رجب 1446)
_DATE_MONTHS = _MONTHS | frozenset(fold(w) for w in (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
    "ديسمبر", "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة"))
_COMMAND = fold("قيادة")
_COMMANDER = fold("قائد")
_OPERATIONS = fold("عمليات")


def _operations_command(tokens: list[Token], taken: list[bool], k: int, t: dict) -> Cue | None:
    """An operations command named by a word (قيادة عمليات سومر, the whole; after قائد, عمليات سومر): the
    word after عمليات an indefinite name word, not a description (عمليات عسكرية) nor a known place (the
    organisation heads take قيادة عمليات بغداد)."""
    if k + 2 >= len(tokens) or any(taken[k:k + 3]) or not (joined(tokens, k) and joined(tokens, k + 1)) \
            or fold(tokens[k + 1].text) != _OPERATIONS:
        return None
    head = prefix_in(tokens[k], frozenset((_COMMAND, _COMMANDER)))
    word = fold(tokens[k + 2].text)
    if head is None or word.startswith("ال") or not name_word(tokens[k + 2], t) or adjective(word) \
            or word in t["not_name"]:
        return None
    if stem_of(tokens[k], head) == _COMMAND:
        return Cue(k, 3, head, "org", "org head", tokens[k].text, CONFIDENCE["org head"])
    return Cue(k + 1, 2, 0, "org", "org head", tokens[k + 1].text, CONFIDENCE["org head"])


def _quantity(tokens: list[Token], k: int, t: dict) -> bool:
    """Token ``k`` is a number of a unit that follows it (24 ساعة) or a day of a month (24 رجب): a quantity
    or a date, no outlet's number."""
    return tokens[k].text.isdigit() and k + 1 < len(tokens) and joined(tokens, k) \
        and (fold(tokens[k + 1].text) in t["unit"] or fold(tokens[k + 1].text) in _DATE_MONTHS)


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
        if k < n and not any(taken[i + 1:k + 1]) and all(joined(tokens, m) for m in range(i, k)) \
                and fold(tokens[k].text) in t["outlet_end"]:
            return count
    return 1 if word in t["outlet"] else 0


# after a bloc head, adjectives that are part of the bloc's name (كتلة العقد الوطني، قائمة الوفاق الوطني)
# what an agency deals in, after وكالة: the head is part of the name (وكالة الأنباء العراقية، وكالة الاستخبارات
# المركزية)
_AGENCY_FIELDS = frozenset(fold(w) for w in ("الأنباء", "الاستخبارات", "المخابرات"))
_BLOC_HEADS = frozenset(fold(w) for w in ("كتلة", "قائمة"))
_BLOC_ADJECTIVES = frozenset(fold(w) for w in ("الوطني", "الوطنية", "الديمقراطي", "الديمقراطية", "الإسلامي",
                                               "الإسلامية", "المدني", "المدنية"))


def _after_head(tokens: list[Token], taken: list[bool], i: int, t: dict, most: int = 3, bloc: bool = False) -> int:
    """Name words after an outlet, tribe or bloc head (the head left out): فرانس برس، العكيدات."""
    n = len(tokens)
    count = _outlet(tokens, taken, i, t)
    if count:
        return count
    k = i
    while k < n and count < most and not taken[k] and name_word(tokens[k], t):
        word = fold(tokens[k].text)
        if any(stem in t["outlet_head"] for _, stem in token_forms(tokens[k])):
            break  # قبائل وعشائر ...: another head, no name
        if count and tokens[k].text.startswith(("أل", "إل")):
            break  # فخذ الدواغنة ألقى ...: a hamza, no article (a verb, an elative), folded like one
        if count and (not word.startswith(("ال", "لل")) or adjective(word) or definite_participle(word)
                      or len(word) >= 7 and word.endswith(("ين", "ون"))) \
                and not (bloc and (word in _BLOC_ADJECTIVES or word.startswith("وال") and len(word) >= 6)) \
                and not (fold(tokens[k - 1].text) in t["kunya"] and not word.startswith("ال")):  # قبيلة البو حمدان
            break  # قبيلة العكيدات العربية، عشيرة البوعلوان المتطرفين: the name, not its description
            # (سائرون للإصلاح goes on)
        if not count and not word.startswith(("ال", "لل")) and (adjective(word) or (
                len(word) >= 4 and word.endswith("يه")) or (not bloc and imperfect_verb(word, t["given"]))
                or _participle(word, t)):
            break  # موقع عسكري، وكالة رسمية، عشيرة سنية، قائمة موحدة: an indefinite head described, not named;
            # قبيلة تدعو: a verb
            # (not after a bloc's head: كتلة تقدم, the Progress bloc)
        if not count and word == NEWS and not (k + 1 < n and joined(tokens, k) and not taken[k + 1]
                                               and name_word(tokens[k + 1], t)):
            break  # وكالة أنباء «...»: news, the agency's name is the quoted one (or a known one, found already)
        count += 1
        k += 1
        if k >= n or not joined(tokens, k - 1):
            break
    return count


_RECEIVED = frozenset(fold(w) for w in ("تلقت", "تلقى", "تلقته", "تلقاه", "تسلمت", "تسلم"))
_COPY = fold("نسخة")


def _received_a_copy(tokens: list[Token], taken: list[bool], i: int, t: dict) -> Cue | None:
    """The outlet that "received a copy" of a statement (بيان تلقت «X» نسخة منه): up to three words between
    the verb and نسخة, an outlet head before them left out (تلقت وكالة X نسخة منه)."""
    n = len(tokens)
    if prefix_in(tokens[i], _RECEIVED) is None:
        return None
    first = i + 1
    if first < n and prefix_in(tokens[first], t["outlet_head"], clitics=False) is not None:
        first += 1
    k = first
    while k < n and k - first < 3 and not taken[k] and joined(tokens, k - 1) and fold(tokens[k].text) != _COPY:
        k += 1
    if k == first or k >= n or fold(tokens[k].text) != _COPY or not joined(tokens, k - 1) \
            or not all(tok.text.isalnum() for tok in tokens[first:k]):
        return None  # the frame is the cue: an outlet's words may be common ones (الشرق، آخر الأخبار)
    return Cue(first, k - first, 0, "org", "received a copy", tokens[i].text, CONFIDENCE["org head"])


def _adjective_after_noun(tokens: list[Token], taken: list[bool], i: int, t: dict) -> bool:
    """A title that is a nisba (الإعلامي، القيادي) right after a definite masculine noun describes it:
    المركز الإعلامي is the media centre, not a journalist (after الحكومة it is not: gender differs)."""
    word = fold(tokens[i].text)
    if not i or taken[i - 1] or not tokens[i - 1].joins or not word.startswith("ال") or not word.endswith("ي"):
        return False
    before = fold(tokens[i - 1].text)
    return before.startswith("ال") and not before.endswith(("ه", "ي")) and before not in t["title"] \
        and before not in t["not_name"]




def _title_person(tokens: list[Token], taken: list[bool], i: int, prefix: int, t: dict, text: str,
                  places: set[int], surnames: frozenset[int] = frozenset(),
                  people: frozenset[int] = frozenset()) -> list[Cue]:
    """The person after the title at token ``i``: past its complements, a glossary name (المتحدث باسم
    قسد), a governor's place, after a title without the article what it heads (رئيس المجلس المدني: not
    a person) and a word governing a glossary name (مدير صحة الرقة); after a comma when the title
    phrase named where the office is (مدير صحة الرقة، غياث الحمود). A governor's place that the
    glossary does not hold is a place (قائممقام X، Y Z: the place X and the person Y Z). A lone word
    before an organisation or place head is what the title heads (مسؤول فرع الاتحاد ...), no person."""
    n = len(tokens)
    token = tokens[i]
    heads = not stem_of(token, prefix).startswith("ال")
    of_place = stem_of(token, prefix) in t["title_of_place"] and i + 1 < n \
        and fold(tokens[i + 1].text) not in t["given"] | t["abd"] | t["kunya"]
    office = i + 1 if i + 1 < n and not taken[i + 1] and joined(tokens, i) \
        and of_place and _after_title_word(tokens[i + 1], t) \
        and not (i + 2 < n and joined(tokens, i + 1) and fold(tokens[i + 2].text).startswith("ال")) else None
    # the office's place stands alone before a comma or before the person (not قائممقام وتشكيل إدارة)
    out = [Cue(office, 1, 0, "place", "office", token.text, CONFIDENCE["place head"])] \
        if office and not joined(tokens, office) else []
    j = i + 1
    appoints = stem_of(token, prefix) in t["appointment"]
    while j < n and j - i <= 6 and joined(tokens, j - 1) and (
            taken[j] and not (j == i + 1 and appoints and j in surnames)
            or fold(tokens[j].text) in t["complement"] and not (fold(tokens[j].text) == _ON_BEHALF
                                                                and not _spokesman(tokens, i, j))
            or (heads and fold(tokens[j].text).startswith("ال") and fold(tokens[j].text) not in t["not_name"]
                and not (j == i + 1 and appoints))  # تعيين الكاظمي: the one named, not what it heads
            or (j == i + 1 and of_place and _after_title_word(tokens[j], t))  # محافظ نينوى X; not محافظ عمر X
            or _describing(tokens[j], t, not heads)  # المحلل السياسي X، قائد عسكري: the title's adjective
            or (fold(tokens[j - 1].text) == _ON_BEHALF and fold(tokens[j].text).startswith("ال") and j + 1 < n
                and joined(tokens, j) and given_prefix(tokens[j + 1], t) is not None)  # المتحدث باسم اللجنة X
            or (heads and j + 1 < n and taken[j + 1] and not taken[j] and joined(tokens, j)
                and (name_word(tokens[j], t) or fold(tokens[j].text) in t["place_head"]))):
        j += 1
    if j >= n or any(k in people for k in range(i + 1, j)):
        return out  # الأمين العام لمنظمة بدر هادي العامري: the title names the glossary's person
    head = prefix_in(tokens[j - 1], t["org_head"]) if j - 1 > i and not taken[j - 1] else None
    if head is not None and stem_of(tokens[j - 1], head).startswith("ال") and fold(tokens[j].text) in t["given"]:
        head = None  # مدير المرصد رامي ...: the body's generic name, then the man
    if head is not None:  # الأمين العام لوزارة X: X names the ministry (قائد قوات X: the forces X), no person
        count = _org(tokens, taken, j, t, ministry=stem_of(tokens[j - 1], head) == MINISTRY)
        if not count:
            return out
        if stem_of(tokens[j - 1], head) == FORCES:
            return out + [Cue(j, count, 0, "org", "org head", tokens[j - 1].text, CONFIDENCE["org head"])]
        return out + [Cue(j - 1, count + 1, head, "org", "org head", tokens[j - 1].text, CONFIDENCE["org head"])]
    if _not_a_person_word(tokens[j], t):
        return out  # وزير الداخلية يقيل ...: a verb; قائد الشرطة ومدير ...: another title
    if j - 1 > i and _describing(tokens[j - 1], t, not heads) and fold(tokens[j].text) not in t["name_start"]:
        return out  # مسؤول محلي عراقي بضبط ...: after the title's adjectives only a given name opens a name
    if joined(tokens, j - 1):
        count = _person(tokens, taken, j, t, after_title=True, surnames=surnames)
    elif j - 1 > i and (j - 1 in places or j - 1 == office) and comma_between(tokens, j - 1, text):
        count = _person(tokens, taken, j, t, after_title=True, surnames=surnames)
        count = count if count >= 2 else 0
    else:
        count = 0
    if not count or (count < 2 and stem_of(token, prefix) in t["appointment"]):
        return out  # تعيين X: one word after an appointment is as often a common noun
    if count == 1 and j + 1 < n and joined(tokens, j) and (
            prefix_in(tokens[j + 1], t["org_head"]) is not None or prefix_in(tokens[j + 1], t["place_head"]) is not None):
        return out
    if office and not out and j == office + 1:
        out = [Cue(office, 1, 0, "place", "office", token.text, CONFIDENCE["place head"])]
    return out + [Cue(j, count, given_prefix(tokens[j], t) or 0, "person", "title", token.text, CONFIDENCE["title"])]


# given names that are also verbs of reporting: behind و/ف at the start of a clause, the verb (وطالب البيان)
# party and bloc heads: their name may end on their own country's adjective (الحزب الشيوعي العراقي)
_PARTY_HEADS = frozenset(fold(w) for w in ("حزب", "الحزب", "جبهة", "الجبهة", "تحالف", "ائتلاف", "تيار", "حركة"))
_OWN_COUNTRY = frozenset(fold(w) for w in ("العراقي", "العراقية", "السوري", "السورية", "الكردي", "الكردية"))
_GENERIC_HEADS = frozenset(fold(w) for w in ("وزارة", "هيئة", "هيأة", "مديرية", "دائرة", "مؤسسة", "الهيئة", "المديرية"))
# what a ministry, commission or directorate is in charge of: named by it alone, the body is a common noun
_PORTFOLIOS = frozenset(fold(w) for w in """
الزراعة الصحة الدفاع الداخلية الخارجية العدل التجارة الثقافة السياحة النقل الاتصالات التموين الشؤون الدينية
الاجتماعية العلاقات حقوق الإنسان الانسان المالية النفط الكهرباء التربية التعليم العالي الإعلام البيئة الرياضة
الشباب الأوقاف الهجرة المهجرين الاقتصاد الصناعة الإسكان الإعمار البلديات الموارد المائية العمل المرأة التخطيط
الأشغال العامة الاستثمار الإذاعة الاستخبارات الخزانة المعادن المواصلات الري الأمن العليا رئاسة البرلمان المياه
""".split())


def _portfolio(word: str) -> bool:
    """A portfolio word, bare or behind و / ل (والمهجرين، لحقوق)."""
    return word in _PORTFOLIOS or word[:1] in "ول" and (word[1:] in _PORTFOLIOS or "ا" + word[1:] in _PORTFOLIOS)


def _shrine(tokens: list[Token], taken: list[bool], i: int, prefix: int, t: dict) -> Cue | None:
    """A shrine named with its head: after مقام/مرقد/ضريح a title and a name (مرقد الإمام الكاظم، مقام السيدة
    زينب) or a given name (مرقد الحسين); after العتبة/الحضرة an adjective (العتبة الكاظمية، الحضرة الحنفية)."""
    n = len(tokens)
    if i + 1 >= n or not joined(tokens, i) or taken[i + 1]:
        return None
    head, word = stem_of(tokens[i], prefix), fold(tokens[i + 1].text)
    if head in t["shrine_adjective_head"]:
        count = 2 if word.startswith("ال") and adjective(word) and word not in t["nationality"] else 0
    elif word in t["title"]:
        count = 3 if i + 2 < n and joined(tokens, i + 1) and not taken[i + 2] and name_word(tokens[i + 2], t) else 0
    else:
        count = 2 if word in t["given"] else 0
    return Cue(i, count, prefix, "place", "place head", tokens[i].text, CONFIDENCE["place head"]) if count else None


def _participle(word: str, t: dict) -> bool:
    """An indefinite feminine participle of five letters (موحدة، موزعة، مختصة; folded): it describes the
    head before it (قائمة موحدة، محكمة مختصة), it does not name it (a verbal noun, مراقبة, may)."""
    return len(word) == 5 and word.startswith("م") and word.endswith("ه") and word not in t["given"]


def _active_participle(word: str, t: dict) -> bool:
    """An indefinite participle of the pattern مفاعل (مناهض، معارض; folded), not a given name (مبارك)."""
    return len(word) == 5 and word.startswith("م") and word[2] == "ا" and word not in t["given"]


_VILLAGE_HEADS = frozenset(fold(w) for w in ("قرية", "بلدة", "حي"))
_ADVISER = frozenset(fold(w) for w in ("مستشار", "مستشارية"))  # the adviser and his office
_POWERS = fold("قوى")  # قوى X: "the forces of X", a bloc's name goes on through X (تحالف قوى الدولة الوطنية)
_VERB_NAMES = frozenset(fold(w) for w in ("طالب", "وعد", "حكمت", "رفعت"))


def _verb_opening(tokens: list[Token], i: int, prefix: int, text: str) -> bool:
    """Token ``i`` is و/ف + a given name that is also a verb, opening a sentence or a clause: the verb."""
    if not prefix or tokens[i].text[:1] not in "وف" or stem_of(tokens[i], prefix) not in _VERB_NAMES:
        return False
    before = text[tokens[i - 1].end:tokens[i].start] if i and text else "."
    return i == 0 or any(c in before for c in ".،,:\n")


def _describing(token: Token, t: dict, definite: bool) -> bool:
    """An adjective that describes a title and agrees with it: with the article after a definite one (المحلل
    السياسي), without it after an indefinite one (قائد عسكري; not المهندس تركي, a man named Turki)."""
    word = fold(token.text)
    return word.startswith("ال") == definite and (word if definite else "ال" + word) in t["title_adjective"]


def _not_a_person_word(token: Token, t: dict) -> bool:
    """A word after a title that does not open a name: an imperfect verb of four letters (يقيل، تعلن, or behind
    و/ف: وتقدم; not a given name: يوسف، تميم), an ordinal (اللواء الثامن: the Eighth Brigade), the head of a
    body (عضو قيادة شعبة ...), or a title or a head behind a proclitic (ومدير; النائب الأول لرئيس الوزراء, the
    prime minister's deputy; رئيس المجلس لشبكة ...: to the network)."""
    forms = [(0, fold(token.text))] + [(p, stem) for p, stem in token_forms(token) if p and token.text[:1] in "وف"]
    return any(imperfect_verb(stem, t["given"]) for _, stem in forms) or forms[0][1] in t["ordinal"] \
        or forms[0][1] in t["place_org_head"] \
        or any(p and any(stem in t[table] for table in ("title", "outlet_head", "org_head", "place_head"))
               for p, stem in token_forms(token))


def _role_after(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str) -> Cue | None:
    """A name of two or three words opening a sentence and followed by a comma or a dash and a role: رفعت
    سمو، معاون محافظ ...; مقداد حودي – رئيس ...; no word has the article but the last."""
    n = len(tokens)
    if i and tokens[i - 1].joins:
        return None
    if tokens[i].text.startswith("و") and fold(tokens[i].text) not in t["given"]:
        return None  # وخلية فلان، مسؤولة عن ...: "and the cell of", no name opens with و but a given name
    k = i
    while k < n and k - i < 3 and not taken[k] and name_word(tokens[k], t) and (
            k == i or not fold(tokens[k - 1].text).startswith("ال")):
        if k > i and (comma_between(tokens, k, text) or _dash_between(tokens, k, text)) and _role_next(tokens, k, t):
            return Cue(i, k - i + 1, 0, "person", "role after", tokens[k + 1].text, CONFIDENCE["role after"])
        if not tokens[k].joins:
            return None
        k += 1
    return None


# words that open a line before a colon or a dash and are no name: page labels, bylines' verbs
_LABELS = frozenset(fold(w) for w in """المصدر آخر تحديث اقرأ إقرأ أيضا أيضاً المزيد إعداد متابعة كتب تصوير الرئيسية
التصنيف تقرير التفاصيل خاص نشر تاريخ النشر النص بقلم ترجمة تحرير عاجل مكتب الإعلام المحرر الصورة الرابط المختصر
حاوره حاورها البداية تفاصيل أولا اولا ثانيا ثالثا رابعا خامسا سادسا سابعا أخيرا اخيرا ليلة صباح مساء فجر ظهر يوم
""".split())  # (a byline's interviewer, a list's ordinals, a time of day: ليلة السبت:)
DATELINE = "dateline"  # the cue of a name opening a line before a dash or colon
_FUNCTION = frozenset(fold(w) for w in """من في على إلى الى عن مع أن إن ان قد لم لن ما لا ثم حيث كما هذا هذه ذلك تلك
التي الذي الذين وقد وكان كان كانت بعد قبل منذ عند حتى أو او""".split())


def _dateline(tokens: list[Token], taken: list[bool], t: dict, text: str) -> Cue | None:
    """One to three name words opening a segment and closed by a dash, a colon or a slash: the outlet or
    the writer a report opens with (الشرق اليوم- أصدرت ...، الدرر الشامية: شهدت ...), a person when a given
    name opens it. Not a label (المصدر:، آخر تحديث:), a verb of saying (وأضاف:) or a title's phrase."""
    n = len(tokens)
    if not n or text[:tokens[0].start].strip():
        return None
    for count in range(1, 4):
        k = count - 1
        word = fold(tokens[k].text) if k < n else ""
        if k >= n or taken[k] or len(word) < 2 or not all("\u0621" <= c <= "\u064a" for c in word) \
                or word in _LABELS or word in _FUNCTION or prefix_in(tokens[k], t["title"]) is not None \
                or prefix_in(tokens[k], t["speech"]) is not None or (k == 0 and word in t["not_name"]):
            return None  # (an outlet's name may end on a common word: الشرق اليوم، السوري اليوم)
        gap = text[tokens[k].end:tokens[k + 1].start if k + 1 < n else len(text)].strip()
        if gap[:1] in ("-", "–", "—", ":", "/") and (k + 1 >= n or tokens[k + 1].start > tokens[k].end):
            first = fold(tokens[0].text)
            if first[:1] in "وف" and (any(first[1:].startswith(v) for v in t["speech"])
                                     or imperfect_verb(first[1:], t["given"])) \
                    or count == 1 and adjective(first) and not first.startswith("ال") or any(
                    fold(tok.text) in t["place_head"] or fold(tok.text) in t["org_head"] for tok in tokens[:count]):
                return None  # (وأضافت المصادر:، ويقول X:، سياسية: a section's name)
            # a person when a given name opens it; else an outlet, a writer or a place: the linker tells
            kind = "person" if first in t["given"] and count >= 2 else None
            return Cue(0, count, 0, kind, DATELINE, tokens[0].text, CONFIDENCE["quoted name"])
        if gap:
            return None
    return None


def _dash_between(tokens: list[Token], k: int, text: str) -> bool:
    """Only a dash (and spaces) stands between token ``k`` and the next: a caption's name and its role."""
    return bool(text) and k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start].strip() in ("–", "—", "-")


def _security_agency(tokens: list[Token], taken: list[bool], i: int, t: dict) -> Cue | None:
    """A security agency named by its branch: الأمن العام، للأمن الداخلي (→ لأمن ...), قوى الأمن الداخلي; a
    police force by its level, branch or country: الشرطة الاتحادية، للشرطة العراقية (→ لشرطة ...)."""
    n = len(tokens)
    police = prefix_in(tokens[i], t["police"])
    if police is not None and i + 1 < n and not taken[i + 1] and joined(tokens, i) \
            and fold(tokens[i + 1].text) in t["police_branch"]:
        return Cue(i, 2, police, "org", "security agency", tokens[i].text, CONFIDENCE["org head"])
    forces = prefix_in(tokens[i], t["security_forces"])
    k = i + 1 if forces is not None else i
    prefix = prefix_in(tokens[k], t["security"]) if k < n and (k == i or joined(tokens, i)) else None
    if prefix is None or (forces is not None and prefix) or k + 1 >= n or taken[k] or taken[k + 1] \
            or not joined(tokens, k) or fold(tokens[k + 1].text) not in t["security_branch"]:
        return None
    if i and forces is None and fold(tokens[i - 1].text) in _ADVISER and joined(tokens, i - 1):
        return None  # مستشار الأمن القومي، مستشارية الأمن القومي: the adviser's title or office, no agency
    return Cue(i, k - i + 2, forces if forces is not None else prefix, "org", "security agency", tokens[k].text,
               CONFIDENCE["org head"])


def _org_with_place(tokens: list[Token], taken: list[bool], i: int, t: dict, places: set[int]) -> int:
    """How many tokens from the organisation head ``i`` make a name that holds a glossary place: a place
    head before it (مجلس محافظة نينوى), a word of the name before it (وحدات حماية سنجار) or a definite
    word after it (تحالف نينوى الموحدة، مجلس دير الزور العسكري). 0: none."""
    n = len(tokens)
    k = i + 1
    inner = 0
    if k < n and not taken[k] and joined(tokens, k - 1) and (
            prefix_in(tokens[k], t["place_head"], clitics=False) is not None
            or fold(tokens[k].text) in t["plural_tribe_head"]  # مجلس عشائر صلاح الدين
            or (name_word(tokens[k], t) and not fold(tokens[k].text).startswith("ال")
                and prefix_in(tokens[k], t["facility_head"], clitics=False) is None)):  # إدارة سجن الحسكة: the city
        inner, k = 1, k + 1
    if k >= n or k not in places or not joined(tokens, k - 1):
        return 0
    while k < n and k in places:
        k += 1
    end = k
    while k < n and not taken[k] and joined(tokens, k - 1) and fold(tokens[k].text).startswith("ال") \
            and name_word(tokens[k], t) and fold(tokens[k].text) not in t["nationality"]:
        k += 1
        if fold(tokens[k - 1].text) in t["describing"]:
            break  # مجلس دير الزور العسكري: a describing word closes the name (a nationality is not in it)
    if k == end and not inner and (prefix_in(tokens[i], t["council"]) is None or (
            k < n and joined(tokens, k - 1) and fold(tokens[k].text) in t["nationality"])):
        return 0  # مجلس نينوى: a council is named by its place alone (not before a nationality: مجلس بغداد العراقي)
    return k - i


def _next_place(tokens: list[Token], taken: list[bool], found: Cue, t: dict, plural: bool, text: str) -> Cue | None:
    """The next item of a list of places after a head: behind و, or, after a plural head, in quotes of its own."""
    return and_next(tokens, taken, found, t, given=plural, text=text) \
        or (quoted_next(tokens, taken, found, t, text) if plural else None)


def find(tokens: list[Token], taken: list[bool], text: str = "", places: set[int] | None = None,
         surnames: frozenset[int] = frozenset(), people: frozenset[int] = frozenset()) -> list[Cue]:
    """Names in one Arabic segment outside the ``taken`` tokens (glossary matches), left to right;
    ``text`` (the segment) lets quotation marks count as a cue; ``places``: the tokens of glossary
    places, which an organisation's name may hold (مجلس محافظة نينوى); ``surnames``: tokens of a
    glossary person's family name alone, which may close another person's name; ``people``: tokens of
    glossary people, whom a title before them names."""
    t = tables()
    out: list[Cue] = []
    places = places or set()
    i, n = 0, len(tokens)
    for k in range(n - 1):  # درعا 24، السويداء 24: an outlet named by a word and its number, before any title takes it
        # (not a duration: مدة 24 ساعة), or by a word and an outlet's ending, a title's word too (مراسل
        # يكيتي ميديا، السفير نيوز), a place's head too (مراسل الجزيرة نت)
        if not taken[k] and not taken[k + 1] and joined(tokens, k) and tokens[k + 1].text in t["outlet_end"] \
                and (tokens[k + 1].text.isdigit() and name_word(tokens[k], t) and outlet_context(tokens, k, text, t)
                     and not _quantity(tokens, k + 1, t)
                     or not tokens[k + 1].text.isdigit() and (fold(tokens[k].text) in t["title"] or (
                         (name_word(tokens[k], t) or fold(tokens[k].text) in t["place_head"])
                         and k and prefix_in(tokens[k - 1], t["title"]) is not None))):
            prefix = _outlet_prefix(tokens[k])
            out.append(Cue(k, 2, prefix, "org", "news outlet", tokens[k + 1].text, CONFIDENCE["org head"]))
            taken[k] = taken[k + 1] = True
        elif not taken[k] and not taken[k + 1] and joined(tokens, k) and tokens[k + 1].text.isdigit() \
                and len(tokens[k + 1].text) >= 2 and prefix_in(tokens[k], t["outlet_head"]) is not None:
            out.append(Cue(k + 1, 1, 0, "org", "news outlet", tokens[k].text, CONFIDENCE["org head"]))
            taken[k] = taken[k + 1] = True  # لشبكة 964: the outlet named by its number (its head no name)
        elif (command := _operations_command(tokens, taken, k, t)) is not None:
            out.append(command)  # قيادة عمليات سومر، قائد عمليات سومر: the command, before the title takes it
            taken[command.first:command.first + command.count] = [True] * command.count
    while i < n:
        place_before = bool(i and (i - 1 in places or (out and out[-1].type == "place"
                                                        and out[-1].first + out[-1].count == i)))
        found = quoted_name(tokens, taken, i, t, text, place_before) if text else None
        if found is not None and found.type == "place" and prefix_in(tokens[i - 1], t["plural_place_head"]) is not None:
            second = quoted_next(tokens, taken, found, t, text)
            while second is not None:  # قرى “X” و”Y” و”Z”: each in quotes of its own
                out.append(found)
                taken[found.first:found.first + found.count] = [True] * found.count
                found, second = second, quoted_next(tokens, taken, second, t, text)
        if found is None and taken[i] and i in places and i + 1 < n and joined(tokens, i) \
                and not taken[i + 1] and fold(tokens[i + 1].text) in t["outlet_end"] \
                and (not tokens[i + 1].text.isdigit() or outlet_context(tokens, i, text, t)):
            found = Cue(i, 2, 0, "org", "news outlet", tokens[i].text, CONFIDENCE["org head"])  # كركوك ناو
        if found is None and not taken[i] and i + 1 < n and i + 1 in places and joined(tokens, i) \
                and prefix_in(tokens[i], t["broadcast_head"], clitics=False) is not None:
            k = i + 1
            while k < n and k in places:
                k += 1
            found = Cue(i, k - i, 0, "org", "news outlet", tokens[i].text, CONFIDENCE["org head"])  # تلفزيون سوريا
        if found is None and taken[i]:
            i += 1
            continue
        token = tokens[i]
        if found is None and not taken[i]:
            found = _security_agency(tokens, taken, i, t)
        if found is None:
            head = prefix_in(token, t["place_org_head"])
            count = _org_with_place(tokens, taken, i, t, places) if head is not None else 0
            if count:
                found = Cue(i, count, head, "org", "org head", token.text, CONFIDENCE["org head"])
        prefix = prefix_in(token, t["title"]) if found is None and not _adjective_after_noun(tokens, taken, i, t) else None
        if prefix is not None:
            *offices, found = _title_person(tokens, taken, i, prefix, t, text, places, surnames, people) or [None]
            for office in offices:
                out.append(office)
                taken[office.first] = True
        if found is None and text:
            found = _role_after(tokens, taken, i, t, text)
        if found is None and text and i == 0:
            found = _dateline(tokens, taken, t, text)
        if found is None:
            found = _received_a_copy(tokens, taken, i, t)
        if found is None and i + 1 < n and joined(tokens, i) and not taken[i + 1] \
                and fold(tokens[i + 1].text) in t["outlet_end"] \
                and (name_word(token, t) or not tokens[i + 1].text.isdigit()) \
                and not _quantity(tokens, i + 1, t):  # خلال 24 ساعة، مدة 24 ساعة: no outlet
            found = Cue(i, 2, _outlet_prefix(token), "org", "news outlet", token.text, CONFIDENCE["org head"])
        if found is None and (shrine := prefix_in(token, t["shrine_head"])) is not None:
            found = _shrine(tokens, taken, i, shrine, t)
        if found is None and prefix_in(token, t["dropped_org_head"]) is not None and i + 1 < n and joined(tokens, i) \
                and not taken[i + 1] and prefix_in(tokens[i + 1], t["org_head"], clitics=False) is None:
            count = _org(tokens, taken, i + 1, t)
            first = fold(tokens[i + 1].text)
            if count and not adjective(first) and not (first.startswith("م") and len(first) >= 5):
                # ميليشيا الدفاع الوطني → الدفاع الوطني (ميليشيات مدعومة: a participle)
                found = Cue(i + 1, count, 0, "org", "org head", token.text, CONFIDENCE["org head"])
        head = prefix_in(token, t["place_head"])
        if found is None and head is not None and i + 1 < n and joined(tokens, i) \
                and not stem_of(token, head).startswith("ال"):  # المحافظة، the province: no name follows
            count = place_name(tokens, taken, i + 1, t, described=stem_of(token, head) in t["described_place_head"],
                               plural=stem_of(token, head) in t["described_place_head"])
            end = i + 1 + count
            if count and stem_of(token, head) in _VILLAGE_HEADS and end < n and joined(tokens, end - 1) \
                    and not taken[end] and fold(tokens[end].text) in DIRECTIONS:
                count += 1  # بلدة الغارية الشرقية: one of two villages of a name, told apart by where they lie
            if count and stem_of(token, head) in t["kept_place_head"] and not (
                    count == 1 and fold(tokens[i + 1].text) in t["river"]):  # جبل الزاوية: the head is in the name
                # (not before a great river, named on its own: نهر الفرات → الفرات; but نهر البارد)
                found = Cue(i, count + 1, head, "place", "place head", token.text, CONFIDENCE["place head"])
            elif count and (council := _council_before(tokens, taken, i, t)) is not None:
                # مجلس مدينة تلبيسة: the town's council, an organisation named with both heads
                end = i + 1 + count
                count += end < n and not taken[end] and joined(tokens, end - 1) \
                    and fold(tokens[end].text) in _COUNCIL_KINDS
                found = Cue(i - 1, count + 2, council, "org", "council head", tokens[i - 1].text,
                            CONFIDENCE["org head"])
            elif count:
                found = Cue(i + 1, count, 0, "place", "place head", token.text, CONFIDENCE["place head"])
            if count and found.type == "place":
                plural = stem_of(token, head) in t["plural_place_head"]
                listed = text if plural else ""
                second = _next_place(tokens, taken, found, t, plural, listed)
                while second is not None:  # قرى X وY وZ, مقاطعة X وY: the whole list
                    out.append(found)
                    taken[found.first:found.first + found.count] = [True] * found.count
                    found, second = second, _next_place(tokens, taken, second, t, plural, listed)
        if found is None and head is not None and stem_of(token, head) in t["plural_place_head"] \
                and i + 1 in places and joined(tokens, i):
            k = i + 2
            while k < n and k in places and joined(tokens, k - 1) and not tokens[k].text.startswith("و"):
                k += 1
            item = _next_place(tokens, taken, Cue(i + 1, k - i - 1, 0, "place", "place head", token.text,
                                                  CONFIDENCE["place head"]), t, True, text)
            while item is not None:  # بريفي كوباني وديرك: the places after a known one
                out.append(item)
                taken[item.first:item.first + item.count] = [True] * item.count
                item = _next_place(tokens, taken, item, t, True, text)
        if found is None and head is not None and stem_of(token, head) in t["plural_place_head"] and text:
            *items, found = quoted_places(tokens, taken, i + 1, t, text, token.text) or [None]
            for item in items:  # قرى «X، Y وZ»
                out.append(item)
                taken[item.first:item.first + item.count] = [True] * item.count
        facility = prefix_in(token, t["facility_head"])
        if found is None and facility is not None and stem_of(token, facility) in _DEFINITE_MOSQUES and i + 1 < n \
                and joined(tokens, i) and not taken[i + 1] and adjective(word := fold(tokens[i + 1].text)) \
                and word.startswith("ال") and word not in t["nationality"] and word not in t["describing"]:
            found = Cue(i, 2, facility, "place", "facility head", token.text, CONFIDENCE["place head"])  # المسجد الأموي
        if found is None and facility is not None and not stem_of(token, facility).startswith("ال") \
                and i + 1 < n and joined(tokens, i):
            count = place_name(tokens, taken, i + 1, t, described=True)
            if not count and not taken[i + 1] and fold(tokens[i + 1].text) in _MONTHS:
                count = 1  # سد تشرين: a facility named after a month (its war), not a date
            end = i + 1 + count
            if count and end < n and not taken[end] and joined(tokens, end - 1) and tokens[end].text.isdigit() \
                    and len(tokens[end].text) <= 2 and not _quantity(tokens, end, t):
                count += 1  # مخيم بيرسف 1: camps of one place numbered
            if count:
                found = Cue(i, count + 1, prefix_in(token, t["facility_head"]), "place", "facility head", token.text,
                            CONFIDENCE["place head"])
        if found is None and prefix_in(token, t["outlet_head"]) is not None and i + 1 < n and joined(tokens, i) \
                and prefix_in(token, t["dropped_org_head"]) is None:
            count = _after_head(tokens, taken, i + 1, t, bloc=stem_of(token, prefix_in(token, t["outlet_head"]))
                                in _BLOC_HEADS)
            if fold(tokens[i + 1].text) == NEWS and i + 2 < n and joined(tokens, i + 1) and not taken[i + 2] \
                    and name_word(tokens[i + 2], t) and len(tokens[i + 2].text) >= 3:
                k = i + 2  # وكالة أنباء X: X; وكالة أنباء العالم العربي: the whole, its head and news in it
                while k + 1 < n and k - i < 4 and fold(tokens[k].text).startswith("ال") and joined(tokens, k) \
                        and not taken[k + 1] and fold(tokens[k + 1].text).startswith("ال") and name_word(tokens[k + 1], t):
                    k += 1
                found = Cue(i + 2, 1, 0, "org", "outlet head", token.text, CONFIDENCE["org head"]) \
                    if not fold(tokens[i + 2].text).startswith("ال") else \
                    Cue(i, k - i + 1, prefix_in(token, t["outlet_head"]), "org", "outlet head", token.text,
                        CONFIDENCE["org head"])
            elif count and fold(tokens[i + 1].text) in _AGENCY_FIELDS:  # وكالة الأنباء العراقية: the head in the name
                k = i + 1 + count
                if count == 1 and k < n and not taken[k] and joined(tokens, k - 1) \
                        and adjective(fold(tokens[k].text)):
                    count += 1
                if not (k < n and joined(tokens, k - 1) and fold(tokens[k].text) in _GENERIC_AGENCY):
                    found = Cue(i, count + 1, prefix_in(token, t["outlet_head"]), "org", "outlet head", token.text,
                                CONFIDENCE["org head"])  # لوكالة الأنباء السورية: the name after ل
                # (وكالة الأنباء الرسمية: the official agency, described, not named)
            elif count:
                found = Cue(i + 1, count, 0, "org", "outlet head", token.text, CONFIDENCE["org head"])
                second = and_next(tokens, taken, found, t, given=False) \
                    if fold(token.text) in t["plural_tribe_head"] else None
                while second is not None:  # عشيرتي X وY: both tribes
                    out.append(found)
                    taken[found.first:found.first + found.count] = [True] * found.count
                    found, second = second, and_next(tokens, taken, second, t, given=False)
        if found is None:
            prefix = prefix_in(token, t["outlet"])
            if prefix is not None:
                found = Cue(i, 1, prefix, "org", "news outlet", token.text, CONFIDENCE["org head"])
        if found is None:
            prefix = prefix_in(token, t["org_head"])
            if prefix is not None and i + 1 < n and joined(tokens, i) \
                    and prefix_in(tokens[i + 1], t["org_head"], clitics=False) is None:  # قوات مجلس X: the inner head
                head = stem_of(token, prefix)
                led = _person(tokens, taken, i + 1, t, after_title=False, surnames=surnames) \
                    if head == FORCES and not taken[i + 1] and fold(tokens[i + 1].text) in t["given"] else 0
                count = 0 if led else _org(tokens, taken, i + 1, t, definite_head=head.startswith("ال"),
                                           ministry=head == MINISTRY)
                if led >= 2:  # قوات أحمد العودة: the forces of a man named in full, the man is the name
                    found = Cue(i + 1, led, 0, "person", "forces of", token.text, CONFIDENCE["given name"])
                elif count:
                    found = Cue(i, count + 1, prefix, "org", "org head", token.text, CONFIDENCE["org head"])
        if found is None:
            found = subordinate_place(tokens, taken, i, t)
        if found is None:
            prefix = given_prefix(token, t)
            if prefix is not None and stem_of(token, prefix) not in t["son_of"] and not (
                    i and fold(token.text) == _ON_BEHALF and _spokesman(tokens, max(i - 3, 0), i)) \
                    and not _verb_opening(tokens, i, prefix, text):
                count = _person(tokens, taken, i, t, after_title=False, surnames=surnames)
                if count:
                    cue = "kunya" if stem_of(token, prefix) in t["kunya"] else "given name"
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
