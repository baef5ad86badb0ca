"""A big import, written fast: the search indexed and the problem indexes rebuilt once at
the end, the preview's checked rows written without reading the file again, and still
the same schema, the same search, the same audit chain, the same all-or-nothing."""

from __future__ import annotations

import csv
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.progress import Cancelled, Progress
from workbench.transfer.files import FileRefused
from workbench.transfer.plan import Import
from workbench.transfer.problems import PROBLEMS

HEADER = [
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
STATUSES = ("待处理", "分析中", "解决中", "验证中")


def _rows(count: int, start: int = 1, word: str = "单据") -> list[list[Any]]:
    return [
        [
            f"B-{n:05d}",
            f"库存{word}处理异常 第{n}例",
            ("采购", "库存", "销售")[n % 3],
            ("无锡工厂", "苏州工厂")[n % 2],  # 苏州工厂: a new site
            ("采购部", "仓储部")[n % 2],  # 仓储部: a new department
            ("王小明", "李娜")[n % 2],  # 李娜: a new person
            f"2026/{n % 12 + 1}/{n % 28 + 1}",
            STATUSES[n % 4],
            ("每天", "每周", "每月")[n % 3],
            n % 5 + 1,
        ]
        for n in range(start, start + count)
    ]


def _file(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([HEADER, *rows])
    return path


def _schema(path: Path) -> list[tuple[Any, ...]]:
    """Every table, index, trigger and view as sqlite_master keeps its definition."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()


def _import(services: Services, path: Path) -> Any:
    job = Import(services, PROBLEMS, path, language="zh_CN")
    found = job.preview()
    assert not found.rejected, found.rejected[:3]
    return job, found


def test_a_big_import_leaves_the_schema_as_migrated_and_the_record_sound(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    before = _schema(db_path)
    with plant.database.writer_engine.connect() as connection:
        cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(5_000)))
    assert found.kept is not None  # the checked rows are kept for the write
    written = job.write(found)
    assert (written.created, written.entries) == (5_000, 3)
    assert _schema(db_path) == before  # indexes and search triggers back as they were
    with plant.database.writer_engine.connect() as connection:  # its page cache given back
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == cache
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM problem WHERE severity = 3 ORDER BY id"
        ).fetchall()
        count = connection.execute("SELECT count(*) FROM problem").fetchone()[0]
        entries = connection.execute(
            "SELECT count(*) FROM audit_entry WHERE entity = 'problem' AND action = 'create'"
        ).fetchone()[0]
    assert "ix_problem_severity" in str(plan)  # the rebuilt index is used
    assert count == entries == 5_000
    report = plant.integrity.check(full=True)  # chain, rows against it, search index
    assert report.sound, report


def test_search_finds_imported_problems_and_later_saves_keep_the_index(
    plant: Services, tmp_path: Path
) -> None:
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(3_000)))
    job.write(found)
    hits = plant.search.search("第2345例").hits
    assert [(h.kind, h.code) for h in hits] == [("problem", "B-02345")]
    two = plant.search.search("异常").hits  # a 2-character word: the gram index
    assert two and all(h.kind == "problem" for h in two)
    # The triggers are back: a problem added after the import is found too.
    later = _rows(1, start=9_001, word="发票")
    job, found = _import(plant, _file(tmp_path / "one.csv", later))
    job.write(found)
    assert [h.code for h in plant.search.search("发票").hits] == ["B-09001"]
    assert plant.integrity.check(full=True).sound


def test_a_small_import_into_a_big_table_keeps_its_indexes(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(2_000)))
    job.write(found)
    before = _schema(db_path)
    job, found = _import(plant, _file(tmp_path / "small.csv", _rows(10, start=5_000)))
    job.write(found)
    assert _schema(db_path) == before
    assert [h.code for h in plant.search.search("第5003例").hits] == ["B-05003"]
    assert plant.integrity.check(full=True).sound


def test_a_file_saved_again_after_the_preview_is_read_and_checked_again(
    plant: Services, tmp_path: Path
) -> None:
    rows = _rows(50)
    path = _file(tmp_path / "p.csv", rows)
    job, found = _import(plant, path)
    rows[4][1] = "改过的描述"
    _file(path, rows)
    later = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(later, later))
    job.write(found)
    changed = plant.problems.get(plant.problems.id_of("B-00005"))
    assert changed.title == "改过的描述"  # the file as it is now, not as previewed

    rows = _rows(50, start=100)
    path = _file(tmp_path / "q.csv", rows)
    job, found = _import(plant, path)
    rows[2][6] = "2026-02-30"  # now wrong: the write refuses it and writes nothing
    _file(path, rows)
    os.utime(path, ns=(later + 1, later + 1))
    with pytest.raises(FileRefused):
        job.write(found)
    assert plant.problems.id_of("B-00100") is None


def test_a_database_changed_after_the_preview_is_checked_again(
    plant: Services, tmp_path: Path
) -> None:
    job, found = _import(plant, _file(tmp_path / "p.csv", _rows(20)))
    assert found.created == 20
    # Meanwhile someone imports problem B-00008 with another title.
    other = _rows(1, start=8, word="别人")
    other_job, other_found = _import(plant, _file(tmp_path / "other.csv", other))
    other_job.write(other_found)
    written = job.write(found)  # the preview's rows would clash with B-00008: read again
    assert (written.created, written.updated) == (19, 1)
    assert plant.problems.get(plant.problems.id_of("B-00008")).title == "库存单据处理异常 第8例"
    assert plant.integrity.check(full=True).sound


def test_cancel_during_a_big_write_leaves_rows_and_schema_as_before(
    plant: Services, tmp_path: Path, db_path: Path, table_dump
) -> None:
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(3_000)))
    kept = found.kept
    assert kept is not None and not kept.discarded
    before, schema = table_dump(), _schema(db_path)
    progress = Progress()

    def cancel_midway(done: int, total: int, message: str) -> None:
        if done >= 2_000:
            progress.cancel()

    progress._listener = cancel_midway
    with pytest.raises(Cancelled):
        job.write(found, progress)
    assert table_dump() == before and _schema(db_path) == schema
    assert kept.discarded  # the kept rows do not outlive the write


def test_causes_and_solutions_of_a_big_import_are_indexed_for_search(
    plant: Services, tmp_path: Path, db_path: Path
) -> None:
    before = _schema(db_path)
    rows = [
        [*row, f"盘点差异原因{n}号", f"每日复盘措施{n}号"] for n, row in enumerate(_rows(1_000))
    ]
    path = tmp_path / "chain.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([[*HEADER, "cause.description", "solution.title"], *rows])
    job, found = _import(plant, path)
    job.write(found)
    assert _schema(db_path) == before
    causes = plant.search.search("盘点差异原因417号").hits
    solutions = plant.search.search("每日复盘措施417号").hits
    assert [(h.kind, h.code) for h in causes] == [("cause", "B-00418")]
    assert [(h.kind, h.code) for h in solutions] == [("solution", "B-00418")]
    assert plant.integrity.check(full=True).sound


class _CancelWhileIndexing(Progress):
    """Cancelled by the user once every row is written, while the new rows are indexed."""

    def __init__(self) -> None:
        super().__init__()
        self.written = False
        self.steps = 0

    def report(self, done: int, total: int = 0, message: str = "") -> None:
        super().report(done, total, message)
        self.written = done == total

    def check(self) -> None:
        if self.written:
            self.steps += 1
            if self.steps == 3:  # the third index built
                self.cancel()
        super().check()


def test_cancel_while_the_new_rows_are_indexed_rolls_everything_back(
    plant: Services, tmp_path: Path, db_path: Path, table_dump
) -> None:
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(3_000)))
    before, schema = table_dump(), _schema(db_path)
    progress = _CancelWhileIndexing()
    with pytest.raises(Cancelled):
        job.write(found, progress)
    assert progress.steps == 3
    assert table_dump() == before and _schema(db_path) == schema
    job, found = _import(plant, _file(tmp_path / "big.csv", _rows(3_000)))
    assert job.write(found).created == 3_000  # and it can be imported after all
    assert plant.integrity.check(full=True).sound
