"""Speed of the text stages on long and pathological inputs: the cleaner and the
time-expression resolver must stay linear (no catastrophic regex backtracking).

    .venv/bin/python bench/text_speed.py [--repeat 5] [--size 50000]

Prints the best of N runs per input, with the input's size. The cleaner's pathological
lines (one or more per cleaner pattern: long space runs between a pattern's parts,
repeated separators) are the ones tests/clean/test_linear.py checks for linear growth;
here each is cleaned at --size and at twice that, and the time ratio is printed (about 2
when linear, about 4 when quadratic).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dateline.analyse.timex import find_time_expressions
from dateline.clean import clean

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.clean.test_linear import PATHOLOGICAL  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from table import Table, add_json_flag  # noqa: E402

REF = date(2025, 11, 1)
PARAGRAPH = (
    "On Tuesday, the minister said talks held on February 7 , 2025 and from November 2 to 3 "
    "would resume next month. In September 2024 about 2000 people marched; last year the "
    "2011 Memorandum was renewed, and by the end of 2026 a new plan will be ready.\n"
)
NOISY_BLOCK = (
    "The two defence ministers met in Hà Nội to review cooperation on war legacies.",
    "",
    "Photo: the ministers at the welcome ceremony.",
    "Photo: the ministers at the welcome ceremony.",
    "",
    "imgcaption",
    "They agreed to expand the search for missing personnel next year.",
    "All times are ET .",
)
TEASERS = "\n\nSee more\n\n" + "\n\n".join(
    f"Other story number {i} about something else entirely" for i in range(6)
)

CASES: list[tuple[str, str, Callable[[str], object]]] = [
    ("clean: 5,000 noisy lines", "\n".join((NOISY_BLOCK * 700)[:5000]) + TEASERS, clean),
    ("clean: last line 'May' + 50k spaces + ','", "Text.\nMay" + " " * 50_000 + ",", clean),
    ("timex: 100k-char article", PARAGRAPH * (100_000 // len(PARAGRAPH)),
     lambda t: find_time_expressions(t, REF)),
    ("timex: 'May' + 50k spaces", "May" + " " * 50_000 + ",",
     lambda t: find_time_expressions(t, REF)),
    ("timex: '7 ' x 30k", "7 " * 30_000, lambda t: find_time_expressions(t, REF)),
    ("timex: 'between ' x 10k", "between " * 10_000, lambda t: find_time_expressions(t, REF)),
    ("timex: 'Monday to ' x 5k", "Monday to " * 5_000, lambda t: find_time_expressions(t, REF)),
    ("timex: '1995-' x 10k", "1995-" * 10_000, lambda t: find_time_expressions(t, REF)),
]  # fmt: skip


def best_of(fn: Callable[[str], object], text: str, repeat: int) -> float:
    fn(text)  # warm regex caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=50_000, help="pathological line length")
    add_json_flag(parser)
    args = parser.parse_args()
    # one table: the inputs, then the cleaner's pathological lines at two sizes (a ratio
    # near 2 is linear time)
    table = Table("input", "characters", ("best ms", ".1f"), ("ms at 2x", ".1f"), ("ratio", ".1f"))
    for name, text, fn in CASES:
        table.add(name, len(text), best_of(fn, text, args.repeat) * 1000, None, None)
    for name, make in sorted(PATHOLOGICAL.items()):
        one, two = (f"A first paragraph.\n{make(n)}" for n in (args.size, 2 * args.size))
        t1, t2 = best_of(clean, one, args.repeat), best_of(clean, two, args.repeat)
        table.add(f"cleaner, {name}", len(one), t1 * 1000, t2 * 1000, t2 / t1)
    table.emit(args.json, repeat=args.repeat)


if __name__ == "__main__":
    main()
