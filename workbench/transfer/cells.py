"""A spreadsheet cell as a field's value: dates as Excel writes them, words for list values.

``read_cell(spec, cell, vocabulary)`` turns a cell into what the field's ``check`` takes,
or says why it cannot (``CellError``, with the reason's code for the report). Dates come
as date cells, Excel serial numbers, 2026/7/1, 2026-07-01, 2026.7.1 or 2026年7月1日 (an
impossible one such as 2026-02-30 is refused, never moved); a list value (status,
frequency …) as its key or its name in either language or a plant's word for it
(workbench.vocabulary.transfer); a frequency also as a count a month; severity and
impact as 1–5 or 高/中/低. Everything else goes to the field's own check as text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.services.fields import Spec
from workbench.vocabulary import VOCABULARIES, Vocabulary
from workbench.vocabulary.transfer import FREQUENCY_PER_MONTH, LEVEL_WORDS, VALUE_WORDS

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Lotus's leap-year slip kept)
_SERIALS = (1, 2_958_465)  # 1900-01-01 … 9999-12-31
_DATE_TEXT = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$"
)
# A number of hours as people write it in a cell: 2小时, 1.5 h, 3 hours (the unit dropped).
_HOURS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:个?小时|h|hrs?|hours?)\s*$", re.IGNORECASE)
_FOLD = re.compile(r"[\s_\-（）()【】\[\]:：*＊/、.。]+")


@dataclass(frozen=True)
class CellError(Exception):
    """Why a cell is not a field's value: ``code`` (report word) and the cell as text."""

    code: str
    value: str
    choices: tuple[str, ...] = ()  # the keys allowed, named in the report's language


def fold(text: Any) -> str:
    """A header or name as matched: lower case, no spaces, brackets or punctuation."""
    return _FOLD.sub("", str(text)).lower()


def vocabulary_of(spec: Spec) -> Vocabulary | None:
    """The vocabulary whose keys are a choice field's choices."""
    if spec.kind != "choice":
        return None
    return next((v for v in VOCABULARIES.values() if v.keys == spec.choices), None)


def _words(vocabulary: Vocabulary) -> dict[str, str]:
    """Every word for each key, folded, and as written (a cell is most often that)."""
    words: dict[str, str] = {}
    extra = VALUE_WORDS.get(vocabulary.name, {})
    for term in vocabulary.terms:
        for word in (term.key, *term.names.values(), *extra.get(term.key, ())):
            words.setdefault(fold(word), term.key)
            words.setdefault(word, term.key)
    return words


_WORDS: dict[str, dict[str, str]] = {}


def choice_key(vocabulary: Vocabulary, cell: Any) -> str | None:
    """The stored key a cell names (by key, name or a plant's word), or None."""
    words = _WORDS.get(vocabulary.name)
    if words is None:
        words = _WORDS[vocabulary.name] = _words(vocabulary)
    return words.get(fold(cell))


def _shown(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_date(cell: Any) -> dt.date:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if _SERIALS[0] <= cell <= _SERIALS[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(cell))
        raise CellError("not_a_date", _shown(cell))
    text = str(cell).strip()
    found = _DATE_TEXT.match(text)
    if found is None:
        if text.isdigit() and _SERIALS[0] <= int(text) <= 80_000:  # a serial written as text
            return _EXCEL_EPOCH + dt.timedelta(days=int(text))
        raise CellError("not_a_date", text)
    try:
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError as error:  # 2026-02-30
        raise CellError("not_a_date", text) from error


def _frequency(cell: Any) -> str | None:
    try:
        count = float(str(cell).strip().rstrip("次"))
    except ValueError:
        return None
    for key, least in FREQUENCY_PER_MONTH:
        if count >= least:
            return key
    return "rarely" if count >= 0 else None


def _choice(spec: Spec, cell: Any) -> str:
    vocabulary = vocabulary_of(spec)
    if vocabulary is None:
        key = cell if cell in spec.choices else None
    else:
        key = choice_key(vocabulary, cell)
        if key is None and vocabulary.name == "frequency":
            key = _frequency(cell)
    if key is None:
        raise CellError("unknown_value", _shown(cell), spec.choices)
    return key


def _whole(cell: Any) -> Any:
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, str):
        level = LEVEL_WORDS.get(fold(cell))
        return level if level is not None else cell.strip()
    return cell


def read_cell(spec: Spec, cell: Any, field: str = "") -> Any:
    """The value ``check`` takes for ``cell`` (not None) of a field with ``spec``."""
    kind = spec.kind
    if kind == "date":
        return read_date(cell)
    if kind == "choice":
        return _choice(spec, cell)
    if kind == "int":
        return _whole(cell)
    if kind == "float":
        if isinstance(cell, str) and (hours := _HOURS.match(cell)):
            return hours.group(1)
        return cell if isinstance(cell, str) else _shown(cell) if isinstance(cell, int) else cell
    if kind == "bool":
        if isinstance(cell, bool):
            return cell
        word = fold(cell)
        if word in ("是", "yes", "true", "y", "1", "√", "✓"):
            return True
        if word in ("否", "no", "false", "n", "0", ""):
            return False
        raise CellError("unknown_value", _shown(cell), ("yes", "no"))
    if kind == "text":
        if isinstance(cell, dt.datetime | dt.date):
            return cell.isoformat()[:10] if not isinstance(cell, dt.datetime) else str(cell)
        return _shown(cell) if not isinstance(cell, str) else cell
    return cell


def reader(spec: Spec) -> Callable[[Any], Any]:
    """``read_cell`` for one field, with what it looks up done once (a million rows)."""
    if spec.kind == "text":
        return lambda cell: cell if type(cell) is str else read_cell(spec, cell)
    if spec.kind == "choice":
        vocabulary = vocabulary_of(spec)
        if vocabulary is not None:
            words = _WORDS.get(vocabulary.name) or _words(vocabulary)
            _WORDS[vocabulary.name] = words

            def choice(cell: Any) -> Any:
                found = words.get(cell) if type(cell) is str else None
                return found if found is not None else read_cell(spec, cell)

            return choice
    return lambda cell: read_cell(spec, cell)


def name_of(cell: Any) -> str:
    """A list entry's name as a cell gives it."""
    return _shown(cell)


def names_index(rows: Sequence[Mapping[str, Any]], *columns: str) -> dict[str, int]:
    """A list's ids by each of its rows' folded names (and codes, logins)."""
    index: dict[str, int] = {}
    for column in columns:
        for row in rows:
            if row.get(column):
                index.setdefault(fold(row[column]), int(row["id"]))
    return index


def choice_names(spec: Spec, keys: Sequence[str], language: str) -> str:
    """The allowed values of a field as the user calls them."""
    vocabulary = vocabulary_of(spec)
    names = [
        vocabulary.label(k, language) if vocabulary else _YES_NO.get(k, {}).get(language, k)
        for k in keys
    ]
    return ("、" if language.startswith("zh") else ", ").join(names)


_YES_NO = {"yes": {"zh_CN": "是", "en": "yes"}, "no": {"zh_CN": "否", "en": "no"}}
