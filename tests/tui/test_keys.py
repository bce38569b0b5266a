"""Keys as data: no conflicts, every action implemented where it is bound, docs generated from it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from workbench.tui import keys

ROOT = Path(__file__).resolve().parents[2]

# where the actions of each scope are implemented
TARGETS = {
    "app": "workbench.tui.app:WorkbenchApp",
    "table": "workbench.tui.widgets.virtual_table:VirtualTable",
    "articles": "workbench.tui.articles.screen:ArticlesScreen",
    "article": "workbench.tui.article.screen:ArticleScreen",
    "review": "workbench.tui.review.screen:ReviewScreen",
    "history": "workbench.tui.review.history:HistoryPane",
    "change": "workbench.tui.review.change:ChangeDialog",
    "concordance": "workbench.tui.review.concordance:ConcordanceScreen",
    "picker": "workbench.tui.review.picker:EntityPicker",
    "glossary": "workbench.tui.glossary.screen:GlossaryScreen",
    "variants": "workbench.tui.glossary.screen:VariantsTable",
    "jobs": "workbench.tui.jobs.screen:JobsScreen",
    "export": "workbench.tui.export.screen:ExportScreen",
    "dialog": "workbench.tui.widgets.confirm:ConfirmDialog",
}


def test_no_key_bound_twice_in_a_scope():
    assert keys.conflicts() == []


def test_every_scope_has_a_target():
    assert set(TARGETS) == set(keys.SCOPES)


@pytest.mark.parametrize("scope", sorted(TARGETS))
def test_every_action_is_implemented(scope):
    module, name = TARGETS[scope].split(":")
    cls = getattr(importlib.import_module(module), name)
    for action in keys.actions(scope):
        if action.builtin:
            continue
        method = "action_" + action.action.split("(")[0]
        if scope == "dialog" and action.action == "submit":
            from workbench.tui.glossary.forms import EntityForm

            cls_ = EntityForm
        else:
            cls_ = cls
        assert hasattr(cls_, method), f"{cls_.__name__} lacks {method} for {action.keys}"


def test_bindings_carry_ids_and_descriptions():
    bindings = keys.bindings("review")
    assert {b.id for b in bindings} >= {"review.decide('confirm')", "review.skip"}
    assert all(b.description for b in bindings)


def test_keyboard_reference_is_generated_from_the_registry():
    text = (ROOT / "docs" / "keyboard.md").read_text(encoding="utf-8")
    assert text == keys.markdown(), "regenerate: .venv/bin/python -m workbench.tui.keys > docs/keyboard.md"


def test_vim_keys_beside_arrows():
    table = {a.action: a.keys for a in keys.actions("table")}
    assert table["cursor_down"] == "j,down" and table["cursor_up"] == "k,up"
