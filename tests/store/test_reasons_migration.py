"""Migration 0003 upgrades a 0002 file full of data: every row kept, the two new tables
(status changes with their reasons, team rules) empty and never reusing ids, its own
entry in the audit chain, and the record sound before and after it is used."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from old_programs import imported_at, write_demo_before_0006

from workbench.services import Services
from workbench.store.audit import MIGRATE, SCHEMA
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import upgrade

NEW_TABLES = ("status_change", "team_setting")


def sql(path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def rows_of_every_table(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    names = sql(
        path,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT IN ('alembic_version', 'audit_entry')",
    )
    return {name: sql(path, f"SELECT * FROM {name} ORDER BY 1") for (name,) in names}


@pytest.fixture
def file_0002(tmp_path: Path) -> Path:
    """A database at 0002 holding the demo's 48 problems, written as the bulk writer does
    (today's services keep status changes in a table 0002 does not have)."""
    path = tmp_path / "workbench.sqlite3"
    database = Database(resolve_target(str(path)))
    try:
        upgrade(database, target="0002")
        write_demo_before_0006(Services.build(database, "tester"), path)
    finally:
        database.dispose()
    assert sql(path, "SELECT version_num FROM alembic_version") == [("0002",)]
    return path


def test_a_0002_file_with_data_upgrades_to_0003_and_stays_sound(file_0002: Path) -> None:
    before = rows_of_every_table(file_0002)
    (last_entry,), *_ = sql(file_0002, "SELECT max(id) FROM audit_entry")
    assert sql(file_0002, "SELECT count(*) FROM problem") == [(48,)]

    database = Database(resolve_target(str(file_0002)))
    try:
        backup = upgrade(database, target="0003")  # this revision, whatever comes after
        imported_at(file_0002, add=True)  # today's model reads a problem's imported_at (0013)
        services = Services.build(database, "王芳")
        report = services.integrity.check(full=True)
        assert report.sound, report

        # The upgraded file works with the new rules: a reason kept, a rule relaxed.
        problem_id = sql(file_0002, "SELECT min(id) FROM problem WHERE status = 'open'")[0][0]
        services.problems.change_status(problem_id, "rejected", reason="重复问题")
        services.team.set_four_eyes_relaxed(True)
        assert [c.reason for c in services.problems.status_changes(problem_id)] == ["重复问题"]
        report = services.integrity.check(full=True)
        assert report.sound, report
    finally:
        database.dispose()
        imported_at(file_0002, add=False)

    assert backup is not None and backup.name.startswith("workbench.before-0002.")
    assert sql(backup, "SELECT version_num FROM alembic_version") == [("0002",)]
    assert sql(file_0002, "SELECT version_num FROM alembic_version") == [("0003",)]
    after = rows_of_every_table(file_0002)
    for table, rows in before.items():
        if table != "problem":  # one was rejected above
            assert after[table] == rows, table
    assert len(after["problem"]) == 48
    for table in NEW_TABLES:
        ddl = sql(file_0002, "SELECT sql FROM sqlite_master WHERE name = ?", table)[0][0]
        assert "AUTOINCREMENT" in ddl, table
    migrated = sql(
        file_0002,
        "SELECT action, entity, old_value, new_value FROM audit_entry WHERE id = ?",
        last_entry + 1,
    )
    assert migrated[0][:3] == (MIGRATE, SCHEMA, "0002")
    assert migrated[0][3].startswith("0003: status changes keep their reason")
    assert sql(file_0002, "PRAGMA foreign_key_check") == []
