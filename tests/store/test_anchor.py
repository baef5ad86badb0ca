"""anchors.json: the audit chain's head kept outside the database file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.settings import Settings
from workbench.store.anchor import FILE_NAME, Anchor, ChainAnchor, Mark


@pytest.fixture
def anchors(tmp_path: Path) -> Path:
    return tmp_path / "config" / FILE_NAME


def test_a_missing_file_is_no_anchor(anchors: Path) -> None:
    assert ChainAnchor(anchors, "/data/a.sqlite3").load() == Anchor()


def test_each_database_has_its_own_head_which_never_moves_back(anchors: Path) -> None:
    first, second = ChainAnchor(anchors, "/data/a.sqlite3"), ChainAnchor(anchors, "pg://x/db")
    first.record_head(Mark(5, "e5"))
    first.record_head(Mark(3, "e3"))  # a write that finished late must not lower the head
    second.record_head(Mark(9, "e9"))

    assert first.load() == Anchor(head=Mark(5, "e5"))
    assert second.load() == Anchor(head=Mark(9, "e9"))
    assert not list(anchors.parent.glob("*.json?*"))  # no temporary file left behind


def test_a_check_remembers_where_it_verified_and_keeps_a_later_head(anchors: Path) -> None:
    anchor = ChainAnchor(anchors, "/data/a.sqlite3")
    anchor.record_head(Mark(12, "e12"))
    anchor.record_verified(Mark(10, "e10"))  # a write landed while the check ran
    assert anchor.load() == Anchor(head=Mark(12, "e12"), verified=Mark(10, "e10"))

    anchor.record_verified(Mark(15, "e15"))
    assert anchor.load() == Anchor(head=Mark(15, "e15"), verified=Mark(15, "e15"))


def test_an_unreadable_file_is_no_anchor_and_is_kept_aside_when_written(anchors: Path) -> None:
    anchors.parent.mkdir()
    for damage in ("{ not json", "[1, 2]", '{"databases": {"/data/a.sqlite3": 7}}'):
        anchors.write_text(damage, encoding="utf-8")
        loaded = ChainAnchor(anchors, "/data/a.sqlite3").load()
        assert loaded.head is None and loaded.verified is None

    anchors.write_text("{ not json", encoding="utf-8")
    assert ChainAnchor(anchors, "/data/a.sqlite3").load().damaged
    ChainAnchor(anchors, "/data/a.sqlite3").record_head(Mark(1, "e1"))

    assert (anchors.parent / (FILE_NAME + ".damaged")).read_text(encoding="utf-8") == "{ not json"
    assert json.loads(anchors.read_text(encoding="utf-8"))["databases"] == {
        "/data/a.sqlite3": {"head": {"id": 1, "hash": "e1"}}
    }


def test_a_renamed_file_takes_its_anchor_along_and_a_restarted_chain_forgets_it(
    anchors: Path,
) -> None:
    partial, target = ChainAnchor(anchors, "/d/x.part"), ChainAnchor(anchors, "/d/x")
    target.record_head(Mark(900, "old"))
    partial.record_head(Mark(40, "new"))

    partial.move_to(target)

    assert (partial.load(), target.load()) == (Anchor(), Anchor(head=Mark(40, "new")))
    target.forget()
    assert target.load() == Anchor()


def test_a_write_succeeds_even_when_the_anchor_cannot_be_saved(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(blocked))
    services = open_services(str(db_path), Settings(user="tester"))
    try:
        module = services.lookups.add_module("库存")
        assert module.id > 0

        report = services.integrity.check()
    finally:
        services.close()

    assert report.sound
    assert str(blocked / FILE_NAME) in report.anchor_error
