"""`workbench check`: changes made to the file behind the program's back are found."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.services import Services
from workbench.services.chain import SOLUTION


@pytest.fixture
def busy(services: Services, full_chain, new_problem):
    """A database with some history: creates, updates, a status change and a delete."""
    services.problems.update(full_chain.id, {"severity": 5, "tags": "盘点"})
    services.chain.update(SOLUTION, full_chain.causes[0].solutions[0].id, {"status": "in_progress"})
    services.problems.change_status(full_chain.id, "analysing")
    gone = new_problem(title="重复录入")
    new_problem(title="审批慢")
    services.problems.delete(gone.id)
    return full_chain


def test_a_fresh_database_with_activity_is_sound(services: Services, busy) -> None:
    report = services.integrity.check()
    assert report.sound, report
    assert report.storage_problems == ()
    assert report.entries_checked > 10


def test_a_new_database_is_sound(services: Services) -> None:
    report = services.integrity.check()
    # Its only entries are the articles' seven KPIs it starts with.
    assert report.sound and report.entries_checked == 7


def test_editing_a_field_behind_the_programs_back_names_row_and_field(
    services: Services, busy, raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE problem SET title = '没有问题' WHERE id = ?", (busy.id,))
    breach = services.integrity.check().breach
    assert breach is not None and breach.ref == busy.id
    assert "problem" in breach.reason and "title" in breach.reason


def test_editing_a_child_row_is_detected(services: Services, busy, raw: sqlite3.Connection) -> None:
    result_id = busy.results()[0].id
    raw.execute("UPDATE result SET value_after = 0.1 WHERE id = ?", (result_id,))
    breach = services.integrity.check().breach
    assert breach is not None and breach.ref == result_id
    assert "result" in breach.reason and "value_after" in breach.reason


def test_deleting_a_row_is_detected(services: Services, busy, raw: sqlite3.Connection) -> None:
    cause_id = busy.causes[0].id
    raw.execute("DELETE FROM cause_why WHERE cause_id = ? AND position = 2", (cause_id,))
    report = services.integrity.check()
    assert not report.sound
    assert "cause_why" in report.breach.reason and "removed" in report.breach.reason


def test_inserting_a_row_is_detected(services: Services, busy, raw: sqlite3.Connection) -> None:
    raw.execute(
        "INSERT INTO problem (code, title, description, severity, frequency, impact, reported_on,"
        " tags, status, created_at, updated_at) VALUES ('P-2025-0099', '伪造', '', 1, 'daily', 1,"
        " '2025-01-01', '', 'open', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
    )
    new_id = raw.execute("SELECT max(id) FROM problem").fetchone()[0]
    breach = services.integrity.check().breach
    assert breach is not None and breach.ref == new_id
    assert "added" in breach.reason


def test_editing_an_audit_entry_is_detected_at_that_entry(
    services: Services, busy, raw: sqlite3.Connection
) -> None:
    entry_id = raw.execute(
        "SELECT id FROM audit_entry WHERE field = 'severity' AND entity = 'problem'"
    ).fetchone()[0]
    raw.execute("UPDATE audit_entry SET new_value = '1' WHERE id = ?", (entry_id,))
    breach = services.integrity.check().breach
    assert breach is not None and breach.ref == entry_id
    assert "changed" in breach.reason


def test_changing_who_made_an_entry_is_detected(
    services: Services, busy, raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE audit_entry SET actor = 'someone.else' WHERE id = 3")
    breach = services.integrity.check().breach
    assert breach is not None and breach.ref == 3


def test_deleting_an_audit_entry_in_the_middle_is_detected(
    services: Services, busy, raw: sqlite3.Connection
) -> None:
    total = raw.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    middle = total // 2
    raw.execute("DELETE FROM audit_entry WHERE id = ?", (middle,))
    report = services.integrity.check()
    assert not report.sound
    assert report.breach.ref == middle + 1
    assert f"entry {middle} is missing" in report.breach.reason
    assert report.entries_checked == middle - 1


def test_a_broken_reference_is_a_storage_problem(
    services: Services, busy, raw: sqlite3.Connection
) -> None:
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("UPDATE cause SET problem_id = 999 WHERE id = ?", (busy.causes[0].id,))
    report = services.integrity.check()
    assert not report.sound
    assert any("cause" in problem for problem in report.storage_problems)


def test_check_reports_progress_up_to_its_total_and_can_be_cancelled(services) -> None:
    from workbench.services.progress import Cancelled, Progress

    for n in range(3):
        services.lookups.add_module(f"模块{n}")
    seen: list[tuple[int, int]] = []
    assert services.integrity.check(Progress(lambda d, t, _m: seen.append((d, t)))).sound
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0

    stopper = Progress()
    stopper.cancel()
    with pytest.raises(Cancelled):
        services.integrity.check(stopper)
