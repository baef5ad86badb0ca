"""Pilots (试点): create, edit and delete them, their rounds and roll-outs, and read
whether they meet their success criterion.

Every write is one audited unit of work with its ChangeSet, so the generic undo
(workbench.services.history) reverses it; the undo rule ``pilots_stay_in_order`` keeps
an undo from leaving a pilot against its rules (workbench.services.pilot_rules). Each
change of a round or roll-out returns the refreshed PilotDetail. ``version`` arguments
work as in ProblemService.update: a record saved by someone since is refused with
ConflictError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.services import fields
from workbench.services import pilot_rules as rules
from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.history import Touched
from workbench.services.kinds import PILOT, PILOT_ROLLOUT, PILOT_ROUND, RecordKind
from workbench.services.pilot_mapping import load_pilot, pilot_detail
from workbench.services.pilot_records import CriterionStatus, PilotDetail, PilotRow
from workbench.services.versions import require_version
from workbench.store.models import CodeSequence, Person, Pilot, PilotRollout, PilotRound

if TYPE_CHECKING:
    from workbench.analysis.charts import Chart

_DATES = ("starts_on", "ends_on")
_CHILDREN: Mapping[str, type[PilotRound] | type[PilotRollout]] = {
    "pilot_round": PilotRound,
    "pilot_rollout": PilotRollout,
}


def _clean(kind: RecordKind, values: Mapping[str, Any]) -> dict[str, Any]:
    clean, errors = kind.check(values)
    if errors:
        raise ValidationError(errors)
    return clean


def _settle(pilot: Pilot, now: dt.datetime) -> None:
    """The pilot's status follows its last round's decision; roll-outs need adoption."""
    status = rules.status_of([r.decision for r in sorted(pilot.rounds, key=lambda r: r.number)])
    if status == pilot.status:
        return
    if pilot.status == rules.ADOPTED and pilot.rollouts:
        raise ValidationError([rules.HAS_ROLLOUTS])
    pilot.status = status
    pilot.updated_at = now


def _done_on(status: str, done_on: dt.date | None, today: dt.date) -> dt.date | None:
    """A done roll-out has the date it was done (today unless given); no other one has."""
    return (done_on or today) if status == "done" else None


class PilotService(Service):
    # ---- reading -----------------------------------------------------------------------
    def rows(self) -> tuple[PilotRow, ...]:
        """Every pilot, the newest start first."""
        rounds = (
            select(func.count(PilotRound.id))
            .where(PilotRound.pilot_id == Pilot.id)
            .scalar_subquery()
        )
        query = (
            select(
                Pilot.id,
                Pilot.code,
                Pilot.name,
                Pilot.scope,
                Pilot.status,
                Pilot.started_on,
                rounds,
                Person.name,
            )
            .outerjoin(Person, Person.id == Pilot.owner_id)
            .order_by(Pilot.started_on.desc(), Pilot.id.desc())
        )
        with self._db.read() as session:
            return tuple(PilotRow(*cast(tuple[Any, ...], row)) for row in session.execute(query))

    def get(self, pilot_id: int) -> PilotDetail:
        with self._db.read() as session:
            return pilot_detail(session, load_pilot(session, pilot_id))

    def id_of(self, code: str) -> int | None:
        with self._db.read() as session:
            return session.scalar(select(Pilot.id).where(Pilot.code == code.strip().upper()))

    def criterion_status(self, pilot: PilotDetail | int) -> CriterionStatus:
        """Whether ``pilot`` meets its success criterion, per round and now."""
        detail = self.get(pilot) if isinstance(pilot, int) else pilot
        return rules.criterion_status(
            detail.criterion_measure,
            detail.criterion_direction,
            detail.criterion_threshold,
            detail.rounds,
        )

    def charts(self, pilot: PilotDetail | int, language: str) -> tuple[Chart, Chart]:
        """The pilot's two charts (workbench.analysis.pilot_charts) in ``language``."""
        from workbench.analysis.pilot_charts import pilot_charts

        return pilot_charts(self.get(pilot) if isinstance(pilot, int) else pilot, language)

    # ---- pilots ------------------------------------------------------------------------
    def validate(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a whole pilot form, as the user types."""
        return PILOT.check({**self._defaults(PILOT), **values})[1]

    def validate_round(self, values: Mapping[str, Any]) -> list[FieldError]:
        """Errors of a round form (dates left empty are planned, so they are not required)."""
        # A date left empty is planned on saving; here it stands aside (the earliest start,
        # the latest end), so only dates typed are held against each other.
        planned = {
            name: day
            for name, day in zip(_DATES, (fields.EARLIEST, fields.LATEST), strict=True)
            if values.get(name) in (None, "")
        }
        clean, errors = PILOT_ROUND.check({**values, **planned})
        return errors or rules.duration_errors(clean)

    @staticmethod
    def _defaults(kind: RecordKind) -> dict[str, Any]:
        return {k: v for k, v in kind.blank().items() if v is not None and v != ""}

    def create(self, values: Mapping[str, Any]) -> PilotDetail:
        clean = _clean(PILOT, {**self._defaults(PILOT), **values})
        now = self._clock()
        with self._db.write(self.actor) as session:
            self._check_references(session, clean)
            pilot = Pilot(
                **PILOT.columns(clean),
                code=self._next_code(session, clean["started_on"].year),
                status=rules.RUNNING,
                created_at=now,
                updated_at=now,
            )
            session.add(pilot)
            session.flush()
            return pilot_detail(session, pilot)

    def update(
        self, pilot_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> PilotDetail:
        """Change fields of a pilot; a new round length or start re-plans its rounds not
        yet ended whose dates were not set by hand."""
        with self._db.write(self.actor) as session:
            pilot = load_pilot(session, pilot_id)
            require_version(session, "pilot", pilot_id, version)
            stored = PILOT.field_values(pilot)
            clean = _clean(PILOT, {**stored, **changes})
            self._check_references(session, {name: clean[name] for name in changes})
            changed = {name: clean[name] for name in changes if stored[name] != clean[name]}
            for name, value in PILOT.columns(changed).items():
                setattr(pilot, name, value)
            if changed:
                pilot.updated_at = self._clock()
            if {"round_days", "started_on"} & changed.keys():
                self._replan(pilot)
            session.flush()
            return pilot_detail(session, pilot)

    def delete(self, pilot_id: int) -> None:
        """Delete a pilot with its rounds and roll-outs (an undo brings them back)."""
        with self._db.write(self.actor) as session:
            session.delete(load_pilot(session, pilot_id))

    def _replan(self, pilot: Pilot) -> None:
        for row, starts, ends in rules.replan(
            pilot.rounds, pilot.started_on, pilot.round_days, self.today()
        ):
            assert isinstance(row, PilotRound)
            row.starts_on, row.ends_on = starts, ends

    # ---- rounds ------------------------------------------------------------------------
    def add_round(self, pilot_id: int, values: Mapping[str, Any]) -> PilotDetail:
        """Add the next round; dates left out follow the plan (set ones are kept as set).
        Refused after a round that adopted or stopped the pilot."""
        with self._db.write(self.actor) as session:
            pilot = load_pilot(session, pilot_id)
            rounds = sorted(pilot.rounds, key=lambda r: r.number)
            if rounds and rounds[-1].decision in rules.FINAL:
                raise ValidationError([rules.ended_error(rounds[-1].number)])
            previous_end = rounds[-1].ends_on if rounds else None
            clean, fixed = self._round_values(pilot, PILOT_ROUND.blank(), values, previous_end)
            row = PilotRound(
                **PILOT_ROUND.columns(clean),
                number=rounds[-1].number + 1 if rounds else 1,
                dates_fixed=fixed,
            )
            pilot.rounds.append(row)
            _settle(pilot, self._clock())
            session.flush()
            return pilot_detail(session, pilot)

    def _round_values(
        self,
        pilot: Pilot,
        stored: Mapping[str, Any],
        changes: Mapping[str, Any],
        previous_end: dt.date | None,
        was_fixed: bool | None = None,
    ) -> tuple[dict[str, Any], bool]:
        """Clean round values and whether its dates are now set by hand (``was_fixed``
        None: a new round). A date typed sets them by hand, the other following from it
        (an end a round's length after a start typed alone); an empty one gives them back
        to the plan; untouched ones stay."""
        given = {n: changes[n] for n in _DATES if n in changes and changes[n] not in (None, "")}
        cleared = any(n in changes and changes[n] in (None, "") for n in _DATES)
        fixed = bool(given) or (bool(was_fixed) and not cleared)
        merged = {**stored, **changes}
        if was_fixed is None or cleared:
            merged["starts_on"] = rules.planned(pilot.started_on, previous_end)
            merged["ends_on"] = rules.end_of(merged["starts_on"], pilot.round_days)
        merged.update(given)
        if "starts_on" in given and "ends_on" not in given:
            start = PILOT_ROUND.check({"starts_on": given["starts_on"]}, complete=False)[0]
            if "starts_on" in start:
                merged["ends_on"] = rules.end_of(start["starts_on"], pilot.round_days)
        clean = _clean(PILOT_ROUND, merged)
        errors = rules.duration_errors(clean)
        if errors:
            raise ValidationError(errors)
        return clean, fixed

    def update_round(
        self, round_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> PilotDetail:
        """Change a round. A date typed sets its dates by hand; an empty one gives them
        back to the plan. Later rounds not yet ended follow on."""
        with self._db.write(self.actor) as session:
            row = self._get(session, PilotRound, round_id)
            require_version(session, "pilot_round", round_id, version)
            pilot = load_pilot(session, row.pilot_id)
            rounds = sorted(pilot.rounds, key=lambda r: r.number)
            later = [r for r in rounds if r.number > row.number]
            decision = changes.get("decision", row.decision)
            if decision in rules.FINAL and later:
                raise ValidationError([rules.final_not_last_error(later[0].number)])
            earlier = [r for r in rounds if r.number < row.number]
            clean, fixed = self._round_values(
                pilot,
                PILOT_ROUND.field_values(row),
                changes,
                earlier[-1].ends_on if earlier else None,
                row.dates_fixed,
            )
            for name, value in PILOT_ROUND.columns(clean).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            row.dates_fixed = fixed
            self._replan(pilot)
            _settle(pilot, self._clock())
            session.flush()
            return pilot_detail(session, pilot)

    def delete_round(self, round_id: int) -> PilotDetail:
        """Delete a pilot's last round (the others have rounds after them)."""
        with self._db.write(self.actor) as session:
            row = self._get(session, PilotRound, round_id)
            pilot = load_pilot(session, row.pilot_id)
            last = max(r.number for r in pilot.rounds)
            if row.number != last:
                raise ValidationError(
                    [
                        FieldError(
                            "number",
                            "not_last_round",
                            f"only the last round can be deleted: round {last} follows it",
                            {"value": last},
                        )
                    ]
                )
            pilot.rounds.remove(row)
            _settle(pilot, self._clock())
            session.flush()
            return pilot_detail(session, pilot)

    # ---- roll-outs ---------------------------------------------------------------------
    def add_rollout(self, pilot_id: int, values: Mapping[str, Any]) -> PilotDetail:
        """Plan the roll-out of an adopted pilot to another line or site."""
        clean = _clean(PILOT_ROLLOUT, {**self._defaults(PILOT_ROLLOUT), **values})
        with self._db.write(self.actor) as session:
            pilot = load_pilot(session, pilot_id)
            if pilot.status != rules.ADOPTED:
                raise ValidationError([rules.NOT_ADOPTED])
            self._check_references(session, clean)
            clean["done_on"] = _done_on(clean["status"], clean.get("done_on"), self.today())
            pilot.rollouts.append(PilotRollout(**PILOT_ROLLOUT.columns(clean)))
            session.flush()
            return pilot_detail(session, pilot)

    def update_rollout(
        self, rollout_id: int, changes: Mapping[str, Any], version: int | None = None
    ) -> PilotDetail:
        with self._db.write(self.actor) as session:
            row = self._get(session, PilotRollout, rollout_id)
            require_version(session, "pilot_rollout", rollout_id, version)
            clean = _clean(PILOT_ROLLOUT, {**PILOT_ROLLOUT.field_values(row), **changes})
            self._check_references(session, {name: clean[name] for name in changes})
            clean["done_on"] = _done_on(clean["status"], clean.get("done_on"), self.today())
            for name, value in PILOT_ROLLOUT.columns(clean).items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            session.flush()  # before the pilot is read again with its roll-outs
            return pilot_detail(session, load_pilot(session, row.pilot_id))

    def delete_rollout(self, rollout_id: int) -> PilotDetail:
        with self._db.write(self.actor) as session:
            row = self._get(session, PilotRollout, rollout_id)
            pilot_id = row.pilot_id
            session.delete(row)
            session.flush()
            return pilot_detail(session, load_pilot(session, pilot_id))

    @staticmethod
    def _next_code(session: Session, year: int) -> str:
        """PL-2026-01, PL-2026-02 …: the year the pilot starts, then a number."""
        prefix = f"PL-{year}"
        sequence = session.get(CodeSequence, prefix, with_for_update=True)
        if sequence is None:
            sequence = CodeSequence(prefix=prefix, last=0)
            session.add(sequence)
        sequence.last += 1
        return f"{prefix}-{sequence.last:02d}"


def pilots_stay_in_order(session: Session, touched: Sequence[Touched]) -> None:
    """After an undo (an undo rule of HistoryService): every pilot it touched still keeps
    the rules: final decisions last, the status its decisions give, roll-outs only when
    adopted."""
    pilots: set[int] = set()
    for record in touched:
        if record.kind == "pilot":
            pilots.add(record.id)
        elif record.kind in _CHILDREN:
            row: Any = session.get(_CHILDREN[record.kind], record.id)
            pilot_id = row.pilot_id if row is not None else record.state().get("pilot_id")
            if pilot_id is not None:
                pilots.add(int(pilot_id))
    session.flush()
    for pilot_id in sorted(pilots):
        status = session.scalar(select(Pilot.status).where(Pilot.id == pilot_id))
        if status is None:
            continue
        decisions = session.scalars(
            select(PilotRound.decision)
            .where(PilotRound.pilot_id == pilot_id)
            .order_by(PilotRound.number)
        ).all()
        rollouts = session.scalar(
            select(func.count()).select_from(PilotRollout).where(PilotRollout.pilot_id == pilot_id)
        )
        errors = rules.order_errors(list(decisions), status, rollouts or 0)
        if errors:
            raise ValidationError(errors)
