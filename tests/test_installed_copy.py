"""An installed (non-editable) copy finds its migrations, translations and CJK font, and
speaks Chinese: the wheel is built straight from the tree, with no make step before it.

resources/ and db/ sit outside the package in the source tree; the wheel must carry them.
The check runs in a separate process from another folder, so the source tree cannot help.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import sys
from pathlib import Path

site = Path(sys.argv[1]).resolve()
import workbench
from workbench import paths
from workbench.app import open_services
from workbench.settings import Settings
from workbench.store.migrate import known_revisions

def inside(path):
    path = Path(path).resolve()
    assert path.is_relative_to(site), f"{path} is not in the installed copy"
    return path

inside(workbench.__file__)
assert (inside(paths.migrations_dir()) / "env.py").is_file(), "migrations missing"
assert inside(paths.fonts_dir() / "wqy-microhei.ttc").is_file(), "CJK font missing"
assert inside(paths.translations_dir()).is_dir(), "translations (resources/i18n) missing"
for name in sys.argv[3:]:
    assert (paths.translations_dir() / name).is_file(), f"{name} missing"

services = open_services(sys.argv[2], Settings(user="installer"))
problem = services.problems.create({"title": "库存差异率高", "severity": 3, "impact": 3,
                                    "frequency": "daily", "reported_on": "2025-01-06"})
assert problem.code == "P-2025-0001", problem.code
assert services.integrity.check().sound
services.database.dispose()
print("revision", known_revisions()[-1])

from PySide6.QtCore import QCoreApplication
from workbench.ui import labels
from workbench.ui.qt_app import ensure_application

ensure_application("zh_CN")
assert QCoreApplication.translate("MainWindow", "Problems") == "问题", "no Chinese .qm"
assert labels.choice("status", "open") == "待处理"
print("chinese window")
"""


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
@pytest.mark.timeout(600)  # builds and installs a wheel: two pip runs of up to 300 s each
def test_an_installed_wheel_finds_its_own_files(tmp_path: Path) -> None:
    wheels, site, elsewhere = tmp_path / "wheels", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, ROOT)
    (wheel,) = wheels.glob("governance_workbench-*.whl")
    run(*pip, "install", "--no-deps", "-q", "--target", site, wheel)

    compiled = sorted(p.name for p in (ROOT / "resources" / "i18n").glob("*.qm"))
    assert "workbench_zh_CN.qm" in compiled, "the compiled translation is committed"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "WORKBENCH_"))
    }
    env |= {
        "PYTHONPATH": str(site),
        "WORKBENCH_CONFIG_DIR": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    database = elsewhere / "new.sqlite3"
    out = run(sys.executable, "-c", CHECK, site, database, *compiled, cwd=elsewhere, env=env)
    assert "revision" in out
    assert "chinese window" in out
    assert database.is_file()
