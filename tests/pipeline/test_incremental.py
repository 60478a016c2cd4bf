"""Incremental updates: ingesting B into a dossier holding A gives the dossier that ingesting
A and B together gives, only B's documents are read by the model, and the per-document
extractors run only over documents whose inputs changed (the rest reuse what was kept)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.pipeline import extractions
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
    with (
        store_location(tmp_path / "stepwise") as stepwise,
        store_location(tmp_path / "whole") as whole,
    ):
        first = CountingAnalyzer(analyzer)
        with Dossier.open(stepwise, TODAY, first) as d:  # type: ignore[arg-type]
            report_a = d.ingest(HALF_A)
            texts_a = {doc.text for doc in d.documents()}
            dates_a = {doc.id: doc.published for doc in d.documents()}
        second = CountingAnalyzer(analyzer)
        with Dossier.open(stepwise, TODAY, second) as d:  # type: ignore[arg-type]
            report_b = d.ingest(HALF_B)
            stepwise_export = d.export()
            stepwise_timeline = list(d.timeline())
            documents = list(d.documents())
        with Dossier.open(whole, TODAY, analyzer) as d:
            report_whole = d.ingest([*HALF_A, *HALF_B])
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
    # every extractor ran over B's documents and over those of A whose date B changed (a
    # copy in B can date its original); the rest of A reused what the first build kept
    assert report_a.build is not None and report_a.build.extracted == len(dates_a)
    changed = {doc.id for doc in documents if dates_a.get(doc.id, "new") != doc.published}
    assert set(report_b.added) <= changed
    assert report_b.build.extracted == len(changed) < len(documents)
    reused = len(documents) - report_b.build.extracted - report_b.build.relinked
    assert reused > 0
    assert report_whole.build is not None
    assert report_whole.build.extracted == report_whole.build.documents


def _day_counts(d: Dossier) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    references = d.store.execute("SELECT * FROM day_references").fetchall()
    publications = d.store.execute("SELECT * FROM publication_days").fetchall()
    return sorted(tuple(r) for r in references), sorted(tuple(r) for r in publications)


def test_day_counts_after_ingests_and_a_replacement_are_those_made_at_once(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    for path in FILES:
        (folder / path.name).write_bytes(path.read_bytes())
    copies = sorted(folder.iterdir())
    first, rest = copies[: len(copies) // 2], copies[len(copies) // 2 :]
    changed = next(p for p in first if p.suffix == ".txt")
    (tmp_path / "stepwise").mkdir()
    (tmp_path / "whole").mkdir()
    with (
        store_location(tmp_path / "stepwise") as stepwise,
        store_location(tmp_path / "whole") as whole,
    ):
        with Dossier.open(stepwise, TODAY, analyzer) as d:
            d.ingest(first)
            d.ingest(rest)
            # a file edited since: its new text replaces the stored document
            changed.write_text(
                changed.read_text(encoding="utf-8")
                + "\nOn 12 March 2025 the ministers met again in Hanoi to review the plan.\n",
                encoding="utf-8",
            )
            report = d.ingest([changed])
            assert report.updated
            counted = _day_counts(d)
            timeline = list(d.timeline(dates=5, sentences=1, budget=20))
        with Dossier.open(whole, TODAY, analyzer) as d:
            d.ingest(copies)
            assert _day_counts(d) == counted
            assert list(d.timeline(dates=5, sentences=1, budget=20)) == timeline
    assert counted[1] and timeline
    assert "2025-03-12" in {row[2] for row in counted[0]}  # the edit's new reference counts
    assert all(e.sample == 1.0 for e in timeline)  # ranked from the counts, not a sample


def _export(d: Dossier) -> str:
    return json.dumps(d.export(), sort_keys=True, default=str)


def _kept_rows(d: Dossier) -> list[tuple[Any, ...]]:
    rows = d.store.execute("SELECT document_id, kind, version FROM extractions").fetchall()
    return sorted(tuple(r) for r in rows)


def test_rebuild_with_nothing_new_extracts_nothing(tmp_path: Path, analyzer: Analyzer) -> None:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        first = d.ingest(HALF_A).build
        before, kept = _export(d), _kept_rows(d)
        again = d.build()
        assert first is not None and first.extracted == first.documents > 0
        assert (again.analysed, again.extracted, again.relinked) == (0, 0, 0)
        assert again.documents == first.documents
        assert _export(d) == before
        assert _kept_rows(d) == kept
        # four kinds of output kept per document
        assert len(kept) == 4 * first.documents


def test_cached_build_equals_build_from_scratch(tmp_path: Path, analyzer: Analyzer) -> None:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        d.ingest(HALF_A)
        d.ingest(HALF_B)  # the second build reuses what the first kept
        cached = _export(d)
        d.store.execute("DELETE FROM extractions")
        scratch = d.build()
        assert scratch.extracted == scratch.documents
        assert _export(d) == cached


def test_changed_publication_date_re_extracts_that_document(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        d.ingest(HALF_A)
        dated = next(doc for doc in d.documents() if doc.published)
        old = _export(d)
        # what a later copy of the story does to an undated or differently dated original
        with d.store.transaction():
            d.store.execute(
                "UPDATE documents SET published = ? WHERE id = ?", ("2021-02-03", dated.id)
            )
        report = d.build()
        assert (report.analysed, report.extracted) == (0, 1)
        changed = _export(d)
        assert changed != old
        d.store.execute("DELETE FROM extractions")
        assert d.build().extracted == report.documents
        assert _export(d) == changed


def test_new_code_for_every_extractor_re_extracts_everything(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        first = d.ingest(HALF_A).build
        before = _export(d)
        changed = {kind: code + ".next" for kind, code in extractions.STAGE_CODE.items()}
        monkeypatch.setattr(extractions, "STAGE_CODE", changed)
        report = d.build()
        assert first is not None and report.extracted == first.documents
        assert d.build().extracted == 0
        assert _export(d) == before


def test_replaced_document_leaves_no_kept_output(tmp_path: Path, analyzer: Analyzer) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        " date 2025-03-04\nTrade talks in Hanoi\n\nThe trade minister Anna Novak met her "
        "counterpart in Hanoi on Monday and pledged $20 million for a new port.\n",
        encoding="utf-8",
    )
    with store_location(tmp_path) as location, Dossier.open(location, TODAY, analyzer) as d:
        (old,) = d.ingest([article]).added
        assert {row[0] for row in _kept_rows(d)} == {old}
        article.write_text(
            " date 2025-03-05\nTrade talks in Hanoi\n\nThe trade minister Anna Novak met "
            "her counterpart in Hanoi on Tuesday and pledged $25 million for a new port.\n",
            encoding="utf-8",
        )
        report = d.ingest([article])
        (new,) = report.updated  # a changed file is a new document in place of the old
        assert new != old and not d.store.has_document(old)
        assert report.build is not None and report.build.extracted == 1
        assert {row[0] for row in _kept_rows(d)} == {new}
        assert len(_kept_rows(d)) == 4


def test_a_build_overtaken_by_another_writer_stores_no_older_dossier(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "whole").mkdir()
    with store_location(tmp_path / "shared") as shared, store_location(tmp_path / "whole") as whole:
        with Dossier.open(whole, TODAY, analyzer) as d:
            d.ingest([*HALF_A, *HALF_B])
            expected = _export(d)
        slow, other = Dossier.open(shared, TODAY, analyzer), Dossier.open(shared, TODAY, analyzer)
        slow.ingest(HALF_A, build=False)
        meanwhile: list[object] = []

        def second_analyst(stage: str, done: int, total: int) -> None:
            # while the first build analyses A, another writer stores B and builds A+B
            if not meanwhile:
                meanwhile.append(other.ingest(HALF_B))

        slow.build(progress=second_analyst)
        assert meanwhile  # the other writer did get in while the first build ran
        found = _export(slow)
        slow.close()
        other.close()
    assert found == expected
