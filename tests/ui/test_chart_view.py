"""A chart description drawn on screen: rendered, saved as a PNG and read back, the value
under the cursor shown, another description drawn in its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from workbench.analysis.charts import PALETTE, Band, Chart, Series, TargetLine
from workbench.ui.charts import ChartView


def satisfaction() -> Chart:
    return Chart(
        kind="line",
        title="每轮用户满意度",
        x_labels=("第1轮", "第2轮", "第3轮"),
        series=(Series("满意度均分", (3.9, 4.3, None), "satisfaction"),),
        y_label="平均分",
        unit="分",
        target=TargetLine(4.2, "成功标准 ≥ 4.2"),
        bands=(Band(4.2, 5.0, "达标区间"),),
        y_range=(1.0, 5.0),
    )


def durations() -> Chart:
    return Chart(
        kind="bar",
        title="Process duration per round",
        x_labels=("Round 1", "Round 2"),
        series=(
            Series("Median after", (7.5, 5.0), "median"),
            Series("P90 after", (18.0, 12.0), "p90", decimals=0),
        ),
        y_label="Duration",
        unit="h",
        references=(TargetLine(8.0, "Baseline median 8.0", "baseline"),),
        y_range=(0.0, 21.0),
    )


@pytest.fixture
def view(qtbot, qapp_lang) -> ChartView:
    shown = ChartView(satisfaction())
    qtbot.addWidget(shown)
    shown.resize(640, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _has(image: QImage, key: str) -> bool:
    """Whether some pixel has the palette colour ``key`` (the chart drew with it)."""
    wanted = QColor(PALETTE[key]).rgb()
    return any(
        image.pixel(x, y) == wanted
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_a_chart_saved_as_png_reads_back(view: ChartView, tmp_path: Path) -> None:
    saved = view.save_png(tmp_path / "满意度.png")
    image = QImage(str(saved))
    assert not image.isNull()
    assert image.width() == view._plot.width() and image.height() == view._plot.height()
    assert image.width() > 300 and image.height() > 200
    assert _has(image, "satisfaction") and _has(image, "criterion")


def test_a_file_that_cannot_be_written_is_an_oserror(view: ChartView, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        view.save_png(tmp_path / "no such folder" / "chart.png")


def test_the_value_under_the_cursor_is_shown(view: ChartView, qtbot) -> None:
    plot = view._plot
    scene_point = view.point_position(0, 1)
    on_screen = plot.mapFromScene(scene_point)
    QTest.mouseMove(plot.viewport(), QPoint(on_screen.x(), on_screen.y()))
    qtbot.waitUntil(lambda: view.hover_label.text() == "满意度均分 · 第2轮: 4.3 分")
    # Away from every point, nothing is shown.
    assert view.hover_at(scene_point + QPointF(0, 80)) == ""
    assert view.hover_label.text().strip() == ""


def test_bars_say_their_value_and_another_chart_takes_the_place(
    view: ChartView, tmp_path: Path
) -> None:
    view.set_chart(durations())
    assert view.chart.kind == "bar"
    assert view.hover_at(view.point_position(1, 0)) == "P90 after · Round 1: 18 h"
    assert view.hover_at(view.point_position(0, 1)) == "Median after · Round 2: 5.0 h"
    with pytest.raises(LookupError):
        view.point_position(2, 0)
    image = QImage(str(view.save_png(tmp_path / "bars.png")))
    assert _has(image, "median") and _has(image, "p90")


def test_the_save_button_speaks_the_window_language(qtbot, qapp) -> None:
    from workbench.ui.qt_app import ensure_application

    ensure_application("zh_CN")
    try:
        shown = ChartView(satisfaction())
        qtbot.addWidget(shown)
        assert shown.save_button.text() == "另存为PNG…"
    finally:
        ensure_application("en")


def test_a_narrow_ranking_keeps_every_department_shortened(qtbot):
    from workbench.analysis.kpi_charts import ranking_chart

    names = [
        "生产计划管理部门",
        "信息技术管理部门",
        "采购管理部门",
        "仓储物流部门",
        "财务部门",
        "质量部门",
    ]
    view = ChartView(ranking_chart([(n, 100.0 - 10 * i) for i, n in enumerate(names)], "zh_CN"))
    qtbot.addWidget(view)
    view.resize(330, 260)
    view.show()
    qtbot.waitExposed(view)
    ticks = view._plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [i for i, _ in ticks] == list(range(6))  # every bar named, none skipped
    for (_, text), name in zip(ticks, names, strict=True):
        assert text == name or (text.endswith("…") and name.startswith(text[:-1])), text
    assert any(text.endswith("…") for _, text in ticks)  # too narrow for them in full
