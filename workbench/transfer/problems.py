"""The problem kind on a sheet: a row is a problem, with at most one cause, solution and
result beside it, as a plant's 问题跟踪表 holds them.

A row whose code names a problem the database holds updates that problem's fields (a
blank cell leaves a field as it is; the row's cause and solution are not added again).
Any other row creates a problem, keeping the row's code (the next of the code sequence
when it has none) and marked imported, so its status is the sheet's history: a problem
imported as closed stays closed without a verified result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from workbench.services import kinds
from workbench.services.bulk_rows import CauseInput, ProblemInput, ResultInput, SolutionInput
from workbench.services.importing import Item, NewRow, ProblemUpdate
from workbench.transfer.kinds import PROBLEM_COLUMNS, ImportKind, register
from workbench.vocabulary.transfer import file_message

Resolve = Callable[[str, str], int]
_WHY_SPLIT = re.compile(r"\s*(?:\r?\n|[；;])\s*")
_WHY_NUMBER = re.compile(r"^(?:why\s*)?\d+\s*[.、:：)）]\s*", re.IGNORECASE)
_PROBLEM_ONLY = ("code", "status", "closed_on")
_BLANK = kinds.PROBLEM.blank()
TITLE_LENGTH = kinds.PROBLEM.fields["title"].max_length or 200


def split_whys(text: str) -> list[str]:
    """ "1. 为什么… 2. …" or one step a line: the steps, without their numbers."""
    steps = [_WHY_NUMBER.sub("", part).strip() for part in _WHY_SPLIT.split(text)]
    return [step for step in steps if step]


def _parts(values: Mapping[str, Any], resolve: Resolve) -> dict[str, dict[str, Any]]:
    """The row's values by record kind (problem, cause, solution, result), names resolved."""
    parts: dict[str, dict[str, Any]] = {"problem": {}, "cause": {}, "solution": {}, "result": {}}
    for key, value in values.items():
        place = _PLACES.get(key)
        if place is not None:
            part, name, reference = place
            parts[part][name] = value if reference is None else resolve(reference, value)
    return parts


def _chain(parts: dict[str, dict[str, Any]], language: str) -> tuple[CauseInput, ...]:
    cause, solution, result = parts["cause"], parts["solution"], parts["result"]
    if not (cause or solution or result):
        return ()
    solutions: tuple[SolutionInput, ...] = ()
    if solution or result:
        results = (ResultInput(result),) if result else ()
        solutions = (SolutionInput(solution, results),)
    whys = cause.pop("whys", None)
    if "description" not in cause:
        cause["description"] = file_message("no_cause", language)
    if whys is not None:
        cause["whys"] = split_whys(str(whys))
    return (CauseInput(cause, solutions),)


def build(
    row: int,
    values: Mapping[str, Any],
    resolve: Resolve,
    existing: Mapping[str, Mapping[str, Any]],
    stamp: dt.datetime,
    language: str,
) -> Item:
    """What row ``row`` (its mapped values; names for the lists) writes."""
    code = values.get("code")
    parts = _parts(values, resolve)
    problem = parts["problem"]
    if "title" not in problem and problem.get("description"):
        # A sheet with only 问题描述: its first line is the title, the whole text stays.
        problem["title"] = str(problem["description"]).strip().splitlines()[0][:TITLE_LENGTH]
    status = values.get("status")
    if code is not None and code.strip() in existing:
        found = existing[code.strip()]
        return ProblemUpdate(row, int(found["id"]), problem, status)
    return NewRow(
        row,
        ProblemInput(
            {**_BLANK, **problem},
            status=status or "open",
            closed_on=values.get("closed_on"),
            causes=_chain(parts, language),
            code=code.strip() if code else None,
            imported_at=stamp,
        ),
    )


# Each column's record kind, field and list, but the problem's own code, status and
# closed_on, which ProblemInput takes apart.
_PLACES = {
    column.key: (column.part, column.field, column.reference)
    for column in PROBLEM_COLUMNS
    if column.key not in _PROBLEM_ONLY
}
PROBLEMS = register(ImportKind("problem", PROBLEM_COLUMNS, build=build))
