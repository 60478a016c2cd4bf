"""What a new user hits first: markup and control characters in article text, a mistyped
--db, missing extras, an empty folder, the documents table at 80 columns, start-up imports
and progress in a log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app as cli
from dateline.cli import render
from dateline.cli.app import app
from tests.conftest import REPO

runner = CliRunner()

# Written for these tests: brackets that look like Rich markup, an ESC sequence that would
# recolour a terminal, and an emoji code.
TRICKY = (
    " date 2025-05-09 Engineers started joint projects on dioxin contamination near the "
    "runway [bold red]urgent[/bold red] and [link=http://example.invalid]click[/link] "
    "\x1b[31mred\x1b[0m :thumbs_up: on Thursday.\n"
)


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


@pytest.fixture(scope="module")
def tricky_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("tricky")
    (folder / "in").mkdir()
    (folder / "in" / "a\x1b[2Jname.txt").write_text(TRICKY, encoding="utf-8")
    db = str(folder / "x.db")
    result = run("ingest", str(folder / "in"), "--db", db, "--no-progress", "--no-analyse")
    assert result.exit_code == 0, result.output
    return db


def test_search_shows_the_match_and_article_brackets_literally(tricky_db: str) -> None:
    result = run("search", "dioxin", "--db", tricky_db)
    assert result.exit_code == 0, result.output
    assert "projects on dioxin contamination" in result.stdout
    # a match is not marked with brackets that could be article text
    hits = json.loads(run("search", "dioxin", "--db", tricky_db, "--json").stdout)
    [hit] = hits
    start, end = hit["matches"][0]
    assert hit["snippet"][start:end].lower() == "dioxin"
    assert "\ue000" not in hit["snippet"]


@pytest.mark.parametrize(
    ("command", "literal"),
    [
        (["search", "urgent"], "[bold red]urgent[/bold red]"),
        (["search", "click"], "[link=http://example.invalid]click[/link]"),
        (["search", "thumbs"], ":thumbs_up:"),
        (["documents"], "a[2Jname.txt"),
    ],
)
def test_no_view_interprets_article_markup_or_control_characters(
    tricky_db: str, command: list[str], literal: str
) -> None:
    result = run(*command, "--db", tricky_db, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert literal in result.stdout


def test_json_output_escapes_c1_controls() -> None:
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        render.print_json({"text": "a\x9b31mb\u202ec"})
    assert "\x9b" not in buffer.getvalue() and "\u202e" not in buffer.getvalue()
    assert json.loads(buffer.getvalue()) == {"text": "a\x9b31mb\u202ec"}


@pytest.mark.parametrize("command", ["timeline", "documents", "search x", "info", "events"])
def test_read_commands_refuse_a_missing_store_and_create_nothing(
    tmp_path: Path, command: str
) -> None:
    typo = tmp_path / "typo.db"
    result = run(*command.split(), "--db", str(typo))
    assert result.exit_code != 0
    assert "no dossier at" in result.output and "dateline ingest" in result.output
    assert list(tmp_path.iterdir()) == []


def test_unsupported_scheme_names_the_supported_ones(tmp_path: Path) -> None:
    result = run("timeline", "--db", "mysql://user@host/db")
    assert result.exit_code == 2
    assert "postgresql://" in result.output and "SQLite" in result.output
    result = run("ingest", "--sample", "--db", "mysql://user@host/db")
    assert result.exit_code == 2 and "postgresql://" in result.output
    assert not Path("mysql:").exists()


def test_version_alone_and_defaults_said_once() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("dateline ")
    helped = run("report", "--help", env={"COLUMNS": "200"}).stdout
    assert "default 10" not in helped and "[default: 15]" in helped


def test_missing_dask_extra_is_named_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(TRICKY, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import raises ModuleNotFoundError
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--engine", "dask")
    assert result.exit_code == 1
    assert "pip install 'dateline[dask]'" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_postgres_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "dateline.store.postgres", raising=False)
    result = run("info", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1
    assert "pip install 'dateline[postgres]'" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_empty_folder_says_nothing_was_found(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "no articles found" in result.output


def test_documents_fit_80_columns_and_json_stays_complete(tmp_path: Path) -> None:
    folder = tmp_path / "a-rather-long-folder-name-for-the-articles" / "nested"
    folder.mkdir(parents=True)
    for n in range(3):
        (folder / f"article-number-{n}-about-the-dialogue.txt").write_text(
            f" date 2025-05-0{n + 1}\nA long headline about officials meeting to talk about "
            f"the clean-up programme, part {n}\n\nOfficials met on Thursday to talk.\n",
            encoding="utf-8",
        )
    db = str(tmp_path / "x.db")
    assert run("ingest", str(folder), "--db", db, "--no-analyse").exit_code == 0
    table = run("documents", "--db", db, env={"COLUMNS": "80"}).stdout
    rows = [line for line in table.splitlines() if "2025-05-0" in line]
    assert len(rows) == 3, table  # one line a document
    assert all(len(line) <= 80 for line in table.splitlines())
    assert str(tmp_path) not in table and "article-numb" in table
    docs = json.loads(run("documents", "--db", db, "--json").stdout)
    assert {d["path"] for d in docs} == {str(p) for p in folder.iterdir()}


def test_cli_import_does_not_load_the_heavy_libraries() -> None:
    probe = (
        "import sys, dateline.cli.app; "
        "print([m for m in ('spacy', 'nltk', 'trafilatura', 'scipy', 'sklearn') "
        "if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_cli_sentence_budget_is_the_service_one() -> None:
    from dateline.service import SENTENCE_BUDGET

    assert cli.SENTENCE_BUDGET == SENTENCE_BUDGET


def test_progress_in_a_log_is_plain_lines_with_counts_and_time_left(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TRICKY, encoding="utf-8")
    result = run("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"), "--no-analyse")
    assert result.exit_code == 0, result.output
    assert "ingest: 1/1 (100%)" in result.output

    import io

    from rich.console import Console

    out = io.StringIO()
    now = [0.0]
    bar = render.LineProgress(Console(file=out, width=200), every=10, clock=lambda: now[0])
    task = bar.add_task("analyse", total=4)
    now[0] = 10.0
    bar.advance(task)  # 1 of 4 in 10 s: about 30 s left
    now[0] = 12.0
    bar.advance(task)  # too soon for another line
    now[0] = 40.0
    bar.update(task, completed=4)
    lines = out.getvalue().splitlines()
    assert lines == [
        "analyse: 1/4 (25%), 0:00:10 elapsed, about 0:00:30 left",
        "analyse: 4/4 (100%), 0:00:40 elapsed, done",
    ]
