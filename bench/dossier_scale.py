"""Timeline and report timings on a large generated store.

The analysed rows are synthesised straight into the store (documents, dated sentences,
entities, events, figures, promises with their sources) rather than run through the
language model, so a 100,000-document dossier builds in minutes; then `timeline` and
`report` run through the same Dossier calls as the CLI.

    python bench/dossier_scale.py               # 100,000 documents
    python bench/dossier_scale.py --n 10000
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedupe_scale import make_lexicon, sentence
from table import Table, add_json_flag, notes_to_stderr

from dateline.evaluate.rouge import stemmer_identity
from dateline.export.report import render_report
from dateline.model import Document, Entity, Event, Figure, Participant, Promise, Role, Source
from dateline.service import Dossier
from dateline.store.records import Derived
from dateline.summarise.features import TermNumbers, document_features, features_identity
from dateline.summarise.text import vocabulary

START = date(2025, 1, 1)


def doc_id(i: int) -> str:
    """An id shaped like an ingested document's ("d" and 12 hex digits of a hash), so
    queries that sample by id range see the spread they see in a real store."""
    return "d" + hashlib.sha256(str(i).encode()).hexdigest()[:12]


def documents(n: int, rng: random.Random) -> list[tuple[Document, list[tuple[int, int, list]]]]:
    """Documents of 8–16 generated sentences; some sentences refer to a date."""
    lex = make_lexicon(rng)
    out = []
    for i in range(n):
        published = START + timedelta(days=rng.randrange(300))
        parts, spans, pos = [], [], 0
        for _ in range(rng.randint(8, 16)):
            text = sentence(rng, lex)
            dates = []
            if rng.random() < 0.3:
                day = published - timedelta(days=rng.randrange(0, 20))
                dates = [[day.isoformat(), "day"]]
            parts.append(text)
            spans.append((pos, pos + len(text), dates))
            pos += len(text) + 1
        text = " ".join(parts)
        doc = Document(id=doc_id(i), path=f"gen/{i}.txt", record=0, format="text", raw=text,
                       text=text, content_hash=f"h{i}", published=published.isoformat(),
                       published_how="header")  # fmt: skip
        out.append((doc, spans))
    return out


def derived(
    docs: list,
    rng: random.Random,
    events: int,
    stems: dict[str, str] | None = None,
    features: bool = True,
) -> Derived:
    """The dossier a build would derive from ``docs``, with the stems it keeps of their
    words (``stems``, when the caller found them already) and, with ``features``, what it
    keeps of their sentences for the summariser."""
    people = [Entity(f"e{i}", f"Person {i}", "PERSON", (f"Person {i}",),
                     (Role("Minister", "Ministry", "2025-01-01", "2025-10-01"),), 10)
              for i in range(500)]  # fmt: skip

    def sources(k: int) -> tuple[Source, ...]:
        picks = rng.sample(docs, k)
        return tuple(Source(d.id, s[0][0], s[0][1]) for d, s in picks)

    made = []
    for i in range(events):
        day = START + timedelta(days=rng.randrange(300))
        who = rng.sample(people, 2)
        made.append(Event(f"ev{i}", "CONSULT", f"Talks {i}", day.isoformat(), "day",
                          participants=tuple(Participant(p.id, p.name) for p in who),
                          sources=sources(rng.randint(1, 8))))  # fmt: skip
    figures = [Figure(f"f{i}", f"subject {i}", float(i * 1000), "USD", None, "2025-05-01",
                      sources(2)) for i in range(500)]  # fmt: skip
    promises = [Promise(f"p{i}", "plan", people[i].name, f"plans {i}", "2025-03-01",
                        sources=sources(1)) for i in range(200)]  # fmt: skip
    sentences = [(d.id, j, a, b, ds) for d, spans in docs for j, (a, b, ds) in enumerate(spans)]
    if stems is None:
        stems = vocabulary(d.text for d, _ in docs)
    numbers = TermNumbers()
    kept = [(d.id, document_features(d.text, [(a, b) for a, b, _ in spans], numbers))
            for d, spans in docs] if features else []  # fmt: skip
    return Derived(people, (), made, figures, promises, sentences, stems=stems,
                   stemmer=stemmer_identity(), features=kept,
                   features_by=features_identity())  # fmt: skip


def timed(runs: int, call) -> list[float]:  # type: ignore[no-untyped-def]
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents")
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    add_json_flag(parser)
    args = parser.parse_args()
    table = Table("call", "runs", ("p50 ms", ".0f"), ("max ms", ".0f"))
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp, notes_to_stderr(args.json):
        dossier = Dossier.open(Path(tmp) / "scale.db")
        started = time.perf_counter()
        docs = documents(args.n, rng)
        for doc, _ in docs:
            dossier.store.write_document(doc, f"/gen/{doc.id}", b"", 0)
        dossier.store.replace_derived(derived(docs, rng, args.events))
        built = time.perf_counter() - started
        sentences = sum(len(s) for _, s in docs)
        print(f"store: {args.n} documents, {sentences} sentences, {args.events} events, "
              f"built in {built:.0f} s")  # fmt: skip
        rows = [
            ("timeline (10 dates)", lambda: dossier.timeline(10, 2)),
            ("timeline, one month", lambda: dossier.timeline(10, 2, "2025-06-01", "2025-06-30")),
            ("report (markdown)", lambda: render_report(dossier.report_input("Scale", 15, 2))),
        ]
        for name, call in rows:
            seconds = timed(args.runs, call)
            table.add(name, len(seconds), statistics.median(seconds) * 1000, max(seconds) * 1000)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        dossier.close()
    table.emit(args.json, documents=args.n, events=args.events, peak_mb=peak)
    if not args.json:
        print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
