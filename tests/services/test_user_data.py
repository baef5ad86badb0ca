"""Whether a database holds someone's data: a new database's untouched KPIs do not count,
anything a person did to them does (workbench.services.user_data)."""

from __future__ import annotations

from workbench.services.kpi_records import MeasurementInput
from workbench.services.user_data import has_user_data


def _preset(services, key):
    return next(k for k in services.kpis.kpis() if k.preset == key)


def test_a_new_database_has_the_seven_kpis_written_by_the_program_and_no_user_data(services, raw):
    assert len(services.kpis.kpis()) == 7
    actors = {row[0] for row in raw.execute("SELECT actor FROM audit_entry")}
    assert actors == {"workbench"}
    assert not has_user_data(services.database)


def test_editing_a_presets_target_makes_it_user_data(services):
    services.kpis.update(_preset(services, "order_time").id, {"target": "1.5"})
    assert has_user_data(services.database)


def test_a_target_edited_and_edited_back_still_counts_by_its_trail(services):
    kpi = _preset(services, "order_time")
    services.kpis.update(kpi.id, {"target": "1.5"})
    services.kpis.update(kpi.id, {"target": "2"})
    assert services.kpis.get(kpi.id).target == kpi.target
    assert has_user_data(services.database)


def test_a_measurement_of_a_preset_is_user_data(services):
    kpi = _preset(services, "availability")
    services.kpis.write_measurements([MeasurementInput(kpi.id, "2026-03", "99.9")])
    assert has_user_data(services.database)


def test_deleting_a_preset_is_user_data(services):
    services.kpis.delete(_preset(services, "satisfaction").id)
    assert has_user_data(services.database)


def test_a_site_is_user_data(services):
    services.lookups.add_site("WX", "无锡工厂")
    assert has_user_data(services.database)
