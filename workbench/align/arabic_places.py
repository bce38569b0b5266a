"""Arabic place names after a head: one or two words, lists behind و or commas or in quotes, and a
place that belongs to a district (X التابعة لناحية ...)."""

from __future__ import annotations

from workbench.align.arabic_quotes import CLOSE_QUOTES, OPEN_QUOTES
from workbench.align.arabic_words import (CONFIDENCE, Cue, adjective, bare_past, comma_between, definite_participle,
                                          derived_participle, fold, joined, name_word, new_phrase, prefix_in,
                                          token_forms)
from workbench.text.tokens import Token

MAX_LIST = 12  # places of a quoted list


_RELATIVES = frozenset(fold(w) for w in "الذي التي الذين اللذين اللتين اللواتي اللاتي".split())
DIRECTIONS = frozenset(fold(w) for w in ("الشرقية", "الغربية", "الشمالية", "الجنوبية", "الشرقي", "الغربي", "الشمالي",
                                          "الجنوبي"))  # they tell two places of one name apart
# titles of a saint or a notable a village is named after (حوش السيد علي، تل الشيخ حمد، قبر الست ...)
_SAINTS = frozenset(fold(w) for w in "السيد السيدة الشيخ الست النبي الإمام الامام".split())


def place_name(tokens: list[Token], taken: list[bool], i: int, t: dict, described: bool = False,
               plural: bool = False) -> int:
    """How many tokens from ``i`` make a place name after a head: one word, or two when the first
    opens compound names (تل تمر، جديد X، الشيخ X) or is bare (حوايج ذيبان; a definite name stops:
    الصبحة ليلا; a list goes on behind و). ``described``: after a plural or facility head an
    indefinite nisba is an adjective (مناطق ريفية، قاعدة تركية), not a name; ``plural``: after a plural, dual
    or feminine head, one in the masculine singular cannot describe it and is a name (قرى خانكي وجرنكي،
    منطقة كوكجلي)."""
    n = len(tokens)
    if i >= n or taken[i] or prefix_in(tokens[i], t["place_head"]) is not None:
        return 0  # سجن بمدينة ...: another head, not a name
    word = fold(tokens[i].text)
    opener = word in t["place_first"] or word in t["title"]  # قرية الشيخ X: a title opens a village name
    if not (opener or name_word(tokens[i], t)) or (described and not word.startswith("ال") and (
            (adjective(word) and not _masculine_after_plural(word, plural, t))
            or (word.startswith("م") and len(word) >= 6))) or "ال" + word in t["describing"] \
            or derived_participle(word):
        return 0  # (قرى مأهولة: a participle; منطقة عسكرية: an adjective; محافظة متنوعة: a participle)
    second = fold(tokens[i + 1].text) if i + 1 < n and joined(tokens, i) else ""
    if word.startswith("ال") and second in t["describing"]:
        return 0  # منطقة النزاع المسلح: a common noun described
    if not opener and not word.startswith("ال") and second.startswith("ال") and second in t["not_name"] \
            and len(second) >= 5 and second not in _RELATIVES and second not in _SIZES \
            and not (adjective(second) and word not in t["not_name"] and second not in DIRECTIONS):
        return 0  # مناطق سيطرة النظام: a noun governing a common noun (not قضاء هيت الذي; not بلدة زيتا الحدودية,
        # a name, definite of itself, and its adjective; a direction may name another place: علي الشرقي)
    if second in _SAINTS and not word.startswith("ال") and i + 2 < n and not taken[i + 1] and not taken[i + 2] \
            and joined(tokens, i + 1) and fold(tokens[i + 2].text) in t["given"]:
        return 3  # بلدة حوش السيد علي: a village named after a saint, not a place and a man
    count = 1
    if second and not taken[i + 1] and name_word(tokens[i + 1], t) and not new_phrase(tokens[i + 1], t) \
            and not bare_past(tokens[i + 1], t) \
            and (opener or (not word.startswith("ال") and not adjective(second) and not definite_participle(second)
                            and not (second.startswith("الم") and len(second) >= 6  # وادي حوران المعقد
                                     and not second.endswith(("ي", "يه")))
                            and not (second[:1] in "يت" and len(second) >= 4)  # ريف X يتسبب: a verb
                            and not (second[:1] in "وب" and len(second) >= 4 and second not in t["given"])
                            and not (second[:1] == "و" and second[1:] in t["place_first"])  # X وتل Y: a list
                            and not (second.startswith("است") and len(second) >= 6))):  # X استقبل: a verb
        count = 2  # (قرى X وY: a list; ريف X بشكل: a preposition; مخيم جديد نصب: a verb)
    elif opener:
        return 0  # جديد alone is a word
    elif second and taken[i + 1] and tokens[i + 1].text[:1] not in "وفبلك":
        return 0  # مقاطعة كتلتي [الحزب ...]: a noun governing a glossary name, not a place (قرية X بحلب: a place)
    if count == 1 and second in _SIZES and not taken[i + 1]:
        count = 2  # التوخار الصغير، توخار الكبير: two villages of one name, told apart by their size
    return count


def and_next(tokens: list[Token], taken: list[bool], found: Cue, t: dict, given: bool = True,
              text: str = "") -> Cue | None:
    """The next place of a list, behind و: بلدتي الطيانة والجرذي, قرى X وعرب Y; ``given``: a given name
    may open it (after a plural head: قرى X وعلي Y; after ناحية X وفؤاد ... a person follows); with
    ``text``, a comma may stand before the و (بلدات X، وY وZ)."""
    k = found.first + found.count
    if k >= len(tokens) or taken[k] or not tokens[k].text.startswith("و") \
            or not (tokens[k - 1].joins or comma_between(tokens, k - 1, text)):
        return None
    token = Token(tokens[k].start + 1, tokens[k].end, tokens[k].text[1:])
    opener = fold(token.text) in t["place_first"]
    if not (opener or (len(token.text) >= 3 and name_word(token, t))) or fold(token.text) in t["describing"] \
            or (not given and (fold(token.text) in t["name_start"]
                               or (token.text[:1] in "يت" and len(token.text) <= 4 and not opener))):
        return None  # ناحية X وفؤاد ...: a person; منطقة X وتشن ...: a verb
    count = 2 if (opener or fold(token.text) in t["given"]) and k + 1 < len(tokens) and tokens[k].joins \
        and not taken[k + 1] and name_word(tokens[k + 1], t) and not tokens[k + 1].text.startswith("و") else 1
    if opener and count == 1:
        return None  # وتل alone is not a place
    return Cue(k, count, 1, found.type, found.cue, found.word, found.confidence)


def _masculine_after_plural(word: str, plural: bool, t: dict) -> bool:
    """After a plural or dual head (``plural``), a word in ي that an adjective agreeing with it cannot be
    (قرى ريفية, not ريفي); but شمالي X, north of X, is no name."""
    return plural and word.endswith("ي") and not word.endswith("يي") and word[:-1] not in t["direction"]


_SIZES = frozenset(fold(w) for w in ("الصغير", "الكبير", "الصغيرة", "الكبيرة", "الصغرى", "الكبرى"))


def quoted_next(tokens: list[Token], taken: list[bool], found: Cue, t: dict, text: str) -> Cue | None:
    """The next place of a list whose items each stand in quotes, behind a bare و or a comma
    (قرى “زور مغار” و”زورآفا” و”زيارة”): one to three Arabic words, closed by a quote; in its own quotes in
    such a list a common word is a village's name too."""
    n = len(tokens)
    k = found.first + found.count
    quotes = OPEN_QUOTES + CLOSE_QUOTES
    if not text or k >= n or not any(q in text[tokens[k - 1].end:tokens[k].start] for q in quotes):
        return None  # the item before ends with a quote
    gap = text[tokens[k - 1].end:tokens[k].start]
    if tokens[k].text == "و" and all(c in quotes or c.isspace() for c in gap):
        k += 1
        gap = text[tokens[k - 1].end:tokens[k].start] if k < n else ""
    elif "،" not in gap and "," not in gap:
        return None
    if k >= n or not any(q in gap for q in quotes):
        return None  # the item opens with a quote
    for count in range(1, 4):
        end = k + count
        word = tokens[end - 1].text if end <= n else ""
        if end > n or taken[end - 1] or len(word) < 2 or not all("\u0621" <= c <= "\u064a" for c in word):
            return None
        after = text[tokens[end - 1].end:tokens[end].start if end < n else len(text)]
        if any(q in after for q in quotes):  # closed: an item of three letters or more (أم الخير، not «بل»)
            return Cue(k, count, 0, found.type, found.cue, found.word, found.confidence) \
                if sum(len(tok.text) for tok in tokens[k:end]) >= 3 else None
        if not joined(tokens, end - 1):
            return None
    return None


def quoted_places(tokens: list[Token], taken: list[bool], i: int, t: dict, text: str, head: str) -> list[Cue]:
    """Places listed in quotes or brackets after a plural head (قرى «الفرحية، الطوشان والحمر»): items of one
    to three name words parted by commas or و, the whole list closed by the quote; else none."""
    n = len(tokens)
    if i >= n or not i or text[tokens[i - 1].end:tokens[i].start].strip() not in OPEN_QUOTES:
        return []
    out: list[Cue] = []
    k = i
    while k < n and len(out) < MAX_LIST:
        prefix = 1 if out and tokens[k].text.startswith("و") and joined(tokens, k - 1) else 0
        if out and not prefix and not comma_between(tokens, k - 1, text):
            return []
        word = Token(tokens[k].start + prefix, tokens[k].end, tokens[k].text[prefix:])
        if taken[k] or len(word.text) < 3 or not (name_word(word, t) or _bare_word(word, t)):
            return []  # (in the list's own brackets a word read as a proclitic and a common word is a name: باي بوخت)
        count = 1  # an item goes on to the next و, comma or quote (باي بوخت), three words at most
        while count < 3 and k + count < n and joined(tokens, k + count - 1) and not taken[k + count] \
                and not tokens[k + count].text.startswith("و") and name_word(tokens[k + count], t):
            count += 1
        out.append(Cue(k, count, prefix, "place", "place head", head, CONFIDENCE["place head"]))
        k += count
        if any(q in text[tokens[k - 1].end:tokens[k].start if k < n else len(text)] for q in CLOSE_QUOTES):
            return out if len(out) >= 2 else []
    return []


def _bare_word(token: Token, t: dict) -> bool:
    """Arabic letters only and no frequent word as written (proclitic readings not tried)."""
    word = fold(token.text)
    return word not in t["not_name"] and all("\u0621" <= c <= "\u064a" for c in word)


_SUBORDINATE = frozenset(fold(w) for w in "التابعة التابع".split())  # X التابعة لناحية ...: X is a place


def subordinate_place(tokens: list[Token], taken: list[bool], i: int, t: dict) -> Cue | None:
    """A word that belongs to a district, town or province (الضلوعية التابعة لمحافظة ...، قرية ...): a place."""
    n = len(tokens)
    if i + 2 >= n or taken[i] or not joined(tokens, i) or not joined(tokens, i + 1) \
            or fold(tokens[i + 1].text) not in _SUBORDINATE:
        return None
    after = [stem for p, stem in token_forms(tokens[i + 2]) if p == 1 and tokens[i + 2].text.startswith("ل")]
    if not any(stem in t["place_head"] for stem in after):
        return None
    prefix = next((p for p, stem in token_forms(tokens[i]) if p and stem.startswith("ال")), 0)
    word = Token(tokens[i].start + prefix, tokens[i].end, tokens[i].text[prefix:])
    if not name_word(word, t) or adjective(fold(word.text)) and not fold(word.text).startswith("ال"):
        return None
    return Cue(i, 1, prefix, "place", "belongs to", tokens[i + 2].text, CONFIDENCE["place head"])


def listed_places(tokens: list[Token], taken: list[bool], places: dict[int, int], t: dict) -> list[Cue]:
    """The unknown items of a list of known places behind و (الموصل وتل عبطة والقيارة وسنجار): places
    too, when they stand between known places (``places``: first token -> tokens of each), three items
    or more are known and they make at least half of the list. An item is one word, or two when the
    first opens compound names."""
    n = len(tokens)
    out: list[Cue] = []
    end = 0
    for start in sorted(places):
        if start < end:
            continue
        items: list[tuple[int, int, bool]] = [(start, places[start], True)]
        k = start + places[start]
        while k < n and joined(tokens, k - 1) and tokens[k].text.startswith("و"):
            if k in places:
                items.append((k, places[k], True))
                k += places[k]
                continue
            word = Token(tokens[k].start + 1, tokens[k].end, tokens[k].text[1:])
            opener = fold(word.text) in t["place_first"] and k + 1 < n and joined(tokens, k) \
                and not taken[k + 1] and name_word(tokens[k + 1], t)
            if taken[k] or (len(word.text) < 3 and not opener) or not (opener or name_word(word, t)) \
                    or fold(word.text) in t["describing"]:
                break
            count = 2 if opener else 1
            items.append((k, count, False))
            k += count
        end = k
        while not items[-1][2]:
            items.pop()  # بغداد وأربيل وكركوك والمعارضة: an item after the last known place may be anything
        known = sum(1 for *_, is_known in items if is_known)
        if known >= 3 and 2 * known >= len(items):
            out += [Cue(first, count, 1, "place", "list of places", tokens[start].text, CONFIDENCE["place head"])
                    for first, count, is_known in items if not is_known]
    return out
