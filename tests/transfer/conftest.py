"""Fixtures of the import and export tests: the database's rows, a plant's lists."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from workbench.services import Services


@pytest.fixture
def table_dump(db_path: Path) -> Callable[[], list[Any]]:
    """Every row of every table, read straight from the file: 'exactly as before'."""

    def dump() -> list[Any]:
        with closing(sqlite3.connect(db_path)) as connection:
            tables = [
                r[0]
                for r in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            ]
            return [
                (t, connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables
            ]

    return dump


@pytest.fixture
def plant(services: Services) -> Services:
    """A plant's lists before the import: one site, two departments, one person, modules."""
    services.lookups.add_standard_modules("zh_CN")
    services.lookups.add_site("WX", "无锡工厂")
    services.lookups.add_department("采购部")
    services.lookups.add_department("财务部")
    services.lookups.add_person("wang.xm", "王小明")
    return services


@pytest.fixture
def valid_problem() -> dict[str, Any]:
    return {
        "title": "库存差异率高",
        "severity": 4,
        "impact": 3,
        "frequency": "weekly",
        "reported_on": "2025-03-01",
    }
