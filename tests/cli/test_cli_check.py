"""`workbench check`: sound files pass; edits behind the program's back are named."""

from __future__ import annotations


def test_check_passes_on_a_sound_demo(demo_db, run, sql):
    entries = sql(demo_db, "SELECT COUNT(*) FROM audit_entry")[0][0]

    result = run("check", "--db", demo_db)

    assert result.code == 0
    assert result.out.strip() == f"ok: {entries:,} audit entries, storage sound"


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
