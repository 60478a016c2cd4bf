"""Deduplication on a dense corpus: every article tells the same story.

``articles.py`` writes one story world, its rewrites and (10%) reprints of earlier articles,
so each new article is a near-duplicate candidate of many stored ones. The articles are
ingested without analysis (reading, cleaning, dating, deduplication, store); the table
gives, per size, the LSH candidates and the verifications per document (both should stay
flat as the corpus grows) and the reprints linked to their original.

    python bench/dense.py --sizes 1000,2000,4000 [--json]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import articles
from table import Table, add_json_flag, notes_to_stderr

import dateline.dedupe.index as index
from dateline.service import Dossier


def corpus(n: int, seed: int = 7, reprints: float = 0.1) -> tuple[list, dict[int, int]]:
    """``articles.corpus`` with its truth: reprint serial -> the original's serial."""
    rng = random.Random(seed)
    items: list = []
    truth: dict[int, int] = {}
    for serial in range(n):
        if items and rng.random() < reprints:
            j = rng.randrange(len(items))
            j = truth.get(j, j)  # a reprint of a reprint copies the original
            title, text, day = items[j]
            if rng.random() < 0.5:
                text = f"{rng.choice(articles.CITIES)}, {articles._day(day)} - " + text
            else:
                text += f"\n\n{rng.choice(articles.OUTLETS)}"
            truth[serial] = j
            items.append((title, text, day))
        else:
            items.append(articles.article(rng, serial))
    return items, truth


class Counted:
    """Counts the LSH candidates and the verifications of every lookup."""

    def __init__(self) -> None:
        self.candidates = self.verified = 0

    def __enter__(self) -> Counted:
        self._query, self._score = index.Bands.query, index.passage_score

        def query(bands: index.Bands, signature, crowded: int = index.MAX_BUCKET):  # type: ignore[no-untyped-def]
            found = self._query(bands, signature, crowded)
            self.candidates += len(found)
            return found

        def score(a, b):  # type: ignore[no-untyped-def]
            self.verified += 1
            return self._score(a, b)

        index.Bands.query, index.passage_score = query, score  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        index.Bands.query, index.passage_score = self._query, self._score  # type: ignore[method-assign]


def run(n: int) -> tuple[float, Counted, dict[int, int], dict[int, int]]:
    items, truth = corpus(n)
    with tempfile.TemporaryDirectory(prefix="dateline-dense-") as tmp, Counted() as counted:
        files = articles.write_corpus(items, Path(tmp) / "articles")
        with Dossier.open(Path(tmp) / "dense.db") as dossier:
            started = time.perf_counter()
            dossier.ingest(files, build=False)
            seconds = time.perf_counter() - started
            rows = dossier.store.execute("SELECT id, path, duplicate_of FROM documents").fetchall()
    serial = {r[0]: int(Path(r[1]).stem.split("-")[1]) for r in rows}
    linked = {serial[r[0]]: serial[r[2]] for r in rows if r[2]}
    return seconds, counted, truth, linked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000", help="comma-separated sizes")
    add_json_flag(parser)
    args = parser.parse_args()
    table = Table(
        "articles", ("seconds", ".1f"), ("docs/s", ".0f"), ("candidates/doc", ".0f"),
        ("verified/doc", ".1f"), "reprints", "linked", "linked right",
    )  # fmt: skip
    with notes_to_stderr(args.json):
        print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at start")
        for n in (int(s) for s in args.sizes.split(",")):
            seconds, counted, truth, linked = run(n)
            right = sum(1 for a, b in linked.items() if truth.get(a) == b or truth.get(b) == a)
            table.add(n, seconds, n / seconds, counted.candidates / n, counted.verified / n,
                      len(truth), len(linked), right)  # fmt: skip
            print(f"  {n} done in {seconds:.0f} s", file=sys.stderr, flush=True)
    table.emit(args.json, max_bucket=index.MAX_BUCKET, max_verified=index.MAX_VERIFIED,
               load_end=os.getloadavg()[0])  # fmt: skip


if __name__ == "__main__":
    main()
