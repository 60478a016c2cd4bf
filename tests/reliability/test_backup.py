"""`dateline backup` and `dateline restore`: a round trip gives back the same dossier."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.analyse.nlp import Analyzer
from dateline.cli.app import app
from dateline.service import Dossier
from tests.conftest import SAMPLE_DIR, TODAY, fresh_postgres, needs_postgres

runner = CliRunner()


def cli(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"DATELINE_DB": ""})


def export_of(location: str, analyzer: Analyzer) -> dict[str, object]:
    with Dossier.open(location, today=TODAY, analyzer=analyzer) as d:
        return d.export()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Iterator[str]:
    """A SQLite store of the sample corpus, analysed, so the export has every part."""
    db = str(tmp_path_factory.mktemp("backup") / "dossier.db")
    with Dossier.open(db, today=TODAY, analyzer=analyzer) as d:
        d.ingest([SAMPLE_DIR])
    yield db


def test_round_trip_gives_the_same_export(built: str, tmp_path: Path, analyzer: Analyzer) -> None:
    before = export_of(built, analyzer)
    assert before["documents"] and before["events"] and before["entities"]
    file = tmp_path / "dossier.backup"
    saved = cli("backup", str(file), "--db", built)
    assert saved.exit_code == 0, saved.output
    assert "schema" in saved.output and file.stat().st_size > 0
    target = str(tmp_path / "restored.db")
    restored = cli("restore", str(file), "--db", target)
    assert restored.exit_code == 0, restored.output
    assert export_of(target, analyzer) == before
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_while_a_writer_holds_the_store(built: str, tmp_path: Path) -> None:
    # A second connection in the middle of a write: the backup copies the committed store.
    writer = sqlite3.connect(built, isolation_level=None, timeout=60)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE documents SET title = 'uncommitted' WHERE n = 1")
        file = tmp_path / "busy.backup"
        saved = cli("backup", str(file), "--db", built)
        assert saved.exit_code == 0, saved.output
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with sqlite3.connect(file) as conn:
        titles = [r[0] for r in conn.execute("SELECT title FROM documents")]
        assert "uncommitted" not in titles and len(titles) > 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_store_with_documents_unless_forced(
    built: str, tmp_path: Path, analyzer: Analyzer
) -> None:
    file = tmp_path / "dossier.backup"
    assert cli("backup", str(file), "--db", built).exit_code == 0
    other = tmp_path / "other.db"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(
        " date 2025-02-03 Engineers inspected the river dyke in Hue on Monday.\n",
        encoding="utf-8",
    )
    ingested = cli("ingest", str(tmp_path / "one"), "--db", str(other), "--no-analyse",
                   "--no-progress")  # fmt: skip
    assert ingested.exit_code == 0, ingested.output
    refused = cli("restore", str(file), "--db", str(other))
    assert refused.exit_code == 1
    assert "already holds 1 documents" in refused.output and "--force" in refused.output
    with Dossier.open(str(other), today=TODAY, analyzer=analyzer) as d:
        assert len(d.documents()) == 1  # untouched
    forced = cli("restore", str(file), "--db", str(other), "--force")
    assert forced.exit_code == 0, forced.output
    assert export_of(str(other), analyzer) == export_of(built, analyzer)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text, not a store\n", "not a Dateline backup"),
        (b"", "not a Dateline backup"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(tmp_path: Path, content: bytes, reason: str) -> None:
    file = tmp_path / "bogus.backup"
    file.write_bytes(content)
    result = cli("restore", str(file), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert reason in result.output and "bogus.backup" in result.output
    assert not (tmp_path / "x.db").exists()


def test_restore_refuses_a_sqlite_file_of_another_program(tmp_path: Path) -> None:
    file = tmp_path / "foreign.db"
    with sqlite3.connect(file) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    result = cli("restore", str(file), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "not a Dateline backup (no migrations table)" in result.output


def test_restore_refuses_a_newer_schema(built: str, tmp_path: Path) -> None:
    file = tmp_path / "future.backup"
    assert cli("backup", str(file), "--db", built).exit_code == 0
    with sqlite3.connect(file) as conn:
        conn.execute("INSERT INTO migrations VALUES (999, 'future', '2099-01-01')")
    result = cli("restore", str(file), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "newer Dateline (schema 999" in result.output


def test_backup_of_a_missing_store_fails_cleanly(tmp_path: Path) -> None:
    result = cli("backup", str(tmp_path / "b.backup"), "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "no such store" in result.output
    assert not (tmp_path / "b.backup").exists()


@needs_postgres
def test_postgres_round_trip_with_pg_dump(tmp_path: Path, analyzer: Analyzer) -> None:
    import psycopg

    with fresh_postgres() as url:
        with Dossier.open(url, today=TODAY, analyzer=analyzer) as d:
            d.ingest([SAMPLE_DIR])
            before = d.export()
        file = tmp_path / "pg.backup"
        saved = cli("backup", str(file), "--db", url)
        assert saved.exit_code == 0, saved.output
        assert file.read_bytes().startswith(b"PGDMP")
        refused = cli("restore", str(file), "--db", url)
        assert refused.exit_code == 1 and "--force" in refused.output
        # Empty the store's schema, then restore into it.
        with psycopg.connect(url, autocommit=True) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )]  # fmt: skip
            for table in tables:
                conn.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')
        restored = cli("restore", str(file), "--db", url)
        assert restored.exit_code == 0, restored.output
        assert export_of(url, analyzer) == before
