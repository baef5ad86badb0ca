"""Every string the window shows in English has a Chinese translation in the shipped .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

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
