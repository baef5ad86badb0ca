"""The SQL-backed Problems model: counts, filters and sorting agree with the database, and
a long list is read page by page, never all at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import text

from workbench.services.records import ProblemFilter, ProblemSort
from workbench.ui.problem_table import COLUMN_KEYS, PAGE_SIZE, ProblemTableModel


def sql_count(services, where: str = "1=1", **params) -> int:
    with services.database.engine.connect() as connection:
        return connection.execute(
            text(f"SELECT count(*) FROM problem WHERE {where}"), params
        ).scalar_one()


def column_values(model: ProblemTableModel, key: str) -> list[str]:
    column = COLUMN_KEYS.index(key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_checks(record, qtmodeltester):
    model = ProblemTableModel(record)
    qtmodeltester.check(model, force_py=True)
    model.set_filter(ProblemFilter(statuses=("open",)))
    qtmodeltester.check(model, force_py=True)


def test_rows_match_the_database(record):
    model = ProblemTableModel(record)
    assert model.rowCount() == sql_count(record) == 24
    newest = model.index(0, COLUMN_KEYS.index("code")).data()
    assert newest == "P-2026-0024"  # default order: newest code first
    assert model.headerData(COLUMN_KEYS.index("reported_on"), Qt.Orientation.Horizontal) == (
        "Reported on"
    )
    assert set(column_values(model, "status")) == {"Open", "Analysing", "Solving", "Rejected"}


def test_filters_run_in_sql(record):
    model = ProblemTableModel(record)
    module = record.lookups.modules()[1]
    model.set_filter(ProblemFilter(statuses=("solving",), erp_module_ids=(module.id,)))
    expected = sql_count(record, "status = 'solving' AND erp_module_id = :module", module=module.id)
    assert 0 < model.rowCount() == expected
    assert set(column_values(model, "module")) == {module.name}

    model.set_filter(ProblemFilter(text="物料编码"))
    assert model.rowCount() == sql_count(record, "title LIKE '%物料编码%'") == 3


def test_sorting_orders_rows(record):
    model = ProblemTableModel(record)
    severity = COLUMN_KEYS.index("severity")
    model.sort(severity, Qt.SortOrder.AscendingOrder)
    values = [int(v) for v in column_values(model, "severity")]
    assert values == sorted(values) and values[0] == 1

    model.sort(severity, Qt.SortOrder.DescendingOrder)
    values = [int(v) for v in column_values(model, "severity")]
    assert values == sorted(values, reverse=True) and values[0] == 5

    title = COLUMN_KEYS.index("title")
    model.sort(title, Qt.SortOrder.AscendingOrder)
    titles = column_values(model, "title")
    assert titles == sorted(titles)


def test_the_owner_column_sorts_too(record):
    model = ProblemTableModel(record)
    model.sort(COLUMN_KEYS.index("owner"), Qt.SortOrder.AscendingOrder)
    assert model.problem_sort == ProblemSort("owner", descending=False)
    owners = column_values(model, "owner")
    assert owners == [""] * 12 + ["王小明"] * 12  # no owner first going up


def test_scrolling_a_long_list_reads_only_the_pages_shown(
    services, qapp_lang, qtbot, insert_problems
):
    insert_problems(services, 20_000)
    view = QTableView()
    qtbot.addWidget(view)
    model = ProblemTableModel(services)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 20_000

    view.scrollToBottom()
    last = model.index(model.rowCount() - 1, 0)
    qtbot.waitUntil(
        lambda: (
            view.visualRect(last).isValid()
            and view.viewport().rect().intersects(view.visualRect(last))
        )
    )
    view.viewport().repaint()
    assert model.index(19_999, COLUMN_KEYS.index("code")).data() == "P-2025-000001"
    assert model.fetch_count <= 3  # first page, last page, maybe the one before it
    assert 10 * model.fetch_count < 20_000 // PAGE_SIZE


def test_a_text_filter_with_few_matches_is_counted_at_once(record):
    model = ProblemTableModel(record)
    model.set_filter(ProblemFilter(text="物料编码"))
    assert model.count_exact
    assert model.rowCount() == sql_count(record, "title LIKE '%物料编码%'") == 3


def test_a_text_filter_with_many_matches_shows_rows_first_and_its_count_when_known(
    services, qapp_lang, qtbot, qtmodeltester, insert_problems
):
    insert_problems(services, 2_000)
    expected = sql_count(services, "title LIKE '%库存差异%'")
    assert expected > PAGE_SIZE
    model = ProblemTableModel(services)
    qtmodeltester.check(model, force_py=True)  # keeps watching every signal from here on

    with qtbot.waitSignal(model.countChanged, timeout=10_000):
        model.set_filter(ProblemFilter(text="库存差异"))
        assert not model.count_exact
        assert model.rowCount() == PAGE_SIZE  # the first page, on screen at once
        assert "库存差异" in model.index(0, COLUMN_KEYS.index("title")).data()

    assert model.count_exact
    assert model.rowCount() == expected
    titles = column_values(model, "title")
    assert all("库存差异" in title for title in titles)


def test_a_count_overtaken_by_a_newer_filter_is_never_shown(
    services, qapp_lang, qtbot, insert_problems
):
    insert_problems(services, 20_000)
    shown: list[int] = []
    model = ProblemTableModel(services)
    model.countChanged.connect(lambda: shown.append(model.rowCount()))

    model.set_filter(ProblemFilter(text="库存差异"))
    newer = ProblemFilter(statuses=("open",), text="订单")
    model.set_filter(newer)
    qtbot.waitUntil(lambda: model.count_exact, timeout=10_000)

    expected = sql_count(services, "status = 'open' AND title LIKE '%订单%'")
    assert expected not in (PAGE_SIZE, sql_count(services, "title LIKE '%库存差异%'"))
    assert shown == [expected]
    assert model.rowCount() == expected
