"""The bulk write's quick check gives exactly what the record kinds' own check gives."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from workbench.services import fields, kinds
from workbench.services.bulk_fields import UNSURE, QuickCheck, check_whys, shortcut
from workbench.services.kinds import RecordKind
from workbench.services.numbers import TypedNumber

VALID: dict[str, dict[str, Any]] = {
    "problem": {
        "title": "库存差异率高",
        "severity": 4,
        "impact": 3,
        "frequency": "weekly",
        "reported_on": dt.date(2025, 3, 1),
    },
    "cause": {"description": "物料编码不统一"},
    "solution": {"title": "统一物料编码", "kind": "corrective", "status": "planned"},
    "result": {"metric": "差异率", "direction": "lower", "baseline_value": 2.0},
}

# Values every field is tried with: right, wrong and in between.
TRIES: list[Any] = [
    None,
    "",
    "   ",
    "库存差异率高",
    "  两边有空格  ",
    "一行\n两行",
    "制表\t符",
    "不换行\u00a0空格",
    "段落\u2029分隔",
    "nul\x00",
    "长" * 20,
    "长" * 21,
    "长" * 100,
    "长" * 101,
    "长" * 200,
    "长" * 201,
    "长" * 2000,
    "长" * 2001,
    "长" * 20_000,
    "长" * 20_001,
    "weekly",
    " weekly",
    "Weekly",
    "data_governance",
    "corrective",
    "done",
    "lower",
    True,
    False,
    0,
    1,
    3,
    5,
    6,
    -1,
    2**53,
    2**53 + 1,
    2**60 + 1,
    2**63,
    -(2**63) - 1,
    1.0,
    2.5,
    -0.0,
    0.0,
    1e308,
    float("nan"),
    float("inf"),
    float("-inf"),
    "3",
    " 4 ",
    "3.0",
    "12%",
    "2.50",
    "２．０",
    "2,0",
    "0.1234567",
    Decimal("2.50"),
    Decimal("NaN"),
    TypedNumber(2.0, 1),
    TypedNumber(-0.0, 2),
    TypedNumber(1.5),
    TypedNumber(2, 0),  # an int value: coerce makes it a float
    TypedNumber(1.0, 7),
    TypedNumber(1.0, -1),
    TypedNumber(float("inf"), 1),
    "2025-03-01",
    "20250301",
    20260501,
    dt.date(2025, 3, 1),
    dt.date(1900, 1, 1),
    dt.date(1899, 12, 31),
    dt.date(2199, 12, 31),
    dt.date(2200, 1, 1),
    dt.datetime(2025, 3, 1, 9),
    [1],
    b"bytes",
]


def _typed(result: tuple[dict[str, Any], list[Any]]) -> tuple[list[Any], list[Any]]:
    """Clean values compared with their types (1, 1.0 and True are ==; -0.0 == 0.0)."""
    clean, errors = result
    return sorted((k, type(v).__name__, repr(v)) for k, v in clean.items()), errors


@pytest.mark.parametrize("kind", [kinds.PROBLEM, kinds.CAUSE, kinds.SOLUTION, kinds.RESULT])
def test_every_field_with_every_value_checks_the_same(kind: RecordKind) -> None:
    quick = QuickCheck(kind)
    base = VALID[kind.name]
    assert quick.check(base) == kind.check(base) == (kind.check(base)[0], [])
    for again in (False, True):  # the second time, the texts it accepted are remembered
        for name in kind.fields:
            for value in TRIES:
                values = {**base, name: value}
                assert _typed(quick.check(values)) == _typed(kind.check(values)), (
                    name,
                    value,
                    again,
                )


@pytest.mark.parametrize("kind", [kinds.PROBLEM, kinds.RESULT])
def test_records_as_a_whole_check_the_same(kind: RecordKind) -> None:
    quick = QuickCheck(kind)
    base = VALID[kind.name]
    required = next(name for name, spec in kind.fields.items() if spec.required)
    wrong = [
        {k: v for k, v in base.items() if k != required},  # a required field left out
        {**base, "no_such_field": 1},
        {},
    ]
    earlier, later = kind.date_order[0]
    wrong.append({**base, earlier: dt.date(2025, 3, 2), later: dt.date(2025, 3, 1)})
    wrong.append({**base, earlier: dt.date(2025, 3, 2), later: "2025-03-01"})
    same_day = {**base, earlier: dt.date(2025, 3, 1), later: dt.date(2025, 3, 1)}
    for values in [*wrong, same_day]:
        assert _typed(quick.check(values)) == _typed(kind.check(values)), values


def test_a_shortcut_never_accepts_what_coerce_refuses_or_changes() -> None:
    for kind in (kinds.PROBLEM, kinds.CAUSE, kinds.SOLUTION, kinds.RESULT):
        for name, spec in kind.fields.items():
            quick = shortcut(spec)
            for value in TRIES:
                cleaned = quick(value)
                if cleaned is UNSURE:
                    continue
                coerced, error = fields.coerce(name, spec, value)
                assert error is None, (name, value)
                assert (type(cleaned), repr(cleaned)) == (type(coerced), repr(coerced))


@pytest.mark.parametrize(
    "whys",
    [
        None,
        [],
        ["一", "二"],
        ("一", "  二  "),
        ["一", ""],
        ["一", "   "],
        ["一\n二"],
        ["长" * 1000],
        ["长" * 1001],
        ["一"] * 10,
        ["一"] * 11,
        ["一"] * 10 + [""],
        [1, "二"],
        "一",
        {"一": 1},
    ],
)
def test_whys_check_the_same(whys: Any) -> None:
    assert check_whys(whys) == fields.check_whys(whys)
