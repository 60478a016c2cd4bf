"""The time-expression resolver stays linear on inputs that make regexes backtrack.

Each input is resolved at n characters and at 8n; linear growth gives a CPU-time ratio of
about 8 and quadratic about 64. CPU time of this thread, not wall time, so a busy machine
does not make the check flaky; the speed itself is measured in bench/text_speed.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest

from dateline.analyse.timex import find_time_expressions

SP = " "
REF = date(2025, 5, 9)
# name -> text of about n characters
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "month, spaces, comma": lambda n: "May" + SP * n + ",",
    "month, spaces, year": lambda n: "January" + SP * n + "2025",
    "on, spaces, weekday": lambda n: "on" + SP * n + "Monday",
    "number runs": lambda n: "7 " * (n // 2),
    "between runs": lambda n: "between " * (n // 8),
    "weekday ranges": lambda n: "Monday to " * (n // 10),
    "year dashes": lambda n: "1995-" * (n // 5),
    "slash dates": lambda n: "12/" * (n // 3),
    "the, spaces, year": lambda n: "the" + SP * n + "year",
    "ordinal runs": lambda n: "3rd " * (n // 4),
}
N = 2_500
GROWTH = 8
REPEAT = 5
MAX_RATIO = 24.0


def _best(text: str) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.thread_time()
        find_time_expressions(text, REF)
        times.append(time.thread_time() - start)
    return min(times)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_resolving_time_grows_linearly(name: str) -> None:
    make = PATHOLOGICAL[name]
    small, large = make(N), make(GROWTH * N)
    find_time_expressions(small, REF)  # warm the pattern caches
    ratio = _best(large) / max(_best(small), 1e-4)
    assert ratio < MAX_RATIO, f"{name}: {GROWTH}x input took {ratio:.1f}x the time"
