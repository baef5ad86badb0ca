"""Training sign-in sheets (培训签到表) as plants keep them, built in the tests: a workbook
with a merged title row, a session block above the table and a totals row; a flat list
in GBK CSV, one row per attendance with the session's columns repeated."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment


def sign_in_workbook(path: Path, scores: tuple[object, object] = (92, "85.5")) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "签到表"
    sheet.append(["ERP 培训签到表 2026年7月"])
    sheet.merge_cells("A1:E1")
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([])
    # the session block: a label and its value in the next cell, or after a colon
    sheet.append(["日期", dt.datetime(2026, 7, 8), "主题", "库存盘点差异处理", None])
    sheet.append(["讲师：王小明", None, "模块：库存", None, "形式：现场演练"])
    sheet.merge_cells("D3:E3")  # the topic's value spans two cells
    sheet.append([])
    sheet.append(["序号", "姓名", "部门", "签到", "成绩"])
    sheet.append([1, "王小明", "采购部", "√", scores[0]])
    sheet.append([2, "李雷", "财务部", "李雷", scores[1]])  # a signature
    sheet.append([3, "韩梅梅", "仓储部", "请假", None])  # on leave: not an attendance
    sheet.append([4, "赵敏", None, "√", None])  # no department on the sheet
    sheet.append(["合计", "4人", None, "3", None])
    sheet.append(["制表人：王小明"])
    book.save(path)
    return path


FLAT_HEADERS = ["培训日期", "培训主题", "讲师", "模块", "培训形式", "时长", "姓名", "部门", "成绩"]
FLAT_ROWS = [
    ["2026/7/1", "采购订单异常处理", "王小明", "采购", "培训课", "2", "王小明", "采购部", "90"],
    ["2026/7/1", "采购订单异常处理", "王小明", "采购", "培训课", "2", "钱进", "采购部", "78"],
    ["2026年7月15日", "月结关账", "李娜", "财务", "线上", "1.5", "孙丽", "财务部", ""],
    ["2026年7月15日", "月结关账", "李娜", "财务", "线上", "1.5", "王小明", "采购部", "88"],
]


def flat_csv(path: Path, encoding: str = "gbk", rows: list[list[str]] | None = None) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["2026年7月培训记录"])
        out.writerow(FLAT_HEADERS)
        out.writerows(FLAT_ROWS if rows is None else rows)
        out.writerow(["合计", "", "", "", "", "", "4人次", "", ""])
    return path
