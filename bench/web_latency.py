"""Latency of the web API's timeline, entity and search endpoints on a large store.

The store is generated as in `dossier_scale.py` (documents and derived rows written
straight into it, no language model); requests go through the whole FastAPI app
in-process with its TestClient (routing, validation, JSON encoding; no network socket).

    python bench/web_latency.py                        # 100,000 documents in a temporary store
    python bench/web_latency.py --db /tmp/web100k.db   # build it there once, reuse it later
    python bench/web_latency.py --n 10000 --runs 20
    python bench/web_latency.py --db "postgresql://.../db?options=-csearch_path%3Dlatency_1000000"

``--db`` may name a PostgreSQL store (a URL), such as one ``query_latency.py --keep`` built.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dossier_scale import derived, doc_id, documents
from fastapi.testclient import TestClient
from table import Table, add_json_flag, notes_to_stderr

from dateline.service import Dossier
from dateline.web import create_app


def build(location: str, n: int, events: int) -> None:
    rng = random.Random(7)
    started = time.perf_counter()
    dossier = Dossier.open(location)
    docs = documents(n, rng)
    for i in range(0, len(docs), 5000):
        with dossier.store.transaction():  # one commit per batch, not per document
            for doc, _ in docs[i : i + 5000]:
                dossier.store.write_document(doc, f"/gen/{doc.id}", b"", 0)
    dossier.store.replace_derived(derived(docs, rng, events))
    dossier.close()
    print(f"built {n} documents, {events} events in {time.perf_counter() - started:.0f} s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_concurrent(
    client: TestClient, urls: Callable[[int], str], runs: int, clients: int
) -> tuple[list[float], int]:
    """``runs`` requests from ``clients`` threads at once: each one's seconds, and how many
    failed (any status but 200)."""

    def one(i: int) -> tuple[float, bool]:
        started = time.perf_counter()
        response = client.get(urls(i))
        return time.perf_counter() - started, response.status_code == 200

    with ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(one, range(runs)))
    return [s for s, _ in done], sum(not ok for _, ok in done)


def measure(client: TestClient, urls: Callable[[int], str], runs: int) -> list[float]:
    seconds = []
    for i in range(runs):
        url = urls(i)
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents")
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=40, help="requests per row")
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=10,
        help="requests per row whose every request is a new timeline",
    )
    parser.add_argument(
        "--db", help="store to reuse, a file or a postgresql:// URL (built there when empty)"
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients, last rows")
    add_json_flag(parser)
    args = parser.parse_args()
    table = Table(
        "endpoint", "clients", "runs", ("p50 ms", ".1f"), ("p95 ms", ".1f"), ("max ms", ".1f"),
        "errors",
    )  # fmt: skip
    context: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-web-") as tmp, notes_to_stderr(args.json):
        location = args.db or str(Path(tmp) / "web.db")
        dossier = Dossier.open(location)
        if not dossier.stats()["documents"]:
            dossier.close()
            build(location, args.n, args.events)
            dossier = Dossier.open(location)
        stats = dossier.stats()
        rng = random.Random(11)
        sample = [d.split() for d in dossier.texts([doc_id(rng.randrange(stats['documents']))
                                                     for _ in range(200)]).values()]  # fmt: skip
        words = [w.strip(".,").lower() for ws in sample for w in ws[1:4] if len(w) > 4]
        people = [e.name for e in dossier.entities()]
        print(
            f"store: {stats['documents']} documents, {len(dossier.events())} events, "
            f"{len(people)} entities; in-process TestClient, {args.runs} requests a row"
        )
        with TestClient(create_app(dossier)) as client:
            started = time.perf_counter()
            client.get("/api/timeline")
            first = time.perf_counter() - started
            print(f"first request (timeline, nothing kept yet): {first:.2f} s")
            context.update(documents=stats["documents"], first_request_ms=first * 1000)
            months = [f"2025-{m:02d}" for m in range(1, 11)]
            warm, cold = args.runs, args.cold_runs
            # "kept": the store keeps a timeline until the next write, so a repeated one is a
            # read; "new": each request asks for a timeline not asked before.
            rows = [
                ("GET /api/timeline (kept)", warm, lambda i: "/api/timeline"),
                ("GET /api/timeline?entity= (new)", cold,
                 lambda i: f"/api/timeline?entity={people[i % len(people)]}"),
                ("GET /api/timeline?since=&until= (new)", cold,
                 lambda i: f"/api/timeline?since={months[i % 10]}-01"
                           f"&until={months[i % 10]}-28&dates={10 + i}"),
                ("GET /api/entities/{name}", warm,
                 lambda i: f"/api/entities/{rng.choice(people)}"),
                ("GET /api/search?q=word", warm, lambda i: f"/api/search?q={rng.choice(words)}"),
                ("GET /api/search?q=w1 OR w2", warm,
                 lambda i: f"/api/search?q={rng.choice(words)} OR {rng.choice(words)}"),
                ("GET /api/search?q=&since=", warm,
                 lambda i: f"/api/search?q={rng.choice(words)}&since=2025-06-01"),
            ]  # fmt: skip
            for name, runs, urls in rows:
                seconds = measure(client, urls, runs)
                table.add(name, 1, len(seconds), statistics.median(seconds) * 1000,
                          percentile(seconds, 0.95) * 1000, max(seconds) * 1000, 0)  # fmt: skip
            # the same reads from several clients at once: each new timeline, entity page
            # and search in flight together (the server's worker threads serve them)
            mixed = [urls for _, _, urls in rows]
            total = args.clients * max(4, args.cold_runs)
            seconds, errors = measure_concurrent(
                client, lambda i: mixed[i % len(mixed)](i), total, args.clients
            )
            table.add("mixed reads (all the rows above)", args.clients, len(seconds),
                      statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000,
                      max(seconds) * 1000, errors)  # fmt: skip
        dossier.close()
    table.emit(args.json, **context, load=os.getloadavg()[0])


if __name__ == "__main__":
    main()
