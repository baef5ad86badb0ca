"""The change feed: writes by anyone on the same database, read back from the audit chain."""

from __future__ import annotations

from pathlib import Path

from workbench.app import open_services
from workbench.services import Services
from workbench.services.changes import ChangeSet
from workbench.settings import Settings

PROBLEM = {
    "title": "库存差异率高",
    "severity": 3,
    "impact": 3,
    "frequency": "daily",
    "reported_on": "2026-07-01",
}


def test_writes_by_another_program_are_read_back_by_kind_id_and_action(
    services: Services, db_path: Path
) -> None:
    feed = services.changes
    start = feed.last_entry()
    other = open_services(str(db_path), Settings(user="colleague"), create=False)
    try:
        problem_id = other.problems.create(PROBLEM).id
        other.problems.update(problem_id, {"title": "库存差异率偏高"})
        site_id = other.lookups.add_site("SZ", "苏州工厂").id
        other.problems.delete(problem_id)
    finally:
        other.close()

    found = feed.since(start)
    assert found is not None
    changes, last = found
    assert last == feed.last_entry() > start
    assert {c.actor for c in changes} == {"colleague"}
    # one ChangeSet per run of one actor's entries: the site stays, while the problem,
    # made and removed since the last look, nets out (nobody here has seen it)
    (change,) = changes
    assert change.ids("site", "create") == {site_id}
    assert problem_id not in change.ids("problem")
    assert change.first_entry == start + 1


def test_writes_already_heard_are_skipped_and_batches_are_bounded(services: Services) -> None:
    heard: list[ChangeSet] = []
    services.subscribe(heard.append)
    start = services.changes.last_entry()
    services.lookups.add_department("仓储部")
    services.lookups.add_department("质量部")

    found = services.changes.since(start, skip=[(heard[0].first_entry, heard[0].last_entry)])
    assert found is not None
    changes, _last = found
    assert [c.ids("department") for c in changes] == [heard[1].ids("department")]

    first_only = services.changes.since(start, limit=heard[0].last_entry - start)
    assert first_only is not None
    assert first_only[1] == heard[0].last_entry
    assert first_only[0][0].ids("department") == heard[0].ids("department")

    assert services.changes.since(services.changes.last_entry()) == ([], heard[1].last_entry)
