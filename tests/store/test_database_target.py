"""Which database the program opens: --db, else WORKBENCH_DB, else the user's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from workbench.store.database import resolve_target, sqlite_file


def test_db_option_wins_over_the_environment(tmp_path: Path) -> None:
    url = resolve_target(str(tmp_path / "plant.sqlite3"), {"WORKBENCH_DB": "/elsewhere.db"})
    assert url.get_backend_name() == "sqlite"
    assert sqlite_file(url) == tmp_path / "plant.sqlite3"


def test_relative_and_home_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert sqlite_file(resolve_target("data/wb.sqlite3", {})) == tmp_path / "data" / "wb.sqlite3"
    assert sqlite_file(resolve_target("~/wb.sqlite3", {})) == tmp_path / "home" / "wb.sqlite3"


def test_urls_are_passed_through() -> None:
    url = resolve_target("postgresql+psycopg://postgres@/workbench?host=/tmp/pg&port=5433", {})
    assert url.drivername == "postgresql+psycopg"
    assert (url.database, url.query["port"]) == ("workbench", "5433")
    assert sqlite_file(url) is None
    assert sqlite_file(resolve_target("sqlite://", {})) is None


def test_environment_variable_is_used_without_db_option(tmp_path: Path) -> None:
    url = resolve_target(None, {"WORKBENCH_DB": str(tmp_path / "team.sqlite3")})
    assert sqlite_file(url) == tmp_path / "team.sqlite3"


def test_default_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = resolve_target(None, {})
    data_dir = Path(user_data_dir("GovernanceWorkbench", appauthor=False))
    assert sqlite_file(url) == data_dir / "workbench.sqlite3"
    if sys.platform.startswith("linux"):
        assert data_dir == tmp_path / "data" / "GovernanceWorkbench"
    monkeypatch.delenv("WORKBENCH_DB")
    assert resolve_target(None) == url
