"""Human English versions: sentence alignment (1:1, 2:1, 1:2, 1:0, 0:1) and storage at import."""

from __future__ import annotations

from tests.test_translate_support import import_jsonl
from workbench.corpus.bitext import Bead, align, to_rows

SRC = [
    "Les combats se poursuivaient dimanche autour de la prison de Ghwayran, à Hassaké.",
    "Selon les FDS, quelque 3.500 détenus se trouvaient dans l'établissement au moment de l'attaque.",
    "Les FDS affirment avoir repris plusieurs bâtiments.",
    "Une aile du complexe reste aux mains des assaillants.",
    "Des milliers d'habitants ont fui vers le centre de Hassaké ou vers le village de Tell Qarmana.",
]
EN = [
    "Fighting continued on Sunday around Ghwayran prison in Hasakah.",
    "According to the SDF, some 3,500 inmates were in the facility at the time of the attack.",
    "The SDF say they have retaken several buildings.",
    "One wing of the complex remains in the attackers' hands.",
    "Thousands of residents fled to the centre of Hasakah or to the village of Tell Qarmana.",
]


def texts(rows):
    return [(r.text, r.merged) for r in rows]


def test_one_to_one_when_lengths_correspond():
    beads = align(SRC, EN)
    assert beads == [Bead((i,), (i,)) for i in range(5)]
    assert texts(to_rows(beads, EN, 5)) == [(e, False) for e in EN]


def test_two_source_sentences_one_english():
    en = EN[:2] + [EN[2][:-1] + ", but " + EN[3][0].lower() + EN[3][1:]] + EN[4:]
    rows = to_rows(align(SRC, en), en, 5)
    assert texts(rows) == [(en[0], False), (en[1], False), (en[2], False), ("", True), (en[3], False)]


def test_one_source_sentence_two_english():
    src = SRC[:2] + [SRC[2][:-1] + ", mais une aile du complexe reste aux mains des assaillants."] + SRC[4:]
    rows = to_rows(align(src, EN), EN, 4)
    assert texts(rows) == [(EN[0], False), (EN[1], False), (EN[2] + " " + EN[3], False), (EN[4], False)]


def test_source_sentence_without_english():
    dropped = ("Le ministère de l'Intérieur a rappelé que les familles des détenus n'avaient reçu "
               "aucune information officielle depuis le début des combats.")
    src = SRC[:2] + [dropped] + SRC[4:]
    en = EN[:2] + EN[4:]
    rows = to_rows(align(src, en), en, 4)
    assert texts(rows) == [(EN[0], False), (EN[1], False), ("", False), (EN[4], False)]


def test_extra_english_sentence_is_attached_to_a_neighbour():
    extra = "The prison is the largest holding ISIS suspects in the world, and it has been attacked before."
    en = EN[:2] + [extra] + EN[2:]
    rows = to_rows(align(SRC, en), en, 5)
    joined = " ".join(r.text for r in rows)
    assert joined == " ".join(en)  # nothing lost, order kept
    assert sum(1 for r in rows if extra in r.text) == 1 and all(r.text for r in rows)
    # at the very start it goes with the first sentence
    en = [extra] + EN
    rows = to_rows(align(SRC, en), en, 5)
    assert rows[0].text == extra + " " + EN[0]


def test_empty_sides():
    assert texts(to_rows(align(SRC[:2], []), [], 2)) == [("", False), ("", False)]
    assert align([], EN[:1]) == [Bead((), (0,))]


def test_arabic_with_longer_english():
    ar = ["قُتل أحد عشر جندياً من الجيش العراقي فجر الجمعة في هجوم على موقع عسكري في ديالى.",
          "ووصل رئيس الوزراء مصطفى الكاظمي إلى ديالى.", "واجتمع بالقادة الميدانيين.",
          "وقال: «لن تمرّ هذه الجريمة دون عقاب»."]
    en = ["Eleven Iraqi army soldiers were killed at dawn on Friday in an attack on a military post in Diyala.",
          "Prime Minister Mustafa al-Kadhimi arrived in Diyala and met field commanders.",
          "He said: \"This crime will not go unpunished.\""]
    rows = to_rows(align(ar, en), en, 4)
    assert texts(rows) == [(en[0], False), (en[1], False), ("", True), (en[2], False)]


def test_import_stores_human_rows_and_indexes_them(db, tmp_path):
    article = {"text": " ".join(SRC), "lang": "fr", "translation": " ".join(EN[:3] + EN[4:])}
    article["translation"] = " ".join(EN[:3] + [EN[3].replace("One wing", "A wing")] + EN[4:])
    plain = {"text": "Un autre article sans version anglaise. Deux phrases.", "lang": "fr"}
    english = {"text": "An English article. It passes through.", "translation": "ignored", "lang": "en"}
    ids = import_jsonl(db, tmp_path, [article, plain, english])
    rows = db.execute(
        """SELECT s.article_id, t.engine, t.text, t.merged, t.model, t.score FROM segments s
           LEFT JOIN translations t ON t.segment_id = s.id ORDER BY s.id""").fetchall()
    human = [r for r in rows if r[0] == ids[0]]
    assert [r[1] for r in human] == ["human"] * 5
    assert [r[2] for r in human] == [EN[0], EN[1], EN[2], EN[3].replace("One wing", "A wing"), EN[4]]
    assert all(r[4] is None and r[5] is None for r in human)
    assert [r[1] for r in rows if r[0] == ids[1]] == [None, None]  # left for machine translation
    assert {r[1] for r in rows if r[0] == ids[2]} == {"source"}
    found = db.execute("SELECT rowid FROM segments_fts WHERE segments_fts MATCH 'english:Qarmana'").fetchall()
    fifth = db.execute("SELECT id FROM segments WHERE article_id = ? AND seq = 4", [ids[0]]).fetchone()
    assert found == [fifth]


def test_a_bad_file_stores_no_human_rows(db, tmp_path):
    good = {"text": " ".join(SRC), "lang": "fr", "translation": " ".join(EN)}
    path = tmp_path / "bad.jsonl"
    import json
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    from workbench.corpus.importer import import_paths

    summary = import_paths(db.conn, [path])
    assert summary.rejected and db["translations"].count == 0 and db["articles"].count == 0
