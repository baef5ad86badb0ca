"""Two people, one record: a save based on an old version is refused, never lost."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from workbench.app import open_services
from workbench.services import Services
from workbench.services.chain import SOLUTION
from workbench.services.errors import ConflictError
from workbench.settings import Settings
from workbench.store.models import AuditEntry


def test_the_second_save_of_the_same_version_is_refused(
    services: Services, db_path, new_problem
) -> None:
    problem = new_problem(title="库存差异率高")
    colleague = open_services(str(db_path), Settings(user="王芳"))
    try:
        colleague.problems.update(problem.id, {"title": "库存差异率偏高"}, problem.version)
        with pytest.raises(ConflictError) as caught:
            services.problems.update(problem.id, {"title": "盘点差异大"}, problem.version)
    finally:
        colleague.close()
    (conflict,) = caught.value.conflicts
    assert (conflict.by, conflict.fields) == ("王芳", ("title", "updated_at"))
    assert services.problems.get(problem.id).title == "库存差异率偏高"


def test_a_chain_link_is_guarded_too(services: Services, full_chain) -> None:
    solution = full_chain.causes[0].solutions[0]
    services.chain.update(SOLUTION, solution.id, {"status": "in_progress"}, solution.version)
    with pytest.raises(ConflictError):
        services.chain.update(SOLUTION, solution.id, {"status": "done"}, solution.version)


def test_two_writers_on_one_field_lose_nothing(services: Services, db_path, new_problem) -> None:
    """Each writer reads, then saves its own text with the version it read, many times."""
    problem = new_problem(title="起点")
    saved: list[tuple[str, str]] = []  # (the title the writer saw, the title it saved)
    refused = 0
    lock = threading.Lock()

    def writer(name: str) -> None:
        nonlocal refused
        mine = open_services(str(db_path), Settings(user=name))
        try:
            for n in range(40):
                seen = mine.problems.get(problem.id)
                title = f"{name}-{n}"
                try:
                    mine.problems.update(problem.id, {"title": title}, seen.version)
                except ConflictError:
                    with lock:
                        refused += 1
                else:
                    with lock:
                        saved.append((seen.title, title))
        finally:
            mine.close()

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with services.database.read() as session:
        history = session.execute(
            select(AuditEntry.old_value, AuditEntry.new_value)
            .where(AuditEntry.entity == "problem", AuditEntry.field == "title")
            .order_by(AuditEntry.id)
        ).all()
    # Every save that succeeded replaced exactly the title its writer had seen: none was
    # overwritten unseen, and the refused ones were told instead of silently dropped.
    assert sorted(saved) == sorted((old, new) for old, new in history)
    assert len(saved) + refused == 80
    assert services.problems.get(problem.id).title == history[-1][1]
