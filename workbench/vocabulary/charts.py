"""The words of a chart on screen, in every language: its "Save as PNG…" button, the
file dialog's title, and what it says when the file cannot be written."""

from __future__ import annotations

from typing import Final

from workbench.vocabulary.base import Vocabulary, term

CHART_TEXT: Final = Vocabulary(
    "chart_text",
    term("chart_text", "Chart", "图表"),
    (
        term("save_png", "Save as PNG…", "另存为PNG…"),
        term("save_png_title", "Save chart as PNG", "将图表另存为PNG"),
        term("png_files", "PNG images (*.png)", "PNG图片 (*.png)"),
        term("save_failed", "Could not write {path}", "无法写入{path}"),
        term("no_data", "No figures yet", "尚无数据"),
    ),
)
