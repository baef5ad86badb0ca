"""Files an import meets: refused ones with their own message, and how plants write CSV."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from plant_sheets import ROWS, csv_file, plant_workbook

from workbench.transfer.files import FileRefused, detect_encoding, open_sheet


def refused(path: Path) -> FileRefused:
    with pytest.raises(FileRefused) as caught:
        sheet = open_sheet(path)
        list(sheet.rows())
    return caught.value


def test_an_image_renamed_xlsx_is_named_as_an_image(tmp_path: Path) -> None:
    path = tmp_path / "问题跟踪表.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    error = refused(path)
    assert error.code == "wrong_type"
    assert "PNG" in error.text("en") and "PNG" in error.text("zh_CN")


def test_a_truncated_workbook_is_damaged(tmp_path: Path) -> None:
    whole = plant_workbook(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    error = refused(cut)
    assert error.code == "damaged"
    assert "damaged or incomplete" in error.text("en")


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    # What Excel writes for a workbook with an open password: an OLE compound file whose
    # directory names the "EncryptedPackage" stream (and "EncryptionInfo").
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00") + struct.pack("<H", 34)
    path = tmp_path / "加密.xlsx"
    path.write_bytes(header + entry + b"\x00" * 1024)
    error = refused(path)
    assert error.code == "password"
    assert "password" in error.text("en") and "密码" in error.text("zh_CN")


def test_an_old_xls_asks_to_save_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    assert refused(path).code == "old_xls"


def test_a_zip_bomb_is_refused_at_once_without_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        # 300 MB of zeros deflate to about 300 KB: a ratio of a thousand.
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(300):
                member.write(block)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    error = refused(path)
    assert time.perf_counter() - started < 0.5
    assert error.code == "zip_bomb"


def test_an_empty_file_and_an_empty_sheet(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert refused(empty).code == "empty_file"


def test_gbk_csv_is_detected_and_read(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "问题.csv", "gbk")
    assert detect_encoding(path) == "gb18030"
    rows = list(open_sheet(path).rows())
    assert rows[0][1][:2] == ("问题编号", "问题描述")
    assert rows[1][1][1] == ROWS[0][1]


@pytest.mark.parametrize(("encoding", "found"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_utf8_with_and_without_bom(tmp_path: Path, encoding: str, found: str) -> None:
    path = csv_file(tmp_path / "问题.csv", encoding)
    assert detect_encoding(path) == found
    assert next(iter(open_sheet(path).rows()))[1][0] == "问题编号"  # no BOM left on the header


def test_a_wrongly_chosen_encoding_names_the_row(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "问题.csv", "gbk")
    with pytest.raises(FileRefused) as caught:
        list(open_sheet(path, encoding="utf-8").rows())
    assert caught.value.code == "encoding"
    assert "utf-8" in caught.value.text("en")


def test_a_csv_streams_without_holding_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("问题描述,提出日期\n")
        for n in range(300_000):
            out.write(f"仓库盘点差异 第{n}项,2026-07-01\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in open_sheet(path).rows())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 300_001
    assert peak < size / 10  # row by row: memory stays a small part of the file


def test_merged_cells_fill_every_cell_of_their_range(tmp_path: Path) -> None:
    rows = dict(open_sheet(plant_workbook(tmp_path / "p.xlsx")).rows())
    sites = [rows[n][3] for n in (5, 6, 7)]
    assert sites == ["无锡工厂"] * 3
