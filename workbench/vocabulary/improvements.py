"""The quarterly improvement list's (季度优化清单) own words: the statuses an item moves
through, proposed → committed → in progress → done, or dropped.

Stored as the English keys, named in every language, as the record's other vocabularies
(workbench.vocabulary.domain, which lists this one among them).
"""

from __future__ import annotations

from typing import Final

from workbench.vocabulary.base import Vocabulary, term

IMPROVEMENT_STATUS: Final = Vocabulary(
    "improvement_status",
    term(
        "improvement_status",
        "Status",
        "状态",
        "Where an item of the quarterly improvement list stands: proposed, committed by the "
        "team, in progress, done, or dropped with a note on the decision.",
        "季度优化清单条目的进展：提议、团队已承诺、进行中、已完成，或附决策说明后放弃。",
    ),
    (
        term("proposed", "Proposed", "提议"),
        term("committed", "Committed", "已承诺"),
        term("in_progress", "In progress", "进行中"),
        term("done", "Done", "已完成"),
        term("dropped", "Dropped", "已放弃"),
    ),
)
