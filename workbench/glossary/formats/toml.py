"""The curated glossary files (TOML, docs/glossary-format.md): load with validation, write canonically.

tomllib gives no line numbers for values, so the raw text is scanned alongside: table headers, keys
and every string of the ar / fr / en lists, so each problem is reported as ``FILE:LINE: message``.
Spellings that are not names are ``[[not_a_name]]`` tables (``lang``, ``spelling``), never entities.
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
from workbench.glossary.model import VARIANT_LANGS, Entity, NotName, Variant
from workbench.glossary.rules import ID_RE, WIKIDATA_RE, Problem  # noqa: F401 (the names other modules use)

KEYS = ("type", "canonical", "wikidata", "note", *VARIANT_LANGS)
NOT_A_NAME = "not_a_name"  # [[not_a_name]] tables: spellings that are no name (not a valid entity id)
NOT_A_NAME_KEYS = ("lang", "spelling")

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
    arrays: dict[str, list[int]]  # [[name]] headers; keys of the i-th are under table "[[name]]i"

    def table(self, entity_id: str) -> int | None:
        found = self.tables.get(entity_id)
        return found[0] if found else None


def _scan(text: str) -> _Lines:
    tables: dict[str, list[int]] = {}
    keys: dict[tuple[str | None, str], int] = {}
    strings: dict[tuple[str | None, str], list[int]] = {}
    arrays: dict[str, list[int]] = {}
    table: str | None = None
    in_list: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        code = _strip_comment(line)
        if in_list is None:
            header = _HEADER.match(code)
            if header and code.lstrip().startswith("[["):
                name = next(g for g in header.groups() if g is not None).lstrip("[").strip()
                arrays.setdefault(name, []).append(number)
                table = f"[[{name}]]{len(arrays[name]) - 1}"
                continue
            if header:
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
    return _Lines(tables, keys, strings, arrays)


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


@dataclass
class Parsed:
    """What one or more glossary files hold, and every problem found in them."""

    entities: list[Entity]
    not_names: list[NotName]
    problems: list[Problem]


def parse(text: str, path: str | Path = "<text>") -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem found in one glossary file's text."""
    parsed = parse_file(text, path)
    return parsed.entities, parsed.problems


def parse_file(text: str, path: str | Path = "<text>") -> Parsed:
    """Entities, non-names and every problem found in one glossary file's text."""
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Parsed([], [], [_decode_error(path, text, exc)])
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        return Parsed([], [], [Problem(str(path), None, "arrays or tables nested too deeply to read; "
                                                         "a glossary entity needs only flat lists")])
    lines = _scan(text)
    problems: list[Problem] = []
    entities: list[Entity] = []
    not_names: list[NotName] = []

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(str(path), line, message))

    for entity_id, body in data.items():
        if entity_id == NOT_A_NAME:
            not_names = _not_names(body, lines, problem, str(path))
            continue
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
    return Parsed(entities, not_names, problems)


def _not_names(body, lines: _Lines, problem, source: str) -> list[NotName]:
    """The ``[[not_a_name]]`` tables: each a language and a spelling, none listed twice."""
    from workbench.names.normalize import normalize

    headers = lines.arrays.get(NOT_A_NAME, [])
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        problem(lines.keys.get((None, NOT_A_NAME), headers[0] if headers else lines.table(NOT_A_NAME)),
                f'"{NOT_A_NAME}" must be [[{NOT_A_NAME}]] tables, each with lang = "..." and spelling = "..."')
        return []
    out: list[NotName] = []
    seen: dict[tuple[str, str], int | None] = {}
    for index, item in enumerate(body):
        at = headers[index] if index < len(headers) else None
        table = f"[[{NOT_A_NAME}]]{index}"
        for key in item:
            if key not in NOT_A_NAME_KEYS:
                problem(lines.keys.get((table, key), at),
                        f'not_a_name: unknown key "{key}" (expected {", ".join(NOT_A_NAME_KEYS)})')
        lang, spelling = item.get("lang"), item.get("spelling")
        wrong = rules.spelling_problem(lang, spelling) if spelling is not None else "no spelling"
        if lang not in VARIANT_LANGS:
            wrong = rules.lang_problem(lang)
        if wrong:
            key = "lang" if lang not in VARIANT_LANGS else "spelling"
            problem(lines.keys.get((table, key), at), f"not_a_name: {wrong}")
            continue
        spelling = rules.clean(spelling)
        slot = (lang, normalize(spelling, lang))
        if slot in seen:
            first = f" (first at line {seen[slot]})" if seen[slot] else ""
            problem(at, f'not_a_name: "{spelling}" ({lang}) is listed twice{first}; keep one')
            continue
        seen[slot] = at
        out.append(NotName(lang, spelling, source, at))
    return out


def not_name_conflicts(entities: Iterable[Entity], not_names: Iterable[NotName]) -> list[Problem]:
    """Non-names that an entity has as a spelling (same language and normal form): one must go."""
    from workbench.names.normalize import normalize

    owners = {(v.lang, normalize(v.text, v.lang)): e.id for e in entities for v in e.variants}
    return [Problem(n.source, n.line, f'"{n.spelling}" ({n.lang}) is listed as not a name, but entity '
                                      f'"{owner}" has this spelling; remove one of them')
            for n in not_names if (owner := owners.get((n.lang, normalize(n.spelling, n.lang))))]


def check_claims(entities: Iterable[Entity]) -> list[Problem]:
    """Duplicate ids across files and spellings claimed by two entities (same language, same normal form)."""
    return rules.claims_problems(entities)


def check_files(paths: Iterable[str | Path]) -> tuple[list[Entity], list[Problem]]:
    """Every entity and every problem of several glossary files loaded together."""
    parsed = check_glossary(paths)
    return parsed.entities, parsed.problems


def check_glossary(paths: Iterable[str | Path]) -> Parsed:
    """Every entity, non-name and problem of several glossary files loaded together."""
    entities: list[Entity] = []
    not_names: list[NotName] = []
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
        parsed = parse_file(text, path)
        for entity in parsed.entities:
            for variant in entity.variants:
                variant.source = str(path)
        entities.extend(parsed.entities)
        not_names.extend(parsed.not_names)
        problems.extend(parsed.problems)
    problems.extend(check_claims(entities))
    problems.extend(not_name_conflicts(entities, not_names))
    return Parsed(entities, not_names, problems)


def read_toml(path: str | Path) -> list[Entity]:
    """Entities of one glossary file; the first problem (and how many there are) as a UserError."""
    return read_files([path])


def read_files(paths: Iterable[str | Path]) -> list[Entity]:
    """Entities of several glossary files loaded together; any problem is a UserError."""
    return read_glossary(paths).entities


def read_glossary(paths: Iterable[str | Path]) -> Parsed:
    """Entities and non-names of several glossary files loaded together; any problem is a UserError."""
    parsed = check_glossary(paths)
    if parsed.problems:
        raise UserError(rules.report(parsed.problems))
    return parsed


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


def not_name_lines(item: NotName, comment: str = "") -> list[str]:
    """One ``[[not_a_name]]`` table (docs/glossary-format.md)."""
    return [f"[[{NOT_A_NAME}]]{'  # ' + comment if comment else ''}", f"lang = {quote(item.lang)}",
            f"spelling = {quote(item.spelling)}"]


def dumps(entities: Iterable[Entity], header: Iterable[str] = (), not_names: Iterable[NotName] = ()) -> str:
    """A whole glossary file: header comment lines, then entities and non-names separated by one blank line."""
    blocks = ["\n".join(entity_lines(e)) for e in entities] + ["\n".join(not_name_lines(n)) for n in not_names]
    head = "".join(f"# {line}\n" if line else "#\n" for line in header)
    return head + ("\n" if head and blocks else "") + "\n\n".join(blocks) + ("\n" if blocks else "")


def write_toml(entities: Iterable[Entity], path: str | Path, force: bool = True,
               not_names: Iterable[NotName] = ()) -> None:
    """Write a glossary file atomically in the canonical layout (the non-names after the entities)."""
    from workbench.store.atomic import AtomicFile

    text = dumps(list(entities), header=["Glossary written by workbench.", "Format: docs/glossary-format.md."],
                 not_names=not_names)
    with AtomicFile(path, force=force) as handle:
        handle.write(text)
