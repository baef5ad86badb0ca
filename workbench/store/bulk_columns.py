"""A batch of rows of one table, converted column by column: the driver's parameters and
the audit snapshots of a bulk write (workbench.store.bulk).

Row by row, a million rows are tens of millions of conversions in Python (a date to
its text, an id to its audit text). Column by column most of them go away: a column of
texts or of integers is converted by built-in functions over the whole column, and a
column whose values repeat (the write's time on every row, a sheet's dates, a handful of
ids) is converted once per distinct value. "Distinct" is by identity, not equality, so
values that are equal yet written differently (``1`` and ``True``, ``0.0`` and ``-0.0``)
are never taken for each other. What comes out is exactly what the row-by-row
conversion gives (tests/store/test_bulk_writer.py holds them side by side).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from workbench.store.audit import encode

_INT_TEXT = '"{}"'.format  # an int's audit text, as JSON: its digits, quoted


def each(convert: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    """``[convert(v) for v in values]``, converting each distinct object once when
    most of them repeat."""
    keys = list(map(id, values))
    distinct = dict(zip(keys, values, strict=True))
    if 2 * len(distinct) > len(values):
        return list(map(convert, values))
    converted = {key: convert(value) for key, value in distinct.items()}
    return list(map(converted.__getitem__, keys))


def by_column(rows: Sequence[Mapping[str, Any]], names: Sequence[str]) -> list[list[Any]]:
    """The rows' values column by column, in the order of ``names`` (KeyError: a row
    lacks one)."""
    return [list(map(itemgetter(name), rows)) for name in names]


def _audit_text(value: Any) -> str:
    text = encode(value)
    return "null" if text is None else encode_basestring(text)


def _audit_texts(values: list[Any]) -> list[str]:
    """Each value's audit text (``audit.encode``) as JSON."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return list(map(encode_basestring, values))
    if kinds == {int}:
        return list(map(_INT_TEXT, values))
    return each(_audit_text, values)


def snapshots(rows: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> list[str]:
    """``audit.snapshot(row)`` of each row, whose keys are ``keys`` (every row the same)."""
    ordered = sorted(keys)  # as json.dumps(sort_keys=True), with its ", " and ": "
    fields = (encode_basestring(key).replace("%", "%%") + ": %s" for key in ordered)
    template = "{" + ", ".join(fields) + "}"
    texts = [_audit_texts(column) for column in by_column(rows, ordered)]
    return list(map(template.__mod__, zip(*texts, strict=True))) if texts else ["{}"] * len(rows)
