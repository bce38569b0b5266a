"""OmegaT glossaries: one tab-separated file per source language, read back, foreign files, errors."""

from __future__ import annotations

import pytest

from tests.test_glossary_tbx import sample_entities
from workbench.errors import UserError
from workbench.glossary.model import Entity, Variant
from workbench.glossary.formats.omegat import read_omegat, write_omegat


def test_one_file_per_source_language(tmp_path):
    written = write_omegat(sample_entities(), tmp_path / "names.txt")
    assert written == [tmp_path / "names.ar.txt", tmp_path / "names.fr.txt"]
    assert not (tmp_path / "names.txt").exists()
    ar = (tmp_path / "names.ar.txt").read_text(encoding="utf-8").splitlines()
    assert ar[0] == "# Glossary in tab-separated format -*- coding: utf-8 -*-"
    rows = [line.split("\t") for line in ar if not line.startswith("#")]
    assert rows[0] == ["مصطفى الكاظمي", "Mustafa al-Kadhimi",
                       "mustafa-al-kadhimi (person); also: Kadhimi; wikidata: Q56525466; "
                       "note: Prime Minister of Iraq 2020-2022 & head of the <INIS>."]
    assert ["الحسكة", "Hasakah", "hasakah (place); also: Hasaka | Al-Hasakah"] in rows
    assert all(len(r) == 3 for r in rows) and len(rows) == 5  # the English-only entity has no line
    fr = (tmp_path / "names.fr.txt").read_text(encoding="utf-8")
    assert "Daech\tIslamic State\tislamic-state (org); also: ISIS | \"IS\"; wikidata: Q2429253\n" in fr


def test_round_trip_per_language(tmp_path):
    write_omegat(sample_entities(), tmp_path / "names.txt")
    ar = {e.id: e for e in read_omegat(tmp_path / "names.ar.txt")}
    fr = {e.id: e for e in read_omegat(tmp_path / "names.fr.txt")}
    for entity in sample_entities()[:3]:
        for side, lang in ((ar, "ar"), (fr, "fr")):
            back = side[entity.id]
            assert (back.type, back.canonical) == (entity.type, entity.canonical)
            assert back.spellings(lang) == entity.spellings(lang)
            assert back.spellings("en") == entity.spellings("en")  # the canonical is listed first in both


def test_named_language_writes_one_file(tmp_path):
    assert write_omegat(sample_entities(), tmp_path / "glossary-fr.utf8") == [tmp_path / "glossary-fr.utf8"]
    entities = read_omegat(tmp_path / "glossary-fr.utf8")
    assert {v.lang for e in entities for v in e.variants} == {"fr", "en"}


def test_existing_file_stops_every_file(tmp_path):
    (tmp_path / "names.fr.txt").write_text("old")
    with pytest.raises(UserError, match="names.fr.txt: already exists; pass --force"):
        write_omegat(sample_entities(), tmp_path / "names.txt")
    assert not (tmp_path / "names.ar.txt").exists() and (tmp_path / "names.fr.txt").read_text() == "old"
    write_omegat(sample_entities(), tmp_path / "names.txt", force=True)
    assert (tmp_path / "names.fr.txt").read_text(encoding="utf-8").startswith("#")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_tabs_and_line_breaks_in_terms_are_flattened(tmp_path):
    entity = Entity("raqqa", "place", "Raqqa", variants=[Variant("fr", "Ra\tqqa\nville"), Variant("en", "Raqqa")])
    write_omegat([entity], tmp_path / "x.fr.txt")
    lines = (tmp_path / "x.fr.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "Ra qqa ville\tRaqqa\traqqa (place)"


def test_foreign_glossary_without_workbench_comments_is_taught(tmp_path):
    path = tmp_path / "omegat-project-glossary.txt"
    path.write_text("\ufeff# made by hand\n\nالحسكة\tHasakah\n  Hassaké \t Hasakah \tville syrienne\n"
                    "Daech\tIslamic State\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_omegat(path)
    message = str(caught.value)
    assert message.startswith("3 problems, nothing was imported:")
    assert f'{path}:3: the third column must name the entity as "ID (TYPE)", such as "hasakah (place)"' in message
    assert f"{path}:4: " in message and "found 'ville syrienne'" in message
    assert f'{path}:5: the third column must name the entity as "ID (TYPE)", such as "islamic-state (place)"' in message
    path.write_text("الحسكة\tHasakah\thasakah (place)\n  Hassaké \t Hasakah \thasakah (place)\n", encoding="utf-8")
    [hasakah] = read_omegat(path)
    assert sorted((v.lang, v.text) for v in hasakah.variants) == [
        ("ar", "الحسكة"), ("en", "Hasakah"), ("fr", "Hassaké")]


def test_canonical_only_note_and_wikidata_survive(tmp_path):
    entity = Entity("al-qaeda", "org", "al-Qaeda", wikidata="Q34490", note="Network; founded 1988",
                    variants=[Variant("ar", "القاعدة"), Variant("en", "Al-Qaida")])
    write_omegat([entity], tmp_path / "x.ar.txt")
    [back] = read_omegat(tmp_path / "x.ar.txt")
    assert (back.canonical, back.wikidata, back.note) == ("al-Qaeda", "Q34490", "Network; founded 1988")
    assert sorted((v.lang, v.text) for v in back.variants) == [("ar", "القاعدة"), ("en", "Al-Qaida")]


@pytest.mark.parametrize("content, message", [
    ("Hassaké\n", "g.txt:1: expected a source term, a tab and an English term"),
    ("# c\nHassaké\tHasakah\thasakah (place)\nHassakeh\tHasaka\thasakah (place)\n",
     "g.txt:3: entity 'hasakah' has the English term 'Hasaka' here but 'Hasakah' on line 2"),
    ("Hassaké\tHasakah\ta (place)\nHassaké\tRaqqa\tb (place)\n",
     "g.txt:2: \"Hassaké\" \\(fr\\) is claimed by \"a\" \\(line 1\\) and \"b\""),
])
def test_bad_lines(tmp_path, content, message):
    path = tmp_path / "g.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        read_omegat(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "g.txt"
    path.write_bytes("Hassaké\tHasakah\n".encode("utf-8") + "Alep\tAleppo é\n".encode("latin-1"))
    with pytest.raises(UserError, match="g.txt:2: not UTF-8"):
        read_omegat(path)


def test_registered_format(tmp_path):
    from workbench.glossary import formats

    fmt = formats.for_path(tmp_path / "glossary.ar.txt")
    assert fmt.name == "omegat"
    fmt.write(sample_entities(), tmp_path / "glossary.ar.txt")
    assert {e.id for e in fmt.read(tmp_path / "glossary.ar.txt")} == {"mustafa-al-kadhimi", "hasakah",
                                                                       "islamic-state"}
