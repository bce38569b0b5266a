"""Titles, honorifics and function words that are not part of a name, in normalised form.

Everything here is written as ``workbench.names.normalize`` leaves it: Latin lower case without
accents, Arabic without the article and with alef / teh marbuta folded (الشيخ -> شيخ, رئيس الوزراء ->
رئيس وزراء). Titles are removed only at the start of a name, never when nothing would be left.
"""

from __future__ import annotations

_LATIN_TITLES = """
mr m mm mme mmes mrs ms mlle dr prof pr me monsieur madame mademoiselle
sheikh sheik shaikh shaykh cheikh cheik sayyid sayed sayyed seyyed sayyida sayeda
imam ayatollah hojatoleslam hujjat mullah mollah mufti haj hajj hadj hajji
pm president presidente pres premier prime minister ministre secretary secretaire deputy vice
chairman chair speaker spokesman spokesperson porte parole governor gouverneur mayor maire
general gen genl lieutenant lt lieut major maj brigadier brig colonel col commander commandant
cmdr captain capt capitaine sergeant sgt marshal marechal admiral amiral chief chef
emir king roi queen reine prince princess princesse leader dirigeant
senator senateur mp depute ambassador ambassadeur judge juge
mgr monseigneur pere abbe frere soeur patriarche patriarch cardinal archeveque eveque archbishop bishop
father reverend rev pasteur rabbin
""".split()

_ARABIC_TITLES = """
شيخ سيد سيده حاج حجي امام مرجع اية ايه ايت حجه
رئيس نائب وزير زعيم قائد ناطق متحدث محافظ
فريق اول ركن لواء عميد عقيد مقدم رائد نقيب ملازم جنرال مشير عريف
دكتور د استاذ مهندس سماحه فضيله سعاده معالي فخامه
""".split()

# words that follow a title and belong to it: portfolios, "of the ...", nationalities
_AFTER_TITLE = set("""
ministre minister ministers defense defence interieur interior foreign affairs etrangeres
exterieur exterior justice finance finances oil petrole state etat de du des la le of the
iraqi iraquien irakien irakienne syrian syrien syrienne iranian iranien iranienne turkish turc
turque kurdish kurde american americain americaine russian russe us french francais
general generale staff etat major army armee forces joint operations commander chief
guide supreme grand field crown
shia shiite shiites chiite chiites sunni sunnite sunnites kurdish cleric religieux religious
leading influential populist
وزراء حكومه دفاع داخليه خارجيه نفط ماليه عدل جمهوريه اركان جيش عمليات مشتركه
عراقي عراقيه سوري سوريه ايراني ايرانيه تركي امريكي روسي كردي اعلي الله عام باسم
شيعي سني ديني
""".split())

TITLES = frozenset(_LATIN_TITLES) | frozenset(_ARABIC_TITLES)

# words that qualify a title: "the former ...", "feu le ...", "... السابق"
_MODIFIERS = frozenset("""
former ex late then new current acting interim outgoing incoming caretaker
ancien ancienne feu defunt nouveau nouvelle actuel actuelle interimaire sortant
سابق اسبق حالي راحل جديد مؤقت
""".split())

FUNCTION_WORDS = frozenset("""
de du des d la le les l of the and et for pour in en au aux a da van von
في من عن الي و
""".split())

# name particles: kept, but weigh little (Abu, bin, ibn ...)
PARTICLES = frozenset("""
abu abou abo aboo bou bu bin ben ibn bint binte umm oum um ould
ابو ابي بن ابن بنت ام
""".split())


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """``words`` without a leading run of titles and the words around them ("the former Iraqi Prime
    Minister", "le leader chiite", "رئيس الوزراء العراقي السابق"); also what was removed.

    The run must hold a title, and at least one word is always left.
    """
    end = 0  # words[:end] is the longest prefix made of title-ish words that contains a title
    seen_title = False
    for i, word in enumerate(words[:-1]):
        if word in TITLES:
            seen_title = True
            end = i + 1
        elif word in _AFTER_TITLE or word in FUNCTION_WORDS or word in _MODIFIERS:
            if seen_title:
                end = i + 1
        else:
            break
    if not seen_title or all(w in TITLES or w in _AFTER_TITLE for w in words[end:]):
        return words, []  # nothing but titles: "Prime Minister" is what the text names
    return words[end:], words[:end]
