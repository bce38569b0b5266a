"""Common words of organisation and place names in English, French and Arabic, as shared concepts.

Transliteration cannot bring `الجيش العراقي` and `Iraqi Army` together: the words are translated, not
spelled. This small vocabulary of generic words (army, ministry, forces, democratic, Iraqi ...) gives
each of them a concept; two words with the same concept match whatever their script. Names proper
(people, cities, groups) never belong here: they come from the glossary's variants.
"""

from __future__ import annotations

from functools import lru_cache

# concept: English forms | French forms | Arabic forms (plural / feminine forms are added below)
_VOCABULARY = """
army: army armies | armee | جيش جيوش
forces: forces force corps | forces force corps | قوات قوه قوي فيلق
state: state | etat | دوله
islamic: islamic | islamique | اسلامي
ministry: ministry | ministere | وزاره
defence: defence defense | defense | دفاع
interior: interior | interieur | داخليه
foreign: foreign | etrangeres exterieur | خارجيه
oil: oil petroleum | petrole petrolier petroliere | نفط نفطي
finance: finance | finances | ماليه
health: health | sante | صحه
justice: justice | justice | عدل
iraqi: iraqi | irakien iraquien | عراقي
syrian: syrian | syrien | سوري
iranian: iranian | iranien | ايراني
turkish: turkish | turc turque | تركي
kurdish: kurdish kurd | kurde | كردي كوردي
american: american | americain | امريكي اميركي
russian: russian | russe | روسي
arab: arab arabic | arabe | عربي
french: french | francais | فرنسي
british: british | britannique | بريطاني
israeli: israeli | israelien | اسرائيلي
lebanese: lebanese | libanais | لبناني
jordanian: jordanian | jordanien | اردني
saudi: saudi | saoudien | سعودي
democratic: democratic | democratique | ديمقراطي ديموقراطي
republic: republic | republique | جمهوريه
party: party | parti | حزب
union: union | union | اتحاد
national: national patriotic | national patriotique | وطني قومي
workers: workers worker | travailleurs | عمال
region: region regional | region regional | اقليم اقليمي
government: government | gouvernement | حكومه
coalition: coalition alliance | coalition alliance | تحالف ائتلاف
international: international | international | دولي
command: command headquarters | commandement | قياده
central: central | central | مركزي
operations: operations operation | operations operation | عمليات عمليه
joint: joint | conjoint commun | مشترك
court: court tribunal | cour tribunal | محكمه
supreme: supreme high | supreme | عليا اعلي
federal: federal | federal | اتحادي
counter: counter anti | contre anti lutte | مكافحه
terrorism: terrorism terrorist terror | terrorisme terroriste | ارهاب ارهابي
service: service agency apparatus | service agence | جهاز
intelligence: intelligence | renseignement renseignements | مخابرات استخبارات
security: security | securite | امن امني
media: media information | medias information | اعلام اعلامي
cell: cell | cellule | خليه
camp: camp | camp | مخيم معسكر
prison: prison jail | prison | سجن
attack: attack assault | attaque assaut | هجوم
battle: battle battles | bataille combats | معركه
desert: desert | desert | صحراء باديه
west: west western | ouest occidental | غرب غربي
east: east eastern | est oriental | شرق شرقي
north: north northern | nord septentrional | شمال شمالي
south: south southern | sud meridional | جنوب جنوبي
movement: movement trend current | mouvement courant | تيار حركه
bloc: bloc bloc | bloc | كتله
brigades: brigades brigade battalions | brigades brigade bataillons | كتائب سرايا لواء الويه
peace: peace | paix | سلام
people: people peoples popular | peuple populaire | شعب شعبي
protection: protection | protection | حمايه
units: units unit | unites unite | وحدات وحده
mobilization: mobilization mobilisation | mobilisation | حشد
organization: organization organisation group | organisation groupe | منظمه تنظيم جماعه
city: city town | ville cite | مدينه
news: news | news nouvelles | نيوز اخبار
today: today | aujourdhui | يوم
channel: channel tv television | chaine tv television | قناه تلفزيون
agency: agency | agence | وكاله
dam: dam | barrage | سد
police: police | police | شرطه
council: council | conseil | مجلس
parliament: parliament | parlement | برلمان
representatives: representatives deputies | representants deputes | نواب
front: front | front | جبهه
liberation: liberation | liberation | تحرير
free: free | libre | حر احرار
revolution: revolution revolutionary | revolution revolutionnaire | ثوره ثوري
guard: guard guards | garde gardiens | حرس
martyrs: martyrs martyr | martyrs martyr | شهداء شهيد
district: district | district | قضاء
subdistrict: subdistrict township | sous district | ناحيه
governorate: governorate province | gouvernorat province | محافظه
university: university | universite | جامعه
company: company | compagnie societe | شركه
bank: bank | banque | بنك مصرف
airport: airport | aeroport | مطار
border: border crossing | frontiere passage | حدود منفذ
province: province | province | ولايه
emirate: emirate | emirat | اماره
caliphate: caliphate | califat | خلافه
resistance: resistance | resistance | مقاومه
holy: holy | saint sainte | مقدس
brotherhood: brotherhood brothers | freres confrerie | اخوان
muslim: muslim muslims | musulman | مسلم مسلمين مسلمون
mosque: mosque | mosquee | جامع مسجد
square: square | place | ساحه
bridge: bridge | pont | جسر
street: street road | rue route | شارع طريق
hospital: hospital | hopital | مستشفي
committee: committee commission | comite commission | لجنه هيئه
observatory: observatory monitor | observatoire | مرصد
rights: rights | droits | حقوق
human: human humans | homme humain humains | انسان
network: network | reseau | شبكه
framework: framework | cadre | اطار
coordination: coordination coordinating | coordination | تنسيقي تنسيق
administration: administration | administration | اداره
autonomous: autonomous self | autonome | ذاتيه
center: center centre | centre | مركز
institute: institute | institut | معهد
tribe: tribe tribal tribes | tribu tribal tribale tribus | قبيله عشيره عشائري
antiterrorism: antiterrorism antiterrorist | antiterroriste | مكافحه
"""

# several words naming one thing (the whole phrase becomes one word)
_PHRASES = """
united states: united states | etats unis | ولايات متحده
united nations: united nations | nations unies | امم متحده
"""


def _latin_forms(word: str) -> set[str]:
    """French and English inflections: plural, feminine (irakien -> irakiennes, federal -> federaux)."""
    forms = {word, word + "s", word + "e", word + "es"}
    for masculine, feminine in (("ien", "ienne"), ("el", "elle"), ("if", "ive"), ("eux", "euse"), ("en", "enne")):
        if word.endswith(masculine):
            stem = word[: -len(masculine)] + feminine
            forms |= {stem, stem + "s"}
    if word.endswith("al"):
        forms.add(word[:-2] + "aux")
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


# feminine forms that are also the name of a country (سورية is Syria): never a common word
_COUNTRY_NAMES = {"سوريه", "تركيه", "سعوديه", "ليبيه"}


def _arabic_forms(word: str) -> set[str]:
    """Feminine and plural forms (normalised: teh marbuta is ه): مشترك -> مشتركه، مشتركات ..."""
    forms = {word}
    stem = word[:-1] if word.endswith("ه") and len(word) > 3 else word
    forms |= {stem, stem + "ه", stem + "ات"}
    if stem.endswith("ي"):
        forms |= {stem + "ين", stem + "ون"}
    return forms - _COUNTRY_NAMES


def _parse(text: str) -> dict[str, str]:
    from workbench.names.normalize import normalize

    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        concept, _, rest = line.partition(":")
        en, fr, ar = (part.split() for part in rest.split("|"))
        for word in en + fr:
            for form in _latin_forms(word):
                table.setdefault(form, concept)
        for word in ar:
            for form in _arabic_forms(normalize(word, "ar")):
                table.setdefault(form, concept)
    return table


def _parse_phrases(text: str) -> dict[tuple[str, ...], str]:
    from workbench.names.normalize import normalize

    table: dict[tuple[str, ...], str] = {}
    for line in text.strip().splitlines():
        concept, _, rest = line.partition(":")
        for phrase in rest.split("|"):
            words = tuple(normalize(phrase, "").split())
            if words:
                table[words] = concept
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[tuple[str, ...], str], int]:
    phrases = _parse_phrases(_PHRASES)
    return _parse(_VOCABULARY), phrases, max((len(p) for p in phrases), default=1)


@lru_cache(maxsize=1)
def _renderings() -> dict[str, tuple[tuple[str, ...], ...]]:
    from workbench.names.normalize import normalize

    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for text in (_VOCABULARY, _PHRASES):
        for line in text.strip().splitlines():
            name, _, rest = line.partition(":")
            parts = [part.split() for part in rest.split("|")]
            if text is _PHRASES:  # a phrase: its words, in each language
                table[name] = tuple(tuple(normalize(" ".join(part), "").split()) for part in parts)
            else:  # a word: the first (usual) one of each language
                table[name] = tuple((normalize(part[0], ""),) for part in parts if part)
    return table


def renderings(name: str) -> tuple[tuple[str, ...], ...]:
    """How a concept is usually said in English, French and Arabic (each a tuple of words):
    ``forces`` -> (forces,), (forces,), (قوات,); ``united states`` -> (united, states), (etats, unis) ..."""
    return _renderings().get(name, ())


def concept(word: str) -> str | None:
    """The concept of one normalised word (``armee`` -> ``army``), if it is a common name word."""
    return _tables()[0].get(word)


def join_phrases(words: list[str]) -> list[str]:
    """Words with known phrases (etats unis, الولايات المتحدة) joined by underscores into one word."""
    _, phrases, longest = _tables()
    if len(words) < 2:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 1, -1):
            if tuple(words[i:i + size]) in phrases:
                out.append("_".join(words[i:i + size]))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def phrase_concept(word: str) -> str | None:
    """The concept of a word made by ``join_phrases``."""
    if "_" not in word:
        return None
    return _tables()[1].get(tuple(word.split("_")))
