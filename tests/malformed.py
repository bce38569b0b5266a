"""Builds a folder of malformed article files, each with the words its rejection line must contain."""

from __future__ import annotations

import contextlib
import json
import os
import random
import socket
from dataclasses import dataclass
from pathlib import Path

FR = ("Les Forces démocratiques syriennes ont repris le contrôle de la prison de Hassaké. "
      "Selon M. Karim, plus de 10.000 personnes ont fui les combats dans le quartier de Ghwayran.")
FR2 = ("Le ministre a annoncé lundi un nouveau plan pour la reconstruction de la ville de Mossoul. "
       "Les travaux doivent commencer au printemps et durer plusieurs années, selon le gouvernement.")
AR = ("أعلنت قوات سوريا الديمقراطية استعادة السيطرة على سجن الصناعة في مدينة الحسكة. "
      "وأكدت القوات أن الوضع مستقر الآن في حي غويران.")

# the limits the folder is imported with (small, so the large cases stay fast)
MAX_FILE_SIZE = 256 * 1024


@dataclass
class Case:
    """One malformed file: its name (bytes allowed) and the words expected in its rejection line."""

    name: str | bytes
    expect: str  # a substring of the rejection line

    def shown_name(self) -> str:
        """How the report must print the name (escaped, one line)."""
        from workbench.errors import shown

        return shown(os.fsdecode(self.name))


def _write(folder: Path, name: str | bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as fh:
        fh.write(data)


def _line(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def build(folder: Path) -> list[Case]:
    """Write every malformed file into ``folder``; return what each one's rejection must say."""
    rng = random.Random(7)
    cases: list[Case] = []

    def add(name: str | bytes, data: bytes, expect: str) -> None:
        _write(folder, name, data)
        cases.append(Case(name, expect))

    add(b"latin1-\xe9t\xe9.txt", (FR + "\n").encode(), "file name is not valid UTF-8")
    add("nul.txt", b"Les Forces\x00 ont repris\x00 la prison.\n", "NUL bytes")
    add("new\nline.txt", b"abc\x00def", "NUL bytes")
    add("tab\tand\x1bescape.md", b"\x00\x01\x02", "binary file")
    add("huge-number.jsonl", b'{"text": "x", "id": 1' + b"0" * 100_000 + b"}\n", "more than 4300 digits")
    add("deep-array.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested deeper than")
    add("deep-object.jsonl", b'{"a":' * 5_000 + b"1" + b"}" * 5_000 + b"\n", "nested deeper than")
    add("empty.txt", b"", "empty file")
    add("blank.md", b" \n\r\n\t\n", "empty file")
    add("garbage.txt", bytes(rng.choice([*range(1, 9), *range(14, 32), 0x7F]) for _ in range(4000)),
        "binary file")
    add("random.html", bytes(rng.randrange(256) for _ in range(4000)), "binary file")
    add("fake.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document")
    add("zip.txt", b"PK\x03\x04" + bytes(100), "zip archive")
    add("truncated.jsonl", _line({"text": FR2}) + b'{"text": "Les Forces d\xc3\xa9mocra', "line 2: invalid JSON")
    add("array.jsonl", b"[1, 2, 3]\n", "expected a JSON object")
    add("no-text.jsonl", _line({"title": "x"}), 'missing or empty "text"')
    add("number-text.jsonl", _line({"text": 5}), 'missing or empty "text"')
    add("nan.jsonl", b'{"text": NaN}\n', 'missing or empty "text"')
    add("bad-lang.jsonl", _line({"text": FR, "lang": "xx\n"}), 'unknown language "xx\\n"')
    add("surrogate.jsonl", b'{"text": "Les Forces \\ud800 ont repris la prison."}\n', "lone")
    add("unterminated.md", ("---\ntitle: Hassaké\ndate: 2022-01-21\n\n" + FR + "\n").encode(),
        "line 1: front matter opened with '---' is never closed")
    add("front-only.md", b"---\ntitle: x\n---\n", "no text left")
    add("bomb.html", b"<html><body>" + b"<i>" * 60_000 + b"</body></html>", "elements (the limit")
    add("scripts.html", b"<html><head><script>var x = 1;</script></head><body></body></html>",
        "no article text")
    add("big.txt", (FR + "\n").encode() * (MAX_FILE_SIZE // 100), "file too large")
    add("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8A\x00", "invalid UTF-16")
    add("bom-then-latin1.txt", b"\xef\xbb\xbf" + FR.encode() + b"\nd\xe9j\xe0 vu\n", "UTF-8 mark (BOM)")
    add("unknown-lang.txt", b"xkcd qwrtp zzvb 12345\n", "unknown language")
    add("half-good.jsonl", _line({"text": FR2 + " Bis."}) + b'{"text": 3}\n', "line 2")
    # special files: refused by type before they are opened
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    cases.append(Case("pipe.txt", "not a regular file (a named pipe"))
    os.symlink("/dev/zero", folder / "zero.txt")
    cases.append(Case("zero.txt", "not a regular file (a character device)"))
    os.symlink(folder / "missing-target.txt.gone", folder / "dangling.md")
    cases.append(Case("dangling.md", "no such file"))
    if _socket(folder, "socket.txt"):
        cases.append(Case("socket.txt", "not a regular file (a socket)"))
    return cases


def _socket(folder: Path, name: str) -> bool:
    """A Unix socket file in ``folder`` (bound through a relative name: socket paths are short)."""
    here = os.getcwd()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.chdir(folder)
        sock.bind(name)
        return True
    except OSError:
        return False
    finally:
        os.chdir(here)
        with contextlib.suppress(OSError):
            sock.close()


def good(folder: Path) -> list[str]:
    """Two good files (one French text, one Arabic JSONL line); their names."""
    (folder / "good-fr.txt").write_text("Prison reprise\n" + FR + "\n", encoding="utf-8")
    (folder / "good-ar.jsonl").write_bytes(_line({"text": AR, "title": "الحسكة"}))
    return ["good-fr.txt", "good-ar.jsonl"]
