"""Ids are never reused (SQLite AUTOINCREMENT), and migration 0002 gives that to old files.

A database at 0001 full of demo data is upgraded to 0002: every row, id, index and
foreign key is kept, the file is backed up first, the migration writes its own entry in
the audit chain, and ``workbench check --full`` finds the record sound.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from old_programs import later_columns, write_demo_before_0006
from sqlalchemy import Integer, delete, inspect, select
from sqlalchemy.orm import load_only

from workbench.cli.main import main
from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.store.audit import MIGRATE, REVISION, SCHEMA, Change, append, snapshot
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import MIGRATION_ACTOR, upgrade
from workbench.store.models import Base, Problem, Site
from workbench.store.target import known_revisions
from workbench.store.verify import verify_chain

PROBLEM: dict[str, Any] = {
    "title": "库存差异率高",
    "severity": 4,
    "impact": 3,
    "frequency": "weekly",
    "reported_on": "2025-03-01",
}
ID_TABLES = sorted(
    t.name
    for t in Base.metadata.sorted_tables
    if [c.name for c in t.primary_key.columns] == ["id"]
    and isinstance(t.c.id.type, Integer)
    and t.name != "audit_entry"  # its ids are the chain's own: previous head + 1
)
# Tables that later revisions made, with AUTOINCREMENT from the start.
AFTER_0002 = {
    "status_change",
    "team_setting",
    "attachment",
    "improvement_item",
    "improvement_item_problem",
    "training_session",
    "attendance",
    "training_link",
    "knowledge_entry",
    "knowledge_link",
    "knowledge_vote",
    "kpi",
    "kpi_measurement",
    "kpi_alert",
    "kpi_alert_breach",
    "result_kpi",
    "quarter_list",
    "pilot",
    "pilot_round",
    "pilot_rollout",
}


def sql(path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def open_database(path: Path, **options: Any) -> Database:
    """The database at ``path`` migrated as asked (to 0001 with ``target="0001"``)."""
    database = Database(resolve_target(str(path)))
    upgrade(database, **options)
    return database


def dump(path: Path) -> dict[str, Any]:
    """Every table's rows and, per table, its columns, foreign keys and indexes (sorted:
    a rebuilt table may list its foreign keys in another order)."""
    with closing(sqlite3.connect(path)) as connection:
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        tables = {}
        for name in names:
            indexes = sorted(
                (row[1], row[2], tuple(connection.execute(f"PRAGMA index_info('{row[1]}')")))
                for row in connection.execute(f"PRAGMA index_list('{name}')")
            )
            tables[name] = {
                "columns": connection.execute(f"PRAGMA table_info('{name}')").fetchall(),
                "foreign_keys": sorted(
                    r[2:] for r in connection.execute(f"PRAGMA foreign_key_list('{name}')")
                ),
                "indexes": indexes,
                "rows": connection.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall(),
            }
        return tables


def autoincrement_tables(path: Path) -> set[str]:
    return {
        name
        for name, ddl in sql(path, "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if ddl and "AUTOINCREMENT" in ddl
    }


def delete_as_an_old_program(database: Database, problem_id: int) -> None:
    """Delete a problem without a chain at 0001, with its audit entry, as the program of
    that revision did (today's ORM would also look for its status changes)."""
    with database.write("tester") as session:
        # Only the columns the file has at its revision (today's model has later ones).
        present = [c["name"] for c in inspect(session.connection()).get_columns("problem")]
        query = select(Problem).options(load_only(*(getattr(Problem, c) for c in present)))
        problem = session.scalars(query.where(Problem.id == problem_id)).one()
        assert not problem.causes
        values = {column: getattr(problem, column) for column in present}
        session.execute(delete(Problem).where(Problem.id == problem_id))
        change = Change("delete", "problem", problem_id, None, snapshot(values), None)
        append(session.connection(), [change], "tester")


@pytest.fixture(scope="module")
def demo_0001(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at revision 0001 holding the default demo (48 problems), made once."""
    path = tmp_path_factory.mktemp("old") / "workbench.sqlite3"
    database = open_database(path, target="0001")
    try:
        # Written as the bulk writer does (rows and audit entries, no status changes):
        # today's services keep every status change in a table an 0001 file lacks.
        write_demo_before_0006(Services.build(database, "tester"), path)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()
    assert sql(path, "SELECT version_num FROM alembic_version") == [("0001",)]
    return path


@pytest.fixture
def old_file(demo_0001: Path, tmp_path: Path) -> Path:
    path = tmp_path / "workbench.sqlite3"
    shutil.copyfile(demo_0001, path)
    return path


def test_every_table_with_an_integer_id_is_autoincrement(db_path: Path) -> None:
    # 0003 added status_change and team_setting, 0005 attachment, 0008 the improvement
    # list's three tables, 0009 the three pilot tables, 0010 the training records' three,
    # 0011 the KPIs' five, 0012 the knowledge entries, their links and votes
    assert len(ID_TABLES) == 29
    tables = Base.metadata.tables
    assert all(tables[name].dialect_options["sqlite"]["autoincrement"] for name in ID_TABLES)
    assert autoincrement_tables(db_path) == set(ID_TABLES)


def test_the_newest_problems_id_is_not_handed_out_again(services: Services) -> None:
    first = services.problems.create(PROBLEM)
    newest = services.problems.create(PROBLEM)
    services.problems.delete(newest.id)
    again = services.problems.create(PROBLEM)
    assert first.id < newest.id < again.id


def test_the_newest_cause_and_lookup_ids_are_not_handed_out_again(services: Services) -> None:
    problem = services.problems.create(PROBLEM)
    cause = services.chain.add(CAUSE, problem.id, {"description": "编码不统一"}).causes[0]
    services.chain.delete(CAUSE, cause.id)
    again = services.chain.add(CAUSE, problem.id, {"description": "编码不统一"}).causes[0]
    assert again.id > cause.id
    site = services.lookups.add_site("SZ", "深圳工厂")
    with services.database.write("tester") as session:  # the window has no delete for sites
        session.delete(session.get(Site, site.id))
    assert services.lookups.add_site("SZ", "深圳工厂").id > site.id


def test_a_0001_database_upgrades_keeping_every_row_id_index_and_reference(
    old_file: Path,
) -> None:
    before = dump(old_file)
    assert autoincrement_tables(old_file) == set()
    database = open_database(old_file, target="0002")
    try:
        assert upgrade(database, target="0002") is None  # at 0002 now: nothing more to do
        with closing(sqlite3.connect(":memory:")) as plain:
            secure_delete = plain.execute("PRAGMA secure_delete").fetchone()[0]
        with database.writer_engine.connect() as connection:  # the pooled one it used
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA secure_delete").scalar() == secure_delete
            assert pragma("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.dispose()
    after = dump(old_file)
    assert sql(old_file, "SELECT version_num FROM alembic_version") == [("0002",)]
    assert autoincrement_tables(old_file) == set(ID_TABLES) - AFTER_0002
    assert after.keys() == before.keys()
    for name, table in before.items():
        kept = after[name]
        assert kept["columns"] == table["columns"], name
        assert kept["foreign_keys"] == table["foreign_keys"], name
        assert kept["indexes"] == table["indexes"], name
        if name != "audit_entry":
            assert kept["rows"] == table["rows"], name
    entries = before["audit_entry"]["rows"]
    assert after["audit_entry"]["rows"][: len(entries)] == entries
    assert len(after["audit_entry"]["rows"]) == len(entries) + 1
    assert sql(old_file, "PRAGMA foreign_key_check") == []
    assert sql(old_file, "PRAGMA integrity_check") == [("ok",)]


def test_the_upgrade_writes_a_backup_at_0001_first(old_file: Path) -> None:
    before = dump(old_file)
    database = Database(resolve_target(str(old_file)))
    try:
        backup = upgrade(database)
    finally:
        database.dispose()
    assert backup is not None
    assert backup.parent == old_file.parent
    assert backup.name.startswith("workbench.before-0001.")
    assert sql(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert autoincrement_tables(backup) == set()
    assert dump(backup) == before


def test_the_migration_writes_its_own_entry_in_the_chain(old_file: Path) -> None:
    (last_id, last_hash), *_ = sql(old_file, "SELECT id, hash FROM audit_entry ORDER BY id DESC")
    database = open_database(old_file, target="0002")
    try:
        rows = sql(old_file, "SELECT * FROM audit_entry WHERE id > ? ORDER BY id", last_id)
        assert len(rows) == 1
        entry_id, _at, actor, action, entity, entity_id, field, old, new, prev, _hash = rows[0]
        assert entry_id == last_id + 1 and prev == last_hash
        assert (actor, action, entity, entity_id, field) == (
            MIGRATION_ACTOR,
            MIGRATE,
            SCHEMA,
            2,
            REVISION,
        )
        assert old == "0001"
        assert new.startswith("0002: ") and "AUTOINCREMENT" in new
        with database.engine.connect() as connection:
            checked, breach = verify_chain(connection)
        assert breach is None and checked == entry_id
        upgrade(database)  # today's check reads the tables of every revision
        report = Services.build(database, "tester").integrity.check(full=True)
        assert report.sound, report
    finally:
        database.dispose()


def test_an_old_file_passes_check_full_once_upgraded_by_the_command(
    old_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--full", "--db", str(old_file)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert sql(old_file, "SELECT version_num FROM alembic_version") == [(known_revisions()[-1],)]
    assert len(list(old_file.parent.glob("workbench.before-0001.*.sqlite3"))) == 1
    assert main(["check", "--full", "--db", str(old_file)]) == 0


def test_an_id_deleted_before_the_upgrade_is_not_handed_out_after_it(old_file: Path) -> None:
    database = open_database(old_file, target="0001")
    try:
        with later_columns(old_file):  # today's person has a left_on (0010)
            newest = Services.build(database, "tester").problems.create(PROBLEM).id
            database.dispose()
        delete_as_an_old_program(database, newest)
    finally:
        database.dispose()
    database = open_database(old_file)
    try:
        services = Services.build(database, "tester")
        again = services.problems.create(PROBLEM)
        assert again.id > newest
        assert services.integrity.check(full=True).sound
    finally:
        database.dispose()


def test_a_new_or_empty_database_gets_no_migration_entry(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    open_database(fresh).dispose()
    empty = tmp_path / "empty.sqlite3"
    open_database(empty, target="0001").dispose()
    open_database(empty).dispose()
    for path in (fresh, empty):
        assert sql(path, "SELECT version_num FROM alembic_version") == [(known_revisions()[-1],)]
        assert sql(path, "SELECT count(*) FROM audit_entry") == [(0,)]
        assert autoincrement_tables(path) == set(ID_TABLES)


def test_the_migration_runs_again_on_a_restored_backup(old_file: Path, tmp_path: Path) -> None:
    """The backup is a working 0001 database: restored, it upgrades like the original."""
    database = open_database(old_file)
    database.dispose()
    (backup,) = old_file.parent.glob("workbench.before-0001.*.sqlite3")
    restored = tmp_path / "restored.sqlite3"
    shutil.copyfile(backup, restored)
    database = open_database(restored)
    try:
        assert Services.build(database, "tester").integrity.check(full=True).sound
    finally:
        database.dispose()
    assert dump(restored)["problem"] == dump(old_file)["problem"]


def test_opening_an_old_file_in_the_program_anchors_the_migration_as_its_own(
    old_file: Path,
) -> None:
    from workbench.app import open_services
    from workbench.settings import Settings

    services = open_services(str(old_file), Settings(user="王芳"))
    try:
        report = services.integrity.check()
    finally:
        services.close()
    assert report.sound, report
    assert report.unseen == 0  # the migration's entry is this machine's, not "elsewhere"
    (actor, action), *_ = sql(
        old_file, "SELECT actor, action FROM audit_entry ORDER BY id DESC LIMIT 1"
    )
    assert (actor, action) == ("王芳", MIGRATE)  # who opened it, in Settings
