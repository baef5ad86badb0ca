"""The KPI pages driven as a project manager would: the Dashboard on start with its tiles
and charts (hover values, a bar clicked opens the problems behind it, a chart saved as
PNG), a value typed into the KPIs page's grid that breaks the alarm threshold becomes an
alert whose ticket opens on the Problems page (and Ctrl+Z takes it back), and a column
pasted from Excel with one bad cell that saves nothing until it is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.services.kpi_records import MeasurementInput
from workbench.ui.main_window import MainWindow


@pytest.fixture
def kpis(record: Services) -> Services:
    """The demo-like record with the articles' KPIs, a year of in-range inventory
    variance at one site, and causes with categories on three problems."""
    record.kpis.add_presets()
    variance = next(k for k in record.kpis.kpis() if k.preset == "inventory_variance")
    site = record.lookups.sites()[0].id
    record.kpis.write_measurements(
        [MeasurementInput(variance.id, f"2025-{m:02d}", "0.4", site_id=site) for m in range(1, 13)]
    )
    for code, category in (
        ("P-2026-0001", "data"),
        ("P-2026-0002", "data"),
        ("P-2026-0003", "process"),
    ):
        record.chain.add(
            CAUSE, record.problems.id_of(code), {"description": "编码不统一", "category": category}
        )
    return record


def _window(services: Services, qtbot) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_dashboard_is_the_first_page_and_its_charts_fill_in(kpis, qtbot, tmp_path: Path):
    window = _window(kpis, qtbot)
    page = window.stack.currentWidget()
    assert page is window.page("dashboard")
    qtbot.waitUntil(lambda: page.readings is not None, timeout=20_000)
    assert [t.name.text() for t in page.tiles][:3] == [
        "Data accuracy",
        "Order processing time",
        "Inventory variance rate",
    ]
    variance = page.tiles[2]
    assert variance.value.text() == "0.4%" and "In range" in variance.target.text()
    # The Pareto: data explains 2 of 3 problems with a cause; hovering its bar says so.
    pareto = page.pareto
    assert pareto.chart.x_labels[:2] == ("Data", "Process")
    scene = pareto.point_position(0, 0)
    assert pareto.hover_at(scene) == "Problems · Data: 66.7 %"
    # Clicking the bar lists the problems behind it; double-clicking one opens it.
    bar = pareto.point_position(0, 0) + QPointF(0, 20)  # inside the bar, below its top
    view = pareto._plot
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(bar))
    qtbot.waitUntil(lambda: getattr(page, "behind", None) is not None and page.behind.isVisible())
    codes = [page.behind.table.item(r, 0).text() for r in range(page.behind.table.rowCount())]
    assert codes == ["P-2026-0002", "P-2026-0001"]
    page.behind.table.cellDoubleClicked.emit(0, 0)
    problems = window.page("problems")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is problems)
    assert problems.detail.problem_id == kpis.problems.id_of("P-2026-0002")
    # Every chart saves itself as a PNG.
    saved = page.health.save_png(tmp_path / "health.png")
    assert not QImage(str(saved)).isNull()
    # Why is it what it is: the parts add up to the score shown.
    table = page.breakdown.table
    points = [float(table.item(r, 3).text()) for r in range(table.rowCount() - 1)]
    total = float(table.item(table.rowCount() - 1, 3).text())
    assert round(sum(points), 1) == total
    assert f"{total:.1f}" in page.breakdown.heading.text()


def _type_row(grid, row: int, cells: tuple[str, ...], qtbot) -> None:
    """Type a row as a user does: the first key on a cell opens its editor, the rest go
    to the editor, Tab commits and moves to the next cell (an empty cell is tabbed over)."""
    grid.window().activateWindow()
    qtbot.waitUntil(lambda: grid.window().isActiveWindow())
    grid.setFocus()
    grid.setCurrentCell(row, 0)
    for text in cells:
        target = QApplication.focusWidget()
        if text:
            QTest.keyClicks(target, text[0])  # opens the cell's editor, which takes focus
            target = QApplication.focusWidget()
            QTest.keyClicks(target, text[1:])
        QTest.keyClick(target, Qt.Key.Key_Tab)


def test_a_breach_typed_in_the_grid_becomes_a_ticket_that_opens(kpis, qtbot):
    window = _window(kpis, qtbot)
    page = window.open_page("kpis")
    variance = next(k for k in kpis.kpis.kpis() if k.preset == "inventory_variance")
    assert page.select_kpi(variance.id)
    grid = page.grid
    row = grid.rowCount() - 3  # the first blank row under the year measured
    _type_row(grid, row, ("2026-01", "SZ", "", "1.6"), qtbot)
    assert page.editing.unsaved()
    assert page.save_measurements()
    assert not page.grid.unsaved()
    alerts = window.open_page("alerts")
    qtbot.waitUntil(lambda: len(alerts.rows) == 1)
    alert = alerts.rows[0]
    assert (alert.kpi, alert.opened_period, alert.status) == (
        "Inventory variance rate",
        "2026-01",
        "open",
    )
    alerts.table.setCurrentCell(0, 0)
    alerts.open_button.click()
    problems = window.page("problems")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is problems)
    assert problems.detail.problem_id == alert.problem_id
    ticket = kpis.problems.get(alert.problem_id)
    assert ticket.title == "KPI alert: Inventory variance rate 苏州工厂"
    # Ctrl+Z on the KPIs page takes the measurement back, and its ticket with it.
    window.open_page("kpis")
    page.undo_stack.undo()
    assert kpis.alerts.alerts() == ()
    assert all(m.period != "2026-01" for m in kpis.kpis.measurements(variance.id))


def test_a_pasted_column_with_a_bad_cell_saves_nothing_until_fixed(kpis, qtbot):
    window = _window(kpis, qtbot)
    page = window.open_page("kpis")
    accuracy = next(k for k in kpis.kpis.kpis() if k.preset == "data_accuracy")
    page.select_kpi(accuracy.id)
    grid = page.grid
    grid.setCurrentCell(0, 0)
    grid.paste("2026-01\t\t\t99.2\r\n2026-02\t\t\t99,4\r\n2026-03\t\t\t99.5\r\n")
    assert not page.save_measurements()
    assert kpis.kpis.measurements(accuracy.id) == ()  # nothing half-saved
    bad = grid.item(1, 3)
    assert "comma" in bad.toolTip() and bad.background().color().name() == "#fdecea"
    assert "Row 2" in page.grid_message.text()
    grid.setCurrentCell(1, 3)
    grid.paste("99.4")
    assert page.save_measurements()
    kept = kpis.kpis.measurements(accuracy.id)
    assert [(m.period, str(m.value)) for m in kept] == [
        ("2026-01", "99.2"),
        ("2026-02", "99.4"),
        ("2026-03", "99.5"),
    ]


@pytest.mark.parametrize("key", ["dashboard", "kpis", "alerts"])
def test_the_pages_fit_1366x768(kpis, qtbot, key):
    window = _window(kpis, qtbot)
    window.open_page(key)
    least = window.minimumSizeHint()
    assert least.width() <= 1366 and least.height() <= 768
    QPoint()


def test_a_result_measured_by_a_kpi_series_says_its_effect_and_relapse(kpis, qtbot):
    from workbench.services.chain import RESULT, SOLUTION
    from workbench.ui.detail.link_forms import ResultForm

    problem_id = kpis.problems.id_of("P-2026-0001")
    cause = kpis.problems.get(problem_id).causes[0]
    detail = kpis.chain.add(SOLUTION, cause.id, {"title": "统一物料编码"})
    solution = detail.causes[0].solutions[0]
    kpis.chain.update(SOLUTION, solution.id, {"status": "done", "done_on": "2026-01-10"})
    detail = kpis.chain.add(
        RESULT, solution.id, {"metric": "满意度", "baseline_value": "3.9", "direction": "higher"}
    )
    result = detail.results()[0]
    satisfaction = next(k for k in kpis.kpis.kpis() if k.preset == "satisfaction")
    kpis.kpis.write_measurements(
        [
            MeasurementInput(satisfaction.id, p, v)
            for p, v in (("2025-12", "3.9"), ("2026-02", "4.5"), ("2026-04", "3.95"))
        ]
    )
    kpis.effects.link(result.id, satisfaction.id, "2025-12", "2025-12", "2026-02")
    form = ResultForm(kpis)
    qtbot.addWidget(form)
    form.edit(result)
    text = form.series.text()
    assert text.startswith("User satisfaction: 3.90 (2025-12 to 2025-12)")
    assert "+30 days 15%, +90 days 1%" in text and "Relapse" in text


def test_a_dashboard_that_cannot_be_read_says_so_and_reads_again(kpis, qtbot, db_path):
    import sqlite3

    with sqlite3.connect(db_path) as raw:  # the KPI table gone from under the program
        raw.execute("ALTER TABLE kpi_measurement RENAME TO kpi_measurement_gone")
    window = _window(kpis, qtbot)
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.reading_error.isVisible(), timeout=20_000)
    assert page.reading_error.text().startswith("The Dashboard could not be read:")
    with sqlite3.connect(db_path) as raw:
        raw.execute("ALTER TABLE kpi_measurement_gone RENAME TO kpi_measurement")
    page.refresh()
    qtbot.waitUntil(lambda: page.readings is not None, timeout=20_000)
    assert not page.reading_error.isVisible() and page.tiles
