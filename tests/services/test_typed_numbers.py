"""Numbers keep the precision they were typed with: 2.0 stays 2.0, 2.50 stays 2.50, 4 stays 4,
in the database (after reopening it), in the History, on Mine and through a bulk write; a
Chinese keyboard's full-width "２．０" is 2.0; rows from before the decimals were kept read
as they did; and the audit chain checks it all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Float
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workbench.app import open_services
from workbench.services import Services, kinds
from workbench.services.bulk import CauseInput, ProblemInput, ResultInput, SolutionInput
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.errors import ValidationError
from workbench.services.numbers import NumberTextError, TypedNumber, parse, texts, typed_number
from workbench.services.records import ProblemDetail, ResultRecord
from workbench.settings import Settings


@pytest.mark.parametrize(
    ("typed", "value", "decimals", "text"),
    [
        ("2.0", 2.0, 1, "2.0"),
        ("2.50", 2.5, 2, "2.50"),
        ("4", 4.0, 0, "4"),
        (" 1.2% ", 1.2, 1, "1.2"),
        ("0.05", 0.05, 2, "0.05"),
        (".5", 0.5, 1, "0.5"),
        ("3.", 3.0, 0, "3"),
        ("-1.50", -1.5, 2, "-1.50"),
        ("-0.0", 0.0, 1, "0.0"),
        ("1e3", 1000.0, 0, "1000"),
        ("1.5e-3", 0.0015, 4, "0.0015"),
        # What Chinese input methods give: full-width digits, point, sign and percent, the
        # ideographic full stop as the point, a full-width space around it.
        ("２．０", 2.0, 1, "2.0"),
        ("２．５０％", 2.5, 2, "2.50"),
        ("\u3000９８．７\u3000", 98.7, 1, "98.7"),
        ("2。0", 2.0, 1, "2.0"),
        ("－１．５", -1.5, 1, "-1.5"),
        ("\u22121.5", -1.5, 1, "-1.5"),
    ],
)
def test_typed_text_keeps_its_decimals(typed: str, value: float, decimals: int, text: str) -> None:
    number = parse(typed)
    assert (number.value, number.decimals, number.text()) == (value, decimals, text)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2,0", "decimal_comma"),
        ("1,000", "decimal_comma"),
        ("２，５", "decimal_comma"),
        ("abc", "not_a_number"),
        ("", "not_a_number"),
        ("2.0.1", "not_a_number"),
        ("1_000", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        ("1e400", "not_a_number"),
        ("0.1234567", "too_many_decimals"),
    ],
)
def test_what_is_no_number_says_why(typed: str, code: str) -> None:
    with pytest.raises(NumberTextError) as caught:
        parse(typed)
    assert caught.value.code == code


def test_values_handed_over_by_code_carry_what_they_know() -> None:
    assert typed_number(4) == TypedNumber(4.0, 0)
    assert typed_number(Decimal("2.50")) == TypedNumber(2.5, 2)
    assert typed_number(2.0) == TypedNumber(2.0, None)  # a float does not say
    assert typed_number(TypedNumber(1.2, 1)) == TypedNumber(1.2, 1)
    for wrong in (True, None, [1], float("nan"), TypedNumber(1.0, -1)):
        with pytest.raises(NumberTextError):
            typed_number(wrong)


def test_numbers_whose_decimals_are_not_known_read_as_today() -> None:
    assert TypedNumber(2.0).text() == "2"
    assert TypedNumber(0.25).text() == "0.25"
    # Beside another, one not known takes the most decimals of the pair: "2.0 → 1.2".
    assert texts([TypedNumber(2.0), TypedNumber(1.2)]) == ["2.0", "1.2"]
    assert texts([TypedNumber(2.0, 0), TypedNumber(1.25, 2)]) == ["2", "1.25"]
    assert texts([TypedNumber(4.0, 0), None]) == ["4", ""]


def _result(detail: ProblemDetail) -> ResultRecord:
    (result,) = detail.results()
    return result


def _solution(services: Services, problem: ProblemDetail) -> int:
    detail = services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
    detail = services.chain.add(SOLUTION, detail.causes[0].id, {"title": "统一物料编码"})
    return detail.causes[0].solutions[0].id


def _figures(result: ResultRecord) -> tuple[str, ...]:
    """The baseline and the value after as they read side by side ("" while not measured)."""
    return tuple(texts([result.baseline, result.after]))


def test_typed_precision_is_stored_and_survives_reopening(
    services: Services, new_problem, db_path: Path
) -> None:
    problem = new_problem()
    solution = _solution(services, problem)
    added = services.chain.add(
        RESULT, solution, {"metric": "差异率", "unit": "%", "baseline_value": "2.0"}
    )
    assert _figures(_result(added)) == ("2.0", "")
    result_id = _result(added).id
    services.chain.update(RESULT, result_id, {"value_after": "1.20"})
    services.database.dispose()

    reopened = open_services(str(db_path), Settings(user="tester"))
    try:
        result = _result(reopened.problems.get(problem.id))
        assert (result.baseline_value, result.baseline_decimals) == (2.0, 1)
        assert _figures(result) == ("2.0", "1.20")
        assert reopened.integrity.check(full=True).sound
    finally:
        reopened.database.dispose()


def test_full_width_digits_are_saved_as_the_number_they_write(
    services: Services, new_problem
) -> None:
    solution = _solution(services, new_problem())
    detail = services.chain.add(
        RESULT,
        solution,
        {"metric": "差异率", "baseline_value": "２．５０", "value_after": "１．２％"},
    )
    result = _result(detail)
    assert (result.baseline_value, result.value_after) == (2.5, 1.2)
    assert _figures(result) == ("2.50", "1.2")


def test_a_comma_is_refused_with_its_reason(services: Services, new_problem) -> None:
    solution = _solution(services, new_problem())
    with pytest.raises(ValidationError) as caught:
        services.chain.add(RESULT, solution, {"metric": "差异率", "baseline_value": "2,0"})
    assert caught.value.for_field("baseline_value").code == "decimal_comma"
    errors = services.chain.validate(RESULT, {"metric": "差异率", "baseline_value": "2.1234567"})
    assert [e.code for e in errors] == ["too_many_decimals"]


def test_new_decimals_alone_are_a_new_figure_audited_and_shown_once_in_history(
    services: Services, reviewer: Services, new_problem
) -> None:
    problem = new_problem()
    solution = _solution(services, problem)
    values = {"metric": "差异率", "baseline_value": "2", "value_after": "1.2"}
    result_id = _result(services.chain.add(RESULT, solution, values)).id
    reviewer.chain.verify_result(result_id)

    detail = services.chain.update(RESULT, result_id, {"baseline_value": "2.0"})
    result = _result(detail)
    assert _figures(result) == ("2.0", "1.2")
    assert not result.verified  # the figure it vouched for is not the one now written
    assert "tester" in result.entered_by
    services.chain.update(RESULT, result_id, {"baseline_value": "2.50", "value_after": "1.25"})

    changes = [
        (e.field, e.old, e.new)
        for e in services.trail.of_problem(problem.id)
        if e.kind == "result" and e.action == "update" and "verified" not in (e.field or "")
    ]
    assert changes[:3] == [
        ("value_after", "1.2", "1.25"),
        ("baseline_value", "2.0", "2.50"),
        ("baseline_value", "2", "2.0"),  # the decimals alone: one change of the baseline
    ]
    assert not any(field and field.endswith("_decimals") for field, _, _ in changes)
    assert services.integrity.check(full=True).sound


def test_undoing_new_decimals_brings_the_old_ones_back(services: Services, new_problem) -> None:
    problem = new_problem()
    solution = _solution(services, problem)
    values = {"metric": "差异率", "baseline_value": "2", "value_after": "1.2"}
    result_id = _result(services.chain.add(RESULT, solution, values)).id
    _, changes = services.recorded(
        lambda: services.chain.update(RESULT, result_id, {"baseline_value": "2.00"})
    )
    services.history.undo(changes)
    assert _figures(_result(services.problems.get(problem.id))) == ("2", "1.2")
    assert services.integrity.check(full=True).sound


def test_mine_shows_a_results_figures_as_typed(db_path: Path) -> None:
    services = open_services(str(db_path), Settings(user="wang"))
    try:
        me = services.lookups.add_person("wang", "王小明").id
        problem = services.problems.create(
            {
                "title": "库存差异率高",
                "severity": 4,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": "2026-03-01",
                "owner_id": me,
            }
        )
        solution = _solution(services, problem)
        values = {"metric": "差异率", "unit": "%", "baseline_value": "2.0", "value_after": "1.20"}
        services.chain.add(RESULT, solution, values)
        (item,) = services.mine.today_for_me().results
        assert (item.title, texts([item.baseline, item.after]), item.unit) == (
            "差异率",
            ["2.0", "1.20"],
            "%",
        )
    finally:
        services.database.dispose()


def _batch(figures: list[tuple[Any, Any]]) -> list[ProblemInput]:
    return [
        ProblemInput(
            {
                "title": f"差异 {n}",
                "severity": 3,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": dt.date(2025, 3, 1),
            },
            status="verifying",
            causes=(
                CauseInput(
                    {"description": "物料编码不统一"},
                    (
                        SolutionInput(
                            {"title": "统一物料编码", "status": "done"},
                            (
                                ResultInput(
                                    {"metric": "差异率", "baseline_value": b, "value_after": a}
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
        for n, (b, a) in enumerate(figures, start=1)
    ]


def test_a_bulk_write_keeps_the_same_precision_a_single_save_keeps(services: Services) -> None:
    written = [("2.0", "1.20"), ("２．０", "４"), (Decimal("3.50"), 1), (2.0, 1.2)]
    services.bulk.write(_batch(written))
    shown = [
        _figures(_result(services.problems.get(problem_id)))
        for problem_id in range(1, len(written) + 1)
    ]
    assert sorted(shown) == sorted(
        [("2.0", "1.20"), ("2.0", "4"), ("3.50", "1"), ("2.0", "1.2")]  # floats: as today
    )
    assert services.integrity.check(full=True).sound


def test_a_bulk_write_refuses_a_comma_as_a_single_save_does(services: Services) -> None:
    errors = services.bulk.check(_batch([("2,0", None)]))
    assert [(e.where(), e.field, e.code) for e in errors] == [
        ("row 1, cause 1, solution 1, result 1", "baseline_value", "decimal_comma")
    ]


def test_every_number_column_names_where_its_decimals_are_kept() -> None:
    """The one rule for numbers: a record kind with a Float column that names no decimals
    column is refused, so a later numeric field (a KPI's measurement, a pilot's length)
    cannot lose what was typed."""

    class Other(DeclarativeBase):
        pass

    class Measurement(Other):
        __tablename__ = "measurement"
        id: Mapped[int] = mapped_column(primary_key=True)
        value: Mapped[float] = mapped_column(Float)

    with pytest.raises(TypeError, match="decimals"):
        kinds.describe(Measurement, {"value": {}})  # type: ignore[arg-type]
    assert kinds.RESULT.numbers() == {
        "baseline_value": "baseline_decimals",
        "value_after": "after_decimals",
    }
