"""``workbench search`` as users type it, on the Chinese demo: hits grouped by kind with
the matches marked, --kind, --limit, --json (one object per hit, best first), a miss put
on the champions' list, and ``check`` naming a search index changed behind its back; the
demo's knowledge base (at least 30 tips and FAQs linked to problems)."""

from __future__ import annotations

import json

from workbench.store.search_docs import DOC_OF, KINDS


def test_search_prints_hits_grouped_by_kind_with_the_matches_marked(demo_db, run):
    result = run("search", "库存", "--db", demo_db, "--lang", "zh_CN")
    assert result.code == 0
    lines = result.out.splitlines()
    headings = [line for line in lines if not line.startswith(" ")]
    assert "问题:" in headings and "知识条目:" in headings
    assert any("**库存**" in line and line.strip().startswith("P-2026-") for line in lines)


def test_search_json_kind_and_limit(demo_db, run):
    result = run(
        "search", "盘点", "--json", "--kind", "knowledge_entry", "--limit", "3", "--db", demo_db
    )
    assert result.code == 0
    hits = [json.loads(line) for line in result.out.splitlines()]
    assert len(hits) == 3
    for hit in hits:
        assert hit["kind"] == "knowledge_entry" and isinstance(hit["id"], int)
        marked = [hit["title"][s:e] for s, e in hit["title_marks"]]
        marked += [hit["snippet"][s:e] for s, e in hit["snippet_marks"]]
        assert marked and set(marked) == {"盘点"}
    code = run("search", "P-2026-0012", "--json", "--db", demo_db)
    first = json.loads(code.out.splitlines()[0])
    assert (first["kind"], first["code"]) == ("problem", "P-2026-0012")


def test_a_search_that_finds_nothing_is_noted(demo_db, run, sql):
    result = run("search", "销售退货冲销", "--db", demo_db, "--lang", "zh_CN")
    assert result.code == 0 and result.out == ""
    assert "没有找到" in result.err
    assert sql(demo_db, "SELECT query, times FROM search_miss") == [("销售退货冲销", 1)]


def test_the_demo_writes_linked_tips_and_faqs(demo_db, sql):
    kinds = dict(sql(demo_db, "SELECT kind, count(*) FROM knowledge_entry GROUP BY kind"))
    assert kinds["tip"] + kinds["faq"] >= 30 and kinds["tip"] > 5 and kinds["faq"] > 5
    linked = sql(demo_db, "SELECT count(DISTINCT entry_id) FROM knowledge_link")[0][0]
    assert linked >= 30
    statuses = {s for (s,) in sql(demo_db, "SELECT DISTINCT status FROM knowledge_entry")}
    assert statuses == {"draft", "published", "outdated"}


def test_check_names_a_search_index_changed_behind_its_back(demo_db, run, sql):
    assert run("check", "--db", demo_db).code == 0
    rowid = 1 * KINDS + DOC_OF["problem"].number
    sql(demo_db, "UPDATE search_text SET title = '别的' WHERE rowid = ?", rowid)
    result = run("check", "--full", "--db", demo_db)
    assert result.code == 1
    assert "search index" in result.err and "problem 1" in result.err
