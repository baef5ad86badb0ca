"""The list's first page read through the DB-API before the services are loaded: the same
rows as the services give, and None (so the ordinary opening runs) whenever it cannot."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from workbench.services import Services
from workbench.services.first_page import read_first_page
from workbench.services.records import ProblemFilter, ProblemSort
from workbench.store import first_page
from workbench.store.database import resolve_target, sqlite_file
from workbench.store.migrate import known_revisions
from workbench.store.target import ENV_VAR


@pytest.fixture
def listed(services: Services) -> Services:
    lookups = services.lookups
    module = lookups.add_module("库存").id
    site = lookups.add_site("SZ", "苏州工厂").id
    department = lookups.add_department("仓储部").id
    owner = lookups.add_person("wang", "王小明", department).id
    for n in range(30):
        services.problems.create(
            {
                "title": f"库存差异率高 #{n}",
                "erp_module_id": module if n % 3 else None,
                "site_id": site if n % 2 else None,
                "department_id": department if n % 4 else None,
                "owner_id": owner if n % 5 else None,
                "severity": n % 5 + 1,
                "impact": n % 4 + 1,
                "frequency": "weekly",
                "reported_on": dt.date(2026, n % 9 + 1, n % 27 + 1),
            }
        )
    return services


@pytest.mark.parametrize("limit", [1, 7, 30, 200])
def test_the_rows_are_those_the_services_give_for_the_unfiltered_list(listed, db_path, limit):
    found = read_first_page(str(db_path), limit)

    assert found is not None
    expected = listed.problems.page(ProblemFilter(), ProblemSort(), 0, limit)
    assert list(found.rows) == expected
    assert found.total == listed.problems.count(ProblemFilter()) == 30


def test_an_empty_record_has_no_rows(db_path):
    found = read_first_page(str(db_path), 200)
    assert found is not None and found.rows == () and found.total == 0


def test_the_default_database_is_the_one_the_services_open(listed, db_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(db_path))
    found = read_first_page(None, 5)
    assert found is not None and found.total == 30


def test_a_file_still_to_migrate_is_left_to_the_ordinary_opening(db_path):
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000'")
    assert read_first_page(str(db_path), 200) is None


def test_a_newer_database_is_left_to_the_ordinary_opening(db_path):
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert read_first_page(str(db_path), 200) is None


def test_a_missing_file_is_not_created(tmp_path):
    missing = tmp_path / "none.sqlite3"
    assert read_first_page(str(missing), 200) is None
    assert not missing.exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_a_file_that_is_not_a_workbench_database_is_left_alone(tmp_path, content):
    path = tmp_path / "other.sqlite3"
    path.write_bytes(content)
    assert read_first_page(str(path), 200) is None
    assert path.read_bytes() == content


def test_a_sqlite_file_of_another_program_is_left_alone(tmp_path):
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    assert read_first_page(str(path), 200) is None


@pytest.mark.parametrize("target", ["sqlite:///x.sqlite3", "postgresql://u@h/db", "", "  "])
def test_a_url_or_an_empty_name_is_left_to_the_ordinary_opening(target):
    assert read_first_page(target, 200) is None


@pytest.mark.parametrize("target", ["plain.sqlite3", "~/x/y.sqlite3", "./a/../b.sqlite3", None])
def test_the_file_is_resolved_as_the_store_resolves_it(target, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR)
    assert first_page.sqlite_path(target) == sqlite_file(resolve_target(target))


def test_the_head_revision_is_the_newest_migration():
    assert first_page.head_revision() == known_revisions()[-1] == max(known_revisions())


def test_reading_the_first_page_loads_no_sqlalchemy(listed, db_path):
    code = (
        "import sys\n"
        "from workbench.services.first_page import read_first_page\n"
        f"found = read_first_page({str(db_path)!r}, 10)\n"
        "assert found is not None and len(found.rows) == 10, found\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
