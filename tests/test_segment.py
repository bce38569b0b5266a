"""Sentence segmentation: at least 20 cases per language, and offsets that reconstruct the text."""

import pytest

from workbench.text.segment import split


def sentences(text, lang):
    return [text[s:e] for s, e in split(text, lang)]


FR = [
    ("Le convoi est parti. Il est arrivé à Mossoul.", ["Le convoi est parti.", "Il est arrivé à Mossoul."]),
    ("M. Mosleh a parlé hier. Il a démenti.", ["M. Mosleh a parlé hier.", "Il a démenti."]),
    ("Le Dr. Karim Saleh soigne les blessés.", ["Le Dr. Karim Saleh soigne les blessés."]),
    ("Mme. Haddad et MM. Ali et Omar sont là.", ["Mme. Haddad et MM. Ali et Omar sont là."]),
    ("Plus de 10.000 combattants sont prêts.", ["Plus de 10.000 combattants sont prêts."]),
    ("Le budget atteint 3,5 milliards. Il augmente.", ["Le budget atteint 3,5 milliards.", "Il augmente."]),
    ("Il a dit : « Nous tiendrons. » Puis il est parti.", ["Il a dit : « Nous tiendrons. »", "Puis il est parti."]),
    ("« Elles voulaient des informations », a-t-il indiqué.", ["« Elles voulaient des informations », a-t-il indiqué."]),
    ("« Le danger est réel. Nous restons vigilants. », a-t-il dit.",
     ["« Le danger est réel.", "Nous restons vigilants. », a-t-il dit."]),
    ("Est-ce la fin ? Personne ne le sait.", ["Est-ce la fin ?", "Personne ne le sait."]),
    ("Attaque ! Les FDS ripostent.", ["Attaque !", "Les FDS ripostent."]),
    ("Il hésita... puis il signa.", ["Il hésita... puis il signa."]),
    ("Il hésita… Puis il signa.", ["Il hésita…", "Puis il signa."]),
    ("Les armes, les munitions, etc. sont saisies.", ["Les armes, les munitions, etc. sont saisies."]),
    ("En 2014, Daech a pris Mossoul. En 2017, la ville a été reprise.",
     ["En 2014, Daech a pris Mossoul.", "En 2017, la ville a été reprise."]),
    ("Titre sans point\nLe texte commence ici.", ["Titre sans point", "Le texte commence ici."]),
    ("Une phrase coupée\nen deux lignes continue.", ["Une phrase coupée\nen deux lignes continue."]),
    ("Premier paragraphe.\n\nSecond paragraphe.", ["Premier paragraphe.", "Second paragraphe."]),
    ("Il est né en 50 av. J.-C. à Rome.", ["Il est né en 50 av. J.-C. à Rome."]),
    ("Le général A. Karim commande. Il agit.", ["Le général A. Karim commande.", "Il agit."]),
    ("Voir p. 12 du rapport. La suite est claire.", ["Voir p. 12 du rapport.", "La suite est claire."]),
    ("Le porte-parole a déclaré : \"C'est fini.\" Il est parti.",
     ["Le porte-parole a déclaré : \"C'est fini.\"", "Il est parti."]),
    ("Il y a eu 4 morts (dont 2 civils). L'enquête continue.",
     ["Il y a eu 4 morts (dont 2 civils).", "L'enquête continue."]),
]

AR = [
    ("أعلنت الخلية مقتل 350 عنصرا. وتابعت القوات عملياتها.", ["أعلنت الخلية مقتل 350 عنصرا.", "وتابعت القوات عملياتها."]),
    ("هل انتهى الهجوم؟ لا أحد يعرف.", ["هل انتهى الهجوم؟", "لا أحد يعرف."]),
    ("قال المتحدث، في بيان، إن الوضع مستقر.", ["قال المتحدث، في بيان، إن الوضع مستقر."]),
    ("سيطرت القوات على الحي؛ ثم انسحب المسلحون.", ["سيطرت القوات على الحي؛ ثم انسحب المسلحون."]),
    ("انفجار! وقتل ثلاثة جنود.", ["انفجار!", "وقتل ثلاثة جنود."]),
    ("بلغ العدد 10.000 مقاتل في المنطقة.", ["بلغ العدد 10.000 مقاتل في المنطقة."]),
    ("ارتفعت النسبة إلى 3,5 بالمئة.", ["ارتفعت النسبة إلى 3,5 بالمئة."]),
    ("العنوان بلا نقطة\nيبدأ النص هنا.", ["العنوان بلا نقطة", "يبدأ النص هنا."]),
    ("قال: \"سنحمي الحدود.\" وأضاف أن الوضع آمن.", ["قال: \"سنحمي الحدود.\"", "وأضاف أن الوضع آمن."]),
    ("وقال «لن نتراجع.» ثم غادر.", ["وقال «لن نتراجع.»", "ثم غادر."]),
    ("التقى د. أحمد بالوزير. وناقشا الوضع.", ["التقى د. أحمد بالوزير.", "وناقشا الوضع."]),
    ("وقع الهجوم في 20 يناير. واستمر أياما.", ["وقع الهجوم في 20 يناير.", "واستمر أياما."]),
    ("ماذا حدث في الحسكة؟ ومن المسؤول؟", ["ماذا حدث في الحسكة؟", "ومن المسؤول؟"]),
    ("الفقرة الأولى.\n\nالفقرة الثانية.", ["الفقرة الأولى.", "الفقرة الثانية."]),
    ("أكدت قيادة العمليات المشتركة أن «أكثر من 350 قتلوا».", ["أكدت قيادة العمليات المشتركة أن «أكثر من 350 قتلوا»."]),
    ("وصل الرقم إلى ٣.٥ مليون. وهذا كثير.", ["وصل الرقم إلى ٣.٥ مليون.", "وهذا كثير."]),
    ("الأمن في العراق\nالأمن في العراق", ["الأمن في العراق", "الأمن في العراق"]),
    ("قتل أربعة إرهابيين... وأصيب آخرون.", ["قتل أربعة إرهابيين...", "وأصيب آخرون."]),
    ("تقع الحسكة شمال شرق سوريا (قرب الحدود). وتضم سجونا.", ["تقع الحسكة شمال شرق سوريا (قرب الحدود).", "وتضم سجونا."]),
    ("اندلعت اشتباكات، وأصيب عدد من المدنيين، وفر السكان.", ["اندلعت اشتباكات، وأصيب عدد من المدنيين، وفر السكان."]),
    ("هل يعود التنظيم؟! سؤال مطروح.", ["هل يعود التنظيم؟!", "سؤال مطروح."]),
]

EN = [
    ("The convoy left. It reached Mosul.", ["The convoy left.", "It reached Mosul."]),
    ("Mr. Barzani spoke on Sunday. He was concerned.", ["Mr. Barzani spoke on Sunday.", "He was concerned."]),
    ("Dr. Salih treated the wounded.", ["Dr. Salih treated the wounded."]),
    ("U.S. forces left at 5 p.m. on Friday.", ["U.S. forces left at 5 p.m. on Friday."]),
    ("More than 10,000 fighters were ready. Others fled.", ["More than 10,000 fighters were ready.", "Others fled."]),
    ("The rate rose to 3.5 percent.", ["The rate rose to 3.5 percent."]),
    ("He said: \"It is over.\" Then he left.", ["He said: \"It is over.\"", "Then he left."]),
    ("\"We will hold,\" he said.", ["\"We will hold,\" he said."]),
    ("“The danger is real. We stay alert,” he said.", ["“The danger is real.", "We stay alert,” he said."]),
    ("Is this the end? Nobody knows.", ["Is this the end?", "Nobody knows."]),
    ("Attack! The SDF responded.", ["Attack!", "The SDF responded."]),
    ("He hesitated... then he signed.", ["He hesitated... then he signed."]),
    ("Gen. Abdi and Lt. Col. Hassan met. They agreed.", ["Gen. Abdi and Lt. Col. Hassan met.", "They agreed."]),
    ("Headline without a period\nThe text starts here.", ["Headline without a period", "The text starts here."]),
    ("A sentence that wraps\nacross two lines goes on.", ["A sentence that wraps\nacross two lines goes on."]),
    ("First paragraph.\n\nSecond paragraph.", ["First paragraph.", "Second paragraph."]),
    ("The U.N. said so. The U.S. agreed.", ["The U.N. said so.", "The U.S. agreed."]),
    ("In 2014, ISIS took Mosul. In 2017, it lost the city.", ["In 2014, ISIS took Mosul.", "In 2017, it lost the city."]),
    ("Weapons, ammunition, etc. were seized.", ["Weapons, ammunition, etc. were seized."]),
    ("Four were killed (two civilians). The inquiry goes on.", ["Four were killed (two civilians).", "The inquiry goes on."]),
    ("J. R. Smith arrived. He spoke.", ["J. R. Smith arrived.", "He spoke."]),
    ("No. 5 brigade moved. It took the hill.", ["No. 5 brigade moved.", "It took the hill."]),
]


@pytest.mark.parametrize("text,expected", FR)
def test_french(text, expected):
    assert sentences(text, "fr") == expected


@pytest.mark.parametrize("text,expected", AR)
def test_arabic(text, expected):
    assert sentences(text, "ar") == expected


@pytest.mark.parametrize("text,expected", EN)
def test_english(text, expected):
    assert sentences(text, "en") == expected


def test_case_counts():
    assert min(len(FR), len(AR), len(EN)) >= 20


def check_reconstructs(text, spans):
    """The invariant: spans in order, no outer white space, only white space between and around them."""
    pos = 0
    for start, end in spans:
        assert start >= pos and end > start
        assert text[pos:start].strip() == ""
        assert text[start:end] == text[start:end].strip()
        pos = end
    assert text[pos:].strip() == ""


@pytest.mark.parametrize("lang,cases", [("fr", FR), ("ar", AR), ("en", EN)])
def test_offsets_reconstruct_text(lang, cases):
    """Spans are in order, non-overlapping, and everything between them is white space."""
    text = "\n\n  ".join(t for t, _ in cases) + "  \n"
    check_reconstructs(text, split(text, lang))


def test_empty_and_blank():
    assert split("", "fr") == []
    assert split("  \n\n ", "en") == []


# ---- long sentences are capped at MAX_CHARS -------------------------------------------------------

from workbench.text.segment import MAX_CHARS  # noqa: E402


def words_text(vocab, count, sep=" "):
    return sep.join(vocab[(i * 7 + i // 3) % len(vocab)] for i in range(count))


EN_WORDS = "the army said forces moved north of the city after talks with local leaders".split()
FR_WORDS = "les forces ont quitté la ville après des combats avec les habitants du quartier".split()
AR_WORDS = "قالت القوات إن المسلحين انسحبوا من المدينة بعد اشتباكات مع السكان في الحي".split()


@pytest.mark.parametrize("lang,vocab", [("en", EN_WORDS), ("fr", FR_WORDS), ("ar", AR_WORDS)])
def test_text_without_punctuation_is_cut_at_word_boundaries(lang, vocab):
    text = words_text(vocab, 3000)  # about 18,000 characters, not one sentence mark
    spans = split(text, lang)
    check_reconstructs(text, spans)
    assert len(spans) >= len(text) // MAX_CHARS
    for start, end in spans:
        assert end - start <= MAX_CHARS
        assert start == 0 or text[start - 1] == " "  # never inside a word
        assert end == len(text) or text[end] == " "


def test_french_long_sentence_cut_at_clause_marks_first():
    clause = "les forces ont quitté la ville après des combats avec les habitants, puis elles sont revenues"
    text = "; ".join([clause] * 12) + "."
    spans = split(text, "fr")
    check_reconstructs(text, spans)
    assert len(spans) > 1 and all(e - s <= MAX_CHARS for s, e in spans)
    assert all(text[s:e].endswith(";") for s, e in spans[:-1])  # the semicolon beats the commas
    assert text[spans[-1][0]:spans[-1][1]].endswith(".")


def test_english_long_sentence_cut_at_commas_then_dashes():
    commas = ", ".join(["the army said forces moved north of the city after talks"] * 20) + "."
    spans = split(commas, "en")
    check_reconstructs(commas, spans)
    assert all(commas[s:e].endswith(",") for s, e in spans[:-1])
    dashes = " — ".join(["the army said forces moved north of the city after talks"] * 20)
    spans = split(dashes, "en")
    check_reconstructs(dashes, spans)
    assert len(spans) > 1 and all(e - s <= MAX_CHARS for s, e in spans)
    assert all(dashes[s:e].startswith("— ") for s, e in spans[1:])  # the dash opens the next piece


def test_arabic_long_sentence_cut_at_arabic_semicolon_and_comma():
    clause = "قالت القوات إن المسلحين انسحبوا من المدينة بعد اشتباكات مع السكان في الحي"
    text = "، ".join([clause] * 30) + "؛ " + "، ".join([clause] * 3) + "."
    spans = split(text, "ar")
    check_reconstructs(text, spans)
    assert all(e - s <= MAX_CHARS for s, e in spans)
    pieces = [text[s:e] for s, e in spans]
    assert all(p.endswith("،") or p.endswith("؛") for p in pieces[:-1])
    assert any(p.endswith("؛") for p in pieces)


def test_no_white_space_at_all_is_cut_between_characters_not_before_a_mark():
    text = "ب\u064e" * 700  # a letter and its fatha, no space: cuts must not split them
    spans = split(text, "ar")
    check_reconstructs(text, spans)
    assert len(spans) > 1 and all(e - s <= MAX_CHARS for s, e in spans)
    assert all(text[s] == "ب" for s, _ in spans)
    assert "".join(text[s:e] for s, e in spans) == text


def test_long_and_short_sentences_mixed_keep_short_ones_whole():
    long = words_text(EN_WORDS, 400)
    text = f"The convoy left. Then {long} It reached Mosul."
    got = sentences(text, "en")
    assert got[0] == "The convoy left." and got[-1].endswith("It reached Mosul.")
    assert all(len(s) <= MAX_CHARS for s in got)
    check_reconstructs(text, split(text, "en"))
