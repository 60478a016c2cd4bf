"""The storage layer both backends share: every query is written once, in SQL both
engines accept, with ``?`` placeholders.

:class:`Store` is composed of focused parts, each a module of its own:
:class:`~dateline.store.documents.DocumentsPart` (documents, copies, search),
:class:`~dateline.store.caches.CachesPart` (analysis and extraction caches),
:class:`~dateline.store.dossier.DossierPart` (entities, events, figures, promises),
:class:`~dateline.store.days.DaysPart` (the day index and kept timeline results) and
:class:`~dateline.store.meta.MetaPart` (metadata, the generation, the write lock,
migrations), all on :class:`~dateline.store.meta.Connection` (statements and
transactions). A caller that needs one part can be annotated with that part alone.

Each backend is a subpackage holding, per part, that part's dialect where it has one: a
small class that is the part on the backend's connection (statements, transactions, DDL;
``connection.py``), e.g. :class:`~dateline.store.sqlite.documents.SQLiteDocuments` (FTS5)
and :class:`~dateline.store.postgres.documents.PostgresDocuments` (tsquery).
:class:`~dateline.store.sqlite.SQLiteStore` and
:class:`~dateline.store.postgres.PostgresStore` compose them with :class:`Store`::

    store/sqlite/    connection  documents (FTS5)     meta (integrity)
    store/postgres/  connection  documents (tsquery)  dossier (ANALYZE)  meta (locks)

The caches and the day index are the same SQL on both engines.
"""

from __future__ import annotations

from dateline.store.caches import CachesPart
from dateline.store.days import DaysPart, SentenceRow
from dateline.store.documents import DOCUMENT_COLUMNS, DocumentsPart, Match
from dateline.store.dossier import DossierPart
from dateline.store.meta import Connection, MetaPart

__all__ = [
    "DOCUMENT_COLUMNS",
    "CachesPart",
    "Connection",
    "DaysPart",
    "DocumentsPart",
    "DossierPart",
    "Match",
    "MetaPart",
    "SentenceRow",
    "Store",
]


class Store(DocumentsPart, CachesPart, DossierPart, DaysPart, MetaPart):
    """The dossier's store; subclasses bind it to one database engine."""
