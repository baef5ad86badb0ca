"""What the reports say, read from the record: a quarter's facts (optionally one site's)
and one problem's A3 sheet.

Definitions, so every figure means one thing:

- a quarter runs from its first to its last day (workbench.services.quarters);
- problems opened: reported in the quarter; closed: closed in it (status closed);
- solutions done: done in the quarter; overdue: due in the quarter and before today, and
  not done by their due date (done late, or still not done; cancelled ones aside);
- measured results: measured in the quarter with a value after;
- the problems the analysis counts: open at some time in the quarter (reported by its
  end, or today if sooner, and not closed before it began), rejected ones left out;
- pilots: started by the quarter's end and running, or with a round ending in it;
- what is overdue is overdue today, whichever quarter is asked.

With a site, problems, their chains and the improvement items linked to them, and pilots
are that site's; training is kept for the whole plant. The chain's head is read last, so
every fact shown was written at or before that entry. The SQL of each figure is in
workbench.services.quarter_sql; this service puts them together with what the problems,
pilots and training services read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, false, func, or_, select, true
from sqlalchemy.orm import Session

from workbench.services import quarter_sql, quarters
from workbench.services.base import Service
from workbench.services.errors import NotFoundError
from workbench.services.improvement_pages import rows_of_quarter
from workbench.services.improvement_records import ImprovementRow, QuarterListView
from workbench.services.improvement_rules import COMMITTED
from workbench.services.pilots import PilotService
from workbench.services.problems import ProblemService
from workbench.services.progress import Progress, silent
from workbench.services.report_kpis import KpiReportService
from workbench.services.report_records import (
    ChainHead,
    ListCounts,
    PilotFacts,
    ProblemSheet,
    QuarterFacts,
    TrainingFacts,
)
from workbench.services.training import TrainingService
from workbench.store.audit import chain_head
from workbench.store.database import location
from workbench.store.models import (
    Cause,
    Department,
    ErpModule,
    ImprovementItem,
    ImprovementLink,
    Person,
    Problem,
    Result,
    Site,
)

_NOT_COUNTED = ("rejected",)
_STEPS = 8  # the progress of reading a quarter


class ReportService(Service):
    def quarter(
        self, quarter: str, site: str | None = None, progress: Progress | None = None
    ) -> QuarterFacts:
        """The facts of ``quarter`` (``2026Q3``; ValueError when it names none), of the
        site with code ``site`` (NotFoundError for an unknown one) or of all sites."""
        wanted = quarters.parse(quarter)
        progress = progress or silent()
        first, last, today = wanted.first_day, wanted.last_day, self.today()
        with self._db.read() as session:
            site_id, site_name = self._site(session, site)
            progress.report(1, _STEPS, "problems")
            problems = select(Problem.id)
            if site_id is not None:
                problems = problems.where(Problem.site_id == site_id)
            counts = quarter_sql.counts(session, problems, first, last, today)
            progress.report(2, _STEPS, "results")
            measured = quarter_sql.effects(
                session, problems, Result.measured_on.between(first, last)
            )
            progress.report(3, _STEPS, "improvements")
            listed, rows = self._list(session, str(wanted), problems, site_id)
            _, following = self._list(session, str(wanted.next()), problems, site_id)
            progress.report(4, _STEPS, "closed")
            closed = quarter_sql.closed(session, problems, first, last)
            progress.report(5, _STEPS, "analysis")
            scope = problems.where(
                Problem.reported_on <= min(last, today),
                true() if first <= today else false(),  # a quarter not begun has none yet
                Problem.status.not_in(_NOT_COUNTED),
                or_(Problem.closed_on.is_(None), Problem.closed_on >= first),
            )
            in_scope = session.scalar(select(func.count()).select_from(scope.subquery())) or 0
            causes = quarter_sql.tally(
                session, select(Cause.category).where(Cause.problem_id.in_(scope))
            )
            modules = quarter_sql.tally(
                session,
                select(ErpModule.name)
                .select_from(Problem)
                .outerjoin(ErpModule, ErpModule.id == Problem.erp_module_id)
                .where(Problem.id.in_(scope)),
            )
            costs = quarter_sql.tally(
                session, select(Problem.hidden_cost).where(Problem.id.in_(scope))
            )
            progress.report(6, _STEPS, "pilots")
            pilot_ids = quarter_sql.pilot_ids(session, site_id, first, last)
            progress.report(7, _STEPS, "training")
            training = quarter_sql.training_tallies(session, first, last)
            overdue = quarter_sql.overdue(session, problems, str(wanted), site_id, today)
        pilots = self._pilots(pilot_ids)
        training_facts = None
        if training:
            service = TrainingService(self._db, self.actor, self._clock)
            training_facts = TrainingFacts(training, service.coverage(), service.never_trained())
        kpi_facts = KpiReportService(self._db, self.actor, self._clock)
        progress.report(_STEPS, _STEPS, "head")
        return QuarterFacts(
            quarter=str(wanted),
            site_code=site,
            site_name=site_name,
            made_at=self._made_at(),
            author=self.actor,
            location=location(self._db.url),
            **counts,
            measured=measured,
            improvement_list=listed,
            improvement_rows=rows,
            list_counts=_list_counts(rows) if rows else None,
            next_quarter=str(wanted.next()),
            next_committed=tuple(r for r in following if r.status in COMMITTED),
            closed=closed,
            in_scope=in_scope,
            causes=causes,
            modules=modules,
            hidden_costs=costs,
            pilots=pilots,
            training=training_facts,
            overdue=overdue,
            kpis=kpi_facts.quarter(wanted, site_id),
            open_alerts=kpi_facts.open_alerts(site_id),
            head=self.head(),
        )

    def problem_sheet(self, code: str) -> ProblemSheet:
        """A problem's A3 sheet by its code; NotFoundError for a code that names none."""
        problems = ProblemService(self._db, self.actor, self._clock)
        problem_id = problems.id_of(code)
        if problem_id is None:
            raise NotFoundError(f"no problem {code}")
        detail = problems.get(problem_id)
        with self._db.read() as session:
            names = quarter_sql.names(session, Person, [detail.owner_id, detail.reporter_id])
            module = session.get(ErpModule, detail.erp_module_id or 0)
            site = session.get(Site, detail.site_id or 0)
            department = session.get(Department, detail.department_id or 0)
        training = TrainingService(self._db, self.actor, self._clock).for_problem(problem_id)
        return ProblemSheet(
            problem=detail,
            module=module.name if module else None,
            site=site.name if site else None,
            department=department.name if department else None,
            owner=names.get(detail.owner_id or 0),
            reporter=names.get(detail.reporter_id or 0),
            status_changes=problems.status_changes(problem_id),
            training=training,
            made_at=self._made_at(),
            author=self.actor,
            head=self.head(),
        )

    def head(self) -> ChainHead:
        """The audit chain's last entry now (0 and the genesis hash when it is empty)."""
        with self._db.engine.connect() as connection:
            return ChainHead(*chain_head(connection))

    def _made_at(self) -> dt.datetime:
        return self._clock().replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)

    # ---- the parts ---------------------------------------------------------------------
    @staticmethod
    def _site(session: Session, code: str | None) -> tuple[int | None, str | None]:
        if code is None:
            return None, None
        site = session.scalar(select(Site).where(Site.code == code))
        if site is None:
            known = ", ".join(session.scalars(select(Site.code).order_by(Site.code)))
            raise NotFoundError(f"no site {code!r} (the sites are: {known or 'none'})")
        return site.id, site.name

    def _list(
        self, session: Session, quarter: str, problems: Select[Any], site_id: int | None
    ) -> tuple[QuarterListView | None, tuple[ImprovementRow, ...]]:
        view = rows_of_quarter(session, quarter)
        rows = view.rows
        if site_id is not None:
            linked = set(
                session.scalars(
                    select(ImprovementLink.item_id)
                    .join(ImprovementItem, ImprovementItem.id == ImprovementLink.item_id)
                    .where(
                        ImprovementItem.quarter == quarter,
                        ImprovementLink.problem_id.in_(problems),
                    )
                )
            )
            rows = tuple(r for r in rows if r.id in linked)
        return (view if rows else None), rows

    def _pilots(self, ids: Iterable[int]) -> tuple[PilotFacts, ...]:
        service = PilotService(self._db, self.actor, self._clock)
        found = []
        for pilot_id in ids:
            detail = service.get(pilot_id)
            with self._db.read() as session:
                owner = session.get(Person, detail.owner_id or 0)
                site = session.get(Site, detail.site_id or 0)
            found.append(
                PilotFacts(
                    detail,
                    service.criterion_status(detail),
                    owner.name if owner else None,
                    site.name if site else None,
                )
            )
        return tuple(found)


def _list_counts(rows: Iterable[ImprovementRow]) -> ListCounts:
    listed = list(rows)
    return ListCounts(
        items=len(listed),
        committed=sum(r.status in COMMITTED for r in listed),
        done=sum(r.status == "done" for r in listed),
        carried_over=sum(r.carried.to_code is not None for r in listed),
        dropped=sum(r.status == "dropped" for r in listed),
        carried_in=sum(r.carried.count > 0 for r in listed),
    )
