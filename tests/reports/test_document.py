"""The report machinery on its own: a section that returns nothing is left out, a long
table runs over pages with its header on each, pages say "page x of y", a chart
description becomes vector drawing, and a cancelled build leaves nothing behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from workbench.analysis.charts import Chart, Series, TargetLine
from workbench.reports.charts import draw
from workbench.reports.document import Context, Report, build
from workbench.reports.styles import table
from workbench.services.progress import Cancelled, Progress


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def long_table(rows: int, context: Context) -> list:
    return [
        context.heading("库存明细"),
        table(
            context.looks,
            ["物料编码", "差异"],
            [[f"M-{n:04d}", n] for n in range(rows)],
            [200, 100],
            numeric=(1,),
        ),
    ]


def chart_section(_facts: int, context: Context) -> list:
    chart = Chart(
        "line",
        "每轮用户满意度",
        ("第1轮", "第2轮"),
        (Series("满意度均分", (3.8, 4.3), "satisfaction"),),
        "平均分",
        "分",
        target=TargetLine(4.2, "成功标准 ≥ 4.2"),
    )
    return [context.heading("图表"), draw(chart, context.width, 200)]


def report(*sections) -> Report[int]:
    return Report(
        lambda _f, c: [c.looks.para("封面")],
        sections,
        lambda _f, _c: "页眉 · 华东工厂 · 2026Q3",
        lambda _f, _c: "页脚",
    )


def test_a_table_split_over_pages_repeats_its_header(tmp_path):
    out = tmp_path / "r.pdf"
    pages = build(report(lambda rows, c: long_table(rows, c)), 300, out, "zh_CN")
    assert pages >= 4
    for number in range(3, pages + 1):
        page = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert "物料编码" in page, number  # the header on every page the table runs on
        assert "页眉 · 华东工厂 · 2026Q3" in page
        assert f"第 {number} 页，共 {pages} 页" in page


def test_a_section_with_nothing_is_left_out_and_numbers_follow(tmp_path):
    out = tmp_path / "r.pdf"
    build(report(lambda _f, _c: None, chart_section), 0, out, "zh_CN")
    text = text_of(out)
    assert "1 图表" in text and "2 " not in text.split("1 图表")[-1].split("\n")[0]
    assert "成功标准 ≥ 4.2" in text and "4.3" in text  # the chart's words are text
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) == 2  # no bitmap


def test_a_cancelled_build_leaves_nothing(tmp_path):
    out = tmp_path / "r.pdf"
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        build(report(lambda rows, c: long_table(rows, c)), 50, out, "zh_CN", progress)
    assert list(tmp_path.iterdir()) == []


def test_a_build_that_fails_keeps_the_old_file(tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")

    def broken(_facts: int, _context: Context) -> list:
        raise RuntimeError("section failed")

    with pytest.raises(RuntimeError):
        build(report(broken), 0, out, "zh_CN")
    assert out.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1
