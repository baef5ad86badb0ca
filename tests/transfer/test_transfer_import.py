"""Importing a plant's 问题跟踪表: the preview, then all of it or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from plant_sheets import HEADERS, ROWS, csv_file, plant_workbook, with_formula

from workbench.services import Services
from workbench.services.progress import Cancelled, Progress
from workbench.transfer.headers import Remembered
from workbench.transfer.plan import Import
from workbench.transfer.problems import PROBLEMS


def preview(services: Services, path: Path, language: str = "zh_CN", **options):
    job = Import(services, PROBLEMS, path, language=language, **options)
    return job, job.preview()


def test_the_header_is_found_under_the_title_and_totals_rows(
    plant: Services, tmp_path: Path
) -> None:
    job, found = preview(plant, plant_workbook(tmp_path / "p.xlsx"))
    assert job.header_row == 4
    assert job.mapping == {
        0: "code",
        1: "description",
        2: "erp_module_id",
        3: "site_id",
        4: "department_id",
        5: "owner_id",
        6: "reported_on",
        7: "status",
        8: "frequency",
        9: "severity",
    }
    assert (found.created, found.updated, found.rejected) == (4, 0, [])
    assert found.skipped == 3  # the blank row, the totals row and 制表人： below the data
    new = {(e.table, e.values["name"]) for e in found.new_entries}
    assert new == {
        ("site", "常州工厂"),
        ("department", "销售部"),
        ("department", "生产部"),
        ("person", "李娜"),
        ("person", "赵强"),
    }


def test_confirmed_rows_are_written_in_the_users_words(plant: Services, tmp_path: Path) -> None:
    job, found = preview(plant, plant_workbook(tmp_path / "p.xlsx"))
    assert plant.problems.id_of("WX-001") is None  # nothing written by the preview
    written = job.write(found)
    assert (written.created, written.entries) == (4, 5)
    first = plant.problems.get(plant.problems.id_of("WX-001"))
    assert (first.title, first.status, first.frequency, first.severity) == (
        "采购订单审批慢",
        "open",
        "daily",
        4,
    )
    assert first.reported_on == dt.date(2026, 7, 1)
    second = plant.problems.get(plant.problems.id_of("WX-002"))
    assert second.reported_on == dt.date(2026, 7, 2)  # Excel serial 46205
    assert second.site_id == first.site_id  # the merged site cell
    third = plant.problems.get(plant.problems.id_of("WX-003"))
    assert (third.reported_on, third.frequency, third.severity) == (dt.date(2026, 7, 3), "daily", 4)
    fourth = plant.problems.get(plant.problems.id_of("WX-004"))
    assert fourth.reported_on == dt.date(2026, 7, 4)
    people = {p.name for p in plant.lookups.people()}
    assert {"李娜", "赵强"} <= people


def test_a_problem_imported_as_closed_stays_closed_and_is_marked(
    plant: Services, tmp_path: Path
) -> None:
    job, found = preview(plant, plant_workbook(tmp_path / "p.xlsx"))
    job.write(found)
    closed = plant.problems.get(plant.problems.id_of("WX-004"))
    assert closed.status == "closed" and not closed.causes  # no verified result: history
    assert closed.imported_at is not None and closed.closed_on is None  # the sheet has none
    with plant.database.engine.connect() as connection:
        marks = connection.exec_driver_sql(
            "SELECT code, imported_at IS NOT NULL FROM problem ORDER BY code"
        ).fetchall()
    assert all(mark for _, mark in marks)


def test_a_code_that_exists_updates_that_problem(plant: Services, tmp_path: Path) -> None:
    job, found = preview(plant, plant_workbook(tmp_path / "p.xlsx"))
    job.write(found)
    rows = [list(r) for r in ROWS]
    rows[0][1] = "采购订单审批慢（多级审批）"
    rows[3][1] = "BOM版本不一致（已改）"
    job, again = preview(plant, plant_workbook(tmp_path / "p2.xlsx", rows))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert [r.row for r in again.rejected] == [8]  # a closed one takes no change
    assert "重新打开" in again.rejected[0].reason
    rows[3][1] = ROWS[3][1]
    job, again = preview(plant, plant_workbook(tmp_path / "p3.xlsx", rows))
    job.write(again)
    changed = plant.problems.get(plant.problems.id_of("WX-001"))
    assert changed.description == "采购订单审批慢（多级审批）"


def test_every_rejected_cell_is_named_by_row_column_and_reason(
    plant: Services, tmp_path: Path
) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][6] = "2026-02-30"  # impossible date
    rows[1][7] = "待定"  # not a status
    rows[2][9] = "很严重吧"  # text in a number column
    rows[3][0] = "WX-001"  # the same code twice
    rows.append(
        [
            "WX-009",
            "长" * 20_001,
            "采购",
            "无锡工厂",
            "采购部",
            "王小明",
            "2026-07-05",
            "待处理",
            "每天",
            3,
        ]
    )
    job, found = preview(plant, plant_workbook(tmp_path / "p.xlsx", rows))
    where = {(r.row, r.column): r.reason for r in found.rejected}
    assert "2026-02-30 不是有效日期" in where[(5, "G")]
    assert "待定" in where[(6, "H")] and "待处理" in where[(6, "H")]
    assert "严重" in where[(7, "J")]
    assert "第 5 行" in where[(8, "A")]
    assert "20000" in where[(9, "B")]
    assert found.created == 0
    with pytest.raises(ValueError, match="nothing was written"):
        job.write(found)
    assert plant.problems.id_of("WX-002") is None


def test_english_headers_and_messages(plant: Services, tmp_path: Path) -> None:
    headers = ["Code", "Title", "ERP module", "Site", "Reported on", "Status", "Frequency"]
    rows = [
        ["E-1", "Slow MRP run", "生产", "无锡工厂", "2026-07-01", "Open", "Weekly"],
        ["E-2", "Bad date", "生产", "无锡工厂", "2026-13-01", "Open", "Weekly"],
    ]
    job, found = preview(plant, plant_workbook(tmp_path / "e.xlsx", rows, headers), language="en")
    assert job.mapping[1] == "title"
    assert [str(r) for r in found.rejected] == [
        "row 6, column E (Reported on): 2026-13-01 is not a date"
    ]


def test_formula_cells_are_read_as_their_cached_values(plant: Services, tmp_path: Path) -> None:
    path = with_formula(plant_workbook(tmp_path / "f.xlsx"), "J5", "2+2")
    book = openpyxl.load_workbook(path)
    assert book.active["J5"].value == "=2+2"  # a formula…
    job, found = preview(plant, path)
    assert found.rejected == []
    job.write(found)
    assert plant.problems.get(plant.problems.id_of("WX-001")).severity == 4  # …read as its value


def test_gbk_csv_imports(plant: Services, tmp_path: Path) -> None:
    job, found = preview(plant, csv_file(tmp_path / "问题.csv", "gbk"))
    assert (found.created, found.rejected) == (4, [])
    job.write(found)
    assert plant.problems.get(plant.problems.id_of("WX-002")).title == "销售发货单打印乱码"


def test_cancel_leaves_the_database_exactly_as_before(
    plant: Services, tmp_path: Path, table_dump
) -> None:
    rows = [
        [
            f"C-{n}",
            f"问题 {n}",
            "库存",
            "无锡工厂",
            "新部门",
            "新人",
            "2026-07-01",
            "待处理",
            "每周",
            3,
        ]
        for n in range(2_500)
    ]
    job, found = preview(plant, plant_workbook(tmp_path / "big.xlsx", rows))
    assert found.created == 2_500
    before = table_dump()
    progress = Progress()
    seen: list[int] = []

    def cancel_midway(done: int, total: int, message: str) -> None:
        seen.append(done)
        if done >= 1_000:
            progress.cancel()

    progress._listener = cancel_midway
    with pytest.raises(Cancelled):
        job.write(found, progress)
    assert seen and table_dump() == before


def test_a_corrected_mapping_is_remembered_for_the_layout(plant: Services, tmp_path: Path) -> None:
    path = plant_workbook(tmp_path / "p.xlsx")
    job, _ = preview(plant, path)
    kept = Remembered(tmp_path / "config")
    job.mapping[1] = "title"  # the user says 问题描述 is the title here
    kept.keep(PROBLEMS, job.headers, job.mapping)
    again = Import(plant, PROBLEMS, plant_workbook(tmp_path / "next-month.xlsx"))
    assert kept.recall(PROBLEMS, again.headers) == job.mapping
    other = list(HEADERS)
    other[1] = "问题"
    assert kept.recall(PROBLEMS, other) is None
