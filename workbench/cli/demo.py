"""`workbench demo`: a realistic improvement record to try the program on.

The lookups, small datasets and the quarterly improvement lists go through the services,
acted by the demo people themselves, so every row is validated and audited exactly as if
typed into the window.
Large datasets (``--problems`` above ``SERVICES_LIMIT``) go through the bulk service
(workbench.cli.bulk), which checks every row with the same rules and writes them fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workbench.app import anchor_of, open_services
from workbench.cli import bulk
from workbench.cli.demo_pilots import write_pilots
from workbench.cli.improvement_demo import write_improvements
from workbench.cli.knowledge_demo import write_knowledge
from workbench.cli.kpi_demo import write_kpis
from workbench.cli.scenario import (
    Catalogue,
    LookupIds,
    PlannedProblem,
    PlannedResult,
    PlannedSolution,
    Planner,
    load_catalogue,
)
from workbench.cli.training_demo import write_training
from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.user_data import has_user_data, seed_new_database

SERVICES_LIMIT = 500
SMALL_SPAN_DAYS = 300
BULK_SPAN_DAYS = 3 * 365

Progress = Callable[[int, int], None]


class NotEmptyError(Exception):
    """The database already holds a record; the demo would mix with it."""


def seed_lookups(services: Services, catalogue: Catalogue) -> LookupIds:
    """Write the ERP modules, sites, departments and people; return their ids."""
    lookups = services.lookups
    modules = {key: lookups.add_module(name).id for key, name in catalogue.modules}
    sites = tuple(lookups.add_site(code, name).id for code, name in catalogue.sites)
    departments = {key: lookups.add_department(name).id for key, name in catalogue.departments}
    people = {
        p.login: lookups.add_person(p.login, p.name, departments[p.department], p.role).id
        for p in catalogue.people
    }
    return LookupIds(modules, sites, departments, people)


# Why a demo problem was rejected (a reject must say why), in the demo's language.
REJECT_REASONS = {
    "zh_CN": "与已有问题重复，合并处理",
    "en": "A duplicate of a problem already on the list; handled there",
}


class _Writer:
    """Writes planned problems through the services, each step by the person doing it."""

    def __init__(self, services: Services, lang: str = "en") -> None:
        self._base = services
        self._acting: dict[str, Services] = {}
        self._reject_reason = REJECT_REASONS.get(lang, REJECT_REASONS["en"])

    def _as(self, login: str) -> Services:
        if login not in self._acting:
            self._acting[login] = Services.build(self._base.database, login)
        return self._acting[login]

    def write(self, plan: PlannedProblem) -> None:
        owner = self._as(plan.owner)
        problem_id = self._as(plan.reporter).problems.create(plan.values).id
        if plan.status == "open":
            return
        owner.problems.change_status(problem_id, "analysing")
        solutions: list[tuple[int, PlannedSolution]] = []
        for cause in plan.causes:
            detail = owner.chain.add(CAUSE, problem_id, {**cause.values, "whys": cause.whys})
            if cause.solution is not None:
                solutions.append((detail.causes[-1].id, cause.solution))
        if plan.status in ("analysing", "rejected"):
            if plan.status == "rejected":
                owner.problems.change_status(problem_id, "rejected", reason=self._reject_reason)
            return
        owner.problems.change_status(problem_id, "solving")
        results: list[tuple[int, PlannedResult]] = []
        for cause_id, solution in solutions:
            detail = owner.chain.add(SOLUTION, cause_id, solution.values)
            cause_record = next(c for c in detail.causes if c.id == cause_id)
            if solution.result is not None:
                results.append((cause_record.solutions[-1].id, solution.result))
        if plan.status == "solving":
            return
        owner.problems.change_status(problem_id, "verifying")
        verifier = self._as(plan.verifier)
        for solution_id, result in results:
            detail = owner.chain.add(RESULT, solution_id, result.values)
            if result.verified_on is not None:
                added = [r for r in detail.results() if r.solution_id == solution_id][-1]
                verifier.chain.verify_result(added.id)
        if plan.status == "closed":
            verifier.problems.change_status(problem_id, "closed")


def has_record(services: Services) -> bool:
    """Does the database hold someone's data (a new one's untouched KPIs do not count)?"""
    return has_user_data(services.database)


def write_demo(
    services: Services, lang: str, count: int, force: bool, progress: Progress | None = None
) -> None:
    """Write the demo record; a database that already has one needs ``force``."""
    if has_record(services):
        if not force:
            raise NotEmptyError(
                "the database already has data; use --force to replace it with the demo"
            )
        bulk.empty_record(services)
        services.integrity.chain_restarted()
        seed_new_database(services)  # emptied: as a new database, with the articles' KPIs
    catalogue = load_catalogue(lang)
    ids = seed_lookups(services, catalogue)
    today = services.problems.today()
    write_pilots(services, catalogue, ids, lang, today)
    if count <= SERVICES_LIMIT:
        writer = _Writer(services, lang)
        for plan in Planner(catalogue, ids, today, SMALL_SPAN_DAYS).problems(count):
            writer.write(plan)
    else:
        plans = Planner(catalogue, ids, today, BULK_SPAN_DAYS).problems(count)
        bulk.write_problems(services, plans, ids.people, count, progress)
    # Four quarters of improvement lists over the most frequent, highest-impact problems.
    write_improvements(services, lang, today)
    # A year of training on the modules the departments work in, with one gap left.
    write_training(services, lang, today)
    # The usage champions' tips and FAQs, linked to the problems they answer.
    write_knowledge(services, lang)
    # The articles' KPIs with two years of measurements, a few breaches and their tickets
    # (not in a bulk demo, whose problems are exactly the number asked, in code order).
    if count <= SERVICES_LIMIT:
        write_kpis(services, lang, ids, today)


class FileInUseError(Exception):
    """Another program still has the database open; replacing it would lose its writes."""


def replace_file_with_demo(
    path: Path, lang: str, count: int, progress: Progress | None = None
) -> None:
    """Build the demo in a new file beside ``path``, then rename it over ``path``.

    Until the rename the old file is untouched, so a crash or Ctrl+C half-way through
    a big demo loses nothing. The caller must have closed its own connections.
    """
    if Path(f"{path}-wal").exists():
        raise FileInUseError(f"{path} is open in another program; close it first")
    partial = path.with_name(path.name + ".demo-part")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    services = open_services(str(partial))
    try:
        write_demo(services, lang, count, force=False, progress=progress)
    finally:
        services.database.dispose()
    Path(f"{path}-shm").unlink(missing_ok=True)
    os.replace(partial, path)
    anchor_of(str(partial)).move_to(anchor_of(str(path)))  # the new chain's head goes along
