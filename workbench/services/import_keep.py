"""The preview's checked rows, kept for the write, so an import reads and checks its file once.

The preview checks every row as the write would (workbench.services.importing). What it
found, each new problem's checked rows and each update, is pickled a chunk at a time to
a nameless temporary file (``KeptRows``; gone when closed, or when the program ends or
is killed); the write takes them from there instead of reading the
file again, but only while nothing they depend on has changed:

- the file: its size and modification time as they were when the preview began and
  ended (a file saved again in between is read again);
- the database: the audit chain's head, since every write to the record adds an entry
  (a site renamed, a problem added by someone else since the preview: read again).

Otherwise the write reads and checks the file again, as before. The rows keep the
preview's placeholders: a negative id for a list entry the import creates, 0 for the
acting user (``settle`` gives them their ids in the write's transaction).
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from workbench.services.base import REFERENCES

CHUNK = 2_000  # rows pickled at once
ACTING = 0  # the placeholder of the acting user's person id
# The fields that refer to a list entry (a problem's, a solution's owner, a result's verifier).
REFERENCE_FIELDS = (*REFERENCES, "verified_by_id")


def file_stamp(path: Path) -> tuple[int, int]:
    """What says a file was saved again: its size and modification time."""
    status = path.stat()
    return status.st_size, status.st_mtime_ns


class KeptRows:
    """A preview's rows in a temporary file (gone after ``discard`` or when dropped)."""

    def __init__(self, source: Path, head: tuple[int, str]) -> None:
        self.source = source
        self.head = head
        self._stamp = file_stamp(source)
        # Nameless: the system removes it when it is closed or the program ends, killed too.
        self._file: Any = tempfile.TemporaryFile(  # noqa: SIM115  (open until discard)
            prefix="workbench-import-", suffix=".rows"
        )
        self._chunk: list[Any] = []
        self._whole = False
        self._read = False
        self.count = 0
        self._closing = weakref.finalize(self, self._file.close)  # a preview never written

    def add(self, item: Any) -> None:
        self._chunk.append(item)
        self.count += 1
        if len(self._chunk) >= CHUNK:
            self._dump()

    def _dump(self) -> None:
        pickle.dump(self._chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._chunk = []

    def close(self) -> None:
        """Every row added; the rows are usable if the file did not change meanwhile."""
        self._dump()
        self._file.flush()
        self._whole = file_stamp(self.source) == self._stamp

    def usable(self, head: tuple[int, str]) -> bool:
        """Whether the write may take these rows (once): the file as the preview read it
        and the database as the preview saw it (its chain's head)."""
        try:
            unchanged = file_stamp(self.source) == self._stamp
        except OSError:
            return False
        whole = self._whole and not self._read and not self._file.closed
        return whole and unchanged and head == self.head

    def __iter__(self) -> Iterator[Any]:
        self._read = True
        self._file.seek(0)
        while True:
            try:
                chunk = pickle.load(self._file)  # our own file, written above
            except EOFError:
                return
            yield from chunk

    @property
    def discarded(self) -> bool:
        return bool(self._file.closed)

    def discard(self) -> None:
        self._closing()


class Settled(dict[int, int]):
    """Each placeholder's id, asked of ``placeholder`` once, the first time a row has it
    (so the acting user's person is looked up, or created, only if a row needs it)."""

    def __init__(self, placeholder: Callable[[int], int]) -> None:
        super().__init__()
        self._placeholder = placeholder

    def __missing__(self, value: int) -> int:
        found = self[value] = self._placeholder(value)
        return found


def settle(values: MutableMapping[str, Any], ids: Mapping[int, int]) -> None:
    """The preview's placeholders in a row's references replaced by their ``ids``."""
    for name in REFERENCE_FIELDS:
        value = values.get(name)
        if type(value) is int and value <= ACTING:
            values[name] = ids[value]
