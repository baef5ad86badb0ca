"""The services refuse what a window cannot type but a script, an import or a careless
caller can hand them: each bad value is a field error naming the field, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.services import Services
from workbench.services.chain import CAUSE
from workbench.services.errors import ValidationError

GOOD = {
    "title": "库存差异率高",
    "severity": 3,
    "impact": 3,
    "frequency": "daily",
    "reported_on": dt.date(2026, 7, 1),
}


def _refused(services: Services, **bad: object) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        services.problems.create({**GOOD, **bad})
    (error,) = caught.value.errors
    return error.field, error.code


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ({"reported_on": dt.datetime(2026, 5, 1, 8, 30)}, "not_a_date"),
        ({"reported_on": 20260501}, "not_a_date"),
        ({"reported_on": "20260501"}, "not_a_date"),
        ({"reported_on": "0001-01-01"}, "date_out_of_range"),
        ({"reported_on": dt.date(9999, 12, 31)}, "date_out_of_range"),
        ({"title": "库存\x00差异"}, "control_character"),
        ({"title": "两行\n标题"}, "control_character"),
        ({"title": 12345}, "not_text"),
        ({"description": "长" * 20_001}, "too_long"),
        ({"severity": 2**70}, "not_a_number"),
        ({"owner_id": 2**64}, "not_a_number"),
        ({"severity": "三"}, "not_a_number"),
        ({"severity": [3]}, "not_a_number"),
        ({"frequency": ["daily"]}, "unknown_choice"),
    ],
)
def test_bad_values_are_field_errors(services: Services, bad: dict, code: str) -> None:
    assert _refused(services, **bad) == (next(iter(bad)), code)


def test_a_multi_line_description_with_tabs_is_fine(services: Services) -> None:
    detail = services.problems.create({**GOOD, "description": "第一行\n\t第二行"})
    assert detail.description == "第一行\n\t第二行"


def test_a_flag_takes_only_true_or_false(services: Services, new_problem) -> None:
    problem = new_problem()
    for bad in ("false", 0, "no"):
        with pytest.raises(ValidationError) as caught:
            services.chain.add(CAUSE, problem.id, {"description": "编码不统一", "is_root": bad})
        assert caught.value.errors[0].code == "not_a_flag"
    detail = services.chain.add(CAUSE, problem.id, {"description": "编码不统一", "is_root": False})
    assert detail.causes[0].is_root is False


@pytest.mark.parametrize("whys", [[1, 2], [None, "x"], ["ok", b"bytes"], ["a\x00b"]])
def test_whys_must_be_texts(services: Services, new_problem, whys: list) -> None:
    problem = new_problem()
    with pytest.raises(ValidationError) as caught:
        services.chain.add(CAUSE, problem.id, {"description": "编码不统一", "whys": whys})
    assert caught.value.errors[0].field == "whys"
