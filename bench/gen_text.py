"""Generates realistic-looking news sentences in ar / fr / en for benchmarks (not real articles)."""

from __future__ import annotations

import random

PLACES = {
    "fr": ["Hassaké", "Mossoul", "Kirkouk", "Deir ez-Zor", "Bagdad", "Damas", "Raqqa", "Diyala", "al-Anbar", "Sinjar"],
    "en": ["Hasakah", "Mosul", "Kirkuk", "Deir ez-Zor", "Baghdad", "Damascus", "Raqqa", "Diyala", "Anbar", "Sinjar"],
    "ar": ["الحسكة", "الموصل", "كركوك", "دير الزور", "بغداد", "دمشق", "الرقة", "ديالى", "الأنبار", "سنجار"],
}
GROUPS = {
    "fr": ["Daech", "les FDS", "les Hachd al-Chaabi", "l'armée irakienne", "la coalition internationale"],
    "en": ["ISIS", "the SDF", "the Popular Mobilization Forces", "the Iraqi army", "the international coalition"],
    "ar": ["داعش", "قسد", "الحشد الشعبي", "الجيش العراقي", "التحالف الدولي"],
}
PEOPLE = {
    "fr": ["Mustafa al-Kazemi", "Moqtada Sadr", "Massoud Barzani", "Jumaa Inad", "Mazloum Abdi"],
    "en": ["Mustafa al-Kadhimi", "Muqtada al-Sadr", "Masoud Barzani", "Jumaa Inad", "Mazloum Abdi"],
    "ar": ["مصطفى الكاظمي", "مقتدى الصدر", "مسعود بارزاني", "جمعة عناد", "مظلوم عبدي"],
}
TEMPLATES = {
    "fr": [
        "Selon {p}, {g} ont mené une opération près de {l} le {d} janvier.",
        "Les combats entre {g} et des cellules dormantes ont fait {n} morts dans la province de {l}.",
        "M. {p} a déclaré que la situation à {l} restait « préoccupante », a rapporté la presse locale.",
        "Plus de {n}.000 personnes ont fui {l} après l'attaque, selon un responsable de {g}.",
        "Le porte-parole a indiqué que {g} avaient renforcé la frontière irako-syrienne près de {l}.",
        "Une voiture piégée a explosé à l'entrée d'une prison de {l}, tuant {n} gardiens.",
    ],
    "en": [
        "According to {p}, {g} carried out an operation near {l} on January {d}.",
        "Clashes between {g} and sleeper cells left {n} dead in {l} province.",
        "Mr. {p} said the situation in {l} remained \"worrying\", local media reported.",
        "More than {n},000 people fled {l} after the attack, an official from {g} said.",
        "The spokesman said {g} had reinforced the Iraqi-Syrian border near {l}.",
        "A car bomb exploded at the entrance of a prison in {l}, killing {n} guards.",
    ],
    "ar": [
        "وقال {p} إن {g} نفذ عملية قرب {l} يوم {d} يناير.",
        "أسفرت الاشتباكات بين {g} وخلايا نائمة عن مقتل {n} أشخاص في محافظة {l}.",
        "وأكد {p} أن الوضع في {l} لا يزال «مقلقا»، بحسب وسائل إعلام محلية.",
        "فر أكثر من {n} ألف شخص من {l} بعد الهجوم، وفق مسؤول في {g}.",
        "هل يستطيع {g} حماية الحدود قرب {l}؟",
        "انفجرت سيارة مفخخة عند مدخل سجن في {l}، ما أدى إلى مقتل {n} حراس.",
    ],
}


def sentence(rng: random.Random, lang: str) -> str:
    return rng.choice(TEMPLATES[lang]).format(
        p=rng.choice(PEOPLE[lang]), g=rng.choice(GROUPS[lang]), l=rng.choice(PLACES[lang]),
        d=rng.randint(1, 31), n=rng.randint(2, 400),
    )


def article(rng: random.Random, lang: str, size: int = 3000) -> str:
    """An article of about ``size`` bytes of UTF-8: paragraphs of 2-4 sentences."""
    paragraphs, length = [], 0
    while length < size:
        para = " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        length += len(para.encode()) + 1
    return "\n".join(paragraphs)
