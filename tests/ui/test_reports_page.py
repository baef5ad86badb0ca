"""The Reports page makes the quarterly PDF in the background and can be cancelled."""

from __future__ import annotations

import subprocess
import time

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox, QPushButton

from workbench.services.records import ProblemFilter, ProblemSort
from workbench.ui.detail.panel import ProblemDetailPanel
from workbench.ui.reports_page import ReportsPage


def make_page(record, qtbot, tmp_path) -> ReportsPage:
    tmp_path.mkdir(exist_ok=True)
    page = ReportsPage(record)
    qtbot.addWidget(page)
    page.show()
    page.quarter.setEditText("2026Q1")  # the problems of the record are reported then
    page.destination.setText(str(tmp_path / "季度报告.pdf"))
    return page


def test_the_page_makes_the_report_and_offers_to_open_it(record, qtbot, tmp_path):
    page = make_page(record, qtbot, tmp_path / "out")
    assert not page.open_button.isEnabled()
    export = page.make()
    assert export is not None
    with qtbot.waitSignal(export.ended, timeout=30_000):
        pass
    written = tmp_path / "out" / "季度报告.pdf"
    assert page.written == written and written.exists()
    assert page.open_button.isEnabled() and page.folder_button.isEnabled()
    assert "pages" in page.message.text()
    text = subprocess.run(["pdftotext", str(written), "-"], capture_output=True, text=True).stdout
    assert "2026Q1" in text and "Summary" in text


def test_cancelling_the_build_writes_nothing(record, qtbot, tmp_path):
    page = make_page(record, qtbot, tmp_path / "out")
    export = page.make()
    assert export is not None
    export.cancel()  # what the progress dialog's Cancel does
    with qtbot.waitSignal(export.cancelled, timeout=30_000):
        pass
    assert list((tmp_path / "out").iterdir()) == []
    assert page.written is None and not page.open_button.isEnabled()
    assert page.make_button.isEnabled()


def test_a_quarter_with_nothing_says_so(record, qtbot, tmp_path):
    page = make_page(record, qtbot, tmp_path / "out")
    page.quarter.setEditText("2020Q1")
    page.destination.setText(str(tmp_path / "out" / "empty.pdf"))
    export = page.make()
    assert export is not None
    with qtbot.waitSignal(export.ended, timeout=30_000):
        pass
    assert "nothing to report" in page.message.text()
    assert list((tmp_path / "out").iterdir()) == []


def test_a_typed_quarter_that_is_not_one_is_refused(record, qtbot, tmp_path):
    page = make_page(record, qtbot, tmp_path / "out")
    page.quarter.setEditText("2026Q7")
    assert page.make() is None
    assert "is not a quarter" in page.message.text()


def test_a3_report_from_a_problems_record(record, qtbot, tmp_path):
    panel = ProblemDetailPanel(record)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.a3.button.isEnabled()  # no problem shown yet
    first = record.problems.page(ProblemFilter(), ProblemSort(), 0, 1)[0]
    panel.show_problem(first.id)
    assert panel.a3.button.isEnabled()
    target = tmp_path / "a3.pdf"
    panel.a3.ask_destination = lambda _parent, suggested: (
        target if suggested.name == f"A3-{first.code}.pdf" else None
    )
    export = panel.a3.trigger()
    assert export is not None
    with qtbot.waitSignal(export.ended, timeout=30_000):
        pass
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert first.code in text and "1 Background" in text
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "report_written") is not None)
    box = panel.findChild(QMessageBox, "report_written")
    assert box.findChild(QPushButton, "report_open") is not None
    assert box.findChild(QPushButton, "report_folder") is not None
    box.close()


def _building(export) -> bool:
    """The build has begun reading the record (what the progress dialog shows)."""
    _done, _total, message = export.operation.progress.state
    return bool(message) and export.operation.running


def _held_until_cancelled(monkeypatch, reports, name: str) -> None:
    """The build waits after reading the record until it is cancelled, so the window is
    closed during it on any machine (a quick one would otherwise finish first)."""
    real = getattr(reports, name)

    def held(*args):
        facts = real(*args)
        progress = args[-1] if args and hasattr(args[-1], "cancelled") else None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (progress is None or progress.cancelled):
            time.sleep(0.01)
        if progress is None:  # read without the build's progress: hold a moment instead
            time.sleep(1)
        return facts

    monkeypatch.setattr(reports, name, held)


def test_closing_the_window_during_a_report_cancels_it_and_writes_nothing(
    window, qtbot, tmp_path, monkeypatch
):
    page = window.open_page("reports")
    assert isinstance(page, ReportsPage)
    _held_until_cancelled(monkeypatch, page._services.reports, "quarter")
    out = tmp_path / "out"
    out.mkdir()
    page.quarter.setEditText("2026Q1")
    page.destination.setText(str(out / "季度报告.pdf"))
    export = page.make()
    assert export is not None
    qtbot.waitUntil(lambda: _building(export), timeout=30_000)
    assert window.close()
    # The window waited for the build to stop: no worker runs on, no file appears later.
    assert window.operations.busy_threads == 0
    assert page.findChildren(QThreadPool) == []  # the page has no runner of its own
    qtbot.wait(300)
    assert list(out.iterdir()) == []


def test_closing_the_window_during_an_a3_sheet_cancels_it_and_writes_nothing(
    window, record, qtbot, tmp_path, monkeypatch
):
    page = window.open_page("problems")
    panel = page.findChild(ProblemDetailPanel)
    assert panel is not None
    first = record.problems.page(ProblemFilter(), ProblemSort(), 0, 1)[0]
    panel.show_problem(first.id)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "a3.pdf"
    panel.a3.ask_destination = lambda _parent, _suggested: target
    _held_until_cancelled(monkeypatch, panel.a3._services.reports, "problem_sheet")
    export = panel.a3.trigger()
    assert export is not None
    assert export.operation in window.operations.running  # the window's runner builds it
    assert window.close()
    assert window.operations.busy_threads == 0
    qtbot.wait(300)
    assert list(out.iterdir()) == []  # neither the sheet nor its temporary file
