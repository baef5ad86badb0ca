"""Does a pilot meet its success criterion, and since which round? Hand-computed cases:
met, not met, met then lost, lost then met again, gaps, the lower-is-better durations."""

from __future__ import annotations

import pytest

from workbench.services import Services
from workbench.services.numbers import TypedNumber
from workbench.services.pilot_rules import criterion_status
from workbench.vocabulary import pilot_text


class Round:
    """A round with one figure, as the rule reads it."""

    def __init__(self, number: int, value: str | None, name: str) -> None:
        self.number = number
        self._name = name
        self._value = None if value is None else TypedNumber(float(value), 1)

    def figure(self, name: str) -> TypedNumber | None:
        return self._value if name == self._name else None


def status(values: list[str | None], direction: str = "higher", threshold: float = 4.2):
    measure = "satisfaction_mean" if direction == "higher" else "duration_after_median"
    rounds = [Round(n, v, measure) for n, v in enumerate(values, start=1)]
    return criterion_status(measure, direction, threshold, rounds)


@pytest.mark.parametrize(
    ("values", "met", "since", "lost_since", "state"),
    [
        # 3.9 < 4.2, then 4.3 and 4.4 ≥ 4.2: met since round 2
        (["3.9", "4.3", "4.4"], True, 2, None, "met_since"),
        # never reaches 4.2
        (["3.5", "3.8", "4.1"], False, None, None, "never_met"),
        # met in rounds 2 and 3, lost in round 4
        (["4.0", "4.3", "4.5", "4.1"], False, 2, 4, "lost_since"),
        # lost in round 2, met again from round 3 (4.2 is the threshold: met)
        (["4.3", "4.0", "4.2"], True, 3, None, "met_since"),
        # a round without a survey neither keeps nor breaks the run
        (["4.3", None, "4.4"], True, 1, None, "met_since"),
        # met from round 1, lost in 2 and still not met in 3: lost since round 2
        (["4.5", "4.0", "3.9"], False, 1, 2, "lost_since"),
        # nothing measured yet
        ([None, None], None, None, None, "not_measured"),
        ([], None, None, None, "not_measured"),
    ],
)
def test_satisfaction_criterion(values, met, since, lost_since, state) -> None:
    found = status(values)
    assert (found.met, found.since, found.lost_since, found.state) == (
        met,
        since,
        lost_since,
        state,
    )
    assert [c.number for c in found.rounds] == list(range(1, len(values) + 1))


def test_a_duration_criterion_is_met_at_or_below_its_threshold() -> None:
    # median after 6.5 h, 4.0 h, 3.8 h against "≤ 4.0 h": met since round 2
    found = status(["6.5", "4.0", "3.8"], direction="lower", threshold=4.0)
    assert [c.met for c in found.rounds] == [False, True, True]
    assert (found.met, found.since) == (True, 2)
    # 3.8 h, then 4.5 h: met in round 1, lost in round 2
    lost = status(["3.8", "4.5"], direction="lower", threshold=4.0)
    assert (lost.met, lost.since, lost.lost_since) == (False, 1, 2)


def test_the_service_reads_the_criterion_from_the_stored_rounds(
    services: Services, new_pilot
) -> None:
    pilot = new_pilot(
        rounds=(
            {"satisfaction_mean": "4.0"},
            {"satisfaction_mean": "4.3"},
            {"satisfaction_mean": "4.5"},
            {"satisfaction_mean": "4.1"},
        )
    )
    found = services.pilots.criterion_status(pilot.id)
    assert (found.met, found.since, found.lost_since) == (False, 2, 4)
    assert [str(c.value) for c in found.rounds] == ["4.0", "4.3", "4.5", "4.1"]
    assert services.pilots.criterion_status(pilot) == found

    since = {"since": found.since, "lost": found.lost_since}
    assert pilot_text(found.state, "zh_CN", **since) == "自第4轮起未达到成功标准（第2轮起曾达标）"
    assert pilot_text(found.state, "en", **since) == (
        "Criterion not met since round 4 (met from round 2)"
    )


def test_the_criterion_follows_a_round_edited_later(services: Services, new_pilot) -> None:
    pilot = new_pilot(rounds=({"satisfaction_mean": "3.9"}, {"satisfaction_mean": "4.3"}))
    assert services.pilots.criterion_status(pilot.id).since == 2
    services.pilots.update_round(pilot.rounds[0].id, {"satisfaction_mean": "4.2"})
    found = services.pilots.criterion_status(pilot.id)
    assert (found.met, found.since) == (True, 1)
    assert pilot_text(found.state, "zh_CN", since=found.since) == "自第1轮起达到成功标准"
