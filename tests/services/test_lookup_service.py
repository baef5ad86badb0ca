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


def test_sites_are_listed_with_their_codes_and_edited(services: Services, raw) -> None:
    suzhou = services.lookups.add_site("SZ", "苏州工厂")
    services.lookups.add_site("BJ", "北京工厂")
    services.lookups.update_site(suzhou.id, " SZ1 ", " 苏州一厂 ")
    assert [(s.code, s.name) for s in services.lookups.site_entries()] == [
        ("BJ", "北京工厂"),
        ("SZ1", "苏州一厂"),
    ]
    services.lookups.update_site(suzhou.id, "SZ1", "苏州一厂")  # unchanged: no audit entry
    changes = raw.execute(
        "SELECT actor, field, old_value, new_value FROM audit_entry"
        " WHERE entity = 'site' AND action = 'update' ORDER BY id"
    ).fetchall()
    assert changes == [
        ("tester", "code", "SZ", "SZ1"),
        ("tester", "name", "苏州工厂", "苏州一厂"),
    ]


def test_a_site_code_or_name_another_site_has_is_refused(services: Services) -> None:
    suzhou = services.lookups.add_site("SZ", "苏州工厂")
    services.lookups.add_site("BJ", "北京工厂")
    before = services.lookups.site_entries()
    with pytest.raises(ValidationError) as caught:
        services.lookups.update_site(suzhou.id, "BJ", "北京工厂")
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("code", "duplicate"),
        ("name", "duplicate"),
    }
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_site("WX", " 北京工厂")
    assert caught.value.for_field("name").params == {"value": "北京工厂"}
    assert services.lookups.site_entries() == before  # nothing half-saved


def test_an_empty_site_code_and_name_are_both_named(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.lookups.add_site(" ", "")
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("code", "required"),
        ("name", "required"),
    }
    site = services.lookups.add_site("SZ", "苏州工厂")
    with pytest.raises(ValidationError) as caught:
        services.lookups.update_site(site.id, "S" * 21, "苏州工厂")
    assert caught.value.for_field("code").code == "too_long"
    assert services.lookups.site_entries()[0].code == "SZ"


def test_departments_are_renamed_and_keep_unique_names(services: Services) -> None:
    stores = services.lookups.add_department("仓储部")
    services.lookups.add_department("采购部")
    services.lookups.rename_department(stores.id, " 物流部 ")
    assert [d.name for d in services.lookups.departments()] == ["物流部", "采购部"]
    services.lookups.rename_department(stores.id, "物流部")  # the same name is no clash
    with pytest.raises(ValidationError) as caught:
        services.lookups.rename_department(stores.id, "采购部")
    assert caught.value.for_field("name").code == "duplicate"
    with pytest.raises(ValidationError) as caught:
        services.lookups.rename_department(stores.id, "   ")
    assert caught.value.for_field("name").code == "required"
    assert [d.name for d in services.lookups.departments()] == ["物流部", "采购部"]


def test_people_are_listed_with_their_department_and_edited(services: Services) -> None:
    stores = services.lookups.add_department("仓储部")
    sales = services.lookups.add_department("销售部")
    wang = services.lookups.add_person("wang", "王芳", stores.id, "change_agent")
    services.lookups.add_person("li", "李娜")
    services.lookups.update_person(wang.id, " wang.fang ", " 王芳芳 ", sales.id)
    entries = {p.login: p for p in services.lookups.person_entries()}
    assert entries["wang.fang"].name == "王芳芳"
    assert (entries["wang.fang"].department_id, entries["wang.fang"].department) == (
        sales.id,
        "销售部",
    )
    assert entries["wang.fang"].role == "change_agent"  # the role is kept
    assert entries["li"].department is None
    services.lookups.update_person(wang.id, "wang.fang", "王芳芳", None)
    assert services.lookups.person_entries()[1].department_id is None


def test_a_person_edit_that_breaks_a_rule_changes_nothing(services: Services) -> None:
    wang = services.lookups.add_person("wang", "王芳")
    services.lookups.add_person("li", "李娜")
    before = services.lookups.person_entries()
    with pytest.raises(ValidationError) as caught:
        services.lookups.update_person(wang.id, "li", "王芳", None)
    assert caught.value.for_field("login").code == "duplicate"
    with pytest.raises(ValidationError) as caught:
        services.lookups.update_person(wang.id, "wang", "王芳", 999)
    assert caught.value.for_field("department_id").code == "unknown_reference"
    with pytest.raises(ValidationError) as caught:
        services.lookups.update_person(wang.id, "", " ", None)
    assert {e.field for e in caught.value.errors} == {"login", "name"}
    assert services.lookups.person_entries() == before


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh_CN", ["采购", "库存", "销售", "生产", "财务", "人力", "主数据"]),
        ("en", ["Purchasing", "Inventory", "Sales", "Production", "Finance", "HR", "Master data"]),
    ],
)
def test_the_standard_modules_are_added_in_the_language_asked_for(
    services: Services, language: str, expected: list[str]
) -> None:
    assert services.lookups.module_entries() == []
    added = services.lookups.add_standard_modules(language)
    assert [m.name for m in added] == expected
    assert names(services) == expected


def test_standard_modules_already_in_the_list_are_not_added_twice(
    services: Services, count
) -> None:
    services.lookups.add_module("Quality")
    services.lookups.add_module("Sales")
    services.lookups.add_standard_modules("en")
    assert names(services) == [
        "Quality",
        "Sales",
        "Purchasing",
        "Inventory",
        "Production",
        "Finance",
        "HR",
        "Master data",
    ]
    audited = count("audit_entry")
    assert services.lookups.add_standard_modules("en") == []
    assert count("audit_entry") == audited
