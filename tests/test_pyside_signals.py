"""PySide6 6.12.0 on CPython 3.11 aborts after ~2,000 emits of a Python Signal (PLATFORM_NOTES).

pyqtgraph emits dozens per plot, so the suite would pass and then die at teardown; this
test makes the crash visible by itself, in a separate process.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

EMIT_MANY = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Switch(QObject):
    toggled = Signal(bool)

app = QCoreApplication([])
switch = Switch()
seen = []
switch.toggled.connect(seen.append)
for i in range(10_000):
    switch.toggled.emit(i % 2 == 0)
assert len(seen) == 10_000 and seen[:2] == [True, False], len(seen)
del switch, app
print("emitted", len(seen))
"""


def test_ten_thousand_signal_emits_do_not_crash_python() -> None:
    done = subprocess.run(
        [sys.executable, "-c", EMIT_MANY], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "emitted 10000" in done.stdout


def test_the_crashing_pyside6_release_is_not_installed() -> None:
    pyside = version("PySide6-Essentials")
    if sys.version_info < (3, 12):
        assert pyside != "6.12.0", "PySide6 6.12.0 aborts CPython 3.11 (see PLATFORM_NOTES.md)"
    assert tuple(int(p) for p in pyside.split(".")[:2]) >= (6, 9)
