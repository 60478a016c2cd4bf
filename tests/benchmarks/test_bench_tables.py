"""The benches' tables: aligned text for people, JSON other tools can read."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
from table import Table, notes_to_stderr  # noqa: E402

# modules the benches import; not benches themselves
HELPERS = {"articles.py", "t17_common.py", "table.py"}


def _table() -> Table:
    table = Table("call", "runs", ("p50 ms", ".1f"), ("p95 ms", ".1f"))
    table.add("timeline, first call", 3, 1234.56, 2000.0)
    table.add("search", 20, 4.04, None)
    return table


def test_text_lines_up_words_left_and_numbers_right() -> None:
    lines = _table().text().splitlines()
    assert lines[0].split() == ["call", "runs", "p50", "ms", "p95", "ms"]
    assert lines[1].startswith("timeline, first call")
    assert lines[2].startswith("search ")
    # numbers end in the same column, formatted by their spec; a missing value is "-"
    assert lines[1].endswith("   3 1234.6 2000.0")
    assert lines[2].endswith("  20    4.0      -")
    assert len({len(line) for line in lines}) == 1


def test_json_is_rows_keyed_by_column_with_the_context_beside_them() -> None:
    out = json.loads(_table().json(documents=1000))
    assert out["documents"] == 1000
    assert out["rows"][0] == {
        "call": "timeline, first call", "runs": 3, "p50 ms": 1234.56, "p95 ms": 2000.0
    }  # fmt: skip
    assert out["rows"][1]["p95 ms"] is None


def test_a_row_needs_a_value_per_column() -> None:
    with pytest.raises(ValueError, match="2 values for 4 columns"):
        _table().add("too short", 1)


def test_notes_go_to_stderr_only_in_json_mode(capsys: pytest.CaptureFixture[str]) -> None:
    with notes_to_stderr(True):
        print("progress")
    with notes_to_stderr(False):
        print("table")
    out, err = capsys.readouterr()
    assert (out, err) == ("table\n", "progress\n")


def _benches() -> list[Path]:
    return sorted(p for p in BENCH.glob("*.py") if p.name not in HELPERS)


def _has_json_flag(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "add_json_flag":
                return True
            if name == "add_argument" and any(
                isinstance(a, ast.Constant) and a.value == "--json" for a in node.args
            ):
                return True
    return False


@pytest.mark.parametrize("path", _benches(), ids=lambda p: p.name)
def test_every_bench_takes_json(path: Path) -> None:
    assert _has_json_flag(path), f"{path.name} has no --json flag"


def test_a_bench_prints_one_json_object_on_stdout() -> None:
    # the cheapest bench end to end: its notes must not spoil stdout
    done = subprocess.run(
        [sys.executable, str(BENCH / "text_speed.py"), "--json", "--repeat", "1", "--size", "500"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    rows = json.loads(done.stdout)["rows"]
    assert rows and all({"input", "characters", "best ms"} <= set(r) for r in rows)


def test_bare_spacy_runs_on_the_analysis_blas_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    # the limit the ingest is compared with runs on one core as the analysis does: NumPy's
    # BLAS left to itself multiplies on every core
    import analysis_throughput
    from threadpoolctl import threadpool_info

    seen: list[int] = []

    class Model:
        def pipe(self, texts: object, batch_size: int) -> list[None]:
            seen.extend(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")
            return [None]

    class Loaded:
        nlp = Model()

    monkeypatch.setattr(analysis_throughput, "Analyzer", Loaded)
    seconds, cpu = analysis_throughput.bare([("a", "A short text.")])
    assert seen and set(seen) == {analysis_throughput.BLAS_THREADS}
    assert seconds >= 0 and cpu >= 0
