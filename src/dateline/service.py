"""The Dossier: the one service object the CLI, the Python API and the web app call."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from dateline.export.json import export_dict
from dateline.model import Document, IngestReport, SearchHit
from dateline.pipeline.ingest import Ingester, Progress
from dateline.store import SQLiteStore, open_store


class Dossier:
    """A dossier stored at one location; a thin facade over the pipeline and store."""

    def __init__(self, store: SQLiteStore, today: date | None = None) -> None:
        self.store = store
        self._ingester = Ingester(store, today=today)

    @classmethod
    def open(cls, location: str | Path = "dateline.db", today: date | None = None) -> Dossier:
        return cls(open_store(location), today=today)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestReport:
        """Read, clean, deduplicate, date and store every article under ``paths``."""
        return self._ingester.ingest([str(p) for p in paths], progress=progress)

    def documents(self) -> list[Document]:
        return list(self.store.documents())

    def document(self, document_id: str) -> Document | None:
        return self.store.get_document(document_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, object]:
        return self.store.stats()

    def export(self) -> dict[str, Any]:
        """The whole dossier as one JSON-ready object (see export/schema)."""
        return export_dict(self.documents())
