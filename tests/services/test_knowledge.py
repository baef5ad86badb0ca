"""Knowledge entries (tips and FAQs): validation, status moves, links, votes and views,
the sorts a champion uses, a problem's entries, audit and undo of a delete."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.services import Services
from workbench.services.errors import ValidationError


def _entry(services: Services, **values: Any) -> Any:
    return services.knowledge.create({"kind": "tip", "title": "批量过账的快捷方式", **values})


def test_an_entry_needs_a_title_and_known_choices(services) -> None:
    with pytest.raises(ValidationError) as refused:
        services.knowledge.create({"kind": "tip", "title": ""})
    assert [e.field for e in refused.value.errors] == ["title"]
    with pytest.raises(ValidationError) as refused:
        services.knowledge.create({"kind": "howto", "title": "x"})
    assert [e.field for e in refused.value.errors] == ["kind"]


def test_status_goes_draft_published_outdated(services) -> None:
    entry = _entry(services)
    assert (entry.status, entry.author) == ("draft", services.actor)
    with pytest.raises(ValidationError):
        services.knowledge.update(entry.id, {"status": "outdated"})
    assert services.knowledge.update(entry.id, {"status": "published"}).status == "published"
    assert services.knowledge.update(entry.id, {"status": "outdated"}).status == "outdated"
    assert services.knowledge.get(entry.id).status == "outdated"  # kept, not deleted


def test_links_votes_views_and_sorts(services, full_chain) -> None:
    a = _entry(services, title="盘点前先冻结库存")
    b = _entry(services, kind="faq", title="差异率怎么算？")
    services.knowledge.link(a.id, "problem", full_chain.id)
    cause = full_chain.causes[0]
    services.knowledge.link(b.id, "solution", cause.solutions[0].id)
    record = services.knowledge.link(b.id, "cause", cause.id)
    assert [(link.target, link.code) for link in record.links] == [
        ("solution", full_chain.code),
        ("cause", full_chain.code),
    ]
    assert {row.id for row in services.knowledge.for_problem(full_chain.id)} == {a.id, b.id}
    with pytest.raises(ValidationError):
        services.knowledge.link(a.id, "problem", 99_999)
    services.knowledge.vote(b.id, True)
    services.knowledge.vote(b.id, False)  # changes the same person's vote
    services.knowledge.vote(a.id, True)
    for _ in range(3):
        services.knowledge.viewed(b.id)
    assert [r.id for r in services.knowledge.entries("helpful")] == [a.id, b.id]
    assert [r.id for r in services.knowledge.entries("viewed")] == [b.id, a.id]
    assert [r.id for r in services.knowledge.entries("newest")] == [b.id, a.id]
    got = services.knowledge.get(b.id)
    assert (got.helpful, got.not_helpful, got.views) == (0, 1, 3)


def test_delete_is_audited_and_undone_with_the_same_id(services, full_chain) -> None:
    entry = _entry(services, body="先在 **MI31** 里建盘点凭证")
    services.knowledge.link(entry.id, "problem", full_chain.id)
    _, deleted = services.recorded(lambda: services.knowledge.delete(entry.id))
    assert services.knowledge.entries() == ()
    assert services.search.search("mi31").hits == ()
    services.history.undo(deleted)
    back = services.knowledge.get(entry.id)
    assert back.links[0].target_id == full_chain.id
    assert [h.ref for h in services.search.search("MI31").hits] == [entry.id]
    assert services.integrity.check(full=True).sound
