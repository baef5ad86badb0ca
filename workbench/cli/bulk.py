"""A large demo record written in bulk: the planned problems handed to the bulk service.

workbench.services.bulk checks every row with the rules of a single save and writes them
all with their audit entries in one transaction (workbench.store.bulk); this module only
turns the scenario's plans into its inputs: when each step happened, and who verified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping

from workbench.cli.scenario import PlannedCause, PlannedProblem
from workbench.services import Services
from workbench.services.bulk import (
    CauseInput,
    ProblemInput,
    ResultInput,
    SolutionInput,
    Written,
)
from workbench.services.progress import Progress
from workbench.store import bulk as store

# The command prints a line every this many problems.
PROGRESS_EVERY = 100_000


def empty_record(services: Services) -> None:
    """Delete every row and start a new audit chain (demo ``--force``)."""
    store.empty_record(services.database)


def _at(moment: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(moment, dt.time(hour))


def _cause(plan: PlannedCause, verifier: int) -> CauseInput:
    solution = plan.solution
    solutions: tuple[SolutionInput, ...] = ()
    if solution is not None:
        results: tuple[ResultInput, ...] = ()
        result = solution.result
        if result is not None:
            verified_on = result.verified_on
            if verified_on is None:
                results = (ResultInput(result.values),)
            else:
                results = (ResultInput(result.values, _at(verified_on, 11), verifier),)
        solutions = (SolutionInput(solution.values, results),)
    return CauseInput({**plan.values, "whys": plan.whys}, solutions)


def problem_input(plan: PlannedProblem, people: Mapping[str, int]) -> ProblemInput:
    """The planned problem as the bulk service takes it: reported at 9:00 on its day,
    last changed at 17:00 on the day it closed (or was reported)."""
    reported: dt.date = plan.values["reported_on"]
    verifier = people[plan.verifier]
    return ProblemInput(
        plan.values,
        status=plan.status,
        closed_on=plan.closed_on,
        created_at=_at(reported, 9),
        updated_at=_at(plan.closed_on or reported, 17),
        causes=tuple(_cause(cause, verifier) for cause in plan.causes),
    )


def _every(progress: Callable[[int, int], None] | None) -> Progress | None:
    """A Progress telling ``progress`` every PROGRESS_EVERY problems."""
    if progress is None:
        return None
    told = 0

    def listen(done: int, total: int, _message: str) -> None:
        nonlocal told
        if done % PROGRESS_EVERY == 0 and done > told:
            told = done
            progress(done, total)

    return Progress(listen)


def write_problems(
    services: Services,
    plans: Iterable[PlannedProblem],
    people: Mapping[str, int],
    total: int,
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """Write the planned problems with their chains through the bulk service, in one
    transaction; ``people`` are the demo people's ids by login."""
    inputs: Iterator[ProblemInput] = (problem_input(plan, people) for plan in plans)
    return services.bulk.write(inputs, _every(progress), total)
