"""Query latency (p50/p95) of timeline, entity profile and search on a large generated store.

The store is built with the synthetic generator of ``bench/dossier_scale.py`` (documents of
8-16 generated sentences, some naming a date; 500 people, one named in each document's
first sentences; events, figures and promises with sources), in chunks so a million
documents fit in memory, through the store's own API. Then each call runs ``--runs`` times
through the same ``Dossier`` methods as the CLI, each run asking something different (another
month, word or person) so nothing is answered from the kept results, except the row that
measures exactly that.

    python bench/query_latency.py                          # 100,000 documents, both backends
    python bench/query_latency.py --n 1000000 --backend sqlite --keep /tmp/latency
    python bench/query_latency.py --keep /tmp/latency --only search    # the search rows
    DATELINE_TEST_POSTGRES=postgresql://... python bench/query_latency.py --backend postgres

PostgreSQL needs a server URL (``--postgres`` or $DATELINE_TEST_POSTGRES; .ci/postgres-start
starts one); the store goes to its own schema, dropped afterwards unless ``--keep`` is given.
With ``--keep PATH`` the SQLite file is PATH/latency-N.db and the schema latency_N; a later
run with the same ``--keep`` and ``--n`` reuses them instead of building again.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedupe_scale import make_lexicon
from dossier_scale import START, derived, doc_id, documents
from table import Table, add_json_flag, notes_to_stderr

from dateline.model import Mention
from dateline.service import Dossier
from dateline.store import Store
from dateline.summarise.features import TermNumbers, document_features
from dateline.summarise.text import vocabulary

# Up to this many documents are one documents() call: below it, the corpus is exactly
# dossier_scale.py's (one lexicon); above it, each chunk brings a lexicon of its own.
CHUNK = 200_000
SEED = 7
PEOPLE = 500  # as many as dossier_scale.derived() makes


def chunk_documents(n: int, k: int) -> list:  # type: ignore[type-arg]
    """Chunk ``k`` of the corpus: documents() with a seed of its own (so it can be made
    again instead of held), renumbered to unique ids."""
    size = min(CHUNK, n - k * CHUNK)
    made = []
    for i, (doc, spans) in enumerate(documents(size, random.Random(SEED + k))):
        number = k * CHUNK + i
        doc = dataclasses.replace(
            doc, id=doc_id(number), path=f"gen/{number}.txt", content_hash=f"h{number}"
        )
        made.append((doc, spans))
    return made


@dataclasses.dataclass(frozen=True)
class Sentences:
    """Every generated sentence row, made again chunk by chunk each time it is read."""

    n: int

    def __iter__(self) -> Iterator[tuple[str, int, int, int, list[list[str]]]]:
        for k in range(chunks(self.n)):
            for doc, spans in chunk_documents(self.n, k):
                for j, (a, b, dates) in enumerate(spans):
                    yield doc.id, j, a, b, dates


@dataclasses.dataclass(frozen=True)
class Features:
    """What a build keeps of each document's sentences for the summariser, made again chunk
    by chunk when read (once: its terms are numbered over the whole read)."""

    n: int

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        numbers = TermNumbers()
        for k in range(chunks(self.n)):
            for doc, spans in chunk_documents(self.n, k):
                yield doc.id, document_features(doc.text, [(a, b) for a, b, _ in spans], numbers)


@dataclasses.dataclass(frozen=True)
class Mentions:
    """A person named in one of each document's first three sentences (each of the 500
    people in every 500th document), made again chunk by chunk each time it is read."""

    n: int

    def __iter__(self) -> Iterator[Mention]:
        for k in range(chunks(self.n)):
            for i, (doc, spans) in enumerate(chunk_documents(self.n, k)):
                number = k * CHUNK + i
                j = number % 3
                a, b, _ = spans[j]
                who = number % PEOPLE
                yield Mention(doc.id, j, a, min(b, a + 8), f"Person {who}", "PERSON", f"e{who}")


def chunks(n: int) -> int:
    return (n + CHUNK - 1) // CHUNK


def build(store: Store, n: int, events: int) -> float:
    """Write the corpus and its derived dossier; seconds taken."""
    started = time.perf_counter()
    sample = []  # a light stand-in per document: enough for derived() to pick sources
    stems: dict[str, str] = {}  # the stems a build keeps of the articles' words
    for k in range(chunks(n)):
        made = chunk_documents(n, k)
        with store.transaction():  # each document's writes join one commit per chunk
            for doc, _ in made:
                store.write_document(doc, f"/gen/{doc.id}", b"", 0)
        sample += [(SimpleNamespace(id=doc.id), spans[:1]) for doc, spans in made]
        stems.update(vocabulary(doc.text for doc, _ in made))
        print(f"  {min(n, (k + 1) * CHUNK)} documents written", file=sys.stderr)
    made = derived(sample, random.Random(SEED), events, stems, features=False)  # type: ignore[arg-type]
    whole = dataclasses.replace(
        made, sentences=Sentences(n), mentions=Mentions(n), features=Features(n)
    )
    store.replace_derived(whole)
    store.set_meta("bench", f"{n} {events}")
    return time.perf_counter() - started


def percentiles(seconds: list[float]) -> tuple[float, float]:
    if len(seconds) == 1:
        return seconds[0], seconds[0]
    cuts = statistics.quantiles(seconds, n=20, method="inclusive")
    return statistics.median(seconds), cuts[18]


def measure(dossier: Dossier, runs: int, only: str = "") -> list[tuple[str, list[float]]]:
    lexicon = make_lexicon(random.Random(SEED))
    words = random.Random(1).sample(lexicon.nouns, 2 * runs)

    def month(r: int) -> tuple[str, str]:
        # a different 30-day window each run, all within the corpus's 300 days
        first = START + timedelta(days=(r * 13) % 260)
        return first.isoformat(), (first + timedelta(days=29)).isoformat()

    calls: list[tuple[str, Callable[[int], object]]] = [
        ("timeline, first call", lambda r: dossier.timeline(10, 2)),
        ("timeline, repeated (kept)", lambda r: dossier.timeline(10, 2)),
        ("timeline, one month", lambda r: dossier.timeline(10, 2, *month(r))),
        ("timeline, one day", lambda r: dossier.timeline(10, 2, month(r)[0], month(r)[0])),
        ("timeline, month + query", lambda r: dossier.timeline(10, 2, *month(r), words[r])),
        (
            "timeline, one person",
            lambda r: dossier.timeline(10, 2, entity=f"Person {r * 11 % PEOPLE}"),
        ),
        (
            "timeline, month + event type",
            lambda r: dossier.timeline(10, 2, *month(r), event_type="CONSULT"),
        ),
        ("entity profile", lambda r: dossier.entity(f"Person {r * 7 % 500}")),
        ("search, one word", lambda r: dossier.search(words[runs + r])),
        ("search, a OR b", lambda r: dossier.search(f"{words[r]} OR {words[runs + r]}")),
        ("search, common word", lambda r: dossier.search(("the", "every", "their")[r % 3])),
    ]
    results = []
    for name, call in calls:
        if not name.startswith(only):
            continue
        count = 1 if name.endswith("first call") else runs
        seconds = []
        for r in range(count):
            started = time.perf_counter()
            call(r)
            seconds.append(time.perf_counter() - started)
        results.append((name, seconds))
    return results


def open_postgres(url: str, schema: str, fresh: bool) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        if fresh:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema},public"


def drop_postgres(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def run(backend: str, args: argparse.Namespace, folder: Path) -> list[tuple[str, list[float]]]:
    schema = f"latency_{args.n}"
    if backend == "sqlite":
        location = str(folder / f"latency-{args.n}.db")
    else:
        location = open_postgres(args.postgres, schema, fresh=args.keep is None)
    dossier = Dossier.open(location)
    try:
        wanted = f"{args.n} {args.events}"
        if dossier.store.meta("bench") == wanted:
            print(f"{backend}: reusing the store at {dossier.store.location}", file=sys.stderr)
            # results kept by an earlier run would answer the "first call" rows
            with dossier.store.transaction():
                dossier.store.execute("DELETE FROM results")
        else:
            if dossier.store.count_documents():
                raise SystemExit(f"{dossier.store.location} holds another corpus; remove it")
            seconds = build(dossier.store, args.n, args.events)
            print(f"{backend}: built {args.n} documents, {args.events} events in {seconds:.0f} s")
        return [] if args.build_only else measure(dossier, args.runs, args.only)
    finally:
        dossier.close()
        if backend == "postgres" and args.keep is None:
            drop_postgres(args.postgres, schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents")
    parser.add_argument("--events", type=int, help="events (default: one per 20 documents)")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--runs", type=int, default=20, help="runs per call")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the stores under PATH")
    parser.add_argument("--build-only", action="store_true", help="build (with --keep), no query")
    parser.add_argument("--only", default="", metavar="PREFIX",
                        help="only the calls whose name starts so, e.g. search")  # fmt: skip
    parser.add_argument("--postgres", default=os.environ.get("DATELINE_TEST_POSTGRES"),
                        help="server URL (default: $DATELINE_TEST_POSTGRES)")  # fmt: skip
    add_json_flag(parser)
    args = parser.parse_args()
    args.events = args.events or max(1, args.n // 20)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if args.build_only and args.keep is None:
        parser.error("--build-only needs --keep PATH")
    if "postgres" in backends and not args.postgres:
        parser.error("PostgreSQL needs --postgres URL or $DATELINE_TEST_POSTGRES")
    measured = []
    with TemporaryDirectory(prefix="dateline-latency-") as tmp, notes_to_stderr(args.json):
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for backend in backends:
            measured += [(backend, name, s) for name, s in run(backend, args, folder)]
        print(f"\nquery latency, {args.n} documents, {args.events} events ({date.today()})")
    table = Table("backend", "call", "runs", ("p50 ms", ".1f"), ("p95 ms", ".1f"))
    for backend, name, seconds in measured:
        p50, p95 = percentiles(seconds)
        table.add(backend, name, len(seconds), p50 * 1000, p95 * 1000)
    table.emit(args.json, documents=args.n, events=args.events, day=str(date.today()),
               load=os.getloadavg()[0])  # fmt: skip


if __name__ == "__main__":
    main()
