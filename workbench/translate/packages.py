"""Argos translation packages on disk: where they live, which are installed, validating and installing.

A package (``.argosmodel``) is a zip archive of one folder holding ``metadata.json``, a CTranslate2
model in ``model/`` (``model.bin`` plus vocabulary) and a tokenizer (``sentencepiece.model`` or
``bpe.model``). The folder is unpacked as is into the packages directory, the layout argostranslate
itself uses, so packages installed by either tool are seen by both.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from workbench.errors import UserError

TARGET = "en"
LANG_NAMES = {"ar": "Arabic", "fr": "French", "en": "English"}


# ---- where packages live -----------------------------------------------------------------------


def _argos_home() -> Path:
    return Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()


def _argos_settings() -> dict:
    """argostranslate's optional ``settings.json`` (read without importing argostranslate)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or _argos_home() / ".config")
    try:
        data = json.loads((config / "argos-translate" / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def packages_dir() -> Path:
    """The packages directory, resolved the way argostranslate 1.11 does it.

    ``$ARGOS_PACKAGES_DIR``, else ``ARGOS_PACKAGES_DIR`` in ``~/.config/argos-translate/settings.json``,
    else ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/argos-translate/packages``).
    """
    explicit = os.environ.get("ARGOS_PACKAGES_DIR") or _argos_settings().get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or _argos_home() / ".local" / "share")
    return data / "argos-translate" / "packages"


# ---- installed packages ------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageInfo:
    """What ``metadata.json`` says about a package."""

    from_code: str
    to_code: str
    version: str
    type: str = "translate"
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def folder_name(self) -> str:
        """argospm's name for the package folder: ``translate-fr_en-1_9``."""
        return f"{self.type}-{self.from_code}_{self.to_code}-{self.version.replace('.', '_') or '0'}"


@dataclass(frozen=True)
class InstalledPackage:
    """A package unpacked in the packages directory."""

    path: Path
    info: PackageInfo
    tokenizer: str  # "sentencepiece" or "bpe"

    @property
    def model_id(self) -> str:
        """Names the model in ``translations.model`` and keys the translation cache."""
        return f"argos:{self.path.name}@{self.info.version}"

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def parse_metadata(data: object, where: str) -> PackageInfo:
    """Check ``metadata.json`` content; raise ``UserError`` naming the missing field."""
    if not isinstance(data, dict):
        raise UserError(f"{where}: metadata.json must hold a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise UserError(f"{where}: metadata.json has no \"{key}\"; this is not a translation package")
    kind = data.get("type") or "translate"
    if kind != "translate":
        raise UserError(f"{where}: package type is \"{kind}\", not a translation package")
    version = data.get("package_version")
    return PackageInfo(
        from_code=data["from_code"].strip(),
        to_code=data["to_code"].strip(),
        version=str(version).strip() if version is not None else "",
        target_prefix=data.get("target_prefix") or "",
    )


def _read_installed(path: Path) -> InstalledPackage | None:
    try:
        info = parse_metadata(json.loads((path / "metadata.json").read_text(encoding="utf-8")), str(path))
    except (OSError, ValueError, UserError):
        return None
    if not (path / "model" / "model.bin").is_file():
        return None
    if (path / "sentencepiece.model").is_file():
        tokenizer = "sentencepiece"
    elif (path / "bpe.model").is_file():
        tokenizer = "bpe"
    else:
        return None
    return InstalledPackage(path, info, tokenizer)


def installed(directory: Path | None = None) -> list[InstalledPackage]:
    """Usable translation packages, sorted by pair then version (newest last)."""
    root = directory or packages_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            package = _read_installed(child)
            if package is not None:
                found.append(package)
    return sorted(found, key=lambda p: (p.info.from_code, p.info.to_code, version_key(p.info.version)))


def find(from_code: str, to_code: str = TARGET, directory: Path | None = None) -> InstalledPackage | None:
    """The newest installed package for a pair, or None."""
    matches = [p for p in installed(directory) if (p.info.from_code, p.info.to_code) == (from_code, to_code)]
    return matches[-1] if matches else None


def version_key(version: str) -> tuple:
    parts = []
    for piece in version.replace("-", ".").split("."):
        parts.append((0, int(piece), "") if piece.isdigit() else (1, 0, piece))
    return tuple(parts)


def no_model_message(lang: str, count: int | None = None) -> str:
    """The one line that tells the user how to get a model for ``lang``."""
    name = LANG_NAMES.get(lang, lang)
    left = f": {count} sentence(s) left untranslated" if count is not None else ""
    return (
        f"no translation model for {name} ({lang}->en) is installed{left}. Get one with "
        f"`workbench models install {lang}` (downloads from the Argos index) or copy a package file "
        f"in with `workbench models add FILE.argosmodel`."
    )


# ---- validating and installing an archive ------------------------------------------------------


def _archive_root(names: list[str], where: str) -> str:
    """The folder inside the archive that holds ``metadata.json`` ('' for the archive root)."""
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            raise UserError(f"{where}: unsafe path in the archive ({name}); not installing it")
    if "metadata.json" in names:
        return ""
    tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/metadata.json" in names:
            return top
    raise UserError(f"{where}: no metadata.json in the archive (expected FOLDER/metadata.json)")


def validate_archive(path: Path) -> PackageInfo:
    """Check a ``.argosmodel`` without unpacking it; raise ``UserError`` with one clear line."""
    where = str(path)
    if not path.is_file():
        raise UserError(f"{where}: no such file")
    if not zipfile.is_zipfile(path):
        raise UserError(f"{where}: not a package file (an .argosmodel is a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            root = _archive_root(names, where)
            prefix = f"{root}/" if root else ""
            try:
                metadata = json.loads(archive.read(prefix + "metadata.json").decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise UserError(f"{where}: metadata.json is not valid JSON ({exc})") from None
            info = parse_metadata(metadata, where)
            if prefix + "model/model.bin" not in names:
                raise UserError(f"{where}: no CTranslate2 model in the archive (missing {prefix}model/model.bin)")
            if archive.getinfo(prefix + "model/model.bin").file_size == 0:
                raise UserError(f"{where}: {prefix}model/model.bin is empty")
            has_sp = prefix + "sentencepiece.model" in names
            if not has_sp and prefix + "bpe.model" not in names:
                raise UserError(f"{where}: no tokenizer in the archive (need sentencepiece.model or bpe.model)")
            if has_sp:
                _check_sentencepiece(archive.read(prefix + "sentencepiece.model"), where)
            bad = archive.testzip()
            if bad is not None:
                raise UserError(f"{where}: the archive is damaged ({bad} fails its checksum)")
    except zipfile.BadZipFile as exc:
        raise UserError(f"{where}: damaged archive ({exc})") from None
    if info.to_code != TARGET:
        raise UserError(
            f"{where}: package translates {info.pair}; the workbench translates into English only (xx->en)"
        )
    return info


def _check_sentencepiece(data: bytes, where: str) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_proto=data)
    except (RuntimeError, OSError, ValueError) as exc:  # what sentencepiece raises for a bad proto
        raise UserError(f"{where}: sentencepiece.model cannot be loaded ({str(exc).splitlines()[0]})") from None


def _check_model_loads(model_dir: Path, where: str) -> None:
    import ctranslate2

    try:
        ctranslate2.Translator(str(model_dir), device="cpu", intra_threads=1)
    except (RuntimeError, OSError, ValueError) as exc:  # what CTranslate2 raises for a bad model
        raise UserError(f"{where}: the CTranslate2 model cannot be loaded ({str(exc).splitlines()[0]})") from None


@dataclass
class InstallResult:
    """What ``install_archive`` did."""

    package: InstalledPackage
    replaced: list[Path]


def install_archive(path: Path, directory: Path | None = None) -> InstallResult:
    """Validate, unpack beside the packages, load-test, then move into place; on any error nothing changes.

    An installed package for the same pair (an older or the same version) is replaced.
    """
    info = validate_archive(path)
    root_dir = directory or packages_dir()
    try:
        root_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{root_dir}: cannot create the packages folder ({exc.strerror})") from None
    staging = root_dir / f".staging-{uuid.uuid4().hex[:8]}"
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            top = _archive_root(names, str(path))
            archive.extractall(staging)
        unpacked = staging / top if top else staging
        _check_model_loads(unpacked / "model", str(path))
        name = top if top and not top.startswith(".") else info.folder_name
        target = root_dir / name
        replaced = [p.path for p in installed(root_dir)
                    if (p.info.from_code, p.info.to_code) == (info.from_code, info.to_code)]
        if target.exists() and target not in replaced:
            replaced.append(target)
        retired: list[tuple[Path, Path]] = []
        try:
            for old in replaced:
                moved = root_dir / f".retired-{uuid.uuid4().hex[:8]}"
                old.rename(moved)
                retired.append((old, moved))
            unpacked.rename(target)
        except OSError:
            for old, moved in reversed(retired):  # put the previous packages back
                moved.rename(old)
            raise
        for _, moved in retired:
            shutil.rmtree(moved, ignore_errors=True)
    except OSError as exc:
        raise UserError(f"{path}: cannot install into {root_dir} ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _read_installed(target)
    if package is None:  # cannot happen after validation, but never report a success we cannot see
        raise UserError(f"{path}: installed into {target} but it cannot be read back; remove that folder")
    return InstallResult(package, replaced)
