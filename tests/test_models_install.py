"""`workbench models install`: the real download path against an index served on 127.0.0.1."""

from __future__ import annotations

import functools
import json
import shutil
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from tests.test_translate_support import tiny_archive
from workbench.cli import main
from workbench.errors import UserError
from workbench.translate import index, packages


class QuietHandler(SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args):
        QuietHandler.requests.append(self.path)


@pytest.fixture
def server(tmp_path, allow_loopback):
    root = tmp_path / "www"
    root.mkdir()
    QuietHandler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield root, base
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def publish(root, base, tmp_path_factory, entries):
    """Write index.json listing ``entries`` (lang -> file name served, or None for no file)."""
    index_entries = []
    for lang, name in entries.items():
        if name and not (root / name).exists():
            shutil.copy(tiny_archive(tmp_path_factory, lang), root / name)
        index_entries.append({
            "type": "translate", "from_code": lang, "to_code": "en", "package_version": "0.1",
            "argos_version": "1.9", "from_name": lang, "to_name": "English",
            "links": [f"{base}/{name or 'missing.argosmodel'}"],
        })
    index_entries.append({"type": "translate", "from_code": "en", "to_code": "fr", "package_version": "9",
                          "links": [f"{base}/never.argosmodel"]})
    (root / "index.json").write_text(json.dumps(index_entries))
    return f"{base}/index.json"


def test_install_downloads_validates_and_installs(server, tmp_path_factory, capsys):
    root, base = server
    url = publish(root, base, tmp_path_factory, {"fr": "fr.argosmodel", "ar": "ar.argosmodel"})
    assert main(["models", "install", "ar", "fr", "--index-url", url]) == 0
    out = capsys.readouterr().out
    assert "installed ar->en 0.1" in out and "installed fr->en 0.1" in out
    assert {p.info.pair for p in packages.installed()} == {"ar->en", "fr->en"}
    assert QuietHandler.requests == ["/index.json", "/ar.argosmodel", "/fr.argosmodel"]
    assert not [p for p in packages.packages_dir().iterdir() if p.name.startswith(".")]  # no leftovers
    # the same version again: nothing downloaded
    QuietHandler.requests = []
    assert main(["models", "install", "fr", "--index-url", url]) == 0
    assert "already installed" in capsys.readouterr().out and QuietHandler.requests == ["/index.json"]


def test_index_url_from_the_environment(server, tmp_path_factory, monkeypatch):
    root, base = server
    url = publish(root, base, tmp_path_factory, {"fr": "fr.argosmodel"})
    monkeypatch.setenv("WORKBENCH_PACKAGE_INDEX", url)
    assert index.index_url() == url
    assert main(["models", "install", "fr"]) == 0
    assert packages.find("fr") is not None
    monkeypatch.delenv("WORKBENCH_PACKAGE_INDEX")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base + "/")  # argostranslate's variable: a base URL
    assert index.index_url() == url
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX")
    assert index.index_url() == index.DEFAULT_INDEX_URL


def test_language_missing_from_the_index_downloads_nothing(server, tmp_path_factory, capsys):
    root, base = server
    url = publish(root, base, tmp_path_factory, {"fr": "fr.argosmodel"})
    assert main(["models", "install", "fr", "ar", "--index-url", url]) == 2
    assert "the index has no ar->en package" in capsys.readouterr().err
    assert QuietHandler.requests == ["/index.json"] and packages.installed() == []


def test_bad_download_is_rejected_and_nothing_installed(server, tmp_path_factory, capsys):
    root, base = server
    (root / "fr.argosmodel").write_bytes(b"<html>not found, but with a 200</html>")
    url = publish(root, base, tmp_path_factory, {"fr": "fr.argosmodel"})
    assert main(["models", "install", "fr", "--index-url", url]) == 2
    err = capsys.readouterr().err
    assert "downloaded package rejected, nothing installed" in err and "zip archive" in err
    root_dir = packages.packages_dir()
    assert packages.installed() == [] and not [p for p in root_dir.iterdir() if p.name.startswith(".")]


def test_missing_file_and_unreachable_index(server, tmp_path_factory, capsys):
    root, base = server
    url = publish(root, base, tmp_path_factory, {"fr": None})
    assert main(["models", "install", "fr", "--index-url", url]) == 2
    assert "404" in capsys.readouterr().err
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    with pytest.raises(UserError, match="cannot connect"):
        index.install(["fr"], f"http://127.0.0.1:{dead}/index.json")
    (root / "index.json").write_text("<html>")
    with pytest.raises(UserError, match="not a package index"):
        index.install(["fr"], url)
    assert packages.installed() == []


def test_install_rejects_a_language_we_do_not_use(capsys):
    assert main(["models", "install", "de", "--index-url", "http://127.0.0.1:9/index.json"]) == 2
    assert "choose from ar, fr" in capsys.readouterr().err
