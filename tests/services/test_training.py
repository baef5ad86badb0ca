"""Training records through the services, on a real SQLite file: sessions with their code,
attendance with the department of the day and a score, validation naming the field,
version conflicts, links to problems and solutions, undo, the check and a tamper."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.errors import ConflictError, NotFoundError, ValidationError
from workbench.services.records import ProblemDetail


@pytest.fixture
def plant(services: Services) -> dict[str, int]:
    """Two modules, two departments, three people."""
    lookups = services.lookups
    ids = {
        "inventory": lookups.add_module("库存").id,
        "finance": lookups.add_module("财务").id,
        "warehouse": lookups.add_department("仓储部").id,
        "accounts": lookups.add_department("财务部").id,
    }
    ids["zhang"] = lookups.add_person("zhang.wei", "张伟", ids["warehouse"]).id
    ids["zhou"] = lookups.add_person("zhou.min", "周敏", ids["warehouse"]).id
    ids["chen"] = lookups.add_person("chen.jing", "陈静", ids["accounts"]).id
    return ids


def session_values(plant: dict[str, int], **changes: Any) -> dict[str, Any]:
    return {
        "kind": "drill",
        "topic": "模拟异常订单处理",
        "erp_module_id": plant["inventory"],
        "held_on": "2026-03-12",
        "trainer_id": plant["zhou"],
        "duration_hours": "1.50",
        "material_link": "https://wiki.example/drill-1",
        **changes,
    }


def test_a_session_gets_its_code_and_keeps_its_duration_as_typed(services, plant):
    first = services.training.create(session_values(plant))
    second = services.training.create(session_values(plant, kind="class", held_on="2026-04-01"))
    other_year = services.training.create(session_values(plant, held_on="2025-11-30"))
    assert (first.code, second.code, other_year.code) == (
        "T-2026-0001",
        "T-2026-0002",
        "T-2025-0001",
    )
    assert str(first.duration) == "1.50" and first.module == "库存" and first.trainer == "周敏"
    assert [r.code for r in services.training.sessions(2026)] == ["T-2026-0002", "T-2026-0001"]
    assert services.training.years() == (2025, 2026)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"topic": ""}, "topic", "required"),
        ({"kind": "webinar"}, "kind", "unknown_choice"),
        ({"held_on": "2026-13-01"}, "held_on", "not_a_date"),
        ({"duration_hours": "1,5"}, "duration_hours", "decimal_comma"),
        ({"duration_hours": "-1"}, "duration_hours", "out_of_range"),
        ({"erp_module_id": None}, "erp_module_id", "required"),
    ],
)
def test_validation_names_the_field(services, plant, changes, field, code):
    values = session_values(plant, **changes)
    assert [(e.field, e.code) for e in services.training.validate(values)] == [(field, code)]
    with pytest.raises(ValidationError) as refused:
        services.training.create(values)
    found = refused.value.for_field(field)
    assert found is not None and found.code == code


def test_a_module_or_trainer_that_does_not_exist_is_refused(services, plant):
    with pytest.raises(ValidationError) as refused:
        services.training.create(session_values(plant, erp_module_id=999, trainer_id=998))
    assert {e.field for e in refused.value.errors} == {"erp_module_id", "trainer_id"}


def test_attendance_keeps_the_department_of_the_day_and_a_score_from_0_to_100(services, plant):
    made = services.training.create(session_values(plant, attendees=[plant["zhang"]]))
    services.training.add_attendee(made.id, plant["chen"], "85.0")
    with pytest.raises(ValidationError) as twice:
        services.training.add_attendee(made.id, plant["chen"])
    assert twice.value.errors[0].code == "already_attending"
    for wrong, code in (
        ("101", "out_of_range"),
        ("-0.5", "out_of_range"),
        ("八十", "not_a_number"),
    ):
        with pytest.raises(ValidationError) as refused:
            services.training.set_score(made.id, plant["zhang"], wrong)
        assert [(e.field, e.code) for e in refused.value.errors] == [("score", code)]
    record = services.training.set_score(made.id, plant["zhang"], 100)
    assert str(record.attendee(plant["chen"]).score) == "85.0"
    assert record.attendee(plant["zhang"]).score.value == 100
    services.lookups.update_person(plant["zhang"], "zhang.wei", "张伟", plant["accounts"])
    moved = services.training.get(made.id).attendee(plant["zhang"])
    assert (moved.department, moved.department_now) == ("仓储部", "财务部")
    record = services.training.remove_attendee(made.id, plant["chen"])
    assert [a.name for a in record.attendees] == ["张伟"]
    with pytest.raises(ValidationError) as gone:
        services.training.set_score(made.id, plant["chen"], 50)
    assert gone.value.errors[0].code == "not_attending"


def test_someone_who_left_attends_no_later_session(services, plant):
    services.lookups.set_left(plant["chen"], "2026-02-28")
    before = services.training.create(session_values(plant, held_on="2026-02-01"))
    services.training.add_attendee(before.id, plant["chen"])  # recorded late: still fine
    later = services.training.create(session_values(plant))
    with pytest.raises(ValidationError) as refused:
        services.training.add_attendee(later.id, plant["chen"])
    assert (refused.value.errors[0].field, refused.value.errors[0].code) == (
        "person_id",
        "person_left",
    )
    assert plant["chen"] not in [p[0] for p in services.training.people()]


def test_a_stale_version_is_refused_naming_who_and_what(services, reviewer, plant):
    made = services.training.create(session_values(plant))
    reviewer.training.update(made.id, {"topic": "盘点差异处理"}, made.version)
    with pytest.raises(ConflictError) as conflict:
        services.training.update(made.id, {"note": "补充"}, made.version)
    found = conflict.value.conflicts[0]
    assert (found.kind, found.by) == ("training_session", "li.lei") and "topic" in found.fields
    fresh = services.training.get(made.id)
    assert services.training.update(made.id, {"note": "补充"}, fresh.version).note == "补充"
    services.training.add_attendee(made.id, plant["zhang"], 60)
    version = services.training.attendance_version(made.id, plant["zhang"])
    reviewer.training.set_score(made.id, plant["zhang"], 70, version)
    with pytest.raises(ConflictError):
        services.training.set_score(made.id, plant["zhang"], 80, version)


def test_links_to_a_problem_and_its_solutions_show_in_for_problem(
    services, plant, full_chain: ProblemDetail, new_problem
):
    other = new_problem(title="审批慢")
    solution = full_chain.causes[0].solutions[0]
    drill = services.training.create(session_values(plant))
    video = services.training.create(session_values(plant, kind="video", held_on="2026-05-01"))
    elsewhere = services.training.create(session_values(plant, held_on="2026-06-01"))
    services.training.link(drill.id, problem_id=full_chain.id)
    services.training.link(drill.id, problem_id=full_chain.id)  # once is enough
    services.training.link(video.id, solution_id=solution.id)
    services.training.link(elsewhere.id, problem_id=other.id)
    with pytest.raises(ValidationError) as both:
        services.training.link(drill.id, problem_id=other.id, solution_id=solution.id)
    assert both.value.errors[0].code == "one_target"
    linked = services.training.for_problem(full_chain.id)
    assert [(r.code, r.via) for r in linked] == [
        (video.code, "统一物料编码"),
        (drill.code, "problem"),
    ]
    record = services.training.get(drill.id)
    assert [(link.problem_code, link.title) for link in record.links] == [
        (full_chain.code, "库存差异率高")
    ]
    services.training.unlink(drill.id, record.links[0].id)
    assert [r.code for r in services.training.for_problem(full_chain.id)] == [video.code]
    services.problems.delete(other.id)  # unlinked, audited
    assert services.training.get(elsewhere.id).links == ()
    assert services.integrity.check(full=True).sound


def test_undo_brings_a_deleted_session_back_with_its_attendance(services, plant):
    made = services.training.create(
        session_values(plant, attendees=[plant["zhang"], plant["chen"]])
    )
    services.training.set_score(made.id, plant["chen"], "92.5")
    _, deleted = services.recorded(lambda: services.training.delete(made.id))
    with pytest.raises(NotFoundError):
        services.training.get(made.id)
    undone = services.history.undo(deleted)
    back = services.training.get(made.id)
    assert (back.code, [a.name for a in back.attendees]) == (made.code, ["张伟", "陈静"])
    assert str(back.attendee(plant["chen"]).score) == "92.5"
    assert undone is not None
    services.history.undo(undone)  # redo: deleted again
    with pytest.raises(NotFoundError):
        services.training.get(made.id)
    assert services.integrity.check(full=True).sound


def test_the_check_passes_and_finds_an_attendance_changed_behind_its_back(
    services, plant, db_path: Path
):
    made = services.training.create(session_values(plant, attendees=[plant["zhang"]]))
    services.training.set_score(made.id, plant["zhang"], 75)
    services.training.add_attendee(made.id, plant["chen"])
    assert services.integrity.check(full=True).sound
    assert services.integrity.check().sound
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE attendance SET score = 99 WHERE person_id = ?", (plant["zhang"],))
    report = services.integrity.check(full=True)
    assert not report.sound and report.breach is not None
    assert "attendance" in report.breach.reason and "score" in report.breach.reason


def test_workbench_check_passes_on_training_and_fails_on_a_tamper(services, plant, db_path: Path):
    from workbench.cli.main import main

    made = services.training.create(session_values(plant, attendees=[plant["zhang"]]))
    services.database.dispose()
    assert main(["check", "--db", str(db_path)]) == 0
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "INSERT INTO attendance (session_id, person_id, department_id) VALUES (?, ?, ?)",
            (made.id, plant["chen"], plant["accounts"]),
        )
    assert main(["check", "--db", str(db_path)]) == 1


def test_a_years_sessions_read_a_page_at_a_time_say_what_the_whole_list_says(services, plant):
    days = ("2026-03-02", "2026-05-10", "2026-05-10", "2026-01-15", "2025-12-01", "2026-11-30")
    made = [services.training.create(session_values(plant, held_on=day)) for day in days]
    whole = services.training.sessions(2026)
    # Newest first, the later of one day's two first; 2025's session is not in 2026's list.
    assert [r.id for r in whole] == [made[i].id for i in (5, 2, 1, 0, 3)]
    assert services.training.session_count(2026) == 5
    assert services.training.session_count(None) == 6
    for first in range(6):
        for count in (1, 2, 3):
            assert (
                services.training.session_page(2026, first, count) == whole[first : first + count]
            )
    for position, row in enumerate(whole, 1):
        assert services.training.session_position(2026, row.id) == position
    assert services.training.session_position(2026, made[4].id) is None
    assert services.training.session_position(None, made[4].id) == 6
