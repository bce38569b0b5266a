"""The curated glossary files (TOML, docs/glossary-format.md): load with validation, write canonically.

tomllib gives no line numbers for values, so the raw text is scanned alongside: table headers, keys
and every string of the ar / fr / en lists, so each problem is reported as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError
from workbench.glossary import rules
from workbench.glossary.files import read_bytes
from workbench.glossary.model import VARIANT_LANGS, Entity, Variant
from workbench.glossary.rules import ID_RE, WIKIDATA_RE, Problem  # noqa: F401 (the names other modules use)

KEYS = ("type", "canonical", "wikidata", "note", *VARIANT_LANGS)

_HEADER = re.compile(r"""^\s*\[\s*(?:"([^"]*)"|'([^']*)'|([^\]\s#]+))\s*\]""")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|([A-Za-z0-9_-]+))\s*=""")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TWICE = re.compile(r"Cannot declare \((.*)\) twice")


@dataclass
class _Lines:
    """Where things are in the raw text: table headers, keys, list strings (1-based lines)."""

    tables: dict[str, list[int]]
    keys: dict[tuple[str, str], int]
    strings: dict[tuple[str, str], list[int]]

    def table(self, entity_id: str) -> int | None:
        found = self.tables.get(entity_id)
        return found[0] if found else None


def _scan(text: str) -> _Lines:
    tables: dict[str, list[int]] = {}
    keys: dict[tuple[str | None, str], int] = {}
    strings: dict[tuple[str | None, str], list[int]] = {}
    table: str | None = None
    in_list: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        code = _strip_comment(line)
        if in_list is None:
            header = _HEADER.match(code)
            if header and not code.lstrip().startswith("[["):
                table = next(g for g in header.groups() if g is not None)
                tables.setdefault(table, []).append(number)
                continue
            key = _KEY.match(code)
            if not key:
                continue
            name = key.group(1) if key.group(1) is not None else key.group(2)
            keys[(table, name)] = number
            code = code[key.end():]
            if not code.lstrip().startswith("["):
                continue
            in_list = name
            code = code.lstrip()[1:]
        for _ in _STRING.finditer(code):
            strings.setdefault((table, in_list), []).append(number)
        if "]" in _STRING.sub("", code):
            in_list = None
    return _Lines(tables, keys, strings)


def _strip_comment(code: str) -> str:
    """The line without a trailing comment (a # outside strings)."""
    out = []
    quote = None
    escaped = False
    for ch in code:
        if quote:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            out.append(ch)
        elif ch == "#":
            break
        else:
            out.append(ch)
    return "".join(out)


def _decode_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    message = str(exc)
    at = _AT_LINE.search(message)
    line = int(at.group(1)) if at else None
    twice = _TWICE.search(message)
    if twice:
        entity_id = twice.group(1).strip(",").strip().strip("'\"")
        first = _scan(text).tables.get(entity_id, [None])
        where = f" (first at line {first[0]})" if first[0] and first[0] != line else ""
        if first and len(first) > 1:
            line = first[1]
        return Problem(str(path), line, f'duplicate entity id "{entity_id}"{where}; rename or merge one of them')
    if message.startswith("Cannot overwrite a value"):
        return Problem(str(path), line, "a key is given twice in one entity; keep one")
    reason = _AT_LINE.sub("", message).strip()
    return Problem(str(path), line, f"not valid TOML ({reason}); check quotes, commas and brackets")


def parse(text: str, path: str | Path = "<text>") -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem found in one glossary file's text."""
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [_decode_error(path, text, exc)]
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        return [], [Problem(str(path), None, "arrays or tables nested too deeply to read; "
                                             "a glossary entity needs only flat lists")]
    lines = _scan(text)
    problems: list[Problem] = []
    entities: list[Entity] = []

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(str(path), line, message))

    for entity_id, body in data.items():
        at = lines.table(entity_id)
        if not isinstance(body, dict):
            problem(lines.keys.get((None, entity_id)), f'"{entity_id}" is not an entity table; '
                    "write it as [entity-id] followed by its keys")
            continue
        before = len(problems)
        for key in body:
            if key not in KEYS:
                problem(lines.keys.get((entity_id, key), at),
                        f'entity "{entity_id}": unknown key "{key}" (expected {", ".join(KEYS)})')
        entity = Entity(entity_id, body.get("type"), body.get("canonical"), wikidata=body.get("wikidata"),
                        note=body.get("note"), line=at)
        for lang in VARIANT_LANGS:
            if lang not in body:
                continue
            values = body[lang]
            key_line = lines.keys.get((entity_id, lang), at)
            if not isinstance(values, list):
                problem(key_line, f'entity "{entity_id}": "{lang}" must be a list of spellings, such as {lang} = ["..."]')
                continue
            string_lines = lines.strings.get((entity_id, lang), [])
            for index, value in enumerate(values):
                line = string_lines[index] if index < len(string_lines) else key_line
                entity.variants.append(Variant(lang, value, source=str(path), line=line))
        field_lines = {key: lines.keys[(entity_id, key)] for key in KEYS if (entity_id, key) in lines.keys}
        for line, message in rules.entity_problems(entity, field_lines):
            problem(line, message)
        if len(problems) == before:
            entities.append(entity)
    problems.sort(key=lambda p: p.line or 0)
    return entities, problems


def check_claims(entities: Iterable[Entity]) -> list[Problem]:
    """Duplicate ids across files and spellings claimed by two entities (same language, same normal form)."""
    return rules.claims_problems(entities)


def check_files(paths: Iterable[str | Path]) -> tuple[list[Entity], list[Problem]]:
    """Every entity and every problem of several glossary files loaded together."""
    entities: list[Entity] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        data = read_bytes(path, "a .toml file")  # regular files only, size-limited
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(Problem(str(path), line, "not UTF-8 text; save the file as UTF-8"))
            continue
        found, bad = parse(text, path)
        for entity in found:
            for variant in entity.variants:
                variant.source = str(path)
        entities.extend(found)
        problems.extend(bad)
    problems.extend(check_claims(entities))
    return entities, problems


def read_toml(path: str | Path) -> list[Entity]:
    """Entities of one glossary file; the first problem (and how many there are) as a UserError."""
    return read_files([path])


def read_files(paths: Iterable[str | Path]) -> list[Entity]:
    """Entities of several glossary files loaded together; any problem is a UserError."""
    entities, problems = check_files(paths)
    if problems:
        raise UserError(rules.report(problems))
    return entities


def check_toml(path: str | Path) -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem of one glossary file."""
    return check_files([path])


load = read_toml  # the name other modules look for


# ---- writing -------------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def quote(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def entity_lines(entity: Entity, comments: dict[int, str] | None = None) -> list[str]:
    """One entity table in the canonical layout (docs/glossary-format.md)."""
    lines = [f"[{entity.id}]", f"type = {quote(entity.type)}", f"canonical = {quote(entity.canonical)}"]
    if entity.wikidata:
        lines.append(f"wikidata = {quote(entity.wikidata)}")
    if entity.note:
        lines.append(f"note = {quote(entity.note)}")
    for lang in VARIANT_LANGS:
        spellings = [v for v in entity.variants if v.lang == lang]
        lines.append(f"{lang} = [")
        for variant in spellings:
            comment = (comments or {}).get(id(variant))
            lines.append(f"  {quote(variant.text)},{'  # ' + comment if comment else ''}")
        lines.append("]")
    return lines


def dumps(entities: Iterable[Entity], header: Iterable[str] = ()) -> str:
    """A whole glossary file: header comment lines, then entities separated by one blank line."""
    blocks = ["\n".join(entity_lines(e)) for e in entities]
    head = "".join(f"# {line}\n" if line else "#\n" for line in header)
    return head + ("\n" if head and blocks else "") + "\n\n".join(blocks) + ("\n" if blocks else "")


def write_toml(entities: Iterable[Entity], path: str | Path, force: bool = True) -> None:
    """Write a glossary file atomically in the canonical layout."""
    from workbench.store.atomic import AtomicFile

    text = dumps(list(entities), header=["Glossary written by workbench.", "Format: docs/glossary-format.md."])
    with AtomicFile(path, force=force) as handle:
        handle.write(text)
