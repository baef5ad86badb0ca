"""Causes, solutions and results of a problem: add, edit, delete, verify.

One generic implementation serves the three links of the chain; each change returns the
refreshed ProblemDetail of the problem it belongs to, so a view can redraw the chain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from workbench.services import fields, kinds
from workbench.services.base import Service
from workbench.services.closing import refuse_if_closed
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import RecordKind
from workbench.services.mapping import load_problem, problem_detail
from workbench.services.records import ProblemDetail
from workbench.services.team import require_four_eyes
from workbench.services.versions import require_version
from workbench.store.models import Base, Cause, CauseWhy, Problem, Result, Solution


@dataclass(frozen=True)
class Link:
    """One kind of link in the chain: its model, fields, parent and way up to the problem."""

    record: RecordKind
    parent: type[Base]
    parent_key: str
    problem_of: Callable[[Any], int]

    @property
    def kind(self) -> str:
        """The record kind's name (its table), as in change notices and the audit chain."""
        return self.record.name

    @property
    def model(self) -> type[Base]:
        return self.record.model

    @property
    def specs(self) -> Mapping[str, fields.Spec]:
        return self.record.fields

    @property
    def defaults(self) -> dict[str, Any]:
        """What an added link holds for a field left out (the kind's blank values)."""
        return {k: v for k, v in self.record.blank().items() if v is not None and v != ""}


CAUSE = Link(kinds.CAUSE, Problem, "problem_id", lambda c: c.problem_id)
SOLUTION = Link(kinds.SOLUTION, Cause, "cause_id", lambda s: s.cause.problem_id)
RESULT = Link(kinds.RESULT, Solution, "solution_id", lambda r: r.solution.cause.problem_id)


def _problem_of_parent(parent: Any) -> int:
    """The problem a new link's parent (a problem, cause or solution) belongs to."""
    if isinstance(parent, Problem):
        return parent.id
    if isinstance(parent, Cause):
        return parent.problem_id
    return int(parent.cause.problem_id)


def solution_done_on(status: str, done_on: dt.date | None, today: dt.date) -> dt.date | None:
    """A done solution has the date it was done (today unless given); no other one has."""
    if status != "done":
        return None
    return done_on or today


_MEASURED = {"metric", "baseline_value", "baseline_on", "value_after", "measured_on", "direction"}


class ChainService(Service):
    # ---- generic ----------------------------------------------------------------------
    def validate(self, link: Link, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a whole cause, solution or result form, as the user types."""
        extra = dict(values)
        whys = extra.pop("whys", None) if link is CAUSE else None
        errors = link.record.check({**link.defaults, **extra})
        return errors[1] + fields.check_whys(whys)[1]

    def _detail(self, session: Session, problem_id: int) -> ProblemDetail:
        """The problem after a change of its chain."""
        session.flush()
        session.expire_all()
        return problem_detail(session, load_problem(session, problem_id), self.today())

    @staticmethod
    def _refuse_if_closed(session: Session, problem_id: int) -> None:
        """A closed problem's chain is read-only until the problem is reopened."""
        refuse_if_closed(ChainService._get(session, Problem, problem_id))

    def _clean(self, link: Link, values: Mapping[str, Any]) -> dict[str, Any]:
        clean, errors = link.record.check(values)
        if errors:
            raise ValidationError(errors)
        return clean

    def add(self, link: Link, parent_id: int, values: Mapping[str, Any]) -> ProblemDetail:
        extra = dict(values)
        whys = extra.pop("whys", None) if link is CAUSE else None
        clean = self._clean(link, {**link.defaults, **extra})
        whys_clean = self._whys(whys)
        with self._db.write(self.actor) as session:
            parent = self._get(session, link.parent, parent_id)
            self._refuse_if_closed(session, _problem_of_parent(parent))
            self._check_references(session, clean)
            obj = link.model(**link.record.columns(clean), **{link.parent_key: parent_id})
            self._before_save(obj)
            session.add(obj)
            session.flush()
            if whys_clean is not None:
                assert isinstance(obj, Cause)  # only a cause has whys
                self._replace_whys(session, obj, whys_clean)
            return self._detail(session, link.problem_of(obj))

    def update(
        self,
        link: Link,
        entity_id: int,
        changes: Mapping[str, Any],
        version: int | None = None,
    ) -> ProblemDetail:
        """Change a cause, solution or result; ``version`` as in ProblemService.update."""
        extra = dict(changes)
        whys = extra.pop("whys", None) if link is CAUSE else None
        whys_clean = self._whys(whys)
        with self._db.write(self.actor) as session:
            obj = self._get(session, link.model, entity_id)
            self._refuse_if_closed(session, link.problem_of(obj))
            require_version(session, link.model.__tablename__, entity_id, version)
            stored = link.record.field_values(obj)
            clean = self._clean(link, {**stored, **extra})
            self._check_references(session, {name: clean[name] for name in extra})
            # A number typed with other decimals ("2" → "2.0") is a new figure too.
            measured = {name for name in extra if stored[name] != clean[name]}
            for name, value in link.record.columns({n: clean[n] for n in extra}).items():
                setattr(obj, name, value)
            if isinstance(obj, Result) and measured & _MEASURED:
                # A verification vouches for the figures; new figures need a new one.
                obj.verified_by_id = None
                obj.verified_at = None
            self._before_save(obj)
            if whys_clean is not None:
                self._replace_whys(session, obj, whys_clean)
            return self._detail(session, link.problem_of(obj))

    def delete(self, link: Link, entity_id: int) -> ProblemDetail:
        with self._db.write(self.actor) as session:
            obj = self._get(session, link.model, entity_id)
            problem_id = link.problem_of(obj)
            self._refuse_if_closed(session, problem_id)
            session.delete(obj)
            return self._detail(session, problem_id)

    @staticmethod
    def _whys(whys: Any) -> list[str] | None:
        if whys is None:
            return None
        items, errors = fields.check_whys(whys)
        if errors:
            raise ValidationError(errors)
        return items

    @staticmethod
    def _replace_whys(session: Session, cause: Cause, whys: list[str]) -> None:
        current = [w.text for w in cause.whys]
        if current == whys:
            return
        for old in list(cause.whys):
            session.delete(old)
        session.flush()
        for position, text in enumerate(whys, start=1):
            session.add(CauseWhy(cause_id=cause.id, position=position, text=text))

    def _before_save(self, obj: Any) -> None:
        """Rules that tie fields together."""
        if isinstance(obj, Solution):
            obj.done_on = solution_done_on(obj.status, obj.done_on, self.today())

    # ---- results ----------------------------------------------------------------------
    def verify_result(self, result_id: int, verified: bool = True) -> ProblemDetail:
        """Mark a measured result as verified by the current user (or take that back).

        The four-eyes rule: whoever entered the result's values does not verify it,
        unless the team relaxed the rule (workbench.services.team)."""
        with self._db.write(self.actor) as session:
            result = self._get(session, Result, result_id)
            self._refuse_if_closed(session, RESULT.problem_of(result))
            if verified:
                if result.value_after is None:
                    raise ValidationError(
                        [
                            FieldError(
                                "value_after",
                                "required_to_verify",
                                "a result is verified only once its value after is measured",
                            )
                        ]
                    )
                require_four_eyes(session, result_id, self.actor)
                result.verified_by_id = self._acting_person(session).id
                result.verified_at = self._clock()
            else:
                result.verified_by_id = None
                result.verified_at = None
            return self._detail(session, RESULT.problem_of(result))
