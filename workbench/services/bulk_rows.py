"""Checking the rows of a bulk write, one problem with its chain at a time.

Each record is checked by its kind's ``check`` (workbench.services.kinds), with the
defaults a single add fills in (workbench.services.chain), so a row is valid here exactly
when the same values saved one by one would be. On top come the rules the services apply
around a save: references to existing lists, the acting user as default reporter and
verifier, a done solution's date, a result verified only once measured, and a problem
closed only with a verified result. The clean values become workbench.store.bulk rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.services import fields, kinds
from workbench.services.base import REFERENCES
from workbench.services.bulk_fields import UNSURE, QuickCheck, check_whys, shortcut
from workbench.services.chain import CAUSE, RESULT, SOLUTION, solution_done_on
from workbench.services.errors import FieldError
from workbench.services.fields import Spec
from workbench.services.mapping import DONE_SOLUTION
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.store.bulk import NewCause, NewProblem, NewResult, NewSolution
from workbench.store.models import Person


@dataclass(frozen=True, slots=True)
class ResultInput:
    """A measured result: ``values`` as ChainService.add(RESULT, …) takes them.

    ``verified_at`` (UTC) marks it verified, by ``verified_by_id`` (a person's id) or, when
    that is None, by the acting user."""

    values: Mapping[str, Any]
    verified_at: dt.datetime | None = None
    verified_by_id: int | None = None


@dataclass(frozen=True, slots=True)
class SolutionInput:
    """A solution: ``values`` as ChainService.add(SOLUTION, …) takes them."""

    values: Mapping[str, Any]
    results: tuple[ResultInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CauseInput:
    """A cause: ``values`` as ChainService.add(CAUSE, …) takes them, ``whys`` among them."""

    values: Mapping[str, Any]
    solutions: tuple[SolutionInput, ...] = ()


@dataclass(frozen=True, slots=True)
class ProblemInput:
    """A problem: ``values`` as ProblemService.create takes them, and where it stands.

    ``closed_on`` (a closed problem's; today when left out) and the times it was created
    and last changed (UTC; now when left out) are what a problem worked through the window
    would have. ``code`` keeps a code the problem already has (an import's; the next of
    the sequence when None). ``imported_at`` marks it imported: its status is then the
    sheet's history, so a closed one needs no verified result nor finished solutions."""

    values: Mapping[str, Any]
    status: str = "open"
    closed_on: Any = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    causes: tuple[CauseInput, ...] = ()
    code: str | None = None
    imported_at: dt.datetime | None = None


@dataclass(frozen=True)
class RowError:
    """A field of one row that breaks a rule: ``row`` is the problem's position in the
    batch (from 1), ``kind`` the record (problem, cause, solution, result) and ``part``
    the positions (from 1) of its cause, solution and result within that problem."""

    row: int
    kind: str
    error: FieldError
    part: tuple[int, ...] = ()

    @property
    def field(self) -> str:
        return self.error.field

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def reason(self) -> str:
        return self.error.message

    def where(self) -> str:
        """Where: "row 3", or "row 3, cause 1, solution 2" for a link of its chain."""
        links = zip(("cause", "solution", "result"), self.part, strict=False)
        return ", ".join([f"row {self.row}", *(f"{kind} {n}" for kind, n in links)])

    def __str__(self) -> str:
        return f"{self.where()}: {self.error}"


_DATE = Spec("date")
_CODE = Spec("text", required=True, max_length=20)
_CODE_QUICK = shortcut(_CODE)
_PERSON = str(Person.__tablename__)
# Which list each reference field names, by table (REFERENCES: the services' own map).
_LISTS: Mapping[str, str] = {name: str(m.__tablename__) for name, m in REFERENCES.items()}
_VERIFIED_BY = "verified_by_id"

# What a field left out holds: the kind's blank values, the link's defaults over them.
_PROBLEM_BLANK = kinds.PROBLEM.blank()
_PROBLEM, _CAUSE, _SOLUTION, _RESULT = (
    QuickCheck(kind) for kind in (kinds.PROBLEM, CAUSE.record, SOLUTION.record, RESULT.record)
)
_CAUSE_DEFAULTS, _CAUSE_BLANK = CAUSE.defaults, CAUSE.record.blank()
_SOLUTION_DEFAULTS, _SOLUTION_BLANK = SOLUTION.defaults, SOLUTION.record.blank()
_RESULT_DEFAULTS, _RESULT_BLANK = RESULT.defaults, RESULT.record.blank()

_NEEDS_VERIFIED = FieldError(
    "status",
    "needs_verified_result",
    "a problem is closed only with at least one verified result",
)
_NEEDS_MEASURED = FieldError(
    "value_after",
    "required_to_verify",
    "a result is verified only once its value after is measured",
)


def _error(name: str, code: str, message: str, **params: Any) -> FieldError:
    return FieldError(name, code, message, params)


def _unfinished(given: ProblemInput) -> list[FieldError]:
    """A closed problem's solutions are each done or cancelled (as a single close says)."""
    errors = []
    for solution in (s for c in given.causes for s in c.solutions):
        values = {**_SOLUTION_DEFAULTS, **solution.values}
        state = values.get("status")
        if state not in DONE_SOLUTION:
            errors.append(
                _error(
                    "status",
                    "solution_not_finished",
                    f"solution “{values.get('title')}” is still {state}: a problem closes only "
                    "when each solution is done or cancelled",
                    title=str(values.get("title") or ""),
                    solution_status=state,
                )
            )
    return errors


class RowChecker:
    """Checks problems one by one, collecting every error in ``errors``.

    ``known`` holds the ids of each list (by table name), ``acting`` gives the acting
    user's person id (looked up or created only when a row leaves reporter or verifier
    out)."""

    def __init__(
        self,
        known: Mapping[str, set[int]],
        now: dt.datetime,
        today: dt.date,
        acting: Callable[[], int],
    ) -> None:
        self._known = known
        self._now = now
        self._today = today
        self._acting = acting
        self.errors: list[RowError] = []

    def problem(self, row: int, given: ProblemInput) -> NewProblem | None:
        """The store's rows of ``given``, or None (with its errors added) if it is wrong."""
        before = len(self.errors)
        clean, errors = _PROBLEM.check(given.values)
        errors += self._references(clean)
        status = given.status
        if status not in PROBLEM_STATUSES:
            errors.append(
                _error(
                    "status",
                    "unknown_choice",
                    f"must be one of {', '.join(PROBLEM_STATUSES)}",
                    choices=PROBLEM_STATUSES,
                )
            )
        closed_on = None
        if given.closed_on is not None:
            closed_on, error = fields.coerce("closed_on", _DATE, given.closed_on)
            if error is None and status != "closed":
                error = _error("closed_on", "only_when_closed", "is set only on a closed problem")
            if error is not None:
                errors.append(error)
        created_at = self._time("created_at", given.created_at, errors)
        updated_at = self._time("updated_at", given.updated_at, errors)
        history = given.imported_at is not None
        if given.imported_at is not None and not isinstance(given.imported_at, dt.datetime):
            errors.append(_error("imported_at", "not_a_time", "is not a date and time"))
        if status == "closed" and not history:
            if not any(
                r.verified_at is not None
                for c in given.causes
                for s in c.solutions
                for r in s.results
            ):
                errors.append(_NEEDS_VERIFIED)
            errors += _unfinished(given)
        if given.code is not None and _CODE_QUICK(given.code) is UNSURE:
            _, error = fields.coerce("code", _CODE, given.code)
            if error is not None:
                errors.append(error)
        self._note("problem", row, (), errors)
        causes = [self._cause(row, n, c) for n, c in enumerate(given.causes, start=1)]
        if len(self.errors) > before:
            return None
        if clean.get("reporter_id") is None:
            clean["reporter_id"] = self._acting()
        values = kinds.PROBLEM.columns({**_PROBLEM_BLANK, **clean})
        values["status"] = status
        if status != "closed":
            values["closed_on"] = None
        else:  # an imported one closed on a day the sheet may not say
            values["closed_on"] = closed_on if history else (closed_on or self._today)
        values["created_at"] = created_at
        values["updated_at"] = updated_at
        values["imported_at"] = given.imported_at
        if given.code is not None:
            values["code"] = given.code.strip()
        return NewProblem(values, [c for c in causes if c is not None])

    def _note(self, kind: str, row: int, part: tuple[int, ...], errors: list[FieldError]) -> None:
        if errors:
            self.errors.extend(RowError(row, kind, e, part) for e in errors)

    def _references(self, clean: Mapping[str, Any]) -> list[FieldError]:
        """As Service._check_references: a module, site, department or person that is not."""
        return [
            _error(name, "unknown_reference", "refers to an entry that does not exist")
            for name, table in _LISTS.items()
            if clean.get(name) is not None and clean[name] not in self._known[table]
        ]

    def _time(self, name: str, value: Any, errors: list[FieldError]) -> dt.datetime:
        if value is None:
            return self._now
        if isinstance(value, dt.datetime):
            return value
        errors.append(_error(name, "not_a_time", "is not a date and time"))
        return self._now

    def _cause(self, row: int, n: int, given: CauseInput) -> NewCause | None:
        values = dict(given.values)
        whys = values.pop("whys", None)
        clean, errors = _CAUSE.check({**_CAUSE_DEFAULTS, **values})
        whys_clean, why_errors = check_whys(whys)
        self._note("cause", row, (n,), errors + why_errors)
        solutions = [
            self._solution(row, (n, s), given) for s, given in enumerate(given.solutions, start=1)
        ]
        if errors or why_errors:
            return None
        return NewCause(
            CAUSE.record.columns({**_CAUSE_BLANK, **clean}),
            whys_clean if whys is not None else [],
            [s for s in solutions if s is not None],
        )

    def _solution(
        self, row: int, part: tuple[int, ...], given: SolutionInput
    ) -> NewSolution | None:
        clean, errors = _SOLUTION.check({**_SOLUTION_DEFAULTS, **given.values})
        errors += self._references(clean)
        self._note("solution", row, part, errors)
        results = [
            self._result(row, (*part, r), given) for r, given in enumerate(given.results, start=1)
        ]
        if errors:
            return None
        values = SOLUTION.record.columns({**_SOLUTION_BLANK, **clean})
        values["done_on"] = solution_done_on(values["status"], values["done_on"], self._today)
        return NewSolution(values, [r for r in results if r is not None])

    def _result(self, row: int, part: tuple[int, ...], given: ResultInput) -> NewResult | None:
        clean, errors = _RESULT.check({**_RESULT_DEFAULTS, **given.values})
        verified_by = given.verified_by_id
        if given.verified_at is None:
            if verified_by is not None:
                errors.append(
                    _error("verified_at", "required", "is required when verified_by_id is given")
                )
        else:
            if not isinstance(given.verified_at, dt.datetime):
                errors.append(_error("verified_at", "not_a_time", "is not a date and time"))
            if clean.get("value_after") is None:
                errors.append(_NEEDS_MEASURED)
            if verified_by is not None and (
                isinstance(verified_by, bool) or verified_by not in self._known[_PERSON]
            ):
                errors.append(
                    _error(
                        _VERIFIED_BY, "unknown_reference", "refers to an entry that does not exist"
                    )
                )
        self._note("result", row, part, errors)
        if errors:
            return None
        values = RESULT.record.columns({**_RESULT_BLANK, **clean})
        if given.verified_at is None:
            values[_VERIFIED_BY] = None
        else:
            values[_VERIFIED_BY] = self._acting() if verified_by is None else verified_by
        values["verified_at"] = given.verified_at
        return NewResult(values)
