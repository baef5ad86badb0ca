"""A committed write tells its subscribers what it changed; a rolled-back one says nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.services.progress import Cancelled, Progress
from workbench.store.changes import ChangeSet


def _problem(services: Services) -> int:
    return services.problems.create(
        {
            "title": "库存差异率高",
            "severity": 3,
            "impact": 3,
            "frequency": "daily",
            "reported_on": dt.date(2026, 7, 1),
        }
    ).id


def test_a_write_reports_kinds_ids_and_actions(services: Services) -> None:
    heard: list[ChangeSet] = []
    services.database.subscribe(heard.append)
    problem_id = _problem(services)
    services.problems.update(problem_id, {"title": "库存差异率偏高"})
    services.problems.delete(problem_id)

    created, updated, deleted = heard
    assert created.ids("problem", "create") == {problem_id}
    assert created.actor == "tester"
    assert updated.ids("problem", "update") == {problem_id}
    assert deleted.ids("problem", "delete") == {problem_id}
    assert created.last_entry < updated.first_entry <= updated.last_entry < deleted.first_entry


def test_a_refused_write_reports_nothing(services: Services) -> None:
    problem_id = _problem(services)
    heard: list[ChangeSet] = []
    unsubscribe = services.database.subscribe(heard.append)
    with pytest.raises(ValidationError):
        services.problems.update(problem_id, {"severity": 9})
    assert heard == []
    unsubscribe()
    services.problems.update(problem_id, {"severity": 4})
    assert heard == []


def test_progress_reports_and_cancels() -> None:
    seen: list[tuple[int, int, str]] = []
    progress = Progress(lambda *state: seen.append(state))
    progress.report(1, 10, "checking")
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.report(2, 10)
    assert seen == [(1, 10, "checking"), (2, 10, "checking")]
    assert progress.state == (2, 10, "checking")
