"""Every string the window shows in English has a Chinese translation in the shipped .ts,
the shipped .qm is compiled from it, and the window finds it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.ui import labels
from workbench.ui.qt_app import ensure_application

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "i18n" / "workbench_zh_CN.ts"


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, None when missing or unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            text = translation.text if done and translation is not None else None
            found[(name, message.findtext("source") or "")] = text or None
    return found


def test_every_ui_string_is_translated_to_chinese(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(SHIPPED, fresh)
    sources = sorted(str(p) for p in (ROOT / "workbench" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    shipped = _messages(SHIPPED)
    in_code = [key for key, _ in _messages(fresh).items()]
    missing = [f"{ctx}: {src!r}" for ctx, src in in_code if not shipped.get((ctx, src))]
    assert not missing, "run `make translations` and translate:\n" + "\n".join(missing)


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path):
    """The .qm is committed so that `pip install .` needs no Qt tools; it must say what the
    .ts says."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(SHIPPED.parent.glob("*.ts")):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
        shipped = ts.with_suffix(".qm")
        assert shipped.is_file() and shipped.read_bytes() == fresh.read_bytes(), (
            f"{shipped.name} is not compiled from {ts.name}: run `make translations` and commit"
        )


def test_the_chinese_window_speaks_chinese_and_english_again(qapp):
    app = ensure_application("zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "Problems") == "问题"  # our .qm
        assert labels.choice("status", "open") == "待处理"  # the vocabulary
        assert labels.field("hidden_cost") == "隐性成本"
        assert labels.hint("hidden_cost", "data_governance").startswith("主数据")
    finally:
        ensure_application("en")
    assert app.translate("MainWindow", "Problems") == "Problems"
    assert labels.choice("status", "open") == "Open"
