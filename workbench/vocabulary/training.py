"""The training records' (培训记录) own words: the kinds of training session, as the
articles name them (现场演练, 手册更新, 视频教程, 线上帮助 …), and the texts of their chart.

Stored as the English keys, named in every language, as the record's other vocabularies
(workbench.vocabulary.domain, which lists this one among them).
"""

from __future__ import annotations

from typing import Any, Final

from workbench.vocabulary.base import Vocabulary, term

TRAINING_KIND: Final = Vocabulary(
    "training_kind",
    term(
        "training_kind",
        "Kind of training",
        "培训形式",
        "How the training was given after go-live: an on-site drill (e.g. simulating the "
        "handling of an exceptional order), a class, a manual update with its FAQ, a video "
        "tutorial or the online help.",
        "上线后的培训方式：现场演练（如模拟异常订单处理）、培训课、手册更新（含常见问题Q&A）、"
        "视频教程或线上帮助。",
    ),
    (
        term("drill", "On-site drill", "现场演练"),
        term("class", "Class", "培训课"),
        term("manual_update", "Manual update", "手册更新"),
        term("video", "Video tutorial", "视频教程"),
        term("online_help", "Online help", "线上帮助"),
    ),
)

TRAINING_TEXT: Final = Vocabulary(
    "training_text",
    term("training_text", "Training chart", "培训图表"),
    (
        term("per_month", "Training sessions per month, {year}", "{year}年每月培训场次"),
        term("sessions", "Sessions", "培训场次"),
        term("attendances", "Attendances", "参训人次"),
        term("count", "Number", "数量"),
        term("month", "{month:02d}", "{month}月"),
    ),
)


def training_text(key: str, language: str, **values: Any) -> str:
    """A text of the training charts in ``language``, filled with ``values``."""
    return TRAINING_TEXT.label(key, language).format(**values)
