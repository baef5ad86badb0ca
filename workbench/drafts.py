"""Drafts: what was typed in a form but not saved, kept on this machine until saved or
discarded, so that a crash loses at most the last second of typing.

One small JSON file per database in the user's config folder (``drafts/<hash>.json``,
the hash of the database's location), holding one draft per record being edited (e.g.
``problem:12``, ``problem:new``). Written to a temporary file and renamed over the old
one, so a crash never leaves half a file; a file that cannot be read counts as empty.
Values are what the form holds: text, numbers, None and dates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.settings import config_dir

FOLDER = "drafts"
_DATE = "$date"


@dataclass(frozen=True)
class Draft:
    """The values typed for one record, and when they were last kept."""

    key: str
    values: Mapping[str, Any]
    saved_at: dt.datetime


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_DATE}:
        return dt.date.fromisoformat(value[_DATE])
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


class Drafts:
    """The drafts of one database."""

    def __init__(self, path: Path, location: str = "") -> None:
        self.path = path
        self._location = location

    @classmethod
    def for_database(cls, location: str, folder: Path | None = None) -> Drafts:
        """The drafts of the database at ``location`` (a file path or a URL without its
        password), in ``folder`` (default: the config folder)."""
        digest = hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]
        return cls((folder or config_dir()) / FOLDER / f"{digest}.json", location)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        drafts = data.get("drafts") if isinstance(data, dict) else None
        return drafts if isinstance(drafts, dict) else {}

    def _write(self, drafts: dict[str, Any]) -> None:
        with contextlib.suppress(OSError):  # a draft is a safety net, never an error
            if not drafts:
                self.path.unlink(missing_ok=True)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(self.path.name + ".part")
            text = json.dumps(
                {"location": self._location, "drafts": drafts}, ensure_ascii=False, indent=1
            )
            partial.write_text(text, encoding="utf-8")
            partial.replace(self.path)

    def get(self, key: str) -> Draft | None:
        """The draft of ``key``, None when there is none (or it cannot be read)."""
        entry = self._read().get(key)
        if not isinstance(entry, dict):
            return None
        try:
            values = {name: _decode(value) for name, value in entry["values"].items()}
            saved_at = dt.datetime.fromisoformat(entry["saved_at"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return Draft(key, values, saved_at)

    def keys(self) -> list[str]:
        return list(self._read())

    def put(self, key: str, values: Mapping[str, Any], now: dt.datetime | None = None) -> None:
        """Keep ``values`` as the draft of ``key`` (replacing an older one)."""
        drafts = self._read()
        moment = now or dt.datetime.now().astimezone()
        drafts[key] = {
            "saved_at": moment.isoformat(timespec="seconds"),
            "values": {name: _encode(value) for name, value in values.items()},
        }
        self._write(drafts)

    def remove(self, key: str) -> None:
        """Forget the draft of ``key`` (saved or discarded)."""
        drafts = self._read()
        if drafts.pop(key, None) is not None:
            self._write(drafts)
