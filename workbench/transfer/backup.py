"""Backups of a SQLite record and their restore, never losing the current file.

``make_backup(db, out)`` copies the live database with SQLite's online backup API (a
consistent copy while others read and write, never a file copy) to a temporary name and
renames it into place, and writes beside it ``<backup>.json``: when, from which file, the
schema revision, the audit chain's head (its last entry's id and hash, the anchor of
workbench.store.anchor) and the SHA-256 of the copy. ``restore(backup, db)`` checks the
backup first (a SQLite file, sound by ``integrity_check``, a Governance Workbench schema
this program knows, its chain's head as the note says, its SHA-256 unchanged) and
refuses a foreign or damaged one. It keeps the current database aside (a backup-API copy
``<db>.before-restore.<time>.sqlite3``), builds the restored file beside the database
and renames it over it: a crash at any moment leaves the old file or the restored one.

Automatic backups (``auto_backup``) go to ``backups/`` beside the database once a day and
are thinned by ``rotate``: the newest of each of the last 7 days, 4 weeks and 12 months.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.transfer.files import FileRefused

if TYPE_CHECKING:
    from workbench.services import Services

NOTE_SUFFIX = ".json"
AUTO_FOLDER = "backups"
_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Keep:
    """How many automatic backups rotation keeps: the newest of each day, week, month."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    @classmethod
    def parse(cls, text: str) -> Keep:
        """ "7,4,12" (daily, weekly, monthly), as Settings' ``backup_keep`` holds it; the
        default for text that is empty or wrong."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return cls(*(int(p) for p in parts))
        return cls()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    revision: str | None
    head_id: int
    head_hash: str
    size: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _head(connection: sqlite3.Connection) -> tuple[int, str]:
    row = connection.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    return (0, "0" * 64) if row is None else (int(row[0]), str(row[1]))


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _copy(source: Path, target: Path) -> None:
    """``source`` into a new file ``target`` with the online backup API."""
    partial = target.with_name(target.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    with closing(reader), closing(sqlite3.connect(partial)) as copy:
        reader.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def make_backup(database: Path, out: Path) -> BackupInfo:
    """A consistent copy of ``database`` at ``out``, with its note beside it."""
    if not database.is_file():
        raise FileRefused("missing", path=str(database))
    out.parent.mkdir(parents=True, exist_ok=True)
    _copy(database, out)
    with closing(sqlite3.connect(f"file:{out}?mode=ro", uri=True)) as copy:
        head_id, head_hash = _head(copy)
        revision = _revision(copy)
    made = dt.datetime.now(dt.UTC).replace(microsecond=0)
    note = {
        "made_at": made.isoformat(),
        "source": str(database.resolve()),
        "revision": revision,
        "head": {"id": head_id, "hash": head_hash},
        "sha256": _sha256(out),
    }
    note_path = out.with_name(out.name + NOTE_SUFFIX)
    partial = note_path.with_name(note_path.name + ".part")
    partial.write_text(json.dumps(note, indent=1), encoding="utf-8")
    os.replace(partial, note_path)
    return BackupInfo(out, made, revision, head_id, head_hash, out.stat().st_size)


def _note(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.with_name(path.name + NOTE_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def validate(path: Path, known_revisions: Sequence[str]) -> BackupInfo:
    """The backup's facts, or FileRefused saying why it is foreign or damaged."""
    if not path.is_file():
        raise FileRefused("missing", path=str(path))
    with path.open("rb") as handle:
        if handle.read(16) != _HEADER:
            raise FileRefused("foreign_backup", path=str(path), why="not a SQLite database")
    note = _note(path)
    if note is not None and note.get("sha256") not in (None, _sha256(path)):
        raise FileRefused("damaged_backup", path=str(path), why="its SHA-256 differs from its note")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as backup:
            verdict = backup.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise FileRefused("damaged_backup", path=str(path), why=str(verdict))
            tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "audit_entry", "problem"} <= tables:
                why = "it has no Governance Workbench tables"
                raise FileRefused("foreign_backup", path=str(path), why=why)
            revision = _revision(backup)
            head_id, head_hash = _head(backup)
    except sqlite3.DatabaseError as error:
        raise FileRefused("damaged_backup", path=str(path), why=str(error)) from error
    if revision not in known_revisions:
        why = f"its schema {revision} is not one this program knows"
        raise FileRefused("foreign_backup", path=str(path), why=why)
    head = (note or {}).get("head")
    if isinstance(head, dict) and (head.get("id"), head.get("hash")) != (head_id, head_hash):
        why = "its audit chain does not end where its note says"
        raise FileRefused("damaged_backup", path=str(path), why=why)
    made = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return BackupInfo(path, made, revision, head_id, head_hash, path.stat().st_size)


def restore(
    backup: Path, database: Path, known_revisions: Sequence[str]
) -> tuple[BackupInfo, Path]:
    """Replace ``database`` with ``backup`` (validated first); returns the backup's facts
    and where the database it replaced was kept. No connection to ``database`` may be open."""
    info = validate(backup, known_revisions)
    stamp = dt.datetime.now().strftime(_STAMP)
    aside = database.with_name(f"{database.stem}.before-restore.{stamp}{database.suffix}")
    if database.exists():
        with closing(sqlite3.connect(database)) as current:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _copy(database, aside)
    incoming = database.with_name(f".{database.name}.restoring")
    _copy(backup, incoming)
    with closing(sqlite3.connect(incoming)) as copy:
        copy.execute("PRAGMA journal_mode=WAL")  # as the program opens its files
    os.replace(incoming, database)
    for leftover in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{database}{leftover}")
    return info, aside


# ---- automatic backups ------------------------------------------------------------


def backups_of(database: Path) -> list[BackupInfo]:
    """The automatic backups of ``database``, newest first."""
    folder = database.parent / AUTO_FOLDER
    found = []
    for path in folder.glob(f"{database.stem}.*.sqlite3"):
        stamp = path.name[len(database.stem) + 1 : -len(".sqlite3")]
        try:
            made = dt.datetime.strptime(stamp, _STAMP)
        except ValueError:
            continue
        note = _note(path) or {}
        given = note.get("head")
        head: dict[str, Any] = given if isinstance(given, dict) else {}
        found.append(
            BackupInfo(
                path,
                made,
                note.get("revision"),
                int(head.get("id", 0)),
                str(head.get("hash", "")),
                path.stat().st_size,
            )
        )
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(backups: Sequence[BackupInfo], keep: Keep) -> list[BackupInfo]:
    """The backups rotation drops: all but the newest of each of the last ``keep.daily``
    days, ``keep.weekly`` ISO weeks and ``keep.monthly`` months."""
    kept: set[Path] = set()
    for key, count in (
        (lambda d: d.date(), keep.daily),
        (lambda d: d.isocalendar()[:2], keep.weekly),
        (lambda d: (d.year, d.month), keep.monthly),
    ):
        periods: list[Any] = []
        for backup in backups:  # newest first
            period = key(backup.made_at)
            if period not in periods:
                periods.append(period)
                if len(periods) <= count:
                    kept.add(backup.path)
    return [b for b in backups if b.path not in kept]


def auto_backup(
    database: Path, keep: Keep | None = None, now: dt.datetime | None = None
) -> BackupInfo | None:
    """Today's automatic backup of ``database`` if it has none yet; rotation after it."""
    keep = keep or Keep()
    now = now or dt.datetime.now()
    existing = backups_of(database)
    if existing and existing[0].made_at.date() == now.date():
        return None
    out = database.parent / AUTO_FOLDER / f"{database.stem}.{now.strftime(_STAMP)}.sqlite3"
    made = make_backup(database, out)
    for dropped in rotate(backups_of(database), keep):
        for path in (dropped.path, dropped.path.with_name(dropped.path.name + NOTE_SUFFIX)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return made


def database_file(services: Services) -> Path | None:
    """The SQLite file the services work on (None for a server)."""
    from workbench.store.database import sqlite_file

    return sqlite_file(services.database.url)


def restore_file(backup: Path, database: Path, config: Path) -> tuple[BackupInfo, Path]:
    """``restore`` with the schema revisions this program knows; afterwards the chain's
    anchor on this machine (``anchors.json`` in ``config``) is the backup's head, since the
    program itself put this chain in place."""
    from workbench.store.anchor import FILE_NAME, ChainAnchor, Mark
    from workbench.store.database import location, resolve_target
    from workbench.store.target import known_revisions

    info, aside = restore(backup, database, known_revisions())
    anchor = ChainAnchor(config / FILE_NAME, location(resolve_target(str(database))))
    anchor.forget()
    if info.head_id:
        anchor.record_head(Mark(info.head_id, info.head_hash))
    return info, aside


def known_revisions() -> list[str]:
    """The schema revisions this program knows (a backup must be at one of them)."""
    from workbench.store.target import known_revisions as known

    return known()


def daily_backup(services: Services, keep: Keep) -> BackupInfo | None:
    """When the program opens a database file not backed up today: its backup, rotated
    (``backup_of_the_day``); nothing for a database that is not a file."""
    path = database_file(services)
    return None if path is None else backup_of_the_day(path, keep)


def backup_of_the_day(path: Path, keep: Keep) -> BackupInfo | None:
    """The database file's backup if it has none from today, rotated. A backup that
    cannot be made (a full disk, a read-only folder) never stops the work; it is tried
    again at the next opening."""
    try:
        return auto_backup(path, keep)
    except (OSError, sqlite3.Error, FileRefused):
        return None
