"""PostgreSQL backend: a shared server, full-text search with tsvector and a GIN index.

The store lives in the schema first on the connection's ``search_path`` (``public`` unless
the URL says otherwise, e.g. ``?options=-csearch_path%3Dteam_a,public``). Text search
needs the ``unaccent`` extension (Debian's postgresql-contrib). Importing this package
loads the driver (psycopg): :func:`dateline.store.open_store` imports it only for a
``postgresql://`` URL.

:class:`PostgresStore` is the store's parts, each with PostgreSQL's dialect where it has
one:

- :mod:`~dateline.store.postgres.connection`: the connection, statements, transactions,
  bulk loads (COPY), emptying tables (TRUNCATE) and the DDL's types every part stands on;
- :mod:`~dateline.store.postgres.documents`: full-text search (tsquery, ts_rank,
  ts_headline);
- :mod:`~dateline.store.postgres.dossier`: planner statistics after a rebuild;
- :mod:`~dateline.store.postgres.meta`: advisory locks, the migrations table, the
  integrity check.

The caches and the day index need nothing of their own here.
"""

from __future__ import annotations

import psycopg

from dateline.errors import StoreError
from dateline.store.base import Store
from dateline.store.postgres.connection import first_line, redact
from dateline.store.postgres.documents import PostgresDocuments
from dateline.store.postgres.dossier import PostgresDossier
from dateline.store.postgres.meta import PostgresMeta

__all__ = ["PostgresStore", "redact"]


class PostgresStore(PostgresDocuments, PostgresDossier, PostgresMeta, Store):
    """The dossier's store in a PostgreSQL database, given as a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.location = self.path = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            # Reads here are short. Past a cost estimate that a correlated count over every
            # event reaches, the server compiles a query first: 150 ms for a 20 ms query.
            self.conn.execute("SET jit = off")
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot connect ({first_line(exc)})") from None
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(
                f"{self.location}: not a usable Dateline store ({first_line(exc)})"
            ) from None
