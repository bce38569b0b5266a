"""Places behind head words: a glossary place after a generic head stays the place; a city names its facility."""

from __future__ import annotations

from functools import lru_cache

from workbench.align.arabic_words import prefix_in
from workbench.align.spans import Found, Segment
from workbench.names.arabic_cues import tables
from workbench.names.lookup import Lexicon

# heads that also are common nouns and name nothing alone before a city (موقع: a website or a site;
# ولاية: an IS "province" or a state); the facility and outlet heads count too
_GENERIC = ("موقع", "ولاية", "الولاية")
GAZETTEER_CONFIDENCE = 0.9  # a place of the GeoNames list (``detect_source.gazetteer_places`` too)


@lru_cache(maxsize=1)
def generic_heads() -> frozenset[str]:
    """Folded heads before which a glossary place stays the place: facility and outlet heads and
    ``_GENERIC``; not place heads (إقليم دير الزور is a region of its own), broadcasters (تلفزيون كركوك) nor the organisation heads whose names may hold a
    place (مجلس نينوى), which name a body of their own."""
    t = tables()
    from workbench.names.arabic_cues import cue_fold

    heads = t["facility_head"] | t["outlet_head"] | frozenset(cue_fold(w) for w in _GENERIC)
    return heads - t["broadcast_head"] - t["place_org_head"] - t["plural_tribe_head"]


def place_kept(seg: Segment, cued: list[Found], found: list[Found], lexicon: Lexicon) -> list[Found]:
    """The cue names to keep: not one that is only a generic head word (or nothing) before a glossary
    place of one entity (ما يسمى «ولاية كركوك», «موقع الموصل»: Kirkuk, Mosul), unless the whole name is
    a known outlet (a spelling the outlet list holds)."""
    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    heads = generic_heads()
    t = tables()
    places = [f for f in found if f.entries and len(set(f.entity_ids)) == 1
              and lexicon.types.get(f.entity_ids[0]) == "place"]
    out = []
    for c in cued:
        a, k = start_of.get(c.start), None
        place = next((f for f in places if f.end == c.end and c.start <= f.start), None)
        if place is not None and a is not None and c.etype != "person":
            k = start_of.get(place.start)
        if k is not None and (k == a or (k == a + 1 and prefix_in(tokens[a], heads) is not None
                                         and prefix_in(tokens[a], t["outlet"]) is None)):
            continue
        out.append(c)
    return out


_CAMP = "مخيم"


def _camp(token) -> bool:
    """The head is مخيم, with a proclitic or not (بمخيم)."""
    from workbench.text.tokens import proclitic_forms

    return any(stem == _CAMP for _, stem in proclitic_forms(token.text))


def heads_by_place_list(seg: Segment, cued: list[Found], total: int) -> list[Found]:
    """A facility named only after its city is the city (مطار السليمانية: Sulaymaniyah): a cue name of
    a facility head and a place of the GeoNames list, nothing else, gives way to that place (the head
    outside it); a facility with a name of its own (سجن غويران، حقل العمر) keeps its head. So does a camp,
    unless it stands in an Iraqi or Syrian town of the list (مخيم مخمور: Makhmur; not مخيم الركبان, on the
    Jordanian border, nor one the list itself spells with its head, مخيم اليرموك). The other way round, a
    place the list spells only with its head, or with a title, is named with it (مدينة الصدر: Sadr City, not
    الصدر; الشيخ مقصود, not a sheikh), and a listed place of one word is not named with the word after it
    (ناحية بعشيقة ذنون: Bashiqa)."""
    from workbench.names.places import place_country, place_lookup

    heads = ("facility head", "place head", "title")
    if not any(c.cue.startswith(heads) for c in cued):
        return cued  # the place list is read only for a name behind a head
    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    end_of = {tok.end: k for k, tok in enumerate(tokens)}
    places = place_lookup("ar")
    out = []
    for c in cued:
        a, b = start_of.get(c.start), end_of.get(c.end)
        if a is None or b is None or not c.cue.startswith(heads):
            out.append(c)
        elif c.cue.startswith(("place head", "title")):  # (a title too: الشيخ مقصود, a neighbourhood of Aleppo)
            whole = places.match_at(tokens, a - 1, ("ar",), limit=b + 1) if a else None
            named = whole is not None and whole.first == a - 1 and whole.first + whole.count == b + 1 \
                and places.match_at(tokens, a, ("ar",), limit=b + 1) is None  # (not قضاء الحويجة: الحويجة too)
            alone = places.match_at(tokens, a, ("ar",), limit=a + 1) \
                if not named and b == a + 1 and c.cue.startswith("place head") \
                and not (seg.text[tokens[a].end:tokens[b].start] == " " and tokens[b].text.startswith("ال")) \
                else None  # (صيدا الحانوت is one name; البوكمال- القائم two)
            if named:
                out.append(_listed(seg, whole, total, "named with its head"))
            elif alone is not None and alone.first == a and places.match_at(tokens, a, ("ar",), limit=b + 1) == alone:
                out.append(_listed(seg, alone, total, "listed place without the word after it"))  # ناحية بعشيقة ذنون
            else:
                out.append(c)
        else:
            hit = places.match_at(tokens, a + 1, ("ar",), limit=b + 1) if b > a else None
            if hit is None or hit.first != a + 1 or hit.first + hit.count != b + 1 \
                    or _camp(tokens[a]) and (place_country(hit.entries[0].entity_id) not in ("IQ", "SY")
                                             or places.match_at(tokens, a, ("ar",), limit=b + 1) is not None):
                out.append(c)
            else:
                out.append(_listed(seg, hit, total, f"city of the facility '{tokens[a].text}'"))
    return out


def _listed(seg: Segment, hit, total: int, why: str) -> Found:
    """The place-list place ``hit`` (a lookup's match) as a detection, its cue ``why``."""
    from workbench.align.spans import make_found
    from workbench.names.places import place_source

    place = make_found("source", seg, hit.first, hit.count, hit.prefix, "ar", "gazetteer", total)
    place.etype, place.confidence = "place", GAZETTEER_CONFIDENCE
    place.place = hit.entries[0].entity_id
    place.cue = f"{why} ({place_source(place.place)})"
    return place
