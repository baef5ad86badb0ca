"""What every service shares: its database, who is acting, and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.errors import FieldError, NotFoundError, ValidationError
from workbench.store.database import Database
from workbench.store.models import Base, Department, ErpModule, Person, Site

# Which table each reference field points at.
REFERENCES: Mapping[str, type[Base]] = {
    "erp_module_id": ErpModule,
    "department_id": Department,
    "site_id": Site,
    "reporter_id": Person,
    "owner_id": Person,
}

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Service:
    def __init__(self, database: Database, actor: str, clock: Clock = utc_now) -> None:
        self._db = database
        self.actor = actor
        self._clock = clock

    def today(self) -> dt.date:
        """The user's calendar date: the clock runs in UTC, a plant lives in its own zone."""
        return self._clock().replace(tzinfo=dt.UTC).astimezone().date()

    def _acting_person(self, session: Session) -> Person:
        """The Person behind the current user, created on first use."""
        person = session.scalar(select(Person).where(Person.login == self.actor))
        if person is None:
            person = Person(login=self.actor, name=self.actor)
            session.add(person)
            session.flush()
        return person

    @staticmethod
    def _get(session: Session, model: type[Base], entity_id: int) -> Any:
        obj = session.get(model, entity_id)
        if obj is None:
            raise NotFoundError(f"{model.__tablename__} {entity_id} does not exist")
        return obj

    @staticmethod
    def _check_references(session: Session, values: Mapping[str, Any]) -> None:
        """Refuse a reference to a module, site, department or person that does not exist."""
        errors = [
            FieldError(name, "unknown_reference", "refers to an entry that does not exist")
            for name, value in values.items()
            if name in REFERENCES
            and value is not None
            and session.get(REFERENCES[name], value) is None
        ]
        if errors:
            raise ValidationError(errors)
