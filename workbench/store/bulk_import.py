"""The bulk writer as an import needs it: the lists' new entries, kept codes, updates.

An import brings records that already have codes (P-2026-0007 stays P-2026-0007), rows
that update a record the database holds, and names of sites, departments, people and
modules that are not in the lists yet. ``ImportWriter`` does these in the bulk writer's
one transaction, each audited as a single save would be: a new entry is a ``create``
with its snapshot, an update one ``update`` entry per changed field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, select

from workbench.store.audit import Change, encode
from workbench.store.bulk import BATCH_PROBLEMS, BulkWriter, Written, _Insert, _next_id
from workbench.store.bulk_index import DeferredIndexes, write_cache
from workbench.store.database import Database
from workbench.store.models import Base, Department, ErpModule, Site

# A kept code PREFIX-NUMBER (P-2026-0007, WX-001) moves its prefix's sequence on, as
# ``check`` holds every such prefix against its sequence.
_PREFIX_LENGTH = 20
_LISTS: tuple[Table, ...] = tuple(m.__table__ for m in (Site, Department, ErpModule))


class ImportWriter(BulkWriter):
    """A BulkWriter that also adds list entries, keeps codes and updates records."""

    def __init__(
        self,
        connection: Connection,
        actor: str,
        batch: int = BATCH_PROBLEMS,
        problems: int = 0,
        step: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(connection, actor, batch)
        self._step = step  # called between the statements that index the new rows
        for table in _LISTS:
            self._next_id[table.name] = _next_id(connection, table)
            self._rows[table.name] = []
            self._inserts[table.name] = _Insert(connection, table)
        self.updated = 0
        # ``problems``: how many the import creates (its preview's count)
        self.deferred = DeferredIndexes(connection, self._next_id, problems)

    def finish(self) -> Written:
        written = super().finish()
        self.deferred.restore(self._step)
        return written

    def reserve(self, codes: Iterable[str]) -> None:
        """Kept codes: each sequence moves on past the highest, so a problem of the same
        import without a code is not given one of them."""
        for code in codes:
            prefix, sep, number = code.rpartition("-")
            if sep and prefix and number.isdigit() and len(prefix) <= _PREFIX_LENGTH:
                self._sequence[prefix] = max(self._sequence.get(prefix, 0), int(number))

    def add_entry(self, table_name: str, values: Mapping[str, Any]) -> int:
        """A new entry of a list (site, department, ERP module, person), or a row of any
        other audited table, inserted now so the records that name it can follow; its id."""
        table = Base.metadata.tables[table_name]
        if table_name not in self._rows:  # a record of another kind (whole-record import)
            self._next_id[table_name] = _next_id(self._conn, table)
            self._rows[table_name] = []
            self._inserts[table_name] = _Insert(self._conn, table)
        row: dict[str, Any] = {}
        for column in table.c:
            fixed = getattr(column.default, "arg", None)
            row[column.key] = None if callable(fixed) else fixed
        row.pop("id")
        row.update(values)
        entry_id = self._add(table_name, row)
        self._insert(table)
        return entry_id

    @property
    def connection(self) -> Connection:
        """The writer's connection, for reads and derived values inside its transaction."""
        return self._conn

    def rows_by_id(self, table_name: str, ids: list[int]) -> dict[int, dict[str, Any]]:
        """The current rows of ``table_name`` with these ids."""
        table = Base.metadata.tables[table_name]
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            wanted = ids[start : start + 500]
            query = select(table).where(table.c.id.in_(wanted))
            found.update({row["id"]: dict(row) for row in self._conn.execute(query).mappings()})
        return found

    def update(self, table_name: str, row_id: int, values: Mapping[str, Any]) -> int:
        """Set ``values`` on row ``row_id``, auditing each field that changes; how many did."""
        table = Base.metadata.tables[table_name]
        current = self._conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
        changed = {
            name: value for name, value in values.items() if encode(current[name]) != encode(value)
        }
        if not changed:
            return 0
        if "updated_at" in table.c and "updated_at" not in values:
            changed["updated_at"] = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._conn.execute(table.update().where(table.c.id == row_id), changed)
        for name, value in changed.items():
            self._changes.append(
                Change("update", table_name, row_id, name, encode(current[name]), encode(value))
            )
        self.updated += 1
        return len(changed)


def existing_codes(
    connection: Connection, table_name: str, codes: list[str], ids: list[int] | None = None
) -> dict[str, Any]:
    """The rows of ``table_name`` whose code is among ``codes`` (or id among ``ids``), by code."""
    table = Base.metadata.tables[table_name]
    column, wanted = (table.c.code, list(codes)) if ids is None else (table.c.id, ids)
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        for row in connection.execute(select(table).where(column.in_(part))).mappings():
            found[row["code"]] = dict(row)
    return found


def list_rows(connection: Connection, table_name: str) -> list[dict[str, Any]]:
    """Every row of a list (site, department, ERP module, person)."""
    table = Base.metadata.tables[table_name]
    return [dict(row) for row in connection.execute(select(table)).mappings()]


@contextmanager
def import_writer(
    database: Database, actor: str, problems: int = 0, step: Callable[[], None] | None = None
) -> Iterator[ImportWriter]:
    """As ``bulk_writer``: one transaction, committed when the block ends, rolled back
    whole (nothing written) when it raises; subscribers hear what was written.
    ``problems``: how many problems it will create (workbench.store.bulk_index); ``step``
    is called between the statements that index them at the end (it may raise to cancel)."""
    with database.write_connection() as connection, write_cache(connection):
        writer = ImportWriter(connection, actor, problems=problems, step=step)
        yield writer
        writer.finish()
    database.publish(writer.change_set())
