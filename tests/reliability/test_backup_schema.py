"""A restore checks the backup against the schema its migrations promise: a tampered
backup (a trigger, a view, a dropped table or index, an altered table, a rewritten
migration list) is refused before it replaces anything."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.service import Dossier
from dateline.store.backup import _pg_dump, backup, restore
from tests.conftest import TODAY, fresh_postgres, needs_postgres

ARTICLE = " date 2025-04-02 The museum reopened its east wing after two years of repairs.\n"

TAMPERING: dict[str, Callable[[sqlite3.Connection], None]] = {
    "trigger": lambda c: c.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM documents; END"
    ),
    "view": lambda c: c.execute("CREATE VIEW everything AS SELECT * FROM documents"),
    "dropped table": lambda c: c.execute("DROP TABLE events"),
    "dropped index": lambda c: c.execute("DROP INDEX events_date"),
    "added column": lambda c: c.execute("ALTER TABLE documents ADD COLUMN extra TEXT"),
    "extra table": lambda c: c.execute("CREATE TABLE notes (x TEXT)"),
    "migration list": lambda c: c.execute("DELETE FROM migrations WHERE version = 3"),
    "renamed migration": lambda c: c.execute("UPDATE migrations SET name = 'x' WHERE version = 2"),
}


@pytest.fixture
def good_backup(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with Dossier.open(tmp_path / "store.db", today=TODAY) as d:
        d.ingest([tmp_path / "a.txt"], build=False)
    backup(str(tmp_path / "store.db"), tmp_path / "good.backup")
    return tmp_path / "good.backup"


def test_an_untouched_backup_restores(good_backup: Path, tmp_path: Path) -> None:
    info = restore(good_backup, str(tmp_path / "restored.db"))
    assert info.documents == 1


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_a_tampered_backup_is_refused_before_anything_changes(
    good_backup: Path, tmp_path: Path, how: str
) -> None:
    conn = sqlite3.connect(good_backup)
    TAMPERING[how](conn)
    conn.commit()
    conn.close()
    target = tmp_path / "target.db"
    (tmp_path / "b.txt").write_text(ARTICLE.replace("museum", "library"), encoding="utf-8")
    with Dossier.open(target, today=TODAY) as d:
        d.ingest([tmp_path / "b.txt"], build=False)
    before = target.read_bytes()
    with pytest.raises(StoreError, match="schema is not Dateline's"):
        restore(good_backup, str(target), force=True)
    assert target.read_bytes() == before


@needs_postgres
@pytest.mark.parametrize(
    "tamper",
    [
        "CREATE FUNCTION wipe() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN DELETE FROM documents; RETURN NULL; END $$; "
        "CREATE TRIGGER wipe AFTER INSERT ON documents EXECUTE FUNCTION wipe()",
        "DROP TABLE events CASCADE",
        "DELETE FROM migrations WHERE version = 3",
    ],
)
def test_postgres_a_tampered_backup_is_refused(tmp_path: Path, tamper: str) -> None:
    import psycopg

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with fresh_postgres() as url:
        with Dossier.open(url, today=TODAY) as d:
            d.ingest([tmp_path / "a.txt"], build=False)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(tamper)
        # the archive as pg_dump writes it (dateline backup would refuse to)
        _pg_dump(url, tmp_path / "pg.backup")
    with fresh_postgres() as target, pytest.raises(StoreError, match="schema is not Dateline's"):
        restore(tmp_path / "pg.backup", target)
