"""The grouped review queue and the preview of a decision: counts, filters, and preview == what happens."""

from __future__ import annotations

import pytest

from tests.test_align_pipeline import AR_ENGLISH, AR_SOURCE, FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from workbench.align.run import align_articles
from workbench.errors import UserError
from workbench.review.decisions import decide
from workbench.review.links import LINK_FIELDS
from workbench.review.groups import Filters, groups, mention_ids
from workbench.review.preview import preview
from workbench.store import implied


@pytest.fixture
def conn(db):
    """Three French articles and two Arabic ones naming the same people and places; two Mosul
    mentions (one French, one Arabic) marked unsure, so that the queue holds an entity's group."""
    c = db.conn
    add_glossary(c)
    for n in range(3):  # the same sentences, told apart by trailing spaces (articles are unique by content)
        add_article(c, "fr", [s + " " * n for s in FR_SOURCE], FR_ENGLISH)
    for n in range(2):
        add_article(c, "ar", [s + " " * n for s in AR_SOURCE], AR_ENGLISH)
    align_articles(c)
    decide(c, mid(c, "Mossoul"), "unsure")
    decide(c, mid(c, "الموصل"), "unsure")
    return c


def mid(conn, surface: str, nth: int = 0) -> int:
    return conn.execute("SELECT id FROM mentions WHERE surface = ? ORDER BY id LIMIT 1 OFFSET ?",
                        (surface, nth)).fetchone()[0]


def links(conn) -> dict[int, tuple]:
    """Every link, all fields but the time stamp."""
    fields = [f for f in LINK_FIELDS if f != "updated_at"]
    columns = (implied.decided_by("links") if f == "decided_by" else f for f in fields)
    return {r[0]: r[1:] for r in conn.execute(f"SELECT mention_id, {', '.join(columns)} FROM links")}


def glossary_rows(conn) -> tuple:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("entities", "variants", "rejections", "decisions"))


def by_key(found: list[dict]) -> dict[tuple, dict]:
    return {(g["key"]["lang"], g["key"]["norm"], g["entity_id"]): g for g in found}


# ---- groups -----------------------------------------------------------------------------------------


def test_groups_by_spelling_count_exactly_the_pending_mentions(conn):
    found = groups(conn, "spelling")
    pending = conn.execute("SELECT count(*) FROM links WHERE status IN ('suggested', 'unsure', 'new')").fetchone()[0]
    assert sum(g["count"] for g in found) == pending == 12
    groups_of = by_key(found)
    karim = groups_of[("fr", "karim haddad", None)]
    assert (karim["count"], karim["spellings"], karim["status"], karim["band"]) == (3, ["Karim Haddad"], {"new": 3}, "low")
    mossoul = groups_of[("fr", "mossoul", "mosul")]
    assert (mossoul["count"], mossoul["canonical"], mossoul["type"], mossoul["status"], mossoul["band"]) == (
        1, "Mosul", "place", {"unsure": 1}, "top")
    assert [g["count"] for g in found] == sorted((g["count"] for g in found), reverse=True)
    for g in found:  # a group's mentions are exactly the ones it counts
        ids = mention_ids(conn, g["key"])
        assert len(ids) == g["count"] and g["first"] == ids[0]


def test_groups_by_entity_join_spellings_and_languages(conn):
    found = by_key(groups(conn, "entity"))
    mosul = found[(None, None, "mosul")]
    assert (mosul["count"], mosul["langs"], mosul["spellings"]) == (2, ["ar", "fr"], ["Mossoul", "الموصل"])
    assert sorted(mention_ids(conn, mosul["key"])) == sorted([mid(conn, "Mossoul"), mid(conn, "الموصل")])
    # a proposed new entity has no id to group by: its mentions stay grouped by spelling
    assert found[("fr", "karim haddad", None)]["count"] == 3


@pytest.mark.parametrize("filters, expected", [
    (Filters(lang="ar"), {("ar", "كرخي", None): 2, ("ar", "موصل", "mosul"): 1}),
    (Filters(status="unsure"), {("fr", "mossoul", "mosul"): 1, ("ar", "موصل", "mosul"): 1}),
    (Filters(band="top"), {("fr", "mossoul", "mosul"): 1, ("ar", "موصل", "mosul"): 1}),
    (Filters(entity_type="place"), {("fr", "mossoul", "mosul"): 1, ("ar", "موصل", "mosul"): 1}),
    (Filters(article_id=1), {("fr", "karim haddad", None): 1, ("en", "karim haddad", None): 1,
                             ("fr", "mossoul", "mosul"): 1}),
    (Filters(lang="fr", status="new"), {("fr", "karim haddad", None): 3}),
])
def test_filters(conn, filters, expected):
    found = groups(conn, "spelling", filters)
    assert {k: g["count"] for k, g in by_key(found).items()} == expected
    for g in found:
        assert len(mention_ids(conn, g["key"], filters)) == g["count"]


def test_unknown_filter_values_are_one_line_errors(conn):
    with pytest.raises(UserError, match="not in the review queue"):
        groups(conn, "spelling", Filters(status="accepted"))
    with pytest.raises(UserError, match="unknown score band"):
        groups(conn, "entity", Filters(band="huge"))
    with pytest.raises(UserError, match="unknown grouping"):
        groups(conn, "article")


def test_a_decision_on_a_group_changes_exactly_its_counted_mentions(conn):
    group = by_key(groups(conn, "spelling", Filters(lang="fr")))[("fr", "karim haddad", None)]
    ids = mention_ids(conn, group["key"], Filters(lang="fr"))
    before = links(conn)
    out = decide(conn, ids[0], "new", also=ids[1:], canonical="Karim Haddad")
    after = links(conn)
    changed = {m for m in after if after[m] != before[m]}
    decided = {m for m in changed if after[m][-1] != "auto"}
    assert decided == set(ids) == set(out.mention_ids)
    assert {after[m][0] for m in ids} == {out.entity_id}
    # the rest is the alignment brought up to date: the English names linked to the new entity by its name
    others = changed - decided
    assert others and {(after[m][0], after[m][1], after[m][-1]) for m in others} == {(out.entity_id, "accepted", "auto")}
    assert {r[0] for r in conn.execute(f"SELECT DISTINCT lang FROM mentions WHERE id IN ({','.join(map(str, others))})")} == {"en"}
    assert ("fr", "karim haddad", None) not in by_key(groups(conn, "spelling"))


def test_confirm_on_a_group_refuses_a_mention_of_another_entity(conn):
    before, rows = links(conn), glossary_rows(conn)
    with pytest.raises(UserError, match="not linked to 'mosul'"):
        decide(conn, mid(conn, "Mossoul"), "confirm", also=[mid(conn, "Karim Haddad")])
    assert links(conn) == before and glossary_rows(conn) == rows


def test_reject_of_an_entity_group_demotes_each_spelling_pair(conn):
    mosul = by_key(groups(conn, "entity"))[(None, None, "mosul")]
    ids = mention_ids(conn, mosul["key"])
    decide(conn, ids[0], "reject", also=ids[1:])
    # the other Arabic الموصل, linked automatically, is demoted as much as the other French Mossoul
    for surface in ("Mossoul", "الموصل"):
        assert conn.execute("SELECT l.entity_id FROM links l WHERE l.mention_id = ?",
                            (mid(conn, surface, 1),)).fetchone()[0] != "mosul"


# ---- preview ----------------------------------------------------------------------------------------


def _cases(conn) -> list[tuple[int, str, dict]]:
    karim = mention_ids(conn, {"lang": "fr", "norm": "karim haddad", "entity_id": None})
    return [
        (mid(conn, "Mossoul", 1), "confirm", {"all_same": True}),
        (mid(conn, "Mossoul", 1), "reject", {}),
        (mid(conn, "Daech"), "unsure", {"all_same": True}),
        (mid(conn, "Hassaké"), "correct", {"entity_id": "mosul", "all_same": True}),
        (karim[0], "new", {"also": karim[1:], "canonical": "Karim Haddad", "entity_type": "person"}),
        (mid(conn, "Hassaké"), "new", {"all_same": True, "canonical": "Hassake Town"}),
    ]


@pytest.mark.parametrize("case", range(6))
def test_preview_is_exactly_what_the_decision_then_changes(conn, case):
    mention, action, options = _cases(conn)[case]
    before, rows = links(conn), glossary_rows(conn)
    shown = preview(conn, mention, action, **options)
    assert links(conn) == before and glossary_rows(conn) == rows, "a preview must write nothing"
    assert not conn.in_transaction
    decide(conn, mention, action, **options)
    after = links(conn)
    changed = {m: (before.get(m), after.get(m)) for m in set(before) | set(after) if before.get(m) != after.get(m)}
    fields = [f for f in LINK_FIELDS if f != "updated_at"]
    previewed = {c.mention_id: (tuple(c.before[f] for f in fields), tuple(c.after[f] for f in fields))
                 for c in shown.changes}
    assert previewed == changed
    assert len(shown.entities) == glossary_rows(conn)[0] - rows[0]


def test_preview_counts_by_kind(conn):
    reject = preview(conn, mid(conn, "Mossoul", 1), "reject")
    assert reject.counts == {"this": 1, "same_spelling": 0, "moved": 0, "demoted": 1, "other": 0}
    assert reject.side_effects
    assert reject.summary() == "reject: 1 mention of “Mossoul” (fr) ≠ Mosul; 1 other link demoted"
    moved = preview(conn, mid(conn, "Hassaké"), "new", all_same=True, canonical="Hassake Town")
    assert moved.counts["moved"] == 2 and moved.entities == ["hassake-town"]
    assert moved.summary().startswith("new: 3 mentions of “Hassaké” (fr) → new entity Hassake Town; "
                                      "2 of them taken from another entity")
    alone = preview(conn, mid(conn, "Karim Haddad"), "unsure")
    assert not alone.side_effects and alone.counts["this"] == 1


def test_preview_lists_the_other_links_it_changes_by_name(conn):
    moved = preview(conn, mid(conn, "Hassaké"), "new", all_same=True, canonical="Hassake Town")
    lines = moved.side_effect_lines(limit=2)
    assert lines[0] == "“Hassaké” (fr): accepted Hasakah → confirmed Hassake Town"
    others = [c for c in moved.changes if c.kind != "this"]
    assert len(lines) == min(2, len(others)) + (len(others) > 2)
    if len(others) > 2:
        assert lines[-1] == f"… and {len(others) - 2} more"


def test_a_change_of_score_alone_says_so():
    from workbench.review.preview import Change

    def state(status, score, proposal=None):
        return {"entity_id": None, "status": status, "score": score, "proposal": proposal}

    assert Change(7, "other", state("new", 0.41), state("new", 0.44), "Tigre", "fr").line() == \
        "“Tigre” (fr): new, score 0.41 → 0.44"
    assert Change(7, "other", state("new", 0.4, "a"), state("new", 0.4, "b"), "Tigre", "fr").line() == \
        "“Tigre” (fr): new, proposal changed"
    assert Change(7, "other", state("new", 0.461), state("new", 0.458), "Tigre", "fr").line() == \
        "“Tigre” (fr): new, score 0.461 → 0.458"  # not 0.46 → 0.46
    assert Change(7, "other", state("new", 0.46), None, "Tigre", "fr", gone=True).line() == \
        "“Tigre” (fr): new → no longer a name"


def test_preview_names_a_mention_the_decision_removes(conn, monkeypatch):
    """A re-analysed pair may lose a mention: the preview shows it as it was, not as an empty name."""
    from workbench.review import preview as module

    victim = mid(conn, "Karim Haddad")
    real = module.decide

    def decide_and_lose_a_mention(conn, *args, **options):
        outcome = real(conn, *args, **options)
        conn.execute("DELETE FROM mentions WHERE id = ?", (victim,))  # as a re-analysis would
        return outcome

    monkeypatch.setattr(module, "decide", decide_and_lose_a_mention)
    shown = preview(conn, mid(conn, "Mossoul", 1), "reject")
    lost = [c for c in shown.changes if c.mention_id == victim]
    assert len(lost) == 1 and lost[0].gone
    assert lost[0].line().startswith("“Karim Haddad” (fr): ") and lost[0].line().endswith("→ no longer a name")


def test_preview_of_a_refused_decision_raises_its_error_and_writes_nothing(conn):
    before, rows = links(conn), glossary_rows(conn)
    with pytest.raises(UserError, match="not linked to an entity"):
        preview(conn, mid(conn, "Karim Haddad"), "confirm")
    assert links(conn) == before and glossary_rows(conn) == rows


def test_side_effects_leave_out_rescored_links_and_counterparts_linked_to_the_decided_entity():
    from workbench.review.preview import Change, Preview

    def state(entity, status, by="auto", score=0.5):
        return {"entity_id": entity, "status": status, "score": score, "decided_by": by}

    this = Change(1, "this", state(None, "new"), state("x", "confirmed", "tester"))
    counterpart = Change(2, "other", state(None, "new"), state("x", "accepted", score=0.9))
    rescored = Change(3, "other", state(None, "new", score=0.39), state(None, "new", score=0.40))
    taken = Change(4, "other", state("y", "accepted"), state("x", "accepted"))
    demoted = Change(5, "demoted", state("x", "accepted"), state(None, "new"))
    base = dict(action="new", mention_id=1, surface="X", lang="ar", entity_id="x", canonical="X")
    assert not Preview(**base, changes=[this, counterpart, rescored]).side_effects
    assert Preview(**base, changes=[this, taken]).side_effects  # a link taken from another entity
    assert Preview(**base, changes=[this, demoted]).side_effects
    assert len(Preview(**base, changes=[this, counterpart, rescored]).changes) == 3  # still listed


def test_one_pass_decision_is_kept_unless_it_must_ask(conn):
    """``decide_unless_asked``: one run of the decision; kept (committed) when it changes no other link,
    rolled back when it does and the analyst has not confirmed it; kept then once confirmed."""
    from workbench.review.preview import decide_unless_asked

    alone = mid(conn, "Karim Haddad")
    shown, outcome = decide_unless_asked(conn, alone, "unsure")
    assert outcome is not None and not shown.side_effects
    assert conn.execute("SELECT status, decided_by FROM links WHERE mention_id = ?", (alone,)).fetchone() == (
        "unsure", "tester")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0  # the watch is gone
    before, rows = links(conn), glossary_rows(conn)
    mosul = mid(conn, "Mossoul", 1)
    shown, outcome = decide_unless_asked(conn, mosul, "reject")
    assert outcome is None and shown.side_effects and shown.counts["demoted"] == 1
    assert links(conn) == before and glossary_rows(conn) == rows, "a decision that asks first writes nothing"
    shown, outcome = decide_unless_asked(conn, mosul, "reject", confirmed=True)
    assert outcome is not None and links(conn)[mosul][1] == "rejected"
    assert conn.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0


def test_generations_stay_true_through_a_rolled_back_preview(conn):
    """The live facts kept per signature (``align.generations.sync``) never stand in for the table
    wrongly: after a preview (synced, then rolled back) and the decision, the table's live facts are
    those of the glossary, rejections and non-names as they are."""
    from workbench.align.generations import facts
    from workbench.glossary import not_names
    from workbench.names.rows import load_rows

    def live():
        return set(conn.execute("SELECT kind, entity_id, a, b FROM align_glossary WHERE until IS NULL"))

    def truth():
        rejected = set(conn.execute("SELECT norm, entity_id FROM rejections"))
        return facts(load_rows(conn), rejected, not_names.known(conn))

    mosul = mid(conn, "Mossoul", 1)
    before = live()
    preview(conn, mosul, "reject")
    assert live() == before == truth()
    decide(conn, mosul, "reject")
    assert live() == truth() != before
    decide(conn, mid(conn, "Karim Haddad"), "new", canonical="Karim Haddad")
    assert live() == truth()


def test_side_effect_lines_put_changes_of_entity_or_status_before_new_scores():
    from workbench.review.preview import Change, Preview

    def state(status, score):
        return {"entity_id": None, "status": status, "score": score, "decided_by": "auto"}

    shown = Preview("new", 1, "Tal Afar", "fr", "tal-afar", "Tal Afar")
    shown.changes = [Change(2, "other", state("new", 0.356), state("new", 0.359), "Tell Tamer", "fr"),
                     Change(3, "other", state("suggested", 0.6), state("new", 0.4), "Tall Afar", "fr")]
    assert shown.side_effect_lines() == ["“Tall Afar” (fr): suggested → new",
                                         "“Tell Tamer” (fr): new, score 0.356 → 0.359"]


def test_preview_lines_show_other_links_first_and_a_score_change_to_the_digit_that_shows_it():
    """The dialog has room for six lines: the links the analyst did not choose to change come before the
    group's own mentions; a score that moved less than 0.001 is shown with the digits that tell."""
    from workbench.review.preview import Change, Preview

    def state(entity, status, score=0.5):
        return {"entity_id": entity, "status": status, "score": score, "decided_by": "auto"}

    this = Change(1, "this", state(None, "new"), state("x", "confirmed"), "Hamrin", "en")
    group = [Change(i, "same_spelling", state(None, "new"), state("x", "confirmed"), "Hamrin", "en", {"x": "Hamrin"})
             for i in range(2, 9)]
    taken = Change(20, "other", state("y", "accepted"), state("x", "accepted"), "حمرين", "ar", {"x": "Hamrin", "y": "Y"})
    tiny = Change(21, "other", state(None, "new", 0.4061), state(None, "new", 0.4059), "Maydan", "fr")
    same = Change(22, "other", state(None, "new", 0.40612), state(None, "new", 0.40609), "Maydan", "fr")
    preview = Preview("new", 1, "Hamrin", "en", "x", "Hamrin", changes=[this, tiny, same, *group, taken])
    lines = preview.side_effect_lines()
    assert lines[0] == "“حمرين” (ar): accepted Y → accepted Hamrin"
    assert lines[1:6] == ["“Hamrin” (en): new → confirmed Hamrin"] * 5
    assert lines[6] == "… and 4 more"
    assert tiny.line() == "“Maydan” (fr): new, score 0.4061 → 0.4059"
    assert same.line() == "“Maydan” (fr): new, scored anew"


def test_a_group_decision_on_a_stale_group_is_refused_and_writes_nothing(conn, db_path):
    """Bob's screen shows the Karim Haddad group (3 new); Alice marks one of them unsure; Bob's bulk
    decision on the group as he saw it is refused, and names Alice's decision."""
    from workbench.review.stale import StaleView
    from workbench.store import open_db
    from workbench.tui.state.review import Group, Request, ReviewState

    shown = by_key(groups(conn, "spelling"))[("fr", "karim haddad", None)]
    alice = open_db(db_path).conn
    decide(alice, mention_ids(alice, shown["key"])[1], "unsure", user="alice")
    alice.close()
    before, rows = links(conn), glossary_rows(conn)
    with pytest.raises(StaleView) as refused:
        ReviewState.carry_out(conn, Request(Group(shown), "new", {"filters": Filters(), "canonical": "Karim Haddad"},
                                            confirmed=True))
    assert links(conn) == before and glossary_rows(conn) == rows
    message = str(refused.value)
    assert message.startswith("nothing written: the group “Karim Haddad” changed since you saw it: 3 mention(s) (3 new) "
                              "then, 3 mention(s) (1 unsure, 2 new) now; the latest decision on them: alice (unsure)")
    # the group as it is now is decided as shown
    now = by_key(groups(conn, "spelling"))[("fr", "karim haddad", None)]
    ReviewState.carry_out(conn, Request(Group(now), "new", {"filters": Filters(), "canonical": "Karim Haddad"},
                                        confirmed=True))
    assert ("fr", "karim haddad", None) not in by_key(groups(conn, "spelling"))
