"""Extraction quality against the gold annotations, and analysis throughput.

Builds a fresh dossier of the bundled sample corpus (gold: tests/gold/sample_facts.json)
and of ../shared/seeds (gold: tests/gold/seeds_facts.json) and prints precision,
recall and F1 per extractor; ``--misses`` lists what was missed and what was spurious.

    python bench/quality.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from dateline.analyse.nlp import Analyzer
from dateline.evaluate.extraction import Score, score_dossier
from dateline.service import Dossier

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "sample": (REPO / "src/dateline/data/sample", REPO / "tests/gold/sample_facts.json"),
    "seeds": (REPO.parent / "shared/seeds", REPO / "tests/gold/seeds_facts.json"),
}
TODAY = date(2026, 11, 24)


def build(corpus: Path, analyzer: Analyzer, folder: Path) -> tuple[dict, float, int]:
    """The exported dossier, the seconds the build took and the documents it read."""
    with Dossier.open(folder / "quality.db", today=TODAY, analyzer=analyzer) as dossier:
        dossier.ingest([corpus], build=False)
        started = time.perf_counter()
        report = dossier.build()
        elapsed = time.perf_counter() - started
        return dossier.export(), elapsed, report.analysed


def show(name: str, scores: dict[str, Score], misses: bool) -> None:
    for extractor, s in scores.items():
        print(
            f"{name:<8} {extractor:<9} {s.gold:>5} {s.predicted:>5} {s.matched:>5} "
            f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        )
        if misses:
            for item in s.missed:
                print(f"{'':<18} missed   {item}")
            for item in s.spurious:
                print(f"{'':<18} spurious {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and spurious items")
    args = parser.parse_args()
    analyzer = Analyzer()
    print(f"model: {analyzer.model_name} {analyzer.model_version}")  # loads it, outside timings
    print(f"{'corpus':<8} {'extractor':<9} {'gold':>5} {'pred':>5} {'match':>5} "
          f"{'P':>6} {'R':>6} {'F1':>6}")  # fmt: skip
    timings = []
    for name, (corpus, gold_path) in CORPORA.items():
        if not corpus.is_dir():
            print(f"{name:<8} skipped: {corpus} is absent")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            export, seconds, analysed = build(corpus, analyzer, Path(tmp))
        show(name, score_dossier(gold, export), args.misses)
        timings.append((name, analysed, seconds))
    for name, analysed, seconds in timings:
        print(
            f"build of {name}: {analysed} documents analysed in {seconds:.1f} s "
            f"({analysed / seconds:.1f} documents/s on {os.cpu_count()} cores, one process)"
        )


if __name__ == "__main__":
    main()
