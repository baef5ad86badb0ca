"""The window's words for the record's keys, in the window's language.

A thin adapter over workbench.vocabulary: the language is the one the application was
started in (ensure_application makes it Qt's default locale), read on every call, so a
language change takes effect on the next call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from workbench import vocabulary

if TYPE_CHECKING:  # the errors module loads SQLAlchemy: not wanted at start-up
    from workbench.services.errors import FieldError

FIELDS = vocabulary.known_fields()


def language() -> str:
    """The window's language, one of workbench.vocabulary.LANGUAGES."""
    return vocabulary.supported(QLocale().name()) or vocabulary.DEFAULT_LANGUAGE


def choice(vocabulary_name: str, key: str | None) -> str:
    """The label of a stored key, e.g. choice("status", "open") → "Open" / "待处理"."""
    return vocabulary.label(vocabulary_name, key, language())


def choices(vocabulary_name: str) -> list[tuple[str, str]]:
    """(key, label) pairs in the vocabulary's order, for combo boxes."""
    return vocabulary.choices(vocabulary_name, language())


def hint(vocabulary_name: str, key: str | None = None) -> str:
    """A tooltip explaining a key (or, without one, the vocabulary); "" when none."""
    return vocabulary.hint(vocabulary_name, key, language())


def field(name: str, kind: str | None = None) -> str:
    return vocabulary.field_label(name, language(), kind)


def field_hint(name: str, kind: str | None = None) -> str:
    """What a field's domain term means (隐性成本, 治理路径 …), for its tooltip; or ""."""
    return vocabulary.field_hint(name, language(), kind)


def transition(current: str, target: str) -> str:
    """The name of a status change, for its button."""
    return vocabulary.transition_name(current, target, language())


def error(err: FieldError) -> str:
    """A FieldError in the user's language, naming the field."""
    return vocabulary.field_error(err, language())
