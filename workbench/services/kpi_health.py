"""The monthly process health score (流程健康度评分) as a service, and its weights, a team
rule (``health_weights`` in ``team_setting``, audited). What the score is built from, and
how it is read, is workbench.services.health_read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select

from workbench.analysis.kpi_rules import DEFAULT_WEIGHTS, check_weights
from workbench.services import health_read
from workbench.services.base import Service
from workbench.services.dashboard_facts import HealthReport
from workbench.services.dashboard_read import WEIGHTS, weights
from workbench.services.errors import FieldError, ValidationError
from workbench.services.session_rows import SessionRows
from workbench.store.models import TeamSetting


class HealthService(Service):
    def weights(self) -> dict[str, int]:
        with self._db.read() as session:
            return weights(SessionRows(session))

    def set_weights(self, wanted: Mapping[str, int]) -> bool:
        """Set the score's weights (whole numbers adding up to 100); whether they changed."""
        if check_weights(wanted) is not None:
            raise ValidationError([FieldError("value", "weights", "weights must add up to 100")])
        value = json.dumps({k: wanted[k] for k in DEFAULT_WEIGHTS}, sort_keys=False)
        with self._db.write(self.actor) as session:
            row = session.scalar(select(TeamSetting).where(TeamSetting.key == WEIGHTS))
            if row is None:
                session.add(TeamSetting(key=WEIGHTS, value=value))
                return True
            if row.value == value:
                return False
            row.value = value
            return True

    def last_period(self) -> str:
        """The latest month measured (this month when nothing is)."""
        with self._db.read() as session:
            return health_read.last_period(SessionRows(session), self.today())

    def report(self, months: int = 12, last: str | None = None) -> HealthReport:
        """The overall score of the ``months`` months up to ``last`` (the latest measured),
        and the last month's per site and per module."""
        with self._db.read() as session:
            return health_read.report(SessionRows(session), self.today(), months, last)
