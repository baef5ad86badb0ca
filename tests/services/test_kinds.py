"""Each record kind is described once: its limits and defaults come from its table."""

from __future__ import annotations

import pytest
from sqlalchemy import String, inspect

from workbench.services.kinds import KINDS, PROBLEM, RESULT, describe
from workbench.store.models import Problem


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_text_field_is_held_to_its_column_size(kind) -> None:
    columns = inspect(kind.model).mapper.columns
    for name, spec in kind.fields.items():
        column = columns[name]
        if isinstance(column.type, String) and column.type.length:
            assert spec.max_length is not None and spec.max_length <= column.type.length, name
        if not column.nullable and column.default is None:
            assert spec.required, f"{kind.name}.{name} cannot be empty in the table"


def test_the_blank_form_holds_the_tables_defaults() -> None:
    blank = PROBLEM.blank()
    assert (blank["severity"], blank["impact"], blank["frequency"]) == (3, 3, "weekly")
    assert blank["hidden_cost"] is None and blank["title"] == ""
    assert RESULT.blank()["direction"] == "lower"


def test_a_title_one_character_over_the_column_is_refused() -> None:
    limit = Problem.__table__.c.title.type.length
    _, errors = PROBLEM.check({"title": "差" * (limit + 1)}, complete=False)
    assert [(e.field, e.code, e.params["limit"]) for e in errors] == [("title", "too_long", limit)]


def test_a_new_kind_is_one_description() -> None:
    kind = describe(Problem, {"title": {"required": True}, "due_on": {}})
    clean, errors = kind.check({"title": " 审批慢 ", "due_on": "2026-09-30"})
    assert errors == [] and clean["title"] == "审批慢" and str(clean["due_on"]) == "2026-09-30"
    assert kind.name == "problem"
