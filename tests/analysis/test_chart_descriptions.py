"""A chart description is plain data, checked when made, and says a point's value the
same way to every renderer."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from workbench.analysis import charts
from workbench.analysis.charts import PALETTE, Band, Chart, Series, TargetLine


def chart(**changes) -> Chart:
    values = {
        "kind": "line",
        "title": "每轮用户满意度",
        "x_labels": ("第1轮", "第2轮", "第3轮"),
        "series": (Series("满意度均分", (3.9, None, 4.4), "satisfaction", decimals=1),),
        "y_label": "平均分",
        "unit": "分",
        "target": TargetLine(4.2, "成功标准 ≥ 4.2"),
        "bands": (Band(4.2, 5.0, "达标区间"),),
        "y_range": (1.0, 5.0),
    }
    return Chart(**{**values, **changes})


def test_a_point_reads_with_its_series_label_and_unit_and_a_gap_reads_as_nothing() -> None:
    described = chart()
    assert described.point_text(0, 0) == "满意度均分 · 第1轮: 3.9 分"
    assert described.point_text(0, 1) == ""
    assert described.lines() == (described.target,)
    assert not described.empty and chart(series=(Series("x", (None,) * 3, "median"),)).empty


def test_a_description_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        chart().title = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "pie"},
        {"series": (Series("满意度均分", (4.0, 4.1), "satisfaction"),)},  # 2 values, 3 labels
        {"y_range": (5.0, 1.0)},
    ],
)
def test_a_description_that_cannot_be_drawn_is_refused(changes) -> None:
    with pytest.raises(ValueError):
        chart(**changes)


def test_colours_come_from_the_one_palette() -> None:
    with pytest.raises(ValueError):
        Series("x", (1.0,), "#ff0000")
    with pytest.raises(ValueError):
        TargetLine(1.0, "x", "purple")
    with pytest.raises(ValueError):
        Band(2.0, 1.0, "x")
    assert all(re.fullmatch(r"#[0-9A-F]{6}", value) for value in PALETTE.values())
    assert charts.colour("criterion") == PALETTE["criterion"]


def test_the_analysis_package_imports_no_qt() -> None:
    folder = Path(charts.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    assert not re.search(r"^\s*(from|import) (PySide6|pyqtgraph|shiboken6)", source, re.M)
