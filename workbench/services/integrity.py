"""`workbench check`: is the file sound, and does the record match its audit chain?

The chain is also compared with its anchor outside the file (workbench.store.anchor):
a chain that is shorter than what this machine saw, or holds another hash at an anchored
entry, was rewritten. A routine check verifies only the entries after the one the last
check verified (once that entry is confirmed to still hold its hash) and the rows those
new entries touch; ``full`` re-verifies everything. The trade-off: an old entry or row
edited without recomputing hashes is found by a full check, not by a routine one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.exc import OperationalError

from workbench.services.progress import Cancelled, Progress, silent
from workbench.store.anchor import Anchor, ChainAnchor, Mark, rewritten
from workbench.store.audit import chain_head
from workbench.store.database import Database
from workbench.store.models import AuditEntry, Base
from workbench.store.search_check import verify_search
from workbench.store.sequences import verify_sequences
from workbench.store.verify import Breach, verify_chain, verify_digests, verify_rows


@dataclass(frozen=True)
class CheckReport:
    storage_problems: tuple[str, ...]
    entries_checked: int
    breach: Breach | None
    anchor_problem: str | None = None  # the chain departs from what this machine saw
    sequence_problem: str | None = None  # a code sequence set back or edited
    search_problem: str | None = None  # the search index disagrees with the tables
    entries_total: int = 0  # entries in the chain
    since: int = 0  # entries up to this id were verified by an earlier check (0: all now)
    unseen: int = 0  # entries after this machine's anchored head (written elsewhere)
    first_anchor: bool = False  # no anchor yet: the chain was trusted as found, then anchored
    anchor_damaged: bool = False  # the anchor file was unreadable and is started anew
    anchor_error: str = ""  # why the anchor file could not be written, if it could not

    @property
    def sound(self) -> bool:
        return (
            not self.storage_problems
            and self.breach is None
            and self.anchor_problem is None
            and self.sequence_problem is None
            and self.search_problem is None
        )


def _row_models(connection: Connection) -> list[type[Base]]:
    """Audited tables keyed by an integer id that the database has (one at an older
    revision lacks the tables later ones add); the code sequence (keyed by its prefix) is
    checked by verify_sequences instead."""
    present = set(inspect(connection).get_table_names())
    return [
        m.class_
        for m in Base.registry.mappers
        if m.class_.__audited__
        and "id" in m.class_.__table__.c
        and m.class_.__tablename__ in present
    ]


@contextmanager
def _interruptible(connection: Connection, progress: Progress) -> Iterator[None]:
    """Let Cancel stop a long single statement too (SQLite's integrity check)."""
    raw: Any = connection.connection.driver_connection
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        raw.set_progress_handler(lambda: 1 if progress.cancelled else 0, 100_000)
    try:
        yield
    except OperationalError as exc:
        if progress.cancelled:
            raise Cancelled() from exc
        raise
    finally:
        if sqlite:
            raw.set_progress_handler(None, 0)


def _storage(connection: Connection, full: bool) -> tuple[str, ...]:
    if connection.dialect.name != "sqlite":
        return ()
    # quick_check skips matching every index against its table: a routine check stays
    # fast on a big file, a full one does it all.
    pragma = "integrity_check" if full else "quick_check"
    rows: Sequence[str] = connection.exec_driver_sql(f"PRAGMA {pragma}").scalars().all()
    storage = tuple(r for r in rows if r != "ok")
    fk = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    return storage + tuple(f"broken reference in {row[0]} row {row[1]}" for row in fk)


def _added_at_end(connection: Connection, model: type[Base]) -> Breach | None:
    """A routine check's cheap look for rows appended behind the program's back: a row
    beyond the highest id the chain knows for its table."""
    table: Any = model.__table__
    audit = AuditEntry.__table__
    last_row = connection.scalar(select(func.max(table.c.id)))
    known = connection.scalar(
        select(func.max(audit.c.entity_id)).where(audit.c.entity == table.name)
    )
    if last_row is not None and (known is None or last_row > known):
        return Breach(last_row, f"{table.name} {last_row} was added without the program")
    return None


class IntegrityService:
    def __init__(self, database: Database, anchor: ChainAnchor | None = None) -> None:
        self._db = database
        self._anchor = anchor

    def check(self, progress: Progress | None = None, full: bool = False) -> CheckReport:
        """Storage checks, the chain against its anchor, the chain, then the rows.

        ``progress`` hears (entries and rows verified, their total); cancelling it stops
        the check with ``Cancelled`` and nothing new is remembered. A sound check moves
        the anchor to the chain's end. Without an anchor every check is a full one."""
        progress = progress or silent()
        anchor = self._anchor.load() if self._anchor is not None else Anchor()
        since = None if full else anchor.verified
        with self._db.engine.connect() as connection:
            if connection.dialect.name == "postgresql":  # one snapshot, as SQLite gives
                connection.execution_options(isolation_level="REPEATABLE READ")
            with _interruptible(connection, progress):
                report, end = self._run(connection, progress, anchor, since)
        if report.sound and self._anchor is not None and end.id > 0:
            try:
                self._anchor.record_verified(end)
            except OSError as exc:  # the record is sound; only the next check will redo more
                return replace(report, anchor_error=f"{exc.strerror or exc} ({self._anchor.path})")
        return report

    def chain_restarted(self) -> None:
        """The program itself emptied the record and began a new chain: forget the anchor."""
        if self._anchor is not None:
            self._anchor.forget()

    def _run(
        self, connection: Connection, progress: Progress, anchor: Anchor, since: Mark | None
    ) -> tuple[CheckReport, Mark]:
        end = Mark(*chain_head(connection))
        after = since.id if since is not None else 0
        models = _row_models(connection)
        progress.report(0, 0, "counting")  # counting rows of a big file takes seconds
        total = self._total(connection, models, since)
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            progress.report(done, total)

        progress.report(0, total, "storage")
        first = connection.scalar(select(func.min(AuditEntry.id))) or 1
        facts: dict[str, Any] = {
            "entries_total": end.id - first + 1 if end.id else 0,  # ids run on, as verified
            "since": after,
            "unseen": max(0, end.id - anchor.head.id) if anchor.head is not None else 0,
            "first_anchor": anchor.head is None and anchor.verified is None,
            "anchor_damaged": anchor.damaged,
        }
        storage = _storage(connection, since is None)
        problem = rewritten(connection, anchor, end.id)
        if problem is not None:
            return CheckReport(storage, 0, None, anchor_problem=problem, **facts), end
        progress.report(done, total, "audit chain")
        checked, breach = verify_chain(
            connection, step=step, after=(since.id, since.hash) if since is not None else None
        )
        if breach is None:
            progress.report(done, total, "records")
            breach = self._rows(connection, models, since, step)
        sequence = None
        if breach is None:
            progress.report(done, total, "code sequences")
            sequence = verify_sequences(connection)
        found = None
        if breach is None and sequence is None:
            progress.report(done, total, "search index")
            found = verify_search(connection, since is None)
        progress.report(total, total)
        report = CheckReport(
            storage, checked, breach, sequence_problem=sequence, search_problem=found, **facts
        )
        return report, end

    @staticmethod
    def _total(connection: Connection, models: list[type[Base]], since: Mark | None) -> int:
        """Entries plus rows this check will verify (the figure progress counts up to)."""
        audit = AuditEntry.__table__
        after = since.id if since is not None else 0
        total = connection.scalar(select(func.count()).where(audit.c.id > after)) or 0
        if since is None:
            for model in models:
                total += connection.scalar(select(func.count()).select_from(model)) or 0
            return total
        entity = func.coalesce(audit.c.entity, "")  # read the new entries by id, not by index
        touched = connection.execute(
            select(entity, func.count(audit.c.entity_id.distinct()))
            .where(audit.c.id > after)
            .group_by(entity)
        )
        names = {model.__tablename__ for model in models}
        return total + sum(cast(int, count) for entity, count in touched if entity in names)

    @staticmethod
    def _rows(
        connection: Connection, models: list[type[Base]], since: Mark | None, step: Any
    ) -> Breach | None:
        for model in models:
            after = since.id if since is not None else None
            if since is None:
                breach = verify_rows(connection, model, step=step)
            else:
                breach = verify_rows(
                    connection, model, step=step, touched_after=after
                ) or _added_at_end(connection, model)
            if breach is None and model.__digests__:
                breach = verify_digests(connection, model, touched_after=after)
            if breach is not None:
                return breach
        return None
