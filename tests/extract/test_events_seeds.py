"""Events and promises end to end: the five shared seed articles and the sample corpus.

The seeds are read at run time from ../shared/seeds (skipped when absent); the chain is
the real one: ingest into a fresh store, the English model, entity resolution, then the
extractors, clustering and matching.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.cluster.events import cluster_events
from dateline.extract.events import find_event_mentions
from dateline.extract.promises import find_promises, match_promises
from dateline.model import Document, Event, Promise, Source
from dateline.resolve.entities import Resolution, resolve_entities
from dateline.service import Dossier

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLE = REPO / "src" / "dateline" / "data" / "sample"
GOLD = REPO / "tests" / "gold" / "sample_facts.json"
TODAY = date(2026, 11, 24)
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")

# Floors for the sample corpus (see test_sample_corpus_scores); reached: 1.0 everywhere.
EVENT_FLOOR = 0.9
PROMISE_FLOOR = 0.85


@dataclass(frozen=True)
class Run:
    documents: dict[str, Document]
    sentences: dict[str, list[tuple[int, int]]]
    resolution: Resolution
    events: list[Event]
    promises: list[Promise]

    def doc(self, prefix: str) -> str:
        """The id of the document whose file name starts with ``prefix``."""
        (found,) = [d.id for d in self.documents.values() if Path(d.path).name.startswith(prefix)]
        return found

    def entity(self, spelling: str) -> str:
        found = self.resolution.by_name(spelling)
        assert found is not None, spelling
        return found.id


def run_chain(folder: Path, store: Path) -> Run:
    with Dossier.open(store, today=TODAY) as dossier:
        dossier.ingest([folder])
        documents = {d.id: d for d in dossier.documents()}
    published = {d.id: d.published for d in documents.values()}
    analyses = list(Analyzer().analyse([(d.id, d.text) for d in documents.values()]))
    resolution = resolve_entities(analyses, published)
    mentions, promises = [], []
    for a in analyses:
        own = [m for m in resolution.mentions if m.document_id == a.document_id]
        args = (a, own, published[a.document_id])
        mentions += find_event_mentions(*args, entities=resolution.entities)
        promises += find_promises(*args, entities=resolution.entities)
    events = cluster_events(mentions, resolution.entities)
    matched = match_promises(promises, events, resolution.entities)
    sentences = {a.document_id: [(s.start, s.end) for s in a.sentences] for a in analyses}
    return Run(documents, sentences, resolution, events, matched)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_chain(SEEDS, tmp_path_factory.mktemp("seeds") / "seeds.db")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_chain(SAMPLE, tmp_path_factory.mktemp("sample") / "sample.db")


def with_people(run: Run, *spellings: str) -> list[Event]:
    wanted = {run.entity(s) for s in spellings}
    return [e for e in run.events if wanted <= {p.entity_id for p in e.participants}]


def docs_of(e: Event | Promise) -> set[str]:
    return {s.document_id for s in e.sources}


def one(events: list[Event], **fields: object) -> Event:
    found = [e for e in events if all(getattr(e, k) == v for k, v in fields.items())]
    assert len(found) == 1, (fields, [(e.date, e.type, e.title) for e in events])
    return found[0]


def is_place(run: Run, location: str | None, spelling: str) -> bool:
    entity = run.resolution.by_name(spelling)
    return location is not None and entity is not None and location == entity.name


# --- The seeds ------------------------------------------------------------------------


@needs_seeds
def test_the_phone_call_is_one_event_reported_in_both_copies(seeds: Run) -> None:
    call = one(with_people(seeds, "Phan Van Giang", "Pete Hegseth"), date="2025-02-07")
    assert (call.type, call.precision, call.background) == ("CONSULT", "day", False)
    assert {seeds.doc("000"), seeds.doc("001")} <= docs_of(call)
    assert "phone talks" in call.title
    # "Recalling the February 2025 call" (004) joins it instead of making a new event.
    assert seeds.doc("004") in docs_of(call)
    assert not [e for e in seeds.events if e.date == "2025-02-01"]


@needs_seeds
def test_the_thirteenth_policy_dialogue(seeds: Run) -> None:
    dialogue = one(with_people(seeds, "Hoang Xuan Chien", "John Noh"), type="CONSULT")
    assert (dialogue.date, dialogue.precision) == ("2025-05-08", "day")
    assert is_place(seeds, dialogue.location, "Hanoi")
    assert "13th" in dialogue.title and docs_of(dialogue) == {seeds.doc("004")}


@needs_seeds
def test_the_memorandum_signed_on_31_october(seeds: Run) -> None:
    memo = one(with_people(seeds, "Hoang Xuan Chien", "Marc Evans Knapper"), type="AGREE")
    assert (memo.date, memo.precision, memo.background) == ("2025-10-31", "day", False)


@needs_seeds
def test_the_talks_in_hanoi_on_2_november(seeds: Run) -> None:
    found = with_people(seeds, "Phan Van Giang", "Pete Hegseth")
    talks = one(found, date="2025-11-02", type="CONSULT")
    assert is_place(seeds, talks.location, "Hanoi")
    # the undated 003 appreciates "the talks between Secretary Hegseth and ... Giang"
    assert {seeds.doc("002"), seeds.doc("003")} <= docs_of(talks)


@needs_seeds
def test_the_presidents_reception_is_placed_within_the_visit(seeds: Run) -> None:
    (reception,) = [e for e in with_people(seeds, "Luong Cuong", "Pete Hegseth")]
    assert reception.type == "CONSULT" and "receives" in reception.title
    assert docs_of(reception) == {seeds.doc("003")}
    # 003 is undated; it reports the talks of the 2-3 November visit, during which the
    # President received the guest: the reception gets the visit's days, not one day.
    assert (reception.date, reception.end_date) == ("2025-11-02", "2025-11-03")


@needs_seeds
def test_background_documents_keep_the_precision_they_are_written_with(seeds: Run) -> None:
    background = {(e.date, e.precision, e.type) for e in seeds.events if e.background}
    assert {
        ("2011-01-01", "year", "AGREE"),
        ("2021-07-01", "month", "AGREE"),
        ("2024-09-01", "month", "AGREE"),
    } <= background
    statement = one(seeds.events, date="2024-09-01", type="AGREE")
    assert docs_of(statement) == {seeds.doc("002"), seeds.doc("004")}  # 2024 + Sept. 2024


@needs_seeds
def test_nothing_comes_from_the_teasers(seeds: Run) -> None:
    teaser_words = ("Poland", "Singapore", "Brazil", "Laos", "personnel affairs", "To Lam")
    for record in [*seeds.events, *seeds.promises]:
        for s in record.sources:
            text = seeds.documents[s.document_id].text[s.start : s.end]
            assert not any(word in text for word in teaser_words), text
    assert not [e for e in seeds.events if (e.date or "").startswith("2025-03")]


@needs_seeds
def test_the_invitation_and_the_dialogue_hope_were_kept(seeds: Run) -> None:
    talks = one(
        with_people(seeds, "Phan Van Giang", "Pete Hegseth"), date="2025-11-02", type="CONSULT"
    )
    hegseth = seeds.resolution.by_name("Pete Hegseth")
    invitation = one_promise(seeds, kind="invitation", target=hegseth.name if hegseth else None)
    assert invitation.fulfilled_by == talks.id
    assert (invitation.made_on, invitation.due) == ("2025-02-07", "2025-12-31")
    assert {seeds.doc("000"), seeds.doc("001")} <= docs_of(invitation)
    hope = next(p for p in seeds.promises if "13th" in p.text)
    dialogue = one(with_people(seeds, "Hoang Xuan Chien", "John Noh"), type="CONSULT")
    assert (hope.status, hope.fulfilled_by) == ("fulfilled", dialogue.id)
    assert {seeds.doc("000"), seeds.doc("001")} <= docs_of(hope)


@needs_seeds
def test_requests_and_plans_stay_open(seeds: Run) -> None:
    disbursement = next(p for p in seeds.promises if "disbursement" in p.text)
    assert (disbursement.kind, disbursement.status) == ("request", "open")
    exhibition = next(p for p in seeds.promises if "exhibition" in p.text)
    assert (exhibition.kind, exhibition.due, exhibition.status) == ("plan", "2026-12-31", "open")


def one_promise(run: Run, **fields: object) -> Promise:
    found = [p for p in run.promises if all(getattr(p, k) == v for k, v in fields.items())]
    assert len(found) == 1, (fields, [(p.kind, p.target, p.text) for p in run.promises])
    return found[0]


# --- Provenance, on both corpora ------------------------------------------------------


def slices_to_a_sentence(run: Run, source: Source) -> bool:
    """A source is a sentence of its document (one the parser split at a rank is one)."""
    text = run.documents[source.document_id].text
    spans = run.sentences[source.document_id]
    starts_well = any(s == source.start for s, _ in spans) or text[source.start - 1] == "\n"
    ends_well = any(e == source.end for _, e in spans)
    return starts_well and ends_well and bool(text[source.start : source.end].strip())


@pytest.mark.parametrize("corpus", ["sample", *(["seeds"] if SEEDS.is_dir() else [])])
def test_every_source_slices_back_to_a_sentence(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    run: Run = request.getfixturevalue(corpus)
    for record in [*run.events, *run.promises]:
        assert record.sources
        for source in record.sources:
            assert slices_to_a_sentence(run, source), (record, source)
    for p in run.promises:
        quoted = [run.documents[s.document_id].text[s.start : s.end] for s in p.sources]
        assert any(p.text in q for q in quoted), p


# --- The sample corpus against its gold --------------------------------------------------


def gold_files(run: Run) -> dict[str, str]:
    """Gold's file names ("18_records.jsonl#1") -> document ids."""
    names = {}
    for d in run.documents.values():
        name = Path(d.path).name
        names[f"{name}#{d.record}" if name.endswith(".jsonl") else name] = d.id
    return names


def precision_recall(found: list[tuple], gold: list[tuple]) -> tuple[float, float]:
    hits = sum((Counter(found) & Counter(gold)).values())
    return hits / max(1, len(found)), hits / max(1, len(gold))


def test_sample_corpus_scores(sample: Run) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    found = [(e.date, e.type) for e in sample.events]
    p, r = precision_recall(found, [(e["date"], e["type"]) for e in gold["events"]])
    assert p >= EVENT_FLOOR and r >= EVENT_FLOOR, (p, r)
    found = [(x.kind, x.status) for x in sample.promises]
    p, r = precision_recall(found, [(x["kind"], x["status"]) for x in gold["promises"]])
    assert p >= PROMISE_FLOOR and r >= PROMISE_FLOOR, (p, r)


def test_sample_events_are_reported_where_gold_says(sample: Run) -> None:
    """Each gold event is found on its day, with at least 80% of the files reporting it."""
    files = gold_files(sample)
    for expected in json.loads(GOLD.read_text("utf-8"))["events"]:
        wanted = {files[f] for f in expected["reported_in"]}
        candidates = [
            e for e in sample.events if (e.date, e.type) == (expected["date"], expected["type"])
        ]
        best = max(candidates, key=lambda e: len(docs_of(e) & wanted), default=None)
        assert best is not None, expected["title"]
        assert len(docs_of(best) & wanted) >= 0.8 * len(wanted), (expected["title"], best)


def test_sample_kept_promises_point_to_the_right_event(sample: Run) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    dates = {e["id"]: e["date"] for e in gold["events"]}
    by_id = {e.id: e for e in sample.events}
    kept = [p for p in gold["promises"] if p["status"] == "fulfilled"]
    for expected in kept:
        match = [p for p in sample.promises if p.kind == expected["kind"] and p.fulfilled_by]
        assert any(by_id[p.fulfilled_by].date == dates[expected["fulfilled_by"]] for p in match)
