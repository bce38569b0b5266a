"""The Argos package index and package downloads: the only code in the workbench that uses the network.

Called only by ``workbench models install``. Uses urllib directly: argostranslate's own
``update_package_index`` / ``get_available_packages`` are not used (the latter recurses forever when
the index cannot be fetched).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError
from workbench.translate import packages

# argostranslate's default (settings.package_index + "index.json")
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
CHUNK = 256 * 1024
TIMEOUT = 60

# progress callback: (what, bytes done, bytes total or None)
OnBytes = Callable[[str, int, int | None], None]


def index_url(explicit: str | None = None) -> str:
    """``--index-url``, else ``$WORKBENCH_PACKAGE_INDEX``, else ``$ARGOS_PACKAGE_INDEX`` (a base URL, as
    argostranslate reads it), else argostranslate's default index."""
    if explicit:
        return explicit
    if os.environ.get("WORKBENCH_PACKAGE_INDEX"):
        return os.environ["WORKBENCH_PACKAGE_INDEX"]
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    return DEFAULT_INDEX_URL


def _open(url: str):
    try:
        return urllib.request.urlopen(url, timeout=TIMEOUT)
    except urllib.error.HTTPError as exc:
        raise UserError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UserError(f"{url}: cannot connect ({reason}); check the network, or copy a package file in "
                        f"with `workbench models add FILE.argosmodel`") from None


def fetch_index(url: str) -> list[dict]:
    """The index: a JSON list of package metadata objects."""
    with _open(url) as response:
        body = response.read()
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise UserError(f"{url}: not a package index (expected a JSON list of packages)") from None
    if not isinstance(data, list):
        raise UserError(f"{url}: not a package index (expected a JSON list of packages)")
    return [entry for entry in data if isinstance(entry, dict)]


def choose(index: list[dict], lang: str, url: str) -> dict:
    """The newest ``lang``->en translation package in the index."""
    matches = [
        e for e in index
        if e.get("from_code") == lang and e.get("to_code") == packages.TARGET
        and (e.get("type") or "translate") == "translate" and e.get("links")
    ]
    if not matches:
        raise UserError(f"{url}: the index has no {lang}->en package")
    return max(matches, key=lambda e: packages.version_key(str(e.get("package_version", ""))))


def download(entry: dict, dest: Path, on_bytes: OnBytes | None = None) -> Path:
    """Fetch the package file from the first link that works into ``dest``."""
    errors = []
    label = f"{entry.get('from_code')}->{entry.get('to_code')} {entry.get('package_version', '')}".strip()
    for link in entry.get("links") or []:
        try:
            with _open(link) as response, open(dest, "wb") as out:
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                done = 0
                if on_bytes:
                    on_bytes(label, 0, total)
                while True:
                    chunk = response.read(CHUNK)
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if on_bytes:
                        on_bytes(label, done, total)
            if total is not None and done != total:
                raise UserError(f"{link}: download cut short ({done} of {total} bytes)")
            return dest
        except (UserError, OSError) as exc:
            errors.append(str(exc))
    raise UserError(errors[0] if errors else f"the index entry for {label} has no download link")


@dataclass
class Installed:
    """Outcome for one language."""

    lang: str
    message: str
    result: packages.InstallResult | None = None


def install(langs: list[str], url: str, *, force: bool = False, on_bytes: OnBytes | None = None) -> list[Installed]:
    """Install the newest ``lang``->en package for each language from the index at ``url``."""
    index = fetch_index(url)
    chosen = [(lang, choose(index, lang, url)) for lang in langs]  # every language known before downloading
    root = packages.packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for lang, entry in chosen:
        version = str(entry.get("package_version", ""))
        current = packages.find(lang)
        if current is not None and current.info.version == version and not force:
            outcomes.append(Installed(lang, f"{lang}->en {version} is already installed ({current.path})"))
            continue
        partial = root / f".download-{uuid.uuid4().hex[:8]}.argosmodel"
        try:
            download(entry, partial, on_bytes)
            try:
                result = packages.install_archive(partial, root)
            except UserError as exc:
                reason = str(exc).replace(f"{partial}: ", "")
                raise UserError(f"{entry['links'][0]}: downloaded package rejected, nothing installed: {reason}") from None
        finally:
            partial.unlink(missing_ok=True)
        outcomes.append(Installed(lang, f"installed {lang}->en {version} in {result.package.path}", result))
    return outcomes
