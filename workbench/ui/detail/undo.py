"""Undoable edits of the record workspace: each a ``RecordedStep`` (workbench.ui.
recorded_step) of one problem's record, named for the Edit menu and the status bar.

A step refused because the record changed since, or broke a rule, goes to
``UndoContext.failed``; a done step redraws the problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION, Link
from workbench.services.errors import (
    ConflictError,
)
from workbench.services.kpi_effects import SeriesChoice
from workbench.services.records import ProblemDetail
from workbench.ui import labels
from workbench.ui.recorded_step import RecordedStep

LINKS: Mapping[str, Link] = {"cause": CAUSE, "solution": SOLUTION, "result": RESULT}

# QT_TRANSLATE_NOOP returns its text, typed as object in PySide6's stubs.
KIND_NAMES: Mapping[str, object] = {
    "cause": QT_TRANSLATE_NOOP("Undo", "cause"),
    "solution": QT_TRANSLATE_NOOP("Undo", "solution"),
    "result": QT_TRANSLATE_NOOP("Undo", "result"),
}


def _tr(text: object) -> str:
    """``text`` is a source string marked with QT_TRANSLATE_NOOP (typed ``object``)."""
    return QCoreApplication.translate("Undo", str(text))


def _kind_text(template: object, kind: str) -> str:
    return _tr(str(template)).replace("%1", _tr(str(KIND_NAMES[kind])))


def _field_names(names: Any) -> str:
    return ", ".join(labels.field(name) for name in names)


@dataclass
class UndoContext:
    services: Services
    redraw: Callable[[ProblemDetail], None]
    failed: Callable[[Exception], None]


class ChangeCommand(RecordedStep):
    """A saved change of one problem's record: after each step the panel shows the
    problem as it is saved now."""

    def __init__(
        self,
        ctx: UndoContext,
        problem_id: int,
        text: str,
        action: Callable[[], ProblemDetail],
    ) -> None:
        super().__init__(
            ctx.services,
            text,
            action,
            lambda: ctx.services.problems.get(problem_id),
            ctx.redraw,
            ctx.failed,
        )
        self.ctx = ctx
        self.problem_id = problem_id

    def execute(self) -> ProblemDetail:
        detail: ProblemDetail = super().execute()
        return detail


def edit_problem(
    ctx: UndoContext, detail: ProblemDetail, changes: Mapping[str, Any]
) -> ChangeCommand:
    text = _tr(QT_TRANSLATE_NOOP("Undo", "Edit %1")).replace("%1", _field_names(changes))
    values = dict(changes)
    return ChangeCommand(
        ctx,
        detail.id,
        text,
        lambda: ctx.services.problems.update(detail.id, values, detail.version),
    )


def change_status(
    ctx: UndoContext, detail: ProblemDetail, status: str, reason: str = ""
) -> ChangeCommand:
    text = _tr(QT_TRANSLATE_NOOP("Undo", "Status %1 → %2"))
    text = text.replace("%1", labels.choice("status", detail.status))
    text = text.replace("%2", labels.choice("status", status))
    return ChangeCommand(
        ctx,
        detail.id,
        text,
        lambda: ctx.services.problems.change_status(detail.id, status, detail.version, reason),
    )


def add_link(
    ctx: UndoContext, problem_id: int, kind: str, parent_id: int, values: Mapping[str, Any]
) -> ChangeCommand:
    given = dict(values)
    return ChangeCommand(
        ctx,
        problem_id,
        _kind_text(QT_TRANSLATE_NOOP("Undo", "Add %1"), kind),
        lambda: ctx.services.chain.add(LINKS[kind], parent_id, given),
    )


def edit_link(
    ctx: UndoContext,
    problem_id: int,
    kind: str,
    record: Any,
    changes: Mapping[str, Any],
) -> ChangeCommand:
    text = _tr(QT_TRANSLATE_NOOP("Undo", "Edit %1")).replace("%1", _field_names(changes))
    values = dict(changes)
    return ChangeCommand(
        ctx,
        problem_id,
        text,
        lambda: ctx.services.chain.update(LINKS[kind], record.id, values, record.version),
    )


def delete_link(ctx: UndoContext, problem_id: int, kind: str, entity_id: int) -> ChangeCommand:
    return ChangeCommand(
        ctx,
        problem_id,
        _kind_text(QT_TRANSLATE_NOOP("Undo", "Delete %1"), kind),
        lambda: ctx.services.chain.delete(LINKS[kind], entity_id),
    )


def verify(ctx: UndoContext, problem_id: int, result_id: int, verified: bool) -> ChangeCommand:
    verify_text = QT_TRANSLATE_NOOP("Undo", "Verify result")
    unverify_text = QT_TRANSLATE_NOOP("Undo", "Unverify result")
    text = _tr(verify_text if verified else unverify_text)
    return ChangeCommand(
        ctx,
        problem_id,
        text,
        lambda: ctx.services.chain.verify_result(result_id, verified),
    )


def link_series(
    ctx: UndoContext, problem_id: int, result_id: int, choice: SeriesChoice
) -> ChangeCommand:
    def action() -> ProblemDetail:
        ctx.services.effects.link_series(result_id, choice)
        return ctx.services.problems.get(problem_id)

    return ChangeCommand(ctx, problem_id, _tr(QT_TRANSLATE_NOOP("Undo", "Link KPI series")), action)


def unlink_series(ctx: UndoContext, problem_id: int, result_id: int) -> ChangeCommand:
    def action() -> ProblemDetail:
        ctx.services.effects.unlink(result_id)
        return ctx.services.problems.get(problem_id)

    text = _tr(QT_TRANSLATE_NOOP("Undo", "Unlink KPI series"))
    return ChangeCommand(ctx, problem_id, text, action)


_RECORD_NAMES: Mapping[str, object] = {
    "problem": QT_TRANSLATE_NOOP("Undo", "problem"),
    **KIND_NAMES,
}


def conflict_text(error: ConflictError) -> str:
    """Who changed what since the user read it, e.g. "王芳 changed this problem at
    2026-11-23 14:05 (Title)."."""
    conflict = error.conflicts[0]
    when = ""
    if conflict.at:
        moment = dt.datetime.fromisoformat(conflict.at)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        when = moment.astimezone().strftime("%Y-%m-%d %H:%M")
    name = _tr(_RECORD_NAMES.get(conflict.kind, conflict.kind))
    shown = [f for f in conflict.fields if f not in ("updated_at", "id")]
    text = (
        _tr("%1 changed this %2 at %3.") if conflict.by else _tr("This %2 was changed elsewhere.")
    )
    text = text.replace("%1", conflict.by or "").replace("%2", name).replace("%3", when)
    if shown:
        text += " " + _tr(QT_TRANSLATE_NOOP("Undo", "Changed: %1.")).replace(
            "%1", _field_names(shown)
        )
    return text
