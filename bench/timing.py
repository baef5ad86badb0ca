"""Small timing helpers: medians of repeated runs, whole-process timings."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_ms(actions: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """Medians of actions run in turn, round after round, so machine noise (other work on
    a shared machine) hits each alike; in the order given."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for spent, action in zip(times, actions, strict=True):
            start = time.perf_counter()
            action()
            spent.append((time.perf_counter() - start) * 1000)
    return [statistics.median(spent) for spent in times]


def process_ms(args: Sequence[str], env: dict[str, str]) -> float:
    """From starting the process to the moment it prints (a wall-clock time.time())."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, *args], check=True, env=env, capture_output=True, text=True
    )
    return (float(done.stdout.split()[0]) - start) * 1000


def paired_process_ms(
    first: Sequence[str], second: Sequence[str], env: dict[str, str], repeat: int
) -> tuple[float, float]:
    """Medians of two commands run in turn, so machine noise hits both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a.append(process_ms(first, env))
        b.append(process_ms(second, env))
    return statistics.median(a), statistics.median(b)
