"""A later migration that adds a column leaves ``check`` sound, and tampering still shows.

A copy of the shipped migrations gets a test-only revision after the head that rebuilds ``problem``
with a new column ``note`` (TEXT, with a server default), as a real migration would. A
database full of demo data is upgraded through it. The rows made before it do not have
``note`` in their audit snapshots: that is not a breach. A recorded field changed behind
the program's back is still one, and so is ``note`` once an entry has recorded it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workbench import paths
from workbench.cli.demo import write_demo
from workbench.services import Services
from workbench.store.audit import MIGRATE, SCHEMA, Change, append
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import MIGRATION_ACTOR, upgrade
from workbench.store.target import known_revisions

NOTE_DEFAULT = "待补充"
# The shipped head and the test-only revision written after it.
HEAD = known_revisions()[-1]
NEXT = f"{int(HEAD) + 1:04d}"
NOTE_REVISION = f'''"""a note on every problem (test only)

Revision ID: {NEXT}
Revises: {HEAD}
"""

import sqlalchemy as sa
from alembic import op

revision = "{NEXT}"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table(
        "problem", recreate="always", table_kwargs={{"sqlite_autoincrement": True}}
    ) as batch_op:
        batch_op.add_column(
            sa.Column("note", sa.Text(), nullable=False, server_default="{NOTE_DEFAULT}")
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "problem", recreate="always", table_kwargs={{"sqlite_autoincrement": True}}
    ) as batch_op:
        batch_op.drop_column("note")
'''


def sql(path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    """SQL straight on the file, behind the program's back."""
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


@pytest.fixture(scope="module")
def migrations_with_note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("migrations") / "migrations"
    shutil.copytree(paths.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{NEXT}_problem_note.py").write_text(NOTE_REVISION, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory, migrations_with_note: Path) -> Path:
    """The demo (48 problems, through the services) at the shipped head, then upgraded
    through the next revision; made once, copied for every test."""
    path = tmp_path_factory.mktemp("demo") / "workbench.sqlite3"
    database = Database(resolve_target(str(path)))
    try:
        upgrade(database)
        write_demo(Services.build(database, "tester"), "zh_CN", 48, force=False)
        assert upgrade(database, migrations=migrations_with_note) is not None  # a backup
    finally:
        database.dispose()
    return path


@pytest.fixture
def path(migrated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "workbench.sqlite3"
    shutil.copyfile(migrated, copy)
    return copy


@pytest.fixture
def services(path: Path) -> Iterator[Services]:
    """Services on the upgraded file. Not open_services: the shipped program would refuse a
    file past its head as made by a newer program."""
    database = Database(resolve_target(str(path)))
    try:
        yield Services.build(database, "tester")
    finally:
        database.dispose()


def breach_of(services: Services) -> str | None:
    report = services.integrity.check(full=True)
    assert not report.storage_problems
    return None if report.breach is None else report.breach.reason


def oldest_problem(path: Path) -> int:
    return sql(path, "SELECT min(id) FROM problem")[0][0]


def test_the_demo_is_upgraded_through_the_next_revision_and_check_full_is_sound(
    path: Path, services: Services
) -> None:
    assert sql(path, "SELECT version_num FROM alembic_version") == [(NEXT,)]
    # The demo's 48 problems and the tickets its KPI alerts opened, each with its note.
    tickets = sql(path, "SELECT count(*) FROM kpi_alert WHERE problem_id IS NOT NULL")[0][0]
    assert tickets >= 3
    assert sql(path, "SELECT count(*), min(note), max(note) FROM problem") == [
        (48 + tickets, NOTE_DEFAULT, NOTE_DEFAULT)
    ]
    ddl = sql(path, "SELECT sql FROM sqlite_master WHERE name = 'problem'")[0][0]
    assert "AUTOINCREMENT" in ddl
    assert sql(path, "SELECT count(*) FROM cause")[0][0] > 0  # the rebuild kept the causes
    report = services.integrity.check(full=True)
    assert report.sound, report
    last = sql(path, "SELECT actor, action, entity, old_value, new_value FROM audit_entry"
               " ORDER BY id DESC LIMIT 1")  # fmt: skip
    assert last == [
        (MIGRATION_ACTOR, MIGRATE, SCHEMA, HEAD, f"{NEXT}: a note on every problem (test only)")
    ]


def test_every_migration_of_the_file_is_in_its_chain(path: Path) -> None:
    entries = sql(
        path,
        "SELECT entity_id, old_value, new_value FROM audit_entry WHERE action = ? ORDER BY id",
        MIGRATE,
    )
    # The demo was written at the head (a new file: no entry), then NEXT was applied.
    assert [(e[0], e[1]) for e in entries] == [(int(NEXT), HEAD)]


def test_a_recorded_field_changed_after_the_migration_is_found(
    path: Path, services: Services
) -> None:
    problem = oldest_problem(path)
    sql(path, "UPDATE problem SET title = '被改过的标题' WHERE id = ?", problem)
    assert breach_of(services) == f"problem {problem} field title was changed without the program"


def test_rows_added_or_removed_after_the_migration_are_found(
    path: Path, services: Services
) -> None:
    newest = sql(path, "SELECT max(id) FROM problem")[0][0]
    sql(
        path,
        "INSERT INTO problem (id, code, title, description, severity, frequency, impact,"
        " reported_on, tags, status, created_at, updated_at) VALUES (?, 'P-2099-0001', 'x',"
        " '', 3, 'weekly', 3, '2099-01-01', '', 'open', '2099-01-01 00:00:00',"
        " '2099-01-01 00:00:00')",
        newest + 10,
    )
    assert breach_of(services) == f"problem {newest + 10} was added without the program"
    sql(path, "DELETE FROM problem WHERE id = ?", newest + 10)
    sql(path, "DELETE FROM cause_why")
    assert breach_of(services) is not None
    assert "cause_why" in str(breach_of(services))
    assert "removed without the program" in str(breach_of(services))


def test_the_new_column_is_checked_once_an_entry_records_it(path: Path, services: Services) -> None:
    problem = oldest_problem(path)
    sql(path, "UPDATE problem SET note = '手改' WHERE id = ?", problem)
    assert breach_of(services) is None  # not recorded yet: nothing to hold it against
    with services.database.writer_engine.begin() as connection:  # as a newer program would
        connection.exec_driver_sql("UPDATE problem SET note = '已确认' WHERE id = ?", (problem,))
        append(
            connection, [Change("update", "problem", problem, "note", "手改", "已确认")], "tester"
        )
    assert breach_of(services) is None
    sql(path, "UPDATE problem SET note = '又改了' WHERE id = ?", problem)
    assert breach_of(services) == f"problem {problem} field note was changed without the program"


def test_problems_written_after_the_migration_are_sound(services: Services) -> None:
    made = services.problems.create(
        {
            "title": "月结延迟",
            "severity": 3,
            "impact": 3,
            "frequency": "monthly",
            "reported_on": "2025-05-01",
        }
    )
    services.problems.update(made.id, {"title": "月结延迟三天"}, made.version)
    report = services.integrity.check(full=True)
    assert report.sound, report
