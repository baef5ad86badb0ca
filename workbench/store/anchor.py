"""The audit chain's anchor, kept outside the database file.

The hashes in ``audit_entry`` only prove that the chain is consistent with itself: whoever
can edit the file can rewrite an entry and recompute every hash after it, or cut off the
newest entries together with their records. So for every database it writes to, the
program also notes the head of the chain (last entry id and hash) in ``anchors.json``
beside the user's settings, and ``workbench check`` notes there up to which entry it
verified. A chain that ends before the anchored head, or holds another hash at an
anchored id, was changed by something other than this program.

The file maps a database's location (its resolved path, or its URL without password) to
``{"head": {"id", "hash"}, "verified": {"id", "hash"}}``. It is written whole to a
temporary file and renamed over the old one. A missing file means no anchors; an
unreadable one too (it is kept aside as ``anchors.json.damaged`` when next written, and
the check says so). Where the file lives is the caller's choice (workbench.app).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from workbench.store.audit import hash_of
from workbench.store.changes import ChangeSet
from workbench.store.database import Database

FILE_NAME = "anchors.json"
# One process may write from several threads; the file is read, changed and replaced whole.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Mark:
    """An entry of the chain: its id and the hash it had."""

    id: int
    hash: str


@dataclass(frozen=True)
class Anchor:
    """What this machine knows of one database's chain."""

    head: Mark | None = None  # the last entry this program wrote or saw
    verified: Mark | None = None  # the last entry ``check`` verified, with all before it
    damaged: bool = False  # the anchor file could not be read


def _mark(data: Any) -> Mark | None:
    if not isinstance(data, dict):
        return None
    entry_id, digest = data.get("id"), data.get("hash")
    if isinstance(entry_id, int) and not isinstance(entry_id, bool) and isinstance(digest, str):
        return Mark(entry_id, digest)
    return None


def _dump(mark: Mark | None) -> dict[str, Any] | None:
    return None if mark is None else {"id": mark.id, "hash": mark.hash}


class ChainAnchor:
    """One database's anchor in an anchors file (shared with other databases)."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key

    # ---- reading ------------------------------------------------------------------

    def _read_all(self) -> tuple[dict[str, Any], bool]:
        """Every database's anchors, and whether the file was unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, False
        except (OSError, ValueError):
            return {}, True
        if not isinstance(data, dict) or not isinstance(data.get("databases", {}), dict):
            return {}, True
        return dict(data.get("databases", {})), False

    def load(self) -> Anchor:
        databases, damaged = self._read_all()
        entry = databases.get(self.key)
        if not isinstance(entry, dict):
            return Anchor(damaged=damaged)
        return Anchor(_mark(entry.get("head")), _mark(entry.get("verified")), damaged)

    # ---- writing ------------------------------------------------------------------

    def _change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Read the file, apply ``change`` to its databases map, write it back whole."""
        with _LOCK:
            databases, damaged = self._read_all()
            if damaged:  # keep the evidence; the new file starts afresh
                os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
            change(databases)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"version": 1, "databases": databases}, indent=1, sort_keys=True)
            fd, partial = tempfile.mkstemp(prefix=self.path.name, dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(partial, self.path)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise

    def record_head(self, mark: Mark) -> None:
        """The program wrote up to ``mark``. Never moves the head back: writes finishing
        out of order, or an older copy of the file, must not lower it."""

        def change(databases: dict[str, Any]) -> None:
            entry = databases.setdefault(self.key, {})
            head = _mark(entry.get("head"))
            if head is None or mark.id > head.id:
                entry["head"] = _dump(mark)

        self._change(change)

    def record_verified(self, mark: Mark) -> None:
        """``check`` verified the chain up to ``mark``, which is also at least the head."""

        def change(databases: dict[str, Any]) -> None:
            entry = databases.setdefault(self.key, {})
            head = _mark(entry.get("head"))
            entry["verified"] = _dump(mark)
            if head is None or mark.id >= head.id:
                entry["head"] = _dump(mark)

        self._change(change)

    def forget(self) -> None:
        """The program itself started the chain anew (demo --force, a restore)."""
        self._change(lambda databases: databases.pop(self.key, None))

    def move_to(self, other: ChainAnchor) -> None:
        """The file was renamed to ``other``'s place: its anchor goes with it."""

        def change(databases: dict[str, Any]) -> None:
            entry = databases.pop(self.key, None)
            databases.pop(other.key, None)
            if entry is not None:
                databases[other.key] = entry

        self._change(change)


def follow(database: Database, anchor: ChainAnchor) -> Callable[[], None]:
    """Record the chain's head in ``anchor`` after every committed write to ``database``.

    Returns the function that stops it. A failure to write the anchor file must not turn
    a committed write into an error, so it is ignored: the anchor then only lags behind."""

    def record(change: ChangeSet) -> None:
        with database.engine.connect() as connection:
            digest = hash_of(connection, change.last_entry)
        if digest is None:
            return
        with contextlib.suppress(OSError):
            anchor.record_head(Mark(change.last_entry, digest))

    return database.subscribe(record)


def rewritten(connection: Connection, anchor: Anchor, end: int) -> str | None:
    """How the chain (ending at entry ``end``) departs from ``anchor``; None if it does not.

    Entries after the anchored head are accepted: another copy of the program (a shared
    server, a file copied back from another machine) may have written them."""
    head = anchor.head
    if head is not None and end < head.id:
        ends = f"ends at entry {end}" if end else "is empty"
        return (
            f"the audit chain {ends}, before entry {head.id}, the last one this program "
            "recorded (records or their audit entries were removed)"
        )
    for mark in (anchor.verified, head):
        if mark is None:
            continue
        found = hash_of(connection, mark.id)
        if found is None:
            return (
                f"entry {mark.id} is missing, though this program recorded it "
                "(records or their audit entries were removed)"
            )
        if found != mark.hash:
            return f"entry {mark.id} is not the one this program wrote: the chain was rewritten"
    return None
