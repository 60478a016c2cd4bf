"""Analysis throughput: documents per second (and per core) of the spaCy analysis stage.

Analyses the same generated articles (``articles.py``, ~3-5k characters each) in this
process (the local engine) and on a local Dask cluster of 1 and of 2 worker processes. The
model is loaded before the clock starts in every case, so the figures are the analysis
alone: spaCy plus turning its output into the stored (encoded) analysis.

    python bench/analysis_throughput.py              # 1,000 articles; local, dask 1, dask 2
    python bench/analysis_throughput.py --n 200 --workers 1,2,4
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import corpus

from dateline.analyse.codec import encode
from dateline.analyse.nlp import Analyzer
from dateline.pipeline.distributed import DaskEngine


def local(items: list[tuple[str, str]]) -> float:
    analyzer = Analyzer()
    assert analyzer.model_version  # loads the model before timing
    started = time.perf_counter()
    for analysis in analyzer.analyse(items):
        encode(analysis)
    return time.perf_counter() - started


def dask(items: list[tuple[str, str]], workers: int) -> float:
    with DaskEngine(workers=workers) as engine:
        engine.warm()  # every worker loads the model before timing
        started = time.perf_counter()
        done = sum(1 for _ in engine.analyse(items))
        elapsed = time.perf_counter() - started
    assert done == len(items)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to try")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    articles = corpus(args.n, args.seed, reprints=0.0)
    items = [(f"a{n}", text) for n, (_, text, _) in enumerate(articles)]
    chars = sum(len(t) for _, t in items) / len(items)
    print(f"{len(items)} articles, {chars:.0f} characters on average; {os.cpu_count()} cores;"
          f" load average {os.getloadavg()[0]:.2f} at start")  # fmt: skip
    runs = [("local", 1, local(items))]
    for workers in (int(w) for w in args.workers.split(",")):
        name = f"dask {workers} worker{'s' if workers > 1 else ''}"
        runs.append((name, workers, dask(items, workers)))
    base = runs[0][2]
    print(f"{'engine':<16} {'cores':>5} {'seconds':>8} {'docs/s':>7} {'docs/s/core':>11}"
          f" {'speed-up':>8}")  # fmt: skip
    for name, cores, seconds in runs:
        rate = len(items) / seconds
        print(f"{name:<16} {cores:>5} {seconds:>8.1f} {rate:>7.1f} {rate / cores:>11.1f}"
              f" {base / seconds:>8.2f}")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
