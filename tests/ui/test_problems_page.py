"""The Problems page driven as a user would: type, choose filters, click headers, select
rows; plus the window's page switching and the offscreen screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFont, QImage, QRawFont, QUndoCommand
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import text

from workbench.services.records import ProblemFilter
from workbench.ui.main_window import MainWindow
from workbench.ui.problem_table import COLUMN_KEYS
from workbench.ui.qt_app import ensure_application
from workbench.ui.screenshot import render


def sql_count(services, where: str, **params) -> int:
    with services.database.engine.connect() as connection:
        return connection.execute(
            text(f"SELECT count(*) FROM problem WHERE {where}"), params
        ).scalar_one()


@pytest.fixture
def page(window):
    return window.open_page("problems")


def tick(choice, *keys) -> None:
    """Tick ``keys`` in a filter's menu as a user does, one click each."""
    for key in keys:
        choice.action_for(key).trigger()


def all_statuses(page) -> None:
    page.filters.status.preset("All statuses").trigger()


NOT_CLOSED_SQL = "status NOT IN ('closed', 'rejected')"


def test_window_lists_only_working_pages_and_shows_where_the_data_is(window, record):
    assert window.windowTitle() == "Problems – Governance Workbench"
    assert [window.navigation.item(r).text() for r in range(window.navigation.count())] == [
        "Dashboard",
        "Problems",
        "Improvements",
        "Pilots",
        "Training",
        "KPIs",
        "Alerts",
        "Knowledge",
        "Reports",
        "Mine",
        "Settings",
    ]
    texts = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert str(record.database.url.database) in texts
    assert "tester" in texts


def test_count_label_matches_the_database(page, record):
    # A new start shows the problems not closed: the 24 but the 6 rejected.
    assert page.count_label.text() == "18 problems"
    assert page.model.rowCount() == sql_count(record, NOT_CLOSED_SQL) == 18
    assert page.filters.status.text() == "Not closed"
    all_statuses(page)
    assert page.count_label.text() == "24 problems"
    assert page.filters.status.text() == "All statuses"


def test_typing_a_search_filters_the_list(page, record, qtbot, type_with_input_method):
    all_statuses(page)
    qtbot.keyClicks(page.search, "goods")
    expected = sql_count(record, "title LIKE '%goods%'")
    assert expected == 3
    qtbot.waitUntil(lambda: page.count_label.text() == "3 problems")

    page.search.clear()
    with qtbot.waitSignal(page.model.modelReset):
        type_with_input_method(page.search, "物料编码")
    expected = sql_count(record, "title LIKE '%物料编码%'")
    assert page.count_label.text() == f"{expected} problems"
    titles = [page.model.index(r, COLUMN_KEYS.index("title")).data() for r in range(expected)]
    assert all("物料编码" in title for title in titles)

    page.search.clear()
    qtbot.waitUntil(lambda: page.count_label.text() == "24 problems")


def test_filter_menus_narrow_the_list(page, record, qtbot):
    all_statuses(page)
    tick(page.filters.status, "analysing")
    analysing = sql_count(record, "status = 'analysing'")
    assert page.count_label.text() == f"{analysing} problems"

    module = record.lookups.modules()[0]
    tick(page.filters.module, module.id)
    site = record.lookups.sites()[0]
    tick(page.filters.site, site.id)
    expected = sql_count(
        record,
        "status = 'analysing' AND erp_module_id = :m AND site_id = :s",
        m=module.id,
        s=site.id,
    )
    assert page.model.rowCount() == expected
    assert page.model.problem_filter == ProblemFilter(
        statuses=("analysing",), erp_module_ids=(module.id,), site_ids=(site.id,)
    )

    tick(page.filters.status, "analysing")  # untick: any status again
    tick(page.filters.module, module.id)
    tick(page.filters.site, site.id)
    assert page.count_label.text() == "24 problems"


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_a_header_sorts_in_sql(page, qtbot):
    column = COLUMN_KEYS.index("severity")
    header = page.table.horizontalHeader()
    for _ in range(2):
        click_header(qtbot, page.table, column)
        assert header.sortIndicatorSection() == column
        values = [int(page.model.index(r, column).data()) for r in range(18)]
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert values == sorted(values, reverse=descending)
        assert page.model.problem_sort.descending == descending


def test_selecting_a_row_opens_the_problem(page, record, qtbot):
    column = COLUMN_KEYS.index("code")
    rect = page.table.visualRect(page.model.index(2, column))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    code = page.model.index(2, column).data()
    assert page.shown_problem_id == record.problems.id_of(code)
    assert page.table.selectionModel().isRowSelected(2)


def test_a_saved_change_refreshes_the_row_and_keeps_the_selection(window, page, record, qtbot):
    problem_id = window.open_problem("P-2026-0005")
    row = page.table.currentIndex().row()
    record.problems.update(problem_id, {"title": "统一物料编码后差异率下降"})
    title = page.model.index(row, COLUMN_KEYS.index("title"))
    qtbot.waitUntil(lambda: title.data() == "统一物料编码后差异率下降")
    assert page.model.problem_id(page.table.currentIndex().row()) == problem_id


def test_a_deleted_problem_leaves_the_list(page, record, qtbot):
    problem_id = record.problems.id_of("P-2026-0003")
    record.problems.delete(problem_id)
    qtbot.waitUntil(lambda: page.count_label.text() == "17 problems")  # of 18 not closed


def test_open_problem_selects_its_row_and_rejects_unknown_codes(window, record):
    problem_id = window.open_problem("P-2026-0001")
    page = window.open_page("problems")
    assert page.shown_problem_id == problem_id
    current = page.table.currentIndex()
    assert page.model.index(current.row(), 0).data() == "P-2026-0001"
    with pytest.raises(ValueError, match="P-2099-0001"):
        window.open_problem("P-2099-0001")


def test_edit_menu_and_ctrl_z_work_on_the_detail_panel_stack(page, window, qtbot):
    stack = page.detail.undo_stack
    assert not window.undo_action.isEnabled()
    stack.push(QUndoCommand("edit title"))
    stack.push(QUndoCommand("edit severity"))
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert stack.index() == 1

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.detail.setFocus()
    qtbot.keyClick(
        QApplication.focusWidget() or page.detail, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert stack.index() == 0  # one binding for Ctrl+Z: no ambiguous-shortcut warning
    window.redo_action.trigger()
    assert stack.index() == 1


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize(
    "name",
    [
        "problems",
        "problem:P-2026-0001",
        "mine",
        "settings",
        "improvements",
        "improvements:2026Q3",
        "knowledge",
        "search:库存",
        "pilots",
    ],
)
def test_screenshots_are_written_at_the_requested_size(record, tmp_path, lang, name):
    out = tmp_path / "shots" / f"{name.replace(':', '_')}-{lang}.png"
    render(record, name, out, lang, (1200, 800))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


def test_a_screenshot_smaller_than_the_window_can_be_is_refused(record, tmp_path):
    with pytest.raises(ValueError, match=r"needs at least \d+x\d+ pixels; 400x300 is too small"):
        render(record, "problems", tmp_path / "x.png", "en", (400, 300))
    assert not (tmp_path / "x.png").exists()


def test_screenshot_of_an_unknown_page_names_the_valid_ones(record, tmp_path):
    with pytest.raises(
        ValueError,
        match="valid pages: dashboard, problems, improvements, pilots, training, kpis, alerts, "
        "knowledge, reports, mine, settings, problem:CODE",
    ):
        render(record, "dashbord", tmp_path / "x.png", "en", (800, 600))
    with pytest.raises(ValueError, match="P-2099-0009"):
        render(record, "problem:P-2099-0009", tmp_path / "x.png", "en", (800, 600))
    assert not (tmp_path / "x.png").exists()


def test_start_up_loads_the_cjk_font_and_the_chosen_language(qapp):
    app = ensure_application("zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own .qm
    family = "WenQuanYi Micro Hei"
    assert family in app.font().families()
    assert QRawFont.fromFont(QFont(family)).supportsCharacter(ord("物"))

    ensure_application("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert app.font().families().count(family) == 1


def test_open_problem_deep_in_a_long_list_selects_its_row(
    services, qapp_lang, qtbot, insert_problems
):
    insert_problems(services, 20_000)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("problems")
    problem_id = window.open_problem("P-2025-000017")  # near the end, newest first
    assert page.shown_problem_id == problem_id
    current = page.table.currentIndex()
    assert current.row() == 20_000 - 17
    assert page.model.index(current.row(), 0).data() == "P-2025-000017"
    assert page.model.fetch_count <= 3
