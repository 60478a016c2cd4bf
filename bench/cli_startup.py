"""Start-up time of the command line: wall time of whole `dateline` processes, as a user
types them, on the demo store (the bundled sample corpus, ingested first if --db is not
given or does not exist).

    python bench/cli_startup.py                     # 5 runs each, median and slowest
    python bench/cli_startup.py --runs 10 --db dateline.db

The target is 1 s or less for `dateline --help` and `dateline documents`: the CLI imports
the language model, the pipeline and the evaluation metrics only in the commands that use
them. The import time of the CLI module alone is shown too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from table import Table, add_json_flag

SRC = Path(__file__).resolve().parents[1] / "src"
COMMANDS = [
    ["--help"],
    ["--version"],
    ["documents"],
    ["documents", "--json"],
    ["search", "dioxin"],
    ["info"],
    ["events"],
    ["timeline"],
]


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="store to list (default: the sample, ingested here)")
    add_json_flag(parser)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    cli = [sys.executable, "-m", "dateline"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "demo.db")
        if not Path(db).exists():
            print(f"ingesting the sample corpus into {db} …", file=sys.stderr)
            subprocess.run([*cli, "ingest", "--sample", "--no-progress", "--db", db], env=env,
                           check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        rows = [("import dateline.cli.app", [wall([sys.executable, "-c",
                 "import dateline.cli.app"], env) for _ in range(args.runs)])]  # fmt: skip
        for command in COMMANDS:
            full = [*cli, *command] + ([] if command[0].startswith("--") else ["--db", db])
            rows.append(("dateline " + " ".join(command),
                         [wall(full, env) for _ in range(args.runs)]))  # fmt: skip
    table = Table("command", "runs", ("p50 ms", ".0f"), ("max ms", ".0f"))
    for name, times in rows:
        table.add(name, len(times), statistics.median(times) * 1000, max(times) * 1000)
    table.emit(args.json)


if __name__ == "__main__":
    main()
