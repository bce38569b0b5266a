"""Names that are not in the glossary, found by capitalisation in French and English text.

A name is a run of capitalised words joined by spaces or hyphens, with Arabic-name particles inside
(``Umm al-Dhiban``, ``Younis Abd al-Sattar``). Titles, function words, days, months and demonyms are
trimmed from the ends; a lone capitalised word that opens a sentence or a quotation is not a name.
"""

from __future__ import annotations

import re

from workbench.names.concepts import concept
from workbench.names.latin_given import opens_with_given_name
from workbench.names.normalize import normalize
from workbench.names.titles import TITLES
from workbench.text.fold import fold
from workbench.text.tokens import Token

# particles that may sit inside (or open) a name when a capitalised word follows
ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "ed", "es", "er", "et", "a"}  # hyphen after
# (a-: the article assimilated and cut short, Deir a-Zor)
PARTICLES = ARTICLES | {
    "ibn", "bin", "bint", "ben", "abu", "abou", "abd", "umm", "um", "bou", "ould", "van", "von",
}

STOP = {
    # function words, pronouns (fr / en)
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
    "ces", "il", "elle", "ils", "elles", "nous", "vous", "on", "je", "selon", "dans", "pour", "par",
    "sur", "sous", "avec", "sans", "mais", "et", "ou", "près", "après", "avant", "depuis", "pendant",
    "leur", "leurs", "son", "sa", "ses", "notre", "nos", "votre", "à", "a", "en", "entre", "vers",
    "chez", "lors", "dès", "quelque", "plusieurs", "tous", "toutes", "tout", "qui", "que", "quoi",
    "pourquoi", "comment", "quand", "où", "lorsque", "puisque", "quelqu", "quelqu'un", "quelqu’un", "chacun",
    "hier", "aujourd", "comme", "ainsi", "alors", "aussi", "donc", "car", "puis", "enfin", "cependant", "toutefois",
    "pourtant", "néanmoins", "désormais", "notamment", "également", "outre",
    "the", "an", "in", "of", "at", "by", "for", "from", "with", "to", "into", "onto", "this", "that",
    "these", "those", "they", "we", "he", "she", "it", "i", "you", "our", "their", "his", "her",
    "its", "my", "your", "but", "and", "or", "if", "when", "while", "as", "after", "before",
    "since", "last", "next", "according", "along", "across", "about", "around", "there", "here",
    "no", "not", "yes", "some", "many", "most", "all", "both", "each", "every", "other", "such",
    "what", "who", "how", "why", "where", "which", "however", "meanwhile", "also", "so", "then",
    # titles and ranks
    "dr", "m", "mm", "mr", "mrs", "ms", "mme", "mlle", "pr", "prof", "sheikh", "cheikh", "cheick", "monsieur",
    "madame", "mademoiselle", "dieu", "allah",
    "general", "général", "gen", "brig", "brigadier", "colonel", "col", "lieutenant", "lt", "major",
    "captain", "capt", "sergeant", "commander", "commandant", "president", "président", "présidente",
    "prime", "premier", "minister", "ministre", "deputy", "vice", "mp", "député", "sénateur",
    "senator", "governor", "gouverneur", "emir", "émir", "imam", "ayatollah", "king", "roi",
    "prince", "queen", "reine", "sayyid", "sayed", "hajj", "haj", "mullah", "mollah", "pope", "pape",
    "retired", "former", "late", "ex", "chief", "chef", "leader", "spokesman", "porte", "parole",
    "defence", "defense", "interior", "foreign", "affairs", "intérieur", "défense", "state", "état",
    "etat", "mayor", "maire", "judge", "juge", "ambassador", "ambassadeur",
    # clergy (Mgr Louis Sako, le Père Aram; the ASCII ones come with TITLES below)
    "père", "abbé", "frère", "sœur", "archevêque", "évêque",
    # titles with an accent (TITLES holds them without: secretaire)
    "secrétaire", "maréchal", "préfet",
    # days and months
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
    # demonyms and adjectives that English capitalises
    "iraqi", "iraqis", "syrian", "syrians", "kurdish", "kurd", "kurds", "american", "americans",
    "shiite", "shiites", "shia", "sunni", "sunnis", "arab", "arabs", "arabic", "iranian", "iranians",
    "turkish", "turk", "turks", "russian", "russians", "british", "french", "western", "eastern",
    "islamist", "islamists", "jihadist", "jihadists", "sadrist", "sadrists", "yazidi", "yazidis",
    "christian", "christians", "muslim", "muslims", "european", "israeli", "israelis", "lebanese",
    "jordanian", "saudi", "gulf", "northern", "southern", "islamic", "irakien", "irakienne",
    "syrien", "syrienne", "kurde", "kurdes", "chiite", "chiites", "sunnite", "sunnites",
    "américain", "américains", "irakiens", "irakiennes", "syriens", "syriennes", "américaine", "américaines",
    "iranien", "iranienne", "iraniens", "iraniennes", "turc", "turque", "turcs", "turques", "russe", "russes",
    "libanais", "libanaise", "libanaises", "israélien", "israélienne", "israéliens", "israéliennes",
    "saoudien", "saoudienne", "saoudiens", "jordanien", "jordanienne", "égyptien", "égyptienne",
    "yézidi", "yézidis", "yézidie", "yézidies", "turkmène", "turkmènes", "palestinien", "palestiniens",
    "européen", "européens", "occidentaux", "arabe", "arabes",
    # French demonyms as nouns (le Français X, un Tunisien): a nationality, not a name
    "français", "française", "françaises", "tunisien", "tunisienne", "tunisiens", "tunisiennes", "marocain",
    "marocaine", "marocains", "algérien", "algérienne", "algériens", "belge", "belges", "allemand", "allemande",
    "allemands", "britannique", "britanniques", "afghan", "afghane", "afghans", "tchétchène", "tchétchènes",
    "libyen", "libyenne", "libyens", "égyptiens", "jordaniens", "yéménite", "yéménites", "pakistanais",
    "pakistanaise", "canadien", "canadienne", "canadiens", "australien", "australienne", "néerlandais",
    "suédois", "suédoise", "italien", "italienne", "italiens", "espagnol", "espagnole", "ouzbek", "ouzbeks",
    "arménien", "arménienne", "arméniens", "arméniennes", "assyrien", "assyriens", "chaldéen", "chaldéens",
    # ideological adjectives written with a capital after a name (Daesh Takfiri, les Salafistes)
    "takfiri", "takfiris", "takfiriste", "takfiristes", "salafiste", "salafistes", "wahhabite", "wahhabites",
    "jihadiste", "jihadistes", "djihadiste", "djihadistes",
    # French days and months (capitalised in headings and datelines)
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars",
    "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    # numbers written in words (TROIS MORTS À TIKRIT, Deux Irakiens)
    "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
    "trente", "cent", "cents", "mille", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "hundred", "thousand",
    # generic acronyms (non-governmental organisation, headquarters, time zones, web page furniture)
    "ong", "ngo", "qg", "gmt", "utc", "rss", "pdf", "url", "suv",
    # weapons and devices (improvised explosive devices, drones, rocket-propelled grenades)
    "ied", "ieds", "vbied", "vbieds", "eei", "uav", "uavs", "rpg", "rpgs",
    # languages in English, a page's language menu (English, Chinese ...): adjectives, no names
    "english", "french", "arabic", "chinese", "japanese", "indonesian", "german", "spanish", "russian", "turkish",
    "persian", "kurdish", "italian", "portuguese", "korean",
    # web page furniture and heads that name nothing alone (Page précédente, le Gouvernorat de Kirkouk)
    "page", "précédente", "suivante", "gouvernorat", "photo", "guide", "lire", "ajouter", "favoris", "partager",
    "imprimer", "actualités", "voilà", "please", "wait", "share", "print", "accueil", "str", "file", "nouvelles",
    "infos",
    # a law code named by its subject or author is no body (le Code pénal, le Code d'Hammourabi)
    "code",
    # an office before its holder's name (le secrétaire au Trésor X)
    "trésor",
    # titles that are acronyms (Omar Abu Layla, CEO ...)
    "ceo", "pdg",
    # religious feasts and eras, a company's legal form: no names of people, places or bodies (l'Arbaïn, 500 av.
    # JC, ... Company Ltd)
    "arbaïn", "arbaeen", "achoura", "jc", "ltd",
    # a ministry's portfolio alone (les Affaires étrangères): no name without the ministry (``french_lower_names``)
    "affaires",
} | {t for t in TITLES if t.isascii()}  # every title the names matcher knows (Sayyed, Hojatoleslam ...)

# feasts: a name that opens with one is a date (Aïd al-Adha, Aïd el-Fitr)
FEASTS = {"aïd", "eid", "ramadan", "achoura", "ashura", "noël", "pâques"}
OPERATIONS = {"opération", "opérations", "operation"}  # a code name follows (opération Source de paix)
# English words that join the words of a name quoted in a French text (Sound and Picture, Institute for the
# Study of War); in French "et" between two names separates them (Syrie et Irak)
FOREIGN_LINKING = {"and", "of", "for", "the"}

# French elided words before an apostrophe: d'Erbil, l'EI, qu'il (an apostrophe after anything else is
# inside a transliterated name: al-Sina'a, Ba'th)
ELIDED = {"d", "l", "qu", "j", "n", "s", "t", "m", "c", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "aujourd"}
# endings of French common nouns and adjectives that names of the region do not have: a capitalised word
# with one of them that opens a sentence or a heading is a word (Reportage, Dernières, Politique)
# nouns French capitalises by convention that are not names alone (le Parlement, la Constitution)
CONVENTIONAL_CAPS = {"parlement", "sénat", "constitution", "présidence", "califat", "nord", "sud", "est", "ouest",
                     # communities, capitalised like demonyms (les Druzes, les Hazaras)
                     "druze", "druzes", "alaouite", "alaouites", "hazara", "hazaras", "turkmène", "turkmènes",
                     "yézidi", "yézidis", "yazidi", "yazidis", "chiite", "chiites", "sunnite", "sunnites"}
COMPASS = {"nord", "sud", "est", "ouest"}  # le Nord-Est, le Sud-Ouest
# a minister's portfolio, capitalised before his name (ministre de la Défense Thabet al-Abbasi)
PORTFOLIOS = {"culture", "défense", "justice", "santé", "intérieur", "éducation", "pétrole", "finances", "économie",
              "commerce", "transports", "agriculture", "environnement", "travail", "énergie", "électricité",
              "communication", "information", "jeunesse", "sports", "tourisme", "industrie", "planification",
              "affaires", "étrangères"}
INSTITUTIONS = {"parlement", "sénat", "présidence"}  # with a nationality they name one (Parlement irakien)
COMMON_ENDINGS = ("tion", "tions", "ment", "ments", "age", "ages", "ité", "ités", "ière", "ières", "ique", "iques",
                  "aire", "aires", "eur", "eurs", "euse", "euses", "ance", "ances", "ence", "ences", "isme", "ismes",
                  "elle", "elles", "ette", "ettes")
# Arabic articles written with a space inside a name (Hadi al Amin, Moqatada al Sadr)
SPACED_ARTICLES = {"al", "el"}


def _cap(token: Token) -> bool:
    """A capitalised word, or one that a glued Arabic article opens (alJassemiya, elBab), or a name
    glued to the word before it by a missing space (ministreHaïdar)."""
    ch = token.text[:1]
    return ch.isupper() and not token.text.isdigit() and not _ROMAN.fullmatch(token.text) \
        or _glued_article(token.text) or glued_start(token.text) > 0


_ROMAN = re.compile(r"(?:[IVXLC]{2,}|[IVX])(?:e|ème)")  # a Roman ordinal (XXIe siècle, Ve République; not Le, Ce;
# not a king's Ier: François Ier)


def _glued_article(word: str) -> bool:
    return len(word) > 3 and word[:2] in ("al", "el") and word[2].isupper()


def glued_start(word: str) -> int:
    """Where a name starts inside a lower-case word of two letters or more glued to it (ministreHaïdar:
    8, deTell: 2; not iPhone), else 0."""
    if word.islower() or not word[:1].islower() or _glued_article(word):  # islower(): no capital at all
        return 0
    for k in range(2, len(word) - 1):
        if word[k].isupper() and word[k - 1].islower():
            return k if word[:k].isalpha() else 0
    return 0


def _opens_sentence(text: str, pos: int) -> bool:
    """True at the start of the text or of a line, or after . ! ? : ; or an opening quote or bracket."""
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0\u202f\t\n":
        if text[i] == "\n":
            return True  # a new line: a paragraph or a heading
        i -= 1
    if i > 0 and text[i] == "." and _abbreviated_title(text, i):
        return False  # M. Layla, Dr. Hassan: the full stop of a title
    return i < 0 or text[i] in ".!?:;«“\"([—–-" and not (text[i] == "-" and i > 0 and text[i - 1].isalpha())


def _spaced_dash(text: str, a: Token, b: Token) -> bool:
    """A dash with a space on each side between two words separates them (a photo's caption: Pir Khidr - Lalesh)."""
    gap = text[a.end:b.start]
    return len(gap) == 3 and gap[1] in "-‐‑" and gap[0].isspace() and gap[2].isspace()


def _abbreviated_title(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:dot]
    return 0 < len(word) <= 4 and word[:1].isupper() and word.casefold() in STOP


def capitalised_names(text: str, tokens: list[Token], taken: list[bool], french: bool = False,
                      earlier: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """``(first, count)`` token runs that look like names, skipping tokens already ``taken``; in French
    text, common words that open a sentence or make a heading in capitals are not names, unless they
    are the last word of a name found ``earlier`` in the article (Ahmed Mukhlaf ... Mukhlaf a dit)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if taken[i] or not (_cap(tokens[i]) or _particle_before_cap(text, tokens, taken, i)):
            i += 1
            continue
        j = i
        while j + 1 < n and tokens[j].joins and not taken[j + 1] \
                and not _spaced_dash(text, tokens[j], tokens[j + 1]) and (
            _cap(tokens[j + 1]) or _particle_before_cap(text, tokens, taken, j + 1) or _ayn(text, tokens, j)
            or french and _foreign_link(tokens, taken, j + 1)
        ) and not (french and j == i and _acronym_before_a_name(tokens, taken, j)):
            j += 1
        run = list(range(i, j + 1))
        i = j + 1
        while run and tokens[run[0]].text.casefold() in STOP \
                and not (french and _head_of_a_name(text, tokens, run[0])) \
                and not (french and len(run) > 1 and _capital_article(text, tokens, run[0])) \
                and not (len(run) > 1 and _hyphenated_article(text, tokens[run[0]])) \
                and not (french and len(run) > 1 and tokens[run[0]].text == "Mar"):  # a saint (Mar Behnam), no month
            run.pop(0)
        while run and (tokens[run[-1]].text.casefold() in STOP or tokens[run[-1]].text.casefold() in PARTICLES) \
                and not (len(run) > 1 and _ayn(text, tokens, run[-1] - 1)) \
                and not (len(run) > 2 and _article_joined(text, tokens, run[-1])) \
                and not (french and _head_of_a_name(text, tokens, run[-1])):
            run.pop()
        opens = bool(run) and _opens_sentence(text, tokens[run[0]].start)
        if french and run:
            run, opens = _french_words_out(text, tokens, run, opens)
        if not run:
            continue
        first = tokens[run[0]]
        if len(first.text) == 1 and len(run) == 1 and not _platform_x(tokens, run[0]):
            continue  # an initial or a letter (F-16)
        if len(run) == 1 and _MODEL.fullmatch(first.text):
            continue  # a model's number (F16, T72, S400)
        if first.text.casefold() in FEASTS:
            continue  # a date (Aïd al-Adha)
        if french and _after_operation(text, tokens, run[0]):
            continue  # l'opération (aérienne) « Griffe Épée »: a military operation's name, not a name the glossary holds
        if french and len(run) == 1 and first.text.casefold() in INSTITUTIONS \
                and _national_after(tokens, taken, run[0]):
            run.append(run[0] + 1)  # le Parlement irakien: that country's parliament
        elif french and len(run) == 1 and not _enclosed(text, first) \
                and (first.text.casefold() in CONVENTIONAL_CAPS or nationality_word(first.text.casefold())):
            continue  # le Parlement, les Kurdes (but an alias alone in brackets is a name)
        elif french and len(run) > 1 and all(tokens[k].text.casefold() in COMPASS for k in run):
            continue  # le Nord-Est syrien: a part of a country, no name of its own
        if len(run) == 1 and opens and not first.text.isupper() \
                and not _enclosed(text, first) and first.text.casefold() not in NAME_HEADS \
                and not (french and _known_place(tokens, run[0])) and first.text not in earlier:
            continue  # a capitalised word opening a sentence (not a name alone in brackets or quotes,
            # nor a head that a lower-case name may follow: Centre des médias ..., nor a known place)
        while french and len(run) >= 3 and tokens[run[0]].text.casefold() in PORTFOLIOS and run[0] \
                and tokens[run[0] - 1].text.casefold() in ("la", "l", "du", "de", "des", *PORTFOLIOS):
            run = run[1:]  # le ministre de la Culture Noura al-Kaabi: the portfolio, then the minister's name
            # (des Affaires Étrangères Jean-Yves Le Drian)
        if out and run[0] < sum(out[-1]):
            continue
        if french and _direction_after(tokens, taken, run[-1]):
            run.append(run[-1] + 1)  # la Ghouta orientale: the region of that name
        if _number_after(text, tokens, taken, run[-1]):
            run.append(run[-1] + 1)  # an outlet or channel: Kurdistan 24, DeirEzzor 24
        out.append((run[0], len(run)))
    return out


DIRECTIONS = {"orientale", "occidentale", "oriental", "occidental", "septentrionale", "méridionale"}


def _direction_after(tokens: list[Token], taken: list[bool], k: int) -> bool:
    """A French direction adjective right after token ``k`` (la Ghouta orientale)."""
    return k + 1 < len(tokens) and tokens[k].joins and not taken[k + 1] and tokens[k + 1].text in DIRECTIONS


def _after_operation(text: str, tokens: list[Token], k: int) -> bool:
    """Token ``k`` follows opération, or opération and one lower-case word (opération aérienne), with
    nothing but spaces and quotes between (not l'opération, Abou Walid: the man who led it)."""
    return any(k - back >= 0 and tokens[k - back].text.casefold() in OPERATIONS
               and all(tokens[m].text.islower() for m in range(k - back + 1, k))
               and all(not text[tokens[m].end:tokens[m + 1].start].strip(_QUOTED_SPACE) for m in range(k - back, k))
               for back in (1, 2))


_QUOTED_SPACE = " \u00a0\u202f«»“”\"'’"  # what may stand between opération and its quoted name


def _national_after(tokens: list[Token], taken: list[bool], k: int) -> bool:
    """A singular nationality after the word (le Parlement irakien; not le gouvernement et le Parlement irakiens)."""
    return k + 1 < len(tokens) and tokens[k].joins and not taken[k + 1] and nationality_word(tokens[k + 1].text) \
        and not _plural(tokens[k + 1].text)


def _number_after(text: str, tokens: list[Token], taken: list[bool], k: int) -> bool:
    """A number of one to three digits closes the name when a word does not follow it (Kurdistan 24, ...;
    not Erbil 3 morts, nor a date or an amount)."""
    if k + 1 >= len(tokens) or taken[k + 1] or text[tokens[k].end:tokens[k + 1].start] != " ":
        return False
    number = tokens[k + 1].text
    rest = text[tokens[k + 1].end:tokens[k + 1].end + 2].lstrip(" ")
    word = tokens[k].text.casefold()
    return number.isdigit() and len(number) <= 3 and not word.isdigit() and word not in STOP \
        and word not in NUMBERED and not _common_looking(word) and (not rest or rest[0] in ",.;:)»”\"\n")


NUMBERED = {"article", "articles", "chapitre", "section", "page", "pages", "tome", "annexe", "point", "paragraphe",
            "alinéa", "numéro", "no", "vol", "chapter", "paragraph"}  # words a number follows that are not names


def _acronym(token: Token) -> bool:
    return len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()


def _acronym_before_a_name(tokens: list[Token], taken: list[bool], j: int) -> bool:
    """An acronym followed by a name of two capitalised words is a name of its own (à l'AFP Khaled Omar)."""
    return _acronym(tokens[j]) and j + 2 < len(tokens) and tokens[j + 1].joins and not taken[j + 1] \
        and not taken[j + 2] and all(_cap(tokens[m]) and not _acronym(tokens[m]) for m in (j + 1, j + 2))


def _hyphenated_article(text: str, token: Token) -> bool:
    """A capitalised Arabic article joined by a hyphen opens the name (As-Sulaymaniya, At-Tanf)."""
    return token.text[:1].isupper() and token.text.casefold() in ARTICLES \
        and text[token.end:token.end + 1] in ("-", "‐", "‑")


def _article_joined(text: str, tokens: list[Token], k: int) -> bool:
    """Token ``k`` follows an Arabic article and a hyphen: a family name, even a title's word (Amer Al-Sheikh)."""
    return k > 0 and tokens[k - 1].text.casefold() in ARTICLES and text[tokens[k - 1].end:tokens[k].start] in ("-", "‐", "‑")


def _foreign_link(tokens: list[Token], taken: list[bool], k: int) -> bool:
    """An English linking word between capitalised words (Sound and Picture)."""
    return tokens[k].text in FOREIGN_LINKING and k + 1 < len(tokens) and tokens[k].joins \
        and not taken[k + 1] and _cap(tokens[k + 1])


_MODEL = re.compile(r"[A-Z]{1,3}\d+[A-Z]?")  # aircraft, tanks, missiles: F16, T72, MQ9
PLATFORM_WORDS = {"sur", "plateforme", "réseau", "social", "compte", "on", "platform"}  # before X, the social network


def _platform_x(tokens: list[Token], k: int) -> bool:
    """The letter X after "sur" or "plateforme" is the social network (sur X, la plateforme X)."""
    return tokens[k].text == "X" and k > 0 and tokens[k - 1].joins and tokens[k - 1].text.casefold() in PLATFORM_WORDS


def _capital_article(text: str, tokens: list[Token], k: int) -> bool:
    """A French article written with a capital inside a sentence opens a title's name (selon Le Monde,
    au Parisien: à Le is written au), not one that opens the sentence nor one before a word capitalised
    by convention (Le Parlement); a plural one is the group's article (Les Houthis, Les Gardiens de ...)."""
    return tokens[k].text in ("Le", "La") and not _opens_sentence(text, tokens[k].start) \
        and not (k + 1 < len(tokens) and tokens[k + 1].text.casefold() in CONVENTIONAL_CAPS)


def _head_of_a_name(text: str, tokens: list[Token], i: int) -> bool:
    """A head word that is also a title (État) opens a name when ``de`` and a lower-case word follow it and
    no elided article is before it: État de droit, not coup d'État nor l'État de la région."""
    token = tokens[i]
    if token.text.casefold() not in NAME_HEADS or i + 2 >= len(tokens) or not token.joins or not tokens[i + 1].joins:
        return False
    if text[max(0, token.start - 1):token.start] in ("'", "’"):
        return False
    return tokens[i + 1].text == "de" and tokens[i + 2].text.islower() and _content(tokens[i + 2])


def _common_looking(word: str) -> bool:
    folded = word.casefold()
    return len(folded) >= 5 and folded.endswith(COMMON_ENDINGS) and folded not in NAME_HEADS


def _french_words_out(text: str, tokens: list[Token], run: list[int], opens: bool) -> tuple[list[int], bool]:
    """A run without its common words: those that open the sentence (Reportage Timour Azhari: what
    follows still opens it), and all of a heading in capitals that has one (INDIQUE CHAMP NÉCESSAIRE)."""
    if all(tokens[k].text.isupper() and len(tokens[k].text) > 1 for k in run) \
            and any(_common_looking(tokens[k].text) for k in run):
        return [], opens
    while opens and run and _common_looking(tokens[run[0]].text):
        run = run[1:]
    return run, opens


def _known_place(tokens: list[Token], i: int) -> bool:
    """A place of the GeoNames list that opens a sentence (Ankara affirme ...)."""
    from workbench.names.places import place_lookup

    hit = place_lookup("latin").match_at(tokens, i, ("fr",))
    return hit is not None and hit.count == 1


def _ayn(text: str, tokens: list[Token], j: int) -> bool:
    """The next token goes on a transliterated name after an apostrophe (Sina'a), not an elision."""
    gap = text[tokens[j].end:tokens[j + 1].start]
    return gap in ("'", "’") and tokens[j].text.casefold() not in ELIDED and len(tokens[j].text) >= 2 \
        and tokens[j + 1].text.islower() and _cap(tokens[j])


def _enclosed(text: str, token: Token) -> bool:
    """A word alone in brackets or quotes: (Asayish), « Shafaq »."""
    before = text[max(0, token.start - 2):token.start].strip()
    after = text[token.end:token.end + 2].strip()
    return before[-1:] in ("(", "[", "«", "“", '"') and after[:1] in (")", "]", "»", "”", '"')


def _particle_before_cap(text: str, tokens: list[Token], taken: list[bool], i: int) -> bool:
    word = tokens[i].text.casefold()
    if word not in PARTICLES or i + 1 >= len(tokens) or not tokens[i].joins or taken[i + 1]:
        return False
    if word in ARTICLES and text[tokens[i].end:tokens[i].end + 1] not in ("-", "‐", "‑") \
            and not (word in SPACED_ARTICLES and i > 0 and tokens[i - 1].joins and _cap(tokens[i - 1])
                     and tokens[i - 1].text.casefold() not in STOP):
        return False  # al / el without a hyphen only inside a name: Hadi al Amin
    return _cap(tokens[i + 1])


# words that open the name of an organisation or a place whose name goes on in lower case
# (Observatoire syrien des droits de l'homme, Armée syrienne libre, Émirats arabes unis)
NAME_HEADS = {
    "observatoire", "agence", "service", "réseau", "armée", "forces", "force", "cadre", "centre",
    "conseil", "alliance", "parti", "mouvement", "front", "comité", "ministère", "brigade", "brigades",
    "unités", "organisation", "union", "coalition", "émirats", "république", "gouvernement", "assemblée",
    "commandement", "direction", "bureau", "croissant", "institut", "fondation", "association",
    "coordination", "syndicat", "mission", "tribunal", "cour", "commission", "garde", "gardiens",
    "corps", "division", "milice", "milices", "groupe", "rassemblement", "courant", "bloc", "état",
    "etat", "haut", "haute", "autorité", "administration", "office", "régiment", "bataillon",
    "fédération", "résistance", "ligue", "confédération", "comités", "conseils", "agences", "zone",
    "compagnie", "compagnies", "bataillons", "régiments", "phalange", "phalanges", "légion", "escadron",
    "émirat", "emirat", "emirats", "nations", "cellule", "département", "région", "fonds", "université", "église", "parquet", "arabie",
}
PLACE_NAME_HEADS = {"république", "émirats", "emirats", "région", "arabie"}  # heads of countries' and regions' names


def head_kind(name: str) -> tuple[str, str] | None:
    """``(type, cue)`` of a French name from its first word: a facility head names a place, another
    head an organisation (Conseil militaire de Deir ez-Zor is not the city), a given name before more
    words a person (Adil al-Ali is not Diyala)."""
    word = name.split(" ", 1)[0]
    head = word.casefold()
    if head in FACILITY_HEADS or head in LOWER_PLACES:
        return "place", f"facility head '{word}'"
    if head in NAME_HEADS and head not in PLACE_NAME_HEADS:
        return "org", f"head '{word}'"
    if opens_with_given_name(name):
        return "person", f"given name '{word}'"
    return None


LINKING = {"de", "des", "du", "d", "la", "l", "les", "pour", "au", "aux", "et"}
RANK_HEADS = {"haut", "haute", "hauts", "hautes"}  # adjectives that open a name before its head noun
_ADJECTIVE_ENDINGS = ("ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ain", "aine", "ains", "aines",
                      "iste", "istes", "ique", "iques", "aire", "aires", "al", "ale", "aux", "ales", "el", "elle",
                      "els", "elles", "if", "ive", "ifs", "ives", "é", "ée", "és", "ées", "is", "ie", "ies",
                      "ite", "ites", "ère", "ères", "ier", "iers", "ois", "oise", "oises", "il", "ils", "eur", "eure",
                      "eurs", "eures", "e", "es")
_ADJECTIVE_SUFFIXES = tuple(e for e in _ADJECTIVE_ENDINGS if e not in ("e", "es"))  # (not every word in e: se)
_NOT_CONTENT = {"dit", "dite", "dits", "dites", "appelé", "appelée", "appelés", "appelées", "nommé", "nommée",
                "surnommé", "surnommée", "baptisé", "baptisée",  # so-called: the name follows
                "ont", "a", "est", "sont", "été", "qui", "que", "dont", "se", "sa", "son", "ses", "leur", "leurs", "ce", "cette", "il", "elle", "ils", "elles", "avait", "avaient", "sera", "seront",
                "fait", "contre", "dans", "selon", "après", "avant", "depuis", "lors", "vers", "sur", "sous",
                "avec", "sans", "entre", "par", "en", "un", "une", "plus", "moins", "très", "aussi", "non",
                # adverbs with an adjective's ending (l'Armée du Mahdi puis la Ligue ..., ... hier)
                "puis", "hier", "ainsi", "alors", "jamais", "désormais", "parfois", "toujours", "encore", "déjà",
                "ensuite", "enfin", "ici", "mais", "sinon",
                # adjectives before a noun: de l'ancien Premier ministre is the owner's description
                "ancien", "ancienne", "anciens", "anciennes", "actuel", "actuelle", "nouvel", "futur", "ex"}


def extend_names(text: str, tokens: list[Token], taken: list[bool], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """French names that go on in lower case after a head word: adjectives and ``de`` + noun phrases;
    a known name may close them (Centre des médias FDS); a demonym after the complement does not
    (Cadre de coordination chiite)."""
    out: list[tuple[int, int]] = []
    for first, count in runs:
        if out and first < sum(out[-1]):
            continue  # inside the name just extended (l'Homme of Observatoire ... de l'Homme)
        if tokens[first].text.casefold() not in NAME_HEADS:
            out.append((first, count))
            continue
        end = first + count  # one past the last token of the name
        if count == 1 and tokens[first].text.casefold() in RANK_HEADS and end < len(tokens) \
                and tokens[first].joins and not taken[end] and tokens[end].text.casefold() in NAME_HEADS:
            end += 1  # Haute commission, Haut conseil: the head noun after the rank
        k = end
        linked = False
        while k < len(tokens) and k - end < 7 and tokens[k - 1].joins:
            word = tokens[k].text.casefold()
            if taken[k]:
                if k == end > first + count and tokens[k].text[:1].isupper():
                    end = k + 1
                break
            if word in LINKING:
                if word in ("la", "l", "les") and not linked:
                    break  # an article with no preposition: a verb's object (Alliance kurde remporte la majorité)
                j = k
                while j < len(tokens) and tokens[j - 1].joins and j - k < 3 and (
                        tokens[j].text.casefold() in LINKING
                        or tokens[j].text in ("un", "une") and tokens[j - 1].text == "pour"
                        or tokens[j].text == "le" and tokens[j - 1].text == "et"):
                    j += 1  # Mouvement pour une société démocratique, ... et le développement
                if j >= len(tokens) or not tokens[j - 1].joins or not _content(tokens[j]):
                    break
                if j == k + 1 and tokens[k].text in ("de", "d") and _infinitive(tokens[j].text):
                    break  # le Conseil des ministres de former ...: a verb's complement, no name's
                several = j + 1 < len(tokens) and tokens[j].joins \
                    and (_cap(tokens[j + 1]) or tokens[j + 1].text.casefold() in PARTICLES and j + 2 < len(tokens)
                         and tokens[j + 1].joins and _cap(tokens[j + 2]))  # (not Raqqa a annoncé: a verb)
                if linked and _cap(tokens[j]) and several:
                    break  # after its complement, "de" + a name of several words is its owner (... de Nouri al-Maliki)
                if any(tokens[m].text == "et" for m in range(k, j)) \
                        and (_cap(tokens[j]) or tokens[j - 1].text == "et" or not linked):
                    break  # another name (l'Union européenne et la Ligue arabe), a verb's object (Nations
                    # unies et offre des services) or the next noun of the sentence (Nations Unies et le chef de
                    # sa mission); not a second noun of its complement (Coalition pour la démocratie et la justice)
                if _cap(tokens[j]) and several and not linked and not taken[j]:
                    j = _name_end(text, tokens, taken, j)  # a name of several words: Brigade du Sultan Mourad
                linked = True
                if taken[j] and not tokens[j].text[:1].isupper():
                    break
                k = end = j + 1  # a known name may end it (Agence antiterroriste du Kurdistan)
                if taken[j]:
                    while end < len(tokens) and taken[end] and tokens[end - 1].joins:
                        end += 1  # all of it (Conseil militaire de Deir ez-Zor)
                    break
            elif _content(tokens[k]) and (tokens[k].text[:1].isupper() or word.endswith(_ADJECTIVE_ENDINGS)) \
                    and not (linked and (word in STOP and not _complement_number(tokens[first].text, word)
                                         or tokens[k].text[:1].isupper())) \
                    and not _participle(tokens, k) and word not in SAYING and word not in VERBS \
                    and not (k + 1 < len(tokens) and tokens[k].joins
                             and tokens[k + 1].text in ("la", "le", "les", "un", "une")):
                # (a word an article follows is a verb: Alliance kurde remporte la majorité)
                # after its complement a name takes adjectives, not another name (... de l'homme Rami)
                k = end = k + 1
            else:
                break
        out.append((first, end - first))
    return out


# verbs of saying after a name, its subject (les Gardiens de la Révolution affirme ...): no adjective of it
SAYING = {"affirme", "affirment", "annonce", "annoncent", "déclare", "déclarent", "indique", "indiquent", "précise",
          "précisent", "ajoute", "ajoutent", "assure", "assurent", "estime", "estiment", "dément", "démentent",
          "revendique", "revendiquent", "accuse", "accusent", "confirme", "confirment", "souligne", "soulignent"}
# other verbs a name is often the subject of, with an adjective's ending (le président de la République dispose de)
VERBS = {"dispose", "compte", "reste", "demande", "exige", "appelle", "condamne", "rejette", "refuse", "lance",
         "entame", "contrôle", "mène", "organise", "considère", "espère", "envisage", "souhaite", "menace",
         "tente", "continue", "occupe", "possède", "cherche", "prépare", "participe", "décide", "propose",
         "nomme", "signe", "publie", "diffuse", "réclame", "salue", "dénonce", "accepte", "frappe", "attaque",
         "bombarde", "cible", "vise", "tire", "retire", "déploie", "envoie", "reçoit", "charge", "presse"}
# prepositions after a past participle that governs them: the name ends before it (... soutenue par)
AGENT = {"par", "à", "au", "aux", "contre", "depuis", "dans", "sur", "avec"}


def _infinitive(word: str) -> bool:
    """A lower-case French infinitive in -er (former, désigner), as "de" governs it after a noun."""
    return word.islower() and len(word) >= 5 and word.endswith("er") and word not in ("quartier", "dossier")


def _participle(tokens: list[Token], k: int) -> bool:
    """A lower-case word in é(e)(s) or u(e)(s) followed by its own complement (dirigées par, basée à; not
    Émirats arabes unis à ...)."""
    word = tokens[k].text
    return word.islower() and word.endswith(("é", "ée", "és", "ées", "u", "ue", "us", "ues")) \
        and k + 1 < len(tokens) and tokens[k].joins and tokens[k + 1].text in AGENT


def _name_end(text: str, tokens: list[Token], taken: list[bool], j: int) -> int:
    """The last token of the capitalised run (particles inside) that starts at ``j``."""
    while j + 1 < len(tokens) and tokens[j].joins and not taken[j + 1] \
            and (_cap(tokens[j + 1]) or _particle_before_cap(text, tokens, taken, j + 1)):
        j += 1
    return j


def _plural(word: str) -> bool:
    """Plural by its ending (irakiens, Gardiens); libanais, français may be either: not counted."""
    folded = word.casefold()
    return folded.endswith(("s", "x")) and not folded.endswith(("ais", "ois"))


def _complement_number(head: str, word: str) -> bool:
    """A demonym after the complement whose number is not the head's qualifies the complement and is
    part of the name (Gardiens de la révolution iranienne); one that may qualify the head is not
    (Cadre de coordination chiite)."""
    return word.islower() and _plural(head) != _plural(word)


_FUNCTION = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
             "ces", "the", "an", "in", "of", "at", "by", "for", "from", "with", "to", "and", "or", "et", "ou",
             "tout", "toute", "tous", "toutes"}


def _content(token: Token) -> bool:
    """A word that can carry a name's meaning (not a function word, a verb form or an adverb)."""
    word = token.text.casefold()
    return len(word) >= 3 and word.isalpha() and word not in _FUNCTION and word not in _NOT_CONTENT


# adjectives that make a French organisation's name another one (Armée syrienne libre)
NAME_ADJECTIVES = {
    "libre", "libres", "populaire", "populaires", "national", "nationale", "nationaux", "nationales",
    "islamique", "islamiques", "démocratique", "démocratiques", "révolutionnaire", "révolutionnaires",
    "unifié", "unifiée", "unifiés", "unifiées", "suprême", "central", "centrale", "nouvelle", "nouveau",
    "spéciale", "spéciales", "républicaine", "républicaines", "patriotique", "patriotiques",
}
# nationalities in the concept lexicon: an army with one is a name (armée américaine, armée turque)
NATIONALITIES = {"iraqi", "syrian", "iranian", "turkish", "kurdish", "american", "russian", "arab", "french",
                 "british", "israeli", "lebanese", "jordanian", "saudi"}
# French heads kept with the name of their own that follows them directly (place Tahrir, prison Ghwayran)
FACILITY_HEADS = {"prison", "camp", "place", "aéroport", "base", "pont", "barrage", "mosquée", "hôpital", "stade",
                  "champ", "église", "cathédrale", "basilique", "monastère", "couvent", "lac", "mont", "rue", "avenue",
                  "boulevard"}
# of those, the ones whose head stays in the name before "de" (le camp de Chamishko, le champ pétrolier
# d'Al-Omar, as مخيم الهول، حقل العمر); a base or a hospital "de" a town is named after it: the town
NAMED_WITH_DE = {"camp", "champ"}


def nationality_word(word: str) -> bool:
    """A lower-case French nationality adjective (turc, irakienne) by the concept lexicon."""
    return word.islower() and concept(normalize(word, "fr")) in NATIONALITIES


LOWER_UNITS = {"division", "brigade", "brigades", "bataillon", "université"}  # la division des Fatemiyoun
LOWER_NATIONAL = {"parlement"}  # named by its country alone (le parlement irakien)
LOWER_FORCES = {"police"}  # named by an adjective and a country (police militaire russe; not the forces armées
# irakiennes, annotated as often as not)
# lower-case heads of places named with them (la plaine de Ninive, les montagnes de Shengal)
LOWER_PLACES = {"plaine", "montagne", "montagnes", "mont", "monts", "désert"}


def french_lower_names(text: str, tokens: list[Token], taken: list[bool]) -> list[tuple[int, int]]:
    """Organisation names French writes in lower case: a national army (armée américaine, armée
    nationale syrienne), a council named after its place (conseil militaire de Manbij), a country's
    ministry (ministère turc de la Défense), a unit named after its men (division des Fatemiyoun) and a
    place named with its head (la plaine de Ninive)."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        if taken[i] or token.text not in ("armée", "conseil", "ministère", *LOWER_UNITS, *LOWER_PLACES, *LOWER_FORCES,
                                          *LOWER_NATIONAL) \
                or (out and i < sum(out[-1])):
            continue
        j = i
        if token.text == "armée":
            national = False
            if j + 3 < n and [t.text for t in tokens[j + 1:j + 4]] == ["de", "l", "air"] and tokens[j].joins:
                j += 3  # armée de l'air syrienne: the air force, named by its country
            while j + 1 < n and tokens[j].joins and not taken[j + 1] and (
                    nationality_word(tokens[j + 1].text) or tokens[j + 1].text in NAME_ADJECTIVES):
                national = national or nationality_word(tokens[j + 1].text)
                j += 1
            if national:
                out.append((i, j - i + 1))
            continue
        if token.text in LOWER_NATIONAL:
            if j + 1 < n and tokens[j].joins and not taken[j + 1] and nationality_word(tokens[j + 1].text) \
                    and not _plural(tokens[j + 1].text):
                out.append((i, 2))  # le parlement irakien
            continue
        if token.text in LOWER_FORCES:  # police militaire russe: an adjective, then the country (not la police
            while j + 1 < n and tokens[j].joins and not taken[j + 1] and tokens[j + 1].text.islower() \
                    and _content(tokens[j + 1]) and not nationality_word(tokens[j + 1].text) \
                    and tokens[j + 1].text.endswith(_ADJECTIVE_ENDINGS):  # turque alone)
                j += 1
            if j > i and j + 1 < n and tokens[j].joins and not taken[j + 1] and nationality_word(tokens[j + 1].text):
                out.append((i, j - i + 2))
            continue
        if token.text in LOWER_UNITS and j + 1 < n and tokens[j].joins and not taken[j + 1] and _cap(tokens[j + 1]):
            end = j + 1  # la brigade Farouk: the unit's own name right after it
            while end + 1 < n and tokens[end].joins and not taken[end + 1] and _cap(tokens[end + 1]):
                end += 1
            out.append((i, end - i + 1))
            continue
        while j + 1 < n and tokens[j].joins and not taken[j + 1] and tokens[j + 1].text.islower() \
                and _content(tokens[j + 1]) and (tokens[j + 1].text.endswith(_ADJECTIVE_ENDINGS)
                                                 or token.text == "ministère" and nationality_word(tokens[j + 1].text)):
            j += 1  # conseil militaire, conseil civil local, ministère turc
        k = j + 1
        headed = token.text in LOWER_UNITS or token.text in LOWER_PLACES  # its name follows it directly
        links = ("de", "d", "du", "des") if token.text == "ministère" or headed else ("de", "d", "du")
        if k + 2 < n and token.text == "ministère" and tokens[k].text.casefold() == "de" and tokens[k].joins \
                and tokens[k + 1].text.casefold() in ("la", "l") and _cap(tokens[k + 2]):
            k, links = k + 1, ("la", "l")  # ministère turc de la Défense
        if j == i and token.text != "ministère" and not headed or k + 1 >= n or not tokens[j].joins \
                or not tokens[k].joins \
                or tokens[k].text.casefold() not in links or not _cap(tokens[k + 1]):
            continue
        end = k + 1
        while end + 1 < n and tokens[end].joins and (_cap(tokens[end + 1]) or taken[end + 1] and taken[end]
                                                      or _particle_before_cap(text, tokens, taken, end + 1)):
            end += 1  # the place: Manbij, Deir ez-Zor
        national = any(nationality_word(tokens[m].text) for m in range(i + 1, j + 1))
        while token.text == "ministère" and end + 1 < n and tokens[end].joins and not taken[end + 1] \
                and tokens[end + 1].text.islower() and (tokens[end + 1].text.endswith(_ADJECTIVE_SUFFIXES)
                                                        and tokens[end + 1].text not in _NOT_CONTENT
                                                        or nationality_word(tokens[end + 1].text)):
            end += 1  # ministère des Affaires étrangères irakien (not: la Défense se félicite)
            national = national or nationality_word(tokens[end].text)
        if token.text == "ministère" and not national:
            continue  # le ministère de la Défense: whose, the text says elsewhere; a common noun here
        out.append((i, end - i + 1))
    return out


ACRONYM_REACH = 12  # words before an acronym in brackets that its letters may spell


def acronym_phrases(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Names, in lower case or not, that the acronym in brackets after them spells with the initials of
    their words (le corps des gardes de la révolution islamique d'Iran (CGRI)); a place after ``de``
    may close the name without a letter of its own."""
    out: list[tuple[int, int]] = []
    for p, tok in enumerate(tokens):
        letters = tok.text.casefold()
        if not (p and _acronym(tok) and len(letters) <= 6) or letters in STOP \
                or text[tok.start - 1:tok.start] != "(" or text[tokens[p - 1].end:tok.start].strip() != "(":
            continue
        last = p - 1
        ends = [last]
        if last >= 2 and tokens[last].text[:1].isupper() and tokens[last - 1].text in ("de", "d", "du") \
                and tokens[last - 1].joins and tokens[last - 2].joins:
            ends.append(last - 2)  # ... islamique d'Iran: the place has no letter
        for spelled_end in ends:
            first = _spelled_from(tokens, spelled_end, letters)
            if first is not None and all(tokens[k].joins for k in range(first, last)):
                out.append((first, last - first + 1))
                break
    return out


def _spelled_from(tokens: list[Token], end: int, letters: str) -> int | None:
    """The first token of the words ending at ``end`` whose content words' initials are ``letters``."""
    initials = ""
    for k in range(end, max(-1, end - ACRONYM_REACH), -1):
        word = tokens[k].text
        if word.casefold() in _FUNCTION or word.casefold() in LINKING:
            continue
        initials = fold(word)[:1] + initials
        if initials == letters:
            return k
        if not letters.endswith(initials):
            return None
    return None


def facility_names(tokens: list[Token], taken: list[bool], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs that a facility head before them belongs to (place Tahrir: a square of its own; before "de" a
    camp or a field only: le camp de Chamishko), and facilities named after a person with a title (la base
    de l'Imam Ali, l'hôpital du Martyr Hassan)."""
    out = []
    for first, count in runs:
        head = first - 1
        if head >= 0 and not taken[head] and tokens[head].joins and tokens[head].text in FACILITY_HEADS:
            first, count = head, count + 1
        elif head >= 1 and tokens[head].text.casefold() in ("de", "d", "du") and not taken[head - 1] \
                and tokens[head - 1].joins and tokens[head].joins and tokens[head - 1].text in NAMED_WITH_DE:
            first, count = head - 1, count + 2  # le camp de Chamishko
        elif head >= 2 and tokens[head].text.casefold() in ("de", "d", "du") and tokens[head - 1].text.islower() \
                and tokens[head - 1].text.endswith(_ADJECTIVE_ENDINGS) and tokens[head - 2].text in NAMED_WITH_DE \
                and not taken[head - 2] and not taken[head - 1] and all(t.joins for t in tokens[head - 2:head + 1]):
            first, count = head - 2, count + 3  # le champ pétrolier d'Al-Omar
        else:
            head = _named_after_a_person(tokens, taken, first)
            if head is not None:
                first, count = head, count + first - head
        out.append((first, count))
    return out


HONOURED = {"martyr", "martyrs", "chahid"}  # titles of the dead a facility is named after


def _honour(token: Token) -> bool:
    return token.text[:1].isupper() and (normalize(token.text, "fr") in TITLES or token.text.casefold() in HONOURED)


def _named_after_a_person(tokens: list[Token], taken: list[bool], first: int) -> int | None:
    """The facility head of ``head de l'/du Title Name`` before a name whose first word is the title or
    follows it (a trimmed title)."""
    k = first if _honour(tokens[first]) else first - 1
    if k < 1 or taken[k] or not tokens[k - 1].joins or not _honour(tokens[k]):
        return None
    linking = 0
    while k > 0 and linking < 2 and tokens[k - 1].text in ("de", "du", "l", "d") and tokens[k - 1].joins:
        k, linking = k - 1, linking + 1
    head = k - 1
    if not linking or head < 0 or taken[head] or not tokens[head].joins or tokens[head].text not in FACILITY_HEADS:
        return None
    return head
