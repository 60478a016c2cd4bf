"""Timeline, evaluation, report and TimelineJS from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from tests.conftest import GOLD_DIR, REPO, SEEDS_DIR, needs_seeds

runner = CliRunner()
TIMELINEJS_SCHEMA = json.loads(
    (REPO / "src/dateline/export/schema/timelinejs.schema.json").read_text(encoding="utf-8")
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("timeline") / "sample.db")
    assert run("ingest", "--sample", "--db", db, "--no-progress").exit_code == 0
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("timeline") / "seeds.db")
    assert run("ingest", str(SEEDS_DIR), "--db", db, "--no-progress").exit_code == 0
    return db


@needs_seeds
def test_seeds_timeline_has_exactly_the_dated_events(seeds_db: str) -> None:
    entries = json.loads(run("timeline", "--db", seeds_db, "--json").stdout)
    events = json.loads(run("events", "--db", seeds_db, "--json").stdout)
    real = {e["date"] for e in events if e["precision"] == "day" and not e["background"]}
    assert [e["date"] for e in entries] == sorted(real)
    documents = {d["id"]: Path(d["path"]).name[:3] for d in json.loads(
        run("documents", "--db", seeds_db, "--json").stdout)}  # fmt: skip
    [call] = [e for e in entries if e["date"] == "2025-02-07"]
    assert {"000", "001"} <= {documents[d] for d in call["documents"]}
    assert call["events"] and call["events"][0]["corroboration"]["documents"] >= 2


def test_timeline_options(sample_db: str) -> None:
    every = json.loads(run("timeline", "--db", sample_db, "--json", "--dates", "0").stdout)
    assert len(every) > 3
    two = json.loads(run("timeline", "--db", sample_db, "--json", "--dates", "2").stdout)
    assert len(two) == 2 and {e["date"] for e in two} <= {e["date"] for e in every}
    ranged = json.loads(
        run("timeline", "--db", sample_db, "--json", "--since", "2025-05-01", "--until",
            "2025-10-31").stdout)  # fmt: skip
    assert ranged and all("2025-05-01" <= e["date"] <= "2025-10-31" for e in ranged)
    one = json.loads(run("timeline", "--db", sample_db, "--json", "--sentences", "1").stdout)
    assert all(len(e["summary"]) == 1 for e in one)
    agree = json.loads(run("timeline", "--db", sample_db, "--json", "--type", "AGREE").stdout)
    assert agree and all(any(ev["type"] == "AGREE" for ev in e["events"]) for e in agree)
    austin = json.loads(run("timeline", "--db", sample_db, "--json", "--entity", "Austin").stdout)
    assert [e["date"] for e in austin] == ["2024-09-09"]
    assert run("timeline", "--db", sample_db, "--since", "May 1").exit_code == 2
    assert run("timeline", "--db", sample_db, "--entity", "Nobody Known").exit_code == 1


def test_timeline_options_are_checked_before_the_store_is_read(sample_db: str) -> None:
    backwards = run("timeline", "--db", sample_db, "--since", "2025-10-01", "--until", "2025-05-01")
    assert backwards.exit_code == 2
    assert "--since (2025-10-01) is after --until (2025-05-01)" in backwards.output
    unknown = run("timeline", "--db", sample_db, "--type", "parade")
    assert unknown.exit_code == 2 and "unknown event type 'parade'" in unknown.output
    lower = json.loads(run("timeline", "--db", sample_db, "--json", "--type", "agree").stdout)
    upper = json.loads(run("timeline", "--db", sample_db, "--json", "--type", "AGREE").stdout)
    assert lower == upper and lower
    gold = str(GOLD_DIR / "sample_timeline.jsonl")
    stars = run("evaluate", "--gold", gold, "--db", sample_db, "--anchor", "stars")
    assert stars.exit_code == 2 and "--anchor must be one of" in stars.output
    assert run("evaluate", "--gold", gold, "--db", sample_db, "--dates", "0").exit_code == 2


def test_undated_and_speculative_articles_never_enter(sample_db: str) -> None:
    docs = json.loads(run("documents", "--db", sample_db, "--json").stdout)
    excluded = {d["id"] for d in docs if d["published"] is None}
    excluded |= {d["id"] for d in docs if "speculation" in d["path"]}
    entries = json.loads(run("timeline", "--db", sample_db, "--json", "--dates", "0").stdout)
    cited = {s["document"] for e in entries for s in e["summary"]}
    assert cited and not cited & excluded


def test_evaluate_against_the_gold_timeline(sample_db: str) -> None:
    gold = GOLD_DIR / "sample_timeline.jsonl"
    result = run("evaluate", "--gold", str(gold), "--db", sample_db, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    gold_dates = {json.loads(line)["date"] for line in gold.read_text().splitlines() if line}
    assert scores["setup"]["dates"] == len(gold_dates)
    assert scores["dates"]["f1"] >= 0.8
    assert 0 < scores["align_m1"]["rouge_1"]["f1"] <= 1
    assert "align_m1 ROUGE-2" in run("evaluate", "--gold", str(gold), "--db", sample_db).stdout


def test_timelinejs_export_has_the_documented_fields(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "timeline.json"
    assert run("export", "--format", "timelinejs", "-o", str(out), "--db", sample_db).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    assert data["events"] and all("year" in e["start_date"] for e in data["events"])
    broken = {"events": [{"text": {"headline": "no date"}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, TIMELINEJS_SCHEMA)


def test_report_markdown_footnotes_every_statement(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "dossier.md"
    assert run("report", "-o", str(out), "--db", sample_db).exit_code == 0
    text = out.read_text(encoding="utf-8")
    for heading in ("## Overview", "## Timeline", "## People and roles", "## Figures",
                    "## Promises", "## Sources"):  # fmt: skip
        assert heading in text
    cited = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", text)}
    listed = {int(n) for n in re.findall(r"^\[\^(\d+)\]:", text, flags=re.MULTILINE)}
    assert cited and cited == listed
    person = re.compile(r"^- \*\*[^*]+\*\*( \(also: .*\))?$")  # a heading, not a statement
    statements = [
        line.strip()
        for line in text.splitlines()
        if line.strip().startswith("- ") and not person.match(line) and line.strip() != "None."
    ]
    assert statements and all("[^" in line for line in statements)


def test_report_html_escapes_article_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text(
        # the cleaner drops whole tags; what markup characters are left must be escaped
        " date 2025-05-09 Officials met in Hanoi on Thursday <script>alert(1)</script> to "
        "discuss aid & trade, with spending <b still under review.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    run("ingest", str(folder), "--db", db, "--no-progress")
    out = tmp_path / "dossier.html"
    assert run("report", "-o", str(out), "--format", "html", "--db", db).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b still" not in page
    assert "aid &amp; trade" in page and "&lt;b still" in page
