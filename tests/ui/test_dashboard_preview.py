"""At start-up on the Dashboard the window draws the Dashboard as it was last read, when
the file is as it was then, before the database is opened; the opening starts once it is
painted, the window's Dashboard is then that same page, and it reads afresh. Until then
nothing on it reaches for the services. With nothing remembered for the file as it is
(a write since, another month), it is read from the file as it is, through the DB-API, and
kept for the next start; only a file that cannot be read so (still to migrate …) is opened
at once, as before."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from workbench.services import Services
from workbench.services.dashboard_facts import DashboardReading, read_charts, read_tiles
from workbench.services.dashboard_memory import DashboardMemory, file_state
from workbench.services.kpi_records import MeasurementInput
from workbench.settings import cache_dir
from workbench.ui.dashboard_page import DashboardPage
from workbench.ui.main_window import MainWindow
from workbench.ui.pages import PAGES
from workbench.ui.preview import DashboardPreview


@pytest.fixture
def measured(record: Services) -> Services:
    accuracy = next(k for k in record.kpis.kpis() if k.preset == "data_accuracy")
    sites = [s.id for s in record.lookups.sites()]
    record.kpis.write_measurements(
        [
            MeasurementInput(accuracy.id, f"2026-{m:02d}", "98.2", site_id=site)
            for m in range(1, 12)
            for site in sites
        ]
    )
    return record


def _read_on_a_window(services: Services, qtbot) -> DashboardPage:
    """The Dashboard read once in a window, as the last session left it."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.readings is not None, timeout=20_000)
    return page


def _remembered(services: Services, db_path: Path) -> DashboardReading | None:
    state = file_state(db_path, services.dashboard.today())
    return None if state is None else DashboardMemory(cache_dir()).recall(state, "en")


def _previewed(db_path: Path, qtbot) -> tuple[MainWindow, DashboardPreview, list[int]]:
    opened: list[int] = []
    preview = DashboardPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="dashboard")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    preview.start(window, lambda: opened.append(1))
    return window, preview, opened


def test_the_page_remembers_each_whole_reading(measured, db_path, qtbot):
    page = _read_on_a_window(measured, qtbot)
    found = _remembered(measured, db_path)
    assert found is not None
    assert found.charts == page.readings
    assert [t.kpi.id for t in found.tiles] == [t.kpi.id for t in measured.dashboard.tiles()]
    assert found.alerts == page.alert_rows


def test_the_remembered_dashboard_shows_before_the_database_opens(measured, db_path, qtbot):
    first = _read_on_a_window(measured, qtbot)
    window, preview, opened = _previewed(db_path, qtbot)
    qtbot.waitUntil(lambda: preview.page is not None)
    page = window.stack.currentWidget()
    assert isinstance(page, DashboardPage) and page is preview.page
    assert page.readings == first.readings
    assert [t.name.text() for t in page.tiles] == [t.name.text() for t in first.tiles]
    assert page.pareto.chart == first.pareto.chart and page.health.chart == first.health.chart
    assert not window.navigation.isEnabled()
    # Nothing that needs the services does anything yet.
    page.months.barClicked.emit(0, 0)
    page.edit_weights()
    requested: list[tuple[str, int]] = []
    page.recordRequested.connect(lambda kind, record_id: requested.append((kind, record_id)))
    page.tiles[0].opened.emit(page.tiles[0].tile.kpi.id)
    assert getattr(page, "behind", None) is None and requested == []

    qtbot.waitUntil(lambda: opened == [1])  # after the page was painted, once
    read_again: list[int] = []
    page.chartsShown.connect(lambda: read_again.append(1))
    window.attach(measured)
    assert window.page("dashboard") is page and window.stack.currentWidget() is page
    assert preview.page is None
    qtbot.waitUntil(lambda: read_again == [1], timeout=20_000)  # read afresh
    assert page.readings == first.readings


def test_after_a_write_the_dashboard_is_read_from_the_file_before_it_opens(
    measured, db_path, qtbot
):
    before = _read_on_a_window(measured, qtbot)
    accuracy = next(t.tile.kpi for t in before.tiles if t.tile.kpi.preset == "data_accuracy")
    measured.kpis.write_measurements(  # the last session's reading is out of date now
        [
            MeasurementInput(accuracy.id, "2026-11", "91.5", site_id=s.id)
            for s in measured.lookups.sites()
        ]
    )
    expected = DashboardReading(
        *measured.dashboard.read_tiles("en"), measured.dashboard.read_charts("en")
    )
    assert expected.charts != before.readings
    window, preview, opened = _previewed(db_path, qtbot)
    qtbot.waitUntil(lambda: preview.page is not None)
    page = preview.page
    assert isinstance(page, DashboardPage) and window.stack.currentWidget() is page
    assert page.readings == expected.charts
    assert tuple(t.tile for t in page.tiles) == expected.tiles
    assert page.alert_rows == expected.alerts
    assert not window.navigation.isEnabled()
    qtbot.waitUntil(lambda: opened == [1])  # after the page was painted
    assert _remembered(measured, db_path) == expected  # and kept for the next start


def test_a_file_that_cannot_be_read_so_is_opened_at_once(measured, db_path, qtbot):
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")  # still to migrate
    window, preview, opened = _previewed(db_path, qtbot)
    qtbot.waitUntil(lambda: opened == [1])
    assert preview.page is None and window.stack.currentWidget() is not None


def test_the_whole_reading_is_remembered_whichever_half_comes_last(measured, db_path, qtbot):
    page = DashboardPage(None)
    qtbot.addWidget(page)
    state, tiles, alerts = read_tiles(measured, "en")
    charts = read_charts(measured, "en")
    page._show_charts(charts)  # the charts' half first, as a slow tiles' reading would
    assert _remembered(measured, db_path) is None
    page._show_tiles((state, tiles, alerts))
    assert _remembered(measured, db_path) == DashboardReading(tiles, alerts, charts[1])


def test_halves_read_either_side_of_a_write_are_not_remembered(measured, db_path, qtbot):
    page = DashboardPage(None)
    qtbot.addWidget(page)
    page._show_tiles(read_tiles(measured, "en"))
    measured.lookups.add_department("质量部")
    page._show_charts(read_charts(measured, "en"))
    assert _remembered(measured, db_path) is None
    assert not list(cache_dir().glob("dashboard-*.json"))  # nothing kept under either head


def test_workbench_paints_the_dashboard_before_sqlalchemy_is_imported(measured, db_path, tmp_path):
    """`workbench --db FILE` as a user starts it, on a first start (nothing remembered),
    quitting at the first paint of the Dashboard's charts: they were read from the file,
    and are kept for the next start."""
    measured.database.dispose()
    code = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from workbench.cli.main import main
from workbench.ui.qt_app import ensure_application

class Spy(QObject):
    seen = None
    def eventFilter(self, watched, event):
        page = watched
        while page is not None and page.objectName() != "dashboard_page":
            page = page.parent()
        if (event.type() == QEvent.Type.Paint and self.seen is None and page is not None
                and getattr(page, "readings", None) is not None):
            self.seen = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

spy = Spy()
ensure_application("en").installEventFilter(spy)
assert main(["--db", {str(db_path)!r}, "--lang", "en"]) == 0
assert spy.seen == [], spy.seen
print("dashboard painted without sqlalchemy")
"""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "WORKBENCH_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "dashboard painted without sqlalchemy" in done.stdout
    state = file_state(db_path, measured.dashboard.today())
    assert state is not None
    kept = DashboardMemory(tmp_path / "config" / "cache").recall(state, "en")
    assert kept is not None and kept.charts == measured.dashboard.read_charts("en")
