"""Importing problems from a CSV file, beside a floor measured in the same run.

Usage: python -m bench.importing [--rows N]
A CSV of N problems as a plant's sheet has them (codes, titles, module, site,
department and owner names, dates written 2026/7/1, statuses and frequencies in Chinese,
a severity) is made in a temporary folder. The floor reads it with pandas.read_csv in
chunks and inserts the same rows with sqlite3's executemany into a bare table of the
same columns (no checks, no names looked up, no audit). A second floor pays what any
import into this schema must: the same read and executemany into the program's own
``problem`` table of a freshly migrated database, with its indexes and its search
triggers (the names' ids resolved beforehand, the list values mapped by pandas; no
checks, no audit). The import is ``workbench import problem FILE`` as the command does
it, in-process: the preview pass (every cell read and every row checked as a single save
would be, the checked rows kept) and the write pass (those rows written with an audit
entry per problem, in one transaction). The figure is rows a second, beside both floors'.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

MODULES = ("采购", "库存", "销售", "生产", "财务", "人力", "主数据")
SITES = ("无锡工厂", "苏州工厂", "常州工厂")
DEPARTMENTS = ("采购部", "仓储部", "销售部", "生产部", "财务部")
PEOPLE = ("王小明", "李娜", "赵强", "张伟", "刘洋")
STATUSES = ("待处理", "分析中", "解决中", "验证中")
FREQUENCIES = ("每天", "每周", "每月", "偶尔")
HEADER_KEYS = (
    "code",
    "title",
    "module",
    "site",
    "department",
    "owner",
    "reported_on",
    "status",
    "frequency",
    "severity",
)
HEADER = (
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
)


def make_csv(path: Path, rows: int) -> None:
    chance = random.Random(12)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(",".join(HEADER) + "\n")
        for n in range(1, rows + 1):
            day = f"2026/{chance.randint(1, 12)}/{chance.randint(1, 28)}"
            out.write(
                f"B-{n:07d},{chance.choice(MODULES)}单据处理异常 第{n}例,{chance.choice(MODULES)},"
                f"{chance.choice(SITES)},{chance.choice(DEPARTMENTS)},{chance.choice(PEOPLE)},"
                f"{day},{chance.choice(STATUSES)},{chance.choice(FREQUENCIES)},"
                f"{chance.randint(1, 5)}\n"
            )


def floor(path: Path, folder: Path) -> float:
    """Seconds for pandas.read_csv (chunks) + sqlite3 executemany of the same rows."""
    import pandas

    target = folder / "floor.sqlite3"
    started = time.perf_counter()
    with closing(sqlite3.connect(target)) as connection:
        connection.execute(
            "CREATE TABLE problem (id INTEGER PRIMARY KEY, code TEXT UNIQUE, title TEXT, "
            "module TEXT, site TEXT, department TEXT, owner TEXT, reported_on TEXT, "
            "status TEXT, frequency TEXT, severity INTEGER)"
        )
        insert = "INSERT INTO problem VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        for chunk in pandas.read_csv(path, dtype=str, chunksize=100_000, encoding="utf-8-sig"):
            connection.executemany(insert, chunk.itertuples(index=False, name=None))
        connection.commit()
    return time.perf_counter() - started


_PROBLEM_COLUMNS = (
    "code, title, description, erp_module_id, site_id, department_id, owner_id, "
    "reported_on, status, frequency, severity, impact, tags, created_at, updated_at"
)


def _lists(connection: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """The sheet's names as list entries of a migrated database: their ids by name."""
    made: dict[str, dict[str, int]] = {}
    for table, names in (
        ("erp_module", MODULES),
        ("site", SITES),
        ("department", DEPARTMENTS),
        ("person", PEOPLE),
    ):
        ids = made[table] = {}
        for n, name in enumerate(names, start=1):
            columns = {
                "erp_module": ("name, sort_order, active", (name, n, 1)),
                "site": ("code, name", (f"S{n}", name)),
                "department": ("name", (name,)),
                "person": ("login, name", (f"p{n}", name)),
            }[table]
            cursor = connection.execute(
                f"INSERT INTO {table} ({columns[0]}) VALUES ({', '.join('?' * len(columns[1]))})",
                columns[1],
            )
            ids[name] = int(cursor.lastrowid or 0)
    connection.commit()
    return made


def schema_floor(path: Path, folder: Path) -> float:
    """Seconds for pandas.read_csv (chunks) + sqlite3 executemany of the same rows into
    the program's problem table (its indexes, its search triggers) of a migrated database."""
    import pandas

    from workbench.app import open_services
    from workbench.settings import Settings
    from workbench.transfer.cells import choice_key
    from workbench.vocabulary import VOCABULARIES

    target = folder / "schema-floor.sqlite3"
    open_services(str(target), Settings(user="bench")).close()  # migrated, not timed
    statuses = {s: choice_key(VOCABULARIES["status"], s) for s in STATUSES}
    frequencies = {f: choice_key(VOCABULARIES["frequency"], f) for f in FREQUENCIES}
    now = "2026-12-02 00:00:00.000000"
    insert = f"INSERT INTO problem ({_PROBLEM_COLUMNS}) VALUES ({', '.join('?' * 15)})"
    with closing(sqlite3.connect(target)) as connection:
        ids = _lists(connection)
        started = time.perf_counter()
        for chunk in pandas.read_csv(path, dtype=str, chunksize=100_000, encoding="utf-8-sig"):
            values = chunk.set_axis(HEADER_KEYS, axis=1)
            rows = pandas.DataFrame(
                {
                    "code": values.code,
                    "title": values.title,
                    "description": "",
                    "erp_module_id": values.module.map(ids["erp_module"]),
                    "site_id": values.site.map(ids["site"]),
                    "department_id": values.department.map(ids["department"]),
                    "owner_id": values.owner.map(ids["person"]),
                    "reported_on": pandas.to_datetime(
                        values.reported_on, format="%Y/%m/%d"
                    ).dt.strftime("%Y-%m-%d"),
                    "status": values.status.map(statuses),
                    "frequency": values.frequency.map(frequencies),
                    "severity": values.severity.astype(int),
                    "impact": 3,
                    "tags": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            connection.executemany(insert, rows.itertuples(index=False, name=None))
        connection.commit()
    return time.perf_counter() - started


def workbench_import(path: Path, folder: Path) -> tuple[float, float, int]:
    """Seconds of the preview and of the write, and the problems written."""
    from workbench.app import open_services
    from workbench.settings import Settings
    from workbench.transfer.plan import Import
    from workbench.transfer.problems import PROBLEMS

    services = open_services(str(folder / "import.sqlite3"), Settings(user="bench"))
    try:
        for name in MODULES:
            services.lookups.add_module(name)
        started = time.perf_counter()
        job = Import(services, PROBLEMS, path, language="zh_CN")
        preview = job.preview()
        checked = time.perf_counter()
        assert not preview.rejected, preview.rejected[:3]
        written = job.write(preview)
        done = time.perf_counter()
    finally:
        services.close()
    return checked - started, done - checked, written.created


def report(rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as temporary:
        folder = Path(temporary)
        path = folder / "problems.csv"
        make_csv(path, rows)
        size = path.stat().st_size / 1024**2
        floor_s = floor(path, folder)
        schema_s = schema_floor(path, folder)
        preview_s, write_s, written = workbench_import(path, folder)
    assert written == rows
    whole = preview_s + write_s
    print(f"\nImport of {rows:,} problems from CSV ({size:,.0f} MB), same run:")
    print(f"  floor: pandas read_csv + executemany, bare table  {rows / floor_s:10,.0f} rows/s")
    print(f"  floor: the same into the program's problem table  {rows / schema_s:10,.0f} rows/s")
    print(
        f"  workbench import, preview + write                 {rows / whole:10,.0f} rows/s   "
        f"{floor_s / whole:4.2f}x the bare floor, {schema_s / whole:4.2f}x the schema floor   "
        "goal >= 0.5x"
    )
    print(
        f"    preview {preview_s:6.1f} s ({rows / preview_s:,.0f} rows/s), "
        f"write {write_s:6.1f} s ({rows / write_s:,.0f} rows/s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importing", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    report(args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
