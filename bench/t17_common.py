"""What the Timeline17 scripts share: where the data is, the published rows, means and tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from dateline.evaluate import Scores, mean_scores

# The benchmark sits beside the repository: <root>/../shared/bench/t17.
T17 = Path(__file__).resolve().parents[2] / "shared" / "bench" / "t17"

PUBLISHED = (  # (system, date F1, AR1-F, AR2-F), from the benchmark's README
    ("CLUST (ACL 2020)", 0.407, 0.082, 0.020),
    ("DATEWISE (ACL 2020, supervised LOTO)", 0.544, 0.120, 0.035),
    ("LLM-TLS Llama-2 13B", 0.528, 0.118, 0.036),
    ("LLM-TLS Qwen 72B", 0.543, 0.114, 0.040),
    ("CHRONOS Qwen 72B", 0.522, 0.116, 0.042),
    ("SUnSET Qwen 72B", 0.576, 0.136, 0.044),
    ("SUnSET GPT-4o", 0.590, 0.120, 0.039),
    ("volume + lead baseline", 0.486, 0.075, 0.018),
    ("targets (above every published row)", 0.600, 0.145, 0.050),
)

METRICS = ("date", "ar1", "ar2")

Row = Mapping[str, Scores]  # one timeline's scores, by metric


def gold_paths(root: Path, topics: Sequence[str] | None = None) -> list[Path]:
    """Every gold timeline file under ``root``, optionally of some topic folders only."""
    return [
        path
        for path in sorted(root.glob("*/timelines/*.txt"))
        if not topics or path.parent.parent.name in topics
    ]


def timeline_name(path: Path) -> str:
    """``<topic>/<timeline>`` for a gold timeline file."""
    return f"{path.parent.parent.name}/{path.stem}"


def story(name: str) -> str:
    """The news story of a timeline ("bpoil_bbc/bbc" -> "bpoil"): topics of one story share it."""
    return name.split("_", 1)[0].split("/", 1)[0]


def means(rows: Mapping[str, Row]) -> dict[str, Scores]:
    """Mean of every metric: precision and recall averaged over timelines first, then F."""
    return {key: mean_scores(row[key] for row in rows.values()) for key in METRICS}


def published_lines(width: int) -> list[str]:
    """The published rows, aligned with a table whose name column is ``width`` wide."""
    return [
        f"{system:<{width}} | {'':6} {'':6} {f1:7.3f} | {ar1:6.3f} | {ar2:6.3f}"
        for system, f1, ar1, ar2 in PUBLISHED
    ]


def score_json(
    rows: Mapping[str, Row], extra: Mapping[str, Mapping[str, object]] | None = None
) -> dict[str, object]:
    """The same table as JSON: a row per timeline (with its ``extra`` cells), the mean row
    and the published rows."""

    def cells(name: str, row: Row) -> dict[str, object]:
        d = row["date"]
        return {
            "timeline": name, "date P": d.precision, "date R": d.recall, "date F1": d.f1,
            "AR1-F": row["ar1"].f1, "AR2-F": row["ar2"].f1, **((extra or {}).get(name) or {}),
        }  # fmt: skip

    out: dict[str, object] = {"rows": [cells(n, r) for n, r in rows.items()]}
    if rows:
        out["mean"] = cells("mean (P and R averaged, then F)", means(rows))
    out["published"] = [
        {"system": s, "date F1": f1, "AR1-F": ar1, "AR2-F": ar2} for s, f1, ar1, ar2 in PUBLISHED
    ]
    return out


def score_table(
    rows: Mapping[str, Row], extra: Mapping[str, str] | None = None, extra_head: str = ""
) -> str:
    """Per-timeline scores, their mean and the published rows, as text.

    ``extra`` adds a trailing cell per timeline (e.g. documents and seconds) under
    ``extra_head``.
    """
    width = max(40, *(len(n) for n in rows)) if rows else 40
    lines = [
        f"{'timeline':<{width}} | {'date P':>6} {'date R':>6} {'date F1':>7} |"
        f" {'AR1-F':>6} | {'AR2-F':>6}" + (f" | {extra_head}" if extra_head else "")
    ]
    for name, row in rows.items():
        d = row["date"]
        tail = f" | {extra[name]}" if extra and name in extra else ""
        lines.append(
            f"{name:<{width}} | {d.precision:6.3f} {d.recall:6.3f} {d.f1:7.3f} |"
            f" {row['ar1'].f1:6.3f} | {row['ar2'].f1:6.3f}{tail}"
        )
    lines.append("-" * (width + 42))
    if rows:
        m = means(rows)
        lines.append(
            f"{'mean (P and R averaged, then F)':<{width}} | {m['date'].precision:6.3f}"
            f" {m['date'].recall:6.3f} {m['date'].f1:7.3f} | {m['ar1'].f1:6.3f}"
            f" | {m['ar2'].f1:6.3f}"
        )
    lines += published_lines(width)
    return "\n".join(lines)
