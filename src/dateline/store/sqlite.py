"""SQLite backend: one file in WAL mode, FTS5 search."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dateline.errors import StoreError
from dateline.model import MATCH_END, MATCH_START, Document
from dateline.store.base import Match, Store
from dateline.store.ftsquery import query_error
from dateline.store.migrations import run_script

# Opening a store that another process is creating is tried this many times.
_OPEN_ATTEMPTS = 20


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


def _refuse_foreign(path: str) -> None:
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


class SQLiteStore(Store):
    """The dossier's store in one SQLite file (or ``:memory:``)."""

    dialect = "sqlite"
    driver_errors = (sqlite3.Error,)
    document_errors = (sqlite3.IntegrityError, sqlite3.DataError)

    def __init__(self, path: str | Path) -> None:
        self.path = self.location = str(path)
        _refuse_foreign(self.path)
        for attempt in range(1, _OPEN_ATTEMPTS + 1):
            conn = None
            try:
                conn = self.conn = connect(self.path)
                self._migrate()
                return
            except sqlite3.OperationalError as exc:
                # Two processes creating one new file at once: switching it to WAL (or a
                # first write) can report "locked" without waiting for the busy timeout.
                if "locked" not in str(exc) or attempt == _OPEN_ATTEMPTS:
                    raise StoreError(f"{self.path}: not a usable Dateline store ({exc})") from None
                if conn is not None:
                    conn.close()
                time.sleep(0.1 * attempt)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: not a usable Dateline store ({exc})") from None

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

    def _lock_schema(self) -> None:
        """BEGIN IMMEDIATE already holds the only write lock."""

    def write_lock(self) -> None:
        """BEGIN IMMEDIATE already holds the only write lock."""

    def close(self) -> None:
        self.conn.close()

    def reopen_location(self) -> str:
        if self.path == ":memory:" or self.path.startswith("file:") or not self.path:
            raise ValueError("an in-memory store has one connection")
        return str(Path(self.path).resolve())

    def ddl(self, script: str) -> None:
        run_script(self.conn, script)

    # -- full-text search (FTS5, external content) -----------------------------------
    def _index_document(self, n: int, doc: Document) -> None:
        self.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
            (n, doc.title or "", doc.text),
        )

    def _unindex_document(self, n: int, title: str | None, text: str) -> None:
        self.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "VALUES ('delete', ?, ?, ?)",
            (n, title or "", text),
        )

    def _matches(self, query: str, window: int) -> tuple[list[Match], bool]:
        # FTS5 walks its doclists in rowid order, so the last matches come without bm25;
        # the rowid bound is FTS5's own too (the doclists are read from it on). bm25 still
        # weighs terms by the whole index: a row ranks as it would among every match.
        try:
            recent = self.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT ?",
                (query, window + 1),
            ).fetchall()
            if not recent:
                return [], False
            floor = recent[min(window, len(recent)) - 1][0]
            found = self.execute(
                """
                SELECT d.n, d.id, d.title, d.path, d.published, bm25(documents_fts) AS rank,
                       coalesce(d.duplicate_of, d.id) AS root
                FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid
                WHERE documents_fts MATCH ? AND documents_fts.rowid >= ?
                ORDER BY rank, d.n
                """,
                (query, floor),
            )
            return [tuple(row) for row in found], len(recent) > window
        except sqlite3.OperationalError as exc:
            raise query_error(query, exc) from None

    def _snippets(self, query: str, rows: Sequence[int]) -> dict[int, str]:
        marks = ", ".join("?" * len(rows))
        found = self.execute(
            f"SELECT rowid, snippet(documents_fts, 1, '{MATCH_START}', '{MATCH_END}', ' … ', 16) "
            "FROM documents_fts "
            f"WHERE documents_fts MATCH ? AND rowid IN ({marks})",
            (query, *rows),
        )
        return {int(r[0]): r[1] for r in found}

    def integrity_check(self) -> str:
        return str(self.execute("PRAGMA integrity_check").fetchone()[0])
