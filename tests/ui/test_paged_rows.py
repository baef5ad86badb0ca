"""A long list read a page at a time: a row is read with its page the first time it is
asked for, once; where a record is comes from the pages read, else from ``locate``."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.ui.paged_rows import PAGE, PagedRows


@dataclass(frozen=True)
class Row:
    id: int


def test_rows_are_read_a_page_at_a_time_and_found_by_id():
    ids = [1000 + n for n in range(PAGE * 2 + 7)]  # two pages and a bit
    reads: list[tuple[int, int]] = []
    located: list[int] = []

    def fetch(first: int, count: int) -> list[Row]:
        reads.append((first, count))
        return [Row(i) for i in ids[first : first + count]]

    def locate(record_id: int) -> int | None:
        located.append(record_id)
        return ids.index(record_id) + 1 if record_id in ids else None

    rows = PagedRows()
    rows.show(len(ids), fetch, locate)
    assert rows.count == len(ids) and reads == []  # nothing read before it is shown
    assert rows.row(3) == Row(1003) and rows.row(PAGE - 1) == Row(1000 + PAGE - 1)
    assert reads == [(0, PAGE)]  # one read for the first screen
    assert rows.row_of(1005) == 5 and located == []  # on a page read: no query
    assert rows.row_of(ids[-1]) == len(ids) - 1 and located == [ids[-1]]
    assert rows.row(len(ids) - 1) == Row(ids[-1]) and reads[-1] == (PAGE * 2, PAGE)
    assert rows.row(len(ids)) is None and rows.row(-1) is None
    assert rows.row_of(1) is None
    rows.show(3, fetch, locate)  # shown again: what was read is forgotten
    assert rows.row(0) == Row(1000) and reads[-1] == (0, PAGE)
