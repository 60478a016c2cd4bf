"""Storage. SQLite is the default backend; `open_store` picks one from a path or URL."""

from __future__ import annotations

from pathlib import Path

from dateline.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "open_store"]


def open_store(location: str | Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the store at ``location``."""
    return SQLiteStore(location)
