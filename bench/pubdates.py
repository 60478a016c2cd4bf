"""Publication dates on the realnews-dev topics: right, wrong or unknown, per topic.

Each topic is ingested as the default ``dateline ingest`` does (with the build, whose
analysis gives the weakest cue, the date a text reports as past) twice, from a temporary
copy of its pages: as stored, and with the ` date YYYY-MM-DD` header lines
removed, so that the second run measures what the text alone gives. A page is scored
against its gold: an exact date, or a list of acceptable dates, or an empty list (the
page must stay undated).

With ``--t17 TOPIC ...`` it measures instead the nearest-page cue
(:mod:`dateline.dating.neighbours`) on Timeline17 topics, whose articles are dated by the
benchmark's folders: up to 240 articles a topic are analysed, a third of those no other
cue dates have their dates hidden, and each date the cue gives is compared with the hidden
one (exact, a day off, or wrong by more).

With ``--stories`` it also prints what dating undated pages by the rest of their
collection gives (:mod:`dateline.dating.stories`: a long passage shared with dated
pages, a yearless weekday date whose year the collection settles) and, as an upper
bound no rule can read from the text, the dates of the dated pages of the gold story.

    PYTHONPATH=src python bench/pubdates.py [TOPIC_DIR ...] [--misses] [--stories]
    PYTHONPATH=src python bench/pubdates.py --t17 H1N1_reuters LibyaWar_cnn ...
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.analyse.nlp import Analyzer
from dateline.dating.candidates import (
    dateline_candidate,
    inferred_candidate,
    reported_candidate,
    stamp_candidates,
)
from dateline.dating.neighbours import neighbour_dates
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


T17 = Path(__file__).resolve().parents[2] / "shared" / "bench" / "t17"
T17_ARTICLES = 240


def t17_neighbours(topic: str, analyzer: Analyzer, seed: int = 11) -> tuple[int, int, int, int]:
    """(exact, a day off, wrong, hidden) for the nearest-page cue on one Timeline17 topic."""
    rng = random.Random(seed)
    files = sorted((T17 / topic / "InputDocs").glob("*/*.txt"))
    rng.shuffle(files)
    files = files[:T17_ARTICLES]
    items = [(str(i), f.read_text(errors="replace")[:2500]) for i, f in enumerate(files)]
    gold = {str(i): f.parent.name for i, f in enumerate(files)}
    analyses = {a.document_id: a for a in analyzer.analyse(items)}
    hidden = [i for i in gold if rng.random() < 1 / 3 and not _own_cue(analyses[i].text)]
    hidden = [i for i in hidden if reported_candidate(analyses[i]) is None]
    dates = {i: (d, "header") for i, d in gold.items() if i not in hidden}
    found = neighbour_dates(analyses, dates, hidden, {})
    off = [
        abs((date.fromisoformat(v.value) - date.fromisoformat(gold[i])).days)
        for i, v in found.items()
    ]
    return off.count(0), off.count(1), sum(d > 1 for d in off), len(hidden)


def _own_cue(text: str) -> bool:
    return bool(dateline_candidate(text) or inferred_candidate(text) or stamp_candidates(text))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="*", type=Path, help="topic folders (default: all)")
    parser.add_argument("--misses", action="store_true", help="list each page not dated right")
    parser.add_argument("--stories", action="store_true", help="also date from the collection")
    parser.add_argument("--t17", nargs="+", metavar="TOPIC", help="the nearest-page cue on T17")
    add_json_flag(parser)
    args = parser.parse_args(argv)
    if args.t17:
        analyzer = Analyzer()
        total = [0, 0, 0, 0]
        for topic in args.t17:
            counts = t17_neighbours(topic, analyzer)
            total = [a + b for a, b in zip(total, counts, strict=True)]
            print(f"{topic}: exact {counts[0]} a day off {counts[1]} wrong {counts[2]} "
                  f"of {counts[3]} hidden")  # fmt: skip
        print(f"ALL: exact {total[0]} a day off {total[1]} wrong {total[2]} of {total[3]} hidden")
        return 0
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
