"""PostgreSQL's dossier dialect: fresh planner statistics after each rebuild."""

from __future__ import annotations

from dateline.store import records
from dateline.store.dossier import DossierPart
from dateline.store.postgres.connection import PostgresConnection


class PostgresDossier(PostgresConnection, DossierPart):
    """The derived records in PostgreSQL: written as the shared part writes them (with
    COPY, see :meth:`PostgresConnection.bulk_insert`), then analysed."""

    def replace_derived(self, derived: records.Derived) -> None:
        super().replace_derived(derived)
        # Fresh planner statistics now, not when autovacuum gets round to it: the
        # timeline's plans depend on how many sentences each day has, search's on how
        # many documents have each word.
        tables = (*records.DERIVED_TABLES, "mentions", "entity_names", "entities", "documents")
        self.execute(f"ANALYZE {', '.join(tables)}")
