"""The audit chain against its anchor outside the file, the code sequence, and the
incremental check: rewrites that keep the chain self-consistent are still found."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.app import open_services
from workbench.services import Services
from workbench.services.progress import Cancelled, Progress
from workbench.settings import Settings, config_dir
from workbench.store.anchor import FILE_NAME, ChainAnchor

Rechain = Callable[[Path, int], None]


@pytest.fixture
def history(services: Services, new_problem) -> list[int]:
    """Three problems, one edited and one deleted; returns the ids of the two kept."""
    first = new_problem(title="库存差异率高")
    gone = new_problem(title="重复录入")
    kept = new_problem(title="审批慢")
    services.problems.update(first.id, {"severity": 5})
    services.problems.delete(gone.id)
    return [first.id, kept.id]


def _anchor(services: Services) -> ChainAnchor:
    return ChainAnchor(config_dir() / FILE_NAME, services.location)


def _last_entry(raw: sqlite3.Connection) -> int:
    return raw.execute("SELECT max(id) FROM audit_entry").fetchone()[0]


def _unanchored_check(db_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Is the file sound to a copy of the program with no anchor (another machine)?"""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(folder))
    elsewhere = open_services(str(db_path), Settings(user="elsewhere"))
    try:
        return elsewhere.integrity.check().sound
    finally:
        elsewhere.close()


def test_every_committed_write_moves_the_anchored_head(
    services: Services, new_problem, raw: sqlite3.Connection
) -> None:
    assert _anchor(services).load().head is None
    new_problem()
    head = _anchor(services).load().head
    last = _last_entry(raw)
    assert head is not None and head.id == last
    assert (
        head.hash == raw.execute("SELECT hash FROM audit_entry WHERE id = ?", (last,)).fetchone()[0]
    )


def test_a_forged_entry_with_recomputed_hashes_is_found(
    services: Services,
    history,
    raw: sqlite3.Connection,
    rechain: Rechain,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = _last_entry(raw)
    forged = raw.execute(
        "SELECT id FROM audit_entry WHERE entity = 'problem' AND field = 'severity'"
    ).fetchone()[0]
    raw.execute("UPDATE audit_entry SET new_value = '1' WHERE id = ?", (forged,))
    raw.execute("UPDATE problem SET severity = 1 WHERE id = ?", (history[0],))
    rechain(db_path, forged)

    report = services.integrity.check()

    assert not report.sound
    assert report.anchor_problem == (
        f"entry {head} is not the one this program wrote: the chain was rewritten"
    )
    # Without the anchor the forgery is perfect: that is what the anchor is for.
    assert _unanchored_check(db_path, tmp_path / "other-machine", monkeypatch)


def test_rewriting_old_entries_after_a_check_names_the_last_verified_entry(
    services: Services, history, raw: sqlite3.Connection, rechain: Rechain, db_path: Path
) -> None:
    assert services.integrity.check().sound
    verified = _last_entry(raw)
    services.problems.update(history[1], {"impact": 5})
    raw.execute("UPDATE audit_entry SET actor = 'mallory' WHERE id <= 3")
    rechain(db_path, 1)

    report = services.integrity.check()

    assert report.anchor_problem == (
        f"entry {verified} is not the one this program wrote: the chain was rewritten"
    )


def test_deleting_the_newest_records_with_their_audit_tail_is_found(
    services: Services,
    history,
    new_problem,
    raw: sqlite3.Connection,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    newest = new_problem(title="最新的问题")
    head = _last_entry(raw)
    first = raw.execute(
        "SELECT min(id) FROM audit_entry WHERE entity = 'problem' AND entity_id = ?",
        (newest.id,),
    ).fetchone()[0]
    raw.execute("DELETE FROM problem WHERE id = ?", (newest.id,))
    raw.execute("DELETE FROM audit_entry WHERE id >= ?", (first,))
    raw.execute("UPDATE code_sequence SET last = last - 1")  # consistent in every other way

    report = services.integrity.check()

    assert report.anchor_problem == (
        f"the audit chain ends at entry {first - 1}, before entry {head}, the last one this "
        "program recorded (records or their audit entries were removed)"
    )
    assert _unanchored_check(db_path, tmp_path / "other-machine", monkeypatch)


def test_setting_the_code_sequence_back_is_found(
    services: Services, history, raw: sqlite3.Connection
) -> None:
    assert raw.execute("SELECT prefix, last FROM code_sequence").fetchall() == [("P-2025", 3)]
    raw.execute("UPDATE code_sequence SET last = 1")

    report = services.integrity.check()

    assert report.sequence_problem == (
        "the code sequence P-2025 stands at 1, below the highest problem code P-2025-0003 "
        "(it was set back: the next problem would get an existing code)"
    )


def test_the_code_sequence_is_audited(services: Services, history, raw: sqlite3.Connection) -> None:
    changes = raw.execute(
        "SELECT action, field, new_value FROM audit_entry WHERE entity = 'code_sequence'"
        " ORDER BY id"
    ).fetchall()
    assert changes[0][0] == "create" and '"last": "1"' in changes[0][2]
    assert changes[1:] == [("update", "last", "2"), ("update", "last", "3")]
    assert services.integrity.check().sound

    raw.execute("UPDATE code_sequence SET last = 9")  # ahead of the codes, but not by the program
    assert services.integrity.check().sequence_problem == (
        "the code sequence P-2025 stands at 9, but its audit trail says 3 "
        "(it was changed without the program)"
    )


def test_a_routine_check_covers_only_new_entries_and_the_rows_they_touch(
    services: Services, history, new_problem, raw: sqlite3.Connection
) -> None:
    first = services.integrity.check()
    verified = _last_entry(raw)
    assert first.sound and (first.since, first.entries_checked) == (0, verified)
    new_problem(title="新问题")
    new = _last_entry(raw) - verified
    seen: list[tuple[int, int]] = []

    report = services.integrity.check(Progress(lambda d, t, _m: seen.append((d, t))))

    assert report.sound and not report.first_anchor
    assert (report.since, report.entries_checked) == (verified, new)
    assert report.entries_total == _last_entry(raw)
    # the new entries, the new problem and its code sequence's row count towards the total
    assert seen[-1][0] == seen[-1][1] == new + 1
    assert services.integrity.check(full=True).entries_checked == _last_entry(raw)


def test_an_old_edit_is_skipped_by_a_routine_check_and_found_by_a_full_one(
    services: Services, history, raw: sqlite3.Connection
) -> None:
    """The documented trade-off: a routine check trusts what an earlier check verified."""
    assert services.integrity.check().sound
    raw.execute(
        "UPDATE audit_entry SET new_value = '1' WHERE entity = 'problem' AND field = 'severity'"
    )
    raw.execute("UPDATE problem SET title = '没有问题' WHERE id = ?", (history[1],))

    assert services.integrity.check().sound
    full = services.integrity.check(full=True)

    assert full.breach is not None and "its content was changed" in full.breach.reason


def test_a_row_appended_behind_the_programs_back_is_found_by_a_routine_check(
    services: Services, history, raw: sqlite3.Connection
) -> None:
    assert services.integrity.check().sound
    raw.execute(
        "INSERT INTO cause (problem_id, description, is_root, evidence, verified)"
        " VALUES (?, '伪造', 0, '', 0)",
        (history[0],),
    )
    breach = services.integrity.check().breach
    assert breach is not None and "cause" in breach.reason and "added" in breach.reason


def test_cancelling_a_check_remembers_nothing_new(services: Services, history, new_problem) -> None:
    assert services.integrity.check().sound
    remembered = _anchor(services).load().verified
    new_problem(title="新问题")

    def cancel_at_records(_done: int, _total: int, message: str) -> None:
        if message == "records":
            progress.cancel()

    progress = Progress(cancel_at_records)
    with pytest.raises(Cancelled):
        services.integrity.check(progress)

    assert _anchor(services).load().verified == remembered
    assert services.integrity.check().entries_checked > 0  # the new entries are still new


def test_entries_written_elsewhere_after_the_anchor_are_accepted_and_counted(
    services: Services,
    history,
    raw: sqlite3.Connection,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert services.integrity.check().sound
    anchored = _last_entry(raw)
    here = config_dir()
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "colleague"))
    colleague = open_services(str(db_path), Settings(user="colleague"))
    colleague.problems.update(history[1], {"impact": 1, "severity": 1})
    colleague.close()
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(here))

    report = services.integrity.check()

    assert report.sound and report.unseen == _last_entry(raw) - anchored > 0


def test_an_unreadable_anchor_file_is_set_aside_and_the_chain_anchored_anew(
    services: Services, history
) -> None:
    anchors = config_dir() / FILE_NAME
    anchors.write_text("{ not json", encoding="utf-8")

    report = services.integrity.check()

    assert report.sound and report.anchor_damaged
    assert (config_dir() / (FILE_NAME + ".damaged")).read_text(encoding="utf-8") == "{ not json"
    assert _anchor(services).load().verified is not None
