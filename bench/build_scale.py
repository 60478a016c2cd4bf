"""How the build grows with the collection: its stages on 1x, 2x, 4x... as many real articles.

The analysis (spaCy) costs the same per article however large the collection; the stages
after it (entity resolution, extraction, event clustering, merging figures, matching
promises) see the whole collection, and any step comparing every pair of things grows
with its square. This bench builds stores of growing size from the Timeline17 articles
(mixed topics, a fixed shuffle), taking each article's analysis from the stores
``bench/t17.py --workdir DIR`` left (so no spaCy runs here), and prints each size's build
time by stage. A stage whose seconds per article rise with the size does not scale.

    python bench/t17.py --workdir /tmp/t17           # once: the stores with the analyses
    python bench/build_scale.py --stores /tmp/t17 --sizes 1000,2000,4000
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
from analysis_throughput import _IN_EXTRACT, GROUPS, clocked
from t17_common import T17
from table import Table, add_json_flag, notes_to_stderr

from dateline.analyse.nlp import Analyzer
from dateline.service import Dossier
from dateline.store import open_store

SEED = 17
SHOWN = ("dating", "resolve", "extraction", "cluster", "merge figures", "match promises")


def articles() -> list[Path]:
    """Every Timeline17 article file, in a fixed shuffled order."""
    files = sorted(T17.glob("*/InputDocs/*/*"))
    random.Random(SEED).shuffle(files)
    return files


def kept_analyses(stores: Path, model: str, version: str) -> dict[str, bytes]:
    """The analyses the stores under ``stores`` hold for this model and version."""
    found: dict[str, bytes] = {}
    for path in sorted(stores.glob("*.db")):
        store = open_store(path)
        try:
            found.update(store.analyses(model, version))
        finally:
            store.close()
    return found


def build_once(files: list[Path], kept: dict[str, bytes], model: str, version: str) -> dict:
    """Ingest ``files`` into a new store, lend it the kept analyses, and time its build."""
    spent: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        dossier = Dossier.open(Path(tmp) / "scale.db")
        try:
            dossier.ingest(files, build=False, date_from_path=True)
            ids = [d.id for d in dossier.store.documents()]
            lent = [i for i in ids if i in kept]
            with dossier.store.transaction():
                for i in lent:
                    dossier.store.put_analysis(i, model, version, kept[i])
            started = time.perf_counter()
            with clocked(spent):
                dossier.build()
            seconds = time.perf_counter() - started
        finally:
            dossier.close()
    spent["extraction cache"] -= sum(spent.get(k, 0.0) for k in _IN_EXTRACT)
    stages = {k: v for k, v in spent.items() if k not in GROUPS["extraction"]}
    stages["extraction"] = sum(spent.get(k, 0.0) for k in GROUPS["extraction"])
    stages["other"] = seconds - sum(stages.values())
    return {"documents": len(ids), "analysed here": len(ids) - len(lent), "build s": seconds,
            **{k: stages.get(k, 0.0) for k in (*SHOWN, "analysis", "other")}}  # fmt: skip


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not comma-separated numbers: {text!r}") from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("each size must be at least 1")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, required=True,
                        help="folder of the stores bench/t17.py --workdir left")  # fmt: skip
    parser.add_argument("--sizes", type=_sizes, default=_sizes("1000,2000,4000"),
                        help="articles per store, comma-separated")  # fmt: skip
    add_json_flag(parser)
    args = parser.parse_args()
    if not args.stores.is_dir():
        parser.error(f"--stores {args.stores}: no such folder")
    table = Table("articles", "analysed here", ("build s", ".1f"), ("ms per article", ".1f"),
                  *((k + " s", ".1f") for k in SHOWN), ("analysis s", ".1f"),
                  ("other s", ".1f"))  # fmt: skip
    with notes_to_stderr(args.json):
        analyzer = Analyzer()
        model, version = analyzer.model_name, analyzer.model_version
        files = articles()
        if not files:
            print(f"no Timeline17 articles under {T17}: nothing to build")
            return
        kept = kept_analyses(args.stores, model, version)
        print(f"{len(kept)} kept analyses of {model} {version} in {args.stores}")
        if not kept:
            print("none for this model and code: spaCy analyses every article (slow)")
        for size in args.sizes:
            row = build_once(files[:size], kept, model, version)
            table.add(row["documents"], row["analysed here"], row["build s"],
                      1000 * row["build s"] / max(1, row["documents"]),
                      *(row[k] for k in SHOWN), row["analysis"], row["other"])  # fmt: skip
            print(f"{size} articles: built in {row['build s']:.0f} s", flush=True)
    table.emit(args.json, load=os.getloadavg()[0])


if __name__ == "__main__":
    main()
