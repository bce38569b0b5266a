"""Property: any valid glossary round-trips through TOML, CSV, TBX and OmegaT files unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from workbench.glossary import formats, rules  # noqa: E402
from workbench.glossary.model import ENTITY_TYPES, Entity, Variant  # noqa: E402

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàéèçîôûÉœ'-.&<>\"\\"
ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويةءآأإىئؤ"


def words(alphabet: str):
    word = st.text(alphabet, min_size=1, max_size=8).filter(lambda w: any(c.isalpha() for c in w))
    return st.lists(word, min_size=1, max_size=3).map(" ".join)


@st.composite
def glossaries(draw):
    count = draw(st.integers(1, 4))
    entities, claimed = [], set()
    from workbench.names.normalize import normalize

    for index in range(count):
        canonical = draw(words(LATIN))
        variants = []
        for lang, alphabet, low in (("ar", ARABIC, 1), ("fr", LATIN, 0), ("en", LATIN, 0)):
            for text in draw(st.lists(words(alphabet), min_size=low, max_size=3, unique=True)):
                key = (lang, normalize(text, lang))
                if key[1] and key not in claimed and not rules.spelling_problem(lang, text):
                    claimed.add(key)
                    variants.append(Variant(lang, text))
        if not any(v.lang in ("ar", "fr") for v in variants):
            continue  # OmegaT files list an entity through its Arabic or French spellings
        wikidata = draw(st.one_of(st.none(), st.integers(1, 10**8).map(lambda n: f"Q{n}")))
        note = draw(st.one_of(st.none(), words(LATIN + ";:,()0123456789")))
        entity = Entity(f"e{index}-{rules.suggest_id(canonical) or 'x'}"[:60].rstrip("-"),
                        draw(st.sampled_from(ENTITY_TYPES)), canonical, wikidata=wikidata, note=note,
                        variants=variants)
        if rules.canonical_problem(canonical):
            continue
        entities.append(entity)
    return entities


def _summary(entities):
    return {e.id: (e.type, e.canonical, e.wikidata, e.note, sorted((v.lang, v.text) for v in e.variants))
            for e in entities}


def _merged(parts):
    """Entities read from several files of one export (OmegaT: one file per language), joined by id."""
    out: dict[str, Entity] = {}
    for entity in parts:
        mine = out.setdefault(entity.id, Entity(entity.id, entity.type, entity.canonical, entity.wikidata,
                                                entity.note))
        mine.variants += [v for v in entity.variants
                          if (v.lang, v.text) not in {(w.lang, w.text) for w in mine.variants}]
    return list(out.values())


@pytest.mark.parametrize("suffix", [".toml", ".csv", ".tbx", ".txt"])
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(entities=glossaries())
def test_random_glossaries_round_trip(suffix, entities):
    assert not rules.validate(entities, "<generated>")
    expected = _summary(entities)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"g{suffix}"
        fmt = formats.for_path(out)
        fmt.write(entities, out)
        files = sorted(Path(folder).glob("g.*.txt")) if suffix == ".txt" else [out]
        back = _merged(e for path in files for e in fmt.read(path))
    assert _summary(back) == expected
