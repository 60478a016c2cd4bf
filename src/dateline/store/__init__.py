"""Storage: one layer (:class:`Store`, composed of parts a caller can be typed with
alone), two backends. ``open_store`` picks one from a path (SQLite) or a
``postgresql://`` URL (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from dateline.store.base import (
    CachesPart,
    Connection,
    DaysPart,
    DocumentsPart,
    DossierPart,
    MetaPart,
    Store,
)
from dateline.store.sqlite import SQLiteStore

__all__ = [
    "CachesPart",
    "Connection",
    "DaysPart",
    "DocumentsPart",
    "DossierPart",
    "MetaPart",
    "SQLiteStore",
    "Store",
    "open_store",
]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at ``location``."""
    if str(location).startswith(("postgresql://", "postgres://")):
        # Imported here: SQLite users never need the PostgreSQL driver loaded.
        from dateline.store.postgres import PostgresStore

        return PostgresStore(str(location))
    return SQLiteStore(location)
