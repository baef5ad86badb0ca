"""A term (a stored key with its name and explanation in every language) and a vocabulary
(the ordered terms one field may hold)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.vocabulary.languages import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Term:
    key: str
    names: Mapping[str, str]  # language → label
    hints: Mapping[str, str] = field(default_factory=dict)  # language → one-line explanation

    def label(self, language: str) -> str:
        return self.names.get(language) or self.names[SOURCE_LANGUAGE]

    def hint(self, language: str) -> str:
        """The explanation for a tooltip; "" when the term needs none."""
        return self.hints.get(language) or self.hints.get(SOURCE_LANGUAGE, "")


def term(key: str, en: str, zh_cn: str, hint_en: str = "", hint_zh_cn: str = "") -> Term:
    hints = {"en": hint_en, "zh_CN": hint_zh_cn} if hint_en else {}
    return Term(key, {"en": en, "zh_CN": zh_cn}, hints)


@dataclass(frozen=True)
class Vocabulary:
    """The values one field may hold, in the order they are offered."""

    name: str
    title: Term  # the vocabulary as a whole, e.g. 五大隐性成本
    terms: tuple[Term, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.terms)

    def term(self, key: str) -> Term | None:
        return next((t for t in self.terms if t.key == key), None)

    def label(self, key: str | None, language: str) -> str:
        """The label of a stored key; "" for none, the key itself when it is unknown."""
        if key is None:
            return ""
        found = self.term(key)
        return found.label(language) if found else key

    def choices(self, language: str) -> list[tuple[str, str]]:
        """(key, label) pairs in order, for a list to choose from."""
        return [(t.key, t.label(language)) for t in self.terms]
