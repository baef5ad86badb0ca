"""Writing an import: new list entries, new problems with kept codes, updates by code.

An import (workbench.transfer) hands its rows here for the preview, so what the preview
says is what the write does: each new problem is checked by the bulk checker
(``RowChecker``: the rules of a single save, but a problem imported as closed keeps its
status), each update by the problem kind's ``check`` and the references, and a closed
problem takes no change. The checked rows are kept (workbench.services.import_keep) and
the write takes them; when the file or the database changed since the preview, the
file's rows come again and are checked again. The write is one transaction
(workbench.store.bulk_import): every row or none, and a cancel through ``Progress``
rolls it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.services import kinds
from workbench.services.base import REFERENCES, Service
from workbench.services.bulk import MAX_ERRORS, REPORT_EVERY, BatchError
from workbench.services.bulk_rows import ProblemInput, RowChecker, RowError
from workbench.services.errors import FieldError
from workbench.services.import_keep import ACTING, KeptRows, Settled, settle
from workbench.services.progress import Progress, silent
from workbench.services.vocabulary import PROBLEM_STATUSES
from workbench.store.audit import chain_head
from workbench.store.bulk import NewProblem, known_ids
from workbench.store.bulk_import import ImportWriter, existing_codes, import_writer, list_rows

# A list entry's key in an import: (table, the name as matched, folded).
EntryKey = tuple[str, str]
Resolved = Mapping[EntryKey, int]


@dataclass(frozen=True)
class NewEntry:
    """A site, department, person or module an import names and the lists lack."""

    table: str
    key: str  # the folded name rows refer to it by
    values: Mapping[str, Any]


@dataclass(frozen=True)
class ProblemUpdate:
    """A row whose code names a problem the database holds: its fields to set."""

    row: int
    problem_id: int
    values: Mapping[str, Any]
    status: str | None = None


@dataclass(frozen=True)
class NewRow:
    """A row that creates a problem (with its chain)."""

    row: int
    problem: ProblemInput


Item = NewRow | ProblemUpdate


@dataclass
class Tally:
    """What a preview found: rows to create, update, leave; the errors; the kept codes."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    kept: KeptRows | None = None  # the checked rows, for the write (when none is wrong)
    left_out: int = 0  # rows that are no record (a sign-in sheet's absentee)
    # (table, placeholder) of names only left-out rows give: not proposed for the lists
    unused: frozenset[tuple[str, int]] = frozenset()


@dataclass(frozen=True)
class ImportWritten:
    created: int
    updated: int
    entries: int  # new list entries
    audit_entries: int


def _closed_error() -> FieldError:
    return FieldError(
        "status", "closed_read_only", "the problem is closed: reopen it before changing it", {}
    )


class UpdateChecker:
    """Checks updates: the kind's rules on the given fields, references, closed stays closed."""

    def __init__(
        self, known: Mapping[str, set[int]], existing: Mapping[int, Mapping[str, Any]]
    ) -> None:
        self._known = known
        self._existing = existing

    def check(self, update: ProblemUpdate) -> tuple[dict[str, Any], list[FieldError]]:
        clean, errors = kinds.PROBLEM.check(update.values, complete=False)
        for name, table in ((n, str(m.__tablename__)) for n, m in REFERENCES.items()):
            if clean.get(name) is not None and clean[name] not in self._known[table]:
                errors.append(
                    FieldError(name, "unknown_reference", "refers to an entry that does not exist")
                )
        columns = kinds.PROBLEM.columns(clean)
        if update.status is not None:
            if update.status not in PROBLEM_STATUSES:
                errors.append(
                    FieldError(
                        "status",
                        "unknown_choice",
                        f"must be one of {', '.join(PROBLEM_STATUSES)}",
                        {"choices": PROBLEM_STATUSES},
                    )
                )
            columns["status"] = update.status
        current = self._existing.get(update.problem_id, {})
        changes = {k: v for k, v in columns.items() if current.get(k) != v}
        if changes and current.get("status") == "closed":
            errors.append(_closed_error())
        return changes, errors


class ImportService(Service):
    def lists(self) -> dict[str, list[dict[str, Any]]]:
        """Every entry of the lists rows may name (sites, departments, people, modules)."""
        with self._db.engine.connect() as connection:
            return {
                table: list_rows(connection, table)
                for table in ("site", "department", "person", "erp_module")
            }

    def existing(self, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The problems the database holds with these codes: their columns, by code."""
        with self._db.engine.connect() as connection:
            return existing_codes(connection, "problem", list(codes))

    def existing_by_id(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The problems with these ids: their columns, by id."""
        with self._db.engine.connect() as connection:
            rows = existing_codes(connection, "problem", [], ids=list(ids))
        return {int(row["id"]): row for row in rows.values()}

    def known(self) -> dict[str, set[int]]:
        with self._db.engine.connect() as connection:
            return known_ids(connection)

    def checkers(
        self, placeholders: Mapping[str, set[int]], existing: Mapping[int, Mapping[str, Any]]
    ) -> tuple[RowChecker, UpdateChecker]:
        """The checks of a preview: the lists as they are plus the entries the import
        would create (their placeholder ids)."""
        known = self.known()
        for table, ids in placeholders.items():
            # The preview's own set: placeholders it adds later are known too.
            ids.update(known[table])
            known[table] = ids
        rows = RowChecker(known, self._clock(), self.today(), acting=lambda: 0)
        return rows, UpdateChecker(known, existing)

    def head(self) -> tuple[int, str]:
        """The audit chain's head: what changes with every write to the record."""
        with self._db.engine.connect() as connection:
            return chain_head(connection)

    def preview(
        self,
        items: Iterable[Item],
        placeholders: Mapping[str, set[int]],
        *,
        source: Path | None = None,
    ) -> Tally:
        """Check every item as the write will, writing nothing. ``placeholders``: the ids
        a preview gives the list entries it would create (it may add to them while
        ``items`` are read). With ``source`` (the file read) the checked rows are kept
        for the write (``Tally.kept``) when none is wrong."""
        kept = KeptRows(source, self.head()) if source is not None else None
        try:
            tally = self._preview(items, placeholders, kept)
        except BaseException:
            if kept is not None:
                kept.discard()
            raise
        if kept is not None:
            if tally.errors:
                kept.discard()
            else:
                kept.close()
                tally.kept = kept
        return tally

    def _preview(
        self, items: Iterable[Item], placeholders: Mapping[str, set[int]], kept: KeptRows | None
    ) -> Tally:
        tally = Tally()
        rows, _ = self.checkers(placeholders, {})
        pending: list[ProblemUpdate] = []
        for item in items:
            if isinstance(item, NewRow):
                clean = rows.problem(item.row, item.problem)
                if clean is not None:
                    tally.created += 1
                    if kept is not None:
                        kept.add(clean)
                if item.problem.code:
                    tally.codes.append(item.problem.code)
            else:
                pending.append(item)
        tally.errors.extend(rows.errors)
        if pending:
            existing = self.existing_by_id([u.problem_id for u in pending])
            _, updates = self.checkers(placeholders, existing)
            for update in pending:
                changes, errors = updates.check(update)
                if errors:
                    tally.errors.extend(RowError(update.row, "problem", e) for e in errors)
                elif changes:
                    tally.updated += 1
                else:
                    tally.unchanged += 1
                if kept is not None:
                    kept.add(update)
        return tally

    def write(
        self,
        entries: Sequence[NewEntry],
        codes: Iterable[str],
        items: Callable[[Resolved], Iterable[Item]],
        progress: Progress | None = None,
        total: int = 0,
        then: Callable[[ImportWriter, Resolved], None] | None = None,
        *,
        kept: KeptRows | None = None,
    ) -> ImportWritten:
        """Create ``entries``, then check and write every item of ``items(ids)`` (``ids``:
        each new entry's id by its key) in one transaction, or nothing: raises BatchError
        naming each wrong row's field and reason, or Cancelled. The preview's ``kept``
        rows are written instead of ``items`` while the file and the database are as the
        preview found them (workbench.services.import_keep); they are discarded after.
        ``then(writer, ids)`` writes more in the same transaction after the problems (the
        whole record's other kinds) and may raise BatchError too."""
        progress = progress or silent()
        stamp = self._clock()
        try:
            indexing = progress.check  # Cancel works while the new rows are indexed too
            with import_writer(self._db, self.actor, total, indexing) as writer:
                writer.reserve(codes)
                ids: dict[EntryKey, int] = {}
                for entry in entries:  # a value (table, key) names an entry created before it
                    values = {
                        name: ids[value] if isinstance(value, tuple) else value
                        for name, value in entry.values.items()
                    }
                    ids[(entry.table, entry.key)] = writer.add_entry(entry.table, values)
                acting: list[int] = []

                def acting_person() -> int:
                    if not acting:
                        acting.append(writer.person(self.actor))
                    return acting[0]

                known = writer.known_ids()
                errors: list[RowError] = []
                if kept is not None and kept.usable(writer.head_before):
                    keys = [(entry.table, entry.key) for entry in entries]

                    def placeholder(value: int) -> int:
                        return acting_person() if value == ACTING else ids[keys[-1 - value]]

                    done, pending = _add_kept(writer, kept, placeholder, stamp, progress, total)
                else:
                    checker = RowChecker(known, stamp, self.today(), acting_person)
                    errors = checker.errors
                    done, pending = _add_checked(writer, checker, items(ids), progress, total)
                updates: list[tuple[int, dict[str, Any]]] = []
                update_errors: list[RowError] = []
                if pending:
                    existing = writer.rows_by_id("problem", [u.problem_id for u in pending])
                    update_checker = UpdateChecker(known, existing)
                    for update in pending:
                        changes, found = update_checker.check(update)
                        update_errors += [RowError(update.row, "problem", e) for e in found]
                        if changes.get("status") == "closed":
                            changes["imported_at"] = stamp
                        updates.append((update.problem_id, changes))
                wrong = sorted(errors + update_errors, key=lambda e: e.row)
                if wrong:  # raised inside the transaction: it is rolled back
                    raise BatchError(wrong[:MAX_ERRORS], complete=len(wrong) < MAX_ERRORS)
                for problem_id, changes in updates:
                    writer.update("problem", problem_id, changes)
                if then is not None:
                    writer.flush()  # the problems first: the other kinds link them
                    then(writer, ids)
                progress.report(done, total or done)  # the last chance to cancel, before commit
        finally:
            if kept is not None:
                kept.discard()
        return ImportWritten(writer.problems, writer.updated, len(ids), writer.entries)


def _add_checked(
    writer: ImportWriter,
    checker: RowChecker,
    items: Iterable[Item],
    progress: Progress,
    total: int,
) -> tuple[int, list[ProblemUpdate]]:
    """Check each new problem and add it while no row is wrong; the updates for later."""
    errors = checker.errors
    pending: list[ProblemUpdate] = []
    done = 0
    for done, item in enumerate(items, start=1):
        if isinstance(item, NewRow):
            clean = checker.problem(item.row, item.problem)
            if clean is not None and not errors:
                writer.add(clean)
        else:
            pending.append(item)
        if len(errors) >= MAX_ERRORS:
            break
        if done % REPORT_EVERY == 0:
            progress.report(done, total)
    return done, pending


def _add_kept(
    writer: ImportWriter,
    kept: KeptRows,
    placeholder: Callable[[int], int],
    stamp: dt.datetime,
    progress: Progress,
    total: int,
) -> tuple[int, list[ProblemUpdate]]:
    """Add the preview's checked problems, their placeholders settled and their times the
    write's (as the check would give them); the updates for later."""
    pending: list[ProblemUpdate] = []
    done = 0
    ids = Settled(placeholder)
    for done, item in enumerate(kept, start=1):
        if isinstance(item, NewProblem):
            values = item.values
            settle(values, ids)
            values["created_at"] = values["updated_at"] = stamp
            if values.get("imported_at") is not None:
                values["imported_at"] = stamp
            for cause in item.causes:
                for solution in cause.solutions:
                    settle(solution.values, ids)
                    for result in solution.results:
                        settle(result.values, ids)
            writer.add(item)
        else:
            values = dict(item.values)
            settle(values, ids)
            pending.append(replace(item, values=values))
        if done % REPORT_EVERY == 0:
            progress.report(done, total)
    return done, pending
