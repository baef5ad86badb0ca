"""The rules of an improvement item that are not a column's: its quarter, the moves of its
status, the decision note a drop needs, the problems it must link, and its code.

Shared by ImprovementService's writes and the form's validation as the user types, so
both say the same (workbench.services.improvements).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services import quarters
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import IMPROVEMENT_ITEM
from workbench.services.vocabulary import (
    IMPROVEMENT_INITIAL,
    IMPROVEMENT_STATUSES,
    IMPROVEMENT_TRANSITIONS,
)
from workbench.store import sequences
from workbench.store.models import Problem

PROBLEMS = "problem_ids"
# What the team committed to, finished or not (a frozen list needs one; compare counts them).
COMMITTED = ("committed", "in_progress", "done")


def refuse(name: str, code: str, message: str, **params: Any) -> ValidationError:
    return ValidationError([FieldError(name, code, message, params)])


def quarter_of(name: str, value: Any) -> str:
    text, error = quarters.check(name, value)
    if error is not None or text is None:
        raise ValidationError([error or FieldError(name, "not_a_quarter", "is not a quarter")])
    return text


def defaults() -> dict[str, Any]:
    return {k: v for k, v in IMPROVEMENT_ITEM.blank().items() if v is not None and v != ""}


def split(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[Any] | None]:
    fields = dict(values)
    problems = fields.pop(PROBLEMS, None)
    if "quarter" in fields:
        text, error = quarters.check("quarter", fields["quarter"])
        fields["quarter"] = text if error is None else fields["quarter"]
    return fields, (list(problems) if isinstance(problems, list | tuple | set) else problems)


def problem_errors(problems: Any) -> list[FieldError]:
    if not isinstance(problems, list) or not problems:
        return [FieldError(PROBLEMS, "needs_problem", "links at least one problem")]
    if not all(isinstance(p, int) and not isinstance(p, bool) for p in problems):
        return [FieldError(PROBLEMS, "unknown_reference", "refers to no problem")]
    return []


def status_errors(current: str | None, clean: Mapping[str, Any]) -> list[FieldError]:
    wanted = clean.get("status")
    if wanted is None or wanted not in IMPROVEMENT_STATUSES:
        return []
    if current is None and wanted not in IMPROVEMENT_INITIAL:
        return [
            FieldError(
                "status", "initial_status", f"a new item is not {wanted}", {"wanted": wanted}
            )
        ]
    if current is not None and wanted != current and wanted not in IMPROVEMENT_TRANSITIONS[current]:
        return [
            FieldError(
                "status",
                "item_transition",
                f"cannot go from {current} to {wanted}",
                {"current": current, "wanted": wanted},
            )
        ]
    if wanted == "dropped" and wanted != current and not clean.get("decision_note"):
        return [FieldError("decision_note", "note_required_to_drop", "say why it is dropped")]
    return []


def checked(values: Mapping[str, Any], current: str | None) -> dict[str, Any]:
    clean, errors = IMPROVEMENT_ITEM.check(values)
    if "quarter" in values and not any(e.field == "quarter" for e in errors):
        error = quarters.check("quarter", values["quarter"])[1]
        errors += [error] if error else []
    errors += status_errors(current, clean)
    if errors:
        raise ValidationError(errors)
    return clean


def check_problems(session: Session, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    found = set(session.scalars(select(Problem.id).where(Problem.id.in_(wanted))))
    if len(found) != len(wanted):
        raise refuse(PROBLEMS, "unknown_reference", "refers to a problem that does not exist")
    return wanted


# ---- one item ---------------------------------------------------------------------


def next_code(session: Session, quarter: str) -> str:
    """I-2026Q3-0001, I-2026Q3-0002 …: numbered per quarter."""
    return sequences.next_code(session, f"I-{quarter}", 4)
