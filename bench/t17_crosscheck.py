"""Cross-check dateline's timeline metrics against the reference implementation on Timeline17.

For each gold timeline it builds the volume+lead baseline (the N days of the gold's span with the
most non-empty articles, each summarised by the first K lines of its first article in file-name
order; N = gold dates, K = gold sentences per date, rounded), scores it with dateline.evaluate
and, when available, with the reference package run in its own interpreter, and prints date F1,
AR1-F and AR2-F side by side.

    .venv/bin/python bench/t17_crosscheck.py [--t17 DIR] [--reference-python PATH]

The reference interpreter is taken from --reference-python, else $TILSE_PYTHON, else
/tmp/tilse-venv/bin/python; without one the reference columns are skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from t17_common import T17

from dateline.evaluate import (
    Scores,
    Timeline,
    agreement_rouge,
    align_m1_rouge,
    concat_rouge,
    date_f1,
    load_t17_timeline,
    mean_scores,
    parse_date,
)

DEFAULT_REFERENCE = Path("/tmp/tilse-venv/bin/python")

# Runs inside the reference interpreter: reads cases as JSON on stdin, writes scores as JSON.
REFERENCE_SCRIPT = r"""
import datetime, json, sys
from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates, rouge
from tilse.evaluation.scores import Scores

evaluator = rouge.TimelineRougeEvaluator(
    measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")

def timeline(mapping):
    return Timeline({datetime.date.fromisoformat(k): v for k, v in mapping.items()})

rows, align, date_scores = {}, {}, {}
for case in json.load(sys.stdin):
    pred, gold = timeline(case["pred"]), GroundTruth([timeline(case["gold"])])
    row = {
        "dates": dates.evaluate_dates(pred, gold),
        "concat": evaluator.evaluate_concat(pred, gold),
        "agreement": evaluator.evaluate_agreement(pred, gold),
        "align_m1": evaluator.evaluate_align_date_content_costs_many_to_one(pred, gold),
    }
    rows[case["name"]] = row
    align[case["name"]] = {"align_m1": row["align_m1"]}
    date_scores[case["name"]] = dict(row["dates"])
scores = Scores(align, date_scores)
mean = {"dates": scores.date_mapping["average_score"],
        "align_m1": scores.mapping["average_score"]["align_m1"]}
json.dump({"rows": rows, "mean": mean}, sys.stdout)
"""


def article_days(topic: Path, first: date, last: date) -> dict[date, list[Path]]:
    """Non-empty articles per publication day within [first, last], in file-name order."""
    days: dict[date, list[Path]] = {}
    for folder in sorted((topic / "InputDocs").iterdir()):
        day = parse_date(folder.name)
        if day is None or not first <= day <= last:
            continue
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.read_bytes().strip())
        if files:
            days[day] = files
    return days


def volume_lead_baseline(topic: Path, gold: Timeline) -> Timeline:
    """The N busiest days of the gold span, each summarised by its first article's lead."""
    days = article_days(topic, min(gold), max(gold))
    size = len(gold)
    lead = max(1, round(gold.sentence_count() / size))
    busiest = sorted(days, key=lambda day: (-len(days[day]), day))[:size]
    predicted = Timeline()
    for day in busiest:
        text = days[day][0].read_bytes().decode("utf-8", errors="replace")
        predicted[day] = [line.strip() for line in text.splitlines() if line.strip()][:lead]
    return predicted


def our_scores(predicted: Timeline, gold: Timeline) -> dict[str, Scores]:
    align = align_m1_rouge(predicted, gold)
    concat = concat_rouge(predicted, gold)
    agreement = agreement_rouge(predicted, gold)
    return {
        "dates": date_f1(predicted, gold),
        "ar1": align.rouge_1,
        "ar2": align.rouge_2,
        "concat1": concat.rouge_1,
        "concat2": concat.rouge_2,
        "agreement1": agreement.rouge_1,
        "agreement2": agreement.rouge_2,
    }


def _from_reference(result: dict) -> dict[str, Scores]:
    def scores(values: dict) -> Scores:
        return Scores(values["precision"], values["recall"], values["f_score"])

    out = {"dates": scores(result["dates"])}
    for key, mode in (("ar", "align_m1"), ("concat", "concat"), ("agreement", "agreement")):
        if mode in result:
            out[f"{key}1"] = scores(result[mode]["rouge_1"])
            out[f"{key}2"] = scores(result[mode]["rouge_2"])
    return out


def reference_scores(python: Path, cases: list[dict]) -> tuple[dict, dict[str, Scores]]:
    """Scores per timeline and their mean, computed by the reference package."""
    completed = subprocess.run(
        [str(python), "-c", REFERENCE_SCRIPT],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(completed.stdout)
    rows = {name: _from_reference(row) for name, row in result["rows"].items()}
    return rows, _from_reference(result["mean"])


def find_reference_python(option: str | None) -> Path | None:
    candidate = option or os.environ.get("TILSE_PYTHON") or str(DEFAULT_REFERENCE)
    path = Path(candidate)
    if not path.is_file():
        print(f"reference interpreter {path} not found: reference columns skipped")
        print("  (make /tmp/tilse-venv with tilse==0.2.1 numpy scipy nltk, or set TILSE_PYTHON)")
        return None
    return path


def load_cases(t17: Path) -> list[tuple[str, Timeline, Timeline]]:
    cases = []
    for path in sorted(t17.glob("*/timelines/*.txt")):
        gold, problems = load_t17_timeline(path)
        for problem in problems:
            print(f"note: {problem}")
        name = f"{path.parent.parent.name}/{path.stem}"
        cases.append((name, volume_lead_baseline(path.parent.parent, gold), gold))
    return cases


def _cell(ours: Scores, theirs: Scores | None) -> str:
    if theirs is None:
        return f"{ours.f1:7.4f}"
    return f"{ours.f1:7.4f} {theirs.f1:7.4f} {abs(ours.f1 - theirs.f1):8.1e}"


def print_table(rows: list[tuple[str, dict, dict | None]], with_reference: bool) -> None:
    columns = (("dates", "date F1"), ("ar1", "AR1-F"), ("ar2", "AR2-F"))
    sub = "   ours   tilse   |diff|" if with_reference else "   ours"
    name_width = max(len(name) for name, _, _ in rows)
    print(f"{'timeline':<{name_width}}" + "".join(f" | {t:^{len(sub)}}" for _, t in columns))
    print(f"{'':<{name_width}}" + "".join(f" | {sub}" for _ in columns))
    for name, ours, theirs in rows:
        cells = [_cell(ours[key], theirs[key] if theirs else None) for key, _ in columns]
        print(f"{name:<{name_width}}" + "".join(f" | {cell}" for cell in cells))


def max_differences(per_timeline: list[tuple[dict, dict]]) -> dict[str, float]:
    """Largest absolute difference over precision, recall and F, per metric."""
    worst: dict[str, float] = {}
    for ours, theirs in per_timeline:
        for key, theirs_scores in theirs.items():
            mine = ours[key]
            gap = max(
                abs(mine.precision - theirs_scores.precision),
                abs(mine.recall - theirs_scores.recall),
                abs(mine.f1 - theirs_scores.f1),
            )
            worst[key] = max(worst.get(key, 0.0), gap)
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17", type=Path, default=T17)
    parser.add_argument("--reference-python", default=None)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args()
    notes = contextlib.redirect_stdout(sys.stderr) if args.json else contextlib.nullcontext()
    with notes:
        cases = load_cases(args.t17)
    if not cases:
        print(f"no gold timelines under {args.t17}")
        return 1
    ours = {name: our_scores(predicted, gold) for name, predicted, gold in cases}
    mean = {key: mean_scores(row[key] for row in ours.values()) for key in ("dates", "ar1", "ar2")}
    notes = contextlib.redirect_stdout(sys.stderr) if args.json else contextlib.nullcontext()
    with notes:
        python = find_reference_python(args.reference_python)
    theirs, their_mean = None, None
    if python is not None:
        payload = [
            {"name": name, "pred": _as_json(predicted), "gold": _as_json(gold)}
            for name, predicted, gold in cases
        ]
        theirs, their_mean = reference_scores(python, payload)
    rows = [(name, ours[name], theirs[name] if theirs else None) for name, _, _ in cases]
    rows.append(("mean (P and R averaged, then F)", mean, their_mean))
    if args.json:
        print(json.dumps({"rows": [_json_row(*row) for row in rows]}))
        return 0
    print_table(rows, with_reference=theirs is not None)
    if theirs is not None:
        pairs = [(ours[name], theirs[name]) for name in ours] + [(mean, their_mean)]
        for key, gap in sorted(max_differences(pairs).items()):
            print(f"max |diff| {key:<11} (P, R and F): {gap:.2e}")
    return 0


def _json_row(name: str, ours: dict, theirs: dict | None) -> dict[str, object]:
    row: dict[str, object] = {"timeline": name}
    for key, title in (("dates", "date F1"), ("ar1", "AR1-F"), ("ar2", "AR2-F")):
        row[title] = ours[key].f1
        if theirs is not None:
            row[f"{title} tilse"] = theirs[key].f1
    return row


def _as_json(timeline: Timeline) -> dict[str, list[str]]:
    return {day.isoformat(): list(sentences) for day, sentences in sorted(timeline.items())}


if __name__ == "__main__":
    sys.exit(main())
