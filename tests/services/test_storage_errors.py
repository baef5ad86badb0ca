"""Failures of the database itself reach the caller as a StorageError that says what
happened, nothing is half-written, and the same Services work again once the cause is gone.

Each failure is real: a second connection holding the write lock, a file the operating
system refuses to write, a database that has run out of pages, a constraint the file holds.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from workbench.app import open_services
from workbench.services import Services
from workbench.services.errors import StorageError
from workbench.services.records import ProblemFilter
from workbench.settings import Settings

VALID_PROBLEM = {
    "title": "库存差异率高",
    "severity": 4,
    "impact": 3,
    "frequency": "weekly",
    "reported_on": "2026-03-01",
}


@pytest.fixture
def quick(db_path: Path) -> Iterator[Services]:
    """Services that wait only 0.2 s for another writer."""
    opened = open_services(str(db_path), Settings(user="tester"), busy_timeout=0.2)
    yield opened
    opened.close()


def _rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_write_lock_held_elsewhere_is_reported_as_busy(quick, db_path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(StorageError) as caught:
            quick.problems.create(VALID_PROBLEM)
        assert caught.value.reason == "busy"
        assert "busy" in str(caught.value) and "try again" in str(caught.value)
        assert quick.problems.count(ProblemFilter()) == 0  # reading still works
    finally:
        other.rollback()
        other.close()
    created = quick.problems.create(VALID_PROBLEM)  # the same Services, once it is free
    assert quick.problems.get(created.id).title == VALID_PROBLEM["title"]
    assert quick.integrity.check(full=True).sound


@pytest.fixture
def read_only(db_path: Path) -> Iterator[Path]:
    """The database file made read-only for this process, even when it runs as root."""
    with sqlite3.connect(db_path) as connection:  # the -shm and -wal exist and stay writable
        connection.execute("PRAGMA journal_mode=WAL")
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(db_path)], check=True)
    else:
        db_path.chmod(0o444)
    try:
        with pytest.raises(PermissionError):
            db_path.open("ab").close()
        yield db_path
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(db_path)], check=True)
        else:
            db_path.chmod(0o644)


def test_a_read_only_file_can_be_read_and_a_save_says_why_it_failed(read_only) -> None:
    before = _rows(read_only, "audit_entry")
    services = open_services(str(read_only), Settings(user="tester"))
    try:
        with pytest.raises(StorageError) as caught:
            services.problems.create(VALID_PROBLEM)
        assert caught.value.reason == "read_only"
        assert "read-only" in str(caught.value)
        assert services.problems.count(ProblemFilter()) == 0
    finally:
        services.close()
    assert _rows(read_only, "audit_entry") == before


def test_a_full_disk_is_reported_and_nothing_is_written(services, db_path) -> None:
    services.problems.create(VALID_PROBLEM)
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]
    services.release_connections()
    # The database may not grow past its present size: SQLite's own "database or disk is
    # full", as on a full disk.
    event.listen(
        services.database.engine,
        "connect",
        lambda connection, _record: connection.execute(f"PRAGMA max_page_count={pages}"),
    )
    services.database.engine.dispose()
    with pytest.raises(StorageError) as caught:
        services.problems.create({**VALID_PROBLEM, "description": "长" * 20_000})
    assert caught.value.reason == "disk_full"
    assert "disk is full" in str(caught.value)
    assert _rows(db_path, "problem") == 1
    assert services.integrity.check(full=True).sound


def test_a_constraint_the_file_holds_is_named(services, db_path) -> None:
    with sqlite3.connect(db_path) as connection:  # a rule another tool put into the file
        connection.execute(
            "CREATE TRIGGER no_tests BEFORE INSERT ON problem WHEN NEW.title = 'test' "
            "BEGIN SELECT RAISE(ABORT, 'no test problems'); END"
        )
    entries = _rows(db_path, "audit_entry")
    with pytest.raises(StorageError) as caught:
        services.problems.create({**VALID_PROBLEM, "title": "test"})
    assert caught.value.reason == "constraint"
    assert "no test problems" in str(caught.value)
    assert (_rows(db_path, "problem"), _rows(db_path, "audit_entry")) == (0, entries)
    assert services.problems.create(VALID_PROBLEM).title == VALID_PROBLEM["title"]
