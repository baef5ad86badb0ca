"""A ticket's source in the window: the Problems list marks the tickets of KPI alerts and
filters them ("KPI alerts" among its filters), and a ticket's form says its source with
a link that opens its KPI on the KPIs page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.services.kpi_records import MeasurementInput
from workbench.services.records import ProblemFilter, ProblemSort
from workbench.ui.problem_table import COLUMN_KEYS


def _ticket(record):
    """An alert on the new database's 库存差异率 at the first site: one ticket."""
    variance = next(k for k in record.kpis.kpis() if k.preset == "inventory_variance")
    site = record.lookups.site_entries()[0]
    record.kpis.write_measurements(
        [MeasurementInput(variance.id, "2026-03", "1.5", site_id=site.id)], language="zh_CN"
    )
    (alert,) = record.alerts.alerts()
    return variance, site, alert.problem_id


def test_the_kpi_alerts_filter_lists_only_the_tickets_each_marked(window, record, qtbot):
    _variance, _site, ticket = _ticket(record)
    page = window.open_page("problems")
    page.filters.status.preset("All statuses").trigger()
    qtbot.waitUntil(lambda: page.count_label.text() == "25 problems")
    code = COLUMN_KEYS.index("code")
    marks = [
        page.model.index(r, code).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(page.model.rowCount())
    ]
    assert marks.count("Source: KPI alert") == 1

    page.filters.kpi_alert.click()

    qtbot.waitUntil(lambda: page.count_label.text() == "1 problem")
    assert page.model.problem_filter == ProblemFilter(kpi_alert=True)
    assert page.model.problem_id(0) == ticket
    assert page.model.index(0, code).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_tickets_form_says_its_source_and_opens_its_kpi(window, record, qtbot):
    variance, site, ticket = _ticket(record)
    window.open_problem(ticket)
    form = window.open_page("problems").detail.problem_form
    qtbot.waitUntil(form.source.isVisible)
    assert "Source: KPI alert — " in form.source.text()
    assert f"Inventory variance rate @ {site.name}" in form.source.text()

    form.source.linkActivated.emit(f"kpi:{variance.id}")

    kpis = window.open_page("kpis")
    assert window.stack.currentWidget() is kpis
    assert kpis.selected().id == variance.id


def test_a_problem_typed_by_hand_has_no_source_line(window, record, qtbot):
    problem = record.problems.page(ProblemFilter(), ProblemSort(), 0, 1)[0]
    window.open_problem(problem.id)
    form = window.open_page("problems").detail.problem_form
    assert not form.source.isVisible()
