"""The lists a problem refers to: ERP modules are editable, names stay unique."""

from __future__ import annotations

import pytest

from workbench.services import Services
from workbench.services.errors import ValidationError


def names(services: Services, include_inactive: bool = False) -> list[str]:
    return [m.name for m in services.lookups.modules(include_inactive)]


def test_modules_add_rename_and_keep_their_order(services: Services) -> None:
    existing = names(services)
    purchase = services.lookups.add_module("采购")
    services.lookups.add_module("库存")
    services.lookups.rename_module(purchase.id, "采购管理")
    assert names(services) == [*existing, "采购管理", "库存"]


def test_duplicate_module_is_refused(services: Services, count) -> None:
    services.lookups.add_module("销售")
    before = count("erp_module")
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_module(" 销售 ")
    assert caught.value.for_field("name").code == "duplicate"
    other = services.lookups.add_module("财务")
    with pytest.raises(ValidationError):
        services.lookups.rename_module(other.id, "销售")
    assert count("erp_module") == before + 1


def test_empty_or_long_module_name_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_module("  ")
    assert caught.value.for_field("name").code == "required"
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_module("模" * 51)
    assert caught.value.for_field("name").code == "too_long"


def test_deactivated_module_is_hidden_but_kept(services: Services, new_problem) -> None:
    module = services.lookups.add_module("人力")
    problem = new_problem(erp_module_id=module.id)
    services.lookups.set_module_active(module.id, False)
    assert "人力" not in names(services)
    assert "人力" in names(services, include_inactive=True)
    assert services.problems.get(problem.id).erp_module_id == module.id
    services.lookups.set_module_active(module.id, True)
    assert "人力" in names(services)


def test_sites_departments_people(services: Services) -> None:
    site = services.lookups.add_site("SZ", "深圳工厂")
    services.lookups.add_site("BJ", "北京工厂")
    department = services.lookups.add_department("仓储部")
    services.lookups.add_person("wang.fang", "王芳", department_id=department.id)
    assert [s.name for s in services.lookups.sites()] == ["北京工厂", "深圳工厂"]
    assert site in services.lookups.sites()
    assert [d.name for d in services.lookups.departments()] == ["仓储部"]
    assert "王芳" in [p.name for p in services.lookups.people()]
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_site("SZ", "另一个")
    assert caught.value.for_field("code").code == "duplicate"
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_person("wang.fang", "王芳二")
    assert caught.value.for_field("login").code == "duplicate"


def test_module_entries_list_every_module_with_whether_it_is_in_use(services: Services) -> None:
    before = len(services.lookups.module_entries())
    stock = services.lookups.add_module("库存")
    services.lookups.add_module("销售")
    services.lookups.set_module_active(stock.id, False)
    entries = services.lookups.module_entries()[before:]
    assert [(e.name, e.active) for e in entries] == [("库存", False), ("销售", True)]


def test_a_person_in_a_missing_department_or_with_an_unknown_role_is_refused(
    services: Services,
) -> None:
    before = len(services.lookups.people())
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_person("li", "李娜", department_id=999)
    assert caught.value.for_field("department_id").code == "unknown_reference"
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_person("li", "李娜", role="boss")
    assert caught.value.for_field("role").code == "unknown_choice"
    assert len(services.lookups.people()) == before
