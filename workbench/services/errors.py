"""Errors a user can act on. Each names the field and the reason.

``code`` and ``params`` let the UI show a translated message; ``message`` is the English
text used by the command line and logs.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

# A failure of the database itself (busy, disk full, read-only …), raised by the units of
# work; re-exported so that callers above the services need not reach into the store.
from workbench.store.errors import StorageError

__all__ = [
    "Conflict",
    "ConflictError",
    "FieldError",
    "NotFoundError",
    "StorageError",
    "ValidationError",
]


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """Input that breaks a rule; nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)


class NotFoundError(LookupError):
    """The record asked for does not exist (any more)."""


@dataclass(frozen=True)
class Conflict:
    """A record that someone changed since the user read it: who, and when (UTC ISO)."""

    kind: str
    id: int
    by: str | None = None
    at: str | None = None
    fields: tuple[str, ...] = ()


class ConflictError(Exception):
    """The record changed under the user's feet; nothing was written or overwritten."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        first = conflicts[0]
        who = f" by {first.by} at {first.at}" if first.by else ""
        super().__init__(f"{first.kind} {first.id} was changed since{who}; nothing was saved")
        self.conflicts = conflicts
