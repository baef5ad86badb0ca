"""The rules of a training session that are not a column's: its code, its attendees' score
and department, the people who left, and what a link names.

Shared by TrainingService's writes and the form's validation as the user types, so both
say the same (workbench.services.training).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from workbench.services.errors import FieldError, NotFoundError, ValidationError
from workbench.services.kinds import ATTENDANCE, TRAINING_SESSION
from workbench.store import sequences
from workbench.store.models import Person

ATTENDEES = "attendees"


def refuse(name: str, code: str, message: str, **params: Any) -> ValidationError:
    return ValidationError([FieldError(name, code, message, params)])


def defaults() -> dict[str, Any]:
    return {k: v for k, v in TRAINING_SESSION.blank().items() if v is not None and v != ""}


def checked(values: Mapping[str, Any]) -> dict[str, Any]:
    clean, errors = TRAINING_SESSION.check(values)
    if errors:
        raise ValidationError(errors)
    return clean


def checked_score(score: Any) -> Any:
    """The score as a TypedNumber (None: not assessed); refused outside 0–100."""
    clean, errors = ATTENDANCE.check({"score": score}, complete=False)
    if errors:
        raise ValidationError(errors)
    return clean.get("score")


def attendee(session: Session, person_id: Any, held_on: dt.date) -> Person:
    """The person who attends a session held on ``held_on``: one who exists and had not
    left the plant before it."""
    if isinstance(person_id, bool) or not isinstance(person_id, int):
        raise refuse("person_id", "unknown_reference", "refers to no person")
    person = session.get(Person, person_id)
    if person is None:
        raise refuse("person_id", "unknown_reference", "refers to no person")
    if person.left_on is not None and person.left_on < held_on:
        raise refuse(
            "person_id",
            "person_left",
            f"{person.name} left on {person.left_on}",
            value=person.name,
            title=person.left_on.isoformat(),
        )
    return person


def next_code(session: Session, held_on: dt.date) -> str:
    """T-2026-0001: numbered per year the session was held, never handed out again."""
    return sequences.next_code(session, f"T-{held_on.year}", 4)


def missing(kind: str, rid: int) -> NotFoundError:
    return NotFoundError(f"{kind} {rid} does not exist")
