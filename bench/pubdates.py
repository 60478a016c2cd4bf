"""Publication dates on the realnews-dev topics: right, wrong or unknown, per topic.

Each topic is ingested as the default ``dateline ingest`` does (with the build, whose
analysis gives the weakest cue, the date a text reports as past) twice, from a temporary
copy of its pages: as stored, and with the ` date YYYY-MM-DD` header lines
removed, so that the second run measures what the text alone gives. A page is scored
against its gold: an exact date, or a list of acceptable dates, or an empty list (the
page must stay undated).

With ``--stories`` it also prints what dating undated pages by the rest of their
collection gives (:mod:`dateline.dating.stories`: a long passage shared with dated
pages, a yearless weekday date whose year the collection settles) and, as an upper
bound no rule can read from the text, the dates of the dated pages of the gold story.

    PYTHONPATH=src python bench/pubdates.py [TOPIC_DIR ...] [--misses] [--stories]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.analyse.nlp import Analyzer
from dateline.dating.stories import Page, collection_dates
from dateline.model import Document
from dateline.service import Dossier

sys.path.insert(0, str(Path(__file__).resolve().parent))
from table import Table, add_json_flag, notes_to_stderr

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
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        dated = self.right + self.wrong + self.unknown
        undated = self.kept_unknown + self.wrongly_dated
        pct = (lambda n: f"{100 * n / dated:.0f}%") if dated else (lambda n: "-")
        return (
            f"dated {dated}: right {self.right} ({pct(self.right)}) wrong {self.wrong} "
            f"({pct(self.wrong)}) unknown {self.unknown} | must stay undated {undated}: "
            f"kept unknown {self.kept_unknown}, wrongly dated {self.wrongly_dated}"
        )


def measure(topic: Path, strip_headers: bool, analyzer: Analyzer, stories: bool = False) -> Tally:
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
    if stories:
        for label, shared in (
            ("by the collection", _by_collection(got)),
            ("by their gold story (upper bound)", _by_story(got, gold)),
        ):
            tally.notes.append(f"undated pages dated {label}: {_shared_line(got, gold, shared)}")
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


def _accept(g: dict) -> list[str]:
    return [g["published"]] if g["published"] else list(g.get("published_accept") or [])


def _own_dated(doc: Document) -> bool:
    return doc.published is not None and doc.published_how != "duplicate"


def _by_collection(got: dict[str, Document]) -> dict[str, str]:
    """Undated pages' dates from the rest of the collection (:mod:`dateline.dating.stories`)."""
    pages = [Page(d.id, d.text, d.published, d.published_how, d.duplicate_of) for d in got.values()]
    found = collection_dates(pages)
    return {name: str(found[d.id].value) for name, d in got.items() if d.id in found}


def _by_story(got: dict[str, Document], gold: dict) -> dict[str, str]:
    """Undated pages' dates from the dated pages of their gold story: one the gold
    accepts if there is one (a bound, not a rule), else the earliest."""
    out = {}
    for name, doc in got.items():
        story = gold.get(name, {}).get("story")
        if doc.published is not None or not story:
            continue
        dates = [
            str(other.published)
            for them, other in got.items()
            if _own_dated(other) and gold.get(them, {}).get("story") == story
        ]
        if dates:
            out[name] = min(dates, key=lambda d: (d not in _accept(gold[name]), d))
    return out


def _shared_line(got: dict[str, Document], gold: dict, shared: dict[str, str]) -> str:
    right = wrong = unknown = 0
    for name, g in gold.items():
        doc = got.get(name)
        value = doc.published if doc is not None and doc.published else shared.get(name)
        accept = _accept(g)
        if not accept:  # must stay undated
            wrong += value is not None
        elif value is None:
            unknown += 1
        elif value in accept:
            right += 1
        else:
            wrong += 1
    added = ", ".join(f"{n[:3]} {d}" for n, d in sorted(shared.items())) or "none"
    return f"right {right} wrong {wrong} unknown {unknown} (added: {added})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="*", type=Path, help="topic folders (default: all)")
    parser.add_argument("--misses", action="store_true", help="list each page not dated right")
    parser.add_argument("--stories", action="store_true", help="also date from the collection")
    add_json_flag(parser)
    args = parser.parse_args(argv)
    topics = args.topics or sorted(p for p in CORPUS.iterdir() if (p / "gold.json").is_file())
    table = Table(
        "topic", "headers", "dated", "right", ("right %", ".0%"), "wrong", ("wrong %", ".0%"),
        "unknown", "must stay undated", "kept unknown", "wrongly dated",
    )  # fmt: skip
    totals = {False: Tally(), True: Tally()}

    def add(name: str, strip: bool, tally: Tally) -> None:
        dated = tally.right + tally.wrong + tally.unknown
        share = (lambda n: n / dated) if dated else (lambda n: None)
        table.add(name, "stripped" if strip else "kept", dated, tally.right, share(tally.right),
                  tally.wrong, share(tally.wrong), tally.unknown,
                  tally.kept_unknown + tally.wrongly_dated, tally.kept_unknown,
                  tally.wrongly_dated)  # fmt: skip

    analyzer = Analyzer()  # one model for every run
    with notes_to_stderr(args.json):
        for topic in topics:
            for strip in (False, True):
                tally = measure(topic, strip, analyzer, args.stories)
                add(topic.name, strip, tally)
                for note in tally.notes:
                    print(f"{topic.name} ({'no headers' if strip else 'headers'}): {note}")
                total = totals[strip]
                for name in ("right", "wrong", "unknown", "kept_unknown", "wrongly_dated"):
                    setattr(total, name, getattr(total, name) + getattr(tally, name))
                if args.misses:
                    for miss in tally.misses:
                        print(f"    {topic.name}: {miss}")
    for strip, total in totals.items():
        add("ALL", strip, total)
    table.emit(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
