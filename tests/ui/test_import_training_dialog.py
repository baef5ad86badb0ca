"""Importing a training sign-in sheet through the window: File → Import offers it beside
problems and KPI measurements, the preview shows the session block read above the table,
and Import writes the attendances (in both languages)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

sys.path.insert(0, str(Path(__file__).parents[1] / "transfer"))
from training_sheets import sign_in_workbook

from workbench.ui.qt_app import ensure_application

SUMMARY = {
    "en": ("Above the table, for every row: Held on 2026-07-08", "3 to create", "李雷"),
    "zh_CN": ("表格上方（每行适用）：培训日期 2026-07-08", "将新建 3 条", "李雷"),
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_sign_in_sheet_through_the_import_dialog(
    window, qtbot, tmp_path: Path, monkeypatch, language: str
) -> None:
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    ensure_application(language)
    path = sign_in_workbook(tmp_path / "培训签到表.xlsx")
    dialog = window.transfer.import_file(path)
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=10_000)
    dialog.kind.setCurrentIndex(dialog.kind.findData("training"))
    qtbot.waitUntil(
        lambda: (
            dialog.job is not None
            and dialog.job.kind.name == "training"
            and dialog.preview_button.isEnabled()
        ),
        timeout=10_000,
    )
    assert dialog.header_row.value() == 6
    assert dialog.field_box(1).currentData() == "attendance.person_id"
    assert dialog.field_box(0).currentData() == ""  # 序号
    operation = dialog.run_preview()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    text = dialog.summary.text()
    for expected in SUMMARY[language]:
        assert expected in text, text
    assert dialog.import_button.isEnabled()
    dialog.resize(1000, 640)
    qtbot.wait(100)  # the layout settles as the user sees it
    assert dialog.summary.height() >= dialog.summary.heightForWidth(dialog.summary.width())
    out = os.environ.get("WORKBENCH_SHOTS")  # look at it: WORKBENCH_SHOTS=folder pytest …
    if out:
        dialog.grab().save(str(Path(out) / f"import-training-{language}.png"))
    operation = dialog.run_import()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert dialog.result() == QDialog.DialogCode.Accepted
    (session,) = window.services.training.sessions(2026)
    record = window.services.training.get(session.id)
    assert (record.topic, record.kind, record.module, record.trainer) == (
        "库存盘点差异处理",
        "drill",
        "库存",
        "王小明",
    )
    assert sorted(a.name for a in record.attendees) == sorted(["王小明", "李雷", "赵敏"])
