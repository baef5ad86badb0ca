"""The bulk writer stores rows as the ORM path would, chains them, and rolls back whole."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workbench.services import Services
from workbench.store.audit import snapshot
from workbench.store.bulk import (
    NewCause,
    NewProblem,
    NewResult,
    NewSolution,
    bulk_writer,
    row_snapshot,
    write_problems,
)
from workbench.store.bulk_columns import snapshots


@pytest.fixture
def count(db_path: Path) -> Callable[[str], int]:
    def rows(table: str) -> int:
        with closing(sqlite3.connect(db_path)) as raw:
            return int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    return rows


def _problem(**changes: Any) -> NewProblem:
    values: dict[str, Any] = {
        "title": "库存差异率高",
        "description": "盘点时账实不符",
        "erp_module_id": None,
        "department_id": None,
        "site_id": None,
        "hidden_cost": "data_governance",
        "severity": 4,
        "frequency": "weekly",
        "impact": 3,
        "reporter_id": None,
        "owner_id": None,
        "reported_on": dt.date(2025, 3, 1),
        "due_on": None,
        "closed_on": None,
        "tags": "",
        "status": "solving",
        "created_at": dt.datetime(2025, 3, 1, 9),
        "updated_at": dt.datetime(2025, 3, 2, 17, 30, 0, 123),
        "imported_at": None,
        **changes,
    }
    result = NewResult(
        {
            "metric": "差异率",
            "unit": "%",
            "direction": "lower",
            "baseline_value": 2.0,
            "baseline_decimals": 1,
            "baseline_on": dt.date(2025, 3, 1),
            "value_after": None,
            "after_decimals": None,
            "measured_on": None,
            "verified_by_id": None,
            "verified_at": None,
        }
    )
    solution = NewSolution(
        {
            "title": "统一物料编码",
            "description": "",
            "kind": "corrective",
            "governance_path": None,
            "owner_id": None,
            "due_on": None,
            "status": "planned",
            "done_on": None,
        },
        [result],
    )
    cause = NewCause(
        {
            "description": "物料编码不统一",
            "category": None,
            "is_root": True,
            "evidence": "",
            "verified": False,
        },
        ["一物多码", "无编码规则"],
        [solution],
    )
    return NewProblem(values, [cause])


@pytest.mark.parametrize(
    "row",
    [
        {"id": 7, "title": '引号 " 与 \\ 反斜杠', "tags": "", "note": None},
        {"flag": True, "off": False, "n": -3, "big": 2**70, "x": 0.1, "y": -0.0, "z": 1e300},
        {"day": dt.date(2025, 3, 1), "at": dt.datetime(2025, 3, 1, 9, 0, 0, 5)},
        {"b": "\x00\n\t\u2028", "a": "ü", "emoji": "😀"},
        {"100%": "%s", "%s": "%d", "": 1},
    ],
)
def test_row_snapshot_is_the_audit_snapshot(row: dict[str, Any]) -> None:
    assert row_snapshot(row) == snapshot(row)


def test_a_batch_gets_each_rows_audit_snapshot() -> None:
    """Column by column, values that repeat converted once: equal values written
    differently (1 and True, 0.0 and -0.0, the same time in two zones) keep their own text."""
    day, at = dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 9, 0, 0, 5)
    zoned = dt.datetime(2025, 3, 1, 10, 0, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    columns = {
        "id": list(range(1, 41)),
        "flag": [True, 1, False, 0] * 10,
        "x": [0.0, -0.0, 1.0, 1] * 10,
        "day": [day, None] * 20,
        "at": [at, at.replace(tzinfo=dt.UTC), zoned, at] * 10,
        "title": [f"第{n}例 “引号” \\" for n in range(40)],
        "tags": [""] * 40,
        "note": [None] * 40,
    }
    rows = [{key: values[n] for key, values in columns.items()} for n in range(40)]
    assert snapshots(rows, list(columns)) == [snapshot(row) for row in rows]
    assert snapshots([], ["id"]) == []


def test_rows_are_stored_as_the_orm_stores_them(services: Services, db_path) -> None:
    """Dates, times and flags written in bulk read back exactly like those of a save."""
    write_problems(services.database, "tester", [_problem()])
    single = services.problems.create(
        {
            "title": "库存差异率高",
            "severity": 4,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": dt.date(2025, 3, 1),
        }
    )
    with closing(sqlite3.connect(db_path)) as raw:
        rows = raw.execute(
            "SELECT typeof(reported_on), reported_on, typeof(created_at), length(created_at)"
            " FROM problem ORDER BY id"
        ).fetchall()
        flags = raw.execute("SELECT typeof(is_root), is_root FROM cause").fetchall()
    assert rows[0] == rows[1] == ("text", "2025-03-01", "text", 26)
    assert flags == [("integer", 1)]
    detail = services.problems.get(1)
    assert detail.updated_at == dt.datetime(2025, 3, 2, 17, 30, 0, 123)
    assert detail.causes[0].whys == ("一物多码", "无编码规则")
    assert (detail.code, single.code) == ("P-2025-0001", "P-2025-0002")
    assert services.integrity.check(full=True).sound


@pytest.mark.parametrize("position", [0, 1])
def test_rows_without_every_column_are_refused_and_nothing_is_written(
    services: Services, count, position: int
) -> None:
    entries = count("audit_entry")
    problems = [_problem(), _problem()]
    del problems[position].values["tags"]

    with pytest.raises(RuntimeError, match="bulk rows for problem differ in"):
        write_problems(services.database, "tester", problems)

    assert (count("problem"), count("cause"), count("audit_entry")) == (0, 0, entries)


def test_a_progress_that_raises_rolls_everything_back(services: Services, count) -> None:
    class Stop(Exception):
        pass

    def stop(done: int) -> None:
        if done == 4:
            raise Stop

    entries = count("audit_entry")  # the new database's KPIs
    with pytest.raises(Stop):
        write_problems(services.database, "tester", (_problem() for _ in range(5)), stop, every=2)

    assert (count("problem"), count("code_sequence"), count("audit_entry")) == (0, 0, entries)


def test_ids_never_go_back_to_a_deleted_one(services: Services) -> None:
    kept = services.problems.create(
        {
            "title": "一",
            "severity": 1,
            "impact": 1,
            "frequency": "daily",
            "reported_on": "2025-01-02",
        }
    )
    gone = services.problems.create(
        {
            "title": "二",
            "severity": 1,
            "impact": 1,
            "frequency": "daily",
            "reported_on": "2025-01-02",
        }
    )
    services.problems.delete(gone.id)

    with bulk_writer(services.database, "tester") as writer:
        writer.add(_problem())

    assert services.problems.id_of("P-2025-0003") == gone.id + 1 == kept.id + 2
    assert services.integrity.check(full=True).sound


def test_the_acting_person_is_created_once_and_audited(services: Services, count) -> None:
    with bulk_writer(services.database, "neu") as writer:
        first = writer.person("neu")
        assert writer.person("neu") == first
        writer.add(_problem(reporter_id=first))

    assert count("person") == 1
    assert services.integrity.check(full=True).sound
