"""SQLite backend: one file in WAL mode, FTS5 search.

:class:`SQLiteStore` is the store's parts, each with SQLite's dialect where it has one:

- :mod:`~dateline.store.sqlite.connection`: the connection, statements, errors,
  transactions and DDL every part stands on;
- :mod:`~dateline.store.sqlite.documents`: full-text search (FTS5);
- :mod:`~dateline.store.sqlite.meta`: the write lock and the integrity check.

The caches, the dossier records and the day index need nothing of their own here.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from dateline.errors import StoreError
from dateline.store.base import Store
from dateline.store.sqlite.connection import connect, refuse_foreign
from dateline.store.sqlite.documents import SQLiteDocuments
from dateline.store.sqlite.meta import SQLiteMeta

__all__ = ["SQLiteStore", "connect"]

# Opening a store that another process is creating is tried this many times.
_OPEN_ATTEMPTS = 20


class SQLiteStore(SQLiteDocuments, SQLiteMeta, Store):
    """The dossier's store in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = self.location = str(path)
        refuse_foreign(self.path)
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
