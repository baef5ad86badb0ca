"""The one search box and the knowledge base on a real PostgreSQL server. PostgreSQL
gets no index tables (they are SQLite's FTS5): the search reads the records' own tables
with ILIKE, the documented fallback, and must give the same hits: Chinese substrings of
any length, English in any case, words ANDed, highlighted snippets, deletes and undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.settings import Settings


@pytest.fixture
def searched(pg_url: str) -> Iterator[Services]:
    services = open_services(pg_url, Settings(user="tester"))
    for title, description in (
        ("库存差异率高", "月底盘点账实不符 ERP"),
        ("采购订单审批慢", "PO approval slow"),
    ):
        services.problems.create(
            {
                "title": title,
                "description": description,
                "severity": 3,
                "impact": 3,
                "frequency": "weekly",
                "reported_on": "2025-03-01",
            }
        )
    yield services
    services.close()


def _found(services: Services, query: str) -> list[str]:
    return ["".join(t for t, _ in hit.title) for hit in services.search.search(query).hits]


def test_search_on_postgresql_finds_what_sqlite_finds(searched: Services) -> None:
    assert _found(searched, "库存差异") == ["库存差异率高"]
    assert _found(searched, "库存") == ["库存差异率高"]
    assert _found(searched, "单") == ["采购订单审批慢"]
    assert _found(searched, "APPROVAL") == ["采购订单审批慢"]
    assert _found(searched, "审批 slow") == ["采购订单审批慢"]
    assert _found(searched, "库存 slow") == []
    assert _found(searched, "100%") == []  # a % is a character, not a wildcard
    hit = searched.search.search("盘点").hits[0]
    assert [piece for piece, marked in hit.snippet if marked] == ["盘点"]


def test_knowledge_and_undo_on_postgresql(searched: Services) -> None:
    entry = searched.knowledge.create({"kind": "faq", "title": "盘点差异怎么查？", "body": "MB51"})
    assert [h.kind for h in searched.search.search("mb51").hits] == ["knowledge_entry"]
    _, deleted = searched.recorded(lambda: searched.knowledge.delete(entry.id))
    assert searched.search.search("mb51").hits == ()
    searched.history.undo(deleted)
    assert [h.ref for h in searched.search.search("MB51").hits] == [entry.id]
    searched.search.search("退货", remember=True)
    assert [m.query for m in searched.search.misses()] == ["退货"]
    assert searched.integrity.check(full=True).sound
