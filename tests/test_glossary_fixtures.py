"""A small glossary shared by the names and glossary tests (no tests of its own)."""

from __future__ import annotations

from workbench.glossary.model import Entity, Variant

SAMPLE_TOML = """\
# Test glossary.

# People

[mustafa-al-kadhimi]
type = "person"
canonical = "Mustafa al-Kadhimi"
note = "Prime Minister of Iraq 2020-2022."
ar = [
  "مصطفى الكاظمي",
  "الكاظمي",
]
fr = [
  "Mustafa al-Kazemi",
]
en = [
  "Mustafa al-Kadhimi",
  "Kadhimi",
]

[jumaa-inad]
type = "person"
canonical = "Jumaa Inad"
ar = [
  "جمعة عناد",
]
fr = [
  "Jumaa Inad",
]
en = [
  "Juma Inad",
]

[abu-bakr-al-baghdadi]
type = "person"
canonical = "Abu Bakr al-Baghdadi"
ar = [
  "أبو بكر البغدادي",
]
fr = [
  "Abou Bakr al-Baghdadi",
]
en = [
  "Abu Bakr al-Baghdadi",
]

# Places

[hasakah]
type = "place"
canonical = "Hasakah"
ar = [
  "الحسكة",
]
fr = [
  "Hassaké",
]
en = [
  "Hasakah",
]

[baghdad]
type = "place"
canonical = "Baghdad"
ar = [
  "بغداد",
]
fr = [
  "Bagdad",
]
en = [
  "Baghdad",
]

[ghwayran]
type = "place"
canonical = "Ghwayran"
ar = [
  "غويران",
]
fr = [
  "Ghweran",
]
en = [
  "Ghwayran",
]

# Organisations

[islamic-state]
type = "org"
canonical = "Islamic State"
wikidata = "Q2429253"
ar = [
  "داعش",
  "تنظيم الدولة الإسلامية",
]
fr = [
  "Daech",
  "État islamique",
]
en = [
  "ISIS",
  "Islamic State",
]

[syrian-democratic-forces]
type = "org"
canonical = "Syrian Democratic Forces"
ar = [
  "قوات سوريا الديمقراطية",
  "قسد",
]
fr = [
  "Forces démocratiques syriennes",
  "FDS",
]
en = [
  "Syrian Democratic Forces",
  "SDF",
]

[popular-mobilization-forces]
type = "org"
canonical = "Popular Mobilization Forces"
ar = [
  "الحشد الشعبي",
]
fr = [
  "Hachd al-Chaabi",
]
en = [
  "Popular Mobilization Forces",
  "PMF",
]
"""


def sample_entities() -> list[Entity]:
    from workbench.glossary.formats.toml import parse

    entities, problems = parse(SAMPLE_TOML, "sample.toml")
    assert not problems, problems
    return entities


def latin_only(entities: list[Entity]) -> list[Entity]:
    """The same entities with their Arabic spellings removed."""
    return [Entity(e.id, e.type, e.canonical, e.wikidata, e.note,
                   [Variant(v.lang, v.text) for v in e.variants if v.lang != "ar"]) for e in entities]


def arabic_only(entities: list[Entity]) -> list[Entity]:
    return [Entity(e.id, e.type, e.canonical, e.wikidata, e.note,
                   [Variant(v.lang, v.text) for v in e.variants if v.lang == "ar"]) for e in entities]
