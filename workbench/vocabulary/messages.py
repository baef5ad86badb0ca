"""What is wrong with a field, said in every language: the templates for a field error's
code, filled with the field's name and the error's parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol

from workbench.vocabulary.domain import SOLUTION_STATUS, STATUS
from workbench.vocabulary.fields import field_label
from workbench.vocabulary.improvements import IMPROVEMENT_STATUS
from workbench.vocabulary.kpis import KPI_TEMPLATES
from workbench.vocabulary.languages import SOURCE_LANGUAGE
from workbench.vocabulary.pilots import PILOT_TEMPLATES


class FieldErrorLike(Protocol):
    """What a message needs of an error (workbench.services.errors.FieldError has it)."""

    @property
    def field(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> Mapping[str, Any]: ...


# code → language → template. {field} is the field's name; the rest are the error's params.
TEMPLATES: Final[Mapping[str, Mapping[str, str]]] = {
    "required": {"en": "{field} is required.", "zh_CN": "{field}为必填项。"},
    "too_long": {
        "en": "{field} is longer than {limit} characters.",
        "zh_CN": "{field}超过{limit}个字符。",
    },
    "not_a_number": {"en": "{field} is not a number.", "zh_CN": "{field}不是数字。"},
    "decimal_comma": {
        "en": "{field} has a comma: write decimals after a point (2.0), without separators.",
        "zh_CN": "{field}含有逗号：小数请用小数点（如 2.0），不要用分隔符。",
    },
    "too_many_decimals": {
        "en": "{field} has more than {limit} decimals.",
        "zh_CN": "{field}的小数位超过{limit}位。",
    },
    "not_a_whole_number": {
        "en": "{field} must be a whole number.",
        "zh_CN": "{field}必须是整数。",
    },
    "out_of_range": {
        "en": "{field} must be between {low} and {high}.",
        "zh_CN": "{field}必须在{low}到{high}之间。",
    },
    "not_a_date": {
        "en": "{field} is not a date (YYYY-MM-DD).",
        "zh_CN": "{field}不是日期（YYYY-MM-DD）。",
    },
    "unknown_choice": {
        "en": "{field} has a value that is not in the list.",
        "zh_CN": "{field}的值不在列表中。",
    },
    "date_order": {
        "en": "{field} must not be before {other}.",
        "zh_CN": "{field}不能早于{other}。",
    },
    "too_many": {"en": "{field} has more than {limit} steps.", "zh_CN": "{field}超过{limit}步。"},
    "transition": {
        "en": "{field} cannot go from {current} to {wanted}.",
        "zh_CN": "{field}不能从“{current}”变为“{wanted}”。",
    },
    "needs_verified_result": {
        "en": "A problem can be closed only with at least one verified result.",
        "zh_CN": "问题至少要有一个已验证的效果才能关闭。",
    },
    "solution_not_finished": {
        "en": "Solution “{title}” is still {solution_status}: a problem closes only when "
        "each solution is done or cancelled.",
        "zh_CN": "解决方案“{title}”仍为“{solution_status}”：每个解决方案都已完成或已取消，"
        "问题才能关闭。",
    },
    "closed_read_only": {
        "en": "The problem is closed: reopen it to edit it.",
        "zh_CN": "问题已关闭：请先重新打开再编辑。",
    },
    "reason_required": {
        "en": "Say why: a reason is required.",
        "zh_CN": "请说明原因：原因为必填项。",
    },
    "four_eyes": {
        "en": "You entered this result's values, so someone else verifies it (the "
        "four-eyes rule). A one-person plant can relax the rule in Settings.",
        "zh_CN": "此效果的数值由您录入，须由他人验证（四眼原则）。单人工厂可在设置中放宽此规则。",
    },
    "not_a_list": {"en": "{field} must be a list of steps.", "zh_CN": "{field}必须是步骤列表。"},
    "required_to_verify": {
        "en": "Enter the value after before verifying the result.",
        "zh_CN": "请先填写改进后值，再验证效果。",
    },
    "duplicate": {"en": "{value} already exists.", "zh_CN": "{value}已存在。"},
    "attachment_too_large": {
        "en": "{value} is larger than the limit of {limit} for an attachment.",
        "zh_CN": "{value}超过附件大小上限{limit}。",
    },
    "attachment_empty": {
        "en": "{value} is empty: there is nothing to attach.",
        "zh_CN": "{value}是空文件，无法添加为附件。",
    },
    "attachment_gone": {
        "en": "The file {value} can no longer be brought back: its content is no longer kept.",
        "zh_CN": "文件{value}已无法恢复：其内容已不再保留。",
    },
    "unknown_reference": {
        "en": "{field} refers to an entry that does not exist.",
        "zh_CN": "{field}引用的条目不存在。",
    },
    "unknown_code": {
        "en": "{field}: no problem has the code {value}.",
        "zh_CN": "{field}：没有编号为 {value} 的问题。",
    },
    # The quarterly improvement list (workbench.services.improvements).
    "not_a_quarter": {
        "en": "{field} is not a quarter (e.g. 2026Q3).",
        "zh_CN": "{field}不是季度（例如 2026Q3）。",
    },
    "item_transition": {
        "en": "{field} cannot go from {item_current} to {item_wanted}.",
        "zh_CN": "{field}不能从“{item_current}”变为“{item_wanted}”。",
    },
    "initial_status": {
        "en": "A new item is proposed or committed, not {item_wanted}.",
        "zh_CN": "新事项只能是“提议”或“已承诺”，不能是“{item_wanted}”。",
    },
    "note_required_to_drop": {
        "en": "Say why it is dropped: a decision note is required.",
        "zh_CN": "请说明放弃的原因：决策说明为必填项。",
    },
    "needs_problem": {
        "en": "An improvement item addresses at least one problem.",
        "zh_CN": "优化事项至少要关联一个问题。",
    },
    "carried_on": {
        "en": "This item was carried over to {value}: delete that one first.",
        "zh_CN": "此事项已结转到 {value}：请先删除该事项。",
    },
    "not_later": {
        "en": "{field} must be a later quarter than {value}.",
        "zh_CN": "{field}必须晚于{value}。",
    },
    "nothing_committed": {
        "en": "{value} has no committed item: commit the list before freezing it.",
        "zh_CN": "{value}没有已承诺的事项：请先承诺清单再冻结。",
    },
    "already_frozen": {
        "en": "The list of {value} is already frozen.",
        "zh_CN": "{value}的清单已冻结。",
    },
    "not_editable": {
        "en": "{field} cannot be changed once the item is made.",
        "zh_CN": "事项创建后不能更改{field}。",
    },
    # The training records (workbench.services.training).
    "already_attending": {
        "en": "{value} is already on the attendance list.",
        "zh_CN": "{value}已在参训名单中。",
    },
    "not_attending": {
        "en": "{value} is not on the attendance list.",
        "zh_CN": "{value}不在参训名单中。",
    },
    "one_target": {
        "en": "A training link names a problem or a solution, one of the two.",
        "zh_CN": "培训关联只能指向一个问题或一个解决方案，二者择一。",
    },
    "person_left": {
        "en": "{value} left on {title}: they can no longer attend a later session.",
        "zh_CN": "{value}已于{title}离职，不能参加之后的培训。",
    },
    "not_in_list": {
        "en": "{field} must be between 1 and {high}.",
        "zh_CN": "{field}必须在1到{high}之间。",
    },
    # The knowledge base (workbench.services.knowledge).
    "one_link_target": {
        "en": "A knowledge link names one problem, cause, solution or training session.",
        "zh_CN": "知识关联只能指向一个问题、原因、解决方案或培训记录。",
    },
    "status_move": {
        "en": "{field} cannot go from {value} to {title}.",
        "zh_CN": "{field}不能从{value}改为{title}。",
    },
    **PILOT_TEMPLATES,
    **KPI_TEMPLATES,
}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value or "")


def field_error(error: FieldErrorLike, language: str, kind: str | None = None) -> str:
    """``error`` in ``language``, naming the field; a code without a template keeps the
    error's own (English) message after the field's name."""
    name = field_label(error.field, language, kind)
    templates = TEMPLATES.get(error.code)
    if templates is None:
        return f"{name}: {error.message}"
    params = error.params
    values = dict(
        field=name,
        limit=str(params.get("limit", "")),
        low=_number(params.get("low", 0)),
        high=_number(params.get("high", 0)),
        other=field_label(str(params.get("other", "")), language, kind),
        current=STATUS.label(params.get("current"), language),
        wanted=STATUS.label(params.get("wanted"), language),
        value=str(params.get("value", "")),
        title=str(params.get("title", "")),
        solution_status=SOLUTION_STATUS.label(params.get("solution_status"), language),
        item_current=IMPROVEMENT_STATUS.label(params.get("current"), language),
        item_wanted=IMPROVEMENT_STATUS.label(params.get("wanted"), language),
    )
    template = templates.get(language) or templates[SOURCE_LANGUAGE]
    return template.format_map(values)
