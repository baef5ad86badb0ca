"""Migration 0012 indexes the records a file already holds: a file at 0010 with problems,
causes, upgraded, is searchable at once (3+ and 1–2 character words), and
it keeps following every write."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.app import open_services
from workbench.services.chain import CAUSE
from workbench.settings import Settings
from workbench.store.database import Database, resolve_target
from workbench.store.migrate import upgrade


def test_an_upgraded_file_is_searchable_at_once(tmp_path: Path) -> None:
    path = tmp_path / "workbench.sqlite3"
    database = Database(resolve_target(str(path)))
    upgrade(database, target="0010")
    database.dispose()
    with closing(sqlite3.connect(path)) as raw:
        assert (
            raw.execute("SELECT name FROM sqlite_master WHERE name = 'search_text'").fetchall()
            == []
        )
        raw.execute(
            "INSERT INTO problem (code, title, description, severity, frequency, impact,"
            " reported_on, tags, status, created_at, updated_at) VALUES ('P-2025-0001',"
            " '采购订单审批慢', '审批流程经过五个人', 3, 'weekly', 3, '2025-03-01', '',"
            " 'open', '2025-03-01 08:00:00', '2025-03-01 08:00:00')"
        )
        raw.execute(
            "INSERT INTO cause (problem_id, description, is_root, evidence, verified)"
            " VALUES (1, '审批节点设置过多', 1, '流程图', 0)"
        )
        raw.commit()
    services = open_services(str(path), Settings(user="tester"))
    try:
        found = {(h.kind, h.code) for h in services.search.search("流程").hits}
        assert found == {("cause", "P-2025-0001"), ("problem", "P-2025-0001")}
        assert [h.kind for h in services.search.search("审批节点").hits] == ["cause"]
        services.chain.add(CAUSE, 1, {"description": "审批人经常出差"})
        assert [h.kind for h in services.search.search("出差").hits] == ["cause"]
    finally:
        services.close()
