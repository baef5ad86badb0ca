"""The whole record to one workbook, and the problems to a sheet.

``export_record`` writes a sheet per record kind: the lists (sites, departments, ERP
modules, people), the problems, and their causes, solutions and results, each chain link
keyed by its problem's code and its position (cause 1, solution 2). Values are written
as a person reads them (names, not ids; list values in the user's language; numbers
with the decimals they were typed with), so the workbook is also a report, and
workbench.transfer.whole reads it back (``SHEETS`` describes both ways).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workbench.services import Services
from workbench.services.fields import Spec
from workbench.services.numbers import stored
from workbench.services.progress import Progress, silent
from workbench.services.records import ProblemFilter, ProblemSort
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.store.models import Base
from workbench.transfer.cells import vocabulary_of
from workbench.transfer.export import SheetData, write_table
from workbench.transfer.filters import problem_filter
from workbench.transfer.kinds import LISTS, Column, columns_of
from workbench.vocabulary import field_label
from workbench.vocabulary.transfer import SHEET_NAMES, file_message


def _col(part: str, field: str, spec: Spec, reference: str | None = None) -> Column:
    return Column(part, field, spec, reference)


_TEXT, _INT, _DATE, _TIME, _BOOL = (
    Spec("text", max_length=20_000, multiline=True),
    Spec("int"),
    Spec("date"),
    Spec("text"),  # a time, written as a date-time cell and read back by whole.py
    Spec("bool"),
)
CODE = _col("", "code", Spec("text", max_length=20))
CAUSE_NO = _col("", "cause_no", _INT)
SOLUTION_NO = _col("", "solution_no", _INT)
TIMES = (
    "created_at",
    "updated_at",
    "imported_at",
    "verified_at",
    "frozen_at",
    "opened_at",
    "changed_at",
)

# The sheets of the whole record, lists first: (table, columns). A column's field is
# the table's column (or a key this module adds: code, cause_no, solution_no, whys).
SHEETS: tuple[tuple[str, tuple[Column, ...]], ...] = (
    ("site", (_col("site", "code", _TEXT), _col("site", "name", _TEXT))),
    ("department", (_col("department", "name", _TEXT),)),
    ("erp_module", (_col("erp_module", "name", _TEXT), _col("erp_module", "active", _BOOL))),
    ("person", tuple(columns_of("person"))),
    (
        "problem",
        (
            CODE,
            *columns_of("problem"),
            _col("problem", "status", Spec("choice", choices=PROBLEM_STATUSES)),
            _col("problem", "closed_on", _DATE),
            *(_col("problem", name, _TIME) for name in TIMES[:3]),
        ),
    ),
    ("cause", (CODE, CAUSE_NO, *columns_of("cause"), _col("cause", "whys", _TEXT))),
    ("solution", (CODE, CAUSE_NO, SOLUTION_NO, *columns_of("solution"))),
    (
        "result",
        (
            CODE,
            CAUSE_NO,
            SOLUTION_NO,
            *columns_of("result"),
            _col("result", "verified_by_id", Spec("ref"), "person"),
            _col("result", "verified_at", _TIME),
        ),
    ),
)


def header(column: Column, table: str, language: str) -> str:
    """A column's header in ``language``."""
    if column.part == "" or column.field in TIMES[:3]:
        return file_message(column.field, language)
    label = field_label(column.field, language, table)
    # a field the kind's vocabulary does not name (an alert's site): its common name
    return label if label != column.field else field_label(column.field, language)


def sheet_name(table: str, language: str) -> str:
    names = SHEET_NAMES[table]
    return names.get(language) or names["en"]


def _rows(services: Services, table: str) -> list[dict[str, Any]]:
    model = Base.metadata.tables[table]
    with services.database.engine.connect() as connection:
        query = select(model).order_by(*model.primary_key.columns)
        return [dict(row) for row in connection.execute(query).mappings()]


def shown(column: Column, row: Mapping[str, Any], names: Mapping[str, Any], language: str) -> Any:
    """A stored value as the sheet shows it."""
    value = row.get(column.field)
    if value is None:
        return None
    if column.reference is not None:
        return names[column.reference].get(value)
    if column.field in TIMES:  # as text, to the microsecond: a cell keeps milliseconds
        return value.isoformat(sep=" ")
    vocabulary = vocabulary_of(column.spec)
    if vocabulary is not None:
        return vocabulary.label(value, language)
    if column.spec.decimals_column:
        number = stored(value, row.get(column.spec.decimals_column))
        return None if number is None else number.text()
    return value


def _chain_rows(services: Services) -> dict[str, list[dict[str, Any]]]:
    """Problems, causes, solutions, results, each link with its problem code and positions."""
    problems = _rows(services, "problem")
    codes = {row["id"]: row["code"] for row in problems}
    whys: dict[int, list[str]] = {}
    for why in sorted(_rows(services, "cause_why"), key=lambda w: (w["cause_id"], w["position"])):
        whys.setdefault(why["cause_id"], []).append(why["text"])
    counted: dict[Any, int] = {}

    def number(parent: Any) -> int:
        counted[parent] = counted.get(parent, 0) + 1
        return counted[parent]

    causes = _rows(services, "cause")
    place: dict[tuple[str, int], dict[str, Any]] = {}
    for cause in causes:
        cause.update(code=codes[cause["problem_id"]], cause_no=number(("p", cause["problem_id"])))
        cause["whys"] = "\n".join(whys.get(cause["id"], [])) or None
        place[("c", cause["id"])] = cause
    solutions = _rows(services, "solution")
    for solution in solutions:
        cause = place[("c", solution["cause_id"])]
        solution.update(
            code=cause["code"], cause_no=cause["cause_no"], solution_no=number(("c", cause["id"]))
        )
        place[("s", solution["id"])] = solution
    results = _rows(services, "result")
    for result in results:
        solution = place[("s", result["solution_id"])]
        result.update(
            code=solution["code"],
            cause_no=solution["cause_no"],
            solution_no=solution["solution_no"],
        )
    return {"problem": problems, "cause": causes, "solution": solutions, "result": results}


def record_sheets(
    services: Services, language: str, only: Sequence[str] | None = None
) -> list[SheetData]:
    """The sheets of the whole record (or of the tables in ``only``), in ``language``."""
    data = {table: _rows(services, table) for table in LISTS}
    names = {t: {r["id"]: r[LISTS[t][0][0]] for r in rows} for t, rows in data.items()}
    data.update(_chain_rows(services))
    sheets = []
    for table, columns in SHEETS:
        if only is not None and table not in only:
            continue
        headers = [header(c, table, language) for c in columns]
        rows = [[shown(c, row, names, language) for c in columns] for row in data[table]]
        sheets.append(SheetData(sheet_name(table, language), headers, rows, len(rows)))
    if only is None:
        from workbench.transfer.record_kinds import kind_sheets

        sheets += kind_sheets(language, lambda t: _rows(services, t), shown, names, data)
    return sheets


def export_record(
    services: Services, out: Path, language: str, progress: Progress | None = None
) -> dict[str, int]:
    """The whole record to one workbook; how many rows each sheet got."""
    from workbench.transfer.record_kinds import KIND_SHEETS

    sheets = record_sheets(services, language)
    write_table(out, sheets, progress or silent())
    tables = [table for table, _ in SHEETS] + [sheet.table for sheet in KIND_SHEETS]
    return {table: sheet.total for table, sheet in zip(tables, sheets, strict=True)}


def export_problems(
    services: Services,
    out: Path,
    language: str,
    filters: Sequence[str] = (),
    progress: Progress | None = None,
) -> dict[str, int]:
    """The problems a filter selects (all of them by default), every field, to .xlsx or CSV."""
    (sheet,) = record_sheets(services, language, only=("problem",))
    rows = list(sheet.rows)
    if filters:
        wanted = problem_filter(services, filters, language)
        total = services.problems.count(wanted)
        chosen = {r.code for r in services.problems.page(wanted, ProblemSort(), 0, total)}
        rows = [row for row in rows if row[0] in chosen]
    write_table(out, [SheetData(sheet.name, sheet.headers, rows, len(rows))], progress)
    return {"problem": len(rows)}


__all__ = ["SHEETS", "ProblemFilter", "export_problems", "export_record", "record_sheets"]
