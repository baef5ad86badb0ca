"""The whole record's other kinds in its workbook: improvement items, pilots with their
rounds and roll-outs, training sessions with their attendance.

Each sheet is described once (``KIND_SHEETS``): the table, its own code or its parent's
code (a round keyed by its pilot's code and number, an attendance by its session's code),
the kind's fields (workbench.services.kinds), and the problems an item or a session
addresses as their codes. They are written as the problem sheets are (names for ids,
list values in the user's language, numbers with their typed decimals). Reading them
back is not done yet: ``import all`` says how many of their rows it leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.services import Services
from workbench.services.fields import Spec
from workbench.transfer.export import SheetData
from workbench.transfer.kinds import Column, columns_of
from workbench.vocabulary import PILOT_STATUS, field_label
from workbench.vocabulary.transfer import SHEET_NAMES, file_message

_TEXT = Spec("text")


@dataclass(frozen=True)
class KindSheet:
    table: str
    columns: tuple[Column, ...]
    parent: tuple[str, str] | None = None  # (the column naming it, the parent's table)
    links: tuple[str, str] | None = None  # (link table, its key to this table): problem codes


def _own(table: str, *names: str) -> tuple[Column, ...]:
    return (Column(table, "code", _TEXT), *columns_of(table, names or None))


KIND_SHEETS: tuple[KindSheet, ...] = (
    KindSheet(
        "improvement_item",
        (
            *_own("improvement_item"),
            Column("", "problem_codes", _TEXT),
        ),
        links=("improvement_item_problem", "item_id"),
    ),
    KindSheet(
        "pilot",
        (*_own("pilot"), Column("pilot", "status", Spec("choice", choices=PILOT_STATUS.keys))),
    ),
    KindSheet(
        "pilot_round",
        (
            Column("", "pilot_code", _TEXT),
            Column("pilot_round", "number", Spec("int")),
            *columns_of("pilot_round"),
        ),
        parent=("pilot_id", "pilot"),
    ),
    KindSheet(
        "pilot_rollout",
        (Column("", "pilot_code", _TEXT), *columns_of("pilot_rollout")),
        parent=("pilot_id", "pilot"),
    ),
    KindSheet(
        "training_session",
        (*_own("training_session"), Column("", "problem_codes", _TEXT)),
        links=("training_link", "session_id"),
    ),
    KindSheet(
        "attendance",
        (
            Column("", "session_code", _TEXT),
            *columns_of("attendance"),
            Column("attendance", "department_id", Spec("ref"), "department"),
        ),
        parent=("session_id", "training_session"),
    ),
)


def _header(column: Column, table: str, language: str) -> str:
    if column.part == "":
        return file_message(column.field, language)
    return field_label(column.field, language, table)


def kind_sheets(
    services: Services,
    language: str,
    rows_of: Any,
    shown: Any,
    names: Mapping[str, Any],
) -> list[SheetData]:
    """The other kinds' sheets; ``rows_of(table)`` reads a table, ``shown`` writes a value."""
    codes = {t: {r["id"]: r["code"] for r in rows_of(t)} for t in ("pilot", "training_session")}
    problems = {r["id"]: r["code"] for r in rows_of("problem")}
    sheets = []
    for sheet in KIND_SHEETS:
        rows = rows_of(sheet.table)
        if sheet.parent is not None:
            key, parent = sheet.parent
            code = "pilot_code" if parent == "pilot" else "session_code"
            for row in rows:
                row[code] = codes[parent].get(row[key])
        if sheet.links is not None:
            table, key = sheet.links
            linked: dict[int, list[str]] = {}
            for link in rows_of(table):
                if link.get("problem_id") is not None:
                    linked.setdefault(link[key], []).append(problems[link["problem_id"]])
            for row in rows:
                row["problem_codes"] = ", ".join(linked.get(row["id"], [])) or None
        headers = [_header(c, sheet.table, language) for c in sheet.columns]
        values = [[shown(c, row, names, language) for c in sheet.columns] for row in rows]
        title = SHEET_NAMES[sheet.table].get(language) or SHEET_NAMES[sheet.table]["en"]
        sheets.append(SheetData(title, headers, values, len(values)))
    return sheets
