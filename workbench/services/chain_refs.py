"""How the whole record's workbook names a link of a problem's chain: a cause by its
problem's code and its position ("P-2026-0001/1"), a solution by its cause's name and
its position ("P-2026-0001/1/2"), a result likewise ("P-2026-0001/1/2/1"), each position
counted in the order the links were added (their ids). The export writes these names and
the import finds the records by them (workbench.transfer.record_kinds,
workbench.services.importing_record), so both count the same way here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Pairs = Iterable[tuple[int, int]]  # (id, parent's id)


def chain_refs(
    codes: Mapping[int, str], causes: Pairs, solutions: Pairs, results: Pairs
) -> dict[str, dict[int, str]]:
    """Each cause's, solution's and result's name by id; ``codes`` the problems' codes."""
    found: dict[str, dict[int, str]] = {}
    parents: Mapping[int, str] = codes
    for kind, links in (("cause", causes), ("solution", solutions), ("result", results)):
        counted: dict[int, int] = {}
        named: dict[int, str] = {}
        for link, parent in sorted(links):
            counted[parent] = counted.get(parent, 0) + 1
            named[link] = f"{parents[parent]}/{counted[parent]}"
        found[kind] = named
        parents = named
    return found
