"""Pilots through the services: codes, validation naming the field, versions, audit,
change notices, undo, and ``check`` over the new tables."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.services import ChangeSet, Services
from workbench.services.errors import ConflictError, ValidationError
from workbench.vocabulary import field_error


def test_a_pilot_gets_a_code_of_its_starting_year(services: Services, new_pilot) -> None:
    first = new_pilot()
    second = new_pilot(name="统一物料编码")
    earlier = new_pilot(started_on="2025-11-03")
    assert (first.code, second.code, earlier.code) == ("PL-2026-01", "PL-2026-02", "PL-2025-01")
    assert (first.status, first.round_days, str(first.threshold)) == ("running", 14, "4.2")
    assert services.pilots.id_of("pl-2026-02") == second.id
    assert [row.code for row in services.pilots.rows()] == [
        "PL-2026-02",
        "PL-2026-01",
        "PL-2025-01",
    ]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"hypothesis": " "}, "hypothesis", "required"),
        ({"criterion_threshold": "4,2"}, "criterion_threshold", "decimal_comma"),
        ({"criterion_measure": "mood"}, "criterion_measure", "unknown_choice"),
        ({"criterion_direction": "sideways"}, "criterion_direction", "unknown_choice"),
        ({"round_days": 0}, "round_days", "out_of_range"),
        ({"baseline_median": "-1"}, "baseline_median", "out_of_range"),
        ({"site_id": 999}, "site_id", "unknown_reference"),
        ({"started_on": "2026-02-30"}, "started_on", "not_a_date"),
    ],
)
def test_a_wrong_pilot_is_refused_naming_the_field(
    services: Services, valid_pilot, changes, field, code
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.pilots.create({**valid_pilot, **changes})
    error = caught.value.for_field(field)
    assert error is not None and error.code == code
    assert services.pilots.rows() == ()


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"satisfaction_mean": "5.5"}, "satisfaction_mean", "out_of_range"),
        ({"satisfaction_respondents": "12.5"}, "satisfaction_respondents", "not_a_whole_number"),
        (
            {"duration_after_median": "8", "duration_after_p90": "6"},
            "duration_after_p90",
            "p90_below_median",
        ),
        ({"duration_before_median": "abc"}, "duration_before_median", "not_a_number"),
        ({"decision": "maybe"}, "decision", "unknown_choice"),
    ],
)
def test_a_wrong_round_is_refused_naming_the_field(
    services: Services, new_pilot, values, field, code
) -> None:
    pilot = new_pilot()
    assert [(e.field, e.code) for e in services.pilots.validate_round(values)] == [(field, code)]
    with pytest.raises(ValidationError) as caught:
        services.pilots.add_round(pilot.id, values)
    assert [(e.field, e.code) for e in caught.value.errors] == [(field, code)]
    assert services.pilots.get(pilot.id).rounds == ()


def test_a_round_form_is_checked_as_typed_with_its_dates_left_to_the_plan(
    services: Services,
) -> None:
    assert services.pilots.validate_round({"starts_on": "2026-03-18"}) == []
    assert services.pilots.validate_round({"ends_on": "2026-03-18"}) == []
    errors = services.pilots.validate_round({"starts_on": "2026-03-18", "ends_on": "2026-03-01"})
    assert [(e.field, e.code) for e in errors] == [("ends_on", "date_order")]


def test_the_pilot_rules_speak_chinese(services: Services, new_pilot) -> None:
    pilot = new_pilot()
    with pytest.raises(ValidationError) as caught:
        services.pilots.add_round(pilot.id, {"duration_after_median": 8, "duration_after_p90": 6})
    (error,) = caught.value.errors
    assert field_error(error, "zh_CN", "pilot_round") == (
        "改进后耗时P90不能小于改进后耗时中位数：P90是九成流程的耗时上限。"
    )


def test_figures_keep_the_decimals_they_were_typed_with(services: Services, new_pilot) -> None:
    pilot = new_pilot(
        baseline_median="8.0",
        rounds=(
            {
                "satisfaction_mean": "4.20",
                "duration_after_median": "6",
                "satisfaction_respondents": 23,
            },
        ),
    )
    (row,) = services.pilots.get(pilot.id).rounds
    assert (
        str(row.figure("satisfaction_mean")) == "4.20"
        and str(row.figure("duration_after_median")) == "6"
    )
    assert str(pilot.figure("baseline_median")) == "8.0" and row.satisfaction_respondents == 23


def test_a_pilot_saved_by_someone_since_is_refused(services: Services, reviewer, new_pilot) -> None:
    pilot = new_pilot(rounds=({},))
    reviewer.pilots.update(pilot.id, {"name": "审批层级由5级减为3级"})
    with pytest.raises(ConflictError) as caught:
        services.pilots.update(pilot.id, {"scope": "华东区"}, version=pilot.version)
    (conflict,) = caught.value.conflicts
    assert (conflict.kind, conflict.by) == ("pilot", "li.lei") and "name" in conflict.fields
    round_version = pilot.rounds[0].version
    reviewer.pilots.update_round(pilot.rounds[0].id, {"findings": "审批等待减少"})
    with pytest.raises(ConflictError):
        services.pilots.update_round(pilot.rounds[0].id, {"changes": "x"}, version=round_version)
    fresh = services.pilots.get(pilot.id)
    saved = services.pilots.update_round(
        fresh.rounds[0].id, {"changes": "取消科长审批"}, fresh.rounds[0].version
    )
    assert saved.rounds[0].changes == "取消科长审批" and saved.rounds[0].findings == "审批等待减少"


def test_writes_are_audited_and_heard_as_change_notices(services: Services, new_pilot) -> None:
    heard: list[ChangeSet] = []
    services.subscribe(heard.append)
    pilot = new_pilot(rounds=({"satisfaction_mean": "4.4", "decision": "adopt"},))
    assert heard[0].ids("pilot", "create") == {pilot.id}
    # The adopting round and the status it gives the pilot are one write.
    assert heard[1].ids("pilot_round", "create") == {pilot.rounds[0].id}
    assert heard[1].ids("pilot", "update") == {pilot.id}
    services.pilots.add_rollout(pilot.id, {"target": "苏州成熟工厂"})
    assert heard[2].touches("pilot_rollout")


def test_an_undo_takes_back_a_round_and_the_status_it_gave(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({},))
    _, written = services.recorded(
        lambda: services.pilots.add_round(pilot.id, {"decision": "stop"})
    )
    assert services.pilots.get(pilot.id).status == "stopped"
    redo = services.history.undo(written)
    after = services.pilots.get(pilot.id)
    assert (after.status, len(after.rounds)) == ("running", 1)
    assert redo is not None
    services.history.undo(redo)
    again = services.pilots.get(pilot.id)
    assert (again.status, [r.decision for r in again.rounds]) == ("stopped", [None, "stop"])


def test_an_undone_delete_brings_the_pilot_back_whole(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({"satisfaction_mean": "4.3"}, {"decision": "adopt"}))
    pilot = services.pilots.add_rollout(pilot.id, {"target": "华南区销售"})
    _, written = services.recorded(lambda: services.pilots.delete(pilot.id))
    assert services.pilots.rows() == ()
    services.history.undo(written)
    back = services.pilots.get(pilot.id)
    assert back == pilot  # same ids, codes, rounds and roll-outs
    assert services.integrity.check(full=True).sound


def test_an_undo_that_would_break_the_rounds_order_is_refused(
    services: Services, new_pilot
) -> None:
    pilot = new_pilot(rounds=({}, {"decision": "stop"}))
    _, written = services.recorded(
        lambda: services.pilots.update_round(pilot.rounds[1].id, {"decision": "continue"})
    )
    services.pilots.add_round(pilot.id, {})
    # Undoing the change of decision would stop the pilot in round 2 before its round 3.
    with pytest.raises(ValidationError) as caught:
        services.history.undo(written)
    assert caught.value.errors[0].code == "final_not_last"
    assert len(services.pilots.get(pilot.id).rounds) == 3


def test_check_passes_with_pilots_and_names_a_round_changed_behind_its_back(
    services: Services, new_pilot, raw: sqlite3.Connection
) -> None:
    pilot = new_pilot(
        rounds=({"satisfaction_mean": "3.9"}, {"satisfaction_mean": "4.3", "decision": "adopt"})
    )
    services.pilots.add_rollout(pilot.id, {"target": "华南区销售"})
    assert services.integrity.check(full=True).sound
    round_id = pilot.rounds[0].id
    raw.execute("UPDATE pilot_round SET satisfaction_mean = 4.5 WHERE id = ?", (round_id,))
    report = services.integrity.check(full=True)
    assert not report.sound and report.breach is not None
    assert (
        report.breach.reason
        == f"pilot_round {round_id} field satisfaction_mean was changed without the program"
    )


def test_check_finds_a_pilot_code_sequence_set_back(
    services: Services, new_pilot, raw: sqlite3.Connection
) -> None:
    new_pilot()
    new_pilot()
    assert services.integrity.check(full=True).sound
    raw.execute("UPDATE code_sequence SET last = 1 WHERE prefix = 'PL-2026'")
    report = services.integrity.check(full=True)
    assert report.sequence_problem is not None and "PL-2026" in report.sequence_problem


def test_check_finds_a_pilot_code_sequence_removed(
    services: Services, new_pilot, raw: sqlite3.Connection
) -> None:
    new_pilot()
    new_pilot()
    raw.execute("DELETE FROM code_sequence WHERE prefix = 'PL-2026'")
    report = services.integrity.check(full=True)
    assert report.sequence_problem == (
        "the code sequence PL-2026 is missing, but pilot codes up to PL-2026-02 exist "
        "(the next pilot would get an existing code)"
    )
