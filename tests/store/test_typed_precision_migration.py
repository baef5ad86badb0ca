"""Migration 0006 keeps the decimals of a result's figures from now on: a file from before
it, full of results, upgrades with every row kept, its figures not known to have decimals
(they read as they did), and the record sound; a figure typed afterwards keeps its own."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from old_programs import DECIMALS, write_demo_before_0006

from workbench.services import Services
from workbench.services.chain import RESULT
from workbench.services.numbers import guess_decimals, texts
from workbench.store.audit import MIGRATE, SCHEMA
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import upgrade


def sql(path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def test_a_file_from_before_0006_upgrades_and_its_figures_read_as_they_did(
    tmp_path: Path,
) -> None:
    path = tmp_path / "workbench.sqlite3"
    database = Database(resolve_target(str(path)))
    try:
        upgrade(database, target="0005")  # the revision before 0006
        write_demo_before_0006(Services.build(database, "tester"), path)
        columns = [row[1] for row in sql(path, "PRAGMA table_info(result)")]
        assert not set(DECIMALS) & set(columns)
        before = sql(path, "SELECT id, baseline_value, value_after FROM result ORDER BY id")
        assert before

        upgrade(database)
        services = Services.build(database, "王芳")
        report = services.integrity.check(full=True)
        assert report.sound, report
        after = sql(
            path,
            "SELECT id, baseline_value, value_after, baseline_decimals, after_decimals"
            " FROM result ORDER BY id",
        )
        assert [row[:3] for row in after] == before
        assert {row[3:] for row in after} == {(None, None)}  # not known

        # Not known: a figure reads with the decimals its pair needs, as before 0006.
        result_id, problem_id = sql(
            path,
            "SELECT r.id, p.id FROM result r JOIN solution s ON r.solution_id = s.id"
            " JOIN cause c ON s.cause_id = c.id JOIN problem p ON c.problem_id = p.id"
            " WHERE p.status = 'verifying' AND r.value_after IS NOT NULL ORDER BY r.id",
        )[0]
        result = services.problems.get(problem_id).results()[0]
        assert result.id == result_id
        assert (result.baseline_decimals, result.after_decimals) == (None, None)
        baseline, value_after = result.baseline_value, result.value_after
        assert value_after is not None
        places = max(guess_decimals(baseline), guess_decimals(value_after))
        assert texts([result.baseline, result.after]) == [
            f"{baseline:.{places}f}",
            f"{value_after:.{places}f}",
        ]

        # Typed again, a figure keeps its decimals, and the record stays sound.
        services.chain.update(RESULT, result_id, {"baseline_value": f"{baseline:.2f}"})
        assert sql(path, "SELECT baseline_decimals FROM result WHERE id = ?", result_id) == [(2,)]
        report = services.integrity.check(full=True)
        assert report.sound, report
    finally:
        database.dispose()

    migrated = sql(
        path,
        "SELECT action, entity, new_value FROM audit_entry WHERE new_value LIKE '0006: %'",
    )
    assert [m[:2] for m in migrated] == [(MIGRATE, SCHEMA)]
    assert "decimals" in migrated[0][2]
