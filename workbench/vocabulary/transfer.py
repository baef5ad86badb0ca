"""The words of spreadsheets: what plants call the record's fields and values in their
headers and cells, and what the import says about a file it cannot read, in each language.

A header or a value is matched against the field's and the term's own names (both
languages, workbench.vocabulary.fields and .domain) and, beyond them, the words here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from workbench.vocabulary.languages import SOURCE_LANGUAGE

# (record kind, field) → more header words than the field's two names.
HEADER_WORDS: Final[Mapping[tuple[str, str], tuple[str, ...]]] = {
    ("problem", "code"): ("问题编号", "编码", "序号编号", "id", "no", "problem code", "问题单号"),
    ("problem", "title"): ("问题", "问题标题", "问题名称", "问题点", "主题", "problem", "issue"),
    ("problem", "description"): ("问题描述", "详细描述", "现象描述", "现象", "说明", "details"),
    ("problem", "erp_module_id"): ("模块", "系统模块", "业务模块", "所属模块", "module"),
    ("problem", "department_id"): ("责任部门", "提出部门", "部门名称", "dept"),
    ("problem", "site_id"): ("工厂", "厂区", "基地", "plant", "工厂名称"),
    ("problem", "hidden_cost"): ("隐性成本类型", "成本类型"),
    ("problem", "severity"): ("严重程度", "严重性", "严重等级"),
    ("problem", "frequency"): ("频率", "频次", "发生频次", "发生次数"),
    ("problem", "impact"): ("影响程度", "影响范围", "影响"),
    ("problem", "reporter_id"): ("提出人", "报告人", "反馈人", "提报人", "reported by"),
    ("problem", "owner_id"): ("负责人", "责任人", "处理人", "跟进人", "assignee"),
    ("problem", "reported_on"): ("提出日期", "报告日期", "发现日期", "反馈日期", "日期", "date"),
    ("problem", "due_on"): ("计划完成日期", "要求完成日期", "完成期限", "截止日期", "due"),
    ("problem", "closed_on"): ("关闭日期", "实际完成日期", "closed"),
    ("problem", "tags"): ("标签", "关键词"),
    ("problem", "status"): ("状态", "处理状态", "当前状态", "进度"),
    ("cause", "description"): ("原因", "原因分析", "根本原因", "根因", "cause"),
    ("cause", "whys"): ("5why", "五个为什么", "为什么", "whys"),
    ("solution", "title"): ("解决方案", "改善措施", "措施", "对策", "解决措施", "solution"),
    ("solution", "status"): ("措施状态", "方案状态", "solution status"),
    ("solution", "owner_id"): ("措施负责人", "方案负责人", "solution owner"),
    ("solution", "due_on"): ("措施完成日期", "方案截止日期", "solution due"),
    ("result", "metric"): ("效果指标", "衡量指标", "指标", "metric"),
    ("result", "unit"): ("单位", "unit"),
    ("result", "baseline_value"): ("改善前", "基线", "基准值", "baseline"),
    ("result", "value_after"): ("改善后", "改进后", "after"),
    ("result", "measured_on"): ("测量日期", "验证日期", "measured"),
    # KPI measurements, as an ERP's export heads them
    ("kpi_measurement", "kpi_id"): ("kpi", "指标", "指标名称", "kpi名称", "kpi name"),
    ("kpi_measurement", "period"): ("月份", "年月", "统计期间", "month"),
    ("kpi_measurement", "site_id"): ("厂区", "基地", "plant", "工厂名称"),
    ("kpi_measurement", "department_id"): ("部门名称", "责任部门", "dept"),
    ("kpi_measurement", "value"): ("实际值", "实绩", "指标值", "actual"),
    # a training sign-in sheet (培训签到表): its session block and its table
    ("training_session", "code"): ("培训编号", "session code"),
    ("training_session", "held_on"): ("日期", "培训时间", "date"),
    ("training_session", "topic"): ("培训主题", "课程", "课程名称", "培训内容", "course"),
    ("training_session", "trainer_id"): ("培训讲师", "授课人", "授课讲师", "trainer"),
    ("training_session", "erp_module_id"): ("模块", "系统模块", "所属模块", "培训模块", "module"),
    ("training_session", "kind"): ("形式", "培训方式", "方式", "kind"),
    ("training_session", "duration_hours"): ("时长", "培训时长", "课时", "学时", "hours"),
    ("attendance", "person_id"): ("姓名", "参训人", "参训人员", "学员", "员工姓名", "name"),
    ("attendance", "department_id"): ("部门", "所在部门", "部门名称", "department"),
    ("attendance", "signed"): ("签名", "签到情况", "出勤", "签到签名", "sign"),
    ("attendance", "score"): ("成绩", "得分", "分数", "考试成绩", "score"),
}

# A sign-in sheet's 签到 cell that says the person was not there (any other mark, a
# signature or a time, says they were; so does an empty cell).
ABSENT_WORDS: Final = (
    "否",
    "缺席",
    "未到",
    "未签到",
    "请假",
    "旷课",
    "×",
    "x",
    "✗",
    "no",
    "absent",
)

# Cell words for a stored key, beyond its term's names: (vocabulary, key) → words.
VALUE_WORDS: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    "status": {
        "open": ("未处理", "新建", "待办", "未开始", "new", "todo"),
        "analysing": ("分析", "原因分析中"),
        "solving": ("处理中", "进行中", "整改中", "实施中", "in progress"),
        "verifying": ("待验证", "验证"),
        "closed": ("关闭", "已完成", "完成", "已解决", "已结案", "done", "resolved"),
        "rejected": ("驳回", "不处理", "取消", "已取消"),
    },
    "frequency": {
        "several_daily": ("每天多次", "一天多次", "多次/天", "hourly"),
        "daily": ("每日", "天", "日", "每天一次"),
        "weekly": ("每星期", "每礼拜", "周", "每周一次"),
        "monthly": ("每个月", "月", "每月一次"),
        "rarely": ("很少", "不定期", "偶发", "季度", "每季度", "每年", "年"),
    },
    "solution_status": {
        "planned": ("计划", "未开始", "待实施"),
        "in_progress": ("实施中", "处理中"),
        "done": ("完成", "已关闭", "关闭"),
        "cancelled": ("取消",),
    },
    "training_kind": {
        "class": ("课堂培训", "集中培训", "授课", "培训", "讲座", "classroom"),
        "drill": ("现场培训", "实操", "演练", "实操演练", "hands-on"),
        "manual_update": ("手册", "操作手册"),
        "video": ("视频", "录播", "video"),
        "online_help": ("线上", "在线", "在线培训", "线上培训", "online"),
    },
}

# A row with one of these in its first cells is a totals row, never a record.
TOTALS_WORDS: Final = ("合计", "总计", "小计", "汇总", "total", "totals", "subtotal", "sum")

# A number in a frequency cell: occurrences a month, at least this many for each key.
FREQUENCY_PER_MONTH: Final = (("several_daily", 60), ("daily", 20), ("weekly", 4), ("monthly", 1))

# Severity and impact in words (1 to 5).
LEVEL_WORDS: Final[Mapping[str, int]] = {
    "极高": 5,
    "很高": 5,
    "非常严重": 5,
    "紧急": 5,
    "高": 4,
    "严重": 4,
    "high": 4,
    "中": 3,
    "一般": 3,
    "medium": 3,
    "低": 2,
    "轻微": 2,
    "low": 2,
    "很低": 1,
}

# code → language → message about a file (params in braces).
FILE_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "missing": {"en": "There is no file at {path}.", "zh_CN": "找不到文件 {path}。"},
    "empty_file": {"en": "The file is empty.", "zh_CN": "文件是空的。"},
    "wrong_type": {
        "en": "This is not a spreadsheet: the file is {what}. Choose an .xlsx or .csv file.",
        "zh_CN": "这不是表格文件：它是{what}。请选择 .xlsx 或 .csv 文件。",
    },
    "old_xls": {
        "en": "This is an old Excel 97–2003 file (.xls). Save it as .xlsx in Excel first.",
        "zh_CN": "这是旧版 Excel 97–2003 文件（.xls）。请先在 Excel 中另存为 .xlsx。",
    },
    "password": {
        "en": "The workbook is protected with a password. Open it in Excel, remove the "
        "password (File → Info → Protect Workbook), save it and import again.",
        "zh_CN": "该工作簿设置了打开密码。请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿）"
        "后保存，再导入。",
    },
    "damaged": {
        "en": "The workbook is damaged or incomplete (perhaps cut off while copying): {why}.",
        "zh_CN": "工作簿已损坏或不完整（可能复制时被截断）：{why}。",
    },
    "zip_bomb": {
        "en": "The workbook would unpack to {size} MB, more than a real sheet: refused "
        "without unpacking it.",
        "zh_CN": "该工作簿解压后将达 {size} MB，远超真实表格：未解压即拒绝。",
    },
    "no_sheet": {
        "en": "The workbook has no sheet named {sheet}.",
        "zh_CN": "工作簿中没有名为 {sheet} 的工作表。",
    },
    "empty_sheet": {"en": "The sheet {sheet} is empty.", "zh_CN": "工作表 {sheet} 是空的。"},
    "no_header": {
        "en": "No header row found in the first {rows} rows; choose the header row.",
        "zh_CN": "前 {rows} 行中找不到表头行，请指定表头所在行。",
    },
    "encoding": {
        "en": "Row {row} cannot be read as {encoding}; choose the file's encoding.",
        "zh_CN": "第 {row} 行无法按 {encoding} 编码读取，请指定文件编码。",
    },
    "csv_broken": {
        "en": "Row {row} of the CSV file cannot be read: {why}.",
        "zh_CN": "CSV 文件第 {row} 行无法读取：{why}。",
    },
    "header_row": {
        "en": "Row {row} is beyond the sheet's rows.",
        "zh_CN": "第 {row} 行超出了工作表的行数。",
    },
    "mapping_file": {
        "en": "The mapping {path} cannot be used: {why}.",
        "zh_CN": "映射文件 {path} 无法使用：{why}。",
    },
    "foreign_backup": {
        "en": "{path} is not a Governance Workbench database: {why}.",
        "zh_CN": "{path} 不是治理工作台的数据库：{why}。",
    },
    "damaged_backup": {
        "en": "The backup {path} is damaged: {why}. Nothing was replaced.",
        "zh_CN": "备份 {path} 已损坏：{why}。未替换任何数据。",
    },
}

# Words of the import's report: "row 5, column C (负责人): …".
REPORT_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "cell": {
        "en": "row {row}, column {column} ({header})",
        "zh_CN": "第 {row} 行，{column} 列（{header}）",
    },
    "row": {"en": "row {row}", "zh_CN": "第 {row} 行"},
    "duplicate_code": {
        "en": "the code {code} is also in row {first}",
        "zh_CN": "编号 {code} 在第 {first} 行已出现",
    },
    "not_a_date": {
        "en": "{value} is not a date",
        "zh_CN": "{value} 不是有效日期",
    },
    "unknown_value": {
        "en": "{value} is not one of: {choices}",
        "zh_CN": "“{value}”不在可选值中：{choices}",
    },
    "not_a_number": {"en": "{value} is not a number", "zh_CN": "“{value}”不是数字"},
    "code": {"en": "Problem code", "zh_CN": "问题编号"},
    "cause_no": {"en": "Cause no.", "zh_CN": "原因序号"},
    "solution_no": {"en": "Solution no.", "zh_CN": "方案序号"},
    "created_at": {"en": "Created at", "zh_CN": "创建时间"},
    "problem_codes": {"en": "Problems", "zh_CN": "关联问题"},
    "pilot_code": {"en": "Pilot code", "zh_CN": "试点编号"},
    "session_code": {"en": "Session code", "zh_CN": "培训编号"},
    "dates_fixed": {"en": "Dates set by hand", "zh_CN": "日期手动设定"},
    "solution_refs": {"en": "Solutions", "zh_CN": "关联方案"},
    "cause_refs": {"en": "Causes", "zh_CN": "关联原因"},
    "session_codes": {"en": "Training sessions", "zh_CN": "关联培训"},
    "kpi": {"en": "KPI", "zh_CN": "KPI指标"},
    "preset": {"en": "Preset", "zh_CN": "预置指标"},
    "author": {"en": "Author", "zh_CN": "作者"},
    "votes": {"en": "Helpful votes", "zh_CN": "有用评价"},
    "views": {"en": "Views", "zh_CN": "浏览次数"},
    "opened_at": {"en": "Opened at", "zh_CN": "开立时间"},
    "breaches": {"en": "Breaches", "zh_CN": "异常记录"},
    "result_ref": {"en": "Result", "zh_CN": "效果"},
    "updated_at": {"en": "Updated at", "zh_CN": "更新时间"},
    "imported_at": {"en": "Imported at", "zh_CN": "导入时间"},
    "no_cause": {
        "en": "cause not recorded (imported)",
        "zh_CN": "原因未记录（导入）",
    },
}


# The whole record's sheets, by table.
SHEET_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    "site": {"en": "Sites", "zh_CN": "工厂"},
    "department": {"en": "Departments", "zh_CN": "部门"},
    "erp_module": {"en": "ERP modules", "zh_CN": "ERP模块"},
    "person": {"en": "People", "zh_CN": "人员"},
    "problem": {"en": "Problems", "zh_CN": "问题"},
    "cause": {"en": "Causes", "zh_CN": "原因"},
    "solution": {"en": "Solutions", "zh_CN": "解决方案"},
    "result": {"en": "Results", "zh_CN": "效果"},
    "improvement_item": {"en": "Improvement items", "zh_CN": "季度优化清单"},
    "pilot": {"en": "Pilots", "zh_CN": "试点"},
    "pilot_round": {"en": "Pilot rounds", "zh_CN": "试点轮次"},
    "pilot_rollout": {"en": "Pilot roll-outs", "zh_CN": "试点推广"},
    "training_session": {"en": "Training sessions", "zh_CN": "培训记录"},
    "attendance": {"en": "Attendance", "zh_CN": "签到"},
    "quarter_list": {"en": "Quarter lists", "zh_CN": "季度清单冻结"},
    "kpi": {"en": "KPIs", "zh_CN": "KPI指标"},
    "kpi_measurement": {"en": "KPI measurements", "zh_CN": "KPI实绩"},
    "knowledge_entry": {"en": "Knowledge", "zh_CN": "知识库"},
    "kpi_alert": {"en": "KPI alerts", "zh_CN": "KPI预警"},
    "result_kpi": {"en": "Result KPIs", "zh_CN": "效果KPI"},
    "status_change": {"en": "Status history", "zh_CN": "状态历史"},
}


def file_message(key: str, language: str, **params: Any) -> str:
    """What is wrong with a file (or a word of the import's report), in ``language``."""
    table = FILE_MESSAGES.get(key) or REPORT_WORDS[key]
    template = table.get(language) or table[SOURCE_LANGUAGE]
    return template.format(**params)
