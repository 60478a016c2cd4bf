"""Timeline17 through the product: ingest, timeline and evaluate with the real command line.

For every topic folder: ``dateline ingest --date-from-path`` into the topic's own store; then,
for each gold timeline of the topic, in the standard setup (the gold's first..last date, as many
dates as the gold has, its average sentences per date, the topic's keywords as the query):
``dateline timeline ... --json`` and ``dateline evaluate ... --json``. Prints the per-timeline
table (date F1, AR1-F, AR2-F, documents in the span, seconds), the mean (precision and recall
averaged over timelines first, then F) beside the published rows, and the wall time and peak
memory of the whole run.

    .venv/bin/python bench/t17.py [--t17 DIR] [--jobs 2] [--topics a,b] [--crosscheck]
                                  [--workdir DIR [--reuse]] [--query keywords|none]

Topics run ``--jobs`` at a time, each in its own processes. ``--workdir`` keeps the stores;
``--reuse`` then scores them again without ingesting (ingest seconds show 0). ``--query none``
leaves out the keywords: this copy's keyword files hold folder labels ("H1N1", "bpoil"), and
keeping summaries to sentences that literally say "H1N1" costs those topics half their AR1.
``--crosscheck`` also scores every predicted timeline with the reference implementation (tilse,
in its own interpreter: see ``bench/t17_crosscheck.py``) and reports the largest
difference from ``dateline evaluate``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from t17_common import T17, gold_paths, score_json, score_table, timeline_name
from table import notes_to_stderr

from dateline.evaluate import Scores, Timeline, load_t17_timeline, prepare_predicted
from dateline.summarise.checks import summary_flaw

DATELINE = [sys.executable, "-m", "dateline"]


@dataclass
class Result:
    """One gold timeline's run: its scores, the prediction and what it cost."""

    name: str
    scores: dict[str, Scores]
    predicted: dict[str, list[str]]
    gold: Timeline
    documents: int
    seconds: float


@dataclass
class TopicRun:
    name: str
    ingest_seconds: float
    skipped: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


class MemoryWatch:
    """Peak of the summed resident memory of this process and its live children."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def _run(args: Sequence[str], ok: Sequence[int] = (0,)) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode not in ok:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return done


def _scores(data: dict) -> dict[str, Scores]:
    def one(values: dict) -> Scores:
        return Scores(values["precision"], values["recall"], values["f1"])

    align = data["align_m1"]
    return {"date": one(data["dates"]), "ar1": one(align["rouge_1"]), "ar2": one(align["rouge_2"])}


def keywords(folder: Path) -> str:
    path = folder / "keywords.json"
    return " ".join(json.loads(path.read_text())) if path.is_file() else ""


def run_topic(
    folder: Path, workdir: Path, golds: Sequence[Path], reuse: bool = False, query: bool = True
) -> TopicRun:
    """Ingest one topic into its own store, then build and score each of its timelines.

    With ``reuse``, a store left in ``workdir`` by an earlier run is scored as it is.
    """
    db = workdir / f"{folder.name}.db"
    started = time.perf_counter()
    if reuse and db.is_file():
        run = TopicRun(folder.name, 0.0)
    else:
        for stale in workdir.glob(f"{folder.name}.db*"):
            stale.unlink()
        # Exit status 1 means some files were skipped (T17 has empty ones): reported, not fatal.
        ingest = _run(
            [*DATELINE, "ingest", "--date-from-path", str(folder / "InputDocs"), "--db",
             str(db), "--no-progress"],
            ok=(0, 1),
        )  # fmt: skip
        if "Traceback" in ingest.stderr:  # status 1 from a crash, not from skipped files
            raise RuntimeError(f"ingest of {folder.name} failed:\n{ingest.stderr[-2000:]}")
        run = TopicRun(folder.name, time.perf_counter() - started)
        run.skipped = [ln for ln in ingest.stderr.splitlines() if ln.startswith("skipped")]
    listed = json.loads(_run([*DATELINE, "documents", "--db", str(db), "--json"]).stdout)
    published = [d["published"] for d in listed if d.get("published")]
    words = keywords(folder) if query else ""
    for path in golds:
        gold, _ = load_t17_timeline(path)
        days = sorted(gold)
        first, last = days[0].isoformat(), days[-1].isoformat()
        per_date = max(1, round(gold.sentence_count() / len(days)))
        setup = ["--db", str(db), "--since", first, "--until", last,
                 "--sentences", str(per_date), "--query", words, "--json"]  # fmt: skip
        started = time.perf_counter()
        shown = json.loads(_run([*DATELINE, "timeline", "--dates", str(len(days)), *setup]).stdout)
        scored = json.loads(
            _run([*DATELINE, "evaluate", "--gold", str(path), "--dates", str(len(days)),
                  *setup]).stdout
        )  # fmt: skip
        seconds = time.perf_counter() - started
        predicted = {entry["date"]: _entry_texts(entry) for entry in shown}
        run.results.append(
            Result(
                timeline_name(path),
                _scores(scored),
                predicted,
                gold,
                sum(1 for p in published if first <= p[:10] <= last),
                seconds,
            )
        )
    return run


def _entry_texts(entry: dict) -> list[str]:
    """The summary sentences of one ``dateline timeline --json`` entry."""
    return [s["sentence"] for s in entry.get("summary", [])]


def run_all(
    root: Path,
    workdir: Path,
    jobs: int,
    topics: Sequence[str] = (),
    reuse: bool = False,
    query: bool = True,
) -> list[TopicRun]:
    """Every topic with a gold timeline under ``root``, ``jobs`` topics at a time."""
    by_topic: dict[Path, list[Path]] = {}
    for path in gold_paths(root, topics):
        by_topic.setdefault(path.parent.parent, []).append(path)
    # Largest topics first, so two workers finish at about the same time.
    order = sorted(by_topic, key=lambda f: -sum(1 for _ in (f / "InputDocs").rglob("*.txt")))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        runs = list(pool.map(lambda f: run_topic(f, workdir, by_topic[f], reuse, query), order))
    return sorted(runs, key=lambda r: r.name)


def flaws(result: Result) -> list[tuple[str, str]]:
    """The chosen summary sentences a reader would not pick, with why (see
    ``dateline.summarise.checks``)."""
    found = []
    for sentences in result.predicted.values():
        for sentence in sentences:
            if (why := summary_flaw(sentence)) is not None:
                found.append((why, sentence))
    return found


def hygiene_line(runs: Sequence[TopicRun]) -> str:
    """How many chosen summary sentences are flawed, over every timeline, and why."""
    total = sum(len(v) for run in runs for r in run.results for v in r.predicted.values())
    found = [f for run in runs for r in run.results for f in flaws(r)]
    reasons = Counter(why for why, _ in found)
    share = len(found) / total if total else 0.0
    detail = "".join(f"; {why} {n}" for why, n in reasons.most_common())
    return f"flawed summary sentences: {len(found)} of {total} ({share:.1%}){detail}"


def report_json(runs: Sequence[TopicRun]) -> dict[str, object]:
    """:func:`report` as JSON (see ``t17_common.score_json``)."""
    rows, extra = {}, {}
    for run in runs:
        for result in run.results:
            rows[result.name] = result.scores
            extra[result.name] = {
                "docs": result.documents, "ingest s": run.ingest_seconds,
                "timeline s": result.seconds, "summary sentences": sum(
                    len(v) for v in result.predicted.values()),
                "flawed": len(flaws(result)),
            }  # fmt: skip
    return score_json(rows, extra)


def report(runs: Sequence[TopicRun]) -> str:
    """The per-timeline table with the mean and the published rows."""
    rows, extra = {}, {}
    for run in runs:
        for result in run.results:
            rows[result.name] = result.scores
            extra[result.name] = (
                f"{result.documents:5d} | {run.ingest_seconds:6.1f} | {result.seconds:5.1f}"
                f" | {len(flaws(result)):6d}"
            )
    head = f"{'docs':>5} | {'ingest':>6} | {'tl s':>5} | {'flawed':>6}"
    return score_table(rows, extra, head)


def crosscheck(runs: Sequence[TopicRun], python: Path) -> float:
    """Largest |difference| (P, R and F of date F1, AR1, AR2) between ours and the reference."""
    from t17_crosscheck import max_differences, reference_scores

    results = [r for run in runs for r in run.results]
    payload = [
        {
            "name": r.name,
            "pred": prepare_predicted(r.predicted),
            "gold": {d.isoformat(): s for d, s in sorted(r.gold.items())},
        }
        for r in results
    ]
    theirs, _ = reference_scores(python, payload)
    mapped = [
        ({"dates": r.scores["date"], "ar1": r.scores["ar1"], "ar2": r.scores["ar2"]},
         {k: v for k, v in theirs[r.name].items() if k in ("dates", "ar1", "ar2")})
        for r in results
    ]  # fmt: skip
    worst = max_differences(mapped)
    for key, gap in sorted(worst.items()):
        print(f"crosscheck max |diff| {key:<6} over {len(results)} timelines: {gap:.2e}")
    return max(worst.values(), default=0.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17", type=Path, default=T17, help="the benchmark's folder")
    parser.add_argument("--jobs", type=int, default=2, help="topics processed at once")
    parser.add_argument("--topics", default="", help="comma-separated topic folders")
    parser.add_argument("--workdir", type=Path, default=None, help="where the stores go")
    parser.add_argument(
        "--reuse", action="store_true", help="score stores left in --workdir without ingesting"
    )
    parser.add_argument(
        "--query",
        choices=("keywords", "none"),
        default="keywords",
        help="pass each topic's keywords.json as --query (this copy's are folder labels)",
    )
    parser.add_argument("--crosscheck", action="store_true", help="compare with tilse")
    parser.add_argument("--reference-python", default=None)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--flaws", action="store_true", help="list flawed summary sentences")
    args = parser.parse_args(argv)
    if not args.t17.is_dir() or not gold_paths(args.t17):
        print(f"Timeline17 not found at {args.t17}: nothing to run (skipped).")
        return 0
    python = None
    if args.crosscheck:
        from t17_crosscheck import find_reference_python

        python = find_reference_python(args.reference_python)
        if python is None:
            return 1
    started = time.perf_counter()
    topics = [t for t in args.topics.split(",") if t]
    with (
        tempfile.TemporaryDirectory(prefix="dateline-t17-") as scratch,
        MemoryWatch() as watch,
        notes_to_stderr(args.json),
    ):
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        runs = run_all(
            args.t17,
            workdir,
            args.jobs,
            topics,
            bool(args.reuse and args.workdir),
            args.query == "keywords",
        )
    wall = time.perf_counter() - started
    for run in runs:
        for line in run.skipped:
            print(f"{run.name}: {line}", file=sys.stderr if args.json else sys.stdout)
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if args.json:
        memory = {"peak MB": watch.peak_kb / 1024, "largest process MB": peak_child / 1024}
        print(json.dumps({**report_json(runs), "wall s": wall, "jobs": args.jobs, **memory}))
        return 0
    print(report(runs))
    print(hygiene_line(runs))
    if args.flaws:
        for run in runs:
            for result in run.results:
                for why, sentence in flaws(result):
                    print(f"  {result.name}: ({why}) {sentence[:160]!r}")
    print(
        f"wall time {wall:.1f} s for {sum(len(r.results) for r in runs)} timelines"
        f" ({args.jobs} topic(s) at a time); peak memory {watch.peak_kb / 1024:.0f} MB"
        f" (all processes at once), largest process {peak_child / 1024:.0f} MB"
    )
    if python is not None:
        crosscheck(runs, python)
    return 0


if __name__ == "__main__":
    sys.exit(main())
