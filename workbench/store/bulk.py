"""Writing many problems with their chains fast: Core ``executemany`` in big batches.

The ORM path costs milliseconds per row; a million problems with their chains are ~7
million rows. Here rows are plain dicts inserted in batches, with the same audit entries
the ORM path writes: a ``create`` entry per row whose snapshot is built from the very
values inserted, chained in the same transaction, so ``workbench check`` holds. Problem
codes continue the CodeSequence and ids continue above every id the table or its audit
entries ever held, so the program goes on from the last ones.

The rows must already be valid (workbench.services.bulk checks them); this module only
stores them. Nothing here knows of Qt or of the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, text

from workbench.store.audit import (
    Change,
    chain_head,
    chain_rows,
    lock_chain,
    snapshot,
    text_key,
)
from workbench.store.bulk_columns import by_column, each, snapshots
from workbench.store.bulk_index import DeferredIndexes, write_cache
from workbench.store.changes import ChangeSet
from workbench.store.database import Database
from workbench.store.models import (
    AuditEntry,
    Base,
    Cause,
    CauseWhy,
    CodeSequence,
    Department,
    ErpModule,
    Person,
    Problem,
    Result,
    Site,
    Solution,
)

# Problems buffered before their rows (~7 each) and audit entries are inserted.
BATCH_PROBLEMS = 20_000
# A bulk write's change notice names each record up to this many, then only their kinds.
NOTICE_LIMIT = 10_000

_TABLES: tuple[Table, ...] = tuple(
    m.__table__ for m in (Person, Problem, Cause, CauseWhy, Solution, Result)
)
# The lists a record refers to, whose ids a check of references needs.
LOOKUP_TABLES: tuple[str, ...] = tuple(
    str(m.__tablename__) for m in (ErpModule, Site, Department, Person)
)


class _Fields:
    """Pickled as its fields, cheaper than a slotted dataclass's state (services.import_keep)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        names: tuple[str, ...] = self.__slots__  # the dataclass's fields, in order
        return type(self), tuple(getattr(self, name) for name in names)


@dataclass(slots=True)
class NewResult(_Fields):
    """A result's columns but ``id`` and ``solution_id``."""

    values: dict[str, Any]


@dataclass(slots=True)
class NewSolution(_Fields):
    """A solution's columns but ``id`` and ``cause_id``, and its results."""

    values: dict[str, Any]
    results: list[NewResult] = field(default_factory=list)


@dataclass(slots=True)
class NewCause(_Fields):
    """A cause's columns but ``id`` and ``problem_id``, its 5-why steps and solutions."""

    values: dict[str, Any]
    whys: list[str] = field(default_factory=list)
    solutions: list[NewSolution] = field(default_factory=list)


@dataclass(slots=True)
class NewProblem(_Fields):
    """A problem's columns but ``id`` and ``code`` (given from the sequence of the year
    it was reported), and its causes. The writer adds the keys to these very dicts."""

    values: dict[str, Any]
    causes: list[NewCause] = field(default_factory=list)


@dataclass(frozen=True)
class Written:
    """What a bulk write stored: problems, rows of every table, audit entries."""

    problems: int
    rows: int
    entries: int


def row_snapshot(row: Mapping[str, Any]) -> str:
    """``audit.snapshot(row)``: the same text, as a batch's rows get it (``snapshots``)."""
    return snapshots([row], list(row))[0]


class _Insert:
    """One table's INSERT. On SQLite the rows go to the driver as tuples, through
    SQLAlchemy's own statement and bind processors (dates, flags) but without its
    per-row bookkeeping, which costs more than the insert itself; elsewhere Core's."""

    def __init__(self, connection: Connection, table: Table) -> None:
        self._conn = connection
        self._table = table
        dialect = connection.dialect
        self._raw = dialect.name == "sqlite" and dialect.paramstyle == "qmark"
        compiled = table.insert().compile(dialect=dialect, column_keys=list(table.c.keys()))
        names = list(compiled.positiontup or ())
        self._sql = str(compiled)
        self._names = names
        self._values = itemgetter(*names)
        self._processors = [
            (position, processor)
            for position, name in enumerate(names)
            if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        ]

    def __call__(self, rows: list[dict[str, Any]]) -> None:
        if not self._raw:
            self._conn.execute(self._table.insert(), rows)
            return
        values = self._values
        processors = self._processors
        if not processors:
            self._conn.exec_driver_sql(self._sql, list(map(values, rows)))
            return
        converted = by_column(rows, self._names)
        for position, processor in processors:
            converted[position] = each(processor, converted[position])
        self._conn.exec_driver_sql(self._sql, list(zip(*converted, strict=True)))


def empty_record(database: Database) -> None:
    """Delete every row, children first, and start a new audit chain (demo ``--force``)."""
    with database.writer_engine.connect() as connection, connection.begin():
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


def _next_id(connection: Connection, table: Table) -> int:
    """Above the highest id the table holds, its audit entries name (a deleted row) and,
    on SQLite with AUTOINCREMENT, its counter: an id is never handed out twice."""
    audit = AuditEntry.__table__
    highest = [
        connection.scalar(select(func.max(table.c.id))) or 0,
        connection.scalar(select(func.max(audit.c.entity_id)).where(audit.c.entity == table.name))
        or 0,
    ]
    if connection.dialect.name == "sqlite" and connection.scalar(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
    ):
        counter = text("SELECT seq FROM sqlite_sequence WHERE name = :name")
        highest.append(connection.scalar(counter, {"name": table.name}) or 0)
    return max(highest) + 1


class BulkWriter:
    """Collects rows and their audit changes in one transaction; ``flush`` inserts a batch.

    Made by ``bulk_writer``, which commits after ``finish`` or rolls everything back."""

    def __init__(self, connection: Connection, actor: str, batch: int = BATCH_PROBLEMS) -> None:
        self._conn = connection
        self._actor = actor
        self._batch = batch
        lock_chain(connection)  # before reading the ids and the chain's head
        self._next_id = {t.name: _next_id(connection, t) for t in _TABLES}
        self._last_id, self._last_hash = chain_head(connection)
        self.head_before = (self._last_id, self._last_hash)  # the chain as it was
        self._sequence = {
            row.prefix: row.last for row in connection.execute(select(CodeSequence.__table__))
        }
        self._sequence_before = dict(self._sequence)
        self._rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in _TABLES}
        # None: a new row's create entry, made when the row is inserted (``_insert``)
        self._changes: list[Change | None] = []
        self._created: dict[str, list[int]] = {}  # where in _changes, by table
        self._checked: set[str] = set()
        self._inserts = {t.name: _Insert(connection, t) for t in (*_TABLES, AuditEntry.__table__)}
        self._pending = 0
        # What the change notice lists: each record up to NOTICE_LIMIT, then only kinds.
        self._listed: list[tuple[int, str, int, str]] = []
        self._more: set[str] = set()
        self._first_entry = self._last_id + 1
        self.problems = 0
        self.rows = 0
        self.entries = 0

    def first_ids(self) -> dict[str, int]:
        """Each table's id the writer gives its first new row."""
        return dict(self._next_id)

    def known_ids(self) -> dict[str, set[int]]:
        """The ids of every module, site, department and person, by table name."""
        return known_ids(self._conn)

    def person(self, login: str) -> int:
        """The id of the person with ``login``, created (and audited) if there is none."""
        table = Person.__table__
        found = self._conn.scalar(select(table.c.id).where(table.c.login == login))
        if found is not None:
            return int(found)
        row = {"login": login, "name": login, "department_id": None, "role": None}
        row["left_on"] = None
        person_id = self._add("person", row)
        self._insert(table)  # now: the problems that name it come later
        return person_id

    def _add(self, table: str, row: dict[str, Any]) -> int:
        row_id = self._next_id[table]
        self._next_id[table] = row_id + 1
        row["id"] = row_id
        self._rows[table].append(row)
        self._created.setdefault(table, []).append(len(self._changes))
        self._changes.append(None)
        return row_id

    def _code(self, year: int) -> str:
        prefix = f"P-{year}"
        number = self._sequence.get(prefix, 0) + 1
        self._sequence[prefix] = number
        return f"{prefix}-{number:04d}"

    def add(self, problem: NewProblem) -> None:
        """Buffer ``problem`` with its chain; a full batch is inserted at once."""
        values = problem.values
        if "code" not in values:  # an import keeps its codes (see ImportWriter.reserve)
            values["code"] = self._code(values["reported_on"].year)
        problem_id = self._add("problem", values)
        for cause in problem.causes:
            cause.values["problem_id"] = problem_id
            cause_id = self._add("cause", cause.values)
            for position, why in enumerate(cause.whys, start=1):
                self._add("cause_why", {"cause_id": cause_id, "position": position, "text": why})
            for solution in cause.solutions:
                solution.values["cause_id"] = cause_id
                solution_id = self._add("solution", solution.values)
                for result in solution.results:
                    result.values["solution_id"] = solution_id
                    self._add("result", result.values)
        self.problems += 1
        self._pending += 1
        if self._pending >= self._batch:
            self.flush()

    def _insert(self, table: Table) -> None:
        rows = self._rows[table.name]
        if not rows:
            return
        # The audit snapshot must hold exactly the table's columns: the first row is
        # compared, every other one must have as many (a missing one is a KeyError).
        columns = table.c.keys()
        if table.name not in self._checked:
            differ = set(columns) ^ set(rows[0])
            if differ:
                raise RuntimeError(f"bulk rows for {table.name} differ in {sorted(differ)}")
            self._checked.add(table.name)
        width = len(columns)
        try:
            if any(len(row) != width for row in rows):
                raise KeyError("a column")
            self._inserts[table.name](rows)
            made = snapshots(rows, columns)
        except KeyError as missing:
            raise RuntimeError(f"bulk rows for {table.name} differ in {missing}") from None
        # The create entries' snapshots are built from the very values inserted.
        name = str(table.name)  # plain text: the driver asks a str subclass to adapt itself
        changes = self._changes
        for position, row, snapshot_text in zip(self._created.pop(name), rows, made, strict=True):
            changes[position] = Change("create", name, row["id"], None, None, snapshot_text)
        self.rows += len(rows)
        rows.clear()

    def flush(self) -> None:
        """Insert every buffered row, parents first, then their audit entries."""
        for table in _TABLES:
            self._insert(table)
        self._pending = 0
        if self._changes:
            at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
            made = cast(list[Change], self._changes)  # every row inserted: no None left
            entries = list(chain_rows(made, self._actor, at, self._last_id, self._last_hash))
            self._inserts[AuditEntry.__tablename__](entries)
            self._note(entries)
            self._last_id, self._last_hash = entries[-1]["id"], entries[-1]["hash"]
            self.entries += len(entries)
            self._changes.clear()

    def _note(self, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            if len(self._listed) < NOTICE_LIMIT:
                self._listed.append(
                    (entry["id"], entry["entity"], entry["entity_id"], entry["action"])
                )
            else:
                self._more.add(entry["entity"])

    def change_set(self) -> ChangeSet | None:
        """What this writer changed, for the change notices (None if nothing)."""
        if not self.entries:
            return None
        listed = ChangeSet.of(self._actor, self._listed)
        records = listed.records if listed is not None else ()
        return ChangeSet(
            self._actor, self._first_entry, self._last_id, records, frozenset(self._more)
        )

    def finish(self) -> Written:
        """Move the code sequences on (audited) and insert what is left."""
        table = CodeSequence.__table__
        for prefix, last in self._sequence.items():
            before = self._sequence_before.get(prefix)
            key = text_key(prefix)
            if before is None:
                self._conn.execute(table.insert(), {"prefix": prefix, "last": last})
                row = snapshot({"prefix": prefix, "last": last})
                self._changes.append(Change("create", table.name, key, None, None, row))
            elif before != last:
                self._conn.execute(table.update().where(table.c.prefix == prefix), {"last": last})
                self._changes.append(
                    Change("update", table.name, key, "last", str(before), str(last))
                )
        self.flush()
        if self._conn.dialect.name == "postgresql":
            # Explicit ids do not move PostgreSQL's id sequences; the next ORM insert would clash.
            for name in (t.name for t in _TABLES):
                self._conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT MAX(id) FROM {name}))"
                    )
                )
        return Written(self.problems, self.rows, self.entries)


def known_ids(connection: Connection) -> dict[str, set[int]]:
    """The ids of every module, site, department and person, by table name."""
    tables = Base.metadata.tables
    return {name: set(connection.scalars(select(tables[name].c.id))) for name in LOOKUP_TABLES}


@contextmanager
def bulk_writer(
    database: Database, actor: str, batch: int = BATCH_PROBLEMS, problems: int = 0
) -> Iterator[BulkWriter]:
    """A writer in one write transaction: committed (after ``finish``) when the block
    ends, rolled back whole, with nothing written, when it raises. After the commit the
    database's subscribers hear what it wrote (the window's pages, the chain's anchor).
    ``problems`` (how many it will write, if known) lets a big write index its rows once
    at the end (workbench.store.bulk_index)."""
    with database.write_connection() as connection, write_cache(connection):
        writer = BulkWriter(connection, actor, batch)
        deferred = DeferredIndexes(connection, writer.first_ids(), problems)
        yield writer
        writer.finish()
        deferred.restore()
    database.publish(writer.change_set())


def write_problems(
    database: Database,
    actor: str,
    problems: Iterable[NewProblem],
    progress: Callable[[int], None] | None = None,
    every: int = 1_000,
) -> Written:
    """Insert valid problems with their chains and audit entries in one transaction;
    ``progress(done)`` is called every ``every`` problems and may raise to roll back."""
    with bulk_writer(database, actor) as writer:
        for problem in problems:
            writer.add(problem)
            if progress is not None and writer.problems % every == 0:
                progress(writer.problems)
    return Written(writer.problems, writer.rows, writer.entries)
