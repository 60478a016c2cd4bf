"""The store's foundation and its metadata: statements, transactions, the write lock,
the generation, migrations.

:class:`Connection` is what a backend provides (statements, its transaction, its DDL) and
what every part of the store stands on; :class:`MetaPart` is the store's own bookkeeping.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from dateline.errors import StoreError
from dateline.store import records
from dateline.store.migrations import MIGRATIONS, Migration, latest_version

# Bound parameters per IN (...) batch: under SQLite's limit, small enough for any server.
_BATCH = 500


class Connection(ABC):
    """One database engine's connection, as every part of the store uses it."""

    #: the dialect's name, as migrations know it ("sqlite" or "postgresql")
    dialect: str

    #: where the store lives, for messages (a path, or a URL without its password)
    location: str

    #: whether a read names the index it takes (SQLite's planner looks an id up in the
    #: unique id index, which opens the row, where a narrower index holds what is read)
    names_indexes: bool = False

    #: the driver's base exception classes
    driver_errors: tuple[type[Exception], ...]

    #: the driver's errors that concern the one row written (any other leaves the store
    #: unusable for the rest of a batch)
    document_errors: tuple[type[Exception], ...]

    @abstractmethod
    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; returns a cursor."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """The engine's transaction; writers queue rather than fail."""

    _depth = 0  # transactions open (an inner one joins the outermost)

    _invalidated = False  # whether the open transaction already moved the generation on

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work. Nested calls join the enclosing one, so a caller can
        group many writes (a bulk load) into one commit."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth, self._invalidated = 1, False
        try:
            with self._transaction():
                yield
        finally:
            self._depth = 0

    def _invalidate(self) -> None:
        """Mark kept results stale, once per transaction: PostgreSQL slows down a lot when
        one transaction updates the same row thousands of times."""
        if not self._invalidated:
            records.invalidate(self)
            self._invalidated = True

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def reopen_location(self) -> str:
        """Where to open a second connection to this store; ValueError when there is
        none (an in-memory database)."""

    @abstractmethod
    def ddl(self, script: str) -> None:
        """Run a schema script written in SQLite's types, translated to the dialect's."""

    def documents_by(self, index: str, alias: str = "") -> str:
        """The documents table (as ``alias``) for a read by id of only what ``index`` holds
        (see migrations 11 and 14), without opening a row."""
        hint = f"INDEXED BY {index}" if self.names_indexes else ""
        return " ".join(part for part in ("documents", alias, hint) if part)

    def bulk_insert(self, table: str, columns: str, rows: Iterable[Sequence[object]]) -> None:
        """Insert many rows at once (PostgreSQL streams them with COPY)."""
        marks = ", ".join("?" * len(columns.split(",")))
        self.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    def clear(self, tables: Sequence[str]) -> None:
        """Empty ``tables`` inside the caller's transaction."""
        for table in tables:
            self.execute(f"DELETE FROM {table}")

    def _by_ids(
        self, sql: str, ids: Iterable[str], before: Sequence[object] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (an ``IN ({})`` query, whose parameters before the list are
        ``before``) for ``ids``, in bounded batches."""
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), _BATCH):
            batch = wanted[i : i + _BATCH]
            yield from self.execute(sql.format(", ".join("?" * len(batch))), (*before, *batch))


class MetaPart(Connection):
    """Metadata, the generation, locking, integrity and the schema's migrations."""

    @abstractmethod
    def integrity_check(self) -> str:
        """ "ok", or what is wrong."""

    @abstractmethod
    def _lock_schema(self) -> None:
        """Serialise concurrent migrations inside the migration's transaction."""

    @abstractmethod
    def write_lock(self) -> None:
        """Inside a transaction: wait until no other writer is between reading what the
        store holds and writing what follows from it (a duplicate check, a rebuild)."""

    def _migrate(self) -> None:
        self._create_migrations_table()
        applied = self._applied()
        if applied and max(applied) > latest_version():
            raise StoreError(
                f"{self.location}: written by a newer Dateline (schema {max(applied)}, "
                f"this version knows {latest_version()}); upgrade Dateline"
            )
        for migration in MIGRATIONS:
            if migration.version in applied:
                continue
            with self.transaction():
                self._lock_schema()
                if migration.version in self._applied():  # another process was first
                    continue
                self._apply(migration)
                self.execute(
                    "INSERT INTO migrations VALUES (?, ?, ?)",
                    (migration.version, migration.name, now()),
                )

    def _create_migrations_table(self) -> None:
        self.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )

    def _applied(self) -> set[int]:
        return {int(r[0]) for r in self.execute("SELECT version FROM migrations")}

    def _apply(self, migration: Migration) -> None:
        if migration.script:  # empty when only some dialects need anything
            self.ddl(migration.script)
        if extra := migration.extra.get(self.dialect):
            self.ddl(extra)
        if migration.backfill is not None:
            migration.backfill(self)

    def schema_version(self) -> int:
        row = self.execute("SELECT max(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    def meta(self, key: str) -> str | None:
        row = self.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        put_meta(self, key, value)

    def generation(self) -> int:
        """A counter every write moves on: a result made at one generation is stale later."""
        return records.generation(self)


def put_meta(db: Connection, key: str, value: str) -> None:
    """Set one metadata value (inside the caller's transaction, if any)."""
    db.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def now() -> str:
    """The current UTC time as the store records it."""
    return datetime.now(UTC).isoformat(timespec="seconds")
