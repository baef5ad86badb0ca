"""Shared fixtures: a database migrated once per session, copied for every test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.settings import Settings


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's settings or default database."""
    home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(home))
    monkeypatch.setenv("WORKBENCH_DB", str(home / "default.sqlite3"))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    services = open_services(str(path), Settings(user="template"))
    with services.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    services.database.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated, empty database file for this test."""
    path = tmp_path / "workbench.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    """Services on a fresh database, acting as user ``tester``."""
    opened = open_services(str(db_path), Settings(user="tester"))
    yield opened
    opened.database.dispose()
