"""Closing means closed: when a problem may close, what a closed one refuses, and which
status changes must give a reason.

A problem closes only when each of its solutions is done or cancelled (dropped) and at
least one result is verified. A closed problem is read-only until it is reopened: its
fields, causes, solutions and results refuse every change, and an undo may not change
them behind the rule either. Rejecting and reopening (from closed or rejected) ask for a
reason, which is kept (workbench.store.models.StatusChange).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from workbench.services.errors import FieldError, ValidationError
from workbench.services.history import Touched
from workbench.services.mapping import DONE_SOLUTION, problem_detail
from workbench.services.records import ProblemDetail
from workbench.store.models import Attachment, Cause, Problem, Result, Solution

CLOSED = "closed"
REJECTED = "rejected"
# A reason is at most this long: it is a sentence or two, not a report.
REASON_LENGTH = 2000

READ_ONLY = FieldError("status", "closed_read_only", "the problem is closed: reopen it to edit it")


def needs_reason(current: str, wanted: str) -> bool:
    """Rejecting, and reopening a closed or rejected problem, must say why."""
    return wanted == REJECTED or current in (CLOSED, REJECTED)


def refuse_if_closed(problem: Problem) -> None:
    """A closed problem and its chain change only once it is reopened."""
    if problem.status == CLOSED:
        raise ValidationError([READ_ONLY])


def closing_errors(detail: ProblemDetail) -> list[FieldError]:
    """What keeps ``detail`` from closing, in words: each solution still planned or in
    progress by its title, and a missing verified result."""
    errors = [
        FieldError(
            "status",
            "solution_not_finished",
            f"solution “{solution.title}” is still {solution.status}: a problem closes only "
            "when each solution is done or cancelled",
            {"title": solution.title, "solution_status": solution.status},
        )
        for cause in detail.causes
        for solution in cause.solutions
        if solution.status not in DONE_SOLUTION
    ]
    if not any(result.verified for result in detail.results()):
        errors.append(
            FieldError(
                "status",
                "needs_verified_result",
                "a problem is closed only with at least one verified result",
            )
        )
    return errors


def clean_reason(reason: Any, required: bool) -> str:
    """The reason as kept (trimmed); refused when required and empty, or not text."""
    if reason is None:
        reason = ""
    if not isinstance(reason, str):
        raise ValidationError([FieldError("reason", "not_text", "must be text")])
    text = reason.strip()
    if required and not text:
        raise ValidationError(
            [FieldError("reason", "reason_required", "say why: a reason is required")]
        )
    if len(text) > REASON_LENGTH:
        raise ValidationError(
            [
                FieldError(
                    "reason",
                    "too_long",
                    f"is longer than {REASON_LENGTH} characters",
                    {"limit": REASON_LENGTH},
                )
            ]
        )
    return text


def problem_of(session: Session, kind: str, record: Touched) -> int | None:
    """The problem a cause, solution or result belongs to; ``record`` may be gone."""
    if kind == "problem":
        return record.id
    if kind == "attachment":
        row: Any = session.get(Attachment, record.id)
        owner = (
            (row.owner_kind, row.owner_id)
            if row is not None
            else (record.state().get("owner_kind"), record.state().get("owner_id"))
        )
        if owner[0] not in ("problem", "cause", "result") or owner[1] is None:
            return None
        return problem_of(session, str(owner[0]), Touched(str(owner[0]), int(owner[1])))
    model, parent_key, parent_model = {
        "cause": (Cause, "problem_id", None),
        "solution": (Solution, "cause_id", Cause),
        "result": (Result, "solution_id", Solution),
    }[kind]
    row = session.get(model, record.id)
    parent_id = getattr(row, parent_key) if row is not None else record.state().get(parent_key)
    if parent_id is None:
        return None
    if parent_model is None:
        return int(parent_id)
    parent: Any = session.get(parent_model, int(parent_id))
    if parent is None:
        return None
    parent_kind = str(parent_model.__tablename__)
    return problem_of(session, parent_kind, Touched(parent_kind, parent.id))


def _status_moved(record: Touched) -> bool:
    """Whether the undone write changed the problem's status (or created or deleted it):
    then undoing it changes the status too, and a closed problem was not edited."""
    if record.before is None or record.after is None:
        return True
    return "status" in record.after


def closed_stays_closed(session: Session, touched: Sequence[Touched]) -> None:
    """After an undo (an undo rule of HistoryService): a problem closed before and after
    it was not changed (nor its chain's attachments), and one that it closes meets the
    closing rule."""
    moved: set[int] = set()
    problems: set[int] = set()
    for record in touched:
        if record.kind == "problem":
            problems.add(record.id)
            if _status_moved(record):
                moved.add(record.id)
        elif record.kind in ("cause", "solution", "result", "attachment"):
            problem_id = problem_of(session, record.kind, record)
            if problem_id is not None:
                problems.add(problem_id)
    for problem_id in problems:
        problem = session.get(Problem, problem_id)
        if problem is None or problem.status != CLOSED:
            continue
        if problem_id not in moved:
            raise ValidationError([READ_ONLY])
        errors = closing_errors(problem_detail(session, problem, dt.date.today()))
        if errors:
            raise ValidationError(errors)
