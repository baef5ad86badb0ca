"""How values of the chain read on screen: a result's change, dates, verification."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from workbench.services.numbers import NumberTextError, texts, typed_number
from workbench.services.records import ResultRecord

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.kpi_effects import EffectRow

_CTX = "Detail"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _numbers(result: ResultRecord) -> list[str]:
    """The baseline and the value after as they were typed ("2.0% → 1.2%"), with the unit."""
    return [f"{text}{result.unit}" for text in texts([result.baseline, result.after])]


def _percent(value: float) -> str:
    return f"{abs(value):.0f}%" if abs(value) >= 10 else f"{abs(value):.1f}%"


def change_text(result: ResultRecord) -> str:
    """e.g. "2.0% → 1.2%, improved 40%": one change figure, its direction in words; only
    the baseline while not measured yet."""
    baseline, after = _numbers(result)
    if result.value_after is None:
        return QCoreApplication.translate("Detail", "%1 → not measured yet").replace("%1", baseline)
    text = f"{baseline} → {after}"
    improvement = result.improvement_pct
    if improvement is None:
        return text
    if improvement > 0:
        verdict = QCoreApplication.translate("Detail", "improved %1")
    elif improvement < 0:
        verdict = QCoreApplication.translate("Detail", "worse by %1")
    else:
        verdict = QCoreApplication.translate("Detail", "no change")
    return f"{text}, {verdict.replace('%1', _percent(improvement))}"


def typed_result(values: dict[str, Any]) -> ResultRecord | None:
    """A ResultRecord from a result form's typed values, or None while they are not numbers
    (read by the same rule a save uses: workbench.services.numbers)."""
    try:
        baseline = typed_number(values.get("baseline_value") or "")
        after_text = str(values.get("value_after") or "").strip()
        after = typed_number(after_text) if after_text else None
    except NumberTextError:
        return None
    return ResultRecord(
        id=0,
        solution_id=0,
        metric=str(values.get("metric", "")),
        unit=str(values.get("unit", "")).strip(),
        direction=str(values.get("direction") or "lower"),
        baseline_value=baseline.value,
        baseline_on=None,
        value_after=None if after is None else after.value,
        measured_on=None,
        verified_by=None,
        verified_at=None,
        baseline_decimals=baseline.decimals,
        after_decimals=None if after is None else after.decimals,
    )


def verified_text(result: ResultRecord) -> str:
    if not result.verified or result.verified_at is None:
        if result.entered_by:  # the four-eyes rule: someone else verifies
            return QCoreApplication.translate(
                "Detail", "Not verified · figures entered by %1, verified by someone else"
            ).replace("%1", ", ".join(result.entered_by))
        return QCoreApplication.translate("Detail", "Not verified")
    return (
        QCoreApplication.translate("Detail", "✓ %1, %2")
        .replace("%1", result.verified_by or "")
        .replace("%2", date_text(result.verified_at))
    )


def series_text(services: Services, result_id: int) -> str:
    """A result measured by a KPI series, in words (``effect_text``); "—" for a result
    with typed numbers only."""
    from workbench.ui import labels

    found = services.effects.of_result(result_id, labels.language())
    return "—" if found is None else effect_text(found)


def _two(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _whole(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def effect_text(found: EffectRow) -> str:
    """The KPI, the baseline and after means, the improvement, the re-checks at +30 and
    +90 days, and "⚠ Relapse" when it slid back."""
    effect = found.effect
    text = (
        QCoreApplication.translate(
            "Detail", "%1: %2 (%3 to %4) → %5 (from %6), improved %7; +30 days %8, +90 days %9"
        )
        .replace("%1", found.kpi or "")
        .replace("%2", _two(effect.baseline))
        .replace("%3", found.baseline_from or "")
        .replace("%4", found.baseline_to or "")
        .replace("%5", _two(effect.after))
        .replace("%6", found.after_from or "")
        .replace("%7", _whole(effect.improvement))
        .replace("%8", _whole(effect.checks[0] if effect.checks else None))
        .replace("%9", _whole(effect.checks[1] if len(effect.checks) > 1 else None))
    )
    if effect.relapse:
        text += " · ⚠ " + QCoreApplication.translate("Detail", "Relapse: it slid back")
    return text


def effect_figure(found: EffectRow) -> str:
    """The outline's short form: "0.90 → 0.45, improved 50%", "⚠ Relapse" after it."""
    effect = found.effect
    text = f"{_two(effect.baseline)} → {_two(effect.after)}"
    if effect.improvement is not None:
        text += ", " + _tr("improved %1").replace("%1", _whole(effect.improvement))
    if effect.relapse:
        text += " · ⚠ " + _tr("Relapse")
    return text
