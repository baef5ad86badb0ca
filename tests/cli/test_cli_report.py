"""``workbench report``: the quarterly report and the A3 sheet of the demo, read back with
pdftotext / pdffonts / pdfimages (poppler-utils)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from workbench.services.quarters import Quarter

pytestmark = pytest.mark.timeout(120)


def text_of(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def heading_at(text: str, heading: str) -> int:
    """Where a heading stands on a line of its own (not its line in the contents)."""
    found = re.search(rf"^\s*{re.escape(heading)}\s*$", text, re.MULTILINE)
    assert found is not None, heading
    return found.start()


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def this_quarter() -> str:
    return str(Quarter.of(dt.date.today()))  # the demo closes its problems today


def measured_this_quarter() -> bool:
    """Whether the demo measured its KPIs in this quarter: it does up to last month."""
    return dt.date.today().month % 3 != 1


def test_quarterly_report_in_chinese_has_the_demos_figures_in_order(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    result = run(
        "report",
        "quarterly",
        "--quarter",
        this_quarter(),
        "--db",
        demo_db,
        "--lang",
        "zh_CN",
        "--out",
        out,
    )
    assert result.code == 0, result.err
    text = text_of(out)
    headings = [
        "摘要",
        *(["KPI趋势"] if measured_this_quarter() else []),
        "季度优化清单",
        "本季度关闭的改进记录",
        "原因与问题分布",
        "试点迭代",
        "培训",
        "需要管理层关注的事项",
        "审计链",
    ]
    places = [heading_at(text, f"{n} {h}") for n, h in enumerate(headings, start=1)]
    assert places == sorted(places)  # in the order of the issue, numbered 1 … 8 (or 9)
    at = headings.index
    closed = text[places[at("本季度关闭的改进记录")] : places[at("原因与问题分布")]]
    assert "P-2026-0001" in closed and "库存差异率高" in closed
    assert "库存差异率 2.0% → 1.2%, −40%" in closed  # the measured effect, as typed
    assert "简化销售订单审批层级" in text[places[at("试点迭代")] : places[at("培训")]]
    total = pages_of(out)
    assert f"第 1 页，共 {total} 页" in text_of(out, 1)
    assert f"第 {total} 页，共 {total} 页" in text_of(out, total)


def test_the_report_embeds_its_font_and_draws_charts_as_vectors(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    assert (
        run(
            "report",
            "quarterly",
            "--quarter",
            this_quarter(),
            "--db",
            demo_db,
            "--lang",
            "zh_CN",
            "--out",
            out,
        ).code
        == 0
    )
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("WenQuanYiMicroHei" in r for r in rows)
    assert all(r.split()[-5] == "yes" for r in rows)  # emb: embedded
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) == 2  # the header lines only: no bitmap
    assert "原因帕累托图" in text_of(out)  # the chart's own title is text in the PDF


def test_english_report_names_headings_and_terms_from_the_vocabulary(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    assert (
        run(
            "report",
            "quarterly",
            "--quarter",
            this_quarter(),
            "--db",
            demo_db,
            "--lang",
            "en",
            "--out",
            out,
        ).code
        == 0
    )
    text = text_of(out)
    second = 3 if measured_this_quarter() else 2  # after the KPI trends
    assert heading_at(text, "1 Summary") < heading_at(text, f"{second} Quarterly improvement list")
    for words in (
        "Pareto of causes",
        "Weak data governance",
        "On-site drill",
        "Page 1 of",
        "Committed",
    ):
        assert words in text, words
    assert "摘要" not in text


def test_the_closing_line_holds_the_chain_head_of_the_database(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    assert (
        run(
            "report",
            "quarterly",
            "--quarter",
            this_quarter(),
            "--db",
            demo_db,
            "--lang",
            "en",
            "--out",
            out,
        ).code
        == 0
    )
    with closing(sqlite3.connect(demo_db)) as db:
        entry, digest = db.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC").fetchone()
    flat = " ".join(text_of(out).split())
    assert f"audit entry {entry}, hash {digest[:40]}" in flat.replace(
        f"{digest[:40]} ", digest[:40]
    )
    assert run("check", "--db", demo_db).code == 0


def test_a_quarter_without_pilots_leaves_their_section_out(run, demo_db, tmp_path):
    out = tmp_path / "q.pdf"
    assert (
        run(
            "report",
            "quarterly",
            "--quarter",
            "2026Q1",
            "--db",
            demo_db,
            "--lang",
            "en",
            "--out",
            out,
        ).code
        == 0
    )
    text = text_of(out)
    assert "Summary" in text and "Training" in text
    assert "Pilots" not in text and "PL-2026" not in text
    full = tmp_path / "full.pdf"
    assert (
        run(
            "report",
            "quarterly",
            "--quarter",
            this_quarter(),
            "--db",
            demo_db,
            "--lang",
            "en",
            "--out",
            full,
        ).code
        == 0
    )
    assert pages_of(full) > pages_of(out)  # more data, more pages


def test_a3_sheet_is_one_page_with_the_five_whys(run, demo_db, tmp_path):
    out = tmp_path / "a3.pdf"
    assert (
        run("report", "a3", "P-2026-0001", "--db", demo_db, "--lang", "zh_CN", "--out", out).code
        == 0
    )
    assert pages_of(out) == 1
    text = text_of(out)
    for words in (
        "1 背景",
        "2 现状",
        "3 根本原因",
        "4 对策",
        "5 效果确认",
        "6 后续跟进",
        "库存差异率高",
        "为什么 1",
        "统一物料编码",
        "库存差异率 2.0% → 1.2%, −40%",
    ):
        assert words in text, words
    english = tmp_path / "a3en.pdf"
    assert (
        run("report", "a3", "P-2026-0001", "--db", demo_db, "--lang", "en", "--out", english).code
        == 0
    )
    assert "3 Root cause (5 whys)" in text_of(english)


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (("quarterly", "--quarter", "2026Q5"), 2, "no quarter 2026Q5"),
        (("quarterly", "--quarter", "2020Q1"), 1, "2020Q1 has nothing to report"),
        (("quarterly", "--quarter", "2026Q3", "--site", "XX"), 1, "no site 'XX'"),
        (("a3", "P-2026-9999"), 1, "no problem P-2026-9999"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(run, demo_db, tmp_path, argv, code, says):
    out = tmp_path / "x.pdf"
    result = run("report", *argv, "--db", demo_db, "--out", out)
    assert result.code == code
    assert says in result.err
    assert list(tmp_path.glob("x.pdf*")) == [] and list(tmp_path.glob(".x.pdf*")) == []


def test_an_unwritable_destination_is_refused(run, demo_db, tmp_path):
    result = run(
        "report",
        "quarterly",
        "--quarter",
        this_quarter(),
        "--db",
        demo_db,
        "--out",
        tmp_path / "missing" / "q.pdf",
    )
    assert result.code == 1 and "does not exist" in result.err
