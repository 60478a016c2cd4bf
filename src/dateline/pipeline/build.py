"""Corpus stages after ingest: analyse every stored text (cached), resolve entities,
extract figures, events and promises, cluster and match them, and store the result."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from dateline.analyse.codec import decode, encode
from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.cluster.events import cluster_events
from dateline.extract.events import find_event_mentions
from dateline.extract.figures import find_figures, merge_figures
from dateline.extract.promises import find_promises, match_promises
from dateline.model import BuildReport, Document, Mention
from dateline.resolve.entities import Resolution, resolve_entities
from dateline.store import Store
from dateline.store.records import Derived
from dateline.summarise.timeline import sentences_for

if TYPE_CHECKING:
    from dateline.pipeline.distributed import DaskEngine

log = logging.getLogger(__name__)

# (stage name, done, total)
BuildProgress = Callable[[str, int, int], None]


class Builder:
    """Derives the dossier from the stored documents; owns the (lazily loaded) model."""

    def __init__(self, store: Store, analyzer: Analyzer | None = None) -> None:
        self.store = store
        self.analyzer = analyzer or Analyzer()

    def build(
        self, progress: BuildProgress | None = None, engine: DaskEngine | None = None
    ) -> BuildReport:
        """Analyse what is not analysed yet (on ``engine``'s workers if given), then rebuild."""
        documents = list(self.store.documents())
        analyses, fresh = self.analyse(documents, progress, engine)
        published = {d.id: d.published for d in documents}
        resolution = resolve_entities(analyses, published)
        derived = extract(analyses, resolution, published)
        self.store.replace_derived(derived)
        return BuildReport(
            documents=len(documents),
            analysed=fresh,
            entities=len(derived.entities),
            events=len(derived.events),
            figures=len(derived.figures),
            promises=len(derived.promises),
        )

    def analyse(
        self,
        documents: Sequence[Document],
        progress: BuildProgress | None = None,
        engine: DaskEngine | None = None,
    ) -> tuple[list[Analysis], int]:
        """Every document's analysis, from the cache where the same model made one.

        An exact copy of a text already analysed reuses that analysis.
        """
        if engine is None:
            model, version = self.analyzer.model_name, self.analyzer.model_version
        else:
            model, version = engine.identity()
        cached = self.store.analyses(model, version)
        blobs: dict[str, bytes] = {}  # by text: exact copies share one analysis
        for doc in documents:
            if doc.id in cached:
                blobs.setdefault(doc.text, cached[doc.id])
        todo = {d.text: d for d in reversed(documents) if d.text not in blobs}
        pending = list(reversed(todo.values()))
        for n, (text, blob) in enumerate(self._analysed(pending, engine), 1):
            blobs[text] = blob
            if progress is not None:
                progress("analyse", n, len(pending))
        found: list[Analysis] = []
        for doc in documents:
            blob = blobs[doc.text]
            if doc.id not in cached:
                self.store.put_analysis(doc.id, model, version, blob)
            found.append(decode(doc.id, doc.text, blob))
        log.info("analysed %d of %d documents", len(pending), len(documents))
        return found, len(pending)

    def _analysed(
        self, pending: Sequence[Document], engine: DaskEngine | None
    ) -> Iterator[tuple[str, bytes]]:
        """(text, encoded analysis) of each pending document, in order."""
        items = ((d.id, d.text) for d in pending)
        if engine is None:
            for analysis in self.analyzer.analyse(items):
                yield analysis.text, encode(analysis)
            return
        texts = {d.id: d.text for d in pending}
        for doc_id, blob in engine.analyse(items):
            yield texts[doc_id], blob


def extract(
    analyses: Sequence[Analysis], resolution: Resolution, published: Mapping[str, str | None]
) -> Derived:
    """Per document: figures, event mentions, promises; then the corpus-wide merges."""
    by_document: dict[str, list[Mention]] = defaultdict(list)
    for mention in resolution.mentions:
        by_document[mention.document_id].append(mention)
    figure_mentions, event_mentions, promises = [], [], []
    for analysis in analyses:
        doc_id, doc_date = analysis.document_id, published[analysis.document_id]
        mentions = by_document[doc_id]
        figure_mentions += find_figures(doc_id, analysis.sentences, doc_date)
        event_mentions += find_event_mentions(
            analysis, mentions, doc_date, entities=resolution.entities
        )
        promises += find_promises(analysis, mentions, doc_date, entities=resolution.entities)
    events = cluster_events(event_mentions, resolution.entities)
    return Derived(
        entities=resolution.entities,
        mentions=resolution.mentions,
        events=events,
        figures=merge_figures(figure_mentions),
        promises=match_promises(promises, events, resolution.entities),
        sentences=dated_sentences(analyses, published),
    )


def dated_sentences(
    analyses: Sequence[Analysis], published: Mapping[str, str | None]
) -> list[tuple[str, int, int, int, tuple[tuple[str, str], ...]]]:
    """Every sentence with the dates it refers to, resolved against its article's date."""
    rows = []
    for analysis in analyses:
        spans = [(s.start, s.end) for s in analysis.sentences]
        found = sentences_for(
            analysis.document_id, analysis.text, published[analysis.document_id], spans
        )
        for sentence, dated in zip(analysis.sentences, found, strict=True):
            rows.append((analysis.document_id, sentence.index, dated.start, dated.end, dated.dates))
    return rows
