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
checks, no audit). A lower bound is what no import into this schema can beat: the same
rows with no Python per row at all, staged, moved into ``problem`` and given a ``create``
audit entry each by INSERT … SELECT, the problem indexes built once, committed; its
search index fill (part of every write to this schema) is timed beside it. The import
is ``workbench import problem FILE`` as the command does it, in-process: the preview
pass (every cell read and every row checked as a single save would be, the checked rows
kept) and the write pass (those rows written with an audit entry per problem, then
indexed, in one transaction). The figures are rows a second, with the ratios beside.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

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


def _migrated(target: Path) -> None:
    """A freshly migrated database of the program at ``target`` (not timed)."""
    from workbench.app import open_services
    from workbench.settings import Settings

    open_services(str(target), Settings(user="bench")).close()


def _problem_rows(path: Path, ids: dict[str, dict[str, int]]) -> Iterator[Any]:
    """The sheet's rows as the program's problem columns, a chunk (a DataFrame) at a
    time, mapped by pandas: the names' ids, the dates and list values as stored."""
    import pandas

    from workbench.transfer.cells import choice_key
    from workbench.vocabulary import VOCABULARIES

    statuses = {s: choice_key(VOCABULARIES["status"], s) for s in STATUSES}
    frequencies = {f: choice_key(VOCABULARIES["frequency"], f) for f in FREQUENCIES}
    now = "2026-12-02 00:00:00.000000"
    for chunk in pandas.read_csv(path, dtype=str, chunksize=100_000, encoding="utf-8-sig"):
        values = chunk.set_axis(HEADER_KEYS, axis=1)
        yield pandas.DataFrame(
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


def schema_floor(path: Path, folder: Path) -> float:
    """Seconds for pandas.read_csv (chunks) + sqlite3 executemany of the same rows into
    the program's problem table (its indexes, its search triggers) of a migrated database."""
    target = folder / "schema-floor.sqlite3"
    _migrated(target)
    insert = f"INSERT INTO problem ({_PROBLEM_COLUMNS}) VALUES ({', '.join('?' * 15)})"
    with closing(sqlite3.connect(target)) as connection:
        ids = _lists(connection)
        started = time.perf_counter()
        for rows in _problem_rows(path, ids):
            connection.executemany(insert, rows.itertuples(index=False, name=None))
        connection.commit()
    return time.perf_counter() - started


def lower_bound(path: Path, folder: Path) -> tuple[float, float]:
    """Seconds of the least any import into this schema does, with no Python per row,
    and of its search index fill. The rows are read and mapped as for the schema floor
    and staged by executemany; then, as the program's connection is set (WAL, foreign
    keys, the write's page cache) and in one transaction, the problem indexes and search
    trigger are dropped, one INSERT … SELECT puts the rows into ``problem`` and another a
    ``create`` audit entry per problem (its snapshot by json_object, hashed not at all),
    the indexes are built again, and it commits. The search index is then filled from the
    new rows as a bulk write does (workbench.store.bulk_index), in a transaction of its own."""
    from workbench.store.bulk_index import WRITE_CACHE_KIB
    from workbench.store.search_docs import DOCS, FILL_GRAMS, fill

    target = folder / "lower-bound.sqlite3"
    _migrated(target)
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        for pragma in ("synchronous=NORMAL", "foreign_keys=ON", f"cache_size=-{WRITE_CACHE_KIB}"):
            connection.execute(f"PRAGMA {pragma}")
        ids = _lists(connection)
        columns = sorted(row[1] for row in connection.execute("PRAGMA table_info(problem)"))
        row_snapshot = ", ".join(f"'{c}', CAST({c} AS TEXT)" for c in columns)
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'problem' AND sql IS NOT NULL "
            "AND (type = 'index' OR name = 'search_problem_ai')"
        ).fetchall()
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(f"CREATE TEMP TABLE sheet ({_PROBLEM_COLUMNS})")
        insert = f"INSERT INTO sheet VALUES ({', '.join('?' * 15)})"
        for rows in _problem_rows(path, ids):
            connection.executemany(insert, rows.itertuples(index=False, name=None))
        for name, sql in indexes:
            kind = "TRIGGER" if sql.startswith("CREATE TRIGGER") else "INDEX"
            connection.execute(f'DROP {kind} "{name}"')
        connection.execute(
            f"INSERT INTO problem ({_PROBLEM_COLUMNS}) SELECT {_PROBLEM_COLUMNS} FROM sheet"
        )
        connection.execute(
            "INSERT INTO audit_entry (at, actor, action, entity, entity_id, new_value, "
            f"prev_hash, hash) SELECT created_at, 'bench', 'create', 'problem', id, "
            f"json_object({row_snapshot}), printf('%064d', id - 1), printf('%064d', id) "
            "FROM problem"
        )
        for _, sql in indexes:
            connection.execute(sql)
        connection.execute("COMMIT")
        record = time.perf_counter() - started
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        doc = next(doc for doc in DOCS if doc.kind == "problem")
        connection.execute(fill(doc))
        connection.execute(FILL_GRAMS)
        connection.execute("COMMIT")
    return record, time.perf_counter() - started


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
        bound_s, search_s = lower_bound(path, folder)
        preview_s, write_s, written = workbench_import(path, folder)
    assert written == rows
    whole = preview_s + write_s
    searched = bound_s + search_s  # what the import does too
    print(f"\nImport of {rows:,} problems from CSV ({size:,.0f} MB), same run:")
    lines = (
        ("floor: pandas read_csv + executemany, bare table", floor_s, ""),
        ("floor: the same into the program's problem table", schema_s, ""),
        ("lower bound: no Python per row, audited, indexed", bound_s, "x the bare floor"),
        (f"  with its search index fill ({search_s:.1f} s)", searched, "x the bare floor"),
    )
    for label, seconds, ratio in lines:
        beside = f"   {floor_s / seconds:4.2f}{ratio}" if ratio else ""
        print(f"  {label:50} {rows / seconds:10,.0f} rows/s{beside}")
    print(
        f"  {'workbench import, preview + write':50} {rows / whole:10,.0f} rows/s   "
        f"{floor_s / whole:4.2f}x the bare floor (goal 0.5x), "
        f"{schema_s / whole:4.2f}x the schema floor, {searched / whole:4.2f}x the lower bound "
        "with search"
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
