"""Problems: the list (filtered, sorted and paged in SQL), their details and their life cycle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Executable,
    String,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from workbench.services.base import Service
from workbench.services.closing import clean_reason, closing_errors, needs_reason, refuse_if_closed
from workbench.services.errors import FieldError, ValidationError
from workbench.services.kinds import PROBLEM
from workbench.services.mapping import load_problem, problem_detail
from workbench.services.problem_sql import (
    SORT_COLUMNS,
    before,
    is_code,
    order_by,
    people_holding,
    source_column,
    status_condition,
    tag_condition,
    text_condition,
    ticket_ids,
)
from workbench.services.records import (
    CLOSED_STATUSES,
    ProblemDetail,
    ProblemFilter,
    ProblemRow,
    ProblemSort,
    StatusChangeRecord,
)
from workbench.services.versions import require_version
from workbench.services.vocabulary import PROBLEM_STATUSES, PROBLEM_TRANSITIONS
from workbench.store import sequences
from workbench.store.list_sql import is_not_closed
from workbench.store.models import (
    Department,
    ErpModule,
    Person,
    Problem,
    Site,
    StatusChange,
)
from workbench.store.search_sql import rare_problems


class ProblemService(Service):
    # ---- the list -------------------------------------------------------------------
    def _conditions(self, flt: ProblemFilter, whole: bool = True) -> list[ColumnElement[bool]]:
        """The WHERE terms of ``flt``: several values of one field match any of them.
        ``whole`` is for reading the whole list (a count), not a first page."""
        conditions: list[ColumnElement[bool]] = []
        if flt.statuses:
            conditions.append(status_condition(flt.statuses))
        for column, ids in (
            (Problem.erp_module_id, flt.erp_module_ids),
            (Problem.site_id, flt.site_ids),
            (Problem.department_id, flt.department_ids),
            (Problem.owner_id, flt.owner_ids),
        ):
            if ids:
                conditions.append(column.in_(ids))
        if flt.tags:
            conditions.append(or_(*(tag_condition(tag) for tag in flt.tags)))
        if flt.mine:
            # The acting user is a person by login; none yet means nothing is theirs.
            mine = select(Person.id).where(Person.login == self.actor)
            conditions.append(Problem.owner_id.in_(mine))
        if flt.kpi_alert:
            # The tickets are few: read their ids first, then the problems by id.
            conditions.append(Problem.id.in_(self._tickets()))
        if flt.overdue:
            conditions.append(Problem.due_on < self.today())
            conditions.append(Problem.status.not_in(CLOSED_STATUSES))
        text = flt.text.strip()
        if is_code(text):
            # A code prefix (P-2026-00…) is a range on the unique index: instant on any size.
            code = text.upper()
            conditions.append(Problem.code >= code)
            conditions.append(Problem.code < code + "\uffff")
        elif text:
            conditions.append(text_condition(text, whole, self._indexed(text)))
        return conditions

    def _tickets(self) -> list[int]:
        """The problems an exception alert opened (their source: KPI alert)."""
        with self._db.read() as session:
            return list(session.scalars(ticket_ids()))

    def _indexed(self, text: str) -> tuple[Any, list[int]] | None:
        """The problems holding ``text`` by the full-text index, when few records do,
        and the people whose names hold it."""
        with self._db.read() as session:
            problems = rare_problems(session.connection(), text)
            if problems is None:
                return None
            return problems, list(session.scalars(people_holding(text)))

    @staticmethod
    def counts_by_scan(flt: ProblemFilter) -> bool:
        """Whether counting ``flt`` reads every problem (free text, tags, overdue), not an
        index range.

        Such a count takes from ~150 ms to over a second on a million problems, so the
        list shows the first page at once and counts in the background.
        """
        text = flt.text.strip()
        return (bool(text) and not is_code(text)) or bool(flt.tags) or flt.overdue

    def count(self, flt: ProblemFilter) -> int:
        query = select(func.count()).select_from(Problem).where(*self._conditions(flt))
        with self._db.read() as session:
            return session.scalar(query) or 0

    def page(
        self,
        flt: ProblemFilter,
        sort: ProblemSort,
        offset: int,
        limit: int,
        total: int | None = None,
    ) -> list[ProblemRow]:
        """Rows ``offset`` … ``offset+limit`` of the filtered, sorted list.

        ``total``, the list's count when the caller knows it, lets a page in the far half
        be read from the other end (the same rows, the order turned round): an OFFSET
        skips rows one by one, so the last page of a million would cost the most.
        """
        backwards = total is not None and offset > total // 2
        if backwards and total is not None:
            limit = max(0, min(limit, total - offset))
            offset = max(0, total - offset - limit)
            sort = ProblemSort(sort.column, not sort.descending)
        with self._db.read() as session:
            rows = session.execute(self._page_query(flt, sort, offset, limit))
            # A row is a tuple; _page_query's type does not carry its column types.
            found = [ProblemRow(*cast(tuple[Any, ...], row)) for row in rows]
        return found[::-1] if backwards else found

    def _page_query(
        self, flt: ProblemFilter, sort: ProblemSort, offset: int, limit: int
    ) -> Executable:
        order = order_by(SORT_COLUMNS.get(sort.column, Problem.id), sort.descending)
        conditions = self._conditions(flt, whole=offset > 0)
        several = len(flt.statuses) > 1 and not is_not_closed(flt.statuses)
        if several and self._db.engine.dialect.name == "sqlite":
            # Several statuses ("not closed" has its own indexes): walk the sort order and
            # test each row's status, rather than merging one index range per status and
            # sorting them all (1.2 s for a page deep in such a list on a million).
            unindexed = literal_column("+problem.status", String).in_(flt.statuses)
            conditions = [unindexed if c is conditions[0] else c for c in conditions]
        # Page the ids first (index only), then join the names for just those rows.
        ids = (
            select(Problem.id)
            .where(*conditions)
            .order_by(*order)
            .limit(limit)
            .offset(offset)
            .subquery()
        )
        owner = aliased(Person)
        return (
            select(
                Problem.id,
                Problem.code,
                Problem.title,
                Problem.status,
                ErpModule.name,
                Site.name,
                Department.name,
                Problem.severity,
                Problem.impact,
                Problem.frequency,
                owner.name,
                Problem.reported_on,
                source_column(),
            )
            .join(ids, ids.c.id == Problem.id)
            .outerjoin(ErpModule, ErpModule.id == Problem.erp_module_id)
            .outerjoin(Site, Site.id == Problem.site_id)
            .outerjoin(Department, Department.id == Problem.department_id)
            .outerjoin(owner, owner.id == Problem.owner_id)
            .order_by(*order)
        )

    def position(self, flt: ProblemFilter, sort: ProblemSort, problem_id: int) -> int | None:
        """The row ``problem_id`` has in the filtered, sorted list, or None if not in it.

        Counts the rows before it on the sort index, so finding a problem deep in a
        million-row list costs one index range count, not a scan of pages.
        """
        column = SORT_COLUMNS.get(sort.column, Problem.id)
        with self._db.read() as session:
            found = session.execute(
                select(column).where(Problem.id == problem_id, *self._conditions(flt))
            ).first()
            if found is None:
                return None
            earlier = before(column, found[0], problem_id, sort.descending)
            query = select(func.count()).select_from(Problem).where(*self._conditions(flt), earlier)
            return session.scalar(query) or 0

    # ---- one problem ------------------------------------------------------------------
    def get(self, problem_id: int) -> ProblemDetail:
        with self._db.read() as session:
            return problem_detail(session, load_problem(session, problem_id), self.today())

    def id_of(self, code: str) -> int | None:
        with self._db.read() as session:
            return session.scalar(select(Problem.id).where(Problem.code == code.strip()))

    def validate(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a whole problem form, as the user types."""
        return PROBLEM.check(values)[1]

    def create(self, values: Mapping[str, Any]) -> ProblemDetail:
        clean, errors = PROBLEM.check(values)
        if errors:
            raise ValidationError(errors)
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._check_references(session, clean)
            if clean.get("reporter_id") is None:
                clean["reporter_id"] = self._acting_person(session).id
            problem = Problem(
                **PROBLEM.columns(clean),
                code=self._next_code(session, clean["reported_on"].year),
                status="open",
                created_at=now,
                updated_at=now,
            )
            session.add(problem)
            session.flush()
            return problem_detail(session, problem, now.date())

    def update(
        self, problem_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> ProblemDetail:
        """Change fields of a problem; ``version`` (the one the user started from) makes a
        change refused with ConflictError when someone saved the problem since. A closed
        problem is refused: it is read-only until reopened."""
        with self._db.write(self.actor) as session:
            problem = load_problem(session, problem_id)
            refuse_if_closed(problem)
            require_version(session, "problem", problem_id, version)
            stored = PROBLEM.field_values(problem)
            clean, errors = PROBLEM.check({**stored, **changes})
            if errors:
                raise ValidationError(errors)
            self._check_references(session, {name: clean[name] for name in changes})
            changed = {name: clean[name] for name in changes if stored[name] != clean[name]}
            for name, value in PROBLEM.columns(changed).items():
                setattr(problem, name, value)
            if changed:
                problem.updated_at = self._clock()
            session.flush()
            return problem_detail(session, problem, self.today())

    def allowed_statuses(self, current: str) -> tuple[str, ...]:
        return PROBLEM_TRANSITIONS.get(current, ())

    @staticmethod
    def needs_reason(current: str, wanted: str) -> bool:
        """Whether going from ``current`` to ``wanted`` asks for a reason (reject, reopen)."""
        return needs_reason(current, wanted)

    def change_status(
        self, problem_id: int, status: str, version: int | None = None, reason: str = ""
    ) -> ProblemDetail:
        """Move a problem along its life cycle. Rejecting and reopening need a ``reason``;
        every change is kept with its reason (``status_changes``)."""
        now = self._clock()
        with self._db.write(self.actor) as session:
            problem = load_problem(session, problem_id)
            require_version(session, "problem", problem_id, version)
            self._check_transition(session, problem, status)
            kept = clean_reason(reason, needs_reason(problem.status, status))
            session.add(
                StatusChange(
                    problem_id=problem.id,
                    from_status=problem.status,
                    to_status=status,
                    reason=kept,
                    changed_by=self.actor,
                    changed_at=now,
                )
            )
            problem.status = status
            problem.closed_on = self.today() if status == "closed" else None
            problem.updated_at = now
            session.flush()
            return problem_detail(session, problem, self.today())

    def status_changes(self, problem_id: int) -> tuple[StatusChangeRecord, ...]:
        """The problem's status changes, oldest first, each with its reason."""
        with self._db.read() as session:
            rows = session.scalars(
                select(StatusChange)
                .where(StatusChange.problem_id == problem_id)
                .order_by(StatusChange.id)
            )
            return tuple(
                StatusChangeRecord(
                    id=row.id,
                    problem_id=row.problem_id,
                    from_status=row.from_status,
                    to_status=row.to_status,
                    reason=row.reason,
                    changed_by=row.changed_by,
                    changed_at=row.changed_at,
                )
                for row in rows
            )

    def _check_transition(self, session: Any, problem: Problem, status: str) -> None:
        if status not in PROBLEM_STATUSES:
            raise ValidationError(
                [FieldError("status", "unknown_choice", f"unknown status {status}")]
            )
        if status not in PROBLEM_TRANSITIONS[problem.status]:
            raise ValidationError(
                [
                    FieldError(
                        "status",
                        "transition",
                        f"cannot go from {problem.status} to {status}",
                        {"current": problem.status, "wanted": status},
                    )
                ]
            )
        if status == "closed":
            errors = closing_errors(problem_detail(session, problem, self.today()))
            if errors:
                raise ValidationError(errors)

    def delete(self, problem_id: int) -> None:
        """Delete a problem with its chain; a closed one is reopened first."""
        with self._db.write(self.actor) as session:
            problem = load_problem(session, problem_id)
            refuse_if_closed(problem)
            session.delete(problem)

    @staticmethod
    def _next_code(session: Any, year: int) -> str:
        return sequences.next_code(session, f"P-{year}", 4)
