"""Ingest benchmark: throughput, peak memory and duplicate precision/recall.

Generates N synthetic articles with injected near-duplicates (the generator of
``dedupe_scale.py``), writes them as JSON Lines shards, runs ``dateline ingest`` on
them in a child process (so its peak memory is measured alone), then scores the
duplicate links in the store against the injected truth.

    python bench/ingest.py                 # 100,000 documents
    python bench/ingest.py --n 10000
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedupe_scale import corpus, score
from table import Table, add_json_flag

SHARD = 1000


def write_shards(items: list[tuple[str, str]], folder: Path) -> None:
    """JSON Lines shards; the title carries the generator's id, half have a date."""
    for start in range(0, len(items), SHARD):
        lines = []
        for n, (doc_id, text) in enumerate(items[start : start + SHARD], start=start):
            record = {"text": text, "title": doc_id, "url": f"https://example.org/{doc_id}"}
            if n % 2 == 0:
                record["date"] = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
            lines.append(json.dumps(record))
        (folder / f"shard-{start // SHARD:05d}.jsonl").write_text("\n".join(lines) + "\n")


def run_ingest(folder: Path, db: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of one `dateline ingest` child process."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "--no-progress"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak_mb


def links_in_store(db: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT d.title, root.title FROM documents d "
        "LEFT JOIN documents root ON root.id = d.duplicate_of ORDER BY d.n"
    ).fetchall()
    conn.close()
    return {title: root for title, root in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of articles")
    parser.add_argument("--dup-rate", type=float, default=0.1, help="share of injected copies")
    parser.add_argument("--seed", type=int, default=1)
    add_json_flag(parser)
    args = parser.parse_args()

    items, truth = corpus(args.n, args.dup_rate, args.seed)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "bench.db"
        folder.mkdir()
        write_shards(items, folder)
        elapsed, peak_mb = run_ingest(folder, db)
        again, _ = run_ingest(folder, db)  # a re-run must find everything stored
        links = links_in_store(db)
        db_mb = db.stat().st_size / 2**20
    # the store keeps input order (shards are read in order), which `score` expects
    precision, recall, expected, by_kind = score(items, links, truth)
    table = Table(
        "documents", "copies", ("seconds", ".1f"), ("docs/s", ".0f"), ("peak MB", ".0f"),
        ("store MB", ".0f"), ("re-run s", ".1f"), ("precision", ".4f"), ("recall", ".4f"),
    )  # fmt: skip
    table.add(args.n, expected, elapsed, args.n / elapsed, peak_mb, db_mb, again, precision,
              recall)  # fmt: skip
    table.emit(args.json, recall_by_kind=by_kind)
    if not args.json:
        kinds = ", ".join(f"{k} {v:.3f}" for k, v in sorted(by_kind.items()))
        print(f"recall by kind of copy: {kinds}")


if __name__ == "__main__":
    main()
