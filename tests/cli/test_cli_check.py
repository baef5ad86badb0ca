"""`workbench check`: sound files pass; edits behind the program's back are named."""

from __future__ import annotations


def test_check_passes_on_a_sound_demo(demo_db, run, sql):
    entries = sql(demo_db, "SELECT COUNT(*) FROM audit_entry")[0][0]

    result = run("check", "--db", demo_db)

    assert result.code == 0
    assert result.out.strip() == (
        f"ok: {entries:,} audit entries, storage sound; first check of this database here: "
        "its chain is taken as found and anchored"
    )
    again = run("check", "--db", demo_db)
    assert again.out.strip() == (
        f"ok: {entries:,} audit entries (0 new since the last check; --full re-checks all), "
        "storage sound"
    )
    full = run("check", "--full", "--db", demo_db)
    assert full.out.strip() == f"ok: {entries:,} audit entries, storage sound"


def test_check_names_a_problem_edited_behind_the_programs_back(demo_db, run, sql):
    sql(demo_db, "UPDATE problem SET title = '库存差异率低' WHERE id = 5")

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert "problem 5 field title was changed without the program" in result.err
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1


def test_check_names_the_first_edited_audit_entry(demo_db, run, sql):
    sql(demo_db, "UPDATE audit_entry SET actor = 'mallory' WHERE id = 7")

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert "audit chain broken at entry 7" in result.err


def test_check_names_a_deleted_audit_entry(demo_db, run, sql):
    sql(demo_db, "DELETE FROM audit_entry WHERE id = 20")

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert "entry 20 is missing" in result.err


def test_check_refuses_a_missing_file_instead_of_creating_one(tmp_path, run):
    missing = tmp_path / "nowhere.sqlite3"

    result = run("check", "--db", missing)

    assert result.code == 1
    assert result.err.strip() == f"workbench: error: no database at {missing}"
    assert not missing.exists()


def test_a_newer_database_is_refused_with_a_clear_message(demo_db, run, sql):
    sql(demo_db, "UPDATE alembic_version SET version_num = '9999'")

    # The window says it in a message box first (tests/ui/test_start_window.py).
    for argv in (["check", "--db", demo_db], ["demo", "--db", demo_db]):
        result = run(*argv)

        assert result.code == 1, argv
        assert len(result.err.strip().splitlines()) == 1
        assert "newer Governance Workbench" in result.err
        assert "9999" in result.err


def test_check_names_a_date_edited_into_something_that_is_not_a_date(demo_db, run, sql):
    sql(demo_db, "UPDATE problem SET reported_on = '2026-01-05 00:00:00.000000' WHERE id = 3")

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert result.err.strip().endswith(
        "problem 3 field reported_on was changed without the program"
    )


def test_check_and_screenshot_never_create_a_database(tmp_path, run):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    for argv in (
        ["check", "--db", empty],
        ["screenshot", "problems", "--db", empty, "--out", tmp_path / "x.png"],
    ):
        result = run(*argv)
        assert result.code == 1, argv
        assert "not a Governance Workbench database (it is empty)" in result.err
    assert empty.stat().st_size == 0
    assert not (tmp_path / "x.png").exists()

    missing = tmp_path / "typo.sqlite3"
    result = run("screenshot", "problems", "--db", missing, "--out", tmp_path / "y.png")
    assert result.code == 1
    assert f"no database at {missing}" in result.err
    assert not missing.exists()


def test_a_url_whose_driver_is_not_installed_is_one_clear_line(run):
    result = run("check", "--db", "mysql+pymysql://someone@localhost/workbench")

    assert result.code == 1
    assert result.err.strip().splitlines() == [
        "workbench: error: the database driver 'pymysql' is not installed (pip install it)"
    ]


# ---- rewrites that keep the chain consistent: found through the anchor outside the file --


def _last_entry(sql, path) -> int:
    return sql(path, "SELECT max(id) FROM audit_entry")[0][0]


def test_check_finds_a_forged_entry_whose_hashes_were_recomputed(demo_db, run, sql, rechain):
    assert run("check", "--db", demo_db).code == 0
    head = _last_entry(sql, demo_db)
    forged, problem = sql(
        demo_db,
        "SELECT id, entity_id FROM audit_entry WHERE entity = 'problem' AND action = 'create'"
        " ORDER BY id LIMIT 1",
    )[0]
    sql(
        demo_db,
        "UPDATE audit_entry SET new_value = replace(new_value, '库存', '仓库') WHERE id = ?",
        forged,
    )
    sql(demo_db, "UPDATE problem SET title = replace(title, '库存', '仓库') WHERE id = ?", problem)
    rechain(demo_db, forged)

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert result.err.strip() == (
        f"workbench: error: entry {head} is not the one this program wrote: the chain was rewritten"
    )


def test_check_finds_old_entries_rewritten_with_every_later_hash(demo_db, run, sql, rechain):
    assert run("check", "--db", demo_db).code == 0
    head = _last_entry(sql, demo_db)
    sql(demo_db, "UPDATE audit_entry SET actor = 'mallory' WHERE id BETWEEN 1 AND 40")
    rechain(demo_db, 1)

    result = run("check", "--full", "--db", demo_db)

    assert result.code == 1
    assert f"entry {head} is not the one this program wrote" in result.err


def test_check_finds_the_newest_records_deleted_with_their_audit_tail(demo_db, run, sql):
    assert run("check", "--db", demo_db).code == 0
    head = _last_entry(sql, demo_db)
    # The newest of the demo's own problems (the KPI alerts' tickets are newer, and an
    # alert would be left pointing at a deleted ticket: a broken reference, found first).
    newest = sql(
        demo_db, "SELECT max(id) FROM problem WHERE id NOT IN (SELECT problem_id FROM kpi_alert)"
    )[0][0]
    first = sql(
        demo_db,
        "SELECT min(id) FROM audit_entry WHERE entity = 'problem' AND entity_id = ?",
        newest,
    )[0][0]
    for table in (  # below it, and the knowledge linked to it (the demo writes it after)
        "knowledge_vote",
        "knowledge_link",
        "knowledge_entry",
        "result",
        "solution",
        "cause_why",
        "cause",
        "status_change",
    ):
        sql(
            demo_db,
            f"DELETE FROM {table} WHERE id IN (SELECT entity_id FROM audit_entry"
            f" WHERE entity = '{table}' AND id >= ?)",
            first,
        )
    sql(demo_db, "DELETE FROM problem WHERE id = ?", newest)
    sql(demo_db, "DELETE FROM audit_entry WHERE id >= ?", first)

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert result.err.strip() == (
        f"workbench: error: the audit chain ends at entry {first - 1}, before entry {head}, "
        "the last one this program recorded (records or their audit entries were removed)"
    )


def test_check_finds_a_code_sequence_set_back(demo_db, run, sql):
    prefix, last = sql(demo_db, "SELECT prefix, last FROM code_sequence ORDER BY last DESC")[0]
    sql(demo_db, "UPDATE code_sequence SET last = 0 WHERE prefix = ?", prefix)

    result = run("check", "--db", demo_db)

    assert result.code == 1
    assert result.err.strip() == (
        f"workbench: error: the code sequence {prefix} stands at 0, below the highest problem "
        f"code {prefix}-{last:04d} (it was set back: the next problem would get an existing code)"
    )


def test_a_full_check_finds_an_old_edit_that_a_routine_check_skips(demo_db, run, sql):
    assert run("check", "--db", demo_db).code == 0
    sql(demo_db, "UPDATE audit_entry SET actor = 'mallory' WHERE id = 7")

    assert run("check", "--db", demo_db).code == 0  # verified before: trusted
    result = run("check", "--full", "--db", demo_db)

    assert result.code == 1
    assert "audit chain broken at entry 7" in result.err


def test_the_demo_command_moves_the_anchor_with_the_file_it_replaces(demo_db, run):
    assert run("check", "--db", demo_db).code == 0
    assert run("demo", "--force", "--problems", "3", "--db", demo_db).code == 0

    result = run("check", "--db", demo_db)

    assert result.code == 0, result.err
