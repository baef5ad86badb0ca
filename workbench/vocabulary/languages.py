"""The languages the program speaks, and which one to use: asked for, else Settings, else
the system locale, else English.

Qt-free, so the command line, the window and the reports choose the same way. English is
the source language of the window's strings (Qt loads no translation for it).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from typing import Final

from workbench.settings import Settings

LANGUAGES: Final = ("zh_CN", "en")
SOURCE_LANGUAGE: Final = "en"
DEFAULT_LANGUAGE: Final = "en"

# Each language named in itself, as every program lists them.
LANGUAGE_NAMES: Final[Mapping[str, str]] = {"zh_CN": "中文（简体）", "en": "English"}

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def supported(name: str | None) -> str | None:
    """The supported language a locale name means ("zh_TW.UTF-8" → zh_CN), or None.

    Every Chinese locale gets the simplified Chinese window: it is the only Chinese
    translation, and far closer to a Chinese reader than English.
    """
    text = (name or "").strip().replace("-", "_").lower()
    if not text or text in ("c", "posix") or text.startswith(("c.", "posix.")):
        return None
    if text.startswith(("zh", "chinese")):  # "Chinese (Simplified)_China" on Windows
        return "zh_CN"
    if text.startswith(("en", "english")):
        return "en"
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the system locale: the first of LC_ALL, LC_MESSAGES, LANG, LANGUAGE
    that is set (as the C library reads them), else Python's locale; English otherwise."""
    environ = os.environ if environ is None else environ
    names = [environ.get(variable, "") for variable in _LOCALE_VARIABLES]
    names.append(locale.getlocale()[0] or "")
    name = next((n for n in names if n and n.split(".")[0] not in ("C", "POSIX")), "")
    return supported(name) or DEFAULT_LANGUAGE


def resolve_language(
    asked: str | None = None,
    settings: Settings | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """One of LANGUAGES: ``asked`` (e.g. ``--lang``), else the language chosen in Settings
    (loaded when not given), else the system locale, else English. An unknown name counts
    as not given."""
    found = supported(asked)
    if found is None:
        found = supported((settings if settings is not None else Settings.load()).language)
    return found or system_language(environ)
