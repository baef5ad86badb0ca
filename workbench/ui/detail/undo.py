"""Undoable edits of the detail panel, applied and reversed through the services.

A command is executed once by the panel (``execute``, which may raise ValidationError so the
form can show it) and only then pushed; its first ``redo`` from ``QUndoStack.push`` is
therefore skipped. Later undo/redo calls go to the services again and hand the fresh
ProblemDetail to ``UndoContext.redraw``. A failure then (the record was changed or deleted
elsewhere) goes to ``UndoContext.failed``.

Deleting and re-adding a link gives it a new id, so commands keep the id they first saw and
look up the current one in ``IdMap``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION, Link
from workbench.services.errors import NotFoundError, ValidationError
from workbench.services.records import ProblemDetail
from workbench.ui import labels

LINKS: Mapping[str, Link] = {"cause": CAUSE, "solution": SOLUTION, "result": RESULT}
PARENT_KIND: Mapping[str, str | None] = {"cause": None, "solution": "cause", "result": "solution"}


KIND_NAMES: Mapping[str, str] = {
    "cause": QT_TRANSLATE_NOOP("Undo", "cause"),
    "solution": QT_TRANSLATE_NOOP("Undo", "solution"),
    "result": QT_TRANSLATE_NOOP("Undo", "result"),
}


def kind_of(link: Link) -> str:
    return str(link.model.__tablename__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


def _kind_text(template: str, kind: str) -> str:
    return _tr(template).replace("%1", _tr(KIND_NAMES[kind]))


def ids_of(detail: ProblemDetail, kind: str) -> set[int]:
    if kind == "cause":
        return {c.id for c in detail.causes}
    solutions = [s for c in detail.causes for s in c.solutions]
    if kind == "solution":
        return {s.id for s in solutions}
    return {r.id for s in solutions for r in s.results}


class IdMap:
    """First-seen id → current id of links that were deleted and added back."""

    def __init__(self) -> None:
        self._map: dict[tuple[str, int], int] = {}

    def resolve(self, kind: str | None, entity_id: int) -> int:
        if kind is None:
            return entity_id
        seen: set[int] = set()
        while (kind, entity_id) in self._map and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self._map[(kind, entity_id)]
        return entity_id

    def alias(self, kind: str, original: int, new: int) -> None:
        current = self.resolve(kind, original)
        if current != new:
            self._map[(kind, current)] = new
        if original != new:
            self._map[(kind, original)] = new

    def clear(self) -> None:
        self._map.clear()


@dataclass
class UndoContext:
    services: Services
    redraw: Callable[[ProblemDetail], None]
    failed: Callable[[Exception], None]
    ids: IdMap = field(default_factory=IdMap)


class ServiceCommand(QUndoCommand):
    def __init__(self, ctx: UndoContext, problem_id: int, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.problem_id = problem_id
        self._skip_redo = False

    def execute(self) -> ProblemDetail:
        """Apply for the first time; errors propagate to the caller, nothing is pushed."""
        detail = self._apply()
        self._skip_redo = True
        return detail

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self._apply)

    def undo(self) -> None:
        self._guard(self._revert)

    def _guard(self, action: Callable[[], ProblemDetail]) -> None:
        try:
            detail = action()
        except (ValidationError, NotFoundError) as exc:
            self.ctx.failed(exc)
            return
        self.ctx.redraw(detail)

    def _apply(self) -> ProblemDetail:
        raise NotImplementedError

    def _revert(self) -> ProblemDetail:
        raise NotImplementedError


def _field_names(names: Any) -> str:
    return ", ".join(labels.field(name) for name in names)


class ProblemEditCommand(ServiceCommand):
    def __init__(
        self, ctx: UndoContext, problem_id: int, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        super().__init__(
            ctx,
            problem_id,
            QCoreApplication.translate("Undo", "Edit %1").replace("%1", _field_names(new)),
        )
        self.old, self.new = dict(old), dict(new)

    def _apply(self) -> ProblemDetail:
        return self.ctx.services.problems.update(self.problem_id, self.new)

    def _revert(self) -> ProblemDetail:
        return self.ctx.services.problems.update(self.problem_id, self.old)


class StatusCommand(ServiceCommand):
    """A status change; the panel pushes it only when the way back is an allowed transition."""

    def __init__(self, ctx: UndoContext, problem_id: int, old: str, new: str) -> None:
        text = QCoreApplication.translate("Undo", "Status %1 → %2").replace(
            "%1", labels.choice("status", old)
        )
        super().__init__(ctx, problem_id, text.replace("%2", labels.choice("status", new)))
        self.old, self.new = old, new

    def reversible(self) -> bool:
        return self.old in self.ctx.services.problems.allowed_statuses(self.new)

    def _apply(self) -> ProblemDetail:
        return self.ctx.services.problems.change_status(self.problem_id, self.new)

    def _revert(self) -> ProblemDetail:
        return self.ctx.services.problems.change_status(self.problem_id, self.old)


class LinkEditCommand(ServiceCommand):
    def __init__(
        self,
        ctx: UndoContext,
        problem_id: int,
        link: Link,
        entity_id: int,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
    ) -> None:
        super().__init__(
            ctx,
            problem_id,
            QCoreApplication.translate("Undo", "Edit %1").replace("%1", _field_names(new)),
        )
        self.link, self.entity_id = link, entity_id
        self.old, self.new = dict(old), dict(new)

    def _update(self, values: Mapping[str, Any]) -> ProblemDetail:
        current = self.ctx.ids.resolve(kind_of(self.link), self.entity_id)
        return self.ctx.services.chain.update(self.link, current, values)

    def _apply(self) -> ProblemDetail:
        return self._update(self.new)

    def _revert(self) -> ProblemDetail:
        return self._update(self.old)


def add_link(
    ctx: UndoContext, problem_id: int, link: Link, parent_id: int, values: Mapping[str, Any]
) -> tuple[ProblemDetail, int]:
    """Add a link under ``parent_id`` (a first-seen id); return the detail and the new id."""
    kind = kind_of(link)
    before = ids_of(ctx.services.problems.get(problem_id), kind)
    parent = ctx.ids.resolve(PARENT_KIND[kind], parent_id)
    detail = ctx.services.chain.add(link, parent, values)
    new_id = max(ids_of(detail, kind) - before)
    return detail, new_id


class LinkAddCommand(ServiceCommand):
    def __init__(
        self,
        ctx: UndoContext,
        problem_id: int,
        link: Link,
        parent_id: int,
        values: Mapping[str, Any],
    ) -> None:
        super().__init__(
            ctx, problem_id, _kind_text(QT_TRANSLATE_NOOP("Undo", "Add %1"), kind_of(link))
        )
        self.link, self.parent_id, self.values = link, parent_id, dict(values)
        self.created: int | None = None

    def _apply(self) -> ProblemDetail:
        detail, new_id = add_link(self.ctx, self.problem_id, self.link, self.parent_id, self.values)
        if self.created is None:
            self.created = new_id
        else:
            self.ctx.ids.alias(kind_of(self.link), self.created, new_id)
        return detail

    def _revert(self) -> ProblemDetail:
        assert self.created is not None
        current = self.ctx.ids.resolve(kind_of(self.link), self.created)
        return self.ctx.services.chain.delete(self.link, current)


@dataclass(frozen=True)
class Snapshot:
    """A deleted link and everything under it, enough to add it back."""

    kind: str
    id: int
    values: Mapping[str, Any]
    verified: bool = False
    children: tuple[Snapshot, ...] = ()


def snapshot(kind: str, record: Any) -> Snapshot:
    values = {name: getattr(record, name) for name in LINKS[kind].specs}
    if kind == "cause":
        values["whys"] = list(record.whys)
        children = tuple(snapshot("solution", s) for s in record.solutions)
    elif kind == "solution":
        children = tuple(snapshot("result", r) for r in record.results)
    else:
        children = ()
    verified = bool(kind == "result" and record.verified)
    return Snapshot(kind, record.id, values, verified, children)


class LinkDeleteCommand(ServiceCommand):
    """Delete a link with its subtree; undo adds them back (verification as the current user)."""

    def __init__(self, ctx: UndoContext, problem_id: int, parent_id: int, shot: Snapshot) -> None:
        super().__init__(
            ctx, problem_id, _kind_text(QT_TRANSLATE_NOOP("Undo", "Delete %1"), shot.kind)
        )
        self.parent_id, self.shot = parent_id, shot

    def _apply(self) -> ProblemDetail:
        current = self.ctx.ids.resolve(self.shot.kind, self.shot.id)
        return self.ctx.services.chain.delete(LINKS[self.shot.kind], current)

    def _revert(self) -> ProblemDetail:
        return self._restore(self.shot, self.parent_id)

    def _restore(self, shot: Snapshot, parent_id: int) -> ProblemDetail:
        link = LINKS[shot.kind]
        detail, new_id = add_link(self.ctx, self.problem_id, link, parent_id, shot.values)
        self.ctx.ids.alias(shot.kind, shot.id, new_id)
        if shot.verified:
            detail = self.ctx.services.chain.verify_result(new_id, True)
        for child in shot.children:
            detail = self._restore(child, shot.id)
        return detail


class VerifyCommand(ServiceCommand):
    def __init__(self, ctx: UndoContext, problem_id: int, result_id: int, verified: bool) -> None:
        text = (
            QCoreApplication.translate("Undo", "Verify result")
            if verified
            else QCoreApplication.translate("Undo", "Unverify result")
        )
        super().__init__(ctx, problem_id, text)
        self.result_id, self.verified = result_id, verified

    def _set(self, verified: bool) -> ProblemDetail:
        current = self.ctx.ids.resolve("result", self.result_id)
        return self.ctx.services.chain.verify_result(current, verified)

    def _apply(self) -> ProblemDetail:
        return self._set(self.verified)

    def _revert(self) -> ProblemDetail:
        return self._set(not self.verified)
