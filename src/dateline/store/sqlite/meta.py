"""SQLite's metadata dialect: the write lock is the transaction's own, and the file's
integrity is PRAGMA integrity_check's."""

from __future__ import annotations

from dateline.store.meta import MetaPart
from dateline.store.sqlite.connection import SQLiteConnection


class SQLiteMeta(SQLiteConnection, MetaPart):
    """Locking and integrity in SQLite; migrations are the shared ones."""

    def _lock_schema(self) -> None:
        """BEGIN IMMEDIATE already holds the only write lock."""

    def write_lock(self) -> None:
        """BEGIN IMMEDIATE already holds the only write lock."""

    def integrity_check(self) -> str:
        return str(self.execute("PRAGMA integrity_check").fetchone()[0])
