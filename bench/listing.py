"""The Problems list on a big database: open, jump to any page, filter.

Each figure is the real page (model, view, services, SQLAlchemy) painted offscreen,
beside its floor: the same rows fetched with hand-written SQL through plain sqlite3.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import sorting
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


# A text filter's causes and solutions: looked up per row for a first page, read once as
# a set of problem ids for a count.
# (A cause's evidence is searched too since migration 0012, whose index holds it.)
_LAZY_CAUSE = (
    "EXISTS (SELECT 1 FROM cause c WHERE c.problem_id = p.id"
    " AND (c.description LIKE ?1 OR c.evidence LIKE ?1))"
)
_LAZY_SOLUTION = (
    "EXISTS (SELECT 1 FROM solution s JOIN cause c ON c.id = s.cause_id"
    " WHERE c.problem_id = p.id AND (s.title LIKE ?1 OR s.description LIKE ?1))"
)
_SET_CAUSE = "p.id IN (SELECT problem_id FROM cause WHERE description LIKE ?1 OR evidence LIKE ?1)"
_SET_SOLUTION = (
    "p.id IN (SELECT c.problem_id FROM cause c JOIN solution s ON s.cause_id = c.id"
    " WHERE s.title LIKE ?1 OR s.description LIKE ?1)"
)


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
        if count:  # as the services count (see workbench.services.problem_sql)
            counted = where.replace("+p.status", "p.status")
            counted = counted.replace(_LAZY_CAUSE, _SET_CAUSE).replace(
                _LAZY_SOLUTION, _SET_SOLUTION
            )
            connection.execute(f"SELECT count(*) FROM problem p WHERE {counted}", params).fetchone()
        sql = _ROWS.format(where=where, limit=PAGE, offset=offset)
        connection.execute(sql, params).fetchall()

    return run


def measure(db: Path, repeat: int) -> tuple[list[Figure], list[sorting.Sorted]]:
    """The figures below, and the list sorted by each column (bench.sorting)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from workbench.app import open_services
    from workbench.services.records import ProblemFilter
    from workbench.settings import ENV_VAR, Settings
    from workbench.ui.problems_page import ProblemsPage
    from workbench.ui.qt_app import ensure_application

    ensure_application("zh_CN")
    # The list as on a new start ("not closed", newest first), not as a user left it.
    os.environ[ENV_VAR] = tempfile.mkdtemp(prefix="bench-config-")
    services = open_services(str(db), Settings(user="bench"))
    figures: list[Figure] = []
    pages: list[ProblemsPage] = []

    def open_list() -> None:
        page = ProblemsPage(services)
        page.resize(1400, 860)
        page.show()
        page.table.viewport().repaint()
        pages.append(page)

    # As the services write "not closed" (on its partial indexes, migration 0007).
    open_where = "p.status NOT IN ('closed', 'rejected')"
    statuses: tuple[object, ...] = ()
    figures.append(
        Figure(
            "open the list (not closed)",
            median_ms(open_list, repeat),
            median_ms(_raw(db, open_where, statuses, 0), repeat),
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

        floor = median_ms(_raw(db, open_where, statuses, max(0, row - PAGE // 2)), repeat)
        figures.append(Figure(f"jump to row {row:,}", median_ms(jump, repeat), floor, 100))

    sorted_by = sorting.measure(db, page, repeat)

    module_id = services.lookups.modules()[1].id
    owner_id = services.lookups.people()[1].id
    text_where = (
        "(p.title LIKE ?1 ESCAPE '\\' OR p.code LIKE ?1 ESCAPE '\\'"
        " OR p.tags LIKE ?1 ESCAPE '\\' OR p.description LIKE ?1 ESCAPE '\\'"
        " OR p.owner_id IN (SELECT id FROM person WHERE name LIKE ?1 OR login LIKE ?1)"
        " OR p.reporter_id IN (SELECT id FROM person WHERE name LIKE ?1 OR login LIKE ?1)"
        f" OR {_LAZY_CAUSE} OR {_LAZY_SOLUTION})"
    )
    not_closed = ProblemFilter.not_closed()
    filters: tuple[tuple[str, str, tuple[object, ...], ProblemFilter], ...] = (
        ("filter: status", "p.status = ?", ("open",), ProblemFilter(statuses=("open",))),
        (
            "filter: not closed (4 statuses)",
            open_where,
            statuses,
            not_closed,
        ),
        (
            "filter: ERP module",
            "p.erp_module_id = ?",
            (module_id,),
            ProblemFilter(erp_module_ids=(module_id,)),
        ),
        ("filter: owner", "p.owner_id = ?", (owner_id,), ProblemFilter(owner_ids=(owner_id,))),
        ("filter: text (差异), rows shown", text_where, ("%差异%",), ProblemFilter(text="差异")),
        (
            "filter: text in descriptions (账实), rows shown",
            text_where,
            ("%账实%",),
            ProblemFilter(text="账实"),
        ),
        # A word no record holds: the scan reads every problem, cause and solution; the
        # list reads the full-text index (migration 0012) and shows its empty page at once.
        (
            "filter: text nothing holds (魍魉), rows shown",
            text_where,
            ("%魍魉%",),
            ProblemFilter(text="魍魉"),
        ),
        (
            "filter: code prefix",
            "p.code >= ? AND p.code < ?",
            ("P-2026-01", "P-2026-01\uffff"),
            ProblemFilter(text="P-2026-01"),
        ),
    )
    for name, where, params, wanted in filters:

        def apply(wanted: ProblemFilter = wanted, exact: bool = False) -> None:
            page.filters.set_filter(wanted)  # as if ticked and typed
            page.apply_filter()
            page.table.scrollToTop()
            QApplication.processEvents()  # lays out and paints the new rows
            while exact and not page.model.count_exact:  # the count from the worker thread
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

        def clear() -> None:
            apply(ProblemFilter())

        def timed(exact: bool, wanted: ProblemFilter = wanted) -> float:
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
    return figures, sorted_by
