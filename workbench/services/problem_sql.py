"""The Problems list in SQL: what a filter's words match, the sort keys and their order.

Shared by the list's queries in workbench.services.problems: a page, its count, and the
position of one problem in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
)

from workbench.store.list_sql import CLOSED, frequency_rank, is_not_closed
from workbench.store.models import Cause, Person, Problem, Solution

# Frequency sorts by how often, rarely 1 … several times a day 5, not by its key's
# spelling: the expression migration 0007 indexes (workbench.store.list_sql).
FREQUENCY_RANK = literal_column(frequency_rank("problem.frequency"), Integer)


SORT_COLUMNS: Mapping[str, Any] = {
    "code": Problem.code,
    "title": Problem.title,
    "status": Problem.status,
    "module": Problem.erp_module_id,
    "site": Problem.site_id,
    "department": Problem.department_id,
    "severity": Problem.severity,
    "impact": Problem.impact,
    "frequency": FREQUENCY_RANK,
    "owner": Problem.owner_id,
    "reported_on": Problem.reported_on,
}


_NULLABLE = (Problem.erp_module_id, Problem.site_id, Problem.department_id, Problem.owner_id)
_CODE = re.compile(r"^[Pp]-\d")


def status_condition(statuses: tuple[str, ...]) -> ColumnElement[bool]:
    """The problem's status is one of ``statuses``. "Not closed" is written as the
    partial indexes' condition, so SQLite reads any sorted page of it from them."""
    if is_not_closed(statuses):
        # Values written into the SQL: SQLite matches a partial index's condition to the
        # query's only with literal values, not with bound parameters.
        closed: BindParameter[str] = bindparam(
            "closed", CLOSED, expanding=True, literal_execute=True
        )
        return Problem.status.not_in(closed)
    return Problem.status.in_(statuses)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def is_code(text: str) -> bool:
    return bool(_CODE.match(text))


def _like(column: Any, text: str) -> ColumnElement[bool]:
    return cast(ColumnElement[bool], column.like(like_pattern(text), escape="\\"))


def text_condition(
    text: str, whole: bool, indexed: tuple[Any, list[int]] | None = None
) -> ColumnElement[bool]:
    """``text`` anywhere a user would look for it: the problem's own words, its people's
    names, its causes' and solutions' text.

    ``indexed`` is the problems the full-text index finds the text in, when few records
    hold it (workbench.store.search_sql.rare_problems), with the people whose name or
    login holds it: then the problem's own words, its causes' and its solutions' are
    read from there, at once, instead of scanning them all (and SQLite reads those few
    problems by id). A frequent text (``indexed`` None) fills a first page sooner by walking the
    list, as below.

    The problem's own columns come first, so a row they match needs no more. For the
    causes and solutions, a first page (``whole`` False) looks up each row's own (it
    stops after a page of matches), while a count (``whole`` True) reads the causes and
    solutions that match once and looks each problem up in that set: the same rows,
    four times quicker over a million.
    """
    if indexed is not None:
        problems, people_ids = indexed
        if not people_ids:
            return Problem.id.in_(problems)
        return or_(
            Problem.id.in_(problems),
            Problem.owner_id.in_(people_ids),
            Problem.reporter_id.in_(people_ids),
        )
    people = people_holding(text)
    cause_text = or_(_like(Cause.description, text), _like(Cause.evidence, text))
    solution_text = or_(_like(Solution.title, text), _like(Solution.description, text))
    if whole:
        causes = select(Cause.problem_id).where(cause_text)
        solutions = (
            select(Cause.problem_id)
            .join(Solution, Solution.cause_id == Cause.id)
            .where(solution_text)
        )
        in_cause: ColumnElement[bool] = Problem.id.in_(causes)
        in_solution: ColumnElement[bool] = Problem.id.in_(solutions)
    else:
        in_cause = (
            select(Cause.id)
            .where(Cause.problem_id == Problem.id, cause_text)
            .exists()
        )
        in_solution = (
            select(Solution.id)
            .join(Cause, Cause.id == Solution.cause_id)
            .where(Cause.problem_id == Problem.id, solution_text)
            .exists()
        )
    return or_(
        _like(Problem.title, text),
        _like(Problem.code, text),
        _like(Problem.tags, text),
        _like(Problem.description, text),
        Problem.owner_id.in_(people),
        Problem.reporter_id.in_(people),
        in_cause,
        in_solution,
    )


def people_holding(text: str) -> Any:
    """The people whose name or login holds ``text``."""
    return select(Person.id).where(or_(_like(Person.name, text), _like(Person.login, text)))


def tag_condition(tag: str) -> ColumnElement[bool]:
    """``tag`` as one of the problem's comma-separated tags (spaces around them ignored)."""
    tags = func.replace(func.replace(Problem.tags, "，", ","), " ", "")
    wanted = "," + tag.replace(" ", "") + ","
    return cast(ColumnElement[bool], ("," + tags + ",").like(like_pattern(wanted), escape="\\"))


def _unique(column: Any) -> bool:
    return column is Problem.id or column is Problem.code


def order_by(column: Any, descending: bool) -> list[Any]:
    """List order: the column, then id; empty values first going up, last going down."""
    if _unique(column):
        return [column.desc() if descending else column]
    if any(column is nullable for nullable in _NULLABLE):
        key = column.desc().nulls_last() if descending else column.asc().nulls_first()
    else:
        key = column.desc() if descending else column
    return [key, Problem.id.desc() if descending else Problem.id]


def before(column: Any, value: Any, problem_id: int, descending: bool) -> ColumnElement[bool]:
    """Rows that come before (value, problem_id) in the order of ``order_by``."""
    tie = Problem.id > problem_id if descending else Problem.id < problem_id
    if _unique(column):
        return column > value if descending else column < value
    if value is None:
        empty_tie = and_(column.is_(None), tie)
        return or_(column.is_not(None), empty_tie) if descending else empty_tie
    if descending:
        return or_(column > value, and_(column == value, tie))
    return or_(column.is_(None), column < value, and_(column == value, tie))
