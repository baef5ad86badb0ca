"""Rules the whole team shares, kept in the database (not in one laptop's settings.json)
and audited like any record: the change of a rule is its own entry in the audit trail.

The four-eyes rule: the person who verifies a result is not the one who entered its
values (the baseline and the value after, as the audit chain says who set them last).
A one-person plant can relax it; while relaxed, verifying your own result is allowed.

The attachment limit: the largest file a problem, cause or result takes (10 MB unless the
team sets another), so the shared file stays small enough to back up and copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.base import Service
from workbench.services.errors import FieldError, ValidationError
from workbench.services.records import RuleChange
from workbench.store.models import AuditEntry, TeamSetting

FOUR_EYES = "four_eyes"
REQUIRED, RELAXED = "required", "relaxed"
# The largest file an attachment may be, in bytes; no row means the default.
ATTACHMENT_LIMIT = "attachment_limit"
DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024
# The fields whose values a verification vouches for.
ENTERED = ("baseline_value", "value_after")


def four_eyes_relaxed(session: Session) -> bool:
    value = session.scalar(select(TeamSetting.value).where(TeamSetting.key == FOUR_EYES))
    return value == RELAXED


def attachment_limit(session: Session) -> int:
    """The largest attachment allowed, in bytes."""
    value = session.scalar(select(TeamSetting.value).where(TeamSetting.key == ATTACHMENT_LIMIT))
    try:
        return int(value) if value is not None else DEFAULT_ATTACHMENT_LIMIT
    except ValueError:
        return DEFAULT_ATTACHMENT_LIMIT


def _entered(entries: Iterable[AuditEntry]) -> set[str]:
    """Who set the values now in a result, from its audit entries (oldest first): for the
    baseline and the value after, the actor of the last entry that gave each its value."""
    last: dict[str, str] = {}
    for entry in entries:
        if entry.action == "create" and entry.new_value:
            snapshot = json.loads(entry.new_value)
            last = {name: entry.actor for name in ENTERED if snapshot.get(name) is not None}
        elif entry.action == "update" and entry.field in ENTERED:
            if entry.new_value is None:
                last.pop(entry.field, None)
            else:
                last[entry.field] = entry.actor
    return set(last.values())


def entered_by(session: Session, result_id: int) -> set[str]:
    """Who entered the values of result ``result_id``."""
    return entered_by_results(session, [result_id]).get(result_id, set())


def entered_by_results(session: Session, result_ids: Iterable[int]) -> dict[int, set[str]]:
    """Who entered the values of each result in ``result_ids`` (one read of the chain's
    entity index)."""
    wanted = sorted(set(result_ids))
    if not wanted:
        return {}
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "result", AuditEntry.entity_id.in_(wanted))
        .order_by(AuditEntry.entity_id, AuditEntry.id)
    )
    return {
        result_id: _entered(group)
        for result_id, group in groupby(entries, key=lambda e: e.entity_id)
    }


def require_four_eyes(session: Session, result_id: int, actor: str) -> None:
    """Refuse ``actor`` verifying a result whose values they entered, unless relaxed."""
    if actor in entered_by(session, result_id) and not four_eyes_relaxed(session):
        raise ValidationError(
            [
                FieldError(
                    "verified_by_id",
                    "four_eyes",
                    "you entered this result's values: someone else verifies it (the "
                    "four-eyes rule; a one-person plant can relax it in Settings)",
                    {"value": actor},
                )
            ]
        )


class TeamService(Service):
    """Read and change the team's rules."""

    def four_eyes_relaxed(self) -> bool:
        with self._db.read() as session:
            return four_eyes_relaxed(session)

    def set_four_eyes_relaxed(self, relaxed: bool) -> bool:
        """Relax the four-eyes rule (or require it again); returns whether it changed."""
        value = RELAXED if relaxed else REQUIRED
        with self._db.write(self.actor) as session:
            row = session.scalar(select(TeamSetting).where(TeamSetting.key == FOUR_EYES))
            if row is None:
                if not relaxed:
                    return False  # required is what no row means
                session.add(TeamSetting(key=FOUR_EYES, value=value))
                return True
            if row.value == value:
                return False
            row.value = value
            return True

    def attachment_limit(self) -> int:
        """The largest attachment allowed, in bytes."""
        with self._db.read() as session:
            return attachment_limit(session)

    def set_attachment_limit(self, limit: int) -> bool:
        """Set the largest attachment allowed (bytes, at least 1); returns whether it
        changed."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValidationError(
                [
                    FieldError(
                        "value",
                        "out_of_range",
                        "must be a positive number of bytes",
                        {"low": 1, "high": 2**31 - 1},
                    )
                ]
            )
        with self._db.write(self.actor) as session:
            row = session.scalar(select(TeamSetting).where(TeamSetting.key == ATTACHMENT_LIMIT))
            if row is None:
                session.add(TeamSetting(key=ATTACHMENT_LIMIT, value=str(limit)))
                return True
            if row.value == str(limit):
                return False
            row.value = str(limit)
            return True

    def changes(self, key: str = FOUR_EYES) -> tuple[RuleChange, ...]:
        """Every change of rule ``key``, oldest first, as the audit trail recorded it."""
        with self._db.read() as session:
            row_id = session.scalar(select(TeamSetting.id).where(TeamSetting.key == key))
            if row_id is None:
                return ()
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == TeamSetting.__tablename__)
                .where(AuditEntry.entity_id == row_id)
                .order_by(AuditEntry.id)
            )
            found = []
            for entry in entries:
                if entry.action == "create" and entry.new_value:
                    value = json.loads(entry.new_value).get("value")
                elif entry.action == "update" and entry.field == "value":
                    value = entry.new_value
                else:
                    continue
                found.append(RuleChange(key, str(value), entry.actor, entry.at))
            return tuple(found)
