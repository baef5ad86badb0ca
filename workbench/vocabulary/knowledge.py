"""The knowledge base's (知识库) own words: a usage champion's (使用冠军) tips and FAQs,
their statuses, fields, and the record kinds as the search box groups them.

Stored as the English keys, named in every language, as the record's other
vocabularies (workbench.vocabulary.domain lists these among them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from workbench.vocabulary.base import Term, Vocabulary, term

KNOWLEDGE_KIND: Final = Vocabulary(
    "knowledge_kind",
    term(
        "knowledge_kind",
        "Kind of entry",
        "条目类型",
        "A tip: an efficient way of working a usage champion found. An FAQ: a question "
        "people keep asking, with its answer.",
        "技巧：使用冠军发现的高效操作方法。常见问题：大家反复问到的问题及其解答。",
    ),
    (
        term("tip", "Tip", "技巧"),
        term("faq", "FAQ", "常见问题"),
    ),
)

KNOWLEDGE_STATUS: Final = Vocabulary(
    "knowledge_status",
    term(
        "knowledge_status",
        "Status",
        "状态",
        "Draft while written, published when people may rely on it, outdated after a "
        "process change (kept and shown as outdated, never deleted silently).",
        "编写中为草稿，可供大家使用时为已发布，流程变更后为已过时（保留并标注过时，不会被悄悄删除）。",
    ),
    (
        term("draft", "Draft", "草稿"),
        term("published", "Published", "已发布"),
        term("outdated", "Outdated", "已过时"),
    ),
)

KNOWLEDGE_KINDS: Final = (
    term(
        "knowledge_entry",
        "Knowledge entry",
        "知识条目",
        "A tip or an FAQ written by a usage champion, linked to the problems, causes, "
        "solutions and training sessions it relates to.",
        "使用冠军编写的技巧或常见问题，可关联相关的问题、原因、解决方案和培训记录。",
    ),
    term("knowledge_link", "Knowledge link", "知识关联"),
    term("knowledge_vote", "Helpful vote", "有用投票"),
)


def _by_key(*terms: Term) -> Mapping[str, Term]:
    return {t.key: t for t in terms}


KNOWLEDGE_FIELDS: Final[Mapping[str, Mapping[str, Term]]] = {
    "knowledge_entry": _by_key(
        term("kind", "Kind", "类型", *KNOWLEDGE_KIND.title.hints.values()),
        term("title", "Title or question", "标题或问题"),
        term("body", "Body or answer", "正文或解答", "Markdown.", "Markdown 格式。"),
        term("erp_module_id", "ERP module", "ERP模块"),
        term("tags", "Tags", "标签"),
        term("author", "Author", "作者"),
        term("status", "Status", "状态", *KNOWLEDGE_STATUS.title.hints.values()),
        term("created_at", "Created", "创建时间"),
        term("updated_at", "Updated", "更新时间"),
        term(
            "links",
            "Related records",
            "关联记录",
            "Codes of the problems (P-…) or training sessions (T-…) this entry answers.",
            "本条目所解答的问题（P-…）或培训记录（T-…）的编号。",
        ),
    ),
    "knowledge_link": _by_key(
        term("entry_id", "Knowledge entry", "知识条目"),
        term("problem_id", "Problem", "问题"),
        term("cause_id", "Cause", "原因"),
        term("solution_id", "Solution", "解决方案"),
        term("session_id", "Training session", "培训记录"),
    ),
    "knowledge_vote": _by_key(
        term("entry_id", "Knowledge entry", "知识条目"),
        term("voter", "Voter", "投票人"),
        term("helpful", "Helpful", "有用"),
    ),
}
