"""What every service shares: its database, who is acting, and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.database import Database
from workbench.store.models import Person

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
