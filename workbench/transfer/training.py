"""Training attendance on a sheet, as plants keep it: a training sign-in sheet (培训签到表).

Two layouts, both one table under one header row, so the mapping dialog expresses them:

- a sign-in sheet: a title row (ERP 培训签到表 2026年7月), a session block above the table
  (日期：2026-07-08, 主题 | 库存盘点, 讲师：王芳, 模块, 形式; a label and its value in one
  cell after a colon or in the next cell), then 序号 / 姓名 / 部门 / 签到 / 成绩 and a
  totals row. The block's values hold for every row (``session_block``); a column of the
  table of the same field wins over them.
- a flat list: one row per attendance, the session's columns (日期, 主题, 讲师 …) repeated.

A row is one person at one session; the rows of the same session (by its code, else its
date, topic and module) make one session. A 签到 cell with an absence word (缺席, 请假, ×)
leaves the row out; any other mark or a signature means present, and so does an empty
cell, unless others signed for the same session (then it is someone who did not sign).
People, departments, trainers and modules the lists lack are proposed and created on
confirm; a session the database already holds (same code, or same date, topic and module)
gets only the attendances it lacks, so importing the same sheet again adds nothing
(workbench.services.importing_training).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from workbench.services import Services
from workbench.services.fields import Spec
from workbench.services.importing_training import TrainingImportService, TrainingRow
from workbench.transfer.cells import fold
from workbench.transfer.headers import match
from workbench.transfer.kinds import Column, Fixed, ImportKind, KindWriter, columns_of, register
from workbench.vocabulary.transfer import ABSENT_WORDS

SESSION = "training_session"
ATTENDANCE = "attendance"
TRAINING_COLUMNS: tuple[Column, ...] = (
    Column(SESSION, "code", Spec("text", max_length=20)),
    *columns_of(
        SESSION, ("held_on", "topic", "trainer_id", "erp_module_id", "kind", "duration_hours")
    ),
    *columns_of(ATTENDANCE, ("person_id",)),
    Column(ATTENDANCE, "department_id", Spec("ref"), "department"),
    Column(ATTENDANCE, "signed", Spec("text", max_length=100)),
    *columns_of(ATTENDANCE, ("score",)),
)
_SEPARATORS = ("：", ":")
_ABSENT = {fold(word) for word in ABSENT_WORDS}


def _labelled(text: str) -> tuple[str, str] | None:
    """ "日期：2026-07-08" as its label and value."""
    for separator in _SEPARATORS:
        label, found, value = text.partition(separator)
        if found and label.strip():
            return label.strip(), value.strip()
    return None


def session_block(kind: ImportKind, rows: Sequence[tuple[int, tuple[Any, ...]]]) -> Fixed:
    """The session's values written above the table: a label naming one of the
    session's columns exactly, then its value (after a colon, or in the next cell)."""
    found: Fixed = {}
    for number, cells in rows:
        for index, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            pair = _labelled(cell)
            label, value, at = (*pair, index) if pair else (cell, None, index)
            column = match(kind, label)
            if column is None or column.part != SESSION or fold(label) not in _exact(column):
                continue
            if value in (None, ""):
                # the next cell (not the label's own, repeated by a merged label cell)
                after = range(index + 1, len(cells))
                at = next((i for i in after if cells[i] not in (None, cell)), -1)
                value = cells[at] if at >= 0 else None
            if value not in (None, "") and column.key not in found:
                found[column.key] = (number, at, value)
    return found


def above_the_table(kind: ImportKind, fixed: Fixed, language: str) -> str:
    """What the block above the table says, as the preview shows it: "培训日期 2026-07-08;
    主题 库存盘点差异处理" (a date cell without its midnight)."""
    shown = []
    for key, (_, _, cell) in fixed.items():
        column = kind.column(key)
        if column is None:
            continue
        if isinstance(cell, dt.datetime) and cell.time() == dt.time():
            cell = cell.date()
        shown.append(f"{column.label(language)} {cell}")
    return "; ".join(shown)


def _exact(column: Column) -> set[str]:
    return {fold(word) for word in column.words()}


def _key(part: str, name: str) -> str:
    return f"{part}.{name}"


def build(
    row: int,
    values: Mapping[str, Any],
    resolve: Callable[[str, str], int],
    existing: Mapping[str, Mapping[str, Any]],
    stamp: dt.datetime,
    language: str,
) -> TrainingRow:
    """What row ``row`` writes: its session's fields and the attendance, names resolved
    (not an absentee's: no one is created for a row that is left out)."""
    signed = values.get(_key(ATTENDANCE, "signed"))
    if signed is not None and fold(signed) in _ABSENT:
        return TrainingRow(row, {}, None, None, None, absent=True)
    session: dict[str, Any] = {}
    for column in TRAINING_COLUMNS:
        key = column.key
        if column.part != SESSION or column.field == "code" or key not in values:
            continue
        value = values[key]
        session[column.field] = resolve(column.reference, value) if column.reference else value
    person = values.get(_key(ATTENDANCE, "person_id"))
    department = values.get(_key(ATTENDANCE, "department_id"))
    code = values.get(_key(SESSION, "code"))
    return TrainingRow(
        row,
        session,
        code.strip() if isinstance(code, str) and code.strip() else None,
        None if person is None else resolve("person", person),
        None if department is None else resolve("department", department),
        values.get(_key(ATTENDANCE, "score")),
        signed=signed is not None and str(signed).strip() != "",
    )


def _writer(services: Services, language: str) -> KindWriter:
    return TrainingImportService(services.database, services.actor)


TRAINING = register(
    ImportKind(
        "training",
        TRAINING_COLUMNS,
        code="",  # a session's code repeats on each of its rows: not a row's own key
        build=build,
        writer=_writer,
        anchor=_key(ATTENDANCE, "person_id"),
        head=session_block,
    )
)
