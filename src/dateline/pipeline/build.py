"""Corpus stages after ingest: analyse every stored text (cached), resolve entities,
extract figures, events and promises, and store the derived dossier in one go."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from dateline.analyse.codec import decode, encode
from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.extract.figures import find_figures, merge_figures
from dateline.model import BuildReport, Document
from dateline.resolve.entities import resolve_entities
from dateline.store import SQLiteStore
from dateline.store.records import Derived

log = logging.getLogger(__name__)

# (stage name, done, total)
BuildProgress = Callable[[str, int, int], None]


class Builder:
    """Derives the dossier from the stored documents; owns the (lazily loaded) model."""

    def __init__(self, store: SQLiteStore, analyzer: Analyzer | None = None) -> None:
        self.store = store
        self.analyzer = analyzer or Analyzer()

    def build(self, progress: BuildProgress | None = None) -> BuildReport:
        documents = list(self.store.documents())
        analyses, fresh = self.analyse(documents, progress)
        published = {d.id: d.published for d in documents}
        resolution = resolve_entities(analyses, published)
        mentions = []
        for analysis in analyses:
            doc_date = published[analysis.document_id]
            mentions.extend(find_figures(analysis.document_id, analysis.sentences, doc_date))
        figures = merge_figures(mentions)
        derived = Derived(resolution.entities, resolution.mentions, (), figures, ())
        self.store.replace_derived(derived)
        return BuildReport(len(documents), fresh, len(resolution.entities), 0, len(figures), 0)

    def analyse(
        self, documents: Sequence[Document], progress: BuildProgress | None = None
    ) -> tuple[list[Analysis], int]:
        """Every document's analysis, from the cache where the same model made one.

        An exact copy of a text already analysed reuses that analysis.
        """
        model, version = self.analyzer.model_name, self.analyzer.model_version
        cached = self.store.analyses(model, version)
        blobs: dict[str, bytes] = {}  # by text: exact copies share one analysis
        for doc in documents:
            if doc.id in cached:
                blobs.setdefault(doc.text, cached[doc.id])
        todo = {d.text: d for d in reversed(documents) if d.text not in blobs}
        pending = list(reversed(todo.values()))
        for n, analysis in enumerate(self.analyzer.analyse((d.id, d.text) for d in pending), 1):
            blobs[analysis.text] = encode(analysis)
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
