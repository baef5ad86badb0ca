"""The Dashboard as it was last read, remembered per database file, so that the next
start can draw it before the database is opened (workbench.ui.preview).

Opening a database imports SQLAlchemy's ORM and the services, and reading the Dashboard
afresh groups every problem; together well over a second on a big file. A reading is
kept with its key: the file, the audit chain's head when the reading began (every write
through the program moves it on), the month it was read in (the charts count months up
to this one), the language and the program's version. ``recall`` gives it back only
for the same key, read from the file itself through the DB-API, so what it draws is what
a fresh reading would draw. The window still reads the Dashboard afresh once the
database is open and shows that: a change made behind the program's back (no audit
entry) shows for the moment the fresh reading takes, no longer.

Kept as JSON in the user's cache folder, one small file per database (of the ``KEPT``
read last), written to a temporary file and renamed. Only the Dashboard's own value types
are rebuilt from it, and a file whose checksum does not match its body is ignored: a
damaged or foreign file is never run and never shown. This module must not import
SQLAlchemy (a test checks it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.analysis.kpi_rules import Effect, HealthInputs, HealthPart, HealthScore, period_of
from workbench.services.dashboard_facts import (
    DashboardReading,
    EffectRow,
    FileState,
    HealthReport,
    MonthCounts,
    Ranked,
    Readings,
    ScoreRow,
)
from workbench.services.kpi_records import AlertRow, KpiRecord, Tile
from workbench.services.numbers import TypedNumber
from workbench.store.first_page import open_snapshot, sqlite_path

# Raised when the layout of what is kept changes, so an older file is not read.
FORMAT = 1
# The databases whose Dashboard is kept, the last read first; an older one's is deleted.
KEPT = 20
_TYPES: dict[str, type] = {
    kind.__name__: kind
    for kind in (
        DashboardReading,
        Readings,
        HealthReport,
        ScoreRow,
        HealthScore,
        HealthPart,
        HealthInputs,
        MonthCounts,
        Ranked,
        EffectRow,
        Effect,
        Tile,
        KpiRecord,
        AlertRow,
        TypedNumber,
    )
}


def file_state(path: Path, today: dt.date) -> FileState | None:
    """The state of ``path`` now, read through the DB-API; None when it cannot be read so
    (missing, still to migrate, not a workbench file …)."""
    snapshot = open_snapshot(path)
    if snapshot is None:
        return None
    try:
        head = snapshot.chain_head()
    finally:
        snapshot.close()
    return None if head is None else FileState(path, head, period_of(today))


def encode(value: Any) -> Any:
    """``value`` (a Dashboard value, nested) as JSON-ready data."""
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise TypeError(f"not a Dashboard value: {name}")
        return {"$": name, **{f.name: encode(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, tuple):
        return {"$t": [encode(item) for item in value]}
    if isinstance(value, Mapping):
        return {"$m": [[encode(k), encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"not a Dashboard value: {type(value).__name__}")


def decode(data: Any) -> Any:
    """The value ``encode`` gave ``data`` for; ValueError for anything else."""
    if isinstance(data, dict):
        if "$t" in data:
            return tuple(decode(item) for item in data["$t"])
        if "$m" in data:
            return {decode(k): decode(v) for k, v in data["$m"]}
        kind = _TYPES.get(str(data.get("$")))
        if kind is None:
            raise ValueError(f"not a Dashboard value: {data.get('$')!r}")
        try:
            return kind(**{k: decode(v) for k, v in data.items() if k != "$"})
        except TypeError as error:  # fields missing or unknown
            raise ValueError(str(error)) from error
    if data is None or isinstance(data, str | int | float):
        return data
    raise ValueError(f"not a Dashboard value: {type(data).__name__}")


def _key(state: FileState, language: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": __version__,
        "file": str(state.path),
        "head": [state.head[0], state.head[1]],
        "month": state.month,
        "language": language,
    }


class DashboardMemory:
    """The readings kept in ``folder``, one file per database."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def _file(self, path: Path) -> Path:
        name = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:24]
        return self._folder / f"dashboard-{name}.json"

    def remember(self, state: FileState, language: str, reading: DashboardReading) -> bool:
        """Keep ``reading`` as read from ``state`` in ``language``; False when the folder
        cannot be written (the next start then reads afresh, nothing else is lost)."""
        body = json.dumps({"key": _key(state, language), "reading": encode(reading)})
        text = json.dumps({"sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()}) + "\n"
        target = self._file(state.path)
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(dir=self._folder, prefix=".dashboard-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text + body)
                os.replace(partial, target)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        self._prune()
        return True

    def _prune(self) -> None:
        """Keep the files of the ``KEPT`` databases last read; older ones are deleted."""
        found = []
        for path in self._folder.glob("dashboard-*.json"):
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime_ns, path))
        for _, path in sorted(found, reverse=True)[KEPT:]:
            with contextlib.suppress(OSError):
                path.unlink()

    def recall(self, state: FileState, language: str) -> DashboardReading | None:
        """The reading kept for exactly ``state`` and ``language``, else None."""
        try:
            stamp, body = self._file(state.path).read_text(encoding="utf-8").split("\n", 1)
            if json.loads(stamp).get("sha256") != hashlib.sha256(body.encode("utf-8")).hexdigest():
                return None
            data = json.loads(body)
            if data.get("key") != _key(state, language):
                return None
            reading = decode(data.get("reading"))
        except (OSError, ValueError, AttributeError):
            return None
        return reading if isinstance(reading, DashboardReading) else None


def recall_target(
    target: str | None, language: str, today: dt.date, folder: Path
) -> DashboardReading | None:
    """The reading kept in ``folder`` for the database ``--db``/``WORKBENCH_DB``/the
    default names as it is now, else None (a URL, a file that cannot be read so, nothing
    kept for it as it is)."""
    path = sqlite_path(target)
    state = file_state(path, today) if path is not None else None
    return None if state is None else DashboardMemory(folder).recall(state, language)
