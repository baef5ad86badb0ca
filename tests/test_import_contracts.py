"""The import contracts hold for packages not written yet: a new package that imports Qt
breaks the "no Qt" contract without anyone listing it (lint-imports on a copy of the tree)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(tree)  # the copy, not the installed workbench
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT / "workbench", copy / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copyfile(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_the_tree_as_it_is_keeps_the_contracts(tree):
    done = _lint(tree)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("new", ["reports.kpi", "analysis.charts", "io"])
def test_a_new_package_importing_qt_breaks_the_no_qt_contract(tree, new):
    package = tree / "workbench" / Path(*new.split("."))
    package.mkdir(parents=True)
    for folder in (package, *package.parents):
        if folder == tree:
            break
        (folder / "__init__.py").touch()
    (package / "pdf.py").write_text("from PySide6.QtGui import QPdfWriter\n", encoding="utf-8")

    done = _lint(tree)

    assert done.returncode != 0
    assert "Only workbench.ui uses Qt and pyqtgraph BROKEN" in done.stdout
    assert f"workbench.{new}.pdf -> PySide6" in done.stdout
