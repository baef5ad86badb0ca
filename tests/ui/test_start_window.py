"""The window as `workbench` starts it: painted at once, the database opened behind it."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.cli.main import main
from workbench.store.migrate import SchemaError
from workbench.ui.qt_app import start_window


@pytest.fixture
def started(qtbot, qapp_lang):
    """start_window(db) → (window, opening); each test waits until the opening ended."""

    def start(db):
        window, opening = start_window(str(db), "en")
        qtbot.addWidget(window)
        return window, opening

    return start


def test_the_window_shows_first_and_gets_its_pages_when_the_database_is_open(
    record, db_path, started, qtbot
):
    record.database.dispose()
    window, opening = started(db_path)
    assert window.isVisible()
    assert not window.navigation.isEnabled()  # nothing to navigate to yet

    with qtbot.waitSignal(opening.opened, timeout=10_000):
        pass
    page = window.open_page("problems")
    assert window.navigation.isEnabled()
    assert page.model.rowCount() == 18  # the 24 but the rejected: "not closed"
    assert opening.error is None
    window.close_services()


def test_the_days_backup_is_made_after_the_pages_have_the_database(record, db_path, started, qtbot):
    record.database.dispose()
    window, opening = started(db_path)
    order: list[str] = []
    opening.opened.connect(lambda _services: order.append("opened"))
    opening.backed_up.connect(lambda: order.append("backed up"))
    with qtbot.waitSignal(opening.backed_up, timeout=20_000):
        pass
    assert order == ["opened", "backed up"]  # the pages did not wait for the copy
    made = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(made) == 1
    with closing(sqlite3.connect(made[0])) as copy:
        assert copy.execute("SELECT count(*) FROM problem").fetchone() == (24,)
    window.close_services()


def test_a_newer_database_is_explained_in_the_window_which_then_closes(
    demo_db_newer, started, qtbot
):
    window, opening = started(demo_db_newer)

    qtbot.waitUntil(lambda: window.failure_box is not None and window.failure_box.isVisible())
    text = window.failure_box.text()
    assert "newer Governance Workbench" in text and "9999" in text
    assert isinstance(opening.error, SchemaError)
    assert not window.navigation.isEnabled()

    window.failure_box.accept()  # the user clicks OK
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_command_reports_the_failure_in_one_line_after_the_window_closed(
    demo_db_newer, qapp_lang, capsys
):
    shown = []

    def click_ok() -> None:  # the box appears inside the command's own event loop
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(click_ok)
    poll.start()
    try:
        code = main(["--db", str(demo_db_newer), "--lang", "en"])
    finally:
        poll.stop()

    err = capsys.readouterr().err
    assert code == 1
    assert shown and "newer Governance Workbench" in shown[0]
    assert len(err.strip().splitlines()) == 1
    assert "newer Governance Workbench" in err


@pytest.fixture
def demo_db_newer(db_path):
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    return db_path


def test_the_reason_is_given_in_the_window_language(demo_db_newer, qtbot, qapp_lang):
    window, _opening = start_window(str(demo_db_newer), "zh_CN")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.failure_box is not None and window.failure_box.isVisible())
    text = window.failure_box.text()
    assert "无法打开数据库" in text
    assert "更新版本" in text and "9999" in text
    window.failure_box.accept()


def test_a_window_larger_than_the_screen_is_shown_within_it(qtbot, qapp_lang) -> None:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.qt_app import show_fitted

    window = MainWindow(pages=())
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    window.resize(room.width() + 300, room.height() + 200)  # as 1400×900 on a small laptop
    show_fitted(window)
    qtbot.waitExposed(window)
    assert window.width() <= room.width() and window.height() <= room.height()
    assert room.contains(window.geometry().topLeft())
