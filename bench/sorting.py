"""The "not closed" Problems list sorted by each column, both ways, on a big database.

For each column and direction: the header clicked and the first page painted, then a jump
to the middle of the list (cached pages dropped first). The floor of the jump is the same
page by hand-written SQL through plain sqlite3.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.timing import median_ms

if TYPE_CHECKING:
    from workbench.ui.problems_page import ProblemsPage

PAGE = 200
GOAL_MS = 100.0
_RANK = (
    "(CASE p.frequency WHEN 'rarely' THEN 1 WHEN 'monthly' THEN 2 WHEN 'weekly' THEN 3 "
    "WHEN 'daily' THEN 4 WHEN 'several_daily' THEN 5 ELSE 0 END)"
)
# The sort key of each column as the list sorts it (then by id; code is unique).
_KEYS = {
    "code": "p.code",
    "title": "p.title",
    "status": "p.status",
    "module": "p.erp_module_id",
    "site": "p.site_id",
    "department": "p.department_id",
    "severity": "p.severity",
    "impact": "p.impact",
    "frequency": _RANK,
    "owner": "p.owner_id",
    "reported_on": "p.reported_on",
}


@dataclass(frozen=True)
class Sorted:
    column: str
    descending: bool
    first_ms: float
    middle_ms: float
    floor_ms: float
    rows: int  # in the list


def _floor(db: Path, column: str, descending: bool, offset: int) -> Callable[[], None]:
    connection = sqlite3.connect(db)
    way = " DESC" if descending else ""
    order = f"{_KEYS[column]}{way}" + ("" if column == "code" else f", p.id{way}")
    sql = (
        "SELECT p.id, p.code, p.title, p.status, m.name, s.name, d.name, p.severity,"
        " p.impact, p.frequency, o.name, p.reported_on FROM problem p"
        " JOIN (SELECT p.id FROM problem p WHERE p.status NOT IN ('closed', 'rejected')"
        f" ORDER BY {order} LIMIT {PAGE} OFFSET {offset}) AS page ON page.id = p.id"
        " LEFT JOIN erp_module m ON m.id = p.erp_module_id"
        " LEFT JOIN site s ON s.id = p.site_id"
        " LEFT JOIN department d ON d.id = p.department_id"
        f" LEFT JOIN person o ON o.id = p.owner_id ORDER BY {order}"
    )
    return lambda: connection.execute(sql).fetchall() and None


def measure(db: Path, page: ProblemsPage, repeat: int) -> list[Sorted]:
    """``page`` shows the list "not closed"; it is left sorted by code, newest first."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from workbench.ui.problem_table import COLUMN_KEYS

    model, table = page.model, page.table
    total = model.rowCount()
    middle = total // 2
    up, down = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

    def click(number: int, order: Qt.SortOrder) -> None:
        table.sortByColumn(number, order)  # as a click on the header
        table.scrollToTop()
        QApplication.processEvents()

    def first_ms(number: int, order: Qt.SortOrder) -> float:
        click(number, down if order == up else up)  # so the timed click changes the order
        return median_ms(lambda: click(number, order), 1)

    def jump() -> None:
        model.set_filter(model.problem_filter)  # drop cached pages
        table.scrollTo(model.index(middle, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        QApplication.processEvents()

    results: list[Sorted] = []
    for number, column in enumerate(COLUMN_KEYS):
        for order in (up, down):
            first = sorted(first_ms(number, order) for _ in range(repeat))[repeat // 2]
            click(number, order)
            jumped = median_ms(jump, repeat)
            descending = order == down
            floor = median_ms(_floor(db, column, descending, middle - PAGE // 2), repeat)
            results.append(Sorted(column, descending, first, jumped, floor, total))
    click(0, down)
    return results


def report(results: list[Sorted]) -> None:
    rows = results[0].rows if results else 0
    print(f"\nSorted by each column, not closed ({rows:,} rows); goal <= {GOAL_MS:.0f} ms:")
    print(f"  {'':18} {'first page':>10} {'middle':>10} {'floor':>8}")
    for result in results:
        arrow = "↓" if result.descending else "↑"
        missed = "  missed" if max(result.first_ms, result.middle_ms) > GOAL_MS else ""
        print(
            f"  {result.column:15} {arrow}  {result.first_ms:7.1f} ms {result.middle_ms:7.1f} ms"
            f" {result.floor_ms:5.1f} ms{missed}"
        )
