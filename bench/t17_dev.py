"""Development harness: Dateline's timeline summariser on Timeline17, in the standard setup.

For every gold timeline: the topic's articles published within the gold's first..last date are
cleaned, split into their lines (one sentence a line), dated with the time-expression resolver
and grouped into near-duplicates; the timeline is built with the gold's number of dates and its
average number of sentences per date, and scored with date F1 and align+ m:1 ROUGE (AR1-F,
AR2-F). Means average precision and recall over timelines first, then take F.

    .venv/bin/python bench/t17_dev.py [--topics bpoil_bbc,haiti_bbc] [--set lag=0 --set ...]
                                      [--query keywords] [--loto NAME=V1,V2,...] [--no-cache]

Per-topic preprocessing is cached under /tmp/dateline-t17-cache (keyed on the code it uses).
``--query keywords`` passes each topic's keywords.json as the query; it is off by default because
this copy's keyword files hold folder labels ("bpoil", "Finan", "MJ"), not topic words.
``--loto`` is the honest way to choose among settings: every story (all topics of one news story,
e.g. the five bpoil ones) is scored with the grid point that is best on the other stories.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import resource
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from t17_common import (
    T17,
    gold_paths,
    means,
    score_json,
    score_table,
    story,
    timeline_name,
)
from table import notes_to_stderr

from dateline.clean import clean
from dateline.dedupe import group_texts
from dateline.evaluate import (
    Scores,
    Timeline,
    align_m1_rouge,
    date_f1,
    load_t17_timeline,
    ptb_tokenise,
)
from dateline.summarise import DatedSentence, TimelineOptions, Tuning, build_timeline, sentences_for

CACHE = Path("/tmp/dateline-t17-cache")
SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
# The code whose output the cache holds: a change to any of it invalidates the cache.
CACHED_CODE = (
    "analyse/timex.py",
    "clean/cleaner.py",
    "clean/detok.py",
    "clean/rules.py",
    "summarise/timeline.py",
    "summarise/hygiene.py",
)


@dataclasses.dataclass
class Topic:
    name: str
    sentences: list[DatedSentence]
    groups: dict[str, str]  # document id -> duplicate-group root
    keywords: list[str]


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, trailing spaces excluded."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            spans.append((pos + lead, pos + len(stripped)))
        pos += len(line) + 1
    return spans


def read_topic(folder: Path) -> Topic:
    """Every non-empty article of a topic: clean text, dated lines, duplicate groups."""
    sentences: list[DatedSentence] = []
    texts: list[tuple[str, str]] = []
    for day_folder in sorted((folder / "InputDocs").iterdir()):
        for path in sorted(day_folder.glob("*.txt")):
            raw = path.read_bytes().decode("utf-8", errors="replace")
            text = clean(raw).text
            if not text.strip():
                continue
            doc_id = f"{day_folder.name}/{path.name}"
            sentences += sentences_for(doc_id, text, day_folder.name, line_spans(text))
            texts.append((doc_id, text))
    links = group_texts(texts)
    groups = {d: (m.document_id if m else d) for d, m in links.items()}
    keywords = json.loads((folder / "keywords.json").read_text())
    return Topic(folder.name, sentences, groups, keywords)


def code_key() -> str:
    digest = hashlib.sha256()
    for name in CACHED_CODE:
        digest.update((SRC / name).read_bytes())
    return digest.hexdigest()[:16]


def load_topic(folder: Path, use_cache: bool) -> Topic:
    path = CACHE / f"{folder.name}-{code_key()}.pickle"
    if use_cache and path.is_file():
        with path.open("rb") as handle:
            return Topic(*pickle.load(handle))
    topic = read_topic(folder)
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:  # plain fields, so any script can read the cache
        pickle.dump((topic.name, topic.sentences, topic.groups, topic.keywords), handle)
    return topic


def in_span(topic: Topic, first: date, last: date) -> list[DatedSentence]:
    """The standard setup's input: articles published within the gold's span."""
    lo, hi = first.isoformat(), last.isoformat()
    return [s for s in topic.sentences if s.published and lo <= s.published <= hi]


def predict(topic: Topic, gold: Timeline, tuning: Tuning, query: str | None) -> Timeline:
    first, last = min(gold), max(gold)
    options = TimelineOptions(
        dates=len(gold),
        sentences=max(1, round(gold.sentence_count() / len(gold))),
        since=first.isoformat(),
        until=last.isoformat(),
        query=query,
    )
    sentences = in_span(topic, first, last)
    entries = build_timeline(sentences, options, groups=topic.groups, tuning=tuning)
    predicted = Timeline()
    for entry in entries:
        # Scored PTB-tokenised, as `dateline evaluate` does with detokenised display text.
        predicted[date.fromisoformat(entry.date)] = [ptb_tokenise(t) for t in entry.texts]
    return predicted


def score(predicted: Timeline, gold: Timeline) -> dict[str, Scores]:
    align = align_m1_rouge(predicted, gold)
    return {"date": date_f1(predicted, gold), "ar1": align.rouge_1, "ar2": align.rouge_2}


def load_golds(topics: Sequence[str] | None) -> list[tuple[str, Path, Timeline]]:
    cases = []
    for path in gold_paths(T17, topics):
        gold, _ = load_t17_timeline(path)
        cases.append((timeline_name(path), path.parent.parent, gold))
    return cases


def run(
    cases: Sequence[tuple[str, Path, Timeline]],
    topics: dict[str, Topic],
    tuning: Tuning,
    query_mode: str,
) -> dict[str, dict[str, Scores]]:
    rows = {}
    for name, folder, gold in cases:
        topic = topics[folder.name]
        query = " ".join(topic.keywords) if query_mode == "keywords" else None
        rows[name] = score(predict(topic, gold, tuning, query), gold)
    return rows


def objective(rows: dict[str, dict[str, Scores]]) -> float:
    """One number to pick settings by: each metric relative to its target."""
    m = means(rows)
    return m["date"].f1 / 0.58 + m["ar1"].f1 / 0.14 + m["ar2"].f1 / 0.045


def parse_settings(items: Sequence[str]) -> dict[str, object]:
    fields = {f.name: f.type for f in dataclasses.fields(Tuning)}
    out: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        if key not in fields:
            raise SystemExit(f"unknown parameter {key!r}; known: {', '.join(fields)}")
        out[key] = int(value) if fields[key] in ("int", int) else float(value)
    return out


def loto(
    cases: Sequence[tuple[str, Path, Timeline]],
    topics: dict[str, Topic],
    base: Tuning,
    grid: dict[str, list[str]],
    query_mode: str,
) -> dict[str, dict[str, Scores]]:
    """Leave one story out: each story is scored with the grid point best on the others."""
    points: list[dict[str, object]] = [{}]
    for key, values in grid.items():
        points = [{**p, **parse_settings([f"{key}={v}"])} for p in points for v in values]
    results = [run(cases, topics, dataclasses.replace(base, **p), query_mode) for p in points]
    for point, rows in zip(points, results, strict=True):
        m = means(rows)
        print(f"  {point}: date {m['date'].f1:.3f} AR1 {m['ar1'].f1:.4f} AR2 {m['ar2'].f1:.4f}")
    held: dict[str, dict[str, Scores]] = {}
    for name in sorted({story(n) for n, _, _ in cases}):
        others = [{n: r for n, r in rows.items() if story(n) != name} for rows in results]
        best = max(range(len(points)), key=lambda i: (objective(others[i]), -i))
        print(f"  held out {name}: chose {points[best]}")
        held.update({n: r for n, r in results[best].items() if story(n) == name})
    return {n: held[n] for n, _, _ in cases}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="", help="comma-separated topic folders")
    parser.add_argument("--set", action="append", default=[], help="Tuning field=value")
    parser.add_argument("--query", choices=("none", "keywords"), default="none")
    parser.add_argument("--loto", action="append", default=[], help="field=v1,v2,...")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    cases = load_golds([t for t in args.topics.split(",") if t])
    if not cases:
        print(f"no gold timelines under {T17}")
        return 1
    folders = sorted({folder for _, folder, _ in cases})
    topics = {f.name: load_topic(f, not args.no_cache) for f in folders}
    prepared = time.perf_counter()
    tuning = dataclasses.replace(Tuning(), **parse_settings(args.set))
    with notes_to_stderr(args.json):
        if args.loto:
            grid = {k: v.split(",") for k, _, v in (item.partition("=") for item in args.loto)}
            rows = loto(cases, topics, tuning, grid, args.query)
        else:
            rows = run(cases, topics, tuning, args.query)
    done = time.perf_counter()
    if args.json:
        print(json.dumps({**score_json(rows), "wall s": done - started}))
        return 0
    print(score_table(rows))
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        f"wall time {done - started:.1f} s (preprocessing {prepared - started:.1f} s,"
        f" timelines {done - prepared:.1f} s); peak memory {peak / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
