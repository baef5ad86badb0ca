"""Spreadsheets as plants have them, built in the tests: a 问题跟踪表 with a title row,
merged cells, blank rows and totals rows; CSV in GBK and UTF-8; formula cells with their
cached values; and the files an import must refuse."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

HEADERS = [
    "问题编号",
    "问题描述",
    "模块",
    "工厂",
    "部门",
    "负责人",
    "提出日期",
    "状态",
    "频次",
    "严重程度",
]
ROWS: list[list[Any]] = [
    [
        "WX-001",
        "采购订单审批慢",
        "采购",
        "无锡工厂",
        "采购部",
        "王小明",
        dt.datetime(2026, 7, 1),
        "待处理",
        "每天",
        4,
    ],
    [
        "WX-002",
        "销售发货单打印乱码",
        "销售",
        "无锡工厂",
        "销售部",
        "李娜",
        46205,
        "分析中",
        "每周",
        3,
    ],
    [
        "WX-003",
        "月结关账慢",
        "财务",
        "无锡工厂",
        "财务部",
        "王小明",
        "2026/7/3",
        "已关闭",
        30,
        "高",
    ],
    [
        "WX-004",
        "BOM版本不一致",
        "生产",
        "常州工厂",
        "生产部",
        "赵强",
        "2026年7月4日",
        "已关闭",
        "每月",
        2,
    ],
]


def plant_workbook(
    path: Path, rows: Sequence[Sequence[Any]] = ROWS, headers: Sequence[str] = HEADERS
) -> Path:
    """Title row merged across the sheet, a blank row, a totals row above the header (a
    summary box), the header, the rows with the site merged down its rows, a blank row
    and a totals row below."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "问题跟踪表"
    sheet.append(["无锡工厂 ERP 问题跟踪表（2026年7月）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(["合计", f"{len(rows)} 项"])
    sheet.append(list(headers))
    first = sheet.max_row + 1
    for row in rows:
        sheet.append(list(row))
    if len(rows) > 1 and "工厂" in headers:
        column = list(headers).index("工厂") + 1
        same = [r[column - 1] for r in rows]
        if len(set(same[:3])) == 1:  # 无锡工厂 merged over its first three rows
            for r in range(first + 1, first + 3):
                sheet.cell(r, column).value = None
            sheet.merge_cells(
                start_row=first, start_column=column, end_row=first + 2, end_column=column
            )
    sheet.append([])
    sheet.append(["合计", len(rows)])
    sheet.append(["制表人：王小明    审核：李娜"])
    book.save(path)
    return path


def with_formula(path: Path, cell: str, formula: str) -> Path:
    """``cell`` (holding a number) made a formula cell that keeps that number as its cached
    value, as Excel saves one (openpyxl itself writes formulas without cached values)."""
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {item: archive.read(item) for item in archive.namelist()}
    xml = parts[name].decode("utf-8")
    pattern = re.compile(rf'<c r="{cell}"([^>]*)><v>([^<]*)</v></c>')
    assert pattern.search(xml), f"no number in {cell}"
    xml = pattern.sub(lambda m: f'<c r="{cell}"><f>{formula}</f><v>{m.group(2)}</v></c>', xml)
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in parts.items():
            archive.writestr(item, data)
    return path


def csv_file(path: Path, encoding: str, rows: Sequence[Sequence[Any]] | None = None) -> Path:
    lines = [",".join(HEADERS)]
    for row in rows or ROWS:
        cells = [c.strftime("%Y/%m/%d") if isinstance(c, dt.datetime) else str(c) for c in row]
        lines.append(",".join(cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
