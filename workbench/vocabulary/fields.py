"""The names of the record's fields, per record kind, in every language.

A field's name is the same wherever it appears (a form, a list column, an error, a
report heading, an Excel header), so each kind lists its fields once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from workbench.vocabulary.base import Term, term
from workbench.vocabulary.domain import GOVERNANCE_PATH, HIDDEN_COST, IMPACT, ROLE, SEVERITY
from workbench.vocabulary.improvements import IMPROVEMENT_STATUS
from workbench.vocabulary.knowledge import KNOWLEDGE_FIELDS
from workbench.vocabulary.kpis import KPI_FIELDS
from workbench.vocabulary.pilots import PILOT_FIELDS
from workbench.vocabulary.training import TRAINING_KIND


def _kind(*terms: Term) -> Mapping[str, Term]:
    return {t.key: t for t in terms}


def _like(vocabulary_title: Term, key: str, en: str, zh_cn: str) -> Term:
    """A field named for a vocabulary, explained as the vocabulary is."""
    hints = vocabulary_title.hints
    return term(key, en, zh_cn, hints.get("en", ""), hints.get("zh_CN", ""))


_CODE = term("code", "Code", "编号")
_NAME = term("name", "Name", "名称")
_TITLE = term("title", "Title", "标题")
_DESCRIPTION = term("description", "Description", "描述")
_OWNER = term("owner_id", "Owner", "负责人")
_DUE = term("due_on", "Due on", "截止日期")
_STATUS = term("status", "Status", "状态")
_DEPARTMENT = term("department_id", "Department", "部门")

FIELDS: Final[Mapping[str, Mapping[str, Term]]] = {
    "problem": _kind(
        _CODE,
        _TITLE,
        _DESCRIPTION,
        term("erp_module_id", "ERP module", "ERP模块"),
        _DEPARTMENT,
        term("site_id", "Site", "工厂"),
        _like(HIDDEN_COST.title, "hidden_cost", "Hidden cost", "隐性成本"),
        _like(SEVERITY.title, "severity", "Severity", "严重度"),
        term("frequency", "Frequency", "发生频率"),
        _like(IMPACT.title, "impact", "Impact", "影响度"),
        term("reporter_id", "Reporter", "报告人"),
        _OWNER,
        term("reported_on", "Reported on", "报告日期"),
        _DUE,
        term("closed_on", "Closed on", "关闭日期"),
        term("tags", "Tags", "标签"),
        _STATUS,
    ),
    "cause": _kind(
        _DESCRIPTION,
        term("category", "Category", "类别"),
        term("is_root", "Root cause", "根本原因"),
        term("evidence", "Evidence", "证据"),
        term("verified", "Verified", "已验证"),
        term("whys", "5 whys", "5个为什么"),
    ),
    "solution": _kind(
        _TITLE,
        _DESCRIPTION,
        term("kind", "Kind", "类型"),
        _like(GOVERNANCE_PATH.title, "governance_path", "Governance path", "治理路径"),
        _OWNER,
        _DUE,
        _STATUS,
        term("done_on", "Done on", "完成日期"),
    ),
    "result": _kind(
        term("metric", "Metric", "指标"),
        term("unit", "Unit", "单位"),
        term("direction", "Direction", "方向"),
        term("baseline_value", "Baseline", "基线值"),
        term("baseline_on", "Baseline date", "基线日期"),
        term("value_after", "Value after", "改进后值"),
        term("measured_on", "Measured on", "测量日期"),
        term("verified_by_id", "Verified by", "验证人"),
        term("verified_at", "Verified at", "验证时间"),
    ),
    "status_change": _kind(
        term("from_status", "From", "原状态"),
        term("to_status", "To", "新状态"),
        term("reason", "Reason", "理由"),
        term("changed_by", "Changed by", "变更人"),
        term("changed_at", "Changed at", "变更时间"),
    ),
    "improvement_item": _kind(
        _CODE,
        term("quarter", "Quarter", "季度"),
        _TITLE,
        _OWNER,
        term("target_metric", "Target metric", "目标指标"),
        term("target_value", "Target value", "目标值"),
        term("target_unit", "Unit", "单位"),
        term("target_by", "Target by", "达成期限"),
        _like(IMPROVEMENT_STATUS.title, "status", "Status", "状态"),
        term("decision_note", "Decision note", "决策说明"),
        term("manual_rank", "Manual order", "手动排序"),
        term("carried_from_id", "Carried over from", "结转自"),
        term("problems", "Problems", "关联问题"),
    ),
    "improvement_item_problem": _kind(
        term("item_id", "Improvement item", "优化事项"),
        term("problem_id", "Problem", "问题"),
    ),
    "quarter_list": _kind(
        term("quarter", "Quarter", "季度"),
        term("frozen_at", "Frozen at", "冻结时间"),
        term("frozen_by", "Frozen by", "冻结人"),
    ),
    "training_session": _kind(
        _CODE,
        _like(TRAINING_KIND.title, "kind", "Kind", "培训形式"),
        term("topic", "Topic", "主题"),
        term("erp_module_id", "ERP module", "ERP模块"),
        term("held_on", "Held on", "培训日期"),
        term("trainer_id", "Trainer", "讲师"),
        term("duration_hours", "Duration (hours)", "时长（小时）"),
        term("material_link", "Material link", "资料链接"),
        term("note", "Note", "备注"),
        term("attendees", "Attendees", "参训人员"),
        term("addresses", "Addresses", "针对的问题/方案"),
    ),
    "attendance": _kind(
        term("session_id", "Training session", "培训记录"),
        term("person_id", "Person", "人员"),
        term("department_id", "Department then", "当时部门"),
        term("score", "Assessment score", "考核成绩"),
        term("signed", "Signed in", "签到"),
    ),
    "training_link": _kind(
        term("session_id", "Training session", "培训记录"),
        term("problem_id", "Problem", "问题"),
        term("solution_id", "Solution", "解决方案"),
    ),
    "attachment": _kind(
        term("owner_kind", "Attached to", "所属记录"),
        term("file_name", "File name", "文件名"),
        term("media_type", "File type", "文件类型"),
        term("size", "Size", "大小"),
        term("sha256", "SHA-256", "SHA-256校验值"),
        term("content", "File", "文件"),
        term("added_by", "Added by", "添加人"),
        term("added_at", "Added at", "添加时间"),
        term("note", "Note", "备注"),
    ),
    "team_setting": _kind(term("key", "Rule", "规则"), term("value", "Value", "取值")),
    "erp_module": _kind(_NAME, term("active", "In use", "使用中")),
    "site": _kind(_CODE, _NAME),
    "department": _kind(_NAME),
    "person": _kind(
        term("login", "Login", "登录名"),
        _NAME,
        _DEPARTMENT,
        _like(ROLE.title, "role", "Role", "角色"),
        term("left_on", "Left on", "离职日期"),
    ),
    **PILOT_FIELDS,
    **KNOWLEDGE_FIELDS,
    **KPI_FIELDS,
}

# Columns of the problem list that show a referenced record's name under a short key.
ALIASES: Final[Mapping[str, str]] = {
    "module": "erp_module_id",
    "site": "site_id",
    "department": "department_id",
    "owner": "owner_id",
}


def field_term(name: str, kind: str | None = None) -> Term | None:
    """The term naming field ``name`` of record ``kind``; without a kind, the first kind
    (problem, cause, …) that has such a field."""
    name = ALIASES.get(name, name)
    kinds = [FIELDS[kind]] if kind is not None and kind in FIELDS else list(FIELDS.values())
    return next((fields[name] for fields in kinds if name in fields), None)


def known_fields() -> frozenset[str]:
    """Every field name (and alias) that has a label."""
    return frozenset(ALIASES) | {name for fields in FIELDS.values() for name in fields}


def field_hint(name: str, language: str, kind: str | None = None) -> str:
    """What a field's domain term means, for its label's tooltip; "" when it needs none."""
    found = field_term(name, kind)
    return found.hint(language) if found else ""


def field_label(name: str, language: str, kind: str | None = None) -> str:
    """The name of a field in ``language``; the key itself for a field without a label."""
    found = field_term(name, kind)
    return found.label(language) if found else name
