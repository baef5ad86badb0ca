"""Many problems at once (a demo record, an Excel import): checked like one save, written fast.

Every row is checked with the very rules a single save uses (the record kinds' ``check``
of workbench.services.kinds, the 5-why check, the references, the life cycle's rules), and
every error is collected with the row it is in (``RowError``). If any row is wrong,
nothing at all is written. Otherwise the clean rows go to workbench.store.bulk, which
inserts them with their audit entries in one transaction. A ``Progress`` hears how far it
got and may cancel: then the transaction is rolled back and, again, nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sized

from workbench.services.base import Service
from workbench.services.bulk_rows import (
    CauseInput,
    ProblemInput,
    ResultInput,
    RowChecker,
    RowError,
    SolutionInput,
)
from workbench.services.errors import ValidationError
from workbench.services.progress import Progress, silent
from workbench.store.bulk import Written, bulk_writer, known_ids

__all__ = [
    "BatchError",
    "BulkService",
    "CauseInput",
    "ProblemInput",
    "ResultInput",
    "RowError",
    "SolutionInput",
    "Written",
]

# Rows between two progress reports (each may cancel): about a quarter of a second.
REPORT_EVERY = 1_000
# Errors collected before the check stops looking: enough to fix a sheet in one go.
MAX_ERRORS = 1_000
# Errors named in the exception's message; all of them are in ``rows``.
MESSAGE_ERRORS = 5


class BatchError(ValidationError):
    """Rows that break a rule; nothing of the batch was written.

    ``rows`` holds every error found (at most MAX_ERRORS; ``complete`` is False when the
    check stopped there); ``errors`` their FieldErrors, as for a single save."""

    def __init__(self, rows: list[RowError], complete: bool = True) -> None:
        super().__init__([r.error for r in rows])
        self.rows = rows
        self.complete = complete
        named = "; ".join(str(r) for r in rows[:MESSAGE_ERRORS])
        more = len(rows) - MESSAGE_ERRORS
        if more > 0:
            named += f"; and {more:,}{'' if complete else '+'} more"
        self.args = (f"nothing was written: {named}",)


def _total(problems: Iterable[ProblemInput], total: int) -> int:
    return len(problems) if not total and isinstance(problems, Sized) else total


class BulkService(Service):
    def check(self, problems: Iterable[ProblemInput]) -> list[RowError]:
        """The errors of a batch (at most MAX_ERRORS), without writing anything, e.g. to
        show them before an import."""
        with self._db.engine.connect() as connection:
            known = known_ids(connection)
        checker = RowChecker(known, self._clock(), self.today(), acting=lambda: 0)
        for row, problem in enumerate(problems, start=1):
            checker.problem(row, problem)
            if len(checker.errors) >= MAX_ERRORS:
                break
        return checker.errors[:MAX_ERRORS]

    def write(
        self,
        problems: Iterable[ProblemInput],
        progress: Progress | None = None,
        total: int = 0,
    ) -> Written:
        """Check every problem (with its causes, solutions and results) and write them all
        in one transaction, or nothing: raises BatchError naming each wrong row, field
        and reason, or Cancelled once ``progress`` is cancelled.

        ``progress`` hears (done, total) every REPORT_EVERY rows; ``total`` is how many
        there are (a list's length by default). Problem codes continue the code sequence
        and ids continue after the last ones, as if each had been saved alone."""
        progress = progress or silent()
        total = _total(problems, total)
        done = 0
        with bulk_writer(self._db, self.actor, problems=total) as writer:
            acting: list[int] = []

            def acting_person() -> int:
                if not acting:
                    acting.append(writer.person(self.actor))
                return acting[0]

            checker = RowChecker(writer.known_ids(), self._clock(), self.today(), acting_person)
            errors = checker.errors
            for row, problem in enumerate(problems, start=1):
                done = row
                clean = checker.problem(row, problem)
                if clean is not None and not errors:
                    writer.add(clean)
                elif len(errors) >= MAX_ERRORS:
                    break
                if row % REPORT_EVERY == 0:
                    progress.report(row, total)
            if errors:  # raised inside the transaction: it is rolled back
                raise BatchError(errors[:MAX_ERRORS], complete=len(errors) < MAX_ERRORS)
            progress.report(done, total or done)  # the last chance to cancel, before commit
        return Written(writer.problems, writer.rows, writer.entries)
