"""PostgreSQL's metadata dialect: advisory locks for migrations and writers, and an
integrity check that every table is there and readable."""

from __future__ import annotations

from dateline.store.meta import MetaPart
from dateline.store.postgres.connection import PostgresConnection

_TABLES = (
    "migrations", "documents", "edits", "date_candidates", "signatures", "meta", "analyses",
    "entities", "roles", "mentions", "events", "participants", "figures", "promises",
    "sources", "sentences", "sentence_dates", "results", "extractions", "entity_names",
    "day_references", "publication_days",
)  # fmt: skip


class PostgresMeta(PostgresConnection, MetaPart):
    """Locking, the migrations table and integrity in PostgreSQL."""

    def _lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dateline'))")

    def _create_migrations_table(self) -> None:
        # Two processes opening a new schema at once would race in CREATE TABLE IF NOT
        # EXISTS (a unique violation in the catalogue): the schema lock makes one wait.
        with self.transaction():
            self._lock_schema()
            super()._create_migrations_table()

    def write_lock(self) -> None:
        # Transactions do not exclude one another here as SQLite's do: a lock held until
        # the transaction ends makes two ingests (or builds) into one dossier take turns.
        self.execute(
            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dateline.write'))"
        )

    def integrity_check(self) -> str:
        """ "ok" when every table of the schema is there and readable; the server itself
        guarantees page and constraint consistency (PRAGMA integrity_check's job)."""
        present = {
            r[0]
            for r in self.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        }
        missing = [t for t in _TABLES if t not in present]
        if missing:
            return f"missing tables: {', '.join(missing)}"
        for table in _TABLES:
            self.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()
        return "ok"
