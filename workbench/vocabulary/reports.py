"""The words of the PDF reports (the quarterly report, 季度报告, and a problem's A3 sheet):
section headings, table headings, the cover's and the page's words, in every language.

Domain terms the reports show (statuses, kinds, the hidden costs, field names) are not
repeated here: they come from their own vocabularies (workbench.vocabulary.domain,
fields, improvements, pilots, training).
"""

from __future__ import annotations

from typing import Any, Final

from workbench.vocabulary.base import Vocabulary, term

REPORT_TEXT: Final = Vocabulary(
    "report_text",
    term("report_text", "Report", "报告"),
    (
        # the quarterly report's frame
        term(
            "quarterly_title", "ERP continuous improvement: quarterly report", "ERP持续优化季度报告"
        ),
        term("site", "Site", "工厂"),
        term("all_sites", "All sites", "全部工厂"),
        term("quarter", "Quarter", "季度"),
        term("made_on", "Generated on", "生成时间"),
        term("author", "Author", "编制人"),
        term("record", "Record", "数据来源"),
        term("contents", "Contents", "目录"),
        term("page_of", "Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
        # 2 summary
        term("summary", "Summary", "摘要"),
        term("counts", "The quarter in figures", "本季度数据"),
        term("problems_opened", "Problems opened", "新增问题"),
        term("problems_closed", "Problems closed", "关闭问题"),
        term("solutions_done", "Solutions done", "完成的解决方案"),
        term(
            "solutions_overdue",
            "Solutions overdue (due in the quarter, not done by then)",
            "逾期的解决方案（本季度到期、未按期完成）",
        ),
        term("alerts_opened", "KPI alerts opened", "新开KPI异常预警"),
        term("alerts_closed", "KPI alerts closed", "关闭的KPI异常预警"),
        term("health", "Process health score", "流程健康度评分"),
        term(
            "health_of_quarter",
            "The quarter's score (the mean of its months): {score}; last quarter {before} "
            "({change}).",
            "本季度评分（各月平均）：{score}；上季度 {before}（{change}）。",
        ),
        term(
            "kpi_table",
            "KPIs: target and actual (the quarter's mean)",
            "KPI：目标与实际（季度平均）",
        ),
        term("actual", "Actual", "实际值"),
        term("change", "Change against last quarter", "较上季度变化"),
        term("points", "pts", "个百分点"),  # a change of a percentage
        term("figure", "Figure", "指标"),
        term("count", "Count", "数量"),
        term("biggest", "The three biggest improvements", "三大改进成果"),
        term("measured_on", "Measured on", "测量日期"),
        term("effect", "Effect", "效果"),
        # 3 KPI charts
        term("kpi_trends", "KPI trends", "KPI趋势"),
        term(
            "kpi_trends_note",
            "The last twelve months of each KPI (the mean of its places), with its target "
            "line; green, amber and red bands are its thresholds.",
            "各KPI最近十二个月的数值（各地点平均），虚线为目标值；绿、黄、红色带为其阈值区间。",
        ),
        # 4 the improvement list
        term("list_outcome", "Committed, done, carried over, dropped", "承诺、完成、结转与放弃"),
        term("items", "Items", "事项数"),
        term("committed", "Committed", "已承诺"),
        term("done", "Done", "已完成"),
        term("carried_over", "Carried over to the next quarter", "结转至下季度"),
        term("dropped", "Dropped", "已放弃"),
        term("carried_in", "Carried in from earlier quarters", "由往季结转而来"),
        term("frozen_note", "The list was frozen on {on} by {by}.", "清单已于 {on} 由 {by} 冻结。"),
        term("not_frozen_note", "The list was not frozen.", "清单未冻结。"),
        term("this_list", "This quarter's list", "本季度清单"),
        term(
            "next_list", "Next quarter's committed list ({quarter})", "下季度承诺清单（{quarter}）"
        ),
        term("target", "Target", "目标"),
        term("carried_times", "carried {count}× since {since}", "自{since}起结转{count}次"),
        # 5 closed records
        term("closed_records", "Improvement records closed this quarter", "本季度关闭的改进记录"),
        term("closed_on", "closed on {on}", "关闭于 {on}"),
        # 6 analysis
        term("analysis", "Causes and where the problems are", "原因与问题分布"),
        term(
            "analysis_scope",
            "Problems open at some time in the quarter (reported by its end, not closed "
            "before it began; rejected ones left out): {count}.",
            "本季度内曾处于未关闭状态的问题（季度末前提出、季度初前未关闭，"
            "不含已驳回）：{count} 个。",
        ),
        term("pareto", "Pareto of causes", "原因帕累托图"),
        term("causes", "Causes", "原因数"),
        term("cumulative", "Cumulative share", "累计占比"),
        term("share", "Share", "占比"),
        term("problems", "Problems", "问题数"),
        term("by_module", "Problems by ERP module", "按ERP模块的问题"),
        term("by_hidden_cost", "Problems by hidden cost", "按隐性成本的问题"),
        term("not_set", "Not set", "未填写"),
        # 7 pilots
        term("pilots", "Pilots", "试点迭代"),
        term("criterion", "Success criterion", "成功标准"),
        term("criterion_met", "Criterion met", "是否达标"),
        term("decision", "Decision", "决策"),
        term("rounds", "Rounds", "迭代轮次"),
        term("no_rounds", "No round yet.", "尚无迭代轮次。"),
        # 8 training
        term("training", "Training", "培训"),
        term("sessions_by_kind", "Sessions held this quarter, by kind", "本季度培训（按形式）"),
        term("sessions", "Sessions", "场次"),
        term("attendances", "Attendances", "参训人次"),
        term("hours", "Hours", "时长（小时）"),
        term(
            "coverage",
            "Coverage: people trained / people in the department",
            "覆盖率：已培训人数 / 部门人数",
        ),
        term(
            "gaps",
            "Gaps: people who work in a module and were never trained on it",
            "缺口：在某模块工作却从未接受该模块培训的人员",
        ),
        term(
            "all_sites_training",
            "Training is kept for the whole plant, not per site.",
            "培训记录不分工厂，以下为全厂数据。",
        ),
        # 9 attention
        term("attention", "What needs management's attention", "需要管理层关注的事项"),
        term("overdue_actions", "Overdue actions", "逾期行动"),
        term("open_alerts", "Open KPI alerts", "未关闭的KPI异常预警"),
        term("place", "Place", "地点"),
        term("owner_department", "Owner department", "负责部门"),
        term("action", "Action", "行动"),
        term("days_overdue", "Days overdue", "逾期天数"),
        # 10 closing
        term("closing", "Audit chain", "审计链"),
        term(
            "closing_text",
            "This report was made from the record as it stood at audit entry {entry}, "
            "hash {hash}. Running “workbench check” on the database later proves that "
            "none of the entries up to this one was rewritten since.",
            "本报告基于审计链第 {entry} 条记录时的数据生成，其哈希值为 {hash}。"
            "日后对该数据库运行“workbench check”，即可证明截至该条的记录此后未被改写。",
        ),
        # the change of a result
        term("improved", "improved {pct}", "改善 {pct}"),
        term("worse", "worse by {pct}", "恶化 {pct}"),
        term("no_change", "no change", "无变化"),
        term("not_measured", "not measured yet", "尚未测量"),
        # the A3 sheet
        term("a3_title", "A3 problem report", "A3问题报告"),
        term("background", "1 Background", "1 背景"),
        term("current_state", "2 Current state", "2 现状"),
        term("root_cause", "3 Root cause (5 whys)", "3 根本原因（5个为什么）"),
        term("why", "Why {number}", "为什么 {number}"),
        term("countermeasures", "4 Countermeasures", "4 对策"),
        term("measured_effect", "5 Measured effect", "5 效果确认"),
        term("follow_up", "6 Follow-up", "6 后续跟进"),
        term("no_cause", "No cause analysed yet.", "尚未分析原因。"),
        term("no_solution", "No countermeasure yet.", "尚无对策。"),
        term("no_result", "No effect measured yet.", "尚未测量效果。"),
        term("verified_by", "verified by {who}", "由 {who} 验证"),
        term("not_verified", "not verified", "未验证"),
        term("status_history", "Status changes", "状态变更"),
        term("training_linked", "Training given", "相关培训"),
        term(
            "nothing_open",
            "Every countermeasure is done or cancelled, every effect verified.",
            "所有对策均已完成或取消，效果均已验证。",
        ),
    ),
)


def report_text(key: str, language: str, **values: Any) -> str:
    """A text of the reports in ``language``, filled with ``values``."""
    return REPORT_TEXT.label(key, language).format(**values)
