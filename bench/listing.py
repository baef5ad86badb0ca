"""The Problems list on a big database: open, jump to any page, filter.

Each figure is the real page (model, view, services, SQLAlchemy) painted offscreen,
beside its floor: the same rows fetched with hand-written SQL through plain sqlite3.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timing import median_ms

PAGE = 200
_ROWS = """
SELECT p.id, p.code, p.title, p.status, m.name, s.name, d.name, p.severity, p.impact,
       p.frequency, o.name, p.reported_on
FROM problem p
JOIN (SELECT id FROM problem p WHERE {where} ORDER BY p.code DESC LIMIT {limit} OFFSET {offset})
  AS page ON page.id = p.id
LEFT JOIN erp_module m ON m.id = p.erp_module_id
LEFT JOIN site s ON s.id = p.site_id
LEFT JOIN department d ON d.id = p.department_id
LEFT JOIN person o ON o.id = p.owner_id
ORDER BY p.code DESC
"""


@dataclass(frozen=True)
class Figure:
    name: str
    ms: float
    floor_ms: float
    goal_ms: float | None


def _raw(
    path: Path, where: str, params: tuple[object, ...], offset: int, count: bool = True
) -> Callable[[], None]:
    """The floor: a count (unless ``count`` is False) and one page, by hand-written SQL."""
    connection = sqlite3.connect(path)

    def run() -> None:
        if count:
            connection.execute(f"SELECT count(*) FROM problem p WHERE {where}", params).fetchone()
        sql = _ROWS.format(where=where, limit=PAGE, offset=offset)
        connection.execute(sql, params).fetchall()

    return run


def measure(db: Path, repeat: int) -> list[Figure]:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from workbench.app import open_services
    from workbench.settings import Settings
    from workbench.ui.problems_page import ProblemsPage
    from workbench.ui.qt_app import ensure_application

    ensure_application("zh_CN")
    services = open_services(str(db), Settings(user="bench"))
    figures: list[Figure] = []
    pages: list[ProblemsPage] = []

    def open_list() -> None:
        page = ProblemsPage(services)
        page.resize(1400, 860)
        page.show()
        page.table.viewport().repaint()
        pages.append(page)

    figures.append(
        Figure(
            "open the list",
            median_ms(open_list, repeat),
            median_ms(_raw(db, "1", (), 0), repeat),
            100,
        )
    )
    page = pages[-1]
    total = page.model.rowCount()

    fetched = [page.model.fetch_count]
    for share in (0.5, 1.0):
        row = min(total - 1, int(total * share))

        def jump(row: int = row) -> None:
            page.model.set_filter(page.model.problem_filter)  # drop cached pages
            page.table.scrollTo(
                page.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
            QApplication.processEvents()  # the view lays out after a reset, then paints
            assert page.model.fetch_count > fetched[0], "the jump fetched nothing"
            fetched[0] = page.model.fetch_count

        floor = median_ms(_raw(db, "1", (), max(0, row - PAGE // 2)), repeat)
        figures.append(Figure(f"jump to row {row:,}", median_ms(jump, repeat), floor, 100))

    module_id = services.lookups.modules()[1].id
    filters = (
        ("filter: status", "p.status = ?", ("open",), {"status": "open"}),
        ("filter: ERP module", "p.erp_module_id = ?", (module_id,), {"module": module_id}),
        ("filter: title text, rows shown", "p.title LIKE ?", ("%差异%",), {"text": "差异"}),
        (
            "filter: code prefix",
            "p.code >= ? AND p.code < ?",
            ("P-2026-01", "P-2026-01\uffff"),
            {"text": "P-2026-01"},
        ),
    )
    for name, where, params, wanted in filters:

        def apply(wanted: dict[str, object] = wanted, exact: bool = False) -> None:
            page.search.setText(str(wanted.get("text", "")))
            _select(page.status_filter, wanted.get("status"))
            _select(page.module_filter, wanted.get("module"))
            page.apply_filter()
            page.table.scrollToTop()
            QApplication.processEvents()  # lays out and paints the new rows
            while exact and not page.model.count_exact:  # the count from the worker thread
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

        def clear() -> None:
            apply({})

        def timed(exact: bool, wanted: dict[str, object] = wanted) -> float:
            timings = []
            for _ in range(repeat):
                clear()
                timings.append(median_ms(lambda: apply(wanted, exact), 1))
            return sorted(timings)[len(timings) // 2]

        apply(wanted)
        background = not page.model.count_exact
        figures.append(
            Figure(
                name,
                timed(False),
                median_ms(_raw(db, where, params, 0, not background), repeat),
                150,
            )
        )
        if background:
            figures.append(
                Figure(
                    name.replace("rows shown", "count known"),
                    timed(True),
                    median_ms(_raw(db, where, params, 0), repeat),
                    None,
                )
            )
    services.database.dispose()
    return figures


def _select(combo: object, data: object) -> None:
    index = combo.findData(data) if data is not None else 0  # type: ignore[attr-defined]
    combo.setCurrentIndex(max(index, 0))  # type: ignore[attr-defined]
