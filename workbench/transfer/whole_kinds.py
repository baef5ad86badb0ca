"""Reading the whole record's other kinds back from its workbook (the sheets
workbench.transfer.record_kinds writes) into what workbench.services.importing_record
checks and writes.

Each row's cells are read by its column's description, as the problems' are
(workbench.transfer.whole: names to ids, list values in either language, dates, times,
numbers with their decimals); a cell that cannot be read refuses the file naming its
sheet, row and field. A row's fields of its record kind go to ``KindInput.values`` (the
kind's description checks them), the columns the sheet adds (its code, its parent's
code, the records it links, its times) to ``KindInput.keys``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbench.services import kinds
from workbench.services.importing_record import KindInput
from workbench.transfer.record_kinds import KIND_SHEETS

if TYPE_CHECKING:
    from workbench.transfer.whole import Row, _Reader

# The sheets whose rows keep a code of their own (kept, and moving their sequence on).
_CODED = ("improvement_item", "pilot", "training_session")


def kind_inputs(sheets: Mapping[str, list[Row]], reader: _Reader) -> dict[str, list[KindInput]]:
    """Every other kind's rows, by table, in the sheets' order."""
    found: dict[str, list[KindInput]] = {}
    for sheet in KIND_SHEETS:
        fields = kinds.KINDS[sheet.table].fields if sheet.table in kinds.KINDS else {}
        rows = found.setdefault(sheet.table, [])
        for row in sheets.get(sheet.table, []):
            values: dict[str, Any] = {}
            keys: dict[str, Any] = {}
            for column in sheet.columns:
                if column.field not in row:
                    continue
                value = reader.cell(sheet.table, column, row)
                own = column.part == sheet.table and column.field in fields
                (values if own else keys)[column.field] = value
            rows.append(KindInput(int(row["_row"]), values, keys))
    return found


def kind_codes(sheets: Mapping[str, list[Row]]) -> list[str]:
    """The codes the other kinds' rows keep (their sequences move on past them)."""
    return [
        str(row["code"]).strip()
        for table in _CODED
        for row in sheets.get(table, [])
        if row.get("code")
    ]
