"""Shared fixtures: a database migrated once per session, copied for every test."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.cli.main import main
from workbench.services import Services
from workbench.settings import Settings
from workbench.store.audit import GENESIS, Change, entry_hash


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


@pytest.fixture
def reviewer(services: Services) -> Services:
    """Services on the same database acting as ``li.lei``: a second person, who may
    verify what ``tester`` entered (the four-eyes rule)."""
    return Services.build(services.database, "li.lei")


def _rechain(path: Path, first: int) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        before = connection.execute(
            "SELECT hash FROM audit_entry WHERE id < ? ORDER BY id DESC LIMIT 1", (first,)
        ).fetchone()
        prev = before[0] if before else GENESIS
        rows = connection.execute(
            "SELECT id, at, actor, action, entity, entity_id, field, old_value, new_value"
            " FROM audit_entry WHERE id >= ? ORDER BY id",
            (first,),
        ).fetchall()
        for entry_id, at, actor, *change in rows:
            digest = entry_hash(prev, entry_id, at, actor, Change(*change))
            connection.execute(
                "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?",
                (prev, digest, entry_id),
            )
            prev = digest


@pytest.fixture
def rechain() -> Callable[[Path, int], None]:
    """``rechain(path, first)``: recompute every hash from entry ``first`` on, as a forger
    who knows the algorithm would, so the chain in the file is consistent again."""
    return _rechain


# A pilot as the issue tells it: 简化审批层级 on 华东区销售, met at a mean score of 4.2.
VALID_PILOT: dict[str, object] = {
    "name": "简化审批层级",
    "scope": "华东区销售",
    "hypothesis": "简化审批层级是否提升效率",
    "criterion_metric": "用户满意度",
    "criterion_measure": "satisfaction_mean",
    "criterion_direction": "higher",
    "criterion_threshold": "4.2",
    "started_on": "2026-03-02",
}


@pytest.fixture
def valid_pilot() -> dict[str, object]:
    return dict(VALID_PILOT)


@pytest.fixture
def new_pilot(services: Services) -> Callable[..., object]:
    """``new_pilot(**changes)``: a pilot through the services; ``rounds`` (a list of
    round values) adds its rounds in order. Returns the PilotDetail."""

    def create(rounds: tuple[dict[str, object], ...] = (), **changes: object) -> object:
        pilot = services.pilots.create({**VALID_PILOT, **changes})
        for values in rounds:
            pilot = services.pilots.add_round(pilot.id, values)
        return pilot

    return create


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default Chinese demo, written once per session by the command itself."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_CONFIG_DIR", str(folder))
        assert main(["demo", "--db", str(path), "--lang", "zh_CN"]) == 0
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path
