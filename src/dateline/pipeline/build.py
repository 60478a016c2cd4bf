"""Corpus stages after ingest: analyse every stored text (cached), resolve entities,
extract figures, events and promises, cluster and match them, and store the result.

What the per-document extractors find is kept in the store too (see
:mod:`dateline.pipeline.extractions`), so a rebuild runs them only over documents whose
inputs changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from dateline.analyse.codec import decode, encode
from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer, readable_versions
from dateline.cluster.corroboration import is_speculative
from dateline.cluster.events import cluster_events
from dateline.collector import collector_paused
from dateline.dating import choose_publication_date, date_from_duplicate
from dateline.dating.candidates import reported_candidate
from dateline.dating.neighbours import HOW as LOOSE
from dateline.dating.stories import Page, collection_dates, neighbours_asked
from dateline.evaluate.rouge import stemmer_identity
from dateline.extract.events import EventMention
from dateline.extract.figures import FigureMention, merge_figures
from dateline.extract.promises import match_promises
from dateline.model import BuildReport, Document, Mention, Promise, PublicationDate
from dateline.pipeline.extractions import (
    ExtractionCache,
    SentenceRow,
    chronology_entries,
    document_part,
    extraction_dates,
    linked_part,
)
from dateline.resolve.entities import Resolution, resolve_entities
from dateline.store import Store
from dateline.store.records import Derived
from dateline.summarise.features import TermNumbers, features_identity, kept_features
from dateline.summarise.text import vocabulary

if TYPE_CHECKING:
    from dateline.pipeline.distributed import DaskEngine

log = logging.getLogger(__name__)

# (stage name, done, total)
BuildProgress = Callable[[str, int, int], None]

# The latest document (ingest number) the stored dossier was built from.
_BUILT_FROM = "built_from"
# Builds in a row before giving up on catching documents that keep arriving.
_ATTEMPTS = 3
# Analyses made between two settlings: the collector's full passes, which a growing heap of
# analyses sets off again and again, would otherwise walk all made so far (none is garbage).
_SETTLE_EVERY = 64


class Builder:
    """Derives the dossier from the stored documents; owns the (lazily loaded) model."""

    def __init__(
        self, store: Store, analyzer: Analyzer | None = None, today: date | None = None
    ) -> None:
        self.store = store
        self.analyzer = analyzer or Analyzer()
        self.today = today or date.today()

    def build(
        self, progress: BuildProgress | None = None, engine: DaskEngine | None = None
    ) -> BuildReport:
        """Analyse what is not analysed yet (on ``engine``'s workers if given), then rebuild.

        Another writer may store documents, or a whole dossier, while this runs (a shared
        store): the result is written only if no dossier built from later documents is
        stored by then, and the build runs again over what arrived meanwhile.
        """
        for _ in range(_ATTEMPTS):
            with _Settled() as settled:
                report, current = self._build(progress, engine, settled)
            if current:
                return report
        log.warning("documents kept arriving during %d builds: the dossier may lag", _ATTEMPTS)
        return report

    def _build(
        self, progress: BuildProgress | None, engine: DaskEngine | None, settled: _Settled
    ) -> tuple[BuildReport, bool]:
        """One build; and whether the stored dossier covers every stored document now."""
        # read before the documents: one landing in between is built again, never missed
        built_from = self.store.last_document()
        # A date borrowed from the nearest page is what the collection said at the last
        # build: it is asked again, so ingesting in steps dates as ingesting at once does.
        borrowed = set()
        documents = []
        for d in self.store.documents():
            if d.published_how == LOOSE:
                borrowed.add(d.id)
                d = dataclasses.replace(d, published=None, published_how=None, published_why="")
            documents.append(d)
        # A page that is not an article (an error page, a list of links) stays stored and
        # searchable, but nothing is derived from it: no record may cite it as evidence.
        articles = [d for d in documents if d.not_article is None]
        analyses, fresh = self.analyse(articles, progress, engine, settled.again)
        settled.again()  # the analyses live to the end of the build
        dated = {d.id: d for d in date_reported(documents, analyses, self.today)}
        reported = [dated.get(d.id, d) for d in articles]
        dated |= {d.id: d for d in date_by_collection(reported, analyses)}
        # a borrowed date the collection no longer gives is dropped; one it was not asked
        # for (a collection too large to compare) is kept as stored
        lost = (
            borrowed - dated.keys() if neighbours_asked([d.published for d in reported]) else set()
        )
        if dated or lost:
            stored = set(self.store.date_undated(dated.values(), LOOSE, built_from))
            self.store.undate(lost, LOOSE, built_from)
            redated = stored | (borrowed & dated.keys())
            articles = [dated[d.id] if d.id in redated else d for d in articles]
        published = extraction_dates(articles)
        with settled.lasting():  # and so do the entities and mentions
            resolution = resolve_entities(analyses, published)
        model, version = self._identity(engine)
        kept = ExtractionCache(self.store, f"{model} {version}", articles)
        derived = extract(analyses, resolution, published, kept)
        with self.store.transaction():  # one commit for the kept output and the dossier
            self.store.write_lock()
            kept.save()  # keyed by its inputs: valid whichever dossier is stored
            stored_from = int(self.store.meta(_BUILT_FROM) or 0)
            if stored_from <= built_from:
                self.store.replace_derived(derived)
                self.store.set_meta(_BUILT_FROM, str(built_from))
                stored_from = built_from
            else:
                log.info("a dossier of later documents was stored meanwhile; not replaced")
            current = stored_from >= self.store.last_document()
        log.info(
            "extracted %d documents, re-linked %d, reused %d",
            len(kept.extracted),
            len(kept.relinked),
            len(documents) - len(kept.extracted) - len(kept.relinked),
        )
        report = BuildReport(
            documents=len(documents),
            analysed=fresh,
            entities=len(derived.entities),
            events=len(derived.events),
            figures=len(derived.figures),
            promises=len(derived.promises),
            extracted=len(kept.extracted),
            relinked=len(kept.relinked),
        )
        return report, current

    def _identity(self, engine: DaskEngine | None) -> tuple[str, str]:
        """The (name, version) of the model that analyses: the workers' one on a cluster."""
        if engine is None:
            return self.analyzer.model_name, self.analyzer.model_version
        return engine.identity()

    def analyse(
        self,
        documents: Sequence[Document],
        progress: BuildProgress | None = None,
        engine: DaskEngine | None = None,
        settle: Callable[[], None] | None = None,
    ) -> tuple[list[Analysis], int]:
        """Every document's analysis, from the cache where the same model made one (or code
        whose output this code reproduces, see :func:`readable_versions`).

        An exact copy of a text already analysed reuses that analysis. ``settle`` is called
        after every ``_SETTLE_EVERY`` analyses made (see :class:`_Settled`).
        """
        model, version = self._identity(engine)
        cached: dict[str, bytes] = {}
        for readable in reversed(readable_versions(version)):  # its own version's last: kept
            cached.update(self.store.analyses(model, readable))
        blobs: dict[str, bytes] = {}  # by text: exact copies share one analysis
        for doc in documents:
            if doc.id in cached:
                blobs.setdefault(doc.text, cached[doc.id])
        todo = {d.text: d for d in reversed(documents) if d.text not in blobs}
        pending = list(reversed(todo.values()))
        # what this process analysed, by document id: decoding its own encoding gives
        # the same analysis back, so it is used as made
        made: dict[str, Analysis] = {}
        for n, (text, blob, analysis) in enumerate(self._analysed(pending, engine), 1):
            blobs[text] = blob
            if analysis is not None:
                made[analysis.document_id] = analysis
            if settle is not None and n % _SETTLE_EVERY == 0:
                settle()
            if progress is not None:
                progress("analyse", n, len(pending))
        found: list[Analysis] = []
        for doc in documents:
            blob = blobs[doc.text]
            if doc.id not in cached:
                self.store.put_analysis(doc.id, model, version, blob)
            kept = made.get(doc.id)
            found.append(kept if kept is not None else decode(doc.id, doc.text, blob))
        log.info("analysed %d of %d documents", len(pending), len(documents))
        return found, len(pending)

    def _analysed(
        self, pending: Sequence[Document], engine: DaskEngine | None
    ) -> Iterator[tuple[str, bytes, Analysis | None]]:
        """(text, encoded analysis, the analysis when made in this process) of each
        pending document, in order."""
        items = ((d.id, d.text) for d in pending)
        if engine is None:
            for analysis in self.analyzer.analyse(items):
                yield analysis.text, encode(analysis), analysis
            return
        texts = {d.id: d.text for d in pending}
        for doc_id, blob in engine.analyse(items):
            yield texts[doc_id], blob, None


class _Settled:
    """Inside, the garbage collector's full passes skip the objects alive on entry (the
    loaded model, the modules) and those :meth:`again` adds (the analyses, as they are
    made, and the entities and mentions resolved from them): they outlive
    the build, yet each pass would walk them all, about a fiftieth of a build's time. On
    exit they are the collector's again. A process that freezes objects itself
    (``gc.freeze``) is left to do so: nothing is frozen or unfrozen then."""

    def __enter__(self) -> _Settled:
        self.owned = gc.get_freeze_count() == 0
        self.again()
        return self

    def again(self) -> None:
        if self.owned:
            gc.freeze()

    @contextlib.contextmanager
    def lasting(self) -> Iterator[None]:
        """Inside, the collector's passes are off: what is made there lives to the end of
        the build (the entities and mentions resolved from the analyses), so each pass
        would only walk it again as it grows (a growing pass every few hundred
        milliseconds). On leaving, it is settled with the rest."""
        with collector_paused() if self.owned else contextlib.nullcontext():
            try:
                yield
            finally:
                self.again()

    def __exit__(self, *exc: object) -> None:
        if self.owned:
            gc.unfreeze()


def date_by_collection(
    documents: Sequence[Document], analyses: Sequence[Analysis]
) -> list[Document]:
    """Articles still undated that the rest of the collection dates (a dated rewrite of
    the same report, or a weekday date whose year only one year of the collection fits:
    :mod:`dateline.dating.stories`), with their new dates."""
    by_id = {a.document_id: a for a in analyses}
    pages = [
        Page(d.id, d.text, d.published, d.published_how, d.duplicate_of, by_id.get(d.id))
        for d in documents
    ]
    found = collection_dates(pages)
    return [
        dataclasses.replace(d, published=v.value, published_how=v.how, published_why=v.why)
        for d in documents
        if (v := found.get(d.id)) is not None
    ]


def date_reported(
    documents: Sequence[Document], analyses: Sequence[Analysis], today: date
) -> list[Document]:
    """Documents stored with no date cue at all, dated by the latest date their analysed
    text reports as past (the weakest cue: it needs the parse, which ingest does not run),
    and their undated copies, which take that date as ingest gives a copy its group's.

    ``documents`` in ingest order; the result has the new dates (and the cue as the date
    candidate of a document it dates)."""
    by_id = {a.document_id: a for a in analyses}
    found: dict[str, Document] = {}
    for doc in documents:
        analysis = by_id.get(doc.id)
        if doc.published is not None or doc.date_candidates or analysis is None:
            continue
        candidate = reported_candidate(analysis, today)
        if candidate is None:
            continue
        chosen = choose_publication_date((candidate,), today=today)
        if chosen.value is not None:
            found[doc.id] = dataclasses.replace(
                doc,
                published=chosen.value,
                published_how=chosen.how,
                published_why=chosen.why,
                date_candidates=(candidate,),
            )
    if not found:
        return []
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        groups[doc.duplicate_of or doc.id].append(found.get(doc.id, doc))
    for members in groups.values():
        donor = next((d for d in members if d.published and d.published_how != "duplicate"), None)
        if donor is None or donor.id not in found:
            continue
        theirs = PublicationDate(donor.published, donor.published_how, "")
        for doc in members:
            if doc.published is None:
                own = PublicationDate(None, None, doc.published_why)
                chosen = date_from_duplicate(own, theirs, donor.id)
                found[doc.id] = dataclasses.replace(
                    doc, published=chosen.value, published_how=chosen.how, published_why=chosen.why
                )
    return [found[d.id] for d in documents if d.id in found]


def extract(
    analyses: Sequence[Analysis],
    resolution: Resolution,
    published: Mapping[str, str | None],
    kept: ExtractionCache | None = None,
) -> Derived:
    """Per document: figures, event mentions, promises, dated sentences (from ``kept``
    where its output still holds); then the corpus-wide merges."""
    by_document: dict[str, list[Mention]] = defaultdict(list)
    for mention in resolution.mentions:
        by_document[mention.document_id].append(mention)
    names = {e.id: e.name for e in resolution.entities}
    figure_mentions: list[FigureMention] = []
    event_mentions: list[EventMention] = []
    promises: list[Promise] = []
    sentences: list[SentenceRow] = []
    listed: set[tuple[str, int]] = set()
    numbers = TermNumbers()  # one numbering of the terms over every document written
    features: list[tuple[str, bytes]] = []
    for analysis in analyses:
        doc_id, doc_date = analysis.document_id, published[analysis.document_id]
        mentions = by_document[doc_id]
        if kept is None:
            figures, rows = document_part(analysis, doc_date)
            events, found = linked_part(analysis, mentions, doc_date, resolution.entities)
        else:
            figures, rows = kept.document_part(analysis, doc_date)
            events, found = kept.linked_part(
                analysis, mentions, doc_date, resolution.entities, names
            )
        figure_mentions += figures
        event_mentions += events
        promises += found
        sentences += rows
        listed.update(chronology_entries(analysis.text, rows))
        reading = kept_features(analysis.text, rows, numbers)
        if reading is not None:
            features.append((doc_id, reading))
    clustered = cluster_events(event_mentions, resolution.entities, published.values())
    return Derived(
        entities=resolution.entities,
        mentions=resolution.mentions,
        events=clustered,
        figures=merge_figures(figure_mentions),
        promises=match_promises(
            promises, clustered, resolution.entities, {a.document_id: a.text for a in analyses}
        ),
        sentences=sentences,
        listed=listed,
        unranked={a.document_id for a in analyses if is_speculative(a.text)},
        stems=vocabulary(a.text for a in analyses),
        stemmer=stemmer_identity(),
        features=features,
        features_by=features_identity(),
    )
