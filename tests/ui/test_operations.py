"""Long work runs off the UI thread: the window stays responsive, a progress dialog comes
only after half a second, Cancel really stops the job, and a failure is said in words."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from workbench.services.progress import Progress
from workbench.ui.operations import DIALOG_DELAY_MS, Operations
from workbench.ui.qt_app import ensure_application


@pytest.fixture
def operations(qtbot, qapp_lang):
    runner = Operations()
    yield runner
    runner.shutdown()


def test_a_quick_job_returns_its_result_on_the_ui_thread_without_a_dialog(qtbot, operations):
    threads: list[int] = []

    def job(progress: Progress) -> int:
        threads.append(threading.get_ident())
        progress.report(1, 1)
        return 42

    operation = operations.run(job, "Adding")
    heard: list[tuple[object, int]] = []
    operation.succeeded.connect(lambda result: heard.append((result, threading.get_ident())))
    with qtbot.waitSignal(operation.ended):
        pass
    assert heard == [(42, threading.get_ident())]  # delivered on this (the UI) thread
    assert threads and threads[0] != threading.get_ident()  # worked on another
    qtbot.wait(DIALOG_DELAY_MS + 100)
    assert operation.dialog is None


def test_a_long_job_shows_progress_after_half_a_second_and_cancel_stops_it(qtbot, operations):
    started, stopped = threading.Event(), threading.Event()
    steps: list[int] = []

    def job(progress: Progress) -> None:
        started.set()
        try:
            for step in range(1_000_000):
                steps.append(step)
                progress.report(step, 1_000_000, "rows")
                stopped.wait(0.001)
        finally:
            stopped.set()

    operation = operations.run(job, "Checking", stages={"rows": "Records"})
    assert started.wait(5)
    assert operation.dialog is None  # nothing flashes up for a job that may end at once
    qtbot.waitUntil(lambda: operation.dialog is not None and operation.dialog.isVisible())
    dialog = operation.dialog
    assert isinstance(dialog, QProgressDialog)
    # the job's own word for its stage, said the window's way, with the figures
    qtbot.waitUntil(lambda: "Records – " in dialog.labelText() and dialog.value() >= 0)
    assert " / 1,000,000" in dialog.labelText()
    with qtbot.waitSignal(operation.cancelled, timeout=5000):
        cancel = dialog.findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert stopped.is_set()
    done = len(steps)
    assert done < 1_000_000
    assert operation.dialog is None and not dialog.isVisible()


def test_a_failure_in_the_worker_is_a_message_not_a_traceback(qtbot, operations):
    def job(_progress: Progress) -> None:
        raise OSError(28, "No space left on device", "/data/workbench.sqlite3")

    operation = operations.run(job, "Exporting")
    with qtbot.waitSignal(operation.failed) as signal:
        pass
    message = signal.args[0]
    assert "No space left on device" in message and "/data/workbench.sqlite3" in message
    assert "Traceback" not in message


def test_an_unforeseen_failure_is_named_in_the_windows_language(qtbot, qapp_lang):
    ensure_application("zh_CN")
    runner = Operations()
    try:

        def job(_progress: Progress) -> None:
            raise KeyError("site")

        operation = runner.run(job, "导出")
        with qtbot.waitSignal(operation.failed) as signal:
            pass
    finally:
        runner.shutdown()
    assert signal.args[0].startswith("出错了")
    assert "KeyError" in signal.args[0]


def test_check_database_in_the_window_reports_the_record_sound(qtbot, window):
    operation = window.check_database()
    with qtbot.waitSignal(operation.ended, timeout=20_000):
        pass
    box = window.findChild(QMessageBox, "check_result")
    assert box is not None and box.isVisible()
    assert "sound" in box.text() and "audit entries verified" in box.text()


def test_a_cancelled_check_moves_no_anchor_and_says_so(qtbot, window, db_path):
    from workbench.app import anchor_of

    anchor = anchor_of(str(db_path))
    before = anchor.load()
    operation = window.check_database(full=True)
    operation.cancel()  # as Cancel does; the check stops at its next report
    with qtbot.waitSignal(operation.cancelled, timeout=20_000):
        pass
    assert window.statusBar().currentMessage() == "Check cancelled: nothing was changed."
    assert window.findChild(QMessageBox, "check_result") is None
    assert anchor.load() == before


def test_the_file_menu_offers_the_check_once_the_database_is_open(qtbot, window):
    file_menu = window.menuBar().actions()[0].menu()
    actions = [action for action in file_menu.actions() if action.text()]
    names = [action.text() for action in actions]
    assert names[:3] == ["&New problem", "&Check database…", "Check database &fully…"]
    assert all(action.isEnabled() for action in actions[1:3])
