"""ReportService: a quarter's facts, for all sites or one, and the chain's head."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest

from workbench.services.errors import NotFoundError


@pytest.fixture
def two_sites(services):
    lookups = services.lookups
    module = lookups.add_module("库存").id
    east, south = lookups.add_site("HD", "华东工厂").id, lookups.add_site("HN", "华南工厂").id
    for site, title, day in (
        (east, "库存差异率高", dt.date(2026, 7, 10)),
        (south, "盘点延迟", dt.date(2026, 8, 20)),
        (east, "旧问题", dt.date(2026, 3, 5)),  # before the quarter, still open in it
    ):
        services.problems.create(
            {
                "title": title,
                "erp_module_id": module,
                "site_id": site,
                "hidden_cost": "data_governance",
                "reported_on": day,
                "severity": 3,
                "frequency": "weekly",
                "impact": 3,
            }
        )
    return services


def test_a_sites_report_counts_that_sites_problems_only(two_sites):
    everywhere = two_sites.reports.quarter("2026Q3")
    east = two_sites.reports.quarter("2026Q3", "HD")
    assert everywhere.problems_opened == 2 and east.problems_opened == 1
    assert east.site_name == "华东工厂"
    assert [t.count for t in east.modules] == [2]  # open in the quarter: reported before it too
    assert everywhere.in_scope == 3


def test_a_quarter_with_nothing_is_empty(two_sites):
    assert two_sites.reports.quarter("2027Q2").empty
    assert not two_sites.reports.quarter("2026Q3").empty


def test_unknown_site_names_the_known_ones(two_sites):
    with pytest.raises(NotFoundError, match="HD, HN"):
        two_sites.reports.quarter("2026Q3", "XX")


def test_the_head_is_the_chains_last_entry(two_sites, db_path):
    head = two_sites.reports.quarter("2026Q3").head
    with closing(sqlite3.connect(db_path)) as db:
        assert (head.entry, head.hash) == db.execute(
            "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
