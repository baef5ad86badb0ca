"""How the user left each list: columns shown, their order and widths, sort and filters,
and how the page around it was divided (the list beside the record, the outline beside
its editor).

Kept as JSON (``lists.json``) in the user's config folder beside ``settings.json``
(workbench.settings: ``WORKBENCH_CONFIG_DIR`` overrides it), one entry per list, and
saved by writing a temporary file and renaming it over the old one, so a crash never
leaves half a file. A file that cannot be read as a view is set aside as
``lists.json.damaged`` and the lists start as on a first start.

Qt-free: the page turns a ``ListView`` into header sections and a filter.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.settings import config_dir

FILE_NAME = "lists.json"
DAMAGED_SUFFIX = ".damaged"


@dataclass(frozen=True)
class ListView:
    """One list's layout. ``columns`` is the visible order (hidden ones left out; empty
    means every column in its default order); ``filter`` holds the filter's fields as
    plain JSON values (None: the list's default filter); ``splits`` the sizes of each
    splitter of the page by name (a 0 is a collapsed pane)."""

    columns: tuple[str, ...] = ()
    widths: Mapping[str, int] = field(default_factory=dict)
    sort_column: str = ""
    sort_descending: bool = True
    filter: Mapping[str, Any] | None = None
    splits: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "columns": list(self.columns),
            "widths": dict(self.widths),
            "sort": {"column": self.sort_column, "descending": self.sort_descending},
            "filter": None if self.filter is None else dict(self.filter),
            "splits": {name: list(sizes) for name, sizes in self.splits.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> ListView:
        """The view in ``data``; ValueError when it is not one."""
        if not isinstance(data, dict):
            raise ValueError("a list view is an object")
        columns = data.get("columns", [])
        widths = data.get("widths", {})
        sort = data.get("sort", {})
        flt = data.get("filter")
        splits = data.get("splits", {})
        if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns)):
            raise ValueError("columns are names")
        if not isinstance(widths, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
            for k, v in widths.items()
        ):
            raise ValueError("widths are whole numbers of pixels")
        if not isinstance(sort, dict) or not isinstance(sort.get("column", ""), str):
            raise ValueError("sort is a column and a direction")
        if flt is not None and not isinstance(flt, dict):
            raise ValueError("a filter is an object")
        if not isinstance(splits, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(_pixels(n) for n in v)
            for k, v in splits.items()
        ):
            raise ValueError("splits are lists of whole numbers of pixels")
        return cls(
            columns=tuple(columns),
            widths=dict(widths),
            sort_column=sort.get("column", ""),
            sort_descending=bool(sort.get("descending", True)),
            filter=flt,
            splits={name: tuple(sizes) for name, sizes in splits.items()},
        )


def _pixels(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


class ListViews:
    """The views of every list, read from and written to one file."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or config_dir()) / FILE_NAME
        self.set_aside: Path | None = None  # where a damaged file was moved, if it was

    def load(self, name: str) -> ListView:
        """The view of list ``name``; the default one when none was kept."""
        data = self._read()
        if name not in data:
            return ListView()
        try:
            return ListView.from_json(data[name])
        except ValueError:
            self._set_aside()
            return ListView()

    def save(self, name: str, view: ListView) -> None:
        data = self._read()
        data[name] = view.to_json()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, self.path)

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError:
            return {}
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            self._set_aside()
            return {}
        return data

    def _set_aside(self) -> None:
        damaged = self.path.with_name(self.path.name + DAMAGED_SUFFIX)
        try:
            os.replace(self.path, damaged)
        except OSError:
            return
        self.set_aside = damaged
