"""SQLite's connection: one file in WAL mode, statements, errors, transactions, DDL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dateline.errors import StoreError
from dateline.store.meta import Connection
from dateline.store.migrations import run_script


def connect(path: str) -> sqlite3.Connection:
    """Open a connection with the PRAGMAs every Dateline connection needs."""
    conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # WAL: readers (the web app, a second CLI) never block the one writer.
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
    conn.execute("PRAGMA synchronous=NORMAL")
    # Off by default in SQLite; edits and signatures must go with their document.
    conn.execute("PRAGMA foreign_keys=ON")
    # A second writer waits for the lock instead of failing at once.
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


def refuse_foreign(path: str) -> None:
    """Refuse, before anything is written (switching to WAL rewrites the header), a file
    that is not a Dateline store: another program's database, or not a database at all.
    An empty or new file, or a store being created (its migrations table comes first), is
    fine."""
    if path == ":memory:" or path.startswith("file:"):
        return
    try:
        if Path(path).stat().st_size == 0:
            return
    except OSError:
        return  # a new store
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=60)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable Dateline store ({exc}); left untouched") from None
    if names and "migrations" not in names:
        raise StoreError(
            f"{path}: a database of another program, not a Dateline store; left untouched"
        )


# SQLite's errors that say the file itself is unusable, not that one statement is wrong
_UNUSABLE = ("disk is full", "disk I/O error", "malformed", "not a database", "readonly")


def _unusable(path: str, exc: sqlite3.DatabaseError) -> Exception:
    """A damaged or full store as a StoreError naming it; any other error as it was."""
    if type(exc) is sqlite3.DatabaseError or any(m in str(exc) for m in _UNUSABLE):
        return StoreError(f"{path}: the store cannot be used ({exc}); what was stored "
                          "before stays (see dateline check and dateline restore)")  # fmt: skip
    return exc


class SQLiteConnection(Connection):
    """What every SQLite part stands on: the file's one connection. Bulk loads and
    emptying tables are the shared defaults (plain INSERT and DELETE)."""

    dialect = "sqlite"
    names_indexes = True
    driver_errors = (sqlite3.Error,)
    document_errors = (sqlite3.IntegrityError, sqlite3.DataError)

    #: the database file (or ``:memory:``, or a ``file:`` URI)
    path: str
    conn: sqlite3.Connection

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise _unusable(self.path, exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.DatabaseError as exc:
            raise _unusable(self.path, exc) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front, so two writers queue, not fail."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def reopen_location(self) -> str:
        if self.path == ":memory:" or self.path.startswith("file:") or not self.path:
            raise ValueError("an in-memory store has one connection")
        return str(Path(self.path).resolve())

    def ddl(self, script: str) -> None:
        run_script(self.conn, script)
