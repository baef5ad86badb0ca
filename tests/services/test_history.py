"""Undo at the domain level: any committed write is reversed from its audit entries,
with the same ids, and refused when someone changed the record since."""

from __future__ import annotations

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import CAUSE, RESULT, SOLUTION
from workbench.services.errors import ConflictError, ValidationError
from workbench.settings import Settings


def test_undo_an_edit_then_redo_it(services: Services, new_problem) -> None:
    problem = new_problem(title="库存差异率高")
    _, changes = services.recorded(lambda: services.problems.update(problem.id, {"severity": 5}))
    undone = services.history.undo(changes)
    assert services.problems.get(problem.id).severity == problem.severity
    assert undone is not None and undone.ids("problem", "update") == {problem.id}
    services.history.undo(undone)
    assert services.problems.get(problem.id).severity == 5
    assert services.integrity.check().sound


def test_undoing_a_delete_brings_back_the_same_rows(
    services: Services, reviewer: Services, full_chain
) -> None:
    result_id = full_chain.results()[0].id
    reviewer.chain.verify_result(result_id)
    before = services.problems.get(full_chain.id)
    _, changes = services.recorded(lambda: services.problems.delete(full_chain.id))
    assert services.problems.id_of(before.code) is None

    services.history.undo(changes)
    after = services.problems.get(full_chain.id)
    assert after == before  # same ids, whys, figures, "verified by / when"
    assert after.results()[0].verified_by == "li.lei"
    assert services.integrity.check().sound


def test_undo_refuses_when_someone_changed_the_field_since(
    services: Services, db_path, new_problem
) -> None:
    problem = new_problem(title="库存差异率高")
    _, changes = services.recorded(lambda: services.problems.update(problem.id, {"severity": 5}))
    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(problem.id, {"severity": 2})
    finally:
        colleague.close()
    with pytest.raises(ConflictError) as caught:
        services.history.undo(changes)
    (conflict,) = caught.value.conflicts
    assert (conflict.kind, conflict.id, conflict.by, conflict.fields) == (
        "problem",
        problem.id,
        "王芳",
        ("severity",),
    )
    assert services.problems.get(problem.id).severity == 2  # nothing overwritten


def test_undoing_an_add_refuses_to_take_along_what_others_added(
    services: Services, new_problem
) -> None:
    problem = new_problem()
    detail, changes = services.recorded(
        lambda: services.chain.add(CAUSE, problem.id, {"description": "物料编码不统一"})
    )
    cause_id = detail.causes[0].id
    services.chain.add(SOLUTION, cause_id, {"title": "统一物料编码"})
    with pytest.raises(ConflictError) as caught:
        services.history.undo(changes)
    assert caught.value.conflicts[0].kind == "solution"
    assert [c.id for c in services.problems.get(problem.id).causes] == [cause_id]


def test_undo_keeps_the_closed_problem_rule(
    services: Services, reviewer: Services, full_chain
) -> None:
    result_id = full_chain.results()[0].id
    solution_id = full_chain.causes[0].solutions[0].id
    _, done = services.recorded(
        lambda: services.chain.update(SOLUTION, solution_id, {"status": "done"})
    )
    _, verified = reviewer.recorded(lambda: reviewer.chain.verify_result(result_id))
    for status in ("analysing", "solving", "verifying", "closed"):
        services.problems.change_status(full_chain.id, status)
    for write in (verified, done):  # each would change the closed problem's chain
        with pytest.raises(ValidationError) as caught:
            services.history.undo(write)
        assert caught.value.errors[0].code == "closed_read_only"
    after = services.problems.get(full_chain.id)
    assert after.results()[0].verified and after.causes[0].solutions[0].status == "done"


def test_undoing_a_new_problem_never_hands_its_code_out_again(
    services: Services, new_problem
) -> None:
    first, changes = services.recorded(lambda: new_problem(title="重复录入"))
    services.history.undo(changes)
    second = new_problem(title="审批慢")
    assert second.code != first.code
    assert services.problems.id_of(first.code) is None


def test_a_result_edit_and_its_unverification_undo_together(
    services: Services, reviewer: Services, full_chain
) -> None:
    result = full_chain.results()[0]
    reviewer.chain.verify_result(result.id)
    verified = services.problems.get(full_chain.id).results()[0]
    _, changes = services.recorded(
        lambda: services.chain.update(RESULT, result.id, {"value_after": 1.5})
    )
    assert not services.problems.get(full_chain.id).results()[0].verified
    services.history.undo(changes)
    assert services.problems.get(full_chain.id).results()[0] == verified
