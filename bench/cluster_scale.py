"""Event clustering at scale: the indexed grouping against comparing every report with every
event so far (the reference kept in tests/cluster/test_cluster_index.py).

Generated report sets: event types and kinds from the ontology, dates over one year (days,
multi-day visits, months, a few years, bounds), a few hundred people, some name keys, about
30% undated (most from dated articles). Reports come from "true" events reported by several
articles, so clusters form as in a real corpus. For each size the table gives seconds and
``_fits`` calls for the grouping, and seconds for the whole ``cluster_events``; the reference
runs only up to ``--old-max`` reports (it is quadratic) and must give the same clusters.

    python bench/cluster_scale.py                      # 1k, 10k, 100k reports
    python bench/cluster_scale.py --sizes 1000 20000 --old-max 20000
    python bench/cluster_scale.py --articles 1000      # also: the reports of 1,000 generated
                                                       # articles (analysis takes minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from table import Table, add_json_flag, notes_to_stderr  # noqa: E402

from dateline.cluster import events as ev  # noqa: E402
from dateline.extract import ontology as onto  # noqa: E402
from dateline.extract.events import EventMention  # noqa: E402
from dateline.model import Participant, Source  # noqa: E402
from tests.cluster.test_cluster_index import membership, plain_group  # noqa: E402

YEAR = dt.date(2025, 1, 1)
PAIRS = sorted({(t.type, t.kind) for t in onto.TRIGGERS})
COUNTRIES = [f"country{i}" for i in range(12)]


def _iso(d: dt.date) -> str:
    return d.isoformat()


def generate(n: int, seed: int = 7) -> list[EventMention]:
    """``n`` reports of about ``n / 4`` events, each told by several articles."""
    rng = random.Random(seed)
    people = [f"person{i}" for i in range(max(50, min(400, n // 25)))]
    events = []
    for i in range(max(1, n // 4)):
        type_, kind = rng.choice(PAIRS)
        start = YEAR + dt.timedelta(days=rng.randrange(365))
        length = rng.randint(1, 4) if kind == "visit" else 1
        named = kind in onto.NAMED_KINDS and rng.random() < 0.2
        key = f"{rng.randint(1, 20)}|meeting" if named else None
        thing = rng.choice(["memorandum", "agreement", "statement"]) if type_ == "AGREE" else None
        who = rng.sample(people, rng.randint(1, 3)) if rng.random() < 0.85 else []
        events.append((i, type_, kind, start, length, key, thing, who, rng.sample(COUNTRIES, 2)))
    out = []
    documents = max(1, n // 6)
    undated_articles = {k for k in range(documents) if rng.random() < 0.1}
    for j in range(n):
        # a few events (summits) are reported far more often than the rest
        hot = rng.random() < 0.1
        _, type_, kind, start, length, key, thing, who, countries = events[
            rng.randrange(min(20, len(events)) if hot else len(events))
        ]
        k = rng.randrange(documents)
        doc = f"doc{k}"
        published = None if k in undated_articles else _iso(start + dt.timedelta(days=1))
        told = rng.sample(who, rng.randint(1, len(who))) if who else []
        date = end = precision = span = None
        roll = rng.random()
        if roll < 0.70:  # dated
            date, end, precision = _iso(start), _iso(start + dt.timedelta(days=length - 1)), "day"
            if rng.random() < 0.05:  # "ended a two-day visit on Monday"
                end = date = _iso(start + dt.timedelta(days=length - 1))
                span = (_iso(start - dt.timedelta(days=2)), date)
        elif roll < 0.73:
            first = start.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            date, end, precision = _iso(first), _iso(last), "month"
        elif roll < 0.74:
            date, end, precision = "2025-01-01", "2025-12-31", "year"
        out.append(
            EventMention(
                document_id=doc,
                type=type_,
                kind=kind,
                trigger=kind,
                trigger_start=j,
                trigger_end=j + 5,
                source=Source(doc, j, j + 40),
                participants=tuple(Participant(p, p) for p in [*told, *countries]),
                date=date,
                end=end,
                precision=precision,
                published=published,
                key=key if rng.random() < 0.7 else None,
                thing=thing,
                hosts=(told[0],) if kind == "reception" and told else (),
                people=tuple(told),
                span=span,
            )
        )
    return out


def counted(run: Callable[[], object]) -> int:
    """How many times ``_fits`` is called (directly or through ``_joins``) during ``run``."""
    calls = 0
    original = ev._fits

    def fits(m: EventMention, c: ev._Cluster) -> bool:
        nonlocal calls
        calls += 1
        return original(m, c)

    ev._fits = fits
    try:
        run()
    finally:
        ev._fits = original
    return calls


def seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


TABLE = Table(
    "reports of", "reports", "events", ("indexed ms", ".0f"), "indexed _fits calls",
    ("cluster_events ms", ".0f"), ("plain ms", ".0f"), "plain _fits calls", "same",
)  # fmt: skip


def row(label: str, mentions: Sequence[EventMention], old_max: int) -> None:
    new_s = seconds(lambda: ev._group(mentions))
    new_calls = counted(lambda: ev._group(mentions))
    whole = seconds(lambda: ev.cluster_events(mentions, []))
    clusters = len(ev._group(mentions))
    old_ms = old_calls = same = None
    if len(mentions) <= old_max:  # the plain grouping is quadratic: skipped past old_max
        old_ms = seconds(lambda: plain_group(mentions)) * 1000
        old_calls = counted(lambda: plain_group(mentions))
        same = membership(ev._group(mentions)) == membership(plain_group(mentions))
    TABLE.add(label, len(mentions), clusters, new_s * 1000, new_calls, whole * 1000, old_ms,
              old_calls, same)  # fmt: skip


def corpus_mentions(n: int) -> tuple[list[EventMention], float]:
    """The reports a build clusters for ``n`` generated articles, and that build's seconds
    for a rebuild with nothing new."""
    from articles import corpus, write_corpus

    import dateline.pipeline.build as build
    from dateline.analyse.nlp import Analyzer
    from dateline.service import Dossier

    seen: list[list[EventMention]] = []
    clustering = build.cluster_events

    def keep(mentions, entities):  # the build's own call, recorded
        seen.append(list(mentions))
        return clustering(mentions, entities)

    with tempfile.TemporaryDirectory(prefix="dateline-cluster-") as tmp:
        files = write_corpus(corpus(n, 7), Path(tmp) / "articles")
        with Dossier.open(Path(tmp) / "d.db", dt.date(2026, 1, 1), Analyzer()) as d:
            d.ingest(files)
            build.cluster_events = keep
            try:
                started = time.perf_counter()
                d.build()
                rebuild = time.perf_counter() - started
            finally:
                build.cluster_events = clustering
    return seen[-1], rebuild


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--old-max", type=int, default=10_000, help="largest size for the old")
    parser.add_argument("--articles", type=int, default=0, help="also cluster a built corpus")
    add_json_flag(parser)
    args = parser.parse_args()
    context: dict[str, object] = {"cores": os.cpu_count(), "load_start": os.getloadavg()[0]}
    with notes_to_stderr(args.json):
        print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at start")
        for n in args.sizes:
            row("generated", generate(n), args.old_max)
            print(f"  {n} generated reports done", file=sys.stderr, flush=True)
        if args.articles:
            mentions, rebuild = corpus_mentions(args.articles)
            row(f"{args.articles} articles", mentions, args.old_max)
            context["rebuild_nothing_new_ms"] = rebuild * 1000
            print(f"rebuild with nothing new, {args.articles} articles: {rebuild:.2f} s")
    TABLE.emit(args.json, **context, load_end=os.getloadavg()[0])
    if not args.json:
        print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
