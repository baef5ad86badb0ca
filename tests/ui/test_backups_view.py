"""Settings → Backups: one made now, listed, and restored over the open database."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from workbench.ui.settings_page import SettingsPage


def _titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[0] for r in connection.execute("SELECT title FROM problem ORDER BY id")]


def test_back_up_now_then_restore(window, qtbot, db_path: Path) -> None:
    page = SettingsPage(window.services)
    qtbot.addWidget(page)
    view = page.backups
    assert view.table.rowCount() == 0
    view.back_up()
    assert view.table.rowCount() == 1
    assert (db_path.parent / "backups").is_dir()
    before = _titles(db_path)
    services = window.services
    services.problems.create(
        {
            "title": "备份后的问题",
            "severity": 3,
            "impact": 3,
            "frequency": "weekly",
            "reported_on": "2026-07-01",
        }
    )
    view.table.selectRow(0)
    aside = view.restore(view.selected())
    assert aside is not None and _titles(aside)[-1] == "备份后的问题"
    assert _titles(db_path) == before
    assert "kept as" in view.note.text()
