"""Analysis throughput: documents per second (and per core), beside the NLP limit.

Runs over the same generated articles (``articles.py``, ~3-5k characters each):
- ``bare spaCy``: ``nlp.pipe`` of the same model over the texts, nothing else, on one BLAS
  thread as the analysis runs: the limit on one core;
- ``local``: Dateline's analysis stage in this process (spaCy plus turning its output into
  the stored, encoded analysis);
- ``dask N workers``: the same stage on a local Dask cluster;
- ``ingest + build``: what a user's ``dateline ingest`` does end to end (reading, cleaning,
  dating, deduplication, analysis, resolution, extraction, clustering, store writes), in
  this process on one core (before any Dask cluster starts in it), with each stage's time
  as the build calls it, the stage that takes longest after the analysis (where the gap to
  bare spaCy is), and its CPU time.
The model is loaded before the clock starts in every case. ``share`` is each row's
documents per second per core as a share of bare spaCy's.

    python bench/analysis_throughput.py              # 1,000 articles
    python bench/analysis_throughput.py --n 200 --workers 1,2,4 --json
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import corpus
from table import Table, add_json_flag, notes_to_stderr
from threadpoolctl import threadpool_info, threadpool_limits

from dateline.analyse.codec import encode
from dateline.analyse.nlp import BLAS_THREADS, Analyzer
from dateline.pipeline.distributed import DaskEngine
from dateline.service import Dossier


def blas() -> str:
    """The BLAS the model multiplies with, and the CPU kernel it chose: speeds depend on it."""
    found = [
        f"{pool['internal_api']} {pool['version']} ({pool.get('architecture', '?')})"
        for pool in threadpool_info()
        if pool["user_api"] == "blas"
    ]
    return ", ".join(found) or "none found"


def bare(items: list[tuple[str, str]]) -> tuple[float, float]:
    """spaCy alone: the same model and pipes, ``nlp.pipe`` over the texts, on one core as
    the analysis runs (one BLAS thread: left to itself, NumPy's BLAS multiplies on every
    core, and took about 1.4 CPU seconds per second of this row). (wall, CPU seconds)."""
    nlp = Analyzer().nlp
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        cpu = time.process_time()
        started = time.perf_counter()
        for _ in nlp.pipe((text for _, text in items), batch_size=64):
            pass
        return time.perf_counter() - started, time.process_time() - cpu


# The build's stages, timed where the build calls them: (label, module, attribute). An
# attribute holding "." is a method ("Builder.analyse"). Per-document extractors are called
# through the extraction module (dateline.pipeline.extractions), the rest through the build.
STAGES = (
    ("analysis", "dateline.pipeline.build", "Builder.analyse"),
    ("dating", "dateline.pipeline.build", "date_reported"),
    ("dating", "dateline.pipeline.build", "date_by_collection"),
    ("resolve", "dateline.pipeline.build", "resolve_entities"),
    # the view of a document both linked extractors read, made once before them
    ("document view", "dateline.pipeline.extractions", "DocumentView"),
    ("figures", "dateline.pipeline.extractions", "find_figures"),
    ("dated sentences", "dateline.pipeline.extractions", "sentences_for"),
    ("events", "dateline.pipeline.extractions", "find_event_mentions"),
    ("promises", "dateline.pipeline.extractions", "find_promises"),
    # what extraction spends beside its parts below: cache keys, encoding what is kept
    ("extraction cache", "dateline.pipeline.build", "extract"),
    ("cluster", "dateline.pipeline.build", "cluster_events"),
    ("merge figures", "dateline.pipeline.build", "merge_figures"),
    ("match promises", "dateline.pipeline.build", "match_promises"),
)
# The parts of ``extract`` timed on their own.
_IN_EXTRACT = ("document view", "figures", "dated sentences", "events", "promises", "cluster",
               "merge figures", "match promises")  # fmt: skip
# How the stages are shown: a group's time is its parts' sum, the parts in brackets.
GROUPS = {
    "extraction": (
        "document view",
        "figures",
        "dated sentences",
        "events",
        "promises",
        "extraction cache",
    ),
    "cluster+merge+match": ("cluster", "merge figures", "match promises"),
}


@contextlib.contextmanager
def clocked(spent: dict[str, float]) -> Iterator[None]:
    """Add the wall time of each call of a :data:`STAGES` function to ``spent[label]``."""
    undo = []
    for label, module, name in STAGES:
        owner: Any = importlib.import_module(module)
        if "." in name:
            cls, name = name.split(".")
            owner = getattr(owner, cls)
        real = getattr(owner, name, None)
        if real is None:  # a stage this version of the code does not have
            continue

        def timed(*args: Any, _real: Any = real, _label: str = label, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - started

        setattr(owner, name, timed)
        undo.append((owner, name, real))
    try:
        yield
    finally:
        for owner, name, real in reversed(undo):
            setattr(owner, name, real)


def whole(items: list[tuple[str, str]]) -> tuple[float, float, str]:
    """``dateline ingest`` (with its build) over the articles as files, in this process:
    (wall seconds, CPU seconds, the stages' times and the largest after the analysis)."""
    spent: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-throughput-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for name, text in items:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        dossier = Dossier.open(Path(tmp) / "bench.db")
        try:
            assert dossier.analyzer.model_version  # the model loads before the clock
            cpu = time.process_time()
            started = time.perf_counter()
            with clocked(spent):
                dossier.ingest([folder], build=False)
                stored = time.perf_counter()
                dossier.build()
            built = time.perf_counter()
            cpu = time.process_time() - cpu
        finally:
            dossier.close()
    spent["extraction cache"] -= sum(spent.get(k, 0.0) for k in _IN_EXTRACT)
    stages = {"read+clean+dedupe+date+store": stored - started}
    parts: dict[str, str] = {}
    for label, seconds in spent.items():
        group = next((g for g, members in GROUPS.items() if label in members), label)
        stages[group] = stages.get(group, 0.0) + seconds
    for group, members in GROUPS.items():
        parts[group] = ", ".join(f"{k} {spent.get(k, 0.0):.1f}" for k in members)
    stages["store, cache keys, timelines"] = built - stored - sum(spent.values())
    after = {k: v for k, v in stages.items() if k != "analysis"}
    largest = max(after, key=after.__getitem__)
    shown = "; ".join(
        f"{k} {v:.1f} s" + (f" ({parts[k]})" if k in parts else "") for k, v in stages.items()
    )
    return built - started, cpu, f"{shown}; largest after the analysis: {largest}"


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
              f"cores; load average {load_start:.2f} at start; BLAS {blas()}")  # fmt: skip
        bare_seconds, bare_cpu = bare(items)
        runs = [("bare spaCy", 1, bare_seconds, f"CPU {bare_cpu:.1f} s"),
                ("local", 1, local(items), "")]  # fmt: skip
        # The ingest runs before any Dask cluster, as a user's `dateline ingest` does: after
        # one, this process's analysis ran about 8% slower (its CPU time too), cluster closed.
        ingest = []
        if not args.no_ingest:
            seconds, cpu, stages = whole(items)
            ingest.append(("ingest + build", 1, seconds, f"{stages}; CPU {cpu:.1f} s"))
        for workers in (int(w) for w in args.workers.split(",")):
            name = f"dask {workers} worker{'s' if workers > 1 else ''}"
            runs.append((name, workers, dask(items, workers), ""))
        runs += ingest
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
               load_end=os.getloadavg()[0], blas=blas())  # fmt: skip
    if not args.json:
        print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
