"""Attachments on problems, causes and results: kept in the file, listed without their
bytes, limited in size, refused on a closed problem, audited without the bytes, checked by
``check`` (a changed byte is found), and taken along and brought back with their owner."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable

import pytest

from workbench import vocabulary
from workbench.services import ChangeSet, Services
from workbench.services.attachments import media_type_of, size_text
from workbench.services.chain import CAUSE, SOLUTION
from workbench.services.errors import NotFoundError, ValidationError
from workbench.services.records import ProblemDetail
from workbench.store.target import known_revisions

# The smallest valid PNG: what a pasted screenshot starts with.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
SHEET = "物料,账面,实盘\nA-001,100,98\n".encode()


def test_a_file_is_kept_listed_without_its_bytes_and_read_back(services, full_chain, count):
    cause_id = full_chain.causes[0].id
    info = services.attachments.add("cause", cause_id, "盘点表.csv", SHEET)
    shot = services.attachments.add("problem", full_chain.id, "clipboard", PNG)
    assert (info.file_name, info.media_type, info.size) == ("盘点表.csv", "text/csv", len(SHEET))
    assert info.sha256 == hashlib.sha256(SHEET).hexdigest()
    assert info.added_by == "tester" and not info.is_image
    # A pasted screenshot is a PNG by its bytes and gets the extension its name lacks.
    assert (shot.file_name, shot.media_type, shot.is_image) == ("clipboard.png", "image/png", True)
    assert services.attachments.list_for("cause", cause_id) == [info]
    assert services.attachments.list_for("problem", full_chain.id) == [shot]
    assert services.attachments.content(info.id) == SHEET
    assert services.attachments.counts(full_chain.id) == {
        ("cause", cause_id): 1,
        ("problem", full_chain.id): 1,
    }
    assert count("attachment") == 2


def test_a_dropped_path_keeps_only_its_name_and_the_type_follows_the_name():
    assert media_type_of("report.pdf", b"%PDF-1.7") == "application/pdf"
    assert media_type_of("notes.txt", b"hello") == "text/plain"
    assert media_type_of("data.bin", b"\x00\x01") == "application/octet-stream"
    assert media_type_of("screen.dat", PNG) == "image/png"
    assert size_text(512) == "512 B" and size_text(10 * 1024 * 1024) == "10 MB"
    assert size_text(1536) == "1.5 KB"


def test_windows_paths_are_cut_to_the_file_name(services, new_problem):
    problem = new_problem()
    info = services.attachments.add("problem", problem.id, r"C:\Users\wang\Desktop\错误.png", PNG)
    assert info.file_name == "错误.png"


def test_empty_too_large_and_ownerless_files_are_refused(services, new_problem, count):
    problem = new_problem()
    with pytest.raises(ValidationError) as empty:
        services.attachments.add("problem", problem.id, "空.txt", b"")
    assert empty.value.errors[0].code == "attachment_empty"
    services.team.set_attachment_limit(1024)
    assert services.attachments.limit() == 1024
    with pytest.raises(ValidationError) as large:
        services.attachments.add("problem", problem.id, "big.png", PNG + b"\0" * 1024)
    error = large.value.errors[0]
    assert error.code == "attachment_too_large"
    assert vocabulary.field_error(error, "en") == (
        "big.png is larger than the limit of 1 KB for an attachment."
    )
    assert vocabulary.field_error(error, "zh_CN") == "big.png超过附件大小上限1 KB。"
    with pytest.raises(NotFoundError):
        services.attachments.add("cause", 999, "a.png", PNG)
    with pytest.raises(ValidationError):
        services.attachments.add("solution", problem.id, "a.png", PNG)
    assert count("attachment") == 0


def test_the_default_limit_is_ten_megabytes(services, new_problem):
    problem = new_problem()
    assert services.attachments.limit() == 10 * 1024 * 1024
    with pytest.raises(ValidationError) as large:
        services.attachments.add("problem", problem.id, "scan.png", PNG + b"\0" * (10 << 20))
    assert "10 MB" in vocabulary.field_error(large.value.errors[0], "en")


def _close(services: Services, reviewer: Services, detail: ProblemDetail) -> None:
    solution = detail.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"status": "done"})
    reviewer.chain.verify_result(detail.results()[0].id)
    for status in ("analysing", "solving", "verifying", "closed"):
        services.problems.change_status(detail.id, status)


def test_a_closed_problem_and_its_chain_take_and_lose_no_attachment(services, reviewer, full_chain):
    result_id = full_chain.results()[0].id
    kept = services.attachments.add("result", result_id, "after.png", PNG)
    _close(services, reviewer, full_chain)
    for kind, owner in (
        ("problem", full_chain.id),
        ("cause", full_chain.causes[0].id),
        ("result", result_id),
    ):
        with pytest.raises(ValidationError) as refused:
            services.attachments.add(kind, owner, "late.png", PNG)
        assert refused.value.errors[0].code == "closed_read_only"
    with pytest.raises(ValidationError):
        services.attachments.remove(kept.id)
    assert services.attachments.list_for("result", result_id) == [kept]


def test_undoing_an_add_on_a_problem_closed_since_is_refused(services, reviewer, full_chain):
    _, (added,) = services.recorded(
        lambda: services.attachments.add("problem", full_chain.id, "a.png", PNG)
    )
    _close(services, reviewer, full_chain)
    with pytest.raises(ValidationError) as refused:
        services.history.undo(added)
    assert refused.value.errors[0].code == "closed_read_only"


def test_add_and_remove_are_audited_without_the_bytes_and_heard(services, new_problem, raw):
    problem = new_problem()
    heard: list[ChangeSet] = []
    services.subscribe(heard.append)
    info = services.attachments.add("problem", problem.id, "shot.png", PNG)
    trail = services.trail.of_problem(problem.id)
    assert (trail[0].kind, trail[0].action, trail[0].record_id) == ("attachment", "create", info.id)
    services.attachments.remove(info.id)
    entries = raw.execute(
        "SELECT action, old_value, new_value FROM audit_entry WHERE entity = 'attachment'"
        " ORDER BY id"
    ).fetchall()
    assert [e[0] for e in entries] == ["create", "delete"]
    created = json.loads(entries[0][2])
    assert created["file_name"] == "shot.png" and created["size"] == str(len(PNG))
    assert created["sha256"] == info.sha256 and "content" not in created
    assert "content" not in json.loads(entries[1][1])
    assert [c.ids("attachment") for c in heard] == [{info.id}, {info.id}]
    assert [c.records[0].action for c in heard] == ["create", "delete"]


def test_a_removal_is_restored_with_the_same_id_and_bytes(services, new_problem, count):
    problem = new_problem()
    info = services.attachments.add("problem", problem.id, "shot.png", PNG)
    removal = services.attachments.remove(info.id)
    assert services.attachments.list_for("problem", problem.id) == []
    assert count("removed_content") == 1
    with pytest.raises(NotFoundError):
        services.attachments.content(info.id)
    assert services.attachments.restore(removal) == info
    assert services.attachments.content(info.id) == PNG
    assert count("removed_content") == 0
    assert services.integrity.check(full=True).sound


def test_a_removal_whose_bytes_were_dropped_cannot_be_restored(services, new_problem, raw):
    problem = new_problem()
    info = services.attachments.add("problem", problem.id, "shot.png", PNG)
    removal = services.attachments.remove(info.id)
    raw.execute("DELETE FROM removed_content")
    with pytest.raises(ValidationError) as gone:
        services.attachments.restore(removal)
    error = gone.value.errors[0]
    assert error.code == "attachment_gone"
    assert "shot.png" in vocabulary.field_error(error, "zh_CN")
    assert services.attachments.list_for("problem", problem.id) == []


def test_check_passes_after_add_and_remove_and_finds_a_changed_byte(services, new_problem, db_path):
    problem = new_problem()
    kept = services.attachments.add("problem", problem.id, "shot.png", PNG)
    gone = services.attachments.add("problem", problem.id, "sheet.csv", SHEET)
    services.attachments.remove(gone.id)
    assert services.integrity.check().sound
    assert services.integrity.check(full=True).sound
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "UPDATE attachment SET content = ? WHERE id = ?", (PNG[:-1] + b"\0", kept.id)
        )
    connection.close()
    report = services.integrity.check(full=True)
    assert not report.sound
    assert report.breach is not None and report.breach.ref == kept.id
    assert "content" in report.breach.reason


def test_deleting_a_cause_takes_its_attachments_and_undo_brings_them_back(
    services, full_chain, count
):
    cause = full_chain.causes[0]
    result_id = full_chain.results()[0].id
    on_cause = services.attachments.add("cause", cause.id, "盘点表.csv", SHEET)
    on_result = services.attachments.add("result", result_id, "after.png", PNG)
    on_problem = services.attachments.add("problem", full_chain.id, "screen.png", PNG)
    _, deleted = services.recorded(lambda: services.chain.delete(CAUSE, cause.id))
    assert count("attachment") == 1  # the problem's own stays
    assert services.attachments.list_for("cause", cause.id) == []
    assert services.integrity.check(full=True).sound
    services.history.undo(deleted)
    assert services.attachments.list_for("cause", cause.id) == [on_cause]
    assert services.attachments.list_for("result", result_id) == [on_result]
    assert services.attachments.list_for("problem", full_chain.id) == [on_problem]
    assert services.attachments.content(on_cause.id) == SHEET
    assert services.attachments.content(on_result.id) == PNG
    assert services.integrity.check(full=True).sound


def test_deleting_a_problem_takes_its_attachments_and_undo_brings_them_back(
    services, new_problem: Callable[..., ProblemDetail], count
):
    problem = new_problem()
    other = new_problem(title="订单处理慢")
    info = services.attachments.add("problem", problem.id, "screen.png", PNG)
    services.attachments.add("problem", other.id, "other.png", PNG)
    _, deleted = services.recorded(lambda: services.problems.delete(problem.id))
    assert count("attachment") == 1
    services.history.undo(deleted)
    assert services.attachments.list_for("problem", problem.id) == [info]
    assert services.attachments.content(info.id) == PNG
    assert services.integrity.check(full=True).sound


def test_a_new_file_has_the_attachment_tables(services, raw):
    newest = known_revisions()[-1]  # 0005 or a later revision
    assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(newest,)]
    ddl = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'attachment'").fetchone()[0]
    assert "AUTOINCREMENT" in ddl
