"""Arabic names in quotation marks or brackets, and what before them says they are names."""

from __future__ import annotations

from workbench.align.arabic_words import CONFIDENCE, NEWS, Cue, fold, name_word, prefix_in, stem_of
from workbench.text.tokens import Token

OPEN_QUOTES = "\"“”«('"
CLOSE_QUOTES = "\"“”»)'"
MAX_QUOTED = 4  # words of a quoted name

# words before a quoted name that say what it names (ما يسمى «...»، يدعى (...)، لـ«...»)
_CALLED = ("يسمى", "تسمى", "المسمى", "المسماه", "باسم")  # (المعروفة باسم «...»)
# agreements and talks named after the city that hosted them (اتفاق «سوتشي»، مسار «أستانا»): the city
_AGREEMENTS = frozenset(("اتفاق", "اتفاقيه", "اتفاقي", "مسار", "تفاهمات", "محادثات", "مباحثات"))
# known as «...» (المعروف بـ«...»، ما يعرف بـ"..."): the word before ب
_KNOWN_AS = frozenset(("المعروف", "المعروفه", "المعروفين", "يعرف", "تعرف", "عرف", "الملقب", "الملقبه", "الملقبين"))
_BY = ("بـ", "ب")
_TO = ("لـ", "ل")  # ل with a tatweel or alone: لـ"العربي الجديد"، ل «الحياة» (to the outlet ...)
# heads of a province, a town or a village, outside the name even inside quotation marks
_TOWN_HEADS = frozenset(fold(w) for w in "محافظة مدينة بلدة قرية حي ناحية قضاء".split())


def quoted_span(tokens: list[Token], taken: list[bool], i: int, text: str) -> int:
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


def quoted_name(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str,
                 place_before: bool = False) -> Cue | None:
    """A name in quotes or brackets, when the word before it or its own first word says it is one:
    an outlet, bloc or organisation head, a title (المدعو «لقمان»), «so-called», لـ«...», fighters of
    (مسلحي «...»: an armed group), a head inside the quotes («مجلس ... العسكري»: the whole quotation
    is the name), a given name opening it («علي خلف المختار»: a person, titles inside are his names),
    or a place right before it (``place_before``: ناحية X (Y), the place's other name)."""
    count = quoted_span(tokens, taken, i, text)
    if not count or taken[i] or all(taken[i:i + count]):
        return None
    city = _agreement_city(tokens, i, count, t)
    if city is not None:
        return city
    headed = prefix_in(tokens[i], t["org_head"], clitics=False) is not None
    words = [fold(tok.text) for tok in tokens[i + headed:i + count]]
    word = tokens[i - 1].text if i else ""
    known_as = word in _BY and i >= 2 and fold(tokens[i - 2].text) in _KNOWN_AS \
        and prefix_in(tokens[i], _AGREEMENTS, clitics=False) is None  # عرف بـ«اتفاق سوتشي»: the city, below
    if not words or not known_as and (words[0] in t["not_name"]
                                      or any(w in t["not_name"] for w in words if not w.startswith("ال"))):
        return None  # a quoted phrase, not a name («مقاومة الجهات»، «احتواء العصيان»)
    quoted = [fold(tok.text) for tok in tokens[i:i + count]]
    if not any(ch.isalpha() for w in quoted for ch in w):
        return None  # ألوية (18-17-19-13): numbers in brackets, numbered units, no name
    if any(w in t["ordinal"] or headed and w.isdigit() for w in quoted[1:]):
        return None  # «اللواء الثامن»، «الفيلق الخامس»، «الفوج 47»: a numbered unit, as unquoted (``arabic_names._org``)
    while count >= 2 and words[-1] in t["nationality"]:
        count -= 1  # «الحرس الثوري الإيراني»: the name, not its nationality
        words = words[:-1]
    if headed:
        return Cue(i, count, 0, "org", "quoted head", tokens[i].text, CONFIDENCE["org head"])
    if count >= 2 and fold(tokens[i].text) in t["kept_place_head"]:  # طريق "وادي عبيد": a place, its head in it
        return Cue(i, count, 0, "place", "quoted place head", tokens[i].text, CONFIDENCE["place head"])
    if count >= 2 and fold(tokens[i].text) in _TOWN_HEADS and all(name_word(tok, t) for tok in tokens[i + 1:i + count]):
        # لـ"محافظة اللاذقية": the place, its head outside it as unquoted (not «إقليم دير الزور», a region)
        return Cue(i + 1, count - 1, 0, "place", "quoted place head", tokens[i].text, CONFIDENCE["place head"])
    folded = fold(word)
    if i and prefix_in(tokens[i - 1], t["title"]) is not None:
        return Cue(i, count, 0, "person", "title", word, CONFIDENCE["title"])
    if i and (prefix_in(tokens[i - 1], t["members_of"]) is not None or prefix_in(tokens[i - 1], t["pages"]) is not None):
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if count >= 2 and words[0] in t["title"] and all(
            name_word(tok, t) and fold(tok.text) not in t["complement"] for tok in tokens[i + 1:i + count]):
        return Cue(i + 1, count - 1, 0, "person", "title", tokens[i].text, CONFIDENCE["title"])  # «حج X»
    if i and (prefix_in(tokens[i - 1], t["outlet_head"]) is not None or word in _TO
              or (folded == NEWS and i >= 2 and prefix_in(tokens[i - 2], t["outlet_head"]) is not None)):
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if i and prefix_in(tokens[i - 1], t["org_head"]) is not None:
        return Cue(i, count, 0, "org", "quoted after", word, CONFIDENCE["org head"])
    if i and folded in _CALLED or known_as:
        if words[0] in t["kunya"] or words[0] in t["given"] or (  # المعروف بـ«أبو فهد ...»: a person's other name
                known_as and i >= 3 and prefix_in(tokens[i - 3], t["title"]) is not None):  # القيادي المعروف بـ«X»
            return Cue(i, count, 0, "person", "known as", word, CONFIDENCE["quoted name"])
        head = "place" if prefix_in(tokens[i], t["place_head"]) is not None else "org"
        return Cue(i, count, 0, head, "so-called", word, CONFIDENCE["org head"])
    head = next((h for h in (prefix_in(tokens[i - 1], t["place_head"]), prefix_in(tokens[i - 1], t["facility_head"]))
                 if h is not None), None) if i else None
    if head is not None and not stem_of(tokens[i - 1], head).startswith("ال"):  # قرية (X), مخيم «X»: its name
        return Cue(i, count, 0, "place", "place head", word, CONFIDENCE["place head"])
    if count >= 2 and words[0] in t["given"] and all(
            w in t["title"] or name_word(tok, t) for w, tok in zip(words, tokens[i:i + count])):
        return Cue(i, count, 0, "person", "quoted name", tokens[i].text, CONFIDENCE["quoted name"])
    if place_before and text[tokens[i - 1].end:tokens[i].start].strip() == "(" and all(
            name_word(tok, t) and fold(tok.text) not in t["outlet"] | t["outlet_end"]
            for tok in tokens[i:i + count]):  # بغداد (رويترز): a dateline, not the place's other name
        return Cue(i, count, 0, "place", "place head", word, CONFIDENCE["place head"])
    return None


def _agreement_city(tokens: list[Token], i: int, count: int, t: dict) -> Cue | None:
    """One indefinite word quoted alone after an agreement or talks (اتفاق «سوتشي»، مسار «أستانا») names
    the city they are named after (the whole quoted, «اتفاق سلام», may be the kind of agreement)."""
    if not i or count != 1 or prefix_in(tokens[i - 1], _AGREEMENTS) is None:
        return None
    word = fold(tokens[i].text)
    if word.startswith("ال") or word in t["not_name"] or not name_word(tokens[i], t):
        return None
    return Cue(i, 1, 0, "place", "agreement named after", tokens[i - 1].text, CONFIDENCE["place head"])
