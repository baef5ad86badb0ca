"""How the reports write a record's values: a result's effect, a date, a person, a term."""

from __future__ import annotations

import datetime as dt

from workbench.services.numbers import texts
from workbench.services.records import ResultRecord
from workbench.vocabulary import label

NOBODY = "—"


def effect_text(result: ResultRecord) -> str:
    """e.g. "库存差异率 2.0% → 1.2%, −40%": the figures as typed, the change in %."""
    baseline, after = (
        f"{t}{result.unit}" if t else "" for t in texts([result.baseline, result.after])
    )
    if result.value_after is None:
        return f"{result.metric} {baseline}"
    text = f"{result.metric} {baseline} → {after}"
    change = result.change_pct
    if change is None:
        return text
    return f"{text}, {percent(change, signed=True)}"


def percent(value: float, signed: bool = False) -> str:
    """40.0 → "40%", 4.25 → "4.3%"; signed: "−40%", "+12%"."""
    shown = f"{abs(value):.0f}" if abs(value) >= 10 else f"{abs(value):.1f}"
    sign = ("−" if value < 0 else "+" if value > 0 else "") if signed else ""
    return f"{sign}{shown}%"


def day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return NOBODY
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def who(name: str | None) -> str:
    return name or NOBODY


def term(vocabulary: str, key: str | None, language: str) -> str:
    """A stored key's name; NOBODY for none."""
    return label(vocabulary, key, language) if key else NOBODY


def labelled(name: str, value: str, language: str) -> str:
    """ "状态：验证中" / "Status: verifying": Chinese text takes the full-width colon."""
    return f"{name}：{value}" if language == "zh_CN" else f"{name}: {value}"


def aside(text: str, language: str) -> str:
    """A remark in brackets after a phrase: "（系统 · 根本原因）" / " (system · root cause)"."""
    return f"（{text}）" if language == "zh_CN" else f" ({text})"
