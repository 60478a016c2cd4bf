"""Incremental update benchmark: ingest half A of the generated articles, then half B into
the same store, against A+B from scratch, then a rebuild with nothing new (and one with the
kept extractor output emptied, which is what every rebuild cost before it was kept).

Each run is timed in two parts: ingest (read, clean, date, deduplicate, store, in SQLite) and build
(analyse what is new, resolve, extract, cluster, match, write). The language model is loaded
once, before the first timing. The table also says, per run, how many documents the model
read (analysed), how many every per-document extractor ran over (extracted) and how many
re-ran only their event and promise extractors because resolution renamed an entity they
name (re-linked); the rest reused what the store kept.

    python bench/incremental.py              # 1,000 articles (articles.py), SQLite
    python bench/incremental.py --n 300
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import corpus, write_corpus
from table import Table, add_json_flag, notes_to_stderr

from dateline.analyse.nlp import Analyzer
from dateline.model import BuildReport
from dateline.service import Dossier

TODAY = date(2026, 1, 1)


def timed_ingest(d: Dossier, paths: list[Path]) -> tuple[float, float, BuildReport]:
    """Seconds to ingest ``paths`` (without the build), seconds to build, and the report."""
    started = time.perf_counter()
    d.ingest(paths, build=False)
    stored = time.perf_counter()
    report = d.build()
    return stored - started, time.perf_counter() - stored, report


def timed_build(d: Dossier) -> tuple[float, float, BuildReport]:
    started = time.perf_counter()
    report = d.build()
    return 0.0, time.perf_counter() - started, report


def export(d: Dossier) -> str:
    return json.dumps(d.export(), sort_keys=True, default=str)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    add_json_flag(parser)
    args = parser.parse_args()
    with notes_to_stderr(args.json):
        rows, checks = run(args)
    table = Table(
        "run", ("ingest s", ".1f"), ("build s", ".1f"), ("total s", ".1f"), "docs", "analysed",
        "extracted", "re-linked",
    )  # fmt: skip
    for name, (ingest_s, build_s, r) in rows:
        table.add(name, ingest_s, build_s, ingest_s + build_s, r.documents, r.analysed,
                  r.extracted, r.relinked)  # fmt: skip
    table.emit(args.json, **checks, load_end=os.getloadavg()[0])
    if not args.json:
        for check, ok in checks.items():
            print(f"{check.replace('_', ' ')}: {ok}")
        print(f"load average {os.getloadavg()[0]:.2f} at end")


def run(
    args: argparse.Namespace,
) -> tuple[list[tuple[str, tuple[float, float, BuildReport]]], dict[str, bool]]:
    analyzer = Analyzer()
    list(analyzer.analyse([("warm-up", "The minister met her counterpart in Hanoi.")]))
    rows: list[tuple[str, tuple[float, float, BuildReport]]] = []
    with tempfile.TemporaryDirectory(prefix="dateline-incremental-") as tmp:
        files = write_corpus(corpus(args.n, args.seed), Path(tmp) / "articles")
        half = len(files) // 2
        print(f"{args.n} articles ({half} + {len(files) - half}); {os.cpu_count()} cores; "
              f"load average {os.getloadavg()[0]:.2f} at start")  # fmt: skip

        with Dossier.open(Path(tmp) / "whole.db", TODAY, analyzer) as d:
            rows.append(("ingest A+B from scratch", timed_ingest(d, files)))
            whole = export(d)
        with Dossier.open(Path(tmp) / "stepwise.db", TODAY, analyzer) as d:
            rows.append(("ingest A into empty store", timed_ingest(d, files[:half])))
            rows.append(("ingest B into store with A", timed_ingest(d, files[half:])))
            stepwise = export(d)
            rows.append(("rebuild, nothing new", timed_build(d)))
            same_rebuild = export(d) == stepwise
            with d.store.transaction():
                d.store.execute("DELETE FROM extractions")
            rows.append(("rebuild, nothing kept", timed_build(d)))
            same_scratch = export(d) == stepwise
    checks = {
        "A_then_B_gives_the_dossier_A+B_gives": stepwise == whole,
        "a_rebuild_with_nothing_new_changes_nothing": same_rebuild,
        "a_rebuild_with_nothing_kept_gives_the_same_dossier": same_scratch,
    }
    return rows, checks


if __name__ == "__main__":
    main()
