"""TBX glossary files: written as TBX-Basic (ISO 30042 ``martif``), read from TBX-Basic or TBX v3, safely.

One ``termEntry`` per entity, one ``langSet`` per language, one ``tig``/``term`` per spelling. The
canonical English name is the English term marked ``preferredTerm-admn-sts``; the entity type is a
``subjectField`` descrip, the note an English ``definition`` descrip, the Wikidata id an
``externalCrossReference`` xref. Reading goes through defusedxml: DTD entities (entity expansion,
"billion laughs") and external references are refused with a clear error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench import __version__
from workbench.errors import UserError
from workbench.text.xml import xml_attr, xml_text
from workbench.glossary import rules
from workbench.glossary.model import Entity, Variant
from workbench.glossary.rules import Problem

SUFFIXES = (".tbx",)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
WIKIDATA_URL = "https://www.wikidata.org/wiki/"
LANGSET_ORDER = ("en", "ar", "fr")  # English first: tools that take the first langSet as source get the canonical
_QID = re.compile(r"(?<![A-Za-z0-9])(Q[1-9][0-9]*)$")
# on the canonical English term when it is not one of the entity's spellings (read back as such)
CANONICAL_ONLY = "workbench: canonical name only, not a listed spelling"


# ---- writing -------------------------------------------------------------------------------------


def _term(text: str, status: str | None = None, note: str | None = None) -> str:
    extra = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    if note:
        extra += f"<note>{xml_text(note)}</note>"
    return f"          <tig><term>{xml_text(text)}</term>{extra}</tig>\n"


def entry(entity: Entity) -> str:
    """The ``termEntry`` element of one entity."""
    out = [f'      <termEntry id="{xml_attr(entity.id)}">\n',
           f'        <descrip type="subjectField">{xml_text(entity.type)}</descrip>\n']
    if entity.wikidata:
        out.append(f'        <xref type="externalCrossReference" target="{xml_attr(WIKIDATA_URL + entity.wikidata)}">'
                   f"{xml_text(entity.wikidata)}</xref>\n")
    for lang in LANGSET_ORDER:
        spellings = _unique(v.text for v in entity.variants if v.lang == lang)
        if lang == "en":
            spellings = [entity.canonical] + [s for s in spellings if s != entity.canonical]
        if not spellings:
            continue
        out.append(f'        <langSet xml:lang="{lang}">\n')
        if lang == "en" and entity.note:
            out.append(f'          <descrip type="definition">{xml_text(entity.note)}</descrip>\n')
        listed = any(v.lang == "en" and v.text.strip() == entity.canonical for v in entity.variants)
        for text in spellings:
            if lang == "en" and text == entity.canonical:
                out.append(_term(text, PREFERRED, None if listed else CANONICAL_ONLY))
            elif lang == "en":
                out.append(_term(text, ADMITTED))
            else:
                out.append(_term(text))
        out.append("        </langSet>\n")
    out.append("      </termEntry>\n")
    return "".join(out)


def dumps(entities: Iterable[Entity]) -> str:
    """A whole TBX-Basic document."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX-Basic" xml:lang="en">\n'
        "  <martifHeader>\n"
        "    <fileDesc>\n"
        "      <titleStmt><title>workbench glossary</title></titleStmt>\n"
        f"      <sourceDesc><p>Written by workbench {xml_text(__version__)}: entities with their canonical "
        "English name and spellings in Arabic, French and English.</p></sourceDesc>\n"
        "    </fileDesc>\n"
        '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>\n'
        "  </martifHeader>\n"
        "  <text>\n"
        "    <body>\n"
    )
    return head + "".join(entry(e) for e in entities) + "    </body>\n  </text>\n</martif>\n"


def write_tbx(entities: Iterable[Entity], path: str | Path, force: bool = False) -> Path:
    """Write a TBX-Basic file atomically; an existing file is replaced only with ``force``."""
    from workbench.store.atomic import AtomicFile

    text = dumps(list(entities))
    with AtomicFile(path, force=force) as handle:
        handle.write(text)
    return Path(path)


def _unique(texts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        text = text.strip()
        if text:
            seen.setdefault(text)
    return list(seen)


# ---- reading -------------------------------------------------------------------------------------


def parse_xml_file(path: Path, what: str):
    """The root element of an XML file, parsed with defusedxml; every refusal is a UserError."""
    import defusedxml
    from defusedxml import ElementTree as SafeET

    from workbench.glossary.files import read_bytes

    raw = read_bytes(path, f"a {what} file")
    try:
        return SafeET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise UserError(f"{path}: refused: the file declares XML entities ({exc.name!r}), which can expand "
                        "without limit or read other files; remove the <!ENTITY> declarations") from None
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        raise UserError(f"{path}: refused: the file refers to an external resource ({exc}); "
                        "remove the reference") from None
    except defusedxml.DefusedXmlException as exc:
        raise UserError(f"{path}: refused: unsafe XML construct ({exc})") from None
    except SafeET.ParseError as exc:
        line, column = exc.position
        raise UserError(f"{path}:{line}: not well-formed XML (column {column + 1}): "
                        f"{str(exc).split(':')[0]}") from None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _lang(element) -> str:
    raw = element.get(XML_LANG) or element.get("lang") or ""
    return raw.replace("_", "-").split("-")[0].lower()


def read_tbx(path: str | Path) -> list[Entity]:
    """Entities from a TBX-Basic (``martif``) or TBX v3 (``tbx``) file; every problem in one UserError."""
    entities, problems = check_tbx(path)
    if problems:
        raise UserError(rules.report(problems))
    return entities


def check_tbx(path: str | Path) -> tuple[list[Entity], list[Problem]]:
    """Entities and every problem of a TBX file, entries counted from 1 (an unreadable file is a UserError).

    Each entry needs an id in the glossary's form, a type (``subjectField`` descrip: person, place,
    org or other) and an English term (the canonical name); languages are ar, fr and en.
    """
    path = Path(path)
    root = parse_xml_file(path, "TBX")
    if _local(root.tag) not in ("martif", "tbx"):
        raise UserError(f"{path}: not a TBX file (the root element is <{_local(root.tag)}>, expected "
                        "<martif> or <tbx>)")
    entities: list[Entity] = []
    problems: list[Problem] = []
    number = 0
    for element in root.iter():
        if _local(element.tag) not in ("termEntry", "conceptEntry"):
            continue
        number += 1
        entity, wrong = _entity(element, number, path)
        name = f'entity "{element.get("id")}": ' if element.get("id") else ""
        problems.extend(rules.at(str(path), number, name + message, "entry") for message in wrong)
        if entity is not None:
            entities.append(entity)
    problems.extend(rules.validate(entities, str(path), unit="entry"))
    return entities, problems


def _entity(element, number: int, path: Path) -> tuple[Entity | None, list[str]]:
    raw_id = element.get("id") or ""
    wrong: list[str] = []
    etype = None
    wikidata = note = None
    canonical = None
    variants: list[Variant] = []
    for child in element:
        name = _local(child.tag)
        if name == "descrip" and child.get("type") == "subjectField" and etype is None:
            etype = _text(child).lower()
        elif name == "descrip" and child.get("type") == "definition" and not note:
            note = _text(child) or None
        elif name == "note" and not note:
            note = _text(child) or None
        elif name == "xref" and not wikidata:
            wikidata = _wikidata(child)
        elif name in ("langSet", "langSec"):
            lang = _lang(child)
            if lang not in rules.VARIANT_LANGS:
                wrong.append(f"{rules.lang_problem(lang)} in xml:lang of a langSet; remove that langSet "
                             "(the glossary keeps ar, fr and en)")
                continue
            for sub in child:
                sub_name = _local(sub.tag)
                if sub_name == "descrip" and sub.get("type") == "definition" and not note:
                    note = _text(sub) or None
                if sub_name not in ("tig", "ntig", "termSec"):
                    continue
                term = next((t for t in sub.iter() if _local(t.tag) == "term"), None)
                text = _text(term) if term is not None else ""
                if not text:
                    continue
                preferred = any(_local(n.tag) == "termNote" and n.get("type") == "administrativeStatus"
                                and _text(n).startswith("preferredTerm") for n in sub.iter())
                only = any(_local(n.tag) == "note" and _text(n) == CANONICAL_ONLY for n in sub.iter())
                if lang == "en" and (canonical is None or (preferred and not canonical[1])):
                    canonical = (text, preferred)
                if not only and not any(v.lang == lang and v.text == text for v in variants):
                    variants.append(Variant(lang, text, source=str(path), line=number))
    if canonical is None:
        wrong.append("no English term; each entry needs one (its canonical English name)")
        return None, wrong
    if etype is None:
        etype = ""
    return Entity(raw_id, etype, canonical[0], wikidata=wikidata, note=note, variants=variants, line=number), wrong


def _wikidata(xref) -> str | None:
    for value in (xref.get("target") or "", _text(xref)):
        if "wikidata" in value or value.startswith("Q"):
            found = _QID.search(value.strip().rstrip("/"))
            if found:
                return found.group(1)
    return None
