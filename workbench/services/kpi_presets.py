"""The articles' own KPIs, with their targets as the articles set them (数据准确率 ≥ 99%,
订单处理时长 ≤ 2 h, 库存差异率 ≤ 0.5%, 流程人力投入降低 30%, 系统可用率 ≥ 99.5%, 月度报表生成时间
≤ 2 h, 用户满意度 ≥ 4.2/5) and the warning and alarm thresholds a team starts from; each
names the ERP module it belongs to by the standard modules' names, linked when the
database has that module. Their names come from the vocabulary (``kpi_preset``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Preset:
    key: str
    unit: str
    direction: str
    target: str  # as the article writes it, so its decimals are kept
    warning: str
    alarm: str
    module: str | None


PRESETS: Final = (
    Preset("data_accuracy", "%", "higher", "99", "99", "98", "主数据"),
    Preset("order_time", "h", "lower", "2", "2", "3", "销售"),
    Preset("inventory_variance", "%", "lower", "0.5", "0.5", "1.0", "库存"),
    Preset("effort_reduction", "%", "higher", "30", "30", "15", None),
    Preset("availability", "%", "higher", "99.5", "99.5", "99.0", None),
    Preset("report_time", "h", "lower", "2", "2", "4", "财务"),
    Preset("satisfaction", "/5", "higher", "4.2", "4.2", "3.8", None),
)
