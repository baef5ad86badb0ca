"""The command line as users type it: version, usage errors, --db on either side, and the
installed program run end to end from another folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__

VENV_BIN = Path(sys.executable).parent


def test_version(run):
    result = run("--version")

    assert result.code == 0
    assert result.out.strip() == f"workbench {__version__}" == "workbench 0.1.0"


def test_db_is_accepted_before_and_after_the_command(demo_db, run):
    after = run("check", "--db", demo_db)
    before = run("--db", demo_db, "check")

    assert after.code == before.code == 0
    assert after.out.startswith("ok: ")
    assert "0 new since the last check" in before.out  # the same database, the same anchor


def test_the_database_comes_from_the_environment_without_db(demo_db, run, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(demo_db))

    result = run("check")

    assert result.code == 0
    assert result.out.startswith("ok: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["screenshot", "problems", "--out", "x.png", "--size", "big"],
        ["screenshot", "problems", "--out", "x.png", "--size", "0x900"],
        ["screenshot", "problems"],  # --out is required
        ["screenshot", "problems", "--out", "x.jpg"],  # only PNG is written
        ["demo", "--problems", "-3"],
        ["demo", "--lang", "fr"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_and_say_what_is_wrong(argv, run, tmp_path):
    result = run(*argv)

    assert result.code == 2
    assert "error:" in result.err
    assert not (tmp_path / "x.png").exists()


def test_help_lists_the_commands(run):
    result = run("--help")

    assert result.code == 0
    for command in ("demo", "check", "screenshot", "--db", "--lang", "--version"):
        assert command in result.out


def test_a_database_that_cannot_be_opened_fails_in_one_line(tmp_path, run):
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("this is not a database\n" * 100, encoding="utf-8")

    result = run("demo", "--db", not_a_db)

    assert result.code == 1
    assert result.err.startswith("workbench: error: ")
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("", "--db is empty"),
        ("  ", "--db is empty"),
        ("oracle+cx://scott@host/erp", "unknown database driver 'oracle+cx'"),
        ("://", "is not a database URL"),
    ],
)
def test_a_database_named_wrongly_is_refused_in_one_line(run, target, said):
    result = run("check", "--db", target)
    assert result.code == 1
    assert said in result.err
    assert len(result.err.strip().splitlines()) == 1


def _light_imports(argv: list[str]) -> list[str]:
    """Which heavy modules a command imports (run in a fresh interpreter)."""
    code = (
        "import sys\n"
        "from workbench.cli.main import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('loaded:', *(m for m in ('sqlalchemy', 'PySide6', 'alembic', 'pyqtgraph') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.splitlines()[-1].split()[1:]


def test_version_and_check_stay_light(demo_db):
    assert _light_imports(["--version"]) == []
    heavy = _light_imports(["check", "--db", str(demo_db)])
    assert "PySide6" not in heavy and "pyqtgraph" not in heavy and "alembic" not in heavy


@pytest.mark.slow
@pytest.mark.timeout(180)  # a whole demo written by a fresh process, then two more commands
def test_installed_commands_end_to_end_from_another_folder(tmp_path, template_db):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = tmp_path / "data" / "plant.sqlite3"
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": ""}

    def command(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(argv), cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300
        )

    demo = command(sys.executable, "-m", "workbench", "demo", "--db", str(target))
    again = command(str(VENV_BIN / "workbench"), "demo", "--db", str(target))
    check = command(str(VENV_BIN / "workbench"), "check", "--db", str(target))
    version = command(str(VENV_BIN / "workbench"), "--version")

    assert demo.returncode == 0, demo.stderr
    assert "problems (en) written" in demo.stdout
    assert again.returncode == 1
    assert again.stderr.strip().endswith("use --force to replace it with the demo")
    assert check.returncode == 0, check.stdout
    assert check.stdout.startswith("ok: ") and check.stdout.strip().endswith("storage sound")
    assert version.stdout.strip() == f"workbench {__version__}"
    assert list(elsewhere.iterdir()) == []  # nothing written where the user happened to be


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@pytest.mark.slow
def test_screenshot_needs_no_display(demo_db, tmp_path, sql):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = ""  # set but empty, as some shells leave it
    out = tmp_path / "shots" / "detail.png"

    def screenshot(page: str, target: Path) -> subprocess.CompletedProcess[str]:
        argv = ["screenshot", page, "--out", str(target), "--size", "1200x800"]
        return subprocess.run(
            [str(VENV_BIN / "workbench"), *argv, "--db", str(demo_db), "--lang", "en"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    first_code = sql(demo_db, "SELECT code FROM problem WHERE id = 1")[0][0]
    done = screenshot(f"problem:{first_code}", out)
    unknown = screenshot("problem:P-1999-0001", tmp_path / "none.png")

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no platform noise after a screenshot that worked
    assert _png_size(out) == (1200, 800)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("workbench: error: ")
    assert "P-1999-0001" in unknown.stderr
    assert not (tmp_path / "none.png").exists()
