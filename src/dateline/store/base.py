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

A backend (:mod:`dateline.store.sqlite`, :mod:`dateline.store.postgres`) supplies the
connection, transactions, the dialect's DDL types, bulk loading and full-text search.
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
