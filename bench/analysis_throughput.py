"""Analysis throughput: documents per second (and per core), beside the NLP limit.

Runs over the same generated articles (``articles.py``, ~3-5k characters each):
- ``bare spaCy``: ``nlp.pipe`` of the same model over the texts, nothing else: the limit;
- ``local``: Dateline's analysis stage in this process (spaCy plus turning its output into
  the stored, encoded analysis);
- ``dask N workers``: the same stage on a local Dask cluster;
- ``ingest + build``: what a user's ``dateline ingest`` does end to end (reading, cleaning,
  dating, deduplication, analysis, resolution, extraction, clustering, store writes), in
  this process on one core, with its stage times.
The model is loaded before the clock starts in every case. ``share`` is each row's
documents per second per core as a share of bare spaCy's.

    python bench/analysis_throughput.py              # 1,000 articles
    python bench/analysis_throughput.py --n 200 --workers 1,2,4 --json
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import corpus
from table import Table, add_json_flag, notes_to_stderr

from dateline.analyse.codec import encode
from dateline.analyse.nlp import Analyzer
from dateline.pipeline.distributed import DaskEngine
from dateline.service import Dossier


def bare(items: list[tuple[str, str]]) -> float:
    """spaCy alone: the same model and pipes, ``nlp.pipe`` over the texts."""
    nlp = Analyzer().nlp
    started = time.perf_counter()
    for _ in nlp.pipe((text for _, text in items), batch_size=64):
        pass
    return time.perf_counter() - started


def whole(items: list[tuple[str, str]], analysis: float) -> tuple[float, str]:
    """``dateline ingest`` (with its build) over the articles as files, in this process;
    ``analysis`` is the analysis stage's own time on these texts (the ``local`` row), so
    the build's time splits into analysis and the stages after it."""
    with tempfile.TemporaryDirectory(prefix="dateline-throughput-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for name, text in items:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        dossier = Dossier.open(Path(tmp) / "bench.db")
        try:
            assert dossier.analyzer.model_version  # the model loads before the clock
            started = time.perf_counter()
            dossier.ingest([folder], build=False)
            stored = time.perf_counter()
            dossier.build()
            built = time.perf_counter()
        finally:
            dossier.close()
    after = built - stored - analysis
    stages = (
        f"read+clean+dedupe+date+store {stored - started:.1f} s; analysis ~{analysis:.1f} s; "
        f"resolve+extract+cluster+store ~{after:.1f} s"
    )
    return built - started, stages


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
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest + build row")
    add_json_flag(parser)
    args = parser.parse_args()

    articles = corpus(args.n, args.seed, reprints=0.0)
    items = [(f"a{n}", text) for n, (_, text, _) in enumerate(articles)]
    chars = sum(len(t) for _, t in items) / len(items)
    load_start = os.getloadavg()[0]
    with notes_to_stderr(args.json):
        print(f"{len(items)} articles, {chars:.0f} characters on average; {os.cpu_count()} "
              f"cores; load average {load_start:.2f} at start")  # fmt: skip
        runs = [("bare spaCy", 1, bare(items), ""), ("local", 1, local(items), "")]
        for workers in (int(w) for w in args.workers.split(",")):
            name = f"dask {workers} worker{'s' if workers > 1 else ''}"
            runs.append((name, workers, dask(items, workers), ""))
        if not args.no_ingest:
            seconds, stages = whole(items, runs[1][2])
            runs.append(("ingest + build", 1, seconds, stages))
    limit = len(items) / runs[0][2]
    local_seconds = runs[1][2]
    table = Table(
        "engine", "cores", ("seconds", ".1f"), ("docs/s", ".1f"), ("docs/s/core", ".1f"),
        ("share of bare spaCy", ".0%"), ("speed-up over local", ".2f"), "stages",
    )  # fmt: skip
    for name, cores, seconds, stages in runs:
        rate = len(items) / seconds
        table.add(name, cores, seconds, rate, rate / cores, rate / cores / limit,
                  local_seconds / seconds, stages)  # fmt: skip
    table.emit(args.json, articles=len(items), cores=os.cpu_count(), load_start=load_start,
               load_end=os.getloadavg()[0])  # fmt: skip
    if not args.json:
        print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
