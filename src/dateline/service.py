"""The Dossier: the one service object the CLI, the Python API and the web app call."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from unidecode import unidecode

from dateline.analyse.nlp import Analyzer
from dateline.cluster.corroboration import corroborate, provenance
from dateline.export.json import export_dict
from dateline.model import (
    BuildReport,
    Corroboration,
    Document,
    Entity,
    EntityProfile,
    Event,
    Figure,
    IngestReport,
    Meeting,
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

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.store.events() if e.id == event_id), None)

    def entity(self, name: str) -> EntityProfile | None:
        """The entity called ``name`` (any spelling or alias, or its id), with its events
        and the people and organisations it met, most often first."""
        entity = find_entity(self.store.entities(), name)
        if entity is None:
            return None
        events = tuple(e for e in self.store.events() if entity.id in _ids(e))
        met: dict[str, list[str]] = {}
        for event in events:
            for p in event.participants:
                if p.entity_id != entity.id:
                    met.setdefault(p.entity_id, [p.name, event.id])
                    if event.id not in met[p.entity_id]:
                        met[p.entity_id].append(event.id)
        meetings = sorted(
            (Meeting(eid, names[0], len(names) - 1) for eid, names in met.items()),
            key=lambda m: (-m.events, m.name),
        )
        return EntityProfile(entity, events, tuple(meetings))

    def corroboration(self) -> dict[str, Corroboration]:
        """For every event and figure id, how many documents, outlets and stories back it."""
        known = provenance(self.store.documents())
        records = [*self.store.events(), *self.store.figures()]
        return {r.id: corroborate(r.sources, known) for r in records}

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
            self.documents(),
            self.events(),
            self.entities(),
            self.figures(),
            self.promises(),
            corroboration=self.corroboration(),
        )


def _ids(event: Event) -> set[str]:
    return {p.entity_id for p in event.participants}


def find_entity(entities: Iterable[Entity], name: str) -> Entity | None:
    """Exact id, name or alias first (case and diacritics aside), then a unique
    entity whose name contains every word asked for."""
    wanted = fold_name(name)
    candidates = list(entities)
    for entity in candidates:
        if entity.id == name or wanted in {fold_name(a) for a in (entity.name, *entity.aliases)}:
            return entity
    words = wanted.split()
    partial = [e for e in candidates if all(w in fold_name(e.name).split() for w in words)]
    return partial[0] if len(partial) == 1 else None


def fold_name(text: str) -> str:
    return " ".join(unidecode(text).lower().replace(".", "").split())
