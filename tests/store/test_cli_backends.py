"""The command line on both backends: ``--db`` takes a path or a ``postgresql://`` URL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.store import open_store
from tests.conftest import BACKENDS, store_location

runner = CliRunner()

ARTICLES = {
    "a.txt": " date 2025-05-09 Officials discussed dioxin remediation at Biên Hòa airbase.\n",
    "b.txt": " date 2025-05-10 Officials discussed dioxin remediation at Biên Hòa airbase.\n",
    "c.txt": " date 2025-06-01 A training exchange between the two navies began in June.\n",
}


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_location(tmp_path, request.param) as where:
        yield where


def run(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_ingest_search_and_info_through_the_db_option(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingested = run("ingest", str(folder), "--db", db, "--no-progress", "--no-analyse")
    assert "3 added" in ingested.output  # type: ignore[attr-defined]
    again = run("ingest", str(folder), "--db", db, "--no-progress", "--no-analyse")
    assert "0 added, 0 updated, 3 already stored" in again.output  # type: ignore[attr-defined]
    hits = json.loads(run("search", '"Bien Hoa"', "--db", db, "--json").stdout)  # type: ignore[attr-defined]
    assert len(hits) == 1 and hits[0]["path"].endswith("a.txt")  # b is a's copy
    info = json.loads(run("info", "--db", db, "--json").stdout)  # type: ignore[attr-defined]
    assert info["documents"] == 3 and info["duplicates"] == 1


def test_a_malformed_search_is_one_line_and_exit_one(db: str) -> None:
    open_store(db).close()  # an empty store: search refuses one that does not exist
    result = runner.invoke(app, ["search", '"unbalanced', "--db", db])
    assert result.exit_code == 1
    assert "cannot search for" in result.output
