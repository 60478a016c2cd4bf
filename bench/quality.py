"""Extraction quality on real news and on the project's own corpora.

Real news first: every topic of ``../shared/corpora/realnews-dev`` is ingested with the
default flags (what ``dateline ingest`` does), exported as JSON and scored with that
corpus's own scorer, part by part. Then the bundled sample corpus (gold:
tests/gold/sample_facts.json) and ``../shared/seeds`` (gold: tests/gold/seeds_facts.json)
are scored per extractor. The sample was written for the project and the seeds are the
texts the extractors were first written against: they show the code runs, while the
real-news topics measure whether extraction generalises.

    python bench/quality.py [--misses] [--json] [--check]

``--check`` exits 1 when a real-news topic scores below its floor in
``bench/quality_floors.json`` (``make test`` runs the same check through
tests/quality/test_floors.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.analyse.nlp import Analyzer
from dateline.evaluate.extraction import Score, score_dossier
from dateline.service import Dossier
from dateline.summarise.checks import summary_flaw

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REALNEWS = SHARED / "corpora" / "realnews-dev"
FLOORS = REPO / "bench" / "quality_floors.json"
PARTS = ("documents", "events", "entities", "figures", "promises")
CORPORA = {
    "sample": (REPO / "src/dateline/data/sample", REPO / "tests/gold/sample_facts.json"),
    "seeds": (SHARED / "seeds", REPO / "tests/gold/seeds_facts.json"),
}
TODAY = date(2026, 11, 24)
SCORE_LINE = re.compile(r"^score: (\d+)/(\d+)\s*$", re.MULTILINE)


@dataclass
class TopicScore:
    """One real-news topic scored by the corpus's scorer: (passed, checks) per part."""

    topic: str
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    # the default timeline's summary sentences, and those a reader would not pick (why, text)
    summaries: int = 0
    flawed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> tuple[int, int]:
        return self.parts["all"]


def realnews_topics() -> list[Path]:
    """The topic folders of the real-news development corpus (empty when it is absent)."""
    if not (REALNEWS / "score.py").is_file():
        return []
    return sorted(p for p in REALNEWS.iterdir() if (p / "gold.json").is_file())


def score_export(export_path: Path, gold: Path, part: str) -> tuple[tuple[int, int], list[str]]:
    """Run the corpus's scorer on one part; (passed, checks) and the missed checks."""
    run = subprocess.run(
        [sys.executable, str(REALNEWS / "score.py"), str(export_path), "--gold", str(gold),
         "--part", part],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = SCORE_LINE.search(run.stdout)
    if found is None:
        raise RuntimeError(f"the scorer printed no score for {gold}: {run.stderr.strip()}")
    misses = [line[5:] for line in run.stdout.splitlines() if line.startswith("MISS ")]
    return (int(found.group(1)), int(found.group(2))), misses


def score_topic(topic: Path, analyzer: Analyzer, folder: Path) -> TopicScore:
    """Ingest one topic as ``dateline ingest`` does, export it and score every part."""
    with Dossier.open(folder / f"{topic.name}.db", analyzer=analyzer) as dossier:
        dossier.ingest([topic / "docs"])
        export = dossier.export()
        sentences = [t for entry in dossier.timeline() for t in entry.texts]
    export_path = folder / f"{topic.name}.json"
    export_path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    result = TopicScore(topic.name, summaries=len(sentences))
    result.flawed = [(why, t) for t in sentences if (why := summary_flaw(t)) is not None]
    for part in (*PARTS, "all"):
        result.parts[part], misses = score_export(export_path, topic / "gold.json", part)
        if part == "all":
            result.misses = misses
    return result


def score_realnews(analyzer: Analyzer) -> list[TopicScore]:
    with tempfile.TemporaryDirectory() as tmp:
        return [score_topic(topic, analyzer, Path(tmp)) for topic in realnews_topics()]


def load_floors() -> dict[str, int]:
    """The least number of passed checks each real-news topic must keep."""
    return json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]


def below_floor(scores: list[TopicScore], floors: dict[str, int]) -> list[str]:
    """A message for each topic scoring under its floor (or with no floor recorded)."""
    problems = []
    for s in scores:
        floor = floors.get(s.topic)
        if floor is None:
            problems.append(f"{s.topic}: no floor recorded in {FLOORS.name}")
        elif s.total[0] < floor:
            problems.append(f"{s.topic}: {s.total[0]}/{s.total[1]} is below its floor {floor}")
    return problems


def build(corpus: Path, analyzer: Analyzer, folder: Path) -> tuple[dict, float, int]:
    """The exported dossier, the seconds the build took and the documents it read."""
    with Dossier.open(folder / "quality.db", today=TODAY, analyzer=analyzer) as dossier:
        dossier.ingest([corpus], build=False)
        started = time.perf_counter()
        report = dossier.build()
        elapsed = time.perf_counter() - started
        return dossier.export(), elapsed, report.analysed


def show_realnews(scores: list[TopicScore], misses: bool) -> None:
    print(f"{'real-news topic':<16} " + " ".join(f"{p:>10}" for p in (*PARTS, "all"))
          + "   share   flawed summaries")  # fmt: skip
    for s in scores:
        cells = " ".join(f"{f'{n}/{m}':>10}" for n, m in (s.parts[p] for p in (*PARTS, "all")))
        n, m = s.total
        print(f"{s.topic:<16} {cells}   {n / m:5.1%}   {len(s.flawed)} of {s.summaries}")
        if misses:
            for miss in s.misses:
                print(f"{'':<18} MISS {miss}")
            for why, text in s.flawed:
                print(f"{'':<18} FLAWED SUMMARY ({why}) {text[:100]!r}")


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and spurious items")
    parser.add_argument("--json", action="store_true", help="print the tables as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 below a recorded floor")
    args = parser.parse_args()
    analyzer = Analyzer()
    if not args.json:
        print(f"model: {analyzer.model_name} {analyzer.model_version}")
    real = score_realnews(analyzer)
    rows: list[dict] = []
    for s in real:
        row: dict = {"corpus": s.topic}
        for part, (n, m) in s.parts.items():
            row[f"{part} passed"], row[f"{part} checks"] = n, m
        row["summary sentences"], row["flawed summaries"] = s.summaries, len(s.flawed)
        rows.append(row)
    if not args.json:
        if real:
            show_realnews(real, args.misses)
        else:
            print(f"real-news topics skipped: {REALNEWS} is absent")
        print(f"\n{'corpus':<8} {'extractor':<9} {'gold':>5} {'pred':>5} {'match':>5} "
              f"{'P':>6} {'R':>6} {'F1':>6}")  # fmt: skip
    timings = []
    for name, (corpus, gold_path) in CORPORA.items():
        if not corpus.is_dir():
            if not args.json:
                print(f"{name:<8} skipped: {corpus} is absent")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            export, seconds, analysed = build(corpus, analyzer, Path(tmp))
        scores = score_dossier(gold, export)
        for extractor, sc in scores.items():
            rows.append({"corpus": name, "extractor": extractor, "gold": sc.gold,
                         "predicted": sc.predicted, "matched": sc.matched,
                         "precision": sc.precision, "recall": sc.recall, "f1": sc.f1})  # fmt: skip
        if not args.json:
            show(name, scores, args.misses)
        timings.append((name, analysed, seconds))
    if args.json:
        print(json.dumps({"rows": rows}, indent=2))
    else:
        for name, analysed, seconds in timings:
            print(
                f"build of {name}: {analysed} documents analysed in {seconds:.1f} s "
                f"({analysed / seconds:.1f} documents/s on {os.cpu_count()} cores, one process)"
            )
    if args.check:
        problems = below_floor(real, load_floors())
        for problem in problems:
            print(f"below floor: {problem}", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
