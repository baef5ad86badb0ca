"""What each record kind brings to a spreadsheet: its columns, described once.

An ``ImportKind`` lists its columns, each a field of a record kind
(workbench.services.kinds), so its type, limits and choices are the field's own, and its
header names are the vocabulary's (both languages) plus plant words
(workbench.vocabulary.transfer). A kind also says how a row of mapped values becomes what
its service writes (``build``). ``IMPORT_KINDS`` is the registry the commands and the
window offer; a kind (problems, KPI measurements, training attendance) adds itself with
``register``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from workbench.services import kinds
from workbench.services.base import REFERENCES
from workbench.services.fields import Spec
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.vocabulary import field_label
from workbench.vocabulary.transfer import HEADER_WORDS

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.services import Services
    from workbench.services.import_keep import KeptRows
    from workbench.services.importing import ImportWritten, NewEntry, Tally
    from workbench.services.progress import Progress

# The list each reference names, its columns matched against a name, and its name's limit.
LISTS: Mapping[str, tuple[tuple[str, ...], int]] = {
    "site": (("name", "code"), 100),
    "department": (("name",), 100),
    "person": (("name", "login"), 100),
    "erp_module": (("name",), 50),
}


@dataclass(frozen=True)
class Column:
    """One field a sheet's column can fill: ``part`` is its record kind."""

    part: str
    field: str
    spec: Spec
    reference: str | None = None  # the list (table) a name in it refers to

    @cached_property  # asked for each cell of a sheet
    def key(self) -> str:
        return self.field if self.part == "problem" else f"{self.part}.{self.field}"

    def label(self, language: str) -> str:
        name = field_label(self.field, language, self.part)
        if self.part not in _PART:
            return name
        part = _PART[self.part]
        return f"{part.get(language, part['en'])}·{name}"

    def words(self) -> tuple[str, ...]:
        """Every header that names this column."""
        own = (self.key,) if self.part in _PART else (self.field, self.key)
        labels = (self.label("en"), self.label("zh_CN"))
        return (*own, *labels, *HEADER_WORDS.get((self.part, self.field), ()))


_PART = {
    "cause": {"en": "Cause", "zh_CN": "原因"},
    "solution": {"en": "Solution", "zh_CN": "解决方案"},
    "result": {"en": "Result", "zh_CN": "效果"},
}


class KindWriter(Protocol):
    """What checks and writes a kind's rows (workbench.services.importing.ImportService for
    problems; a later kind brings its own): the lists rows name, the records their codes
    name, the preview's check, and the write in one transaction. A writer may keep the
    preview's checked rows of ``source`` (``Tally.kept``) and take them back as ``kept``."""

    def lists(self) -> dict[str, list[dict[str, Any]]]: ...
    def existing(self, codes: Sequence[str]) -> dict[str, dict[str, Any]]: ...
    def preview(
        self,
        items: Iterable[Any],
        placeholders: Mapping[str, set[int]],
        *,
        source: Path | None = None,
    ) -> Tally: ...
    def write(
        self,
        entries: Sequence[NewEntry],
        codes: Iterable[str],
        items: Callable[[Mapping[tuple[str, str], int]], Iterable[Any]],
        progress: Progress | None = None,
        total: int = 0,
        *,
        kept: KeptRows | None = None,
    ) -> ImportWritten: ...


@dataclass(frozen=True)
class ImportKind:
    """A record kind as a sheet holds it: its columns, the code column that keys a row
    to an existing record, what makes a row into an item (``build``) and what checks and
    writes the items (``writer(services, language)``; the problems' when None)."""

    name: str
    columns: tuple[Column, ...]
    code: str = "code"
    build: Callable[..., Any] | None = None
    writer: Callable[[Services, str], KindWriter] | None = None
    # A column the header row must name (a sign-in sheet's 姓名, not its session block).
    anchor: str | None = None
    # Values above the header that hold for every row (a sign-in sheet's 日期：2026-07-08):
    # ``head(kind, rows above the header)`` gives {column key: (row, column index, cell)}.
    head: Callable[[ImportKind, Sequence[tuple[int, tuple[Any, ...]]]], Fixed] | None = None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def columns_of(part: str, names: tuple[str, ...] | None = None, **extra: Spec) -> list[Column]:
    """Columns for fields of record kind ``part`` (all, or ``names``), then ``extra`` ones."""
    kind = kinds.KINDS[part]
    chosen = names or tuple(kind.fields)
    found = []
    for name in chosen:
        spec = extra.get(name) or kind.fields[name]
        reference = _REFERENCED.get(name)
        if spec.kind == "ref" and reference is None:
            continue
        if reference is not None:
            spec = replace(spec, kind="ref")
        found.append(Column(part, name, spec, str(reference) if reference else None))
    return found


# The list each reference field names: the services' map, and the people a training names.
_REFERENCED: Mapping[str, str] = {
    **{name: str(model.__tablename__) for name, model in REFERENCES.items()},
    "trainer_id": "person",
    "person_id": "person",
}
_CODE = Spec("text", max_length=20)
_WHYS = Spec("text", max_length=10_000, multiline=True)

PROBLEM_COLUMNS: tuple[Column, ...] = (
    Column("problem", "code", _CODE),
    *columns_of("problem"),
    Column("problem", "status", Spec("choice", choices=PROBLEM_STATUSES)),
    Column("problem", "closed_on", Spec("date")),
    *columns_of("cause", ("description",)),
    Column("cause", "whys", _WHYS),
    *columns_of("solution", ("title", "status", "owner_id", "due_on")),
    *columns_of("result", ("metric", "unit", "baseline_value", "value_after", "measured_on")),
)

IMPORT_KINDS: dict[str, ImportKind] = {}
Fixed = dict[str, tuple[int, int, Any]]


def register(kind: ImportKind) -> ImportKind:
    """Offer ``kind`` to the import command and the window."""
    IMPORT_KINDS[kind.name] = kind
    return kind


def import_kinds() -> dict[str, ImportKind]:
    """Every kind offered: the shipped ones register when first asked for."""
    from workbench.transfer import kpis, problems, training  # noqa: F401  (they register)

    return IMPORT_KINDS
