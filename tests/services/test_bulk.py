"""The bulk service: rows checked like a single save, written all together or not at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.bulk import (
    REPORT_EVERY,
    BatchError,
    CauseInput,
    ProblemInput,
    ResultInput,
    SolutionInput,
)
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.errors import ValidationError
from workbench.services.progress import Cancelled, Progress

TABLES = ("problem", "cause", "cause_why", "solution", "result", "person", "code_sequence")


@dataclass(frozen=True)
class Lists:
    module: int
    site: int
    department: int
    owner: int
    verifier: int


@pytest.fixture
def lists(services: Services) -> Lists:
    lookups = services.lookups
    department = lookups.add_department("仓储部").id
    return Lists(
        module=lookups.add_module("库存").id,
        site=lookups.add_site("SZ", "深圳工厂").id,
        department=department,
        owner=lookups.add_person("wang", "王工", department, "change_agent").id,
        verifier=lookups.add_person("li", "李经理", department, "project_manager").id,
    )


def problem_values(lists: Lists, n: int = 1, **changes: Any) -> dict[str, Any]:
    return {
        "title": f"库存差异率高 {n}",
        "description": "盘点时账实不符",
        "erp_module_id": lists.module,
        "department_id": lists.department,
        "site_id": lists.site,
        "hidden_cost": "data_governance",
        "severity": 4,
        "frequency": "weekly",
        "impact": 3,
        "reporter_id": lists.owner,
        "owner_id": lists.owner,
        "reported_on": dt.date(2025, 3, 1),
        "due_on": "2025-04-15",
        "tags": "盘点",
        **changes,
    }


def closed_problem(lists: Lists, n: int = 1, **changes: Any) -> ProblemInput:
    """库存差异率高 → 物料编码不统一 → 统一物料编码 → 差异率 2.0% → 1.2%, verified and closed."""
    result = ResultInput(
        {
            "metric": "库存差异率",
            "unit": "%",
            "direction": "lower",
            "baseline_value": 2.0,
            "baseline_on": dt.date(2025, 3, 1),
            "value_after": 1.2,
            "measured_on": dt.date(2025, 5, 1),
        },
        verified_at=dt.datetime(2025, 5, 3, 11),
        verified_by_id=lists.verifier,
    )
    solution = SolutionInput(
        {
            "title": "统一物料编码",
            "kind": "corrective",
            "governance_path": "data_governance",
            "owner_id": lists.owner,
            "status": "done",
            "done_on": dt.date(2025, 4, 10),
        },
        (result,),
    )
    cause = CauseInput(
        {"description": "物料编码不统一", "is_root": True, "whys": ["一物多码", "无编码规则"]},
        (solution,),
    )
    return ProblemInput(
        problem_values(lists, n, **changes),
        status="closed",
        closed_on=dt.date(2025, 5, 5),
        created_at=dt.datetime(2025, 3, 1, 9),
        updated_at=dt.datetime(2025, 5, 5, 17),
        causes=(cause,),
    )


def open_problem(lists: Lists, n: int = 1, **changes: Any) -> ProblemInput:
    return ProblemInput(problem_values(lists, n, **changes))


def batch(lists: Lists, size: int) -> list[ProblemInput]:
    return [
        closed_problem(lists, n) if n % 2 else open_problem(lists, n) for n in range(1, size + 1)
    ]


@pytest.fixture
def counts(count: Callable[[str], int]) -> Callable[[], dict[str, int]]:
    """Rows of every table the bulk service writes, and of the audit chain."""
    return lambda: {table: count(table) for table in (*TABLES, "audit_entry")}


# ---- a valid batch --------------------------------------------------------------------


def test_a_valid_batch_lands_whole_with_a_sound_chain(services, lists, count) -> None:
    entries = count("audit_entry")
    written = services.bulk.write(batch(lists, 40))

    assert (written.problems, count("problem"), count("cause"), count("result")) == (40, 40, 20, 20)
    assert count("cause_why") == 40
    # a create entry per row, and the code sequence's
    assert written.entries == count("audit_entry") - entries == written.rows + 1
    report = services.integrity.check(full=True)
    assert report.sound, report


def test_stored_values_are_those_a_single_save_would_keep(services, lists) -> None:
    services.bulk.write([closed_problem(lists, title="  库存差异率高  ", tags="")])

    detail = services.problems.get(services.problems.id_of("P-2025-0001") or 0)
    assert (detail.title, detail.status, detail.closed_on) == (
        "库存差异率高",
        "closed",
        dt.date(2025, 5, 5),
    )
    assert detail.due_on == dt.date(2025, 4, 15)  # typed as text, stored as a date
    assert detail.created_at == dt.datetime(2025, 3, 1, 9)
    cause = detail.causes[0]
    assert (cause.whys, cause.evidence, cause.category, cause.verified) == (
        ("一物多码", "无编码规则"),
        "",
        None,
        False,
    )
    solution = cause.solutions[0]
    assert (solution.title, solution.status, solution.done_on) == (
        "统一物料编码",
        "done",
        dt.date(2025, 4, 10),
    )
    result = solution.results[0]
    assert (result.verified_by, round(result.improvement_pct or 0)) == ("李经理", 40)


def test_a_solution_done_without_a_date_is_done_today_and_others_have_none(services, lists) -> None:
    done = SolutionInput({"title": "统一物料编码", "status": "done"})
    planned = SolutionInput({"title": "培训", "status": "planned", "done_on": "2025-04-01"})
    cause = CauseInput({"description": "物料编码不统一"}, (done, planned))
    services.bulk.write([ProblemInput(problem_values(lists), "solving", causes=(cause,))])

    solutions = services.problems.get(1).causes[0].solutions
    assert [s.done_on for s in solutions] == [services.bulk.today(), None]


def test_the_acting_user_reports_and_verifies_what_names_no_one(services, lists, raw) -> None:
    values = problem_values(lists)
    del values["reporter_id"]
    measured = ResultInput(
        {"metric": "差异率", "baseline_value": 2.0, "value_after": 1.0},
        verified_at=dt.datetime(2025, 5, 3, 11),
    )
    cause = CauseInput({"description": "编码"}, (SolutionInput({"title": "统一"}, (measured,)),))
    services.bulk.write([ProblemInput(values, causes=(cause,)), ProblemInput(values)])

    tester = raw.execute("SELECT id FROM person WHERE login = 'tester'").fetchall()
    assert len(tester) == 1
    assert raw.execute("SELECT DISTINCT reporter_id FROM problem").fetchall() == tester
    assert raw.execute("SELECT verified_by_id FROM result").fetchall() == tester
    assert services.integrity.check(full=True).sound


def test_ids_and_codes_continue_after_a_bulk_write(services, lists, raw) -> None:
    first = services.problems.create(problem_values(lists, 0))
    deleted = services.problems.create(problem_values(lists, 0))
    services.problems.delete(deleted.id)  # its id and code are never handed out again

    services.bulk.write(batch(lists, 3))
    after = services.problems.create(problem_values(lists, 4))
    cause = services.chain.add(CAUSE, after.id, {"description": "新原因"}).causes[0]

    rows = raw.execute("SELECT id, code FROM problem ORDER BY id").fetchall()
    assert rows == [
        (first.id, "P-2025-0001"),
        (3, "P-2025-0003"),
        (4, "P-2025-0004"),
        (5, "P-2025-0005"),
        (6, "P-2025-0006"),
    ]
    assert (after.id, after.code) == (6, "P-2025-0006")
    assert cause.id == 3  # after the two causes of the batch
    assert services.integrity.check(full=True).sound


def test_progress_hears_how_far_it_got(services, lists) -> None:
    heard: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _message: heard.append((done, total)))
    size = 2 * REPORT_EVERY + 5

    services.bulk.write(batch(lists, size), progress)

    assert heard == [(REPORT_EVERY, size), (2 * REPORT_EVERY, size), (size, size)]


# ---- a batch with a wrong row writes nothing -----------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "code", "reason"),
    [
        ({"title": "长" * 201}, "title", "too_long", "is longer than 200 characters"),
        ({"reported_on": 20260501}, "reported_on", "not_a_date", "is not a date (YYYY-MM-DD)"),
        ({"severity": 9}, "severity", "out_of_range", "must be between 1 and 5"),
        (
            {"site_id": 999},
            "site_id",
            "unknown_reference",
            "refers to an entry that does not exist",
        ),
        ({"status": "open"}, "status", "unknown_field", "is not a field of this record"),
    ],
)
def test_one_wrong_row_writes_nothing_and_names_row_field_and_reason(
    services, lists, counts, changes, field, code, reason
) -> None:
    rows = batch(lists, 6)
    rows[2] = closed_problem(lists, 3, **changes)
    before = counts()

    with pytest.raises(BatchError) as caught:
        services.bulk.write(rows)

    assert [(e.row, e.kind, e.field, e.code, e.reason) for e in caught.value.rows] == [
        (3, "problem", field, code, reason)
    ]
    assert f"row 3: {field}: {reason}" in str(caught.value)
    assert counts() == before
    assert services.integrity.check(full=True).sound


def test_an_unknown_status_is_refused(services, lists, counts) -> None:
    before = counts()
    with pytest.raises(BatchError) as caught:
        services.bulk.write([open_problem(lists), ProblemInput(problem_values(lists), "done")])

    (error,) = caught.value.rows
    assert (error.row, error.field, error.code) == (2, "status", "unknown_choice")
    assert "must be one of open, analysing" in error.reason
    assert counts() == before


def test_errors_of_every_row_and_link_are_collected(services, lists, counts) -> None:
    unmeasured = ResultInput({"metric": "差异率", "baseline_value": 2.0}, dt.datetime(2025, 5, 3))
    cause = CauseInput(
        {"description": "编码", "whys": ["为什么"] * 11},
        (SolutionInput({"title": "统一", "kind": "magic"}, (unmeasured,)),),
    )
    rows = [
        open_problem(lists, 1),
        ProblemInput(problem_values(lists, 2), "solving", causes=(cause,)),
        open_problem(lists, 3),
        ProblemInput(problem_values(lists, 4, impact=0), "closed"),
    ]
    before = counts()

    with pytest.raises(BatchError) as caught:
        services.bulk.write(rows)

    assert [(e.where(), e.field, e.code) for e in caught.value.rows] == [
        ("row 2, cause 1", "whys", "too_many"),
        ("row 2, cause 1, solution 1", "kind", "unknown_choice"),
        ("row 2, cause 1, solution 1, result 1", "value_after", "required_to_verify"),
        ("row 4", "impact", "out_of_range"),
        ("row 4", "status", "needs_verified_result"),
    ]
    assert isinstance(caught.value, ValidationError)  # caught where a save's errors are
    assert caught.value.complete
    assert counts() == before


def test_the_checks_are_those_of_a_single_save(services, lists) -> None:
    """Every wrong value gets the field and code the services give it one by one."""
    wrong: list[tuple[str, dict[str, Any]]] = [
        ("problem", {"title": ""}),
        ("problem", {"title": "a\x00b"}),
        ("problem", {"frequency": "hourly"}),
        ("problem", {"impact": 2.5}),
        ("problem", {"due_on": "2025-02-01"}),
        ("problem", {"reported_on": dt.datetime(2025, 3, 1, 8)}),
        ("problem", {"reported_on": "0001-01-01"}),
        ("cause", {"description": "", "category": "luck"}),
        ("cause", {"description": "x", "is_root": "yes"}),
        ("solution", {"title": "t", "status": "someday"}),
        ("result", {"metric": "m", "baseline_value": "lots"}),
        (
            "result",
            {
                "metric": "m",
                "baseline_value": 1,
                "measured_on": "2000-01-01",
                "baseline_on": "2001-01-01",
            },
        ),
    ]
    problem_id = services.problems.create(problem_values(lists)).id
    detail = services.chain.add(CAUSE, problem_id, {"description": "原因"})
    detail = services.chain.add(SOLUTION, detail.causes[0].id, {"title": "方案"})
    parent = {
        "cause": problem_id,
        "solution": detail.causes[0].id,
        "result": detail.causes[0].solutions[0].id,
    }
    links = {"cause": CAUSE, "solution": SOLUTION, "result": RESULT}
    for kind, values in wrong:
        if kind == "problem":
            with pytest.raises(ValidationError) as single:
                services.problems.create(problem_values(lists, **values))
            given = ProblemInput(problem_values(lists, **values))
        else:
            with pytest.raises(ValidationError) as single:
                services.chain.add(links[kind], parent[kind], values)
            given = _with_link(lists, kind, values)
        expected = {(e.field, e.code) for e in single.value.errors}

        found = {(e.field, e.code) for e in services.bulk.check([given])}

        assert found == expected, (kind, values)


def _with_link(lists: Lists, kind: str, values: dict[str, Any]) -> ProblemInput:
    result = (ResultInput(values),) if kind == "result" else ()
    solution = (
        (SolutionInput(values if kind == "solution" else {"title": "方案"}, result),)
        if kind != "cause"
        else ()
    )
    cause = CauseInput(values if kind == "cause" else {"description": "原因"}, solution)
    return ProblemInput(problem_values(lists), "solving", causes=(cause,))


def test_check_says_what_is_wrong_without_writing(services, lists, counts) -> None:
    before = counts()
    errors = services.bulk.check([open_problem(lists), open_problem(lists, severity=0)])

    assert [(e.row, e.field) for e in errors] == [(2, "severity")]
    assert services.bulk.check(batch(lists, 5)) == []
    assert counts() == before


# ---- a cancelled batch writes nothing ------------------------------------------------


def _cancelling(after_reports: int) -> Progress:
    reports = 0

    def listen(_done: int, _total: int, _message: str) -> None:
        nonlocal reports
        reports += 1
        if reports >= after_reports:
            progress.cancel()

    progress = Progress(listen)
    return progress


@pytest.mark.parametrize("after_reports", [1, 3])  # 3: after every row, before the commit
def test_a_cancelled_batch_writes_nothing(services, lists, counts, after_reports) -> None:
    before = counts()
    rows = batch(lists, 2 * REPORT_EVERY + 10)

    with pytest.raises(Cancelled):
        services.bulk.write(rows, _cancelling(after_reports))

    assert counts() == before
    assert services.integrity.check(full=True).sound
    assert services.problems.create(problem_values(lists)).code == "P-2025-0001"


def test_a_bulk_write_is_heard_like_any_write_and_moves_the_anchor(
    services, lists, db_path
) -> None:
    from workbench.app import anchor_of

    heard: list[Any] = []
    services.subscribe(heard.append)
    services.bulk.write(batch(lists, 3))

    (change,) = heard
    assert len(change.ids("problem", "create")) == 3
    assert change.touches("problem", "result") and not change.more_of
    head = anchor_of(str(db_path)).load().head
    assert head is not None and head.id == change.last_entry


def test_a_bulk_write_too_big_to_list_names_the_kinds_it_wrote(
    services, lists, monkeypatch
) -> None:
    import workbench.store.bulk as store_bulk

    monkeypatch.setattr(store_bulk, "NOTICE_LIMIT", 5)
    heard: list[Any] = []
    services.subscribe(heard.append)
    services.bulk.write(batch(lists, 4))
    (change,) = heard
    assert len(change.records) == 5  # the first five, then only kinds
    assert {"problem", "cause", "solution", "result"} <= change.kinds()
    assert change.touches("result")


def test_a_bulk_write_while_another_program_writes_is_busy_and_writes_nothing(
    db_path, lists, count
) -> None:
    import sqlite3

    from workbench.app import open_services
    from workbench.services.errors import StorageError
    from workbench.settings import Settings

    quick = open_services(str(db_path), Settings(user="tester"), busy_timeout=0.2)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as caught:
            quick.bulk.write(batch(lists, 3))
        assert caught.value.reason == "busy"
    finally:
        other.rollback()
        other.close()
        quick.close()
    assert count("problem") == 0


def test_a_closed_row_with_a_solution_not_done_is_refused_as_a_close_would_be(
    services, lists, counts
) -> None:
    closed = closed_problem(lists)
    solution = closed.causes[0].solutions[0]
    planned = replace(solution, values={**solution.values, "status": "planned", "done_on": None})
    cancelled = replace(solution, values={**solution.values, "status": "cancelled"})
    cause = closed.causes[0]
    before = counts()
    with pytest.raises(BatchError) as caught:
        services.bulk.write([replace(closed, causes=(replace(cause, solutions=(planned,)),))])
    assert [(e.where(), e.code) for e in caught.value.rows] == [("row 1", "solution_not_finished")]
    assert counts() == before
    services.bulk.write([replace(closed, causes=(replace(cause, solutions=(cancelled,)),))])
    assert services.integrity.check(full=True).sound


def test_a_big_batch_is_indexed_once_and_leaves_the_schema_as_migrated(
    services, lists, raw
) -> None:
    schema = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
    before = sorted(raw.execute(schema).fetchall())
    services.bulk.write(batch(lists, 30))  # more problems than the table holds: indexed at the end
    assert sorted(raw.execute(schema).fetchall()) == before
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    found = {h.kind for h in services.search.search("物料编码", limit=200).hits}
    assert found == {"cause", "solution"}  # the batch's chains are searchable
    titles = services.search.search("库存差异率高 7").hits
    assert titles and titles[0].kind == "problem"
    later = services.bulk.write([open_problem(lists, 99, title="月结关账慢")])
    assert later.problems == 1  # a small write into the bigger table keeps the triggers working
    assert [h.kind for h in services.search.search("月结关账").hits] == ["problem"]
    assert services.integrity.check(full=True).sound
