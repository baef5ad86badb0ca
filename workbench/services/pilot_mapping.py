"""Pilots' rows to frozen records (workbench.services.pilot_records), inside the unit of
work that loaded them, each with its version (workbench.services.versions)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, selectinload

from workbench.services.errors import NotFoundError
from workbench.services.pilot_records import PilotDetail, PilotRolloutRecord, PilotRoundRecord
from workbench.services.versions import versions
from workbench.store.models import Pilot


def _record(cls: Any, row: Any, version: int, **extra: Any) -> Any:
    """A frozen record of ``cls`` from the row's columns of the same names."""
    names = [n for n in cls.__dataclass_fields__ if n != "version" and n not in extra]
    return cls(**{n: getattr(row, n) for n in names}, **extra, version=version)


def load_pilot(session: Session, pilot_id: int) -> Pilot:
    pilot = session.get(
        Pilot,
        pilot_id,
        options=[selectinload(Pilot.rounds), selectinload(Pilot.rollouts)],
        populate_existing=True,
    )
    if pilot is None:
        raise NotFoundError(f"pilot {pilot_id} does not exist")
    return pilot


def pilot_detail(session: Session, pilot: Pilot) -> PilotDetail:
    rounds = versions(session, "pilot_round", [r.id for r in pilot.rounds])
    rollouts = versions(session, "pilot_rollout", [r.id for r in pilot.rollouts])
    return _record(
        PilotDetail,
        pilot,
        versions(session, "pilot", [pilot.id]).get(pilot.id, 0),
        rounds=tuple(
            _record(PilotRoundRecord, r, rounds.get(r.id, 0))
            for r in sorted(pilot.rounds, key=lambda r: r.number)
        ),
        rollouts=tuple(
            _record(PilotRolloutRecord, r, rollouts.get(r.id, 0)) for r in pilot.rollouts
        ),
    )
