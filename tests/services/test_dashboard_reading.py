"""What start-up to the Dashboard pays for: a service is built (and its module imported)
when first used, once; the Dashboard's counts per closing month and per cause category
are read from their indexes; the Dashboard's page paints its tiles without pyqtgraph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event

from workbench.analysis.kpi_rules import period_of
from workbench.services import Services

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_opening_builds_no_service_until_one_is_used(db_path: Path, services: Services):
    services.database.dispose()
    found = _python(
        "import sys\n"
        "from workbench.app import open_services\n"
        f"services = open_services({str(db_path)!r})\n"
        "before = 'workbench.services.reports' in sys.modules\n"
        "services.dashboard.tiles()\n"
        "during = 'workbench.services.reports' in sys.modules\n"
        "services.reports\n"
        "print(before, during, 'workbench.services.reports' in sys.modules)"
    )
    assert found == "False False True"


def test_each_service_is_built_once_and_the_undo_history_is_shared(services: Services):
    assert services.problems is services.problems
    assert services.improvements._history is services.history
    assert services.attachments._history is services.history


def test_the_dashboard_counts_closings_and_causes_from_their_indexes(services: Services):
    plans: list[str] = []
    engine = services.database.engine
    statements: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        services.dashboard.causes_by_category()
        services.dashboard.opened_closed(period_of(services.health.today()))
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    with engine.connect() as connection:
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
                plans.append(" ".join(str(row[-1]) for row in rows))
    assert any("COVERING INDEX ix_cause_category" in plan for plan in plans), plans
    assert any("INDEX ix_problem_closed_on" in plan for plan in plans), plans


def test_the_dashboard_page_is_imported_without_pyqtgraph():
    found = _python(
        "import sys\nimport workbench.ui.dashboard_page\nprint('pyqtgraph' in sys.modules)"
    )
    assert found == "False"
