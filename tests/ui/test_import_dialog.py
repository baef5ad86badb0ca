"""Importing through the window: the mapping corrected once, the preview read, then Import."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

sys.path.insert(0, str(Path(__file__).parents[1] / "transfer"))
from plant_sheets import plant_workbook

from workbench.services.records import ProblemFilter
from workbench.transfer.files import open_sheet
from workbench.transfer.headers import Remembered
from workbench.transfer.problems import PROBLEMS
from workbench.ui.transfer_actions import main_table


def _open(window, qtbot, path: Path):
    dialog = window.transfer.import_file(path)
    qtbot.waitUntil(
        lambda: dialog.job is not None and dialog.preview_button.isEnabled(), timeout=10_000
    )
    return dialog


def _preview(dialog, qtbot) -> None:
    operation = dialog.run_preview()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert dialog.preview is not None


def test_import_through_the_mapping_dialog(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    path = plant_workbook(tmp_path / "问题跟踪表.xlsx")
    dialog = _open(window, qtbot, path)
    assert dialog.header_row.value() == 4
    header = dialog.mapping.horizontalHeader()  # the values fill the room: no sideways scroll
    assert sum(header.sectionSize(c) for c in range(3)) == dialog.mapping.viewport().width()
    assert dialog.mapping.item(1, 0).text() == "问题描述"
    assert "采购订单审批慢" in dialog.mapping.item(1, 1).text()  # the first values beside it
    # The user says 问题描述 is the title and does not import the severity.
    title = dialog.field_box(1)
    title.setCurrentIndex(title.findData("title"))
    severity = dialog.field_box(9)
    severity.setCurrentIndex(severity.findData(""))
    assert not dialog.import_button.isEnabled()
    _preview(dialog, qtbot)
    assert "4 to create" in dialog.summary.text()
    assert "常州工厂" in dialog.summary.text()  # a site the lists lack, created on import
    assert dialog.rejected_cells.rowCount() == 0 and dialog.import_button.isEnabled()
    operation = dialog.run_import()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.statusBar().currentMessage().startswith("Imported: 4 created")  # in view
    services = window.services
    imported = services.problems.get(services.problems.id_of("WX-003"))
    assert (imported.title, imported.status, imported.severity) == ("月结关账慢", "closed", 3)
    # Remembered for the layout: next month's file opens with the user's mapping.
    kept = Remembered(tmp_path / "config").recall(PROBLEMS, dialog.job.headers)
    assert kept is not None and kept[1] == "title" and 9 not in kept
    again = _open(window, qtbot, plant_workbook(tmp_path / "八月.xlsx"))
    assert again.field_box(1).currentData() == "title"
    assert again.field_box(9).currentData() == ""
    again.reject()


def test_rejected_cells_are_listed_and_nothing_is_imported(window, qtbot, tmp_path: Path) -> None:
    path = plant_workbook(tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["G6"] = "2026-02-30"
    book.save(path)
    dialog = _open(window, qtbot, path)
    _preview(dialog, qtbot)
    table = dialog.rejected_cells
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["6", "G", "提出日期"]
    assert "2026-02-30" in table.item(0, 3).text()
    assert not dialog.import_button.isEnabled()
    assert window.services.problems.id_of("WX-001") is None
    dialog.reject()


def test_export_the_problems_list_as_shown(window, qtbot, tmp_path: Path) -> None:
    page = window.stack.currentWidget()
    table = page.table
    table.horizontalHeader().setSectionHidden(2, True)  # the user hid the status column
    table.horizontalHeader().moveSection(4, 0)  # and dragged the site first
    table.sortByColumn(1, table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    out = tmp_path / "list.xlsx"
    operation = window.transfer.export_list(out)
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    model = table.model()
    assert list(rows[0]) == [
        "Site",
        "Code",
        "Title",
        "ERP module",
        "Department",
        "Severity",
        "Impact",
        "Frequency",
        "Owner",
        "Reported on",
    ]
    assert len(rows) - 1 == model.rowCount() > 0
    titles = [r[2] for r in rows[1:]]
    assert titles == sorted(titles)
    assert rows[1][1] == model.data(model.index(0, 0))


def test_export_another_pages_list_as_shown(window, qtbot, tmp_path: Path) -> None:
    window.services.lookups.add_person("li.lei", "李雷")
    page = window.open_page("settings")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    out = tmp_path / "people.csv"
    table = main_table(page)
    assert table is not None
    operation = window.transfer.export_list(out)
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    rows = list(open_sheet(out).rows())
    model = table.model()
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert list(rows[0][1]) == [h for h in shown if h]
    assert len(rows) - 1 == model.rowCount()


def test_export_the_whole_record_from_the_window(window, qtbot, tmp_path: Path) -> None:
    out = tmp_path / "record.xlsx"
    operation = window.transfer.export_record(out)
    with qtbot.waitSignal(operation.ended, timeout=20_000):
        pass
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:5] == ["Sites", "Departments", "ERP modules", "People", "Problems"]
    problems = list(book["Problems"].iter_rows(values_only=True))
    assert len(problems) - 1 == window.services.problems.count(ProblemFilter())
    assert "Exported to" in window.statusBar().currentMessage()
