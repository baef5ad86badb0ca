"""The one search box over the full-text index: Chinese substrings of any length, English
in any case, codes, words ANDed, snippets with the matches marked, the index following
every write (update, delete, undo), and the not-found list."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from workbench.services import Services
from workbench.services.search_text import plain, spans
from workbench.store.search_docs import DOC_OF, KINDS


def _found(services: Services, query: str, **options: Any) -> list[tuple[str, int]]:
    return [(h.kind, h.ref) for h in services.search.search(query, **options).hits]


@pytest.fixture
def two(services: Services, new_problem: Any) -> tuple[int, int]:
    a = new_problem(
        title="库存差异率高", description="月底盘点账实不符，ERP库存与实物差", tags="盘点"
    )
    b = new_problem(title="采购订单审批慢", description="审批流程经过五个人 PO approval slow")
    return a.id, b.id


def test_chinese_substrings_of_three_or_more_characters(services, two) -> None:
    a, b = two
    assert _found(services, "库存差异") == [("problem", a)]
    assert _found(services, "账实不符") == [("problem", a)]
    assert _found(services, "审批流程") == [("problem", b)]
    assert _found(services, "销售退货") == []


def test_one_and_two_character_queries_find_the_rows_trigram_cannot(services, two) -> None:
    a, b = two
    assert _found(services, "库存") == [("problem", a)]
    assert _found(services, "审批") == [("problem", b)]
    assert sorted(_found(services, "单")) == [("problem", b)]  # 订单
    assert _found(services, "盘") == [("problem", a)]
    assert _found(services, "差") == [("problem", a)]  # its last character too
    assert _found(services, "销") == []
    assert _found(services, "退货") == []


def test_english_in_any_case_codes_and_words_anded(services, two) -> None:
    a, b = two
    assert _found(services, "approval") == [("problem", b)]
    assert _found(services, "APPROVAL") == [("problem", b)]
    assert _found(services, "Po") == [("problem", b)]
    assert _found(services, "erp") == [("problem", a)]
    code = services.problems.get(b).code
    assert _found(services, code) == [("problem", b)]
    assert _found(services, code.lower()) == [("problem", b)]
    assert _found(services, "审批 slow") == [("problem", b)]  # mixed Chinese and English
    assert _found(services, "库存 slow") == []  # both words must be in one record
    assert _found(services, "库 盘点") == [("problem", a)]  # short and long words


def test_the_snippet_marks_every_matching_word(services, two) -> None:
    a, _ = two
    hit = services.search.search("库存 盘点").hits[0]
    assert (hit.kind, hit.ref) == ("problem", a)
    assert plain(hit.title) == "库存差异率高"
    assert [piece for piece, marked in hit.title if marked] == ["库存"]
    marked = [piece for piece, on in hit.snippet if on]
    assert marked == ["盘点", "库存", "盘点"]  # the description, then the tag
    text = plain(hit.snippet)
    assert [text[s:e] for s, e in spans(hit.snippet)] == marked
    english = services.search.search("APPROVAL").hits[0]
    assert [piece for piece, on in english.snippet if on] == ["approval"]


def test_a_chain_is_found_by_its_kind_and_names_its_problem(services, full_chain) -> None:
    hits = services.search.search("物料编码").hits
    assert [(h.kind, h.code) for h in hits] == [
        ("cause", full_chain.code),
        ("solution", full_chain.code),
    ] or [(h.kind, h.code) for h in hits] == [
        ("solution", full_chain.code),
        ("cause", full_chain.code),
    ]
    assert _found(services, "差异率", kinds=("result",)) == [
        ("result", full_chain.causes[0].solutions[0].results[0].id)
    ]
    with pytest.raises(ValueError, match="no record kind"):
        services.search.search("x", kinds=("nothing",))


def test_the_index_follows_updates_deletes_and_undo(services, two) -> None:
    a, b = two
    services.problems.update(a, {"title": "仓库温度过高"})
    assert _found(services, "库存差异") == []
    assert _found(services, "温度") == [("problem", a)]
    assert _found(services, "温度过高") == [("problem", a)]
    _, deleted = services.recorded(lambda: services.problems.delete(b))
    assert _found(services, "审批") == []
    assert _found(services, "approval") == []
    undone = services.history.undo(deleted)
    assert undone is not None
    assert _found(services, "审批") == [("problem", b)]
    assert _found(services, "approval") == [("problem", b)]
    assert services.integrity.check(full=True).sound


def test_a_knowledge_entry_is_found_with_its_status(services) -> None:
    entry = services.knowledge.create(
        {"kind": "faq", "title": "盘点差异怎么查？", "body": "先看**库存流水**，再查 MB51。"}
    )
    hits = services.search.search("mb51").hits
    assert [(h.kind, h.ref, h.status) for h in hits] == [("knowledge_entry", entry.id, "draft")]
    services.knowledge.update(entry.id, {"status": "published"})
    services.knowledge.update(entry.id, {"status": "outdated"})
    assert services.search.search("流水").hits[0].status == "outdated"


def test_searches_that_found_nothing_are_listed_for_champions(services, two) -> None:
    services.search.search("退货 流程", remember=True)
    services.search.search("退货  流程", remember=True)
    services.search.search("库存", remember=True)  # found: not a miss
    services.search.search("退", remember=False)  # typing, not asked: not a miss
    misses = services.search.misses()
    assert [(m.query, m.times) for m in misses] == [("退货 流程", 2)]
    services.search.forget_miss("退货 流程")
    assert services.search.misses() == ()


def test_the_index_agrees_with_the_tables_and_check_says_when_not(services, two, db_path) -> None:
    a, _ = two
    assert services.integrity.check(full=True).sound
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        rowid = a * KINDS + DOC_OF["problem"].number
        raw.execute("DELETE FROM search_text WHERE rowid = ?", (rowid,))
    finally:
        raw.close()
    report = services.integrity.check(full=True)
    assert not report.sound
    assert "search index" in (report.search_problem or "")


def _listed(services: Services, text: str) -> tuple[list[int], int]:
    from workbench.services.records import ProblemFilter, ProblemSort

    flt = ProblemFilter(text=text)
    rows = services.problems.page(flt, ProblemSort(), 0, 50)
    return [row.id for row in rows], services.problems.count(flt)


@pytest.mark.parametrize("text", ["库存", "盘", "账实不符", "物料编码", "approval", "PO", "温度"])
def test_the_problems_list_filter_reads_the_index_and_finds_what_the_scan_finds(
    services, two, full_chain, monkeypatch, text
) -> None:
    from workbench.store import search_sql

    indexed = _listed(services, text)  # few records hold it: read from the index
    with services.database.engine.connect() as connection:
        assert search_sql.rare_problems(connection, text) is not None
    monkeypatch.setattr(search_sql, "RARE", -1)  # as if frequent: the list is walked
    assert _listed(services, text) == indexed


def test_the_problems_list_filter_finds_causes_and_follows_deletes(services, two, full_chain):
    a, _ = two
    assert _listed(services, "编码不统一") == ([full_chain.id], 1)  # the cause's words
    assert sorted(_listed(services, "库存")[0]) == sorted([a, full_chain.id])
    _, deleted = services.recorded(lambda: services.problems.delete(a))
    assert _listed(services, "月底") == ([], 0)
    services.history.undo(deleted)
    assert _listed(services, "月底") == ([a], 1)


def test_a_routine_check_counts_the_index_entries_against_the_records(services, two, db_path):
    from workbench.store.search_check import verify_search

    with services.database.engine.connect() as connection:
        assert verify_search(connection, full=False) is None
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        raw.execute("DROP TRIGGER search_problem_ad")  # a tool deleting behind our back
        raw.execute("DELETE FROM problem WHERE id = ?", (two[1],))
    finally:
        raw.close()
    with services.database.engine.connect() as connection:
        found = verify_search(connection, full=False)
        assert found is not None and "2 entries for 1 records" in found


def test_a_cancelled_search_stops(services, two) -> None:
    from workbench.services.progress import Cancelled, Progress

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        services.search.search("库存", progress=progress)
    assert len(services.search.search("库存", progress=Progress()).hits) == 1
