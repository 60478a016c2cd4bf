"""Scale benchmark for duplicate detection: throughput, memory, precision, recall.

Generates N synthetic articles (sentences from a small grammar over a large made-up
vocabulary, seeded), of which about 10% are injected near-duplicates of another
article (paragraphs shuffled, a junk list of teasers appended, a new lede, word
edits, or an exact copy in capitals), and some 5% of originals quote two sentences
of another article (hard negatives). Then runs fingerprinting (shingles +
signature) and the LSH index over the shuffled corpus and scores the duplicate
links against the injected truth.

    python bench/dedupe_scale.py --n 10000
    python bench/dedupe_scale.py --n 100000 --workers 1   # fingerprint in a second process
    python bench/dedupe_scale.py --sizes 10000,100000,1000000   # one fresh process per size
    python bench/dedupe_scale.py --n 10000 --verify estimate   # signatures only

``--verify`` picks how candidates are checked: ``passages`` (the default, as ingest
does: shared passages, roots' shingles from a bounded cache, recomputed from the text
on a miss), ``containment`` (exact containment, every root's shingles kept) or
``estimate`` (containment estimated from the signatures, no shingles kept).

With ``--sizes`` each size runs in its own child process, so each peak RSS is that size's
alone; the table shows how time and memory grow with the corpus. ``cpu µs/doc`` is the
process's CPU time, steadier than wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from typing import Any

import numpy as np
from table import Table, add_json_flag

from dateline.dedupe import DuplicateIndex, Fingerprint, fingerprint

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
DETERMINERS = ["the", "a", "this", "every", "its", "their"]
PREPOSITIONS = ["in", "near", "after", "before", "with", "against", "across", "under"]


@dataclass
class Lexicon:
    nouns: list[str]
    verbs: list[str]
    adjectives: list[str]
    places: list[str]


def make_lexicon(rng: random.Random) -> Lexicon:
    words: set[str] = set()
    while len(words) < 20_000:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    pool = sorted(words)
    rng.shuffle(pool)
    return Lexicon(pool[:9000], pool[9000:13000], pool[13000:17000], pool[17000:])


def sentence(rng: random.Random, lex: Lexicon) -> str:
    def phrase() -> str:
        adjective = [rng.choice(lex.adjectives)] if rng.random() < 0.5 else []
        return " ".join([rng.choice(DETERMINERS), *adjective, rng.choice(lex.nouns)])

    words = [phrase(), rng.choice(lex.verbs) + "s", phrase()]
    if rng.random() < 0.6:
        words += [rng.choice(PREPOSITIONS), rng.choice(lex.places).capitalize()]
    if rng.random() < 0.4:
        words += [rng.choice(PREPOSITIONS), phrase()]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, lex: Lexicon) -> list[list[str]]:
    """Paragraphs of sentences (kept as lists so variants can edit them)."""
    return [
        [sentence(rng, lex) for _ in range(rng.randint(2, 5))] for _ in range(rng.randint(6, 12))
    ]


def render(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs)


KINDS = ("exact", "shuffle", "junk", "lede", "edits", "two of these")


def near_copy(rng: random.Random, lex: Lexicon, base: list[list[str]], kind: str) -> str:
    """A copy with one or two of: shuffled paragraphs, junk list, new lede, word edits."""
    paragraphs = [list(p) for p in base]
    if kind == "exact":
        return render(paragraphs).upper().replace(" ", "  ")
    steps = rng.sample(KINDS[1:5], 2) if kind == KINDS[-1] else [kind]
    if "shuffle" in steps:
        rng.shuffle(paragraphs)
    if "lede" in steps:
        paragraphs[0] = [sentence(rng, lex) for _ in range(2)]
    text = render(paragraphs)
    if "edits" in steps:
        words = text.split(" ")
        for _ in range(max(1, len(words) // 60)):
            words[rng.randrange(len(words))] = rng.choice(lex.nouns)
        text = " ".join(words)
    if "junk" in steps:
        teasers = [f"{sentence(rng, lex)}\n{sentence(rng, lex)}" for _ in range(rng.randint(3, 8))]
        text += "\n\nRelated\n\n" + "\n\n".join(teasers)
    return text


def corpus(n: int, dup_rate: float, seed: int) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """Shuffled ``(id, text)`` pairs and each id's true group.

    Copies are named ``c<j>-<kind>`` so that recall can be broken down by kind.
    """
    rng = random.Random(seed)
    lex = make_lexicon(rng)
    originals = [article(rng, lex) for _ in range(n - int(n * dup_rate))]
    for paragraphs in rng.sample(originals, len(originals) // 20):
        quoted = rng.choice(rng.choice(originals))  # two sentences of another article
        paragraphs[-1] = paragraphs[-1] + quoted[:2]
    items = [(f"o{i}", render(p)) for i, p in enumerate(originals)]
    truth = {f"o{i}": i for i in range(len(originals))}
    for j in range(n - len(originals)):
        source, kind = rng.randrange(len(originals)), rng.choice(KINDS)
        items.append((f"c{j}-{kind}", near_copy(rng, lex, originals[source], kind)))
        truth[f"c{j}-{kind}"] = source
    rng.shuffle(items)
    return items, truth


def fingerprints(items: list[tuple[str, str]], workers: int) -> Iterator[Fingerprint]:
    texts = (text for _, text in items)
    if workers == 0:
        yield from map(fingerprint, texts)
        return
    with Pool(workers) as pool:
        yield from pool.imap(fingerprint, texts, chunksize=256)


CACHE = 20_000  # roots whose shingles stay in memory in ``passages`` mode, as in ingest


def run(items: list[tuple[str, str]], workers: int, verify: str) -> dict[str, str | None]:
    """Link every document to the root it duplicates (``None`` for roots), verifying
    candidates as ``verify`` says (see the module's docstring)."""
    index = DuplicateIndex()
    texts = dict(items)
    kept: dict[str, np.ndarray] = {}
    cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def containment_of(doc_id: str) -> set[int] | None:
        found = kept.get(doc_id)
        return None if found is None else set(found.tolist())

    def passages_of(doc_id: str) -> np.ndarray:
        # ingest reads a root's clean text from the store and shingles it again
        from dateline.dedupe import shingle_array

        found = cache.get(doc_id)
        if found is None:
            found = cache[doc_id] = shingle_array(texts[doc_id])
            if len(cache) > CACHE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(doc_id)
        return found

    shingles_of: Callable[[str], object] = passages_of if verify == "passages" else containment_of
    links: dict[str, str | None] = {}
    for (doc_id, _), fp in zip(items, fingerprints(items, workers), strict=True):
        own = {"passages": fp.shingles, "containment": fp.shingle_set()}.get(verify)
        match = index.find(fp.content_hash, fp.signature, fp.size, own, shingles_of)  # type: ignore[arg-type]
        links[doc_id] = None if match is None else match.document_id
        if match is None:
            index.add(doc_id, fp.content_hash, fp.signature, fp.size)
            if verify == "containment":
                kept[doc_id] = fp.shingles
            elif verify == "passages":
                cache[doc_id] = fp.shingles
                if len(cache) > CACHE:
                    cache.popitem(last=False)
    return links


def score(
    items: list[tuple[str, str]], links: dict[str, str | None], truth: dict[str, int]
) -> tuple[float, float, int, dict[str, float]]:
    """Link precision and recall (overall and per kind of copy).

    A link is right when both ends share a true group; every document after the
    first of its group in input order should be linked.
    """
    seen: set[int] = set()
    expected: list[str] = []
    for doc_id, _ in items:
        if truth[doc_id] in seen:
            expected.append(doc_id)
        seen.add(truth[doc_id])
    made = [(d, r) for d, r in links.items() if r is not None]
    right = {d for d, r in made if truth[d] == truth[r]}
    precision = len(right) / len(made) if made else 1.0
    recall = len(right & set(expected)) / len(expected) if expected else 1.0
    by_kind: dict[str, list[bool]] = {}
    for doc_id in expected:
        # The first copy of a group may be an original, linked from a copy instead.
        kind = doc_id.split("-", 1)[1] if doc_id.startswith("c") else "original (copy came first)"
        by_kind.setdefault(kind, []).append(doc_id in right)
    return precision, recall, len(expected), {k: sum(v) / len(v) for k, v in by_kind.items()}


def _peak_mb() -> float:
    # Peak resident memory of this process (Linux reports kilobytes); worker
    # processes, when used, are not counted.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, dup_rate: float, seed: int, workers: int, verify: str) -> dict[str, float]:
    """Generate ``n`` articles, deduplicate them, and return the figures of the run."""
    started = time.perf_counter()
    items, truth = corpus(n, dup_rate, seed)
    generated = time.perf_counter() - started
    words = sum(len(text.split()) for _, text in items) / len(items)
    corpus_mb = _peak_mb()

    started, cpu = time.perf_counter(), time.process_time()
    links = run(items, workers, verify)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    precision, recall, expected, by_kind = score(items, links, truth)
    return {
        "n": n,
        "generated_s": generated,
        "words": words,
        "corpus_mb": corpus_mb,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "peak_mb": _peak_mb(),
        "copies": expected,
        "precision": precision,
        "recall": recall,
        "by_kind": by_kind,  # type: ignore[dict-item]
    }


def table(rows: list[dict[str, Any]], workers: int, mode: str) -> Table:
    out = Table(
        "N", "workers", "verify", "copies", ("seconds", ".1f"), ("docs/s", ".0f"),
        ("µs/doc", ".0f"), ("cpu µs/doc", ".0f"), ("corpus MB", ".0f"), ("peak MB", ".0f"),
        ("dedupe MB", ".0f"), ("precision", ".4f"), ("recall", ".4f"),
    )  # fmt: skip
    for r in rows:
        n, seconds = r["n"], r["seconds"]
        out.add(
            n, workers, mode, r["copies"], seconds, n / seconds, 1e6 * seconds / n,
            1e6 * r["cpu_seconds"] / n, r["corpus_mb"], r["peak_mb"],
            r["peak_mb"] - r["corpus_mb"], r["precision"], r["recall"],
        )  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument(
        "--sizes", help="comma-separated sizes, each run in a fresh process (e.g. 10000,100000)"
    )
    parser.add_argument("--dup-rate", type=float, default=0.1, help="share of injected copies")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=0, help="fingerprinting processes (0: in this one)"
    )
    parser.add_argument(
        "--verify",
        choices=("passages", "containment", "estimate"),
        default="passages",
        help="how candidates are verified (see above)",
    )
    add_json_flag(parser)
    # one size's raw figures as one JSON line: how a --sizes run reads its child processes
    parser.add_argument("--row", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    mode = args.verify

    if args.sizes:
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            command = [sys.executable, __file__, "--n", str(size), "--row"]
            command += ["--dup-rate", str(args.dup_rate), "--seed", str(args.seed)]
            command += ["--workers", str(args.workers), "--verify", args.verify]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
            print(f"  {size} done in {rows[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
        table(rows, args.workers, mode).emit(args.json)
        if not args.json:
            print("corpus MB: peak RSS holding the generated texts;", end=" ")
            print("dedupe MB: what deduplication added to it")
        return

    row = measure(args.n, args.dup_rate, args.seed, args.workers, args.verify)
    if args.row:
        print(json.dumps(row))
        return
    if args.json:
        table([row], args.workers, mode).emit(True, recall_by_kind=row["by_kind"])
        return
    print(
        f"generated {args.n} articles ({row['words']:.0f} words on average) in"
        f" {row['generated_s']:.1f} s; peak RSS {row['corpus_mb']:.0f} MB before deduplication"
    )
    table([row], args.workers, mode).emit(False)
    kinds = ", ".join(f"{k} {v:.3f}" for k, v in sorted(row["by_kind"].items()))  # type: ignore[attr-defined]
    print(f"recall by kind of copy: {kinds}")


if __name__ == "__main__":
    main()
