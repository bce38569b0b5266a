"""Incremental alignment: after each decision the links equal a full re-align, and align then does nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.align.run import align_articles
from workbench.glossary.bundled import load_files
from workbench.review.decisions import decide, undo
from workbench.store.db import connect
from workbench.store import implied

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def conn(db):
    from workbench.corpus.importer import import_paths

    c = db.conn
    import_paths(c, [ROOT / "workbench" / "sample" / "articles.jsonl"])
    load_files(c, sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml")))
    align_articles(c)
    return c


def snapshot(conn) -> dict:
    """Mentions with their links and candidates, keyed by span (ids and times left out)."""
    span = {mid: (sid, side, start, end) for mid, sid, side, start, end in conn.execute(
        "SELECT id, segment_id, side, start, end FROM mentions")}
    out = {}
    for mid, surface, norm, lang, detector, prefix, cp, eid, status, score, why, proposal, by in conn.execute(
            f"""SELECT m.id, m.surface, m.norm, m.lang, {implied.detector()}, m.prefix, m.counterpart_id, l.entity_id,
                      l.status, l.score, l.why, l.proposal, {implied.decided_by()}
               FROM mentions m LEFT JOIN links l ON l.mention_id = m.id"""):
        cands = conn.execute("SELECT rank, entity_id, score, variant, why FROM candidates WHERE mention_id = ?"
                             " ORDER BY rank", (mid,)).fetchall()
        out[span[mid]] = (surface, norm, lang, detector, prefix, span.get(cp), eid, status, score, why, proposal,
                          by, cands)
    return out


def full_realign(conn, tmp_path) -> dict:
    """The same database aligned again from scratch (``align --force``), as a snapshot."""
    copy = connect(tmp_path / f"full-{len(list(tmp_path.iterdir()))}.db")
    conn.backup(copy)
    align_articles(copy, force=True)
    out = snapshot(copy)
    copy.close()
    return out


def pick(conn, where: str, *args) -> int:
    row = conn.execute(
        f"""SELECT m.id FROM mentions m JOIN links l ON l.mention_id = m.id WHERE {implied.auto()} AND {where}
            ORDER BY m.id LIMIT 1""", args).fetchone()
    assert row is not None, where
    return row[0]


def check(conn, tmp_path) -> None:
    assert snapshot(conn) == full_realign(conn, tmp_path)
    again = align_articles(conn)
    assert again.aligned == [] and again.skipped == conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture(params=["every pair reached", "matcher answers compared"])
def asking(request, monkeypatch):
    """Both ways the names the matcher reaches are narrowed: all of them, or (as on a big corpus, here
    at any size) only those the old and new glossary indexes answer differently about."""
    from workbench.align import affected

    monkeypatch.setattr(affected, "WORTH_ASKING", 10 ** 9 if request.param == "every pair reached" else 0)
    return request.param


def test_decisions_update_what_they_reach_like_a_full_realign(conn, tmp_path, asking):
    check(conn, tmp_path)
    # confirm a fuzzy link: its spelling is learned and reaches the other mentions spelled alike
    decide(conn, pick(conn, "l.status = 'suggested'"), "confirm")
    check(conn, tmp_path)
    # reject an exact link of one mention: the rejection reaches every mention of that spelling
    decide(conn, pick(conn, "l.status = 'accepted' AND m.side = 'source'"), "reject")
    check(conn, tmp_path)
    # correct an unknown name to an entity, for all mentions spelled alike
    decide(conn, pick(conn, "l.status = 'new' AND m.lang = 'fr'"), "correct", entity_id="mosul", all_same=True)
    check(conn, tmp_path)
    # a new entity from an unknown Arabic name
    made = decide(conn, pick(conn, "l.status = 'new' AND m.lang = 'ar'"), "new", canonical="Test Name",
                  entity_type="person", all_same=True)
    assert made.entity_id
    check(conn, tmp_path)
    decide(conn, pick(conn, "l.status IN ('accepted', 'suggested')"), "unsure")
    check(conn, tmp_path)
    undo(conn)  # the unsure
    undo(conn)  # the new entity goes away again
    check(conn, tmp_path)


def test_align_after_a_glossary_edit_reanalyses_only_what_it_reaches(conn, tmp_path):
    from workbench.glossary import store as glossary

    entity = conn.execute("SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    pairs = align_articles(conn, force=True).pairs
    glossary.add_variant(conn, entity, "fr", "Zzyzxville")  # in no article: only look-alike names are reached
    summary = align_articles(conn)
    assert summary.pairs < pairs / 4
    check(conn, tmp_path)
    unknown = pick(conn, "l.status = 'new' AND m.lang = 'fr'")
    surface = conn.execute("SELECT surface FROM mentions WHERE id = ?", (unknown,)).fetchone()[0]
    glossary.add_variant(conn, "mosul", "fr", surface)  # a name of the articles becomes a spelling
    summary = align_articles(conn)
    assert summary.aligned and summary.pairs < pairs
    check(conn, tmp_path)


def test_a_new_arabic_spelling_reaches_the_sentences_that_hold_it_with_a_proclitic(conn, tmp_path):
    """The index holds no text: the sentences are found by the spelling's bare word (والكلمة -> كلمة)."""
    from workbench.glossary import store as glossary
    from workbench.text.tokens import words

    def free_word() -> tuple[int, str]:
        for sid, text in conn.execute(
                "SELECT s.id, s.text FROM segments s JOIN articles a ON a.id = s.article_id WHERE a.lang = 'ar'"):
            spans = conn.execute("SELECT start, end FROM mentions WHERE segment_id = ? AND side = 'source'",
                                 (sid,)).fetchall()
            for tok in words(text):
                if tok.text.startswith("وال") and len(tok.text) >= 7 \
                        and not any(s < tok.end and tok.start < e for s, e in spans):
                    return sid, tok.text
        raise AssertionError("no Arabic word with a proclitic outside the mentions")

    sid, word = free_word()
    glossary.add_variant(conn, "mosul", "ar", word[1:])  # the glossary spells it with the article, without و
    summary = align_articles(conn)
    assert summary.aligned
    assert conn.execute("SELECT count(*) FROM mentions WHERE segment_id = ? AND surface = ?",
                        (sid, word)).fetchone() == (1,)
    check(conn, tmp_path)


def test_a_spelling_reaches_only_sentences_holding_all_its_words(conn):
    """A new person named with a common given name must not send every sentence with that name to re-analysis."""
    from workbench.align.affected import _by_norm, _by_text, _unglossed

    with_mosul = _by_text(conn, {("fr", "Mossoul")})
    assert with_mosul
    assert _by_text(conn, {("fr", "Zzyzx Mossoul")}) == set()  # every word must be there, not the longest one
    glossed = {r[0] for r in conn.execute(
        "SELECT norm FROM mentions WHERE detector IS NULL AND norm NOT IN "
        "(SELECT norm FROM mentions WHERE detector <> 'glossary')")}
    assert glossed and _unglossed(conn, glossed) == set()  # the matcher never scores those
    assert _by_norm(conn, glossed)


def test_a_spelling_of_common_words_reaches_only_sentences_where_they_stand_together(conn, tmp_path):
    """A phrase of common words (a new organisation named like a headline) is looked for with its words
    side by side, a proclitic or the article allowed, not anywhere in the sentence."""
    from tests.test_align_pipeline import add_article
    from workbench.align.affected import _by_text
    from workbench.glossary import store as glossary

    apart = add_article(conn, "ar", ["وقال الحرس إن الهجوم وقع قرب الحدود الشرقية للمدينة."], None)
    together = add_article(conn, "ar", ["وأعلنت والحرس الحدود مسؤوليتها عن الهجوم."], None)
    french = add_article(conn, "fr", ["La Garde des frontières a fermé la route.", "La garde a vu les frontières."], None)
    align_articles(conn)
    segs = {aid: [r[0] for r in conn.execute("SELECT id FROM segments WHERE article_id = ? ORDER BY seq", (aid,))]
            for aid in (apart, together, french)}
    assert _by_text(conn, {("ar", "الحرس الحدود")}) == {segs[together][0]}
    assert _by_text(conn, {("fr", "Garde des frontières")}) == {segs[french][0]}
    glossary.add_entity(conn, "border-guard", "org", "Border Guard")
    glossary.add_variant(conn, "border-guard", "ar", "الحرس الحدود")
    glossary.add_variant(conn, "border-guard", "fr", "Garde des frontières")
    align_articles(conn)
    check(conn, tmp_path)  # the same rows as a full re-align


def same_after_a_decision(conn, tmp_path, query: str, expected: list, reaching: str) -> None:
    """``query`` gives ``expected`` after the whole run, and still after a decision (the mention ``reaching``
    dismissed) that re-analyses only its pair; the rows are then those of a full re-align."""
    assert conn.execute(query).fetchall() == expected
    decide(conn, pick(conn, f"m.surface = '{reaching}'"), "not-a-name")
    assert conn.execute(query).fetchall() == expected
    check(conn, tmp_path)


def test_a_pair_analysed_again_remembers_the_names_of_the_pairs_before_it(conn, tmp_path, monkeypatch):
    """A decision re-analyses only the pairs it reaches, but a name seen earlier in the article (the
    colonel, then his surname alone) must be found there as a full re-align finds it."""
    from tests.test_align_pipeline import add_article
    from workbench.align import run

    add_article(conn, "fr", ["Le colonel Dureid Saeed a parlé à la presse.",
                             "Saeed a ajouté que la situation à Zzyzxville est calme."], None)
    align_articles(conn)
    surnames = "SELECT count(*) FROM mentions WHERE surface = 'Saeed'"
    assert conn.execute(surnames).fetchone() == (1,)  # remembered from the first sentence
    analysed = []
    real = run.store_article

    def counted(conn, ctx, article_id, found, groups, only, *rest):
        analysed.extend(sid for sources, _ in groups for sid, _ in sources)
        return real(conn, ctx, article_id, found, groups, only, *rest)

    monkeypatch.setattr(run, "store_article", counted)
    decide(conn, pick(conn, "m.surface = 'Zzyzxville'"), "not-a-name")  # reaches the second sentence
    second = conn.execute("SELECT segment_id FROM mentions WHERE surface = 'Saeed'").fetchone()
    assert second is not None and second[0] in analysed  # analysed again, and still found
    assert conn.execute(surnames).fetchone() == (1,)
    check(conn, tmp_path)


def test_a_pair_analysed_again_remembers_the_longer_names_and_the_people_before_it(conn, tmp_path):
    """حزب الله after كتائب حزب الله, الصدر after مقتدى الصدر: found alike when a decision re-analyses only
    the later pair."""
    from tests.test_align_pipeline import add_article

    add_article(conn, "ar", ["وقصفت الطائرات مقرا لكتائب حزب الله وانتقد مقتدى الصدر القصف.",
                             "ورد حزب الله وقال مقرب من الصدر إن الشيخ فرحان الزيزفوني وصل."], None)
    align_articles(conn)
    later = """SELECT l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
               WHERE m.surface IN ('حزب الله', 'الصدر') ORDER BY m.start"""
    expected = [("kataib-hezbollah", "suggested"), ("muqtada-al-sadr", "suggested")]
    same_after_a_decision(conn, tmp_path, later, expected, "فرحان الزيزفوني")  # reaches the second sentence only


def test_a_new_entity_reaches_only_the_names_the_matcher_answers_differently_about(conn, tmp_path, monkeypatch):
    """A new entity moves every matcher score a little; comparing the old and new indexes' answers keeps
    the re-analysis to the names whose answer the aligner reads differently, with the same result."""
    from workbench.align import affected, run

    twin = connect(tmp_path / "twin.db")
    conn.backup(twin)
    reached: list[int] = []
    segments = affected.segments
    monkeypatch.setattr(run.affected, "segments", lambda *a: reached.append(
        sum(map(len, (out := segments(*a)).values()))) or out)
    mention = pick(conn, "l.status = 'new' AND m.lang = 'ar'")
    counts = []
    for db, asking in ((twin, 10 ** 9), (conn, 0)):
        monkeypatch.setattr(affected, "WORTH_ASKING", asking)
        reached.clear()
        decide(db, mention, "new", canonical="Test Name", entity_type="person")
        counts.append(sum(reached))
    assert 0 < counts[1] < counts[0]
    assert snapshot(conn) == snapshot(twin)
    check(conn, tmp_path)


def test_a_name_added_to_the_glossary_reaches_its_short_form_later_in_the_article(conn, tmp_path):
    """زهوان الجبوري, found by no cue, added to the glossary: «اعتقال الجبوري» two pairs later holds one
    word of it, but the article remembers the glossary person's family name, so the next align analyses
    that pair again and finds it, as a full re-align does."""
    from tests.test_align_pipeline import add_article
    from workbench.glossary import store as glossary

    add_article(conn, "ar", ["وأكد زهوان الجبوري أن الهجوم فشل.", "وعاد الهدوء إلى المدينة.",
                             "وجرت محاولة اعتقال الجبوري في منزله."], None)
    align_articles(conn)
    short = "SELECT l.entity_id FROM mentions m JOIN links l ON l.mention_id = m.id WHERE m.surface = 'الجبوري'"
    assert conn.execute(short).fetchall() == []
    glossary.add_entity(conn, "zahwan-al-jubouri", "person", "Zahwan al-Jubouri")
    glossary.add_variant(conn, "zahwan-al-jubouri", "ar", "زهوان الجبوري")
    align_articles(conn)
    assert conn.execute(short).fetchall() == [("zahwan-al-jubouri",)]
    check(conn, tmp_path)


def test_a_pair_analysed_again_remembers_the_head_of_a_french_glossary_name_before_it(conn, tmp_path):
    """le Cadre after le Cadre de coordination: a decision that reaches only the later pair finds and
    links it as a full re-align does (the earlier glossary name teaches the memory its head)."""
    from tests.test_align_pipeline import add_article
    from workbench.glossary import store as glossary

    glossary.add_entity(conn, "coordination-framework", "org", "Coordination Framework")
    glossary.add_variant(conn, "coordination-framework", "fr", "Cadre de coordination")
    add_article(conn, "fr", ["Le Cadre de coordination a rejeté la proposition.",
                             "Selon le Cadre, le vote aura lieu à Zzyzxville lundi."], None)
    align_articles(conn)
    later = "SELECT l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id WHERE m.surface = 'Cadre'"
    same_after_a_decision(conn, tmp_path, later, [("coordination-framework", "suggested")], "Zzyzxville")


def test_a_new_glossary_person_reaches_the_family_name_alone_in_other_articles(conn, tmp_path):
    """A glossary person's family name (a nisba) is a mention alone in any article: adding the person
    reaches the sentences that hold it alone, as a full re-align finds them."""
    from tests.test_align_pipeline import add_article
    from workbench.glossary import store as glossary

    add_article(conn, "ar", ["وأكد زهوان الجبوري أن الهجوم فشل."], None)
    add_article(conn, "ar", ["وقال الجبوري إن الطريق مفتوح."], None)
    align_articles(conn)
    alone = "SELECT l.entity_id FROM mentions m JOIN links l ON l.mention_id = m.id WHERE m.surface = 'الجبوري'"
    assert conn.execute(alone).fetchall() == []
    glossary.add_entity(conn, "zahwan-al-jubouri", "person", "Zahwan al-Jubouri")
    glossary.add_variant(conn, "zahwan-al-jubouri", "ar", "زهوان الجبوري")
    align_articles(conn)
    check(conn, tmp_path)
    assert conn.execute(alone).fetchall() == [("zahwan-al-jubouri",)]


def test_a_pair_analysed_again_remembers_a_part_the_article_called_the_longer_organisation(conn, tmp_path):
    """كتائب ميليشيا “حزب الله”, then “حزب الله” alone: the Kataib both times, when a decision re-analyses
    only the later pair as when the whole article is aligned."""
    from tests.test_align_pipeline import add_article

    add_article(conn, "ar", ["وقصفت الطائرات كتائب ميليشيا “حزب الله” في العراق.",
                             "واستهدفت الغارات منشآت يستخدمها “حزب الله” قرب بلدة الزيزفونة."], None)
    align_articles(conn)
    parts = """SELECT l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
               WHERE m.surface = 'حزب الله' ORDER BY m.segment_id"""
    same_after_a_decision(conn, tmp_path, parts, [("kataib-hezbollah", "suggested")] * 2, "الزيزفونة")


def test_a_headline_calls_by_a_part_the_longer_organisation_the_article_names_later(conn, tmp_path):
    """“حزب الله” in the headline, كتائب حزب الله further on: the headline's is the Kataib (suggested, not
    Hezbollah accepted), in a whole run and when a decision re-analyses the headline alone; an article
    that names no longer one keeps Hezbollah."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "ar", ["غارات على “حزب الله” قرب قرية الزيزفونة",
                                       "وقالت القيادة إن الغارات استهدفت منشآت تستخدمها كتائب حزب الله."], None)
    other = add_article(conn, "ar", ["وقال حزب الله في بيان إن القصف مستمر."], None)
    align_articles(conn)
    headline = f"""SELECT m.surface, l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
                   JOIN segments s ON s.id = m.segment_id WHERE s.article_id = {{}} AND s.seq = 0
                   AND m.surface = 'حزب الله'"""
    assert conn.execute(headline.format(other)).fetchall() == [("حزب الله", "hezbollah", "accepted")]
    same_after_a_decision(conn, tmp_path, headline.format(article), [("حزب الله", "kataib-hezbollah", "suggested")],
                          "الزيزفونة")  # reaches the headline only


def test_a_federal_body_that_the_article_places_in_the_kurdistan_region_is_the_regions_own(conn, tmp_path):
    """جهاز مكافحة الإرهاب in the headline, then في إقليم كردستان after it further on: every mention is the
    region's own body (new, the federal service a candidate only), in a whole run and when a decision
    re-analyses the headline alone; an article that places it nowhere keeps the federal service."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "ar", ["جهاز مكافحة الإرهاب يكشف تفاصيل هجوم قرب قرية الزيزفونة",
                                       "وقال جهاز مكافحة الإرهاب في إقليم كردستان إن الطائرات أسقطت."], None)
    other = add_article(conn, "ar", ["وأعلن جهاز مكافحة الإرهاب مقتل قيادي في التنظيم."], None)
    align_articles(conn)
    body = """SELECT s.seq, l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
              JOIN segments s ON s.id = m.segment_id WHERE s.article_id = {} AND m.surface = 'جهاز مكافحة الإرهاب'
              ORDER BY s.seq"""
    assert conn.execute(body.format(other)).fetchall() == [(0, "iraqi-counter-terrorism-service", "accepted")]
    candidates = conn.execute(
        """SELECT c.entity_id FROM candidates c JOIN mentions m ON m.id = c.mention_id JOIN segments s
           ON s.id = m.segment_id WHERE s.article_id = ? AND s.seq = 0""", (article,)).fetchall()
    assert ("iraqi-counter-terrorism-service",) in candidates
    same_after_a_decision(conn, tmp_path, body.format(article), [(0, None, "new"), (1, None, "new")],
                          "الزيزفونة")  # reaches the headline only


def test_al_qaeda_s_name_in_an_article_about_a_base_is_the_base(conn, tmp_path):
    """“القاعدة” in the headline of an article that names قاعدة عين الأسد further on is the base, no mention, in
    a whole run and when a decision re-analyses the headline alone; elsewhere it is al-Qaeda."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "ar", ["صواريخ على القاعدة قرب قرية الزيزفونة",
                                       "وسقطت الصواريخ داخل قاعدة عين الأسد غرب البلاد."], None)
    other = add_article(conn, "ar", ["وأعلن تنظيم داعش أن القاعدة خسرت مواقعها."], None)
    align_articles(conn)
    qaeda = """SELECT count(*) FROM mentions m JOIN segments s ON s.id = m.segment_id
               WHERE s.article_id = {} AND m.surface = 'القاعدة'"""
    assert conn.execute(qaeda.format(other)).fetchall() == [(1,)]
    same_after_a_decision(conn, tmp_path, qaeda.format(article), [(0,)], "الزيزفونة")


def test_a_headline_names_by_the_family_name_people_the_article_names_in_full_later(conn, tmp_path):
    """بين الشرع وعبدي in the headline, then أحمد الشرع and مظلوم عبدي: the headline's names are them
    (suggested), in a whole run and when a decision re-analyses the headline alone."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "ar", ["لقاء بين الشرع وعبدي في قرية الزيزفونة",
                                       "والتقى أحمد الشرع قائد قسد مظلوم عبدي في دمشق أمس."], None)
    word = add_article(conn, "ar", ["وتطبق المحاكم الشرع في القضايا كلها."], None)  # no one named in full
    align_articles(conn)
    headline = f"""SELECT m.surface, l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
                   JOIN segments s ON s.id = m.segment_id WHERE s.article_id = {article} AND s.seq = 0
                   AND m.surface <> 'الزيزفونة' ORDER BY m.start"""
    assert conn.execute("SELECT count(*) FROM mentions m JOIN segments s ON s.id = m.segment_id"
                        " WHERE s.article_id = ?", (word,)).fetchone() == (0,)
    expected = [("الشرع", "abu-mohammad-al-julani", "suggested"), ("وعبدي", "mazloum-abdi", "suggested")]
    same_after_a_decision(conn, tmp_path, headline, expected, "الزيزفونة")  # reaches the headline only


def test_a_longer_name_found_later_gives_way_to_a_mention_an_analyst_decided(db):
    """The analyst confirmed "Mosul" in the English; a glossary name added since that holds it (here "Mosul
    on Tuesday") is not stored over it: no two mentions of a sentence overlap, the decision stands."""
    from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
    from workbench.align.run import align_articles
    from workbench.glossary.store import add_entity
    from workbench.review.decisions import decide

    c = db.conn
    add_glossary(c)
    add_article(c, "fr", FR_SOURCE, FR_ENGLISH)
    align_articles(c)
    mosul = c.execute("SELECT id FROM mentions WHERE surface = 'Mosul' AND side = 'english'").fetchone()[0]
    decide(c, mosul, "confirm", user="alice")
    add_entity(c, "mosul-on-tuesday", "other", "Mosul on Tuesday")
    align_articles(c)
    spans = c.execute("""SELECT m.segment_id, m.side, m.start, m.end, m.surface FROM mentions m
                         ORDER BY m.segment_id, m.side, m.start""").fetchall()
    for (sa, side_a, _, end_a, _), (sb, side_b, start_b, _, _) in zip(spans, spans[1:]):
        assert not (sa == sb and side_a == side_b and start_b < end_a), spans
    assert c.execute("SELECT status, entity_id FROM links WHERE mention_id = ?", (mosul,)).fetchone() == (
        "confirmed", "mosul")


def test_articles_aligned_by_another_version_of_the_name_finder_are_aligned_again(db, monkeypatch):
    """A database aligned before an upgrade: the next align re-aligns every article whole, once."""
    from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
    from workbench.align import analyser
    from workbench.align.run import align_articles

    c = db.conn
    add_glossary(c)
    add_article(c, "fr", FR_SOURCE, FR_ENGLISH)
    assert len(align_articles(c).aligned) == 1
    assert align_articles(c).aligned == []  # nothing changed: no work
    monkeypatch.setattr(analyser, "version", lambda: "another")
    assert len(align_articles(c).aligned) == 1  # the finder changed: aligned again
    assert align_articles(c).aligned == []


def test_a_french_headline_calls_by_his_family_name_a_man_the_article_names_in_full_later(conn, tmp_path):
    """« Khaznawi annonce ... » opening the headline, Ibrahim Khaznawi further on: the headline's word is a
    name, in a whole run and when a decision re-analyses the headline alone; an article that never names
    him in full keeps the opening word a common capitalised word."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "fr", ["Khaznawi annonce une trêve près de Tell Zibar",
                                       "Le chef tribal Ibrahim Khaznawi a dit que les combats cesseraient."], None)
    other = add_article(conn, "fr", ["Khaznawi annonce une trêve près de Tell Zibar"], None)
    align_articles(conn)
    headline = """SELECT m.surface FROM mentions m JOIN segments s ON s.id = m.segment_id
                  WHERE s.article_id = {} AND s.seq = 0 ORDER BY m.start"""
    assert conn.execute(headline.format(other)).fetchall() == [("Tell Zibar",)]
    same_after_a_decision(conn, tmp_path, headline.format(article), [("Khaznawi",), ("Tell Zibar",)],
                          "Tell Zibar")  # reaches the headline only


def test_hezbollah_in_an_article_about_the_pmf_that_names_no_lebanon_is_the_kataib(conn, tmp_path):
    """حزب الله in an Iraqi article about the PMF that never names Lebanon is suggested as Kataib Hezbollah,
    in a whole run and when a decision re-analyses its pair; an article that names Lebanon keeps Hezbollah."""
    from tests.test_align_pipeline import add_article

    article = add_article(conn, "ar", ["وقال المصدر إن حزب الله سيشرف على عودة العوائل قرب قرية الزيزفونة.",
                                       "وأضاف أن قوات الحشد الشعبي انتشرت في الناحية."], None)
    other = add_article(conn, "ar", ["وقال المصدر إن حزب الله قصف مواقع قرب الحدود مع لبنان.",
                                     "وأضاف أن قوات الحشد الشعبي انتشرت في الناحية."], None)
    align_articles(conn)
    query = """SELECT l.entity_id, l.status FROM mentions m JOIN links l ON l.mention_id = m.id
               JOIN segments s ON s.id = m.segment_id WHERE s.article_id = {} AND m.surface = 'حزب الله'"""
    assert conn.execute(query.format(other)).fetchall() == [("hezbollah", "accepted")]
    same_after_a_decision(conn, tmp_path, query.format(article), [("kataib-hezbollah", "suggested")], "الزيزفونة")
