"""The KPIs' (KPI 指标) own words: the articles' KPIs, a value's status against its
thresholds, an exception alert's (异常预警) status, the parts of the monthly process health
score (流程健康度评分), and the few sentences the dashboard, the alerts and the command line
say about them.

Stored as the English keys, named in every language, as the record's other vocabularies
(workbench.vocabulary.domain lists these among them).
"""

from __future__ import annotations

from typing import Final

from workbench.vocabulary.base import Vocabulary, term

KPI_PRESET: Final = Vocabulary(
    "kpi_preset",
    term(
        "kpi_preset",
        "KPI",
        "KPI指标",
        "A measurable figure of how well the ERP is used, with its target and the thresholds "
        "that raise a warning or an alarm.",
        "衡量ERP使用成效的量化指标，含目标值及触发预警、报警的阈值。",
    ),
    (
        term("data_accuracy", "Data accuracy", "数据准确率"),
        term("order_time", "Order processing time", "订单处理时长"),
        term("inventory_variance", "Inventory variance rate", "库存差异率"),
        term("effort_reduction", "Process effort reduction", "流程人力投入降低"),
        term("availability", "System availability", "系统可用率"),
        term("report_time", "Monthly report generation time", "月度报表生成时间"),
        term("satisfaction", "User satisfaction", "用户满意度"),
    ),
)

KPI_PERIOD: Final = Vocabulary(
    "kpi_period",
    term("kpi_period", "Period", "周期"),
    (term("monthly", "Monthly", "每月"),),
)

KPI_STATUS: Final = Vocabulary(
    "kpi_status",
    term(
        "kpi_status",
        "Status",
        "状态",
        "Green: meets the warning threshold; amber: misses it but not the alarm threshold; "
        "red: beyond the alarm threshold.",
        "绿：达到预警阈值；黄：未达预警阈值但未越过报警阈值；红：越过报警阈值。",
    ),
    (
        term("green", "In range", "正常"),
        term("amber", "Warning", "预警"),
        term("red", "Alarm", "报警"),
        term("none", "No value", "无数据"),
    ),
)

ALERT_STATUS: Final = Vocabulary(
    "alert_status",
    term(
        "alert_status",
        "Alert",
        "异常预警",
        "A KPI beyond its threshold opens one ticket (a problem) while it stays out of range; "
        "back in range for the team's number of periods, closing it is proposed.",
        "KPI越过阈值时开立一张工单（问题），持续异常期间不重复开单；连续若干期恢复正常后建议关闭。",
    ),
    (
        term("open", "Open", "未关闭"),
        term("close_proposed", "Closing proposed", "建议关闭"),
        term("closed", "Closed", "已关闭"),
    ),
)

HEALTH_PART: Final = Vocabulary(
    "health_part",
    term(
        "health_part",
        "Process health score",
        "流程健康度评分",
        "A monthly score from 0 to 100: KPI attainment, open and overdue solutions, the age of "
        "open problems and open alerts, each weighted; the parts add up to the score.",
        "每月0–100分：KPI达成、未完成及逾期的解决方案、未关闭问题的时长、未关闭的预警，"
        "各按权重计分，各部分之和即为总分。",
    ),
    (
        term("kpi", "KPI attainment", "KPI达成"),
        term("solutions", "Solutions on time", "解决方案按期"),
        term("age", "Age of open problems", "未关闭问题时长"),
        term("alerts", "Open alerts", "未关闭预警"),
    ),
)

# Sentences shown by the dashboard, the alerts and the command line; {} are filled in.
KPI_TEXT: Final = Vocabulary(
    "kpi_text",
    term("kpi_text", "KPI texts", "KPI文字"),
    (
        term("ticket_title", "KPI alert: {kpi} {place}", "KPI异常预警：{kpi} {place}"),
        term(
            "ticket_description",
            "{kpi} was {value} in {period} (target {target}, alarm {alarm}).",
            "{kpi}在{period}为{value}（目标{target}，报警阈值{alarm}）。",
        ),
        term("breach_added", "{period}: {value} ({status})", "{period}：数值{value}（{status}）"),
        term("whole_plant", "whole plant", "全厂"),
        term("source", "Source: KPI alert", "来源：KPI异常预警"),
        term("no_alerts", "No open alerts.", "没有未关闭的预警。"),
        term("trend", "{kpi}: last {count} periods", "{kpi}：最近{count}期"),
        term("target", "Target {value}", "目标 {value}"),
        term("warning", "Warning {value}", "预警 {value}"),
        term("alarm", "Alarm {value}", "报警 {value}"),
        term("value", "Value", "数值"),
        term("health_trend", "Process health score by month", "流程健康度评分（按月）"),
        term("score", "Score", "评分"),
        term("pareto", "Causes by category (Pareto)", "原因类别帕累托图"),
        term("problems", "Problems", "问题数"),
        term("cumulative", "Cumulative share", "累计占比"),
        term("opened_closed", "Problems opened and closed per month", "每月新增与关闭的问题"),
        term("opened", "Opened", "新增"),
        term("closed", "Closed", "关闭"),
        term("effects", "Improvement effects (top results)", "改进效果（效果最好的结果）"),
        term("improved", "Improved", "改善"),
        term("ranking", "Department ranking by KPI attainment", "部门KPI达成率排名"),
        term("attainment", "Attainment", "达成率"),
        term("relapse", "Relapse", "效果回退"),
        term("no_measurements", "no measurements", "无测量数据"),
    ),
)

KPI_FIELDS: Final = {
    "kpi": {
        t.key: t
        for t in (
            term("preset", "Article KPI", "文章指标"),
            term("name", "Name", "名称"),
            term("unit", "Unit", "单位"),
            term("direction", "Direction", "方向"),
            term("target", "Target", "目标值"),
            term("warning", "Warning threshold", "预警阈值"),
            term("alarm", "Alarm threshold", "报警阈值"),
            term("period", "Period", "周期"),
            term("department_id", "Owner department", "负责部门"),
            term("erp_module_id", "ERP module", "ERP模块"),
            term("note", "Note", "备注"),
        )
    },
    "kpi_measurement": {
        t.key: t
        for t in (
            term("kpi_id", "KPI", "KPI指标"),
            term("period", "Period", "期间"),
            term("site_id", "Site", "工厂"),
            term("department_id", "Department", "部门"),
            term("value", "Value", "数值"),
        )
    },
    "kpi_alert": {
        t.key: t
        for t in (
            term("kpi_id", "KPI", "KPI指标"),
            term("problem_id", "Ticket", "工单"),
            term("status", "Status", "状态"),
            term("opened_period", "Since", "起始期间"),
            term("last_breach_period", "Last breach", "最近异常期间"),
            term("closed_on", "Closed on", "关闭日期"),
        )
    },
    "result_kpi": {
        t.key: t
        for t in (
            term("kpi_id", "KPI series", "KPI序列"),
            term("baseline_from", "Baseline from", "基线起始期间"),
            term("baseline_to", "Baseline to", "基线截止期间"),
            term("after_from", "After from", "改善后起始期间"),
        )
    },
}

# Field error templates of the KPIs (workbench.vocabulary.messages takes them in).
KPI_TEMPLATES: Final = {
    "not_a_period": {
        "en": "{field} is not a month: write it as 2026-03.",
        "zh_CN": "{field}不是月份：请写成 2026-03。",
    },
    "name_required": {
        "en": "{field} is required for a KPI of your own.",
        "zh_CN": "自定义KPI必须填写{field}。",
    },
    "threshold_order": {
        "en": "{field} must not be better than the warning threshold.",
        "zh_CN": "{field}不能优于预警阈值。",
    },
    "one_place": {
        "en": "A measurement is for a site or a department, not both.",
        "zh_CN": "测量值对应一个工厂或一个部门，不能同时填写。",
    },
    "repeated_row": {
        "en": "{value}: the same KPI, period and place are already in row {title}.",
        "zh_CN": "{value}：相同的KPI、期间和地点已在第{title}行。",
    },
    "weights": {
        "en": "The weights are whole numbers from 0 to 100 that add up to 100.",
        "zh_CN": "权重须为0到100的整数，且合计为100。",
    },
    "not_proposed": {
        "en": "The KPI is not back in range for enough periods to close this alert.",
        "zh_CN": "该KPI恢复正常的期数不足，尚不能关闭此预警。",
    },
}


# The KPI records as record kinds (the History view names them).
KPI_KINDS: Final = (
    term("kpi", "KPI", "KPI指标"),
    term("kpi_measurement", "KPI measurement", "KPI测量值"),
    term("kpi_alert", "KPI alert", "KPI异常预警"),
    term("result_kpi", "KPI series link", "KPI序列关联"),
)
