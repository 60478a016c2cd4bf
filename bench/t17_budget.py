"""Timeline17 past the sentence budget: ranking from the day counts against an even sample.

Reads the stores ``bench/t17.py --workdir DIR`` kept and plans each gold timeline's default
request (the standard setup of ``bench/t17.py``: the gold's range, as many dates as it has, its
mean sentences per date, the topic's keywords) with each ``--budgets`` value, two ways: from the
build's day counts (what a timeline past its budget does) and from an even sample of the
articles (what it does where no counts hold, and what every timeline past its budget did before
the counts). Prints the mean date F1, AR1-F and AR2-F of each (precision and recall averaged over
timelines first), beside reading every sentence (no budget: the default on every Timeline17
timeline).

    .venv/bin/python bench/t17.py --workdir /tmp/t17            # ingest once, keep the stores
    .venv/bin/python bench/t17_budget.py --workdir /tmp/t17 --budgets 2000,10000
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from t17 import keywords
from t17_common import T17, gold_paths, means
from table import Table, add_json_flag, notes_to_stderr

from dateline.cluster.corroboration import is_speculative
from dateline.evaluate import evaluate_timeline, load_t17_timeline
from dateline.store import Store, open_store
from dateline.summarise import plan
from dateline.summarise.request import TimelineRequest


def scored(store: Store, path: Path, budget: int | None) -> dict[str, object]:
    """One gold timeline's scores, its default timeline planned with ``budget``."""
    gold, _ = load_t17_timeline(path)
    days = sorted(gold)
    per_date = max(1, round(gold.sentence_count() / len(days)))
    asked = TimelineRequest(
        len(days), per_date, days[0].isoformat(), days[-1].isoformat(),
        keywords(path.parent.parent), budget=budget,
    ).validated()  # fmt: skip
    (entries,) = plan._plan(store, [asked], is_speculative)
    predicted = {date.fromisoformat(e.date): list(e.texts) for e in entries}
    found = evaluate_timeline(predicted, gold)
    return {"date": found.dates, "ar1": found.align_m1.rouge_1, "ar2": found.align_m1.rouge_2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True, help="bench/t17.py's stores")
    parser.add_argument("--budgets", default="2000,10000", help="comma-separated budgets")
    parser.add_argument("--t17", type=Path, default=T17, help="the benchmark's folder")
    add_json_flag(parser)
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",") if b]
    ways = [("every sentence", None, True)]
    ways += [(way, b, way == "day counts") for b in budgets for way in ("day counts", "sample")]
    rows: dict[tuple[str, int | None], dict[str, dict[str, object]]] = {}
    seconds: dict[tuple[str, int | None], float] = {}
    with notes_to_stderr(args.json):
        for path in gold_paths(args.t17):
            db = args.workdir / f"{path.parent.parent.name}.db"
            if not db.is_file():
                print(f"skipped {path}: no store at {db}")
                continue
            store = open_store(str(db))
            counted = store.days_counted
            try:
                for way, budget, counts in ways:
                    # the sample is what a store whose counts no longer hold reads
                    store.days_counted = counted if counts else (lambda: False)  # type: ignore[method-assign]
                    started = time.perf_counter()
                    found = scored(store, path, budget)
                    key = (way, budget)
                    seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - started
                    rows.setdefault(key, {})[str(path)] = found  # type: ignore[assignment]
            finally:
                store.close()
    table = Table("read", "budget", "timelines", ("date F1", ".3f"), ("AR1-F", ".3f"),
                  ("AR2-F", ".3f"), ("planning s", ".1f"))  # fmt: skip
    for (way, budget), found in rows.items():
        mean = means(found)  # type: ignore[arg-type]
        table.add(way, budget or "-", len(found), mean["date"].f1, mean["ar1"].f1,
                  mean["ar2"].f1, seconds[(way, budget)])  # fmt: skip
    table.emit(args.json)


if __name__ == "__main__":
    main()
