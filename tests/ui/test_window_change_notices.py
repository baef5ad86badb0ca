"""Change notices in the window: a write by anyone (a second program on the same file, a
worker thread) shows up in the list and the open detail with no refresh asked for; the
lists a problem refers to are read once, not on every row clicked."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.settings import Settings
from workbench.ui.main_window import MainWindow
from workbench.ui.problem_table import COLUMN_KEYS

TITLE = COLUMN_KEYS.index("title")
LOOKUP_READS = (
    "modules",
    "module_entries",
    "sites",
    "site_entries",
    "departments",
    "people",
    "person_entries",
)


@pytest.fixture
def colleague(db_path: Path, record: Services):
    """A second program on the same database file, as another user."""
    other = open_services(str(db_path), Settings(user="colleague"), create=False)
    yield other
    other.close()


@pytest.fixture
def page(window):
    window.notices.timer.setInterval(50)  # look for others' writes often: quicker tests
    return window.open_page("problems")


def click_row(qtbot, page, row: int) -> None:
    page.table.scrollTo(page.model.index(row, 0))
    rect = page.table.visualRect(page.model.index(row, TITLE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def title_field(page):
    return page.detail.problem_form.form.widget("title")


def test_a_write_from_another_program_reaches_the_list_and_the_open_detail(
    window, page, record, colleague, qtbot
):
    problem_id = window.open_problem("P-2026-0005")
    row = page.table.currentIndex().row()

    colleague.problems.update(problem_id, {"title": "统一物料编码后差异率下降"})
    qtbot.waitUntil(lambda: page.model.index(row, TITLE).data() == "统一物料编码后差异率下降")
    qtbot.waitUntil(lambda: title_field(page).text() == "统一物料编码后差异率下降")
    assert page.model.problem_id(page.table.currentIndex().row()) == problem_id

    added = colleague.chain.add(CAUSE, problem_id, {"description": "物料编码不统一"})
    cause = ("cause", added.causes[0].id)
    qtbot.waitUntil(lambda: page.detail.chain.tree.item(cause) is not None)

    colleague.problems.delete(problem_id)
    qtbot.waitUntil(lambda: page.count_label.text() == "17 problems")  # of 18 not closed
    assert page.detail.empty.isVisible()
    assert page.shown_problem_id is None


def test_a_write_from_a_worker_thread_reaches_the_list(window, page, record, qtbot):
    problem_id = window.open_problem("P-2026-0002")
    row = page.table.currentIndex().row()
    worker = threading.Thread(
        target=lambda: record.problems.update(problem_id, {"title": "后台线程改的标题"})
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: page.model.index(row, TITLE).data() == "后台线程改的标题")
    assert title_field(page).text() == "后台线程改的标题"


def test_typing_not_yet_saved_survives_a_change_made_elsewhere_and_overwrites_nothing(
    window, page, record, colleague, qtbot
):
    problem_id = window.open_problem("P-2026-0007")
    title_field(page).setText("我正在输入的标题")
    colleague.problems.update(problem_id, {"title": "同事改的标题", "severity": 5})
    qtbot.waitUntil(lambda: page.detail._detail.severity == 5)  # the panel heard it
    assert title_field(page).text() == "我正在输入的标题"

    # saving what was typed on top of the older version is refused, with who did it
    qtbot.mouseClick(page.detail.problem_form.save_button, Qt.MouseButton.LeftButton)
    assert "colleague" in page.detail.header.message.text()
    assert record.problems.get(problem_id).title == "同事改的标题"
    assert title_field(page).text() == "我正在输入的标题"


def test_a_new_problem_elsewhere_keeps_the_selection_and_the_scroll_position(
    services, qapp_lang, qtbot, insert_problems, colleague
):
    insert_problems(services, 600)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.notices.timer.setInterval(50)
    page = window.open_page("problems")
    problem_id = window.open_problem("P-2025-000300")
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    where = bar.value()
    count = page.model.rowCount()

    colleague.problems.create(
        {
            "title": "新问题",
            "severity": 2,
            "impact": 2,
            "frequency": "daily",
            "reported_on": "2026-03-01",
        }
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == count + 1)
    assert page.shown_problem_id == problem_id
    assert page.model.problem_id(page.table.currentIndex().row()) == problem_id
    assert bar.value() == where


def test_selecting_ten_rows_reads_the_lookup_lists_at_most_once(
    services, record, qtbot, monkeypatch, colleague
):
    calls: Counter[str] = Counter()
    for name in LOOKUP_READS:
        read = getattr(record.lookups, name)

        def counted(*args, _name=name, _read=read, **kwargs):
            calls[_name] += 1
            return _read(*args, **kwargs)

        monkeypatch.setattr(record.lookups, name, counted)

    window = MainWindow(record)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.notices.timer.setInterval(50)
    page = window.open_page("problems")
    for row in range(10):
        click_row(qtbot, page, row)
        assert page.shown_problem_id == page.model.problem_id(row)
    assert calls and max(calls.values()) == 1, calls

    calls.clear()
    for row in range(10, 0, -1):
        click_row(qtbot, page, row)
    assert sum(calls.values()) == 0, calls

    # …and once more when a list changes, here by another program
    colleague.lookups.add_site("HZ", "杭州工厂")
    qtbot.waitUntil(lambda: "杭州工厂" in page.filters.site.texts())
    assert page.detail.problem_form._combos["site_id"].findText("杭州工厂") >= 0
    assert max(calls.values()) == 1, calls


def test_a_closed_window_hears_no_more_writes(record, qapp_lang, qtbot):
    window = MainWindow(record)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # the services no longer call into the window: writing works and says nothing
    problem_id = record.problems.id_of("P-2026-0001")
    record.problems.update(problem_id, {"title": "窗口关闭后修改"})
    assert record.problems.get(problem_id).title == "窗口关闭后修改"
