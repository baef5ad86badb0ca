"""Rounds of a pilot: planned from its start and round length, re-planned when the length
changes (rounds not yet ended, not set by hand), decisions that adopt or stop it, and
roll-outs of an adopted pilot."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.services import Services
from workbench.services.errors import ValidationError
from workbench.services.pilots import PilotService

D = dt.date.fromisoformat


def on(services: Services, day: str) -> PilotService:
    """The pilot service of ``services`` on another day (at noon UTC)."""
    noon = dt.datetime.combine(D(day), dt.time(12))
    return PilotService(services.database, services.actor, clock=lambda: noon)


def dates(pilot) -> list[tuple[str, str]]:
    return [(str(r.starts_on), str(r.ends_on)) for r in pilot.rounds]


def refused(action, field: str, code: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action()
    error = caught.value.for_field(field)
    assert error is not None and error.code == code, caught.value.errors
    return caught.value


def test_rounds_follow_the_start_in_rounds_of_fourteen_days(new_pilot) -> None:
    pilot = new_pilot(rounds=({}, {}, {}))
    assert [r.number for r in pilot.rounds] == [1, 2, 3]
    assert dates(pilot) == [
        ("2026-03-02", "2026-03-15"),
        ("2026-03-16", "2026-03-29"),
        ("2026-03-30", "2026-04-12"),
    ]
    assert not any(r.dates_fixed for r in pilot.rounds)


def test_a_new_length_replans_the_rounds_not_yet_ended(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({}, {}, {}))
    # On 20 March round 1 (to the 15th) has ended; rounds 2 and 3 are re-planned.
    pilot = on(services, "2026-03-20").update(pilot.id, {"round_days": 7})
    assert dates(pilot) == [
        ("2026-03-02", "2026-03-15"),
        ("2026-03-16", "2026-03-22"),
        ("2026-03-23", "2026-03-29"),
    ]
    assert dates(services.pilots.add_round(pilot.id, {}))[-1] == ("2026-03-30", "2026-04-05")


def test_dates_set_by_hand_stay_and_the_next_rounds_follow_them(
    services: Services, new_pilot
) -> None:
    pilot = new_pilot(rounds=({}, {"starts_on": "2026-03-18"}))
    # A start typed alone: the end follows from the round length.
    assert dates(pilot)[1] == ("2026-03-18", "2026-03-31") and pilot.rounds[1].dates_fixed
    pilot = services.pilots.add_round(pilot.id, {})
    assert dates(pilot)[2] == ("2026-04-01", "2026-04-14")
    pilot = on(services, "2026-03-03").update(pilot.id, {"round_days": 10})
    assert dates(pilot) == [
        ("2026-03-02", "2026-03-11"),  # not ended on the 3rd: re-planned
        ("2026-03-18", "2026-03-31"),  # set by hand: kept
        ("2026-04-01", "2026-04-10"),  # follows the round set by hand
    ]
    # Emptying a date gives the round back to the plan.
    back = services.pilots.update_round(pilot.rounds[1].id, {"starts_on": ""})
    assert not back.rounds[1].dates_fixed
    assert dates(back)[1][0] == "2026-03-12"


def test_a_moved_start_replans_and_an_end_before_the_start_is_refused(
    services: Services, new_pilot
) -> None:
    pilot = new_pilot(rounds=({},))
    pilot = on(services, "2026-01-01").update(pilot.id, {"started_on": "2026-04-01"})
    assert dates(pilot) == [("2026-04-01", "2026-04-14")]
    refused(
        lambda: services.pilots.update_round(pilot.rounds[0].id, {"ends_on": "2026-03-01"}),
        "ends_on",
        "date_order",
    )


def test_adopt_adopts_and_no_round_follows(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({"decision": "adjust"}, {"decision": "adopt"}))
    assert pilot.status == "adopted"
    error = refused(lambda: services.pilots.add_round(pilot.id, {}), "decision", "pilot_ended")
    assert error.errors[0].params == {"value": 2}


def test_stop_stops_and_no_round_follows(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({"decision": "continue"}, {"decision": "stop"}))
    assert pilot.status == "stopped"
    refused(lambda: services.pilots.add_round(pilot.id, {}), "decision", "pilot_ended")
    # Taking the stop back lets the pilot run on.
    pilot = services.pilots.update_round(pilot.rounds[1].id, {"decision": "adjust"})
    assert pilot.status == "running"
    assert len(services.pilots.add_round(pilot.id, {}).rounds) == 3


def test_only_the_last_round_adopts_or_stops(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({}, {}))
    refused(
        lambda: services.pilots.update_round(pilot.rounds[0].id, {"decision": "stop"}),
        "decision",
        "final_not_last",
    )


def test_only_the_last_round_is_deleted_and_its_decision_goes_with_it(
    services: Services, new_pilot
) -> None:
    pilot = new_pilot(rounds=({}, {"decision": "adopt"}))
    refused(lambda: services.pilots.delete_round(pilot.rounds[0].id), "number", "not_last_round")
    pilot = services.pilots.delete_round(pilot.rounds[1].id)
    assert pilot.status == "running" and [r.number for r in pilot.rounds] == [1]


def test_an_adopted_pilot_is_rolled_out(services: Services, new_pilot) -> None:
    running = new_pilot(rounds=({},))
    refused(
        lambda: services.pilots.add_rollout(running.id, {"target": "华南区销售"}),
        "status",
        "not_adopted",
    )
    pilot = new_pilot(rounds=({"decision": "adopt"},))
    site = services.lookups.add_site("HN", "华南工厂").id
    pilot = services.pilots.add_rollout(
        pilot.id, {"target": "华南区销售", "site_id": site, "planned_on": "2026-05-01"}
    )
    (rollout,) = pilot.rollouts
    assert (rollout.status, rollout.done_on, rollout.site_id) == ("planned", None, site)
    pilot = services.pilots.update_rollout(rollout.id, {"status": "done"})
    assert pilot.rollouts[0].done_on == services.pilots.today()
    # The adoption is not taken back while the pilot has roll-outs.
    refused(
        lambda: services.pilots.update_round(pilot.rounds[0].id, {"decision": "continue"}),
        "decision",
        "has_rollouts",
    )
    refused(lambda: services.pilots.delete_round(pilot.rounds[0].id), "decision", "has_rollouts")
    pilot = services.pilots.delete_rollout(rollout.id)
    assert pilot.rollouts == ()
    pilot = services.pilots.update_round(pilot.rounds[0].id, {"decision": "continue"})
    assert pilot.status == "running"
