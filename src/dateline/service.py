"""The Dossier: the one service object the CLI, the Python API and the web app call."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from dateline.analyse.nlp import Analyzer
from dateline.export.json import export_dict
from dateline.model import (
    BuildReport,
    Document,
    Entity,
    Event,
    Figure,
    IngestReport,
    Promise,
    SearchHit,
)
from dateline.pipeline.build import Builder, BuildProgress
from dateline.pipeline.ingest import Ingester, Progress
from dateline.results import RecordList
from dateline.store import SQLiteStore, open_store


class Dossier:
    """A dossier stored at one location; a thin facade over the pipeline and store.

    ``analyzer`` may be shared between dossiers so the language model loads once.
    """

    def __init__(
        self, store: SQLiteStore, today: date | None = None, analyzer: Analyzer | None = None
    ) -> None:
        self.store = store
        self._ingester = Ingester(store, today=today)
        self._builder = Builder(store, analyzer)

    @classmethod
    def open(
        cls,
        location: str | Path = "dateline.db",
        today: date | None = None,
        analyzer: Analyzer | None = None,
    ) -> Dossier:
        return cls(open_store(location), today=today, analyzer=analyzer)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: Progress | None = None,
        *,
        build: bool = True,
    ) -> IngestReport:
        """Read, clean, deduplicate, date and store every article under ``paths``.

        With ``build`` (the default) the dossier is then rebuilt (see :meth:`build`).
        """
        report = self._ingester.ingest([str(p) for p in paths], progress=progress)
        if build:
            report = dataclasses.replace(report, build=self.build())
        return report

    def build(self, progress: BuildProgress | None = None) -> BuildReport:
        """Analyse the stored texts and rebuild entities, events, figures and promises."""
        return self._builder.build(progress)

    def entities(self) -> RecordList[Entity]:
        return RecordList(self.store.entities())

    def events(self) -> RecordList[Event]:
        return RecordList(self.store.events())

    def figures(self) -> RecordList[Figure]:
        return RecordList(self.store.figures())

    def promises(self) -> RecordList[Promise]:
        return RecordList(self.store.promises())

    def documents(self) -> RecordList[Document]:
        return RecordList(self.store.documents())

    def document(self, document_id: str) -> Document | None:
        return self.store.get_document(document_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, object]:
        return self.store.stats()

    def export(self) -> dict[str, Any]:
        """The whole dossier as one JSON-ready object (see export/schema)."""
        return export_dict(
            self.documents(), self.events(), self.entities(), self.figures(), self.promises()
        )
