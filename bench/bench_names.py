"""Name-matching bench: accuracy on the gold set, then speed and memory on a generated glossary.

    .venv/bin/python bench/bench_names.py            # everything (about a minute)
    .venv/bin/python bench/bench_names.py --quick    # accuracy only
    .venv/bin/python bench/bench_names.py --failures # also list every miss and false accept
    .venv/bin/python bench/bench_names.py --dev      # also our own second set (names_dev.tsv)

Speed is reported per CPU second (time.process_time) and per wall second: on a shared machine the
wall figures depend on what else runs; the goal is checked against the CPU figure.

Gold set: bench/data/names_gold.tsv (entity_id, type, lang, variant, source). Entities whose id is in
the curated glossary (workbench/glossary/curated/*.toml) are "in the glossary"; the others are strangers used to
measure false accepts. Every glossary the bench builds comes from gold rows, without canonical names
(one extra line keeps the curated canonical English names, as a glossary file with only Arabic
spellings would have them). Same language: each spelling (with every spelling of the same entity
that has the same normal form) is held out of the glossary and queried. Cross-script: the glossary
holds only Latin spellings and every Arabic one is queried, and the reverse.

Dev set: bench/data/names_dev.tsv, written independently of the matcher's rules (people, places and
organisations of the wider region, spellings from general knowledge); every fourth entity plays the
stranger. Speed: a generated glossary of person names (frequent given names, made-up nisba surnames
in Arabic, English and French spellings) and queries drawn from it, plus strangers.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.glossary.model import Entity, Variant  # noqa: E402
from workbench.names.matcher import Matcher  # noqa: E402
from workbench.names.normalize import normalize  # noqa: E402

GOLD = ROOT / "bench" / "data" / "names_gold.tsv"
DEV = ROOT / "bench" / "data" / "names_dev.tsv"
GLOSSARIES = ROOT / "workbench" / "glossary" / "curated"


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row.get("variant", "").strip()]


def glossary_ids(folder: Path) -> set[str]:
    ids: set[str] = set()
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            ids.update(tomllib.load(handle))
    return ids


def entities_from(rows, keep=lambda row: True) -> list[Entity]:
    by_id: dict[str, Entity] = {}
    for row in rows:
        if not keep(row):
            continue
        entity = by_id.get(row["entity_id"])
        if entity is None:
            entity = by_id[row["entity_id"]] = Entity(row["entity_id"], row["type"], row["entity_id"])
        entity.variants.append(Variant(row["lang"], row["variant"], row["source"]))
    return list(by_id.values())


class Tally:
    def __init__(self) -> None:
        self.n = self.top1 = self.top3 = 0
        self.misses: list[str] = []

    def add(self, row, candidates) -> None:
        ids = [c.entity_id for c in candidates]
        self.n += 1
        self.top1 += bool(ids[:1] == [row["entity_id"]])
        self.top3 += row["entity_id"] in ids[:3]
        if ids[:1] != [row["entity_id"]]:
            first = candidates[0] if candidates else None
            got = f"{first.entity_id} {first.score:.2f} via {first.variant!r}" if first else "nothing"
            self.misses.append(f"{row['lang']} {row['variant']!r} ({row['entity_id']}, {row['source']}) -> {got}")

    def line(self, name: str, goal: float) -> str:
        t1 = self.top1 / max(1, self.n)
        t3 = self.top3 / max(1, self.n)
        flag = "ok" if t1 >= goal else "BELOW GOAL"
        return f"{name:<34} top-1 {t1:.3f}  top-3 {t3:.3f}  (n={self.n}; goal top-1 >= {goal}) {flag}"


def same_language(rows, inside: set[str]) -> Tally:
    """Hold one spelling (all rows with its normal form) out of the glossary; query it."""
    tally = Tally()
    known = [r for r in rows if r["entity_id"] in inside]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in known:
        groups[(row["entity_id"], normalize(row["variant"], row["lang"]))].append(row)
    for (entity_id, norm), held in groups.items():
        others = [r for r in known if not (r["entity_id"] == entity_id and normalize(r["variant"], r["lang"]) == norm)]
        if not any(r["entity_id"] == entity_id for r in others):
            continue
        matcher = Matcher.from_entities(entities_from(others), include_canonical=False)
        for row in held:
            tally.add(row, matcher.match(row["variant"], row["lang"], top=3))
    return tally


def cross_script(rows, inside: set[str], query_arabic: bool) -> tuple[Tally, Tally]:
    """Glossary in one script only; queries in the other. Second tally leaves acronym rows out."""
    known = [r for r in rows if r["entity_id"] in inside]
    glossary = entities_from(known, lambda r: (r["lang"] == "ar") != query_arabic)
    matcher = Matcher.from_entities(glossary, include_canonical=False)
    every, spelled = Tally(), Tally()
    for row in known:
        if (row["lang"] == "ar") != query_arabic:
            continue
        candidates = matcher.match(row["variant"], row["lang"], top=3)
        every.add(row, candidates)
        if row["source"] != "acronym":
            spelled.add(row, candidates)
    return every, spelled


def latin_to_arabic_with_canonical(rows, inside: set[str]) -> Tally:
    """As a glossary file with only Arabic spellings would be used: its canonical names are kept."""
    canonical: dict[str, str] = {}
    for path in sorted(GLOSSARIES.glob("*.toml")):
        with path.open("rb") as handle:
            canonical.update({k: v.get("canonical", k) for k, v in tomllib.load(handle).items()})
    known = [r for r in rows if r["entity_id"] in inside]
    glossary = entities_from(known, lambda r: r["lang"] == "ar")
    for entity in glossary:
        entity.canonical = canonical.get(entity.id, entity.id)
    matcher = Matcher.from_entities(glossary)
    tally = Tally()
    for row in known:
        if row["lang"] != "ar":
            tally.add(row, matcher.match(row["variant"], row["lang"], top=3))
    return tally


def false_accepts(rows, inside: set[str]) -> tuple[int, int, list[str]]:
    known = [r for r in rows if r["entity_id"] in inside]
    matcher = Matcher.from_entities(entities_from(known), include_canonical=False)
    bad, n, lines = 0, 0, []
    for row in rows:
        if row["entity_id"] in inside:
            continue
        n += 1
        candidates = matcher.match(row["variant"], row["lang"], top=2)
        if candidates and candidates[0].accepted:
            bad += 1
            c = candidates[0]
            lines.append(f"{row['lang']} {row['variant']!r} ({row['entity_id']}) accepted as {c.entity_id} "
                         f"{c.score:.2f} via {c.variant!r}")
    return bad, n, lines


def accepted_correct(rows, inside: set[str]) -> tuple[int, int]:
    """How often a cross-script query comes back accepted and right (information, no goal)."""
    known = [r for r in rows if r["entity_id"] in inside]
    matcher = Matcher.from_entities(entities_from(known, lambda r: r["lang"] != "ar"), include_canonical=False)
    good = n = 0
    for row in known:
        if row["lang"] != "ar":
            continue
        n += 1
        candidates = matcher.match(row["variant"], row["lang"], top=1)
        good += bool(candidates and candidates[0].accepted and candidates[0].entity_id == row["entity_id"])
    return good, n


def accuracy(show_failures: bool, dev: bool = False) -> None:
    if dev:  # our own second set: every fourth entity plays the stranger
        rows = load_gold(DEV)
        ids = sorted({r["entity_id"] for r in rows})
        inside = {e for i, e in enumerate(ids) if i % 4 != 3}
        print(f"dev set {DEV.name}: {len(rows)} spellings of {len(ids)} entities, {len(inside)} in the glossary")
    else:
        rows = load_gold(GOLD)
        inside = glossary_ids(GLOSSARIES) & {r["entity_id"] for r in rows}
        print(f"gold: {len(rows)} spellings of {len({r['entity_id'] for r in rows})} entities, "
              f"{len(inside)} in the curated glossary")
    same = same_language(rows, inside)
    print(same.line("same language (hold one out)", 0.95))
    ar_all, ar_spelled = cross_script(rows, inside, query_arabic=True)
    print(ar_all.line("cross-script ar -> latin", 0.9))
    print(ar_spelled.line("  (acronym rows left out)", 0.9))
    lat_all, lat_spelled = cross_script(rows, inside, query_arabic=False)
    print(lat_all.line("cross-script latin -> ar", 0.9))
    print(lat_spelled.line("  (acronym rows left out)", 0.9))
    if not dev:
        print(latin_to_arabic_with_canonical(rows, inside).line("  (canonical English names kept)", 0.9))
    bad, n, lines = false_accepts(rows, inside)
    rate = bad / max(1, n)
    print(f"{'false accepts (strangers)':<34} {rate:.3f}  ({bad} of {n}; goal <= 0.02) "
          f"{'ok' if rate <= 0.02 else 'ABOVE GOAL'}")
    good, total = accepted_correct(rows, inside)
    print(f"{'accepted and right, ar -> latin':<34} {good / max(1, total):.3f}  "
          "(information: links made without review)")
    if show_failures:
        for title, tally in [("same language", same), ("ar -> latin", ar_all), ("latin -> ar", lat_all)]:
            print(f"\n-- misses: {title}")
            for line in tally.misses:
                print("  " + line)
        print("\n-- false accepts")
        for line in lines:
            print("  " + line)


# ---- speed on a generated glossary ---------------------------------------------------------------

# given names (Arabic, English, French): frequent tokens, as in real glossaries
_GIVEN = [line.split("|") for line in """محمد|Mohammed|Mohamed
أحمد|Ahmed|Ahmad
علي|Ali|Ali
حسن|Hassan|Hasan
حسين|Hussein|Houssein
عمر|Omar|Omar
خالد|Khaled|Khalid
يوسف|Yousef|Youssef
إبراهيم|Ibrahim|Ibrahim
مصطفى|Mustafa|Moustafa
محمود|Mahmoud|Mahmud
سعيد|Saeed|Said
فاضل|Fadel|Fadhel
جاسم|Jassim|Jasim
قاسم|Qassem|Kassem
كاظم|Kadhim|Kazem
ماجد|Majid|Majed
نوري|Nouri|Nuri
هادي|Hadi|Hadi
حيدر|Haider|Haidar
عباس|Abbas|Abbas
جعفر|Jaafar|Jafar
صادق|Sadiq|Sadek
جواد|Jawad|Jaouad
طارق|Tariq|Tarek
عادل|Adel|Adil
عمار|Ammar|Ammar
ليث|Laith|Layth
ناصر|Nasser|Nasir
منصور|Mansour|Mansur
سليمان|Suleiman|Soulaimane
داود|Dawood|Daoud
حمزة|Hamza|Hamzah
وليد|Walid|Waleed
رشيد|Rashid|Rachid
صالح|Saleh|Salih
صلاح|Salah|Salah
فلاح|Falah|Falah
غازي|Ghazi|Ghazi
مهدي|Mahdi|Mehdi
عبد الله|Abdullah|Abdallah
عبد الرحمن|Abdul Rahman|Abderrahmane
عبد الكريم|Abdul Karim|Abdelkarim""".splitlines()]

# consonants: Arabic letter, English spelling, French spelling
_CONSONANTS = [("ب", "b", "b"), ("ت", "t", "t"), ("ث", "th", "th"), ("ج", "j", "dj"), ("ح", "h", "h"),
               ("خ", "kh", "kh"), ("د", "d", "d"), ("ذ", "dh", "z"), ("ر", "r", "r"), ("ز", "z", "z"),
               ("س", "s", "ss"), ("ش", "sh", "ch"), ("ص", "s", "s"), ("ض", "d", "dh"), ("ط", "t", "t"),
               ("ظ", "dh", "z"), ("ع", "'", ""), ("غ", "gh", "gh"), ("ف", "f", "f"), ("ق", "q", "k"),
               ("ك", "k", "k"), ("ل", "l", "l"), ("م", "m", "m"), ("ن", "n", "n"), ("ه", "h", "h")]
# word patterns: Arabic template, English template, French template (1 2 3 = root consonants)
_PATTERNS = [("1ا23", "1a2i3", "1a2e3"), ("12ي3", "1a2ee3", "1a2i3"), ("12ا3", "1a2a3", "1a2a3"),
             ("م12و3", "ma12u3", "ma12ou3"), ("12و3", "1a2u3", "1a2ou3"), ("1ا2و3", "1a2u3", "1a2ou3")]


def _surname(rng: random.Random) -> tuple[str, str, str]:
    """A made-up nisba surname from a random root: ال...ي / al-...i / al-...i."""
    root = [rng.choice(_CONSONANTS) for _ in range(3)]
    arabic, english, french = rng.choice(_PATTERNS)
    for n, (ar, en, fr) in enumerate(root, start=1):
        arabic, english, french = (arabic.replace(str(n), ar), english.replace(str(n), en),
                                   french.replace(str(n), fr))
    english = english.strip("'").capitalize()
    french = french.capitalize()
    return "ال" + arabic + "ي", "al-" + english + "i", "al-" + french + "i"


def generated_glossary(n_variants: int, seed: int = 7) -> tuple[list[Entity], list[tuple[str, str, str | None]]]:
    """Person-like entities: one or two frequent given names and a made-up surname, ar / fr / en.

    Queries: (text, lang, entity id or None for a stranger whose surname is no entity's).
    """
    rng = random.Random(seed)
    entities: list[Entity] = []
    queries: list[tuple[str, str]] = []
    seen: set[str] = set()
    count = 0
    while count < n_variants:
        given = rng.sample(_GIVEN, rng.choice((1, 1, 2)))
        ar_s, en_s, fr_s = _surname(rng)
        arabic = " ".join([g[0] for g in given] + [ar_s])
        english = " ".join([g[1] for g in given] + [en_s])
        french = " ".join([g[2] for g in given] + [fr_s])
        norms = {normalize(text, "") for text in (arabic, english, french, en_s, ar_s)}
        if norms & seen:  # one owner per spelling, as in a valid glossary
            continue
        seen.update(norms)
        variants = [Variant("ar", arabic), Variant("fr", french), Variant("en", english),
                    Variant("en", en_s), Variant("ar", ar_s)]
        entities.append(Entity(f"gen-{len(entities)}", "person", english, variants=variants))
        count += len(norms)  # distinct spellings: what the index holds
        if rng.random() < 0.25:
            entity_id = entities[-1].id
            queries.append(("و" + arabic, "ar", entity_id))
            queries.append((french.replace("ou", "u"), "fr", entity_id))
            queries.append((en_s, "en", entity_id))
            stranger = _surname(rng)
            if {normalize(stranger[0], "ar"), normalize(stranger[1], "en")} & seen:
                continue  # not a stranger: that surname exists
            queries.append((given[0][0] + " " + stranger[0], "ar", None))  # a surname no entity has
            queries.append((given[0][1] + " " + stranger[1], "en", None))
    return entities, queries


def speed(n_variants: int, n_queries: int) -> None:
    entities, queries = generated_glossary(n_variants)
    rng = random.Random(11)
    queries = list(dict.fromkeys(queries))  # every query distinct: no cache flatters the figure
    rng.shuffle(queries)
    queries = queries[:n_queries]
    from workbench.names.forms import analyse
    from workbench.names.translit import key

    for cached in (normalize, key, analyse):  # the generator warmed them: measure a cold build
        cached.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    matcher = Matcher.from_entities(entities)
    build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{'index build':<34} {build_cpu:.2f} s CPU ({build:.2f} s wall) for {len(matcher):,} variants of "
          f"{len(entities):,} entities (goal < 10 s) {'ok' if build_cpu < 10 else 'ABOVE GOAL'}")
    start, cpu = time.perf_counter(), time.process_time()
    results = [matcher.match(text, lang, top=5) for text, lang, _ in queries]
    elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - cpu
    qps, qps_cpu = len(queries) / elapsed, len(queries) / elapsed_cpu
    print(f"{'batch match':<34} {qps_cpu:,.0f} queries per CPU second ({qps:,.0f}/s wall) over "
          f"{len(queries):,} queries (goal >= 2,000) {'ok' if qps_cpu >= 2000 else 'BELOW GOAL'}")
    strangers = [r for r, (_, _, want) in zip(results, queries) if want is None]
    known = [(r, want) for r, (_, _, want) in zip(results, queries) if want is not None]
    wrong = sum(bool(r and r[0].accepted) for r in strangers)
    right = sum(bool(r and r[0].entity_id == want) for r, want in known)
    print(f"{'  generated: strangers accepted':<34} {wrong / max(1, len(strangers)):.3f} of {len(strangers):,} "
          f"(information: made-up surnames often sit one letter from another or transliterate alike)")
    print(f"{'  generated: known names top-1':<34} {right / max(1, len(known)):.3f} of {len(known):,} (information)")
    small = Matcher.from_entities(entities[:10_000])
    picks = ["kaz", "kazimi", "مصط", "jabou", "al-dul", "حسين ال", "abd al-kar", "sad", "m", "bagh"]
    small.search("warm up", limit=1)  # the picker's sorted lists are built on first use
    times = []
    for i in range(400):
        text = picks[i % len(picks)]
        t0 = time.process_time()
        small.search(text, limit=20)
        times.append(time.process_time() - t0)
    times.sort()
    p95 = times[int(len(times) * 0.95)] * 1000
    print(f"{'entity picker search (10k ent.)':<34} p95 {p95:.1f} ms CPU (goal < 30 ms) "
          f"{'ok' if p95 < 30 else 'ABOVE GOAL'}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak RSS':<34} {rss:.0f} MB (goal < 500 MB) {'ok' if rss < 500 else 'ABOVE GOAL'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="accuracy only")
    parser.add_argument("--failures", action="store_true", help="list misses and false accepts")
    parser.add_argument("--dev", action="store_true", help="also run on bench/data/names_dev.tsv")
    parser.add_argument("--variants", type=int, default=100_000, help="size of the generated glossary")
    parser.add_argument("--queries", type=int, default=20_000, help="batch size for the speed test")
    args = parser.parse_args()
    if GOLD.exists():
        accuracy(args.failures)
    else:
        print(f"{GOLD} not found: accuracy skipped")
    if args.dev:
        print()
        accuracy(args.failures, dev=True)
    if not args.quick:
        speed(args.variants, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
