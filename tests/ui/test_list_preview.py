"""At start-up on the Problems list (the window opens there when asked; the Dashboard is
its first page otherwise) the list shows its first rows before the database is opened (and
before SQLAlchemy is imported); the opening starts once they are painted, and the window's
Problems page is then that same page, attached to the services."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from workbench.services.records import ProblemFilter, ProblemSort
from workbench.ui.main_window import MainWindow
from workbench.ui.pages import PAGES
from workbench.ui.preview import ListPreview
from workbench.ui.problems_page import ProblemsPage
from workbench.ui.qt_app import start_window


@pytest.fixture
def previewed(record, db_path, qtbot):
    """A window previewing ``db_path`` as start_window builds it; the opening is replaced by
    a recorder, so the test decides when the services arrive."""
    opened: list[int] = []
    preview = ListPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="problems")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.show()
    preview.start(window, lambda: opened.append(1))
    return window, preview, opened


def _shown_page(window: MainWindow) -> ProblemsPage:
    page = window.stack.currentWidget()
    assert isinstance(page, ProblemsPage)
    return page


def test_the_rows_show_before_the_database_is_opened_which_starts_after_their_paint(
    previewed, record, qtbot
):
    window, preview, opened = previewed
    qtbot.waitUntil(lambda: preview.page is not None)
    page = _shown_page(window)
    assert not page.attached and not page.model.attached
    # "Not closed" on a new start: the 6 rejected problems are not in the first page.
    expected = record.problems.page(ProblemFilter.not_closed(), ProblemSort(), 0, 24)
    assert page.model.rowCount() == len(expected) == 18
    assert [page.model.row_at(row) for row in range(18)] == expected
    # Nothing that needs the services can be used yet.
    assert not page.search.isEnabled() and not page.new_button.isEnabled()
    assert not page.table.isSortingEnabled()
    assert not window.navigation.isEnabled()

    qtbot.waitUntil(lambda: opened == [1])  # after the rows were painted, once


def test_the_window_takes_the_previewed_page_and_keeps_its_selection(previewed, record, qtbot):
    window, preview, opened = previewed
    qtbot.waitUntil(lambda: preview.page is not None and opened == [1])
    page = _shown_page(window)
    page.table.selectRow(3)  # the user clicks a row while the database opens
    chosen = page.model.problem_id(3)
    assert page.shown_problem_id == chosen

    window.attach(record)

    assert window.page("problems") is page and window.stack.currentWidget() is page
    assert page.attached and page.model.attached
    assert page.search.isEnabled() and page.new_button.isEnabled()
    assert page.table.isSortingEnabled()
    assert page.model.problem_id(page.table.currentIndex().row()) == chosen
    assert page.detail.isVisible()
    assert page.detail.problem_form.isVisible()
    assert len(page.filters.module.menu().actions()) == 5  # the modules, read now
    assert preview.page is None


def test_a_write_made_before_the_services_arrive_shows_when_they_do(previewed, record, qtbot):
    window, preview, _opened = previewed
    qtbot.waitUntil(lambda: preview.page is not None)
    page = _shown_page(window)
    record.problems.create(
        {
            "title": "写在预览之后",
            "severity": 3,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": dt.date(2026, 12, 1),
        }
    )

    window.attach(record)

    assert page.model.rowCount() == 19  # 18 not closed and the new one
    assert page.count_label.text() == "19 problems"


def test_a_window_closed_before_the_rows_are_painted_opens_no_database(record, db_path, qtbot):
    opened: list[int] = []
    preview = ListPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="problems")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.show()
    preview.start(window, lambda: opened.append(1))
    window.close()

    assert preview.reading is not None
    qtbot.waitUntil(lambda: not preview.reading.running)
    qtbot.wait(50)
    assert opened == []


def test_a_database_that_is_not_ready_to_read_opens_at_once_without_rows(db_path, qtbot):
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    opened: list[int] = []
    preview = ListPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="problems")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.show()
    preview.start(window, lambda: opened.append(1))

    qtbot.waitUntil(lambda: opened == [1])
    assert preview.page is None
    assert window.stack.currentWidget() is window.opening_label


def test_start_window_ends_on_the_previewed_page_with_the_services(record, db_path, qtbot):
    record.database.dispose()
    window, opening = start_window(str(db_path), "en", "problems")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), ProblemsPage))
    first = window.stack.currentWidget()

    with qtbot.waitSignal(opening.opened, timeout=10_000):
        pass
    assert window.page("problems") is first
    assert first.attached and first.model.rowCount() == 18  # not closed
    window.close_services()


def test_the_rows_are_painted_before_sqlalchemy_is_imported(record, db_path):
    """The window as `workbench --db` starts it, quitting at the first paint of the list."""
    record.database.dispose()
    code = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from workbench.ui.qt_app import ensure_application, run_window

class Spy(QObject):
    seen = None
    def eventFilter(self, watched, event):
        view = watched.parent()
        if (event.type() == QEvent.Type.Paint and self.seen is None
                and isinstance(view, QTableView) and view.model().rowCount() > 0):
            self.seen = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

spy = Spy()
ensure_application("en").installEventFilter(spy)
run_window({str(db_path)!r}, "en", "problems")
assert spy.seen == [], spy.seen
print("rows painted without sqlalchemy")
"""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "rows painted without sqlalchemy" in done.stdout


def test_a_failed_opening_takes_the_rows_away_and_says_why(record, db_path, qtbot, monkeypatch):
    import workbench.app

    def refuse(_target):
        raise RuntimeError("the disk went away")

    record.database.dispose()
    monkeypatch.setattr(workbench.app, "open_services", refuse)
    window, opening = start_window(str(db_path), "en", "problems")
    qtbot.addWidget(window)

    qtbot.waitUntil(lambda: window.failure_box is not None and window.failure_box.isVisible())
    assert "the disk went away" in window.failure_box.text()
    assert window.stack.currentWidget() is window.opening_label
    assert not window.stack.findChildren(ProblemsPage)  # the previewed page is gone
    assert isinstance(opening.error, RuntimeError)
    window.failure_box.accept()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_failure_shows_with_the_previewed_rows_already_out_of_the_window(previewed, qtbot):
    # What a failed opening does, in that order, looked at before the event loop runs
    # again: the rows must be gone when the failure box is (no wait for a deferred delete).
    window, preview, _opened = previewed
    qtbot.waitUntil(lambda: preview.page is not None)
    preview.discard()
    window.show_failure("the disk went away")
    assert window.failure_box is not None and window.failure_box.isVisible()
    assert window.stack.currentWidget() is window.opening_label
    assert not window.findChildren(ProblemsPage)


def test_the_window_and_the_previewed_page_import_no_sqlalchemy():
    code = (
        "import sys\n"
        "import workbench.ui.qt_app, workbench.ui.problems_page, workbench.ui.preview\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def _remember(view: dict) -> None:
    from workbench.list_views import ListView, ListViews
    from workbench.ui.problems_page import VIEW_NAME

    ListViews().save(VIEW_NAME, ListView.from_json(view))


def test_a_remembered_status_filter_is_what_the_first_page_shows(record, db_path, qtbot):
    _remember({"filter": {"statuses": ["rejected"]}})
    opened: list[int] = []
    preview = ListPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="problems")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.show()
    preview.start(window, lambda: opened.append(1))
    qtbot.waitUntil(lambda: preview.page is not None)
    page = _shown_page(window)
    assert page.model.rowCount() == 6
    assert {page.model.row_at(r).status for r in range(6)} == {"rejected"}
    assert page.filters.status.text() == "Rejected"


def test_a_remembered_view_the_first_page_cannot_show_waits_for_the_services(
    record, db_path, qtbot
):
    _remember({"filter": {"statuses": ["open"], "mine": True}})
    opened: list[int] = []
    preview = ListPreview(str(db_path))
    window = MainWindow(pages=preview.pages(PAGES), first="problems")
    preview.setParent(window)
    qtbot.addWidget(window)
    window.show()
    preview.start(window, lambda: opened.append(1))
    qtbot.waitUntil(lambda: opened == [1])  # the ordinary opening, at once
    assert preview.page is None
