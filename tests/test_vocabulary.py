"""The one vocabulary: every term named in every language, the stored keys unchanged,
field errors said in Chinese without Qt, and the language chosen the same way everywhere."""

from __future__ import annotations

import pytest

from workbench import vocabulary
from workbench.services.errors import FieldError
from workbench.services.kinds import KINDS
from workbench.settings import Settings
from workbench.vocabulary import LANGUAGES, VOCABULARIES, resolve_language, system_language

# What databases already hold: changing a key would orphan stored values.
STORED_KEYS = {
    "status": ("open", "analysing", "solving", "verifying", "closed", "rejected"),
    "hidden_cost": (
        "process_misalignment",
        "data_governance",
        "change_management",
        "cross_department",
        "customisation_debt",
    ),
    "governance_path": (
        "goals_ownership",
        "data_governance",
        "value_stream",
        "change_management",
        "kpi_incentives",
        "technical_architecture",
        "pilot_iteration",
        "digital_tools",
        "continuous_improvement",
    ),
    "frequency": ("several_daily", "daily", "weekly", "monthly", "rarely"),
    "category": ("process", "data", "people", "system", "organisation"),
    "kind": ("corrective", "preventive", "improvement"),
    "solution_status": ("planned", "in_progress", "done", "cancelled"),
    "direction": ("lower", "higher"),
    "role": ("change_agent", "usage_champion", "project_manager"),
}


@pytest.mark.parametrize("name", sorted(STORED_KEYS))
def test_stored_keys_are_the_ones_databases_hold(name):
    assert VOCABULARIES[name].keys == STORED_KEYS[name]


def test_every_term_and_field_is_named_in_every_language():
    terms = [t for v in VOCABULARIES.values() for t in (v.title, *v.terms)]
    terms += [t for kind in vocabulary.FIELDS.values() for t in kind.values()]
    unnamed = [
        f"{t.key} ({lang})" for t in terms for lang in LANGUAGES if not t.names.get(lang, "")
    ]
    assert not unnamed
    chinese = [t.label("zh_CN") for t in terms if t.key not in ("forward", "back")]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in chinese), chinese


def test_the_glossary_terms_carry_their_chinese_names_and_explanations():
    assert vocabulary.label("hidden_cost", "data_governance", "zh_CN") == "数据治理短板"
    assert vocabulary.label("governance_path", "pilot_iteration", "zh_CN") == "试点迭代推广"
    assert vocabulary.HIDDEN_COST.title.label("zh_CN") == "五大隐性成本"
    assert vocabulary.GOVERNANCE_PATH.title.label("zh_CN") == "九大治理路径"
    assert len(vocabulary.HIDDEN_COST.terms) == 5 and len(vocabulary.GOVERNANCE_PATH.terms) == 9
    for vocab in (vocabulary.HIDDEN_COST, vocabulary.GOVERNANCE_PATH, vocabulary.ROLE):
        for key in (None, *vocab.keys):
            assert vocabulary.hint(vocab.name, key, "zh_CN"), (vocab.name, key)
            assert vocabulary.hint(vocab.name, key, "en"), (vocab.name, key)
    field = vocabulary.field_term("hidden_cost", "problem")
    assert field is not None
    assert field.hint("zh_CN") == vocabulary.hint("hidden_cost", None, "zh_CN")


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_field_a_service_checks_has_a_name(kind):
    missing = [name for name in kind.fields if vocabulary.field_term(name, kind.name) is None]
    assert not missing


def test_a_key_without_a_term_shows_as_itself_and_none_as_nothing():
    assert vocabulary.label("status", "archived", "zh_CN") == "archived"
    assert vocabulary.label("status", None, "zh_CN") == ""
    assert vocabulary.field_label("no_such_field", "zh_CN") == "no_such_field"


@pytest.mark.parametrize(
    ("error", "en", "zh"),
    [
        (
            FieldError("title", "too_long", "", {"limit": 200}),
            "Title is longer than 200 characters.",
            "标题超过200个字符。",
        ),
        (
            FieldError("severity", "out_of_range", "", {"low": 1.0, "high": 5.0}),
            "Severity must be between 1 and 5.",
            "严重度必须在1到5之间。",
        ),
        (
            FieldError("due_on", "date_order", "", {"other": "reported_on"}),
            "Due on must not be before Reported on.",
            "截止日期不能早于报告日期。",
        ),
        (
            FieldError("status", "transition", "", {"current": "open", "wanted": "closed"}),
            "Status cannot go from Open to Closed.",
            "状态不能从“待处理”变为“已关闭”。",
        ),
        (
            FieldError("name", "duplicate", "", {"value": "采购"}),
            "采购 already exists.",
            "采购已存在。",
        ),
        (
            FieldError("title", "unknown_field", "is not a field of this record"),
            "Title: is not a field of this record",
            "标题: is not a field of this record",
        ),
    ],
)
def test_field_errors_are_said_in_both_languages(error, en, zh):
    assert vocabulary.field_error(error, "en") == en
    assert vocabulary.field_error(error, "zh_CN") == zh


@pytest.mark.parametrize(
    ("current", "target", "en", "zh"),
    [
        ("open", "analysing", "→ Analysing", "→ 分析中"),
        ("solving", "analysing", "← Analysing", "← 分析中"),
        ("verifying", "rejected", "Reject", "驳回"),
        ("closed", "analysing", "Reopen", "重新打开"),
    ],
)
def test_status_changes_are_named(current, target, en, zh):
    assert vocabulary.transition_name(current, target, "en") == en
    assert vocabulary.transition_name(current, target, "zh_CN") == zh


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "Chinese (Simplified)_China"}, "zh_CN"),
    ],
)
def test_language_follows_the_system_locale(environ, expected):
    assert system_language(environ) == expected


def test_language_asked_beats_settings_which_beat_the_system():
    chinese_system = {"LANG": "zh_CN.UTF-8"}
    english = Settings(language="en")
    assert resolve_language("zh_CN", english, chinese_system) == "zh_CN"
    assert resolve_language(None, english, chinese_system) == "en"
    assert resolve_language(None, Settings(), chinese_system) == "zh_CN"  # "" follows the system
    assert resolve_language("klingon", Settings(language="xx"), {"LANG": "C"}) in LANGUAGES


def test_the_language_in_saved_settings_is_used_when_none_is_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    Settings(language="zh_CN").save()
    assert resolve_language() == "zh_CN"


def test_every_failure_is_said_in_every_language_with_the_same_blanks():
    import string

    from workbench.vocabulary.failures import SCHEMA, STORAGE

    for templates in (STORAGE, SCHEMA):
        for reason, texts in templates.items():
            assert set(texts) == set(LANGUAGES), reason
            blanks = {
                language: {name for _, name, _, _ in string.Formatter().parse(text) if name}
                for language, text in texts.items()
            }
            assert len({frozenset(names) for names in blanks.values()}) == 1, reason


def test_a_failure_reads_the_same_on_the_command_line_and_in_the_window_in_chinese():
    from workbench.store.errors import StorageError
    from workbench.store.migrate import SchemaError

    busy = StorageError("busy", "database is locked")
    assert str(busy) == vocabulary.storage_message("busy", "database is locked", "en")
    assert vocabulary.storage_message("busy", "", "zh_CN").startswith("数据库正忙")
    newer = SchemaError("newer", found="0009", known="0004")
    assert "0009" in str(newer) and "newer Governance Workbench" in str(newer)
    assert "0009" in vocabulary.schema_message("newer", newer.params, "zh_CN")
