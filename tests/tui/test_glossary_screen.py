"""Pilot tests of the glossary: search across scripts, add / edit / delete / merge, variants, write-back."""

from __future__ import annotations

from tests.tui.conftest import query, shown
from workbench.tui.glossary.screen import GlossaryScreen
from workbench.tui.render.arabic import display_line

SIZE = (120, 36)


def bundled_count() -> int:
    """Entities of the bundled glossary (the corpus database loads it whole)."""
    import tomllib

    from workbench.glossary.bundled import bundled_files

    return sum(sum(isinstance(v, dict) for v in tomllib.loads(path.read_text(encoding="utf-8")).values())
               for path in bundled_files())


async def open_glossary(app, pilot) -> GlossaryScreen:
    await pilot.press("3")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, GlossaryScreen)
    return app.screen


def listed(screen: GlossaryScreen) -> list[str]:
    return [screen.entities.row_at(i).id for i in range(screen.entities.total)]


async def highlight(pilot, screen: GlossaryScreen, text: str, entity_id: str) -> None:
    """Search for ``text`` and leave the cursor on ``entity_id`` in the list (focused)."""
    screen.query_one("#glossary-search").value = text
    await pilot.pause()
    ids = listed(screen)
    assert entity_id in ids, ids
    screen.entities.focus()
    for _ in range(ids.index(entity_id)):
        await pilot.press("j")
    assert screen.current.id == entity_id


async def test_lists_entities_and_their_spellings(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        assert screen.entities.total == bundled_count() > 100
        ids = listed(screen)
        canonicals = [screen.entities.row_at(i).canonical.casefold() for i in range(len(ids))]
        assert canonicals == sorted(canonicals)
        await highlight(pilot, screen, "ghwayran", "ghwayran-prison")
        variants = [screen.variants.row_at(i) for i in range(screen.variants.total)]
        assert {(v.lang, v.text) for v in variants} >= {("ar", "سجن الصناعة"), ("en", "Sinaa")}
        assert [v.text for v in variants if v.learned] == ["Sinaa"]  # confirmed in review, not yet in the file
        await pilot.press("escape")
        assert "1 learned spelling" in shown(screen.query_one("#glossary-status"))


async def test_a_long_note_is_shown_to_its_end(make_app, corpus_db):
    from workbench.glossary.store import update_entity
    from workbench.store import open_db

    note = " ".join(f"word{i}" for i in range(14)) + " THE-END"
    db = open_db(corpus_db)
    update_entity(db.conn, "ghwayran-prison", note=note)
    db.conn.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_glossary(app, pilot)
        await highlight(pilot, screen, "ghwayran", "ghwayran-prison")
        await pilot.pause()
        detail = shown(screen.query_one("#entity-detail"))
        assert "THE-END" in detail and "from" in detail
        assert screen.variants.size.height >= 3  # the spellings keep room under the note


async def test_search_as_you_type_across_scripts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press("slash", *"kazimi")
        await pilot.pause()
        assert listed(screen)[0] == "mustafa-al-kadhimi"
        screen.query_one("#glossary-search").value = "الحسكة"
        await pilot.pause()
        assert listed(screen)[0] == "hasakah"
        await pilot.press("escape")
        assert len(listed(screen)) == bundled_count()


async def test_add_entity_shows_validation_errors_in_place(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-id").value = "Al Hawija"
        form.query_one("#f-canonical").value = "Hawija"
        form.query_one("#f-type").value = "place"
        await pilot.press("ctrl+s")
        assert "bad entity id" in shown(form.query_one("#form-error"))
        assert app.screen is form  # still open, nothing written
        form.query_one("#f-id").value = "hawija"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert query(corpus_db, "SELECT type, canonical_en FROM entities WHERE id = 'hawija'") == [("place", "Hawija")]
        assert query(corpus_db, "SELECT action FROM decisions WHERE target = 'entity' AND target_id = 'hawija'") == [("add",)]


async def test_edit_and_delete_with_confirm(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await highlight(pilot, screen, "diyala", "diyala")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-canonical").value = "Diyala Governorate"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert query(corpus_db, "SELECT canonical_en FROM entities WHERE id = 'diyala'") == [("Diyala Governorate",)]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no
        await pilot.pause()
        assert query(corpus_db, "SELECT deleted_at FROM entities WHERE id = 'diyala'") == [(None,)]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert query(corpus_db, "SELECT deleted_at IS NOT NULL FROM entities WHERE id = 'diyala'") == [(1,)]
        while busy := [w for w in app.workers if w.group == "names" and not w.is_finished]:
            await app.workers.wait_for_complete(busy)  # the search's name index, built again after the edit
            await pilot.pause()
        await pilot.pause()
        assert "diyala" not in listed(app.screen)


async def test_merge_two_entities(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await highlight(pilot, screen, "diyala", "diyala")  # merge it into Hasakah (for the test)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"hasakah")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert query(corpus_db, "SELECT merged_into FROM entities WHERE id = 'diyala'") == [("hasakah",)]
        assert ("Diyala",) in query(corpus_db, "SELECT text FROM variants WHERE entity_id = 'hasakah' AND deleted_at IS NULL")


async def test_add_and_remove_variants(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await highlight(pilot, screen, "diyala", "diyala")
        spellings = query(corpus_db, "SELECT count(*) FROM variants WHERE entity_id = 'diyala' AND deleted_at IS NULL")[0][0]
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-lang").value = "fr"
        form.query_one("#f-text").value = "Daech"  # belongs to islamic-state: refused in place
        await pilot.press("ctrl+s")
        assert "already belongs to 'islamic-state'" in shown(form.query_one("#form-error"))
        form.query_one("#f-text").value = "Diyala (province)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        texts = query(corpus_db, "SELECT text, learned FROM variants WHERE entity_id = 'diyala' AND deleted_at IS NULL")
        assert ("Diyala (province)", 1) in texts
        await pilot.press("enter")  # into the spellings pane
        assert screen.variants.has_focus
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        left = query(corpus_db, "SELECT count(*) FROM variants WHERE entity_id = 'diyala' AND deleted_at IS NULL")
        assert left == [(spellings,)]  # one added, one removed


async def test_write_back_learned_spellings(make_app, corpus_db, tmp_path, monkeypatch):
    folder = tmp_path / "glossaries"
    folder.mkdir()
    (folder / "test.toml").write_text(
        '[ghwayran-prison]\ntype = "place"\ncanonical = "Ghwayran Prison"\nen = [\n  "Ghwayran prison",\n]\n',
        encoding="utf-8")
    from workbench.glossary import bundled

    monkeypatch.setattr(bundled, "BUNDLED_DIR", folder)  # the default folder: the curated glossary's
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_glossary(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert '"Sinaa",  # learned 2022-03-01 analyst' in (folder / "test.toml").read_text(encoding="utf-8")
    assert query(corpus_db, "SELECT count(*) FROM variants WHERE learned = 1") == [(0,)]


async def add_spelling(app, pilot, lang: str, text: str):
    """v on the highlighted entity, the spelling typed in, ctrl+s: the form (still open if refused)."""
    await pilot.press("v")
    await pilot.pause()
    form = app.screen
    form.query_one("#f-lang").value = lang
    form.query_one("#f-text").value = text
    await pilot.press("ctrl+s")
    return form


async def test_a_spelling_added_is_confirmed_and_one_the_entity_has_is_refused_in_place(make_app, corpus_db):
    """v: the status line says the spelling was added, also after the name index is rebuilt in the
    background; the same spelling again is refused in the form (it used to close the form, say nothing
    and write nothing)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await highlight(pilot, screen, "diyala", "diyala")
        await add_spelling(app, pilot, "fr", "Diyala (province)")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert "added a spelling to diyala" in shown(screen.query_one("#glossary-status"))
        rows = query(corpus_db, "SELECT count(*) FROM variants WHERE entity_id = 'diyala' AND deleted_at IS NULL")
        form = await add_spelling(app, pilot, "fr", " Diyala  (province) ")
        await pilot.pause()
        assert app.screen is form
        assert "'Diyala (province)' (fr) is already a spelling of diyala" in shown(form.query_one("#form-error"))
        form.query_one("#f-lang").value = "ar"
        form.query_one("#f-text").value = "ديالى"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # an Arabic spelling in the message: shaped, in reading order, the sentence left to right
        assert f"'{display_line('ديالى')}' (ar) is already a spelling of diyala" in shown(form.query_one("#form-error"))
        assert query(corpus_db, "SELECT count(*) FROM variants WHERE entity_id = 'diyala' AND deleted_at IS NULL") == rows
