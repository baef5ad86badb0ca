"""Drafts of typed, unsaved values: one JSON file per database in the config folder,
written whole (temporary file, then rename), dates kept as dates."""

from __future__ import annotations

import datetime as dt

from workbench.drafts import Drafts


def test_a_draft_is_kept_read_back_and_removed(tmp_path) -> None:
    drafts = Drafts.for_database("/data/workbench.sqlite3", tmp_path)
    moment = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    values = {"title": "库存差异率高", "severity": "4", "due_on": dt.date(2026, 12, 24)}
    drafts.put("problem:7", values, now=moment)
    drafts.put("problem:new", {"title": "新问题"}, now=moment)

    again = Drafts.for_database("/data/workbench.sqlite3", tmp_path)
    draft = again.get("problem:7")
    assert draft is not None
    assert draft.values == values  # the date is a date again
    assert draft.saved_at == moment
    assert sorted(again.keys()) == ["problem:7", "problem:new"]
    assert again.path.parent == tmp_path / "drafts"
    assert list(again.path.parent.iterdir()) == [again.path]  # no temporary file left

    again.remove("problem:7")
    again.remove("problem:new")
    assert again.get("problem:7") is None
    assert not again.path.exists()  # nothing left: no file


def test_each_database_has_its_own_drafts(tmp_path) -> None:
    one = Drafts.for_database("/data/a.sqlite3", tmp_path)
    other = Drafts.for_database("postgresql://server/plant", tmp_path)
    one.put("problem:1", {"title": "a"})
    assert one.path != other.path
    assert other.get("problem:1") is None


def test_a_damaged_file_counts_as_no_drafts(tmp_path) -> None:
    drafts = Drafts.for_database("/data/a.sqlite3", tmp_path)
    drafts.path.parent.mkdir(parents=True)
    drafts.path.write_text("{not json", encoding="utf-8")
    assert drafts.get("problem:1") is None
    drafts.put("problem:1", {"title": "a"})
    assert drafts.get("problem:1") is not None
