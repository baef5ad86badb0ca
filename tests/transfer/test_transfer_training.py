"""``workbench import training``: a training sign-in sheet (培训签到表) as plants keep it, its
session block above the table or the session's columns on every row; the people and
departments the lists lack created on confirm; the same sheet imported again adds
nothing."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from training_sheets import FLAT_ROWS, flat_csv, sign_in_workbook

from workbench.cli.main import main
from workbench.services import Services
from workbench.transfer.kinds import import_kinds
from workbench.transfer.plan import Import

ATTENDED = (
    "SELECT s.code, s.held_on, s.topic, s.kind, m.name, t.name, p.name, d.name, a.score, "
    "a.score_decimals FROM attendance AS a JOIN training_session AS s ON s.id = a.session_id "
    "JOIN person AS p ON p.id = a.person_id LEFT JOIN department AS d ON d.id = a.department_id "
    "LEFT JOIN erp_module AS m ON m.id = s.erp_module_id "
    "LEFT JOIN person AS t ON t.id = s.trainer_id ORDER BY s.code, a.id"
)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows_of(path: Path, query: str) -> list[Any]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()


def _job(services: Services, path: Path, language: str = "zh_CN") -> Import:
    return Import(services, import_kinds()["training"], path, language=language)


def test_a_sign_in_sheet_with_its_session_block_above_the_table(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    plant.lookups.add_person("zhao.min", "赵敏", department_id=_department(plant, "采购部"))
    job = _job(plant, sign_in_workbook(tmp_path / "培训签到表.xlsx"))
    assert job.header_row == 6  # the table's, not the session block's
    assert [job.mapping.get(i) for i in range(5)] == [
        None,  # 序号: not imported
        "attendance.person_id",
        "attendance.department_id",
        "attendance.signed",
        "attendance.score",
    ]
    block = {key: cell for key, (_, _, cell) in job.fixed.items()}
    assert block["training_session.topic"] == "库存盘点差异处理"
    assert block["training_session.trainer_id"] == "王小明"
    assert (block["training_session.erp_module_id"], block["training_session.kind"]) == (
        "库存",
        "现场演练",
    )
    preview = job.preview()
    assert preview.rejected == []
    # three attendances; the leave (请假) is left out, and the totals row and the note
    assert (preview.created, preview.updated, preview.unchanged) == (3, 0, 0)
    assert (preview.skipped, preview.absent) == (2, 1)
    # the lists lack 李雷 and 财务部 … but not 韩梅梅, who was not there
    new = {(e.table, e.values.get("name")) for e in preview.new_entries}
    assert new == {("person", "李雷")}
    written = job.write(preview)
    assert (written.created, written.entries) == (3, 1)
    session = ("T-2026-0001", "2026-07-08", "库存盘点差异处理", "drill", "库存", "王小明")
    assert rows_of(db_path, ATTENDED) == [
        (*session, "王小明", "采购部", 92.0, 0),
        (*session, "李雷", "财务部", 85.5, 1),
        (*session, "赵敏", "采购部", None, None),  # no department on the sheet: the person's
    ]
    assert plant.integrity.check().sound


def _department(services: Services, name: str) -> int:
    return next(d.id for d in services.lookups.departments() if d.name == name)


def test_the_same_sheet_again_adds_nothing_and_a_changed_score_is_an_update(
    capsys, plant: Services, tmp_path: Path, db_path: Path
) -> None:
    first = sign_in_workbook(tmp_path / "签到.xlsx")
    code, out, _ = run(capsys, "--lang", "zh_CN", "import", "training", first, "--db", db_path)
    assert code == 0, out
    assert "above the table: 培训日期 2026-07-08; 主题 库存盘点差异处理" in out
    before = rows_of(db_path, ATTENDED)
    assert len(before) == 3
    code, out, _ = run(capsys, "import", "training", first, "--db", db_path)
    assert code == 0 and "0 to create, 0 to update, 3 unchanged" in out
    assert rows_of(db_path, ATTENDED) == before
    again = sign_in_workbook(tmp_path / "签到-更正.xlsx", scores=(95, "85.5"))
    code, out, _ = run(capsys, "import", "training", again, "--db", db_path)
    assert code == 0 and "0 to create, 1 to update, 2 unchanged" in out
    assert [r[8] for r in rows_of(db_path, ATTENDED)] == [95.0, 85.5, None]
    assert rows_of(db_path, "SELECT count(*) FROM training_session") == [(1,)]


def test_a_flat_list_in_gbk_csv_makes_one_session_per_date_and_topic(
    capsys, plant: Services, tmp_path: Path, db_path: Path
) -> None:
    path = flat_csv(tmp_path / "培训记录.csv")
    code, out, err = run(capsys, "--lang", "zh_CN", "import", "training", path, "--db", db_path)
    assert code == 0, err
    assert "4 to create" in out
    found = rows_of(db_path, ATTENDED)
    assert [(r[0], r[1], r[3], r[6], r[8]) for r in found] == [
        ("T-2026-0001", "2026-07-01", "class", "王小明", 90.0),
        ("T-2026-0001", "2026-07-01", "class", "钱进", 78.0),
        ("T-2026-0002", "2026-07-15", "online_help", "孙丽", None),
        ("T-2026-0002", "2026-07-15", "online_help", "王小明", 88.0),
    ]
    assert rows_of(db_path, "SELECT duration_hours, duration_decimals FROM training_session") == [
        (2.0, 0),
        (1.5, 1),
    ]
    # a person created by the import trains: 李娜 the trainer, 钱进 and 孙丽 the attendees
    people = {r[0] for r in rows_of(db_path, "SELECT name FROM person")}
    assert {"李娜", "钱进", "孙丽"} <= people
    code, out, _ = run(capsys, "import", "training", path, "--db", db_path)
    assert code == 0 and "0 to create, 0 to update, 4 unchanged" in out
    assert len(rows_of(db_path, ATTENDED)) == 4


def test_bad_cells_are_named_and_nothing_is_written(
    capsys, plant: Services, tmp_path: Path, db_path: Path, table_dump: Callable[[], list[Any]]
) -> None:
    rows = [list(r) for r in FLAT_ROWS]
    rows[1][8] = "120"  # a score above 100
    rows[2][0] = "2026-02-30"  # no such day
    path = flat_csv(tmp_path / "错.csv", "gb18030", rows)
    before = table_dump()
    code, _, err = run(capsys, "--lang", "en", "import", "training", path, "--db", db_path)
    assert code == 2
    lines = [line for line in err.splitlines() if "row" in line and "column" in line]
    assert any("row 4, column I (成绩)" in line for line in lines), err
    assert any("row 5, column A (培训日期)" in line and "2026-02-30" in line for line in lines)
    assert table_dump() == before


def test_a_session_without_its_module_is_refused(
    capsys, plant: Services, tmp_path: Path, db_path: Path
) -> None:
    rows = [[*r[:3], "", *r[4:]] for r in FLAT_ROWS[:1]]
    path = flat_csv(tmp_path / "无模块.csv", "utf-8-sig", rows)
    code, _, err = run(capsys, "--lang", "zh_CN", "import", "training", path, "--db", db_path)
    assert code == 2
    assert "row 3" in err and "ERP模块" in err
    assert rows_of(db_path, "SELECT count(*) FROM training_session") == [(0,)]


def _block_sheet(
    path: Path, hours: str, signatures: tuple[object, ...] = ("王小明", "李娜")
) -> Path:
    """A sign-in sheet whose block says 所属模块 and 培训时长 as many plants write them; 赵强
    did not sign."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["常州工厂 ERP 系统培训签到表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["培训主题：采购订单创建与审批", None, None, "培训时间：2026年11月18日"])
    sheet.append(["培训讲师：周敏", None, None, "培训形式：培训课"])
    sheet.append(["所属模块：采购", None, None, f"培训时长：{hours}"])
    sheet.append([])
    sheet.append(["序号", "姓名", "所在部门", "签名", "考核成绩"])
    sheet.append([1, "王小明", "采购部", signatures[0], 88])
    sheet.append([2, "李娜", "采购部", signatures[1], 92])
    sheet.append([3, "赵强", "仓储部", None, None])
    book.save(path)
    return path


def test_a_block_in_the_words_plants_use_and_hours_with_their_unit(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    job = _job(plant, _block_sheet(tmp_path / "签到.xlsx", "2小时"))
    preview = job.preview()
    assert preview.rejected == [] and preview.created == 2
    # 赵强 did not come: neither he nor his department is proposed for the lists
    new = {(e.table, e.values.get("name")) for e in preview.new_entries}
    assert ("person", "赵强") not in new and ("department", "仓储部") not in new
    assert ("person", "李娜") in new
    job.write(preview)
    assert rows_of(
        db_path,
        "SELECT s.topic, m.name, s.duration_hours FROM training_session AS s "
        "JOIN erp_module AS m ON m.id = s.erp_module_id",
    ) == [("采购订单创建与审批", "采购", 2.0)]
    # the others signed: 赵强's empty signature is someone who did not come
    assert [r[6] for r in rows_of(db_path, ATTENDED)] == ["王小明", "李娜"]
    assert rows_of(db_path, "SELECT count(*) FROM person WHERE name = '赵强'") == [(0,)]


def test_a_sheet_that_no_one_signs_counts_everyone_listed(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    job = _job(plant, _block_sheet(tmp_path / "名单.xlsx", "2小时", signatures=(None, None)))
    preview = job.preview()
    assert preview.rejected == [] and preview.created == 3
    assert ("person", "赵强") in {(e.table, e.values.get("name")) for e in preview.new_entries}
    job.write(preview)
    assert [r[6] for r in rows_of(db_path, ATTENDED)] == ["王小明", "李娜", "赵强"]


def test_a_wrong_value_above_the_table_is_named_where_it_is_written(
    plant: Services, tmp_path: Path, table_dump: Callable[[], list[Any]]
) -> None:
    before = table_dump()
    job = _job(plant, _block_sheet(tmp_path / "签到.xlsx", "两个钟头"), language="en")
    preview = job.preview()
    assert [(r.row, r.column) for r in preview.rejected] == [(4, "D")]  # 培训时长：两个钟头
    assert preview.rejected[0].header == "Duration (hours)"
    assert table_dump() == before
