"""The words of the pilot-iteration logs (试点迭代, governance path 7) in every language:
the pilot's statuses, a round's decisions, what a success criterion is measured on, a
roll-out's statuses, the fields of the three record kinds, the texts of the pilot's
charts and of its criterion's state, and the messages of the pilot rules.

Names follow /work/shared/domain/GLOSSARY.md (试点 Pilot, 试点迭代 PilotRound, 设计假设
hypothesis, 用户满意度调研 satisfaction survey, 流程耗时统计 process duration statistics).
workbench.vocabulary.domain and .fields take these into the one vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from workbench.vocabulary.base import Term, Vocabulary, term

PILOT_STATUS: Final = Vocabulary(
    "pilot_status",
    term("pilot_status", "Status", "状态"),
    (
        term("running", "Running", "进行中"),
        term("adopted", "Adopted", "已采纳"),
        term("stopped", "Stopped", "已终止"),
    ),
)

DECISION: Final = Vocabulary(
    "decision",
    term(
        "decision",
        "Decision",
        "决定",
        "What the round decided: go on as it is, adjust and try again, adopt and roll "
        "out, or stop the pilot.",
        "本轮的决定：按原方案继续、调整后再试、采纳并推广，或终止试点。",
    ),
    (
        term("continue", "Continue", "继续"),
        term("adjust", "Adjust", "调整"),
        term("adopt", "Adopt", "采纳推广"),
        term("stop", "Stop", "终止"),
    ),
)

# Which figure of a round the success criterion applies to; the keys are its fields.
CRITERION_MEASURE: Final = Vocabulary(
    "criterion_measure",
    term("criterion_measure", "Criterion applies to", "成功标准依据"),
    (
        term("satisfaction_mean", "Satisfaction (mean score)", "满意度均分"),
        term("duration_after_median", "Duration after (median)", "改进后耗时中位数"),
        term("duration_after_p90", "Duration after (p90)", "改进后耗时P90"),
    ),
)

ROLLOUT_STATUS: Final = Vocabulary(
    "rollout_status",
    term("rollout_status", "Status", "状态"),
    (
        term("planned", "Planned", "已计划"),
        term("in_progress", "In progress", "进行中"),
        term("done", "Done", "已完成"),
        term("cancelled", "Cancelled", "已取消"),
    ),
)

# The texts of the pilot's charts and of its criterion's state; {…} are filled in.
PILOT_TEXT: Final = Vocabulary(
    "pilot_text",
    term("pilot_text", "Pilot", "试点"),
    (
        term("round", "Round {number}", "第{number}轮"),
        term("satisfaction_title", "Satisfaction per round", "每轮用户满意度"),
        term("satisfaction_axis", "Mean score", "平均分"),
        term("score_unit", "points", "分"),
        term("satisfaction_series", "Satisfaction (mean)", "满意度均分"),
        term("duration_title", "Process duration per round", "每轮流程耗时"),
        term("duration_axis", "Duration", "耗时"),
        term("hours_unit", "h", "小时"),
        term("median_series", "Median after", "改进后中位数"),
        term("p90_series", "P90 after", "改进后P90"),
        term("baseline_median", "Baseline median {value}", "基线中位数 {value}"),
        term("baseline_p90", "Baseline p90 {value}", "基线P90 {value}"),
        term("criterion_line", "Criterion {sign} {value}", "成功标准 {sign} {value}"),
        term("met_zone", "Criterion met", "达标区间"),
        term("not_measured", "Not measured yet", "尚无测量数据"),
        term("met_since", "Criterion met since round {since}", "自第{since}轮起达到成功标准"),
        term("never_met", "Criterion not met", "尚未达到成功标准"),
        term(
            "lost_since",
            "Criterion not met since round {lost} (met from round {since})",
            "自第{lost}轮起未达到成功标准（第{since}轮起曾达标）",
        ),
    ),
)

PILOT_VOCABULARIES: Final = (PILOT_STATUS, DECISION, CRITERION_MEASURE, ROLLOUT_STATUS, PILOT_TEXT)

# The three record kinds, as RECORD_KIND names them.
PILOT_KINDS: Final = (
    term(
        "pilot",
        "Pilot",
        "试点",
        "A small trial on one business line, region or plant, in rounds of about two "
        "weeks, testing a hypothesis against a success criterion.",
        "在一条业务线、一个区域或一家工厂小范围试行，约2周一轮，按成功标准验证设计假设。",
    ),
    term(
        "pilot_round",
        "Pilot round",
        "试点轮次",
        "One round of a pilot: what was changed, the satisfaction survey, the process "
        "duration before and after, findings and the decision.",
        "试点的一轮迭代：本轮改动、用户满意度调研、改进前后流程耗时、发现与决定。",
    ),
    term("pilot_rollout", "Roll-out", "推广"),
)

_HOURS_HINT = ("In hours.", "单位：小时。")


def _hours(key: str, en: str, zh_cn: str) -> Term:
    return term(key, en, zh_cn, *_HOURS_HINT)


def _by_key(*terms: Term) -> Mapping[str, Term]:
    return {t.key: t for t in terms}


PILOT_FIELDS: Final[Mapping[str, Mapping[str, Term]]] = {
    "pilot": _by_key(
        term("code", "Code", "编号"),
        term("name", "Name", "名称"),
        term(
            "scope",
            "Business line or region",
            "试点范围",
            "The business line, region or plant the pilot runs on, e.g. East China sales.",
            "试点所在的业务线、区域或工厂，例如华东区销售。",
        ),
        term("site_id", "Site", "工厂"),
        term("erp_module_id", "ERP module", "ERP模块"),
        term(
            "hypothesis",
            "Hypothesis",
            "设计假设",
            "What the pilot tests, e.g. does a flatter approval chain make it faster?",
            "试点要验证的假设，例如“简化审批层级是否提升效率”。",
        ),
        term("criterion_metric", "Success metric", "成功标准指标"),
        term("criterion_measure", "Criterion applies to", "成功标准依据"),
        term("criterion_direction", "Direction", "方向"),
        term("criterion_threshold", "Threshold", "阈值"),
        term("round_days", "Days per round", "每轮天数"),
        _hours("baseline_median", "Baseline duration (median)", "基线耗时中位数"),
        _hours("baseline_p90", "Baseline duration (p90)", "基线耗时P90"),
        term("owner_id", "Owner", "负责人"),
        term("status", "Status", "状态"),
        term("started_on", "Started on", "开始日期"),
    ),
    "pilot_round": _by_key(
        term("number", "Round", "轮次"),
        term("starts_on", "Starts on", "开始日期"),
        term("ends_on", "Ends on", "结束日期"),
        term("dates_fixed", "Dates set by hand", "日期手动设定"),
        term("changes", "What was changed", "本轮改动"),
        term("satisfaction_mean", "Satisfaction (mean, 1–5)", "满意度均分（1–5）"),
        term("satisfaction_respondents", "Respondents", "答卷人数"),
        term(
            "satisfaction_spread",
            "Spread of scores",
            "满意度离散度",
            "The standard deviation of the survey's scores.",
            "调研评分的标准差。",
        ),
        _hours("duration_before_median", "Duration before (median)", "改进前耗时中位数"),
        _hours("duration_before_p90", "Duration before (p90)", "改进前耗时P90"),
        _hours("duration_after_median", "Duration after (median)", "改进后耗时中位数"),
        _hours("duration_after_p90", "Duration after (p90)", "改进后耗时P90"),
        term("findings", "Findings", "发现"),
        term("decision", "Decision", "决定"),
    ),
    "pilot_rollout": _by_key(
        term("target", "Rolled out to", "推广对象"),
        term("site_id", "Site", "工厂"),
        term("planned_on", "Planned on", "计划日期"),
        term("done_on", "Done on", "完成日期"),
        term("status", "Status", "状态"),
        term("note", "Note", "备注"),
    ),
}

# Field errors of the pilot rules: code → language → template ({field}, {value}, {other}).
PILOT_TEMPLATES: Final[Mapping[str, Mapping[str, str]]] = {
    "p90_below_median": {
        "en": "{field} must not be below {other}: nine in ten take at most the p90.",
        "zh_CN": "{field}不能小于{other}：P90是九成流程的耗时上限。",
    },
    "pilot_ended": {
        "en": "The pilot ended in round {value}: no round comes after an adopt or stop.",
        "zh_CN": "试点已在第{value}轮结束：采纳或终止之后不再有新的轮次。",
    },
    "final_not_last": {
        "en": "Only the last round can adopt or stop the pilot: round {value} follows it.",
        "zh_CN": "只有最后一轮可以决定采纳或终止：其后还有第{value}轮。",
    },
    "not_last_round": {
        "en": "Only the last round can be deleted: round {value} follows it.",
        "zh_CN": "只能删除最后一轮：其后还有第{value}轮。",
    },
    "status_mismatch": {
        "en": "The pilot's status no longer follows from its rounds' decisions.",
        "zh_CN": "试点状态已与各轮决定不一致。",
    },
    "not_adopted": {
        "en": "Only an adopted pilot is rolled out.",
        "zh_CN": "只有已采纳的试点才能推广。",
    },
    "has_rollouts": {
        "en": "The pilot has roll-outs: remove them before taking back its adoption.",
        "zh_CN": "该试点已有推广记录：请先删除推广记录，再撤回采纳决定。",
    },
}


def pilot_text(key: str, language: str, **values: Any) -> str:
    """A text of the pilot page or charts in ``language``, filled with ``values``."""
    return PILOT_TEXT.label(key, language).format(**values)
