"""File → Import… with KPI measurements chosen: the kind's own columns, the preview, and
the import evaluating the KPIs' alerts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog


def test_kpi_measurements_imported_through_the_dialog(window, qtbot, tmp_path: Path) -> None:
    services = window.services
    services.kpis.add_presets()
    path = tmp_path / "KPI月报.csv"
    path.write_bytes(
        "指标名称,月份,实际值\n数据准确率,2026-07,99.5\n数据准确率,2026-08,95.0\n".encode("gbk")
    )
    dialog = window.transfer.import_file(path)
    opening = dialog.summary.text()
    qtbot.waitUntil(lambda: dialog.summary.text() != opening, timeout=10_000)  # read as problems
    dialog.kind.setCurrentIndex(dialog.kind.findData("kpi"))
    qtbot.waitUntil(
        lambda: (
            dialog.job is not None
            and dialog.job.kind.name == "kpi"
            and dialog.preview_button.isEnabled()
        ),
        timeout=10_000,
    )
    fields = [dialog.field_box(i).currentData() for i in range(3)]
    assert fields == ["kpi_measurement.kpi_id", "kpi_measurement.period", "kpi_measurement.value"]
    operation = dialog.run_preview()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert "2 to create" in dialog.summary.text() or "新建 2" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    operation = dialog.run_import()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert dialog.result() == QDialog.DialogCode.Accepted
    kpi = next(k for k in services.kpis.kpis() if k.preset == "data_accuracy")
    assert [(m.period, m.value.value) for m in services.kpis.measurements(kpi.id)] == [
        ("2026-07", 99.5),
        ("2026-08", 95.0),
    ]
    alerts = services.alerts.alerts()
    assert [(a.kpi_id, a.opened_period) for a in alerts] == [(kpi.id, "2026-08")]
    assert alerts[0].problem_code is not None  # its ticket
