"""Speed of the text stages on long and pathological inputs: the cleaner and the
time-expression resolver must stay linear (no catastrophic regex backtracking).

    .venv/bin/python bench/text_speed.py [--repeat 5]

Prints the best of N runs per input, with the input's size.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date

from dateline.analyse.timex import find_time_expressions
from dateline.clean import clean

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
    args = parser.parse_args()
    print(f"| input | characters | best of {args.repeat}, ms |")
    print("|---|---:|---:|")
    for name, text, fn in CASES:
        print(f"| {name} | {len(text):,} | {best_of(fn, text, args.repeat) * 1000:.1f} |")


if __name__ == "__main__":
    main()
