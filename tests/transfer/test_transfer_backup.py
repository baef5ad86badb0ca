"""Backups with the online backup API, rotation, and a restore that never loses the file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from workbench.services import Services
from workbench.store.target import known_revisions
from workbench.transfer.backup import (
    BackupInfo,
    Keep,
    auto_backup,
    backups_of,
    make_backup,
    restore,
    rotate,
)
from workbench.transfer.files import FileRefused


def _titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[0] for r in connection.execute("SELECT title FROM problem ORDER BY id")]


def test_a_backup_carries_the_chains_head_and_restores(
    services: Services, db_path: Path, tmp_path: Path, valid_problem
) -> None:
    services.problems.create(valid_problem)
    info = make_backup(db_path, tmp_path / "b.sqlite3")  # while the program holds it open
    note = json.loads((tmp_path / "b.sqlite3.json").read_text())
    with closing(sqlite3.connect(db_path)) as connection:
        head = connection.execute(
            "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (
        (note["head"]["id"], note["head"]["hash"]) == tuple(head) == (info.head_id, info.head_hash)
    )
    services.problems.create({**valid_problem, "title": "后来的问题"})
    services.database.dispose()
    restored, aside = restore(tmp_path / "b.sqlite3", db_path, known_revisions())
    assert _titles(db_path) == ["库存差异率高"]
    assert _titles(aside) == ["库存差异率高", "后来的问题"]  # the replaced one is kept
    assert restored.head_id == info.head_id


def test_a_foreign_or_damaged_backup_is_refused_and_nothing_replaced(
    db_path: Path, tmp_path: Path, services: Services, valid_problem
) -> None:
    services.problems.create(valid_problem)
    services.database.dispose()
    before = db_path.read_bytes()
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    good = tmp_path / "good.sqlite3"
    make_backup(db_path, good)
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    (tmp_path / "damaged.sqlite3.json").write_text((tmp_path / "good.sqlite3.json").read_text())
    for path, code in (
        (other, "foreign_backup"),
        (text, "foreign_backup"),
        (damaged, "damaged_backup"),
    ):
        with pytest.raises(FileRefused) as caught:
            restore(path, db_path, known_revisions())
        assert caught.value.code == code
    assert db_path.read_bytes() == before


def _info(path: str, made: dt.datetime) -> BackupInfo:
    return BackupInfo(Path(path), made, "0013", 0, "", 0)


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = dt.datetime(2026, 12, 31, 9)
    backups = [_info(f"{n}", start - dt.timedelta(days=n)) for n in range(400)]  # newest first
    dropped = {b.path for b in rotate(backups, Keep())}
    kept = [b for b in backups if b.path not in dropped]
    days = {b.made_at.date() for b in kept}
    assert {(start - dt.timedelta(days=n)).date() for n in range(7)} <= days
    assert len({b.made_at.isocalendar()[:2] for b in kept}) >= 4
    assert len({(b.made_at.year, b.made_at.month) for b in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert len(rotate(backups, Keep(daily=2, weekly=0, monthly=0))) == 398


def test_one_automatic_backup_a_day(db_path: Path) -> None:
    first = auto_backup(db_path, now=dt.datetime(2026, 7, 1, 8))
    assert first is not None and first.path.parent.name == "backups"
    assert auto_backup(db_path, now=dt.datetime(2026, 7, 1, 17)) is None
    assert auto_backup(db_path, now=dt.datetime(2026, 7, 2, 8)) is not None
    assert [b.made_at.day for b in backups_of(db_path)] == [2, 1]


def test_the_daily_backup_when_a_database_is_opened(services: Services, db_path: Path) -> None:
    from workbench.transfer.backup import daily_backup

    made = daily_backup(services, Keep.parse("2,1,1"))
    assert made is not None and made.path.is_file()
    assert daily_backup(services, Keep.parse("2,1,1")) is None  # once a day
    assert Keep.parse("nonsense") == Keep()
