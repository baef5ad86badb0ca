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


def _part(values: Mapping[str, Any], part: str, resolve: Resolve) -> dict[str, Any]:
    prefix = f"{part}."
    found: dict[str, Any] = {}
    for key, value in values.items():
        if part == "problem":
            if "." in key or key in _PROBLEM_ONLY:
                continue
            name = key
        elif key.startswith(prefix):
            name = key[len(prefix) :]
        else:
            continue
        column = PROBLEMS.column(key)
        if column is not None and column.reference is not None:
            value = resolve(column.reference, value)
        found[name] = value
    return found


def _chain(values: Mapping[str, Any], resolve: Resolve, language: str) -> tuple[CauseInput, ...]:
    cause = _part(values, "cause", resolve)
    solution = _part(values, "solution", resolve)
    result = _part(values, "result", resolve)
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
    problem = _part(values, "problem", resolve)
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
            causes=_chain(values, resolve, language),
            code=code.strip() if code else None,
            imported_at=stamp,
        ),
    )


PROBLEMS = register(ImportKind("problem", PROBLEM_COLUMNS, build=build))
