"""Publication dates on the realnews-dev topics: right, wrong or unknown, per topic.

Each topic is ingested as the default ``dateline ingest`` does (with the build, whose
analysis gives the weakest cue, the date a text reports as past) twice, from a temporary
copy of its pages: as stored, and with the ` date YYYY-MM-DD` header lines
removed, so that the second run measures what the text alone gives. A page is scored
against its gold: an exact date, or a list of acceptable dates, or an empty list (the
page must stay undated).

    PYTHONPATH=src python bench/pubdates.py [TOPIC_DIR ...] [--misses]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.analyse.nlp import Analyzer
from dateline.service import Dossier

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "realnews-dev"
_HEADER = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d{1,2}-\d{1,2}[ \t]*\n?")
# Fixed so figures do not change with the clock; later than every page in the corpus.
TODAY = date(2026, 12, 1)


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    unknown: int = 0
    kept_unknown: int = 0
    wrongly_dated: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        dated = self.right + self.wrong + self.unknown
        undated = self.kept_unknown + self.wrongly_dated
        pct = (lambda n: f"{100 * n / dated:.0f}%") if dated else (lambda n: "-")
        return (
            f"dated {dated}: right {self.right} ({pct(self.right)}) wrong {self.wrong} "
            f"({pct(self.wrong)}) unknown {self.unknown} | must stay undated {undated}: "
            f"kept unknown {self.kept_unknown}, wrongly dated {self.wrongly_dated}"
        )


def measure(topic: Path, strip_headers: bool, analyzer: Analyzer) -> Tally:
    gold = json.loads((topic / "gold.json").read_text())["documents"]
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for page in sorted((topic / "docs").glob("*.txt")):
            text = page.read_text(encoding="utf-8", errors="surrogateescape")
            if strip_headers:
                text = _HEADER.sub("", text, count=1)
            (docs / page.name).write_text(text, encoding="utf-8", errors="surrogateescape")
        with Dossier.open(Path(tmp) / "bench.db", today=TODAY, analyzer=analyzer) as dossier:
            dossier.ingest([docs])
            got = {Path(d.path).name: d for d in dossier.documents()}
    for name, g in sorted(gold.items()):
        doc = got.get(name)
        value = doc.published if doc is not None else None
        accept = [g["published"]] if g["published"] else list(g.get("published_accept") or [])
        how = f"{value} by {doc.published_how}" if doc is not None and value else "unknown"
        if not accept:
            if value is None:
                tally.kept_unknown += 1
            else:
                tally.wrongly_dated += 1
                tally.misses.append(f"{name}: must stay undated, got {how}: {doc.published_why}")
        elif value is None:
            tally.unknown += 1
            tally.misses.append(f"{name}: unknown, gold {accept}: {doc and doc.published_why}")
        elif value in accept:
            tally.right += 1
        else:
            tally.wrong += 1
            tally.misses.append(f"{name}: WRONG {how}, gold {accept}: {doc.published_why}")
    return tally


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    topics = [Path(a) for a in argv if not a.startswith("--")] or sorted(
        p for p in CORPUS.iterdir() if (p / "gold.json").is_file()
    )
    totals = {False: Tally(), True: Tally()}
    analyzer = Analyzer()  # one model for every run
    for topic in topics:
        for strip in (False, True):
            tally = measure(topic, strip, analyzer)
            label = "no headers" if strip else "headers   "
            print(f"{topic.name:15} {label} {tally.line()}")
            total = totals[strip]
            for name in ("right", "wrong", "unknown", "kept_unknown", "wrongly_dated"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
            if show:
                for miss in tally.misses:
                    print("    " + miss)
    for strip, total in totals.items():
        print(f"{'ALL':15} {'no headers' if strip else 'headers   '} {total.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
