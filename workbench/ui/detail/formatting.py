"""How values of the chain read on screen: a result's change, dates, verification."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.services.records import ResultRecord

_CTX = "Detail"
MINUS = "\u2212"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _number(value: float, unit: str) -> str:
    return f"{value:g}{unit}"


def _signed(value: float) -> str:
    text = f"{abs(value):.0f}%" if abs(value) >= 10 else f"{abs(value):.1f}%"
    return (MINUS if value < 0 else "+") + text


def change_text(result: ResultRecord) -> str:
    """e.g. "2% → 1.2%  (−40%, improved 40%)"; only the baseline while not measured yet."""
    baseline = _number(result.baseline_value, result.unit)
    if result.value_after is None:
        return QCoreApplication.translate("Detail", "%1 → not measured yet").replace("%1", baseline)
    text = f"{baseline} → {_number(result.value_after, result.unit)}"
    change, improvement = result.change_pct, result.improvement_pct
    if change is None or improvement is None:
        return text
    if improvement > 0:
        verdict = QCoreApplication.translate("Detail", "improved %1")
    elif improvement < 0:
        verdict = QCoreApplication.translate("Detail", "worse by %1")
    else:
        verdict = QCoreApplication.translate("Detail", "no change")
    amount = _signed(improvement)[1:] if improvement else ""
    return f"{text}  ({_signed(change)}, {verdict.replace('%1', amount)})"


def typed_result(values: dict[str, Any]) -> ResultRecord | None:
    """A ResultRecord from a result form's typed values, or None while they are not numbers."""
    try:
        baseline = float(str(values.get("baseline_value", "")).strip().rstrip("%"))
        after_text = str(values.get("value_after") or "").strip().rstrip("%")
        after = float(after_text) if after_text else None
    except ValueError:
        return None
    return ResultRecord(
        id=0,
        solution_id=0,
        metric=str(values.get("metric", "")),
        unit=str(values.get("unit", "")).strip(),
        direction=str(values.get("direction") or "lower"),
        baseline_value=baseline,
        baseline_on=None,
        value_after=after,
        measured_on=None,
        verified_by=None,
        verified_at=None,
    )


def verified_text(result: ResultRecord) -> str:
    if not result.verified or result.verified_at is None:
        return QCoreApplication.translate("Detail", "Not verified")
    return (
        QCoreApplication.translate("Detail", "✓ %1, %2")
        .replace("%1", result.verified_by or "")
        .replace("%2", date_text(result.verified_at))
    )
