"""The shared SQL (workbench.store.dashboard_sql) run in a SQLAlchemy session: the
services' way of running the readings the window also runs through the DB-API."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


class SessionRows:
    """Runs queries in ``session``, after writing what it holds (a write's own changes
    count, as they do for its ORM queries)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.dialect = session.get_bind().dialect.name

    def __call__(self, sql: str, params: Mapping[str, Any] | None = None) -> Sequence[tuple]:
        self._session.flush()
        return [tuple(row) for row in self._session.execute(text(sql), dict(params or {}))]
