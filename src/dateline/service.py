"""The Dossier: the one service object the CLI, the Python API and the web app call."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from unidecode import unidecode

from dateline.analyse.nlp import Analyzer
from dateline.cluster.corroboration import corroborate, is_speculative, provenance
from dateline.errors import DatelineError
from dateline.export.json import export_dict
from dateline.export.report import ReportInput
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
from dateline.summarise.timeline import (
    DatedSentence,
    TimelineEntry,
    TimelineOptions,
    build_timeline,
)

TIMELINE_ANCHORS = ("auto", "events", "references")
EXPORT_PARTS = ("documents", "events", "entities", "figures", "promises")


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
        date_from_path: bool = False,
    ) -> IngestReport:
        """Read, clean, deduplicate, date and store every article under ``paths``.

        With ``build`` (the default) the dossier is then rebuilt (see :meth:`build`); with
        ``date_from_path`` a ``YYYY-MM-DD`` folder or file name dates an article that has
        no better date.
        """
        report = self._ingester.ingest([str(p) for p in paths], progress, date_from_path)
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

    def timeline(
        self,
        dates: int | None = 10,
        sentences: int = 2,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        entity: str | None = None,
        event_type: str | None = None,
        anchor: str = "auto",
    ) -> RecordList[TimelineEntry]:
        """The dates that matter, each with a short extractive summary and its sources.

        ``since``/``until`` (YYYY-MM-DD) bound both the articles read and the dates shown;
        ``query`` keeps summaries on topic; ``entity`` and ``event_type`` keep sentences
        that name that entity or report an event of that type. ``anchor`` says where dates
        come from: ``events`` (the days of extracted events), ``references`` (the days the
        articles refer to most) or ``auto`` (events when there are dated ones). Undated and
        self-declared speculative articles never enter.
        """
        if anchor not in TIMELINE_ANCHORS:
            raise DatelineError(f"anchor must be one of {', '.join(TIMELINE_ANCHORS)}")
        events = self.store.events()
        found = self._entity_named(entity) if entity is not None else None
        chosen = _timeline_events(events, event_type, found)
        weights = _event_days(chosen)
        keep = _sentence_filter(
            self.store.sentences_naming(found.id) if found else None, events, event_type
        )
        rows = self.store.sentences(since, until)
        roots = self.store.roots()
        anchored = anchor == "events" or (anchor == "auto" and bool(weights))
        if anchored:
            # Only the events' days compete, so sentences about other days cannot matter;
            # with a limit, only the best-referenced days need summarising at all.
            weights = _best_days(rows, weights, roots, dates)
            rows = [r for r in rows if _near_any(r[4], r[5], weights)]
        texts = self.store.texts({r[0] for r in rows})
        speculative = {doc for doc, text in texts.items() if is_speculative(text)}
        dated = [
            DatedSentence(doc, start, end, texts[doc][start:end], published, tuple(map(tuple, ds)))
            for doc, idx, start, end, published, ds in rows
            if (keep is None or keep(doc, idx, start)) and doc not in speculative
        ]
        options = TimelineOptions(dates, sentences, since, until, query)
        if not anchored:
            return RecordList(build_timeline(dated, options, groups=roots, event_dates=weights))
        every = build_timeline(
            dated, dataclasses.replace(options, dates=None), groups=roots, event_dates=weights
        )
        entries = {e.date: e for e in every if e.date in weights}
        for day in weights.keys() - entries.keys():
            if (since is None or day >= since) and (until is None or day <= until):
                on_day = [e for e in chosen if e.date == day]
                entries[day] = self._event_entry(day, on_day, sentences, weights[day])
        best = sorted(entries.values(), key=lambda e: (-e.score, e.date))
        best = best[:dates] if dates is not None else best
        return RecordList(sorted(best, key=lambda e: e.date))

    def _entity_named(self, name: str) -> Entity:
        found = find_entity(self.store.entities(), name)
        if found is None:
            raise DatelineError(f"no entity called {name!r}")
        return found

    def _event_entry(
        self, day: str, events: Sequence[Event], sentences: int, weight: float
    ) -> TimelineEntry:
        """An entry for an event day the summariser found no sentence for (its sentences are
        too long or too few to compete): the events' own first reports, shortest first."""
        sources = sorted({s for e in events for s in e.sources}, key=lambda s: s.end - s.start)
        texts = self.store.texts({s.document_id for s in sources})
        summary = tuple(sources[:sentences])
        return TimelineEntry(
            date=day,
            summary=summary,
            texts=tuple(texts[s.document_id][s.start : s.end] for s in summary),
            score=weight,
            documents=len({s.document_id for s in sources}),
        )

    def report_input(self, title: str, dates: int | None = 15, sentences: int = 2) -> ReportInput:
        """Everything the written report shows."""
        return ReportInput(
            title=title,
            documents=self.documents(),
            timeline=self.timeline(dates, sentences),
            events=self.events(),
            entities=self.entities(),
            figures=self.figures(),
            promises=self.promises(),
        )

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

    def corroboration(
        self, records: Iterable[Event | Figure] | None = None
    ) -> dict[str, Corroboration]:
        """For each event and figure id (all, or those given), how many documents, outlets
        and stories back it."""
        known = provenance(self.store.provenance_rows())
        if records is None:
            records = [*self.store.events(), *self.store.figures()]
        return {r.id: corroborate(r.sources, known) for r in records}

    def texts(self) -> dict[str, str]:
        """Clean text of every document, by id (what source offsets point into)."""
        return self.store.texts()

    def documents(self) -> RecordList[Document]:
        return RecordList(self.store.documents())

    def document(self, document_id: str) -> Document | None:
        return self.store.get_document(document_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, object]:
        return self.store.stats()

    def export(self, parts: Iterable[str] = EXPORT_PARTS) -> dict[str, Any]:
        """The dossier as one JSON-ready object (see export/schema); ``parts`` limits it to
        some of its lists (the others come out empty) so a view reads only what it shows."""
        wanted = set(parts)
        if unknown := wanted - set(EXPORT_PARTS):
            raise DatelineError(f"unknown export parts: {', '.join(sorted(unknown))}")
        documents = self.documents() if "documents" in wanted else []
        events = self.events() if "events" in wanted else []
        figures = self.figures() if "figures" in wanted else []
        return export_dict(
            documents,
            events,
            self.entities() if "entities" in wanted else [],
            figures,
            self.promises() if "promises" in wanted else [],
            corroboration=self.corroboration([*events, *figures]) if events or figures else None,
            texts=None if "documents" in wanted else self.texts(),
        )


def _timeline_events(
    events: Iterable[Event], event_type: str | None, entity: Entity | None
) -> list[Event]:
    """Dated, non-background events, of one type and with one entity if asked."""
    return [
        e
        for e in events
        if e.date
        and e.precision == "day"
        and not e.background
        and (not event_type or e.type == event_type.upper())
        and (entity is None or entity.id in _ids(e))
    ]


def _event_days(events: Iterable[Event]) -> dict[str, float]:
    """Days of the timeline's events, weighted by how many happened that day."""
    weights: dict[str, float] = {}
    for e in events:
        weights[str(e.date)] = weights.get(str(e.date), 0.0) + 1.0
    return weights


def _sentence_filter(
    naming: set[tuple[str, int]] | None, events: Iterable[Event], event_type: str | None
) -> Callable[[str, int, int], bool] | None:
    """A test on (document, sentence index, start): the sentence is among ``naming`` (the
    sentences that name the asked-for entity) and reports an event of ``event_type``; each
    condition only when asked for."""
    if naming is None and event_type is None:
        return None
    reporting: set[tuple[str, int]] | None = None
    if event_type is not None:
        wanted = event_type.upper()
        reporting = {
            (s.document_id, s.start) for e in events if e.type == wanted for s in e.sources
        }

    def keep(document: str, index: int, start: int) -> bool:
        return (naming is None or (document, index) in naming) and (
            reporting is None or (document, start) in reporting
        )

    return keep


def _best_days(
    rows: Sequence[tuple[str, int, int, int, str | None, list[list[str]]]],
    weights: Mapping[str, float],
    roots: Mapping[str, str],
    count: int | None,
) -> dict[str, float]:
    """The ``count`` event days most referred to by distinct stories (all when None)."""
    if count is None or len(weights) <= count:
        return dict(weights)
    stories: dict[str, set[str]] = {day: set() for day in weights}
    for document, _, _, _, _, dates in rows:
        for value, _ in dates:
            if value in stories:
                stories[value].add(roots.get(document, document))
    best = sorted(weights, key=lambda d: (-(len(stories[d]) + weights[d]), d))[: count * 2]
    return {day: weights[day] for day in best}


def _near_any(published: str | None, dates: list[list[str]], days: Mapping[str, float]) -> bool:
    """A sentence that names one of ``days``, or that an article published up to two days
    after one of them may report without naming it."""
    if any(value in days for value, _ in dates):
        return True
    if not published or dates:
        return False
    day = date.fromisoformat(published)
    return any((day - timedelta(days=lag)).isoformat() in days for lag in range(3))


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
