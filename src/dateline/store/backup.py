"""Backup and restore of a whole store.

SQLite: the online backup API copies a consistent snapshot page by page, so a backup is
safe while the web app reads or an ingest writes. PostgreSQL: ``pg_dump -Fc`` and
``pg_restore``. A restore checks that the file is a Dateline store this version can open
(its schema version) and refuses to overwrite a store that holds documents unless forced.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from dateline.errors import StoreError
from dateline.store.migrations import MIGRATIONS, latest_version, run_script

__all__ = ["BackupInfo", "backup", "inspect_backup", "restore"]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds: its format, schema version and number of documents."""

    path: str
    kind: str  # "sqlite" or "pg_dump"
    schema_version: int
    documents: int | None  # None when it cannot be counted without restoring (pg_dump)


def _is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def backup(location: str, target: str | Path) -> BackupInfo:
    """Copy the store at ``location`` to the file ``target`` (replaced if it exists)."""
    target = Path(target)
    if _is_postgres(location):
        _pg_dump(location, target)
    else:
        if not Path(location).is_file():
            raise StoreError(f"{location}: no such store")
        _check_sqlite(location, what="store")
        # Written beside the target and renamed: a failed backup never leaves half a file
        # where a good one was.
        fd, partial = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=target.parent)
        os.close(fd)
        try:
            source = sqlite3.connect(location, timeout=60)
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                # A single self-contained file: no -wal beside it to lose when copied on.
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
                source.close()
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return inspect_backup(target)


def inspect_backup(path: str | Path) -> BackupInfo:
    """Check ``path`` is a Dateline backup this version can restore; say what it holds."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such backup file")
    with path.open("rb") as f:
        magic = f.read(16)
    if magic.startswith(b"SQLite format 3\x00"):
        version, documents = _check_sqlite(str(path), what="backup")
        return BackupInfo(str(path), "sqlite", version, documents)
    if magic.startswith(b"PGDMP"):
        return BackupInfo(str(path), "pg_dump", _pg_dump_version(path), None)
    raise StoreError(f"{path}: not a Dateline backup (neither SQLite nor pg_dump custom format)")


def restore(source: str | Path, location: str, force: bool = False) -> BackupInfo:
    """Restore the backup file ``source`` into the store at ``location``.

    Refuses when ``location`` already holds documents, unless ``force``.
    """
    info = inspect_backup(source)
    if _is_postgres(location):
        if info.kind != "pg_dump":
            raise StoreError(f"{source}: a SQLite backup; restore it to a SQLite file")
        _refuse_non_empty(location, force)
        _pg_restore(Path(source), location)
        return info
    if info.kind != "sqlite":
        raise StoreError(f"{source}: a pg_dump backup; restore it to a postgresql:// store")
    _refuse_non_empty(location, force)
    src = sqlite3.connect(f"file:{Path(source).resolve()}?mode=ro", uri=True)
    dest = sqlite3.connect(location, timeout=60)
    try:
        # The backup API replaces every page of the destination in one step and takes its
        # write lock, so a reader open on the store sees the old or the new dossier whole.
        src.backup(dest)
        dest.execute("PRAGMA journal_mode=WAL")
    finally:
        dest.close()
        src.close()
    return info


def _check_sqlite(path: str, what: str) -> tuple[int, int]:
    """(schema version, documents) of a Dateline SQLite file, or StoreError saying why not."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=60)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StoreError(f"{path}: the {what} is damaged (quick_check failed)")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"migrations", "documents"} <= tables:
                raise StoreError(f"{path}: not a Dateline {what} (no migrations table)")
            version = int(conn.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0)
            if version > latest_version():
                raise StoreError(
                    f"{path}: written by a newer Dateline (schema {version}, this version "
                    f"knows {latest_version()}); upgrade Dateline"
                )
            if problem := _schema_problem(conn, version):
                raise StoreError(f"{path}: the {what}'s schema is not Dateline's ({problem})")
            documents = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a Dateline {what} ({exc})") from None
    return version, documents


# FTS5 keeps its index in shadow tables whose definitions belong to the SQLite library
# (they may differ between its versions): those are checked by name only.
_SHADOW_PREFIX = "documents_fts_"


def _schema_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of every table, index, trigger and view SQLite did not make."""
    return {
        (kind, name): "" if name.startswith(_SHADOW_PREFIX) else (sql or "")
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
        if not name.startswith("sqlite_")
    }


def _expected_schema(version: int) -> dict[tuple[str, str], str]:
    """What a store at schema ``version`` holds: the migrations up to it, run afresh."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        for migration in MIGRATIONS[:version]:
            run_script(conn, migration.script)
            if extra := migration.extra.get("sqlite"):
                run_script(conn, extra)
        return _schema_objects(conn)
    finally:
        conn.close()


def _schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """What in a backup differs from the schema its migrations promise (a trigger or view
    someone added, a table dropped or altered, a migration list rewritten), or None.

    A restored file replaces the store whole, so anything extra would run on every later
    ingest (a trigger deleting documents) and anything missing would fail every read."""
    applied = [(int(v), str(n)) for v, n in conn.execute(
        "SELECT version, name FROM migrations ORDER BY version")]  # fmt: skip
    if applied != [(m.version, m.name) for m in MIGRATIONS[:version]]:
        return "its migration list is not Dateline's"
    found, wanted = _schema_objects(conn), _expected_schema(version)
    if extra := sorted(found.keys() - wanted.keys()):
        return "unexpected " + ", ".join(f"{kind} {name}" for kind, name in extra[:5])
    if missing := sorted(wanted.keys() - found.keys()):
        return "missing " + ", ".join(f"{kind} {name}" for kind, name in missing[:5])
    if changed := sorted(k for k in wanted if found[k] != wanted[k]):
        return "altered " + ", ".join(f"{kind} {name}" for kind, name in changed[:5])
    return None


def _refuse_non_empty(location: str, force: bool) -> None:
    if force:
        return
    documents = _count_documents(location)
    if documents:
        raise StoreError(
            f"{location} already holds {documents} documents; restore with --force to replace it"
        )


def _count_documents(location: str) -> int:
    if _is_postgres(location):
        import psycopg

        with psycopg.connect(location) as conn:
            exists = conn.execute("SELECT to_regclass('documents')").fetchone()
            if exists is None or exists[0] is None:
                return 0
            row = conn.execute("SELECT count(*) FROM documents").fetchone()
            return int(row[0]) if row else 0
    if not Path(location).is_file() or Path(location).stat().st_size == 0:
        return 0
    try:
        db = sqlite3.connect(f"file:{Path(location).resolve()}?mode=ro", uri=True, timeout=60)
        try:
            count = db.execute("SELECT count(*) FROM documents").fetchone()
            return int(count[0]) if count else 0
        finally:
            db.close()
    except sqlite3.OperationalError:  # no documents table: an empty or foreign file
        return 0
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{location}: not a SQLite file ({exc}); not overwriting it") from None


# -- PostgreSQL -------------------------------------------------------------------------
def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise StoreError(f"{name} not found: install the PostgreSQL client tools")
    return found


def _pg_schema(location: str) -> str | None:
    """The schema named by ``options=-csearch_path=...`` in the URL, if any."""
    for option in parse_qs(urlsplit(location).query).get("options", []):
        for part in option.split():
            if part.startswith("-csearch_path="):
                return part.split("=", 1)[1].split(",")[0].strip() or None
    return None


def _pg_run(args: list[str], what: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        raise StoreError(f"{what} failed: {message[-1] if message else result.returncode}")
    return result


def _pg_dump(location: str, target: Path) -> None:
    args = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}"]
    if schema := _pg_schema(location):
        args.append(f"--schema={schema}")
    _pg_run([*args, f"--dbname={location}"], "pg_dump")


def _pg_dump_version(path: Path) -> int:
    """A pg_dump archive is a Dateline store when it has the migrations and documents tables;
    its schema version is read from the archive's data for the migrations table."""
    listing = _pg_run([_pg_tool("pg_restore"), "--list", str(path)], "pg_restore --list").stdout
    tables = {line.split()[-2] for line in listing.splitlines() if " TABLE " in line}
    if not {"migrations", "documents"} <= tables:
        raise StoreError(f"{path}: not a Dateline backup (no migrations table)")
    # Code that would run in the store after the restore (a trigger deleting what the next
    # ingest writes) is never Dateline's.
    entries = [line.split() for line in listing.splitlines() if not line.startswith(";")]
    foreign = sorted({p[3] for p in entries if len(p) > 3 and p[3] in _PG_FOREIGN})
    if foreign:
        raise StoreError(f"{path}: the backup's schema is not Dateline's (it holds a "
                         f"{', '.join(foreign).lower()})")  # fmt: skip
    data = _pg_run(
        [_pg_tool("pg_restore"), "--data-only", "--table=migrations", "--file=-", str(path)],
        "pg_restore",
    ).stdout
    versions = []
    in_copy = False
    for line in data.splitlines():
        if line.startswith("COPY ") and "migrations" in line:
            in_copy = True
        elif in_copy and line == "\\.":
            in_copy = False
        elif in_copy and line.split("\t", 1)[0].isdigit():
            versions.append(int(line.split("\t", 1)[0]))
    version = max(versions, default=0)
    if version > latest_version():
        raise StoreError(
            f"{path}: written by a newer Dateline (schema {version}, this version knows "
            f"{latest_version()}); upgrade Dateline"
        )
    if sorted(versions) != [m.version for m in MIGRATIONS[:version]]:
        raise StoreError(f"{path}: the backup's schema is not Dateline's (its migration list)")
    wanted = {"migrations"} | {
        t for m in MIGRATIONS[:version] for t in _CREATED.findall(m.script)
    } - {t for m in MIGRATIONS[:version] for t in _DROPPED.findall(m.script)}
    if tables != wanted:
        odd = sorted(tables ^ wanted)
        raise StoreError(f"{path}: the backup's schema is not Dateline's (tables "
                         f"{', '.join(odd[:5])})")  # fmt: skip
    return version


# pg_restore --list entry types that hold code, or rewrite what a query sees
_PG_FOREIGN = {"TRIGGER", "VIEW", "MATERIALIZED", "RULE", "FUNCTION", "PROCEDURE", "POLICY",
               "EVENT", "AGGREGATE", "OPERATOR", "CAST", "PUBLICATION", "SUBSCRIPTION"}  # fmt: skip
_CREATED = re.compile(r"CREATE TABLE (\w+)")
_DROPPED = re.compile(r"DROP TABLE (\w+)")


def _pg_restore(source: Path, location: str) -> None:
    """Restore every object of the archive but its schema: the store's schema already
    exists (a URL's search_path names it) and may hold more than Dateline's objects.

    --clean drops each object just before it is created again: the store was checked to be
    empty (or the restore forced), and a leftover empty table must not stop the restore.
    """
    restore_tool = _pg_tool("pg_restore")
    listing = _pg_run([restore_tool, "--list", str(source)], "pg_restore --list").stdout
    kept = [line for line in listing.splitlines() if not _is_schema_entry(line)]
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as f:
        f.write("\n".join(kept) + "\n")
    try:
        _pg_run(
            [restore_tool, "--no-owner", "--single-transaction", "--exit-on-error", "--clean",
             "--if-exists", f"--use-list={f.name}", f"--dbname={location}", str(source)],
            "pg_restore",
        )  # fmt: skip
    finally:
        Path(f.name).unlink(missing_ok=True)


def _is_schema_entry(line: str) -> bool:
    # e.g. "5; 2615 16385 SCHEMA - test_x postgres"
    parts = line.split()
    return not line.startswith(";") and len(parts) > 3 and parts[3] == "SCHEMA"
