"""Incremental updates: ingesting B into a dossier holding A gives the dossier that ingesting
A and B together gives, and only B's documents are read by the model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.service import Dossier
from tests.conftest import SAMPLE_DIR, TODAY, store_location

FILES = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file())
HALF_A, HALF_B = FILES[: len(FILES) // 2], FILES[len(FILES) // 2 :]


class CountingAnalyzer:
    """The real analyzer, noting the id of every document it analyses."""

    def __init__(self, inner: Analyzer) -> None:
        self.inner = inner
        self.analysed: list[str] = []

    @property
    def model_name(self) -> str:
        return self.inner.model_name

    @property
    def model_version(self) -> str:
        return self.inner.model_version

    def analyse(self, items: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[Analysis]:
        for analysis in self.inner.analyse(items, batch_size):
            self.analysed.append(analysis.document_id)
            yield analysis


def test_ingest_a_then_b_equals_ingest_a_and_b(tmp_path: Path, analyzer: Analyzer) -> None:
    assert HALF_A and HALF_B
    (tmp_path / "stepwise").mkdir()
    (tmp_path / "whole").mkdir()
    with store_location(tmp_path / "stepwise") as stepwise, store_location(
        tmp_path / "whole"
    ) as whole:
        first = CountingAnalyzer(analyzer)
        with Dossier.open(stepwise, TODAY, first) as d:  # type: ignore[arg-type]
            report_a = d.ingest(HALF_A)
            texts_a = {doc.text for doc in d.documents()}
        second = CountingAnalyzer(analyzer)
        with Dossier.open(stepwise, TODAY, second) as d:  # type: ignore[arg-type]
            report_b = d.ingest(HALF_B)
            stepwise_export = d.export()
            stepwise_timeline = list(d.timeline())
            documents = list(d.documents())
        with Dossier.open(whole, TODAY, analyzer) as d:
            d.ingest([*HALF_A, *HALF_B])
            whole_export = d.export()
            whole_timeline = list(d.timeline())

    assert stepwise_export == whole_export
    assert stepwise_timeline == whole_timeline
    assert stepwise_export["documents"] and stepwise_export["events"]
    # the second run stored only B and read only B's new texts with the model
    assert set(report_b.added).isdisjoint(report_a.added)
    new_texts: dict[str, str] = {}
    for doc in documents:
        if doc.id in report_b.added and doc.text not in texts_a:
            new_texts.setdefault(doc.text, doc.id)
    assert second.analysed == list(new_texts.values())
    assert second.analysed and set(second.analysed) <= set(report_b.added)
    assert report_b.build is not None and report_b.build.analysed == len(second.analysed)
    assert set(first.analysed) <= set(report_a.added)
