"""Engine benchmark: `dateline ingest` (ingest + build) of the same generated articles with the
single-process engine and with the Dask engine (a local cluster of 2 worker processes), then
an incremental update: ingest half B into a store holding half A, against A+B from scratch.

Every run is a fresh `dateline ingest` child process. Peak memory is the largest total
resident memory of the whole process tree (the client plus, with Dask, the scheduler,
nannies and workers), sampled every 0.1 s.

    python bench/engine.py                 # 1,000 articles (articles.py), local vs dask 2
    python bench/engine.py --n 200 --workers 2
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import corpus, write_corpus
from table import Table, add_json_flag, notes_to_stderr


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


def run_ingest(paths: list[str], db: Path, *options: str) -> tuple[float, float]:
    """Seconds and peak resident MB (whole process tree) of one `dateline ingest`."""
    command = [sys.executable, "-m", "dateline", "ingest", *paths, "--db", str(db)]
    command += ["--no-progress", *options]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(watched))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"ingest failed:\n{child.stderr.read().decode() if child.stderr else ''}")
    return elapsed, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-incremental", action="store_true", help="skip the A then B rows")
    add_json_flag(parser)
    args = parser.parse_args()

    table = Table("run", ("seconds", ".1f"), ("docs/s", ".1f"), ("peak MB", ".0f"))
    checks: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-engine-") as tmp, notes_to_stderr(args.json):
        folder = Path(tmp) / "articles"
        files = [str(p) for p in write_corpus(corpus(args.n, args.seed), folder)]
        print(f"{args.n} articles; {os.cpu_count()} cores; load average"
              f" {os.getloadavg()[0]:.2f} at start")  # fmt: skip
        local_s, local_mb = run_ingest([str(folder)], Path(tmp) / "local.db")
        dask_s, dask_mb = run_ingest(
            [str(folder)], Path(tmp) / "dask.db", "--engine", "dask", "--workers", str(args.workers)
        )
        table.add("local engine", local_s, args.n / local_s, local_mb)
        table.add(f"dask {args.workers} workers", dask_s, args.n / dask_s, dask_mb)
        checks["same_dossier_from_both_engines"] = _dump(Path(tmp) / "local.db") == _dump(
            Path(tmp) / "dask.db"
        )
        if not args.no_incremental:
            half = len(files) // 2
            db = Path(tmp) / "incremental.db"
            a_s, a_mb = run_ingest(files[:half], db)
            b_s, b_mb = run_ingest(files[half:], db)
            whole_s, whole_mb = run_ingest(files, Path(tmp) / "whole.db")
            table.add(f"local, ingest A ({half}) into empty store", a_s, half / a_s, a_mb)
            rest = len(files) - half
            table.add(f"local, ingest B ({rest}) into store with A", b_s, rest / b_s, b_mb)
            table.add("local, ingest A+B from scratch", whole_s, len(files) / whole_s, whole_mb)
            checks["A_then_B_gives_the_dossier_A+B_gives"] = _dump(db) == _dump(
                Path(tmp) / "whole.db"
            )
    table.emit(args.json, articles=args.n, **checks, load_end=os.getloadavg()[0])
    if not args.json:
        for check, ok in checks.items():
            print(f"{check.replace('_', ' ')}: {ok}")
        print(f"load average {os.getloadavg()[0]:.2f} at end")


def _dump(db: Path) -> str:
    """The exported dossier, as text, for comparison."""
    out = subprocess.run(
        [sys.executable, "-m", "dateline", "export", "-o", "-", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


if __name__ == "__main__":
    main()
