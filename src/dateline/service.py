"""The Dossier: the one service object the CLI, the Python API and the web app call."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.cluster.corroboration import (
    corroborate,
    is_speculative,
    provenance,
    provenance_known,
)
from dateline.errors import DatelineError
from dateline.export.json import export_dict
from dateline.export.report import ReportInput, render_report
from dateline.extract.ontology import EVENT_TYPES
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
from dateline.results import RecordList
from dateline.store import Store, open_store
from dateline.store.backup import BackupInfo
from dateline.summarise.plan import (
    find_entity,
    find_stored_entity,
    plan_timeline,
    plan_timelines,
)
from dateline.summarise.request import (
    MAX_NAME,
    MAX_QUERY,
    SENTENCE_BUDGET,
    TIMELINE_ANCHORS,
    TimelineRequest,
)
from dateline.summarise.timeline import TimelineEntry

if TYPE_CHECKING:  # the pipeline (and its language model) loads only to ingest or build
    from dateline.analyse.nlp import Analyzer
    from dateline.pipeline.build import Builder, BuildProgress
    from dateline.pipeline.distributed import Engine
    from dateline.pipeline.ingest import Ingester, Progress

__all__ = [
    "EVENT_TYPES",
    "MAX_NAME",
    "MAX_QUERY",
    "SENTENCE_BUDGET",
    "TIMELINE_ANCHORS",
    "BackupInfo",
    "Dossier",
    "TimelineRequest",
    "find_entity",
]

# Dates on the web app's timeline page (the CLI and the Python API show 10): a build
# keeps both timelines ready.
TIMELINE_PAGE_DATES = 30
EXPORT_PARTS = ("documents", "events", "entities", "figures", "promises")


class Dossier:
    """A dossier stored at one location; a thin facade over the pipeline and store.

    ``analyzer`` may be shared between dossiers so the language model loads once.
    """

    def __init__(
        self, store: Store, today: date | None = None, analyzer: Analyzer | None = None
    ) -> None:
        self.store = store
        self._today = today or date.today()
        self._given_analyzer = analyzer
        self._ingester_made: Ingester | None = None
        self._builder_made: Builder | None = None

    @property
    def _ingester(self) -> Ingester:
        if self._ingester_made is None:
            from dateline.pipeline.ingest import Ingester

            self._ingester_made = Ingester(self.store, today=self._today)
        return self._ingester_made

    @property
    def _builder(self) -> Builder:
        if self._builder_made is None:
            from dateline.pipeline.build import Builder

            self._builder_made = Builder(self.store, self._given_analyzer, today=self._today)
        return self._builder_made

    @classmethod
    def open(
        cls,
        location: str | Path = "dateline.db",
        today: date | None = None,
        analyzer: Analyzer | None = None,
    ) -> Dossier:
        return cls(open_store(location), today=today, analyzer=analyzer)

    @property
    def today(self) -> date:
        """The day ingest takes as today (dates after it are refused)."""
        return self._today

    @property
    def analyzer(self) -> Analyzer:
        """The language model builds use (loaded on first use)."""
        return self._builder.analyzer

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
        engine: Engine = "local",
        scheduler: str | None = None,
        workers: int | None = None,
        root: str | Path | None = None,
    ) -> IngestReport:
        """Read, clean, deduplicate, date and store every article under ``paths``.

        With ``build`` (the default) the dossier is then rebuilt (see :meth:`build`); with
        ``date_from_path`` a ``YYYY-MM-DD`` folder or file name dates an article that has
        no better date. ``engine="dask"`` reads, prepares and analyses on a Dask cluster (a
        local one of ``workers`` processes, or the one at ``scheduler``); a
        :class:`~dateline.pipeline.distributed.DaskEngine` may be passed to reuse one.
        With ``root`` every file read must resolve inside that folder (links included).
        """
        from dateline.pipeline.distributed import use_engine

        with use_engine(engine, scheduler, workers) as runner:
            report = self._ingester.ingest(
                [str(p) for p in paths], progress, date_from_path, engine=runner,
                root=None if root is None else str(root),
            )  # fmt: skip
            if build:
                report = dataclasses.replace(report, build=self._builder.build(engine=runner))
                self.warm()
        return report

    def build(
        self,
        progress: BuildProgress | None = None,
        *,
        engine: Engine = "local",
        scheduler: str | None = None,
        workers: int | None = None,
    ) -> BuildReport:
        """Analyse the stored texts and rebuild entities, events, figures and promises."""
        from dateline.pipeline.distributed import use_engine

        with use_engine(engine, scheduler, workers) as runner:
            report = self._builder.build(progress, engine=runner)
        if progress is not None:
            progress("timeline", 0, 1)
        self.warm()
        if progress is not None:
            progress("timeline", 1, 1)
        return report

    def warm(self) -> None:
        """Make and keep the results most asked for (the default timelines of the CLI and
        a notebook, and of the web app's timeline page), so the first reader after a build
        does not wait for them. Both read the same sentences, so they are planned together
        and the sentences read and prepared once."""
        asked = [TimelineRequest(), TimelineRequest(TIMELINE_PAGE_DATES)]
        plan_timelines(self.store, [r.validated(EVENT_TYPES) for r in asked], is_speculative)

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
        budget: int | None = SENTENCE_BUDGET,
    ) -> RecordList[TimelineEntry]:
        """The dates that matter, each with a short extractive summary and its sources.

        ``since``/``until`` (YYYY-MM-DD) bound both the articles read and the dates shown;
        ``query`` prefers summaries sharing a word with it (the rest still count);
        ``entity`` and ``event_type`` keep sentences that name that entity or report an
        event of that type. ``anchor`` says where dates
        come from: ``events`` (the days of extracted events), ``references`` (the days the
        articles refer to most) or ``auto`` (events when there are dated ones). Undated and
        self-declared speculative articles never enter.

        When the articles would give more than ``budget`` candidate sentences (None: no
        limit), the days are ranked from the counts the build keeps and only the chosen
        days' sentences are read, so a cold timeline costs about the same on a million
        articles as on a few thousand. Where no counts hold (a write since the last build,
        or both an entity and a type asked for), an even sample of the articles is read
        instead; each entry's ``sample`` then says what share was read, and its score and
        document count are scaled up from it.
        Bad parameters raise :class:`~dateline.errors.DatelineError` (see
        :class:`TimelineRequest`, which :meth:`timeline_for` takes whole).
        """
        return self.timeline_for(
            TimelineRequest(
                dates, sentences, since, until, query, entity, event_type, anchor, budget
            )
        )

    def timeline_for(self, request: TimelineRequest) -> RecordList[TimelineEntry]:
        """The timeline ``request`` asks for (see :meth:`timeline`), once it is checked.
        Kept in the store until the next write: a repeated question is one indexed read."""
        asked = request.validated(EVENT_TYPES)
        return RecordList(plan_timeline(self.store, asked, is_speculative))

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
        # names are enough to find it; then only its own roles and events are read
        named = find_stored_entity(self.store, name)
        if named is None:
            return None
        entity = self.store.entities(named.id)[0]
        events = tuple(self.store.events(entity.id))
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
        if records is None:
            records = [*self.store.events(), *self.store.figures()]
        records = list(records)
        # only the documents the records cite: a few events need not read a million texts
        cited = {s.document_id for r in records for s in r.sources}
        # the build's speculative documents while they hold: then no text is read
        speculative = self.store.speculative_among(cited)
        known = (
            provenance(self.store.provenance_rows(cited))
            if speculative is None
            else provenance_known(self.store.outlet_rows(cited), speculative)
        )
        return {r.id: corroborate(r.sources, known) for r in records}

    def texts(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Clean text of every document (or only of ``ids``), by id (what source offsets
        point into)."""
        return self.store.texts(ids)

    def copies(self, root_id: str) -> list[dict[str, Any]]:
        """The story whose first stored copy is ``root_id``: that copy, then each duplicate
        (id, published, published_how), in ingest order."""
        return self.store.group_of(root_id)

    def documents(self, limit: int | None = None, offset: int = 0) -> RecordList[Document]:
        """Stored documents in ingest order; ``limit``/``offset`` page through them."""
        return RecordList(self.store.documents(limit, offset))

    def document(self, document_id: str) -> Document | None:
        return self.store.get_document(document_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, object]:
        return self.store.stats()

    @property
    def location(self) -> str:
        """Where the store lives: a SQLite file path, ``:memory:``, or a PostgreSQL URL (its
        password left out)."""
        return str(self.store.location)

    @staticmethod
    def backup(location: str | Path, target: str | Path) -> BackupInfo:
        """Copy the store at ``location`` to the file ``target`` (replaced if it exists):
        SQLite's online backup, safe while the store is in use, or ``pg_dump``."""
        from dateline.store.backup import backup

        return backup(str(location), target)

    @staticmethod
    def restore(
        source: str | Path, location: str | Path = "dateline.db", force: bool = False
    ) -> BackupInfo:
        """Restore the store at ``location`` from a file :meth:`backup` wrote, after checking
        it is one; a store that already holds documents is replaced only with ``force``."""
        from dateline.store.backup import restore

        return restore(source, str(location), force=force)

    def evaluate(
        self,
        gold: str | Path,
        dates: int | None = None,
        sentences: int | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        anchor: str = "auto",
    ) -> tuple[dict[str, Any], list[str]]:
        """Score this dossier's timeline against a gold one (a Timeline17 ``.txt`` file or
        JSON Lines of ``{date, summary}``): date F1 and ROUGE-1/2 (concat, agreement,
        align+ m:1), in the standard setup taken from the gold (as many dates, its mean
        sentences per date, its first and last date) unless given. Returns the scores with
        the setup used, and what was wrong in the gold file (blocks skipped or merged)."""
        from dateline.evaluate import (
            Timeline,
            evaluate_timeline,
            load_gold_jsonl,
            load_t17_timeline,
        )

        path = Path(gold)
        reference, problems = (
            load_t17_timeline(path) if path.suffix == ".txt" else load_gold_jsonl(path)
        )
        days = sorted(reference)
        size = dates if dates is not None else len(days)
        per_date = sentences or max(1, round(reference.sentence_count() / len(days)))
        since = since or days[0].isoformat()
        until = until or days[-1].isoformat()
        predicted = Timeline()
        for entry in self.timeline(size, per_date, since, until, query, anchor=anchor):
            predicted[date.fromisoformat(entry.date)] = list(entry.texts)
        scores = evaluate_timeline(predicted, reference)
        data = {
            "gold": str(gold),
            "setup": {"dates": size, "sentences": per_date, "since": since, "until": until},
            "predicted_dates": len(predicted),
            **dataclasses.asdict(scores),
        }
        return data, [str(p) for p in problems]

    def report(
        self, title: str = "Dossier", fmt: str = "markdown", dates: int | None = 15,
        sentences: int = 2,
    ) -> str:  # fmt: skip
        """The dossier as a document (``markdown`` or ``html``): overview, timeline, people
        and roles, figures, promises kept and open, every statement footnoted to sources."""
        if fmt not in ("markdown", "html"):
            raise DatelineError(f"unknown format {fmt!r}; choose markdown or html")
        data = self.report_input(title, dates, sentences)
        backing = self.corroboration(list(data.events))
        return render_report(dataclasses.replace(data, corroboration=backing), fmt)

    def timelinejs(self, title: str = "Dossier") -> dict[str, Any]:
        """The whole timeline (every date) as a TimelineJS document."""
        from dateline.export.timelinejs import timelinejs

        return timelinejs(title, self.timeline(dates=None), self.events())

    def write_csv(self, folder: str | Path) -> list[Path]:
        """The export as one CSV file per table in ``folder`` (made if needed); returns the
        files written."""
        from dateline.export.csv import write_csv

        return write_csv(self.export(), Path(folder))

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
