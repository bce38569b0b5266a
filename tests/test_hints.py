"""Every `workbench ...` command line shown to people (README, docs, help, messages) exists in the parser."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from workbench.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_QUOTED = re.compile(r"`+\$? ?(workbench(?:\s[^`]*)?)`+")  # `workbench stats`, ``workbench translate``
_CODE_LINE = re.compile(r"^\s*\$? ?(workbench(?:\s.*)?)$")  # a line of a fenced code block
_PROSE = re.compile(r"\bworkbench((?: --db \S+)? ([a-z][a-z-]+)(?: [^\s.,;:)]+)*)")
_PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z_]*(?:\.\w+)?|\{[^}]*\}|<[^>]*>|\S*\{[^}]*\}\S*)$")
_FILEISH = {"FILE", "PATH", "FOLDER", "OUT", "DIR"}


def _hints_in_markdown(path: Path) -> list[tuple[str, str]]:
    found, fenced = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        where = f"{path.relative_to(ROOT)}:{n}"
        if fenced:
            m = _CODE_LINE.match(line)
            if m:
                found.append((where, m.group(1)))
            continue
        found += [(where, m.group(1)) for m in _QUOTED.finditer(line)]
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    """String constants in a module, f-strings joined with their fields as ``{...}``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in node.values)
            out.append((node.lineno, text))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.lineno, node.value))
    return out


def _hints_in_code(commands: set[str]) -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in _strings(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            quoted = [m.group(1) for m in _QUOTED.finditer(text)]
            found += [(where, q) for q in quoted]
            rest = _QUOTED.sub("", text)
            # unquoted "workbench <command> ..." (e.g. "Next: workbench --db X tui"); prose is left alone
            found += [(where, "workbench" + m.group(1)) for m in _PROSE.finditer(rest) if m.group(2) in commands]
    return found


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _stem(token: str) -> str:
    stem = token.split(".")[0].strip("<>{}").upper()
    stem = stem.removesuffix("S") if len(stem) > 3 else stem
    return "FILE" if stem in _FILEISH else stem


def problem(parser: argparse.ArgumentParser, hint: str) -> str | None:
    """Why ``hint`` would not run as shown, or None."""
    tokens = hint.split()
    for stop in ("|", "#", "&&", ";", "\\"):
        if stop in tokens:
            tokens = tokens[:tokens.index(stop)]
    tokens = [t.strip("[]").rstrip(",;:") for t in tokens[1:] if t not in ("...", "…")]
    current, positionals, chosen = parser, [], False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok.startswith("-") and tok != "-":
            name = tok.split("=")[0]
            action = current._option_string_actions.get(name)
            if action is None:
                return f"no option {name} for `{current.prog}`"
            if action.nargs != 0:
                value = tok.split("=", 1)[1] if "=" in tok else (tokens[i] if i < len(tokens) else "")
                i += 0 if "=" in tok else 1
                allowed = [str(c) for c in action.choices] if action.choices else []
                for choice in value.split("|"):  # [--status confirmed|all]
                    if allowed and not _PLACEHOLDER.match(choice) and choice not in allowed:
                        return f"`{current.prog} {name}`: {choice!r} is not one of {', '.join(allowed)}"
            continue
        sub = _subparsers(current)
        if sub is not None and not chosen:
            if tok not in sub.choices:
                if _PLACEHOLDER.match(tok):
                    continue
                return f"`{current.prog}` has no command {tok!r} (it has {', '.join(sub.choices)})"
            current = sub.choices[tok]
            positionals = [a for a in current._actions if not a.option_strings
                           and not isinstance(a, argparse._SubParsersAction)]
            chosen = _subparsers(current) is None
            continue
        if not positionals:
            if _PLACEHOLDER.match(tok) or "{" in tok:
                continue
            return f"`{current.prog}` takes no argument {tok!r}"
        arg = positionals[0]
        if arg.nargs not in ("*", "+", argparse.REMAINDER):
            positionals = positionals[1:]
        if arg.choices and not _PLACEHOLDER.match(tok) and tok not in arg.choices:
            return f"`{current.prog}`: {tok!r} is not one of {', '.join(map(str, arg.choices))}"
        if tok.isupper() or _PLACEHOLDER.match(tok) and tok[0].isupper():
            wanted = arg.metavar or arg.dest.upper()
            if not any(_stem(tok) == _stem(w) or _stem(tok).endswith("ID") and _stem(w).endswith("ID")
                       for w in wanted.split("|")):  # ENTITY_ID|START: one of them
                return f"`{current.prog}` expects {wanted} here, not {tok}"
    return None


def all_hints() -> list[tuple[str, str]]:
    parser = build_parser()
    commands = set(_subparsers(parser).choices)
    found = [h for path in DOCS for h in _hints_in_markdown(path)] + _hints_in_code(commands)
    return found


def test_the_checker_catches_known_bad_hints():
    parser = build_parser()
    for bad in ["workbench models install FILE.argosmodel", "workbench decisions", "workbench stats --ids",
                "workbench glossary frobnicate", "workbench export OUT --format xml",
                "workbench decide MENTION_ID span START FILE"]:
        assert problem(parser, bad), bad
    for good in ["workbench models add FILE.argosmodel", "workbench import FILE --db PATH", "workbench",
                 "workbench --db {x} tui", "workbench mentions --article ID", "workbench glossary",
                 "workbench models install ar", "workbench decide MENTION_ID correct ENTITY_ID",
                 "workbench decide MENTION_ID span START END"]:
        assert problem(parser, good) is None, good


def test_hints_are_found_everywhere():
    hints = all_hints()
    places = {where.split(":")[0] for where, _ in hints}
    assert "README.md" in places and "docs/user-guide.md" in places
    assert any(p.startswith("workbench/cli/") for p in places) and any(p.startswith("workbench/tui/") for p in places)
    assert len(hints) > 40


@pytest.mark.parametrize("where, hint", all_hints(), ids=lambda v: v if ":" in v else None)
def test_every_hint_is_a_command_that_exists(where, hint):
    assert problem(build_parser(), hint) is None, f"{where}: {hint}"
