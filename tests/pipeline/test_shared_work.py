"""A build does each piece of per-document work once: the event and promise extractors
share one view of a document (and its events), a text read against several reference
dates is scanned once, and analyses made by the build are used as made, not decoded from
their stored encoding. Sharing changes nothing: the output is what the separate calls give."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse import timex
from dateline.analyse.codec import decode, encode
from dateline.analyse.nlp import Analyzer
from dateline.dating import patterns
from dateline.dedupe.shingles import content_hash
from dateline.extract.events import DocumentView, find_event_mentions
from dateline.extract.promises import find_promises
from dateline.pipeline import build
from dateline.pipeline.extractions import linked_part
from dateline.resolve.entities import resolve_entities
from dateline.service import Dossier

# Invented reports: one dated by its own words, one with no date at all (read against the
# probe references), one a plain follow-up.
ARTICLES = {
    "visit.txt": (
        "Trade Minister Mira Solberg met Foreign Minister Anton Vale in Velmora on "
        "Tuesday, March 4, 2025. Solberg invited Vale to visit Norland next spring, and "
        "the two sides pledged to open a new rail link by the end of 2026.\n\n"
        "Vale said his government would sign the customs agreement in June."
    ),
    "undated.txt": (
        "Ministers from Norland and Estavia held talks on Monday about the port. On Sept. "
        "13 the Norland Shipping Authority said it plans to build a second terminal, and "
        "Estavia promised to fund half of the 40 million dollar project."
    ),
    "followup.txt": (
        "Foreign Minister Anton Vale arrived in Norland on May 12, 2025 for a three-day "
        "visit, the ministry said. He met Trade Minister Mira Solberg on May 13, 2025."
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_build_views_each_document_once_and_decodes_nothing_it_made(
    folder: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = _counting(monkeypatch, DocumentView, "__init__")
    decoded = _counting(monkeypatch, build, "decode")
    report = dossier.ingest([folder]).build
    assert report is not None and report.documents == len(ARTICLES)
    assert len(views) == len(ARTICLES)
    assert decoded == []
    assert dossier.events() and dossier.promises()


def test_the_analyses_used_as_made_are_the_stored_ones(folder: Path, dossier: Dossier) -> None:
    dossier.ingest([folder], build=False)
    documents = list(dossier.store.documents())
    builder = build.Builder(dossier.store, dossier.analyzer)
    made, fresh = builder.analyse(documents)
    again, cached = builder.analyse(documents)  # now read back from the store
    assert (fresh, cached) == (len(documents), 0)
    assert made == again


def test_sharing_the_view_gives_what_the_two_extractors_give(analyzer: Analyzer) -> None:
    items = [(name, text) for name, text in ARTICLES.items()]
    analyses = list(analyzer.analyse(items))
    published = {"visit.txt": "2025-03-05", "undated.txt": None, "followup.txt": "2025-05-13"}
    resolution = resolve_entities(analyses, published)
    found = 0
    for analysis in analyses:
        doc = analysis.document_id
        mentions = [m for m in resolution.mentions if m.document_id == doc]
        args = (analysis, mentions, published[doc])
        events = find_event_mentions(*args, entities=resolution.entities)
        promises = find_promises(*args, entities=resolution.entities)
        assert linked_part(*args, resolution.entities) == (events, promises)
        found += len(events) + len(promises)
    assert found  # the articles report events and promises: the comparison means something


def test_a_text_read_against_several_references_is_scanned_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = ARTICLES["undated.txt"] + " Yesterday the port reopened; it closed in 2024."
    references = (None, dt.date(2023, 7, 1), dt.date(2024, 7, 1), dt.date(2025, 9, 15))
    one_by_one = [timex.find_time_expressions(text, r) for r in references]
    # what those calls kept would answer without a scan
    timex._resolved.cache_clear()
    timex._scanned.cache_clear()
    scans = _counting(monkeypatch, timex, "_matches")
    assert timex.read_time_expressions(text, references) == one_by_one
    assert len(scans) == 1
    assert len({tuple(x.value for x in found) for found in one_by_one}) > 1  # refs matter
    # read again, the text is not scanned again
    assert timex.read_time_expressions(text, references) == one_by_one
    assert len(scans) == 1


def test_an_analysis_survives_its_encoding_whole(analyzer: Analyzer) -> None:
    # what lets the build use an analysis as made rather than decode the stored copy
    (analysis,) = analyzer.analyse([("visit.txt", ARTICLES["visit.txt"])])
    assert decode("visit.txt", analysis.text, encode(analysis)) == analysis


def test_ingest_splits_each_text_once(
    folder: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the content hash and the shingles (kept by the index and compared with later copies)
    # both read the words of one split
    # the module: the package's attribute of that name is a function
    module = importlib.import_module("dateline.dedupe.shingles")
    splits = _counting(monkeypatch, module, "view_words")
    report = dossier.ingest([folder], build=False)
    assert len(report.added) == len(ARTICLES) == len(splits)
    stored = {d.id: d.content_hash for d in dossier.store.documents()}
    assert sorted(stored.values()) == sorted(content_hash(t) for t in ARTICLES.values())


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on Monday, March 3, 2025 in the capital.",
        "The talks opened on March 3, 2025, a Monday, in the capital.",
        "Officials met on Tue. 4 March 2025 and again on 2025-03-05.",
        "Officials met on Friday and signed on March 7, 2025.",
        "No date at all here, only Sunday markets.",
    ],
)
def test_the_weekday_date_search_finds_what_a_full_scan_finds(text: str) -> None:
    # the reported-date cue reads only full dates with their weekday: it skips its scan
    # of every full date where this search finds none
    scanned = any(m["weekday"] for m in patterns.FULL_DATE.finditer(text))
    assert (patterns.WEEKDAY_DATE.search(text) is not None) == scanned


def test_a_build_keeps_the_collector_off_what_outlives_it_and_then_gives_it_back(
    folder: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    collecting: list[bool] = []
    real, real_extract = build.resolve_entities, build.extract

    def resolve(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_freeze_count())  # after the analysis, inside the build
        collecting.append(gc.isenabled())
        return real(*args, **kwargs)

    def extract(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_freeze_count())  # the resolution's entities and mentions too
        collecting.append(gc.isenabled())
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(build, "resolve_entities", resolve)
    monkeypatch.setattr(build, "extract", extract)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    dossier.ingest([folder])
    assert len(seen) == 2 and 0 < seen[0] < seen[1]
    # no pass while the entities are resolved; the collector is back for the extraction
    assert collecting == [False, True]
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_the_analysis_settles_what_it_made_as_it_goes(
    folder: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the analyses are kept from the collector's full passes as they are made, not only
    # once all are: each full pass would walk every analysis made so far
    monkeypatch.setattr(build, "_SETTLE_EVERY", 1)
    counts: list[int] = []
    real = gc.freeze

    def freeze() -> None:
        real()
        counts.append(gc.get_freeze_count())

    analysed: list[int] = []
    analyse = build.Builder.analyse

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        found, fresh = analyse(self, *args, **kwargs)
        analysed.append(len(counts))  # settlings by the end of the analysis
        return found, fresh

    monkeypatch.setattr(build.gc, "freeze", freeze)
    monkeypatch.setattr(build.Builder, "analyse", counted)
    dossier.ingest([folder])
    # one on entering the build, one per analysis made
    assert analysed == [1 + len(ARTICLES)]
    assert min(counts) > 0
    assert gc.get_freeze_count() == 0


def test_a_process_that_freezes_objects_itself_is_left_to_it(
    folder: Path, dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        collecting: list[bool] = []
        real = build.resolve_entities

        def resolve(*args: Any, **kwargs: Any) -> Any:
            collecting.append(gc.isenabled())
            return real(*args, **kwargs)

        monkeypatch.setattr(build, "resolve_entities", resolve)
        dossier.ingest([folder])
        # neither unfrozen nor frozen more (frozen objects that die leave the count), nor
        # its collector paused
        assert 0 < gc.get_freeze_count() <= mine
        assert collecting == [True]
    finally:
        gc.unfreeze()
