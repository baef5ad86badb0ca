"""Where the program's own files are: resources (fonts, translations), db (migrations, demo).

In a source checkout they sit beside the package; an installed wheel carries them
inside it as ``_resources`` and ``_db`` (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(installed: str, source: str) -> Path:
    inside = _PACKAGE / installed
    if inside.is_dir():
        return inside
    beside = _PACKAGE.parent / source
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"program files missing: neither {inside} nor {beside} exists")


def resources_dir() -> Path:
    return _locate("_resources", "resources")


def db_dir() -> Path:
    return _locate("_db", "db")


def migrations_dir() -> Path:
    return db_dir() / "migrations"


def demo_dir() -> Path:
    return db_dir() / "demo"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "i18n"
