"""One vocabulary for the whole program, Qt-free: the languages it speaks and how one is
chosen, and every domain term (a stored key with its name, and for some an explanation,
in each language).

The window (workbench.ui.labels), the commands, the reports and the spreadsheets all name
things from here, so a status or a field is called the same everywhere. Stored values are
the terms' English keys; names are looked up when shown.
"""

from __future__ import annotations

from workbench.vocabulary.base import Term, Vocabulary
from workbench.vocabulary.domain import (
    CAUSE_CATEGORY,
    DIRECTION,
    FREQUENCY,
    GOVERNANCE_PATH,
    HIDDEN_COST,
    RECORD_KIND,
    ROLE,
    SOLUTION_KIND,
    SOLUTION_STATUS,
    STATUS,
    TRANSITION,
    VOCABULARIES,
    transition_name,
)
from workbench.vocabulary.failures import schema_message, storage_message
from workbench.vocabulary.fields import FIELDS, field_hint, field_label, field_term, known_fields
from workbench.vocabulary.improvements import IMPROVEMENT_STATUS
from workbench.vocabulary.knowledge import KNOWLEDGE_KIND, KNOWLEDGE_STATUS
from workbench.vocabulary.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    SOURCE_LANGUAGE,
    resolve_language,
    supported,
    system_language,
)
from workbench.vocabulary.messages import TEMPLATES, FieldErrorLike, field_error
from workbench.vocabulary.pilots import (
    CRITERION_MEASURE,
    DECISION,
    PILOT_STATUS,
    PILOT_TEXT,
    ROLLOUT_STATUS,
    pilot_text,
)
from workbench.vocabulary.reports import REPORT_TEXT, report_text
from workbench.vocabulary.training import TRAINING_KIND

__all__ = [
    "CAUSE_CATEGORY",
    "CRITERION_MEASURE",
    "DECISION",
    "DEFAULT_LANGUAGE",
    "DIRECTION",
    "FIELDS",
    "FREQUENCY",
    "GOVERNANCE_PATH",
    "HIDDEN_COST",
    "IMPROVEMENT_STATUS",
    "KNOWLEDGE_KIND",
    "KNOWLEDGE_STATUS",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "PILOT_STATUS",
    "PILOT_TEXT",
    "RECORD_KIND",
    "REPORT_TEXT",
    "ROLE",
    "ROLLOUT_STATUS",
    "SOLUTION_KIND",
    "SOLUTION_STATUS",
    "SOURCE_LANGUAGE",
    "STATUS",
    "TEMPLATES",
    "TRAINING_KIND",
    "TRANSITION",
    "VOCABULARIES",
    "FieldErrorLike",
    "Term",
    "Vocabulary",
    "choices",
    "field_error",
    "field_hint",
    "field_label",
    "field_term",
    "hint",
    "known_fields",
    "label",
    "pilot_text",
    "report_text",
    "resolve_language",
    "schema_message",
    "storage_message",
    "supported",
    "system_language",
    "transition_name",
]


def label(vocabulary: str, key: str | None, language: str) -> str:
    """The name of a stored key, e.g. label("status", "open", "zh_CN") → "待处理"."""
    return VOCABULARIES[vocabulary].label(key, language)


def choices(vocabulary: str, language: str) -> list[tuple[str, str]]:
    """(key, name) pairs in the vocabulary's order, for a list to choose from."""
    return VOCABULARIES[vocabulary].choices(language)


def hint(vocabulary: str, key: str | None, language: str) -> str:
    """The explanation of a stored key for a tooltip; "" when there is none. With key None,
    the explanation of the vocabulary itself (e.g. what the five hidden costs are)."""
    found = VOCABULARIES[vocabulary]
    chosen = found.title if key is None else found.term(key)
    return chosen.hint(language) if chosen else ""
