"""The fixed vocabularies of the record: statuses, kinds, frequencies, categories, roles,
the five hidden costs (五大隐性成本) and the nine governance paths (九大治理路径).

Values are stored as the English keys; names follow /work/shared/domain/GLOSSARY.md and
the source articles. Explanations are the articles' own, shortened for a tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from workbench.vocabulary.base import Vocabulary, term
from workbench.vocabulary.charts import CHART_TEXT
from workbench.vocabulary.improvements import IMPROVEMENT_STATUS
from workbench.vocabulary.knowledge import KNOWLEDGE_KIND, KNOWLEDGE_KINDS, KNOWLEDGE_STATUS
from workbench.vocabulary.kpis import (
    ALERT_STATUS,
    HEALTH_PART,
    KPI_KINDS,
    KPI_PERIOD,
    KPI_PRESET,
    KPI_STATUS,
    KPI_TEXT,
)
from workbench.vocabulary.pilots import PILOT_KINDS, PILOT_VOCABULARIES
from workbench.vocabulary.reports import REPORT_TEXT
from workbench.vocabulary.training import TRAINING_KIND, TRAINING_TEXT

STATUS: Final = Vocabulary(
    "status",
    term("status", "Status", "状态"),
    (
        term("open", "Open", "待处理"),
        term("analysing", "Analysing", "分析中"),
        term("solving", "Solving", "解决中"),
        term("verifying", "Verifying", "验证中"),
        term("closed", "Closed", "已关闭"),
        term("rejected", "Rejected", "已驳回"),
    ),
)

# How a status change is named on its button; "forward"/"back" hold {status}, the target.
TRANSITION: Final = Vocabulary(
    "transition",
    term("transition", "Status change", "状态变更"),
    (
        term("forward", "→ {status}", "→ {status}"),
        term("back", "← {status}", "← {status}"),
        term("reject", "Reject", "驳回"),
        term("reopen", "Reopen", "重新打开"),
    ),
)

HIDDEN_COST: Final = Vocabulary(
    "hidden_cost",
    term(
        "hidden_cost",
        "The five hidden costs",
        "五大隐性成本",
        "Costs nobody sees at go-live that pile up and keep the ERP in a cycle of fixes.",
        "上线后未被重视、不断叠加的成本，使ERP陷入“上线后反复修正”的循环。",
    ),
    (
        term(
            "process_misalignment",
            "Process-system misalignment",
            "流程与系统对齐偏差",
            "Processes were designed from an ideal blueprint; old habits and hidden needs "
            "win in practice, so the new workflow never really lands.",
            "流程按理想化蓝图设计，实际执行被原有习惯和隐性需求牵引，新工作流未真正落地。",
        ),
        term(
            "data_governance",
            "Weak data governance",
            "数据治理短板",
            "Master data, transactions and codes were migrated without common rules, so "
            "reports, budgets, inventory and purchasing keep going wrong.",
            "主数据、交易数据和编码体系迁移时未统一治理，报表、预算、库存、采购频繁出错。",
        ),
        term(
            "change_management",
            "Missing change management",
            "变革管理缺失",
            "Training stopped at go-live; users find their own way and slip back to the "
            "old process.",
            "培训只在上线前，之后用户自我摸索，新流程容易被“打回原形”。",
        ),
        term(
            "cross_department",
            "Cross-department breaks",
            "跨部门协作断点",
            "Unclear duties, permissions and data sharing: silos return and departments "
            "run the same business differently.",
            "职责、权限和数据共享机制不清晰，信息孤岛卷土重来，同一业务各部门口径不一。",
        ),
        term(
            "customisation_debt",
            "Customisation debt",
            "技术与定制化矛盾",
            "Heavy early customisation makes maintenance costly and upgrades hard; tight "
            "interfaces and slow data sync add to the load.",
            "初期大量定制化导致维护成本攀升、升级困难；接口耦合、数据同步延时加剧运维压力。",
        ),
    ),
)

GOVERNANCE_PATH: Final = Vocabulary(
    "governance_path",
    term(
        "governance_path",
        "The nine governance paths",
        "九大治理路径",
        "Practical ways to make the hidden costs visible and govern data, process, people "
        "and technology together.",
        "将隐性成本显性化的可执行治理框架，覆盖数据、流程、人员与技术。",
    ),
    (
        term(
            "goals_ownership",
            "Goals and ownership",
            "明确目标与责权",
            "Decide what to improve and who decides: key users, high-value scenarios, and "
            "a cross-department process committee.",
            "锚定优化对象，避免内耗：明确最终用户和高价值场景，由跨部门流程委员会明确权责。",
        ),
        term(
            "data_governance",
            "Data governance",
            "数据治理筑基",
            "Unify core data so it is trusted: master data rules, a data dictionary, data "
            "quality rules, change monitoring.",
            "统一核心数据，提升可信度：主数据治理、数据字典、数据质量规则、数据变更监控。",
        ),
        term(
            "value_stream",
            "Value-stream redesign",
            "价值流流程再造",
            "Remove steps that add no value: map the value stream, find the bottlenecks, "
            "start with frequent, high-impact processes.",
            "以价值为核心，消除非增值环节：用价值流地图识别瓶颈，优先高频、高影响场景。",
        ),
        term(
            "change_management",
            "Change management",
            "变革管理赋能",
            "From accepting change to driving it: training after go-live, usage champions "
            "and change agents.",
            "从“被动接受”到“主动推变”：上线后持续培训，设立使用冠军和变更代理人。",
        ),
        term(
            "kpi_incentives",
            "KPIs and incentives",
            "KPI与激励对齐",
            "Tie system use to performance: measurable KPIs, with goals linked to following "
            "the process.",
            "绑定系统使用与绩效目标：量化KPI，绩效与系统使用和流程执行符合度挂钩。",
        ),
        term(
            "technical_architecture",
            "Technical architecture",
            "技术架构清晰化",
            "Loose coupling that can grow: standard interfaces, a data sync policy, an "
            "upgrade roadmap, less customisation.",
            "降低耦合，保障扩展性：接口标准化、数据同步策略、版本升级路线，减少定制化开发。",
        ),
        term(
            "pilot_iteration",
            "Pilot iteration",
            "试点迭代推广",
            "Prove it small first: pilot on one business line or plant in rounds of about "
            "two weeks, then roll out.",
            "小步验证，降低全局风险：选取典型业务线或工厂试点，约2周一轮迭代后推广。",
        ),
        term(
            "digital_tools",
            "Digital tools",
            "数字化工具适配",
            "Tools where they help, not for their own sake: analytics, process mining and "
            "RPA aimed at real pain points.",
            "按需引入，避免技术堆砌：数据分析、流程挖掘、RPA针对性解决业务痛点。",
        ),
        term(
            "continuous_improvement",
            "Continuous improvement loop",
            "持续改进闭环",
            "Make improving routine: alerts, a monthly health score, the quarterly list, "
            "and the problem → cause → solution → result record.",
            "从“项目式优化”到“日常运营能力”：异常预警、月度健康度评分、季度优化清单、"
            "问题-原因-解决方案-效果记录。",
        ),
    ),
)

FREQUENCY: Final = Vocabulary(
    "frequency",
    term("frequency", "Frequency", "发生频率"),
    (
        term("several_daily", "Several times a day", "每天多次"),
        term("daily", "Daily", "每天"),
        term("weekly", "Weekly", "每周"),
        term("monthly", "Monthly", "每月"),
        term("rarely", "Rarely", "偶尔"),
    ),
)

CAUSE_CATEGORY: Final = Vocabulary(
    "category",
    term("category", "Category", "类别"),
    (
        term("process", "Process", "流程"),
        term("data", "Data", "数据"),
        term("people", "People", "人员"),
        term("system", "System", "系统"),
        term("organisation", "Organisation", "组织"),
    ),
)

SOLUTION_KIND: Final = Vocabulary(
    "kind",
    term("kind", "Kind", "类型"),
    (
        term("corrective", "Corrective", "纠正"),
        term("preventive", "Preventive", "预防"),
        term("improvement", "Improvement", "改进"),
    ),
)

SOLUTION_STATUS: Final = Vocabulary(
    "solution_status",
    term("solution_status", "Status", "状态"),
    (
        term("planned", "Planned", "已计划"),
        term("in_progress", "In progress", "进行中"),
        term("done", "Done", "已完成"),
        term("cancelled", "Cancelled", "已取消"),
    ),
)

DIRECTION: Final = Vocabulary(
    "direction",
    term("direction", "Direction", "方向"),
    (
        term("lower", "Lower is better", "越低越好"),
        term("higher", "Higher is better", "越高越好"),
    ),
)

ROLE: Final = Vocabulary(
    "role",
    term(
        "role",
        "Role",
        "角色",
        "What a person does for the improvement work after go-live.",
        "此人在上线后持续改进工作中承担的角色。",
    ),
    (
        term(
            "change_agent",
            "Change agent",
            "变更代理人",
            "A department coordinator who collects feedback and pushes improvements.",
            "部门协调员，收集反馈并推动优化。",
        ),
        term(
            "usage_champion",
            "Usage champion",
            "使用冠军",
            "A key user who shares efficient ways of working: writes tips and FAQs.",
            "业务骨干，分享高效操作技巧，编写技巧与常见问题。",
        ),
        term(
            "project_manager",
            "Project manager",
            "项目经理",
            "Keeps the quarterly improvement list, watches KPIs and alerts, reports to management.",
            "维护季度优化清单，关注KPI与预警，向管理层汇报。",
        ),
    ),
)

RECORD_KIND: Final = Vocabulary(
    "record_kind",
    term(
        "record_kind",
        "Improvement record",
        "问题-原因-解决方案-效果记录",
        "Problem → cause → solution → result, e.g. high inventory variance → inconsistent "
        "material codes → unify material codes → variance down 40%.",
        "例如：库存差异率高 → 物料编码不统一 → 统一物料编码 → 差异率下降40%。",
    ),
    (
        term(
            "problem",
            "Problem",
            "问题",
            "Something wrong in how the ERP is used: a symptom, where, how often, how bad.",
            "ERP使用中的问题：现象、发生在哪里、多频繁、多严重。",
        ),
        term(
            "cause",
            "Cause",
            "原因",
            "Why it happens; a problem may have several, one or more marked as root cause.",
            "问题发生的原因；一个问题可有多个原因，其中一个或多个为根本原因。",
        ),
        term(
            "solution",
            "Solution",
            "解决方案",
            "The action taken against a cause: owner, due date, status.",
            "针对原因采取的对策：负责人、截止日期、状态。",
        ),
        term(
            "result",
            "Result",
            "效果",
            "The measured effect of a solution: metric, baseline, value after, change in %.",
            "解决方案的可衡量效果：指标、基线值、改进后值、变化百分比。",
        ),
        term("cause_why", "Why", "为什么"),
        term("erp_module", "ERP module", "ERP模块"),
        term("site", "Site", "工厂"),
        term("department", "Department", "部门"),
        term("person", "Person", "人员"),
        term("status_change", "Status change", "状态变更"),
        term("team_setting", "Team rule", "团队规则"),
        term(
            "improvement_item",
            "Improvement item",
            "优化事项",
            "An entry of the quarterly improvement list: what the team commits to improve "
            "this quarter, ranked, carried over when unfinished.",
            "季度优化清单中的一项：团队本季度承诺改进的内容，排定优先级，未完成则结转。",
        ),
        term("improvement_item_problem", "Linked problem", "关联问题"),
        term("quarter_list", "Quarterly improvement list", "季度优化清单"),
        term(
            "training_session",
            "Training session",
            "培训记录",
            "A training after go-live: an on-site drill, a class, a manual update, a video "
            "tutorial or online help on one ERP module; who attended, how they scored.",
            "上线后的一次培训：针对某个ERP模块的现场演练、培训课、手册更新、视频教程或线上帮助；"
            "谁参加了、考核成绩如何。",
        ),
        term("attendance", "Attendance", "参训记录"),
        term("training_link", "Training link", "培训关联"),
        term(
            "attachment",
            "Attachment",
            "附件",
            "A file kept with a problem, cause or result as evidence, e.g. a screenshot of "
            "an ERP error or a stock-count sheet.",
            "作为证据随问题、原因或效果保存的文件，例如ERP报错截图或盘点表。",
        ),
        *PILOT_KINDS,
        *KNOWLEDGE_KINDS,
        *KPI_KINDS,
    ),
)

# Severity and impact are stored as 1 … 5; these are the words the scores are chosen by.
SEVERITY: Final = Vocabulary(
    "severity",
    term(
        "severity",
        "Severity",
        "严重度",
        "How badly the problem hurts the work when it happens, 1 (minor) to 5 (severe).",
        "问题发生时对业务的影响有多严重，1（轻微）到 5（严重）。",
    ),
    (
        term("1", "Minor", "轻微"),
        term("2", "Low", "较轻"),
        term("3", "Moderate", "中等"),
        term("4", "High", "较重"),
        term("5", "Severe", "严重"),
    ),
)

IMPACT: Final = Vocabulary(
    "impact",
    term(
        "impact",
        "Impact",
        "影响度",
        "How far the problem reaches: one person's work (1) up to the whole plant (5). With "
        "the frequency it ranks what to improve first.",
        "问题波及的范围：从个人工作（1）到整个工厂（5）。与发生频率一起决定优先改进什么。",
    ),
    (
        term("1", "One person", "个人"),
        term("2", "One team", "班组"),
        term("3", "One department", "单个部门"),
        term("4", "Several departments", "多个部门"),
        term("5", "The whole plant", "全厂"),
    ),
)

VOCABULARIES: Final[Mapping[str, Vocabulary]] = {
    v.name: v
    for v in (
        STATUS,
        TRANSITION,
        HIDDEN_COST,
        GOVERNANCE_PATH,
        FREQUENCY,
        CAUSE_CATEGORY,
        SOLUTION_KIND,
        SOLUTION_STATUS,
        DIRECTION,
        ROLE,
        RECORD_KIND,
        SEVERITY,
        IMPACT,
        IMPROVEMENT_STATUS,
        *PILOT_VOCABULARIES,
        CHART_TEXT,
        TRAINING_KIND,
        REPORT_TEXT,
        TRAINING_TEXT,
        KNOWLEDGE_KIND,
        KNOWLEDGE_STATUS,
        KPI_PRESET,
        KPI_PERIOD,
        KPI_STATUS,
        ALERT_STATUS,
        HEALTH_PART,
        KPI_TEXT,
    )
}


def transition_name(current: str, target: str, language: str) -> str:
    """How the change from status ``current`` to ``target`` is named on its button."""
    if target == "rejected":
        key = "reject"
    elif current in ("closed", "rejected"):
        key = "reopen"
    elif STATUS.keys.index(target) > STATUS.keys.index(current):
        key = "forward"
    else:
        key = "back"
    return TRANSITION.label(key, language).format(status=STATUS.label(target, language))
