"""The derived dossier in the store, on both backends: round trips, the day index the
timeline reads through, and kept results going stale when anything is written."""

from __future__ import annotations

import dataclasses
import random
import string
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluate.rouge import stem
from dateline.model import (
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Participant,
    Promise,
    Role,
    Source,
)
from dateline.store import Store, open_store
from dateline.store.records import Derived, day_scope
from dateline.summarise.text import vocabulary
from tests.conftest import BACKENDS, store_location

TEXTS = {
    "a": "Talks opened in Hanoi on March 3. The ministers met again. Funds were pledged.",
    "b": "Talks opened in Hanoi on March 3. The ministers met again. Funds were pledged.",
    "c": "A later review recalled the March 3 talks. It named no other date.",
    "d": "An undated report from the capital. Officials said little.",
    "e": "A note without a publication date mentions March 3.",
}
PUBLISHED = {"a": "2025-03-03", "b": "2025-03-04", "c": "2025-04-10", "d": "2025-03-05"}
DUPLICATE_OF = {"b": "a"}
# (document, index, start, end, dates)
SENTENCES = [
    ("a", 0, 0, 33, (("2025-03-03", "day"),)),
    ("a", 1, 34, 58, ()),
    ("a", 2, 59, 78, ()),
    ("b", 0, 0, 33, (("2025-03-03", "day"),)),
    ("b", 1, 34, 58, ()),
    ("c", 0, 0, 42, (("2025-03-03", "day"), ("2025-03", "month"))),
    ("c", 1, 43, 65, ()),
    ("d", 0, 0, 35, ()),
    ("d", 1, 36, 58, ()),
    ("e", 0, 0, 51, (("2025-03-03", "day"),)),
]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with store_location(tmp_path, request.param) as where:
        opened = open_store(where)
        for did, text in TEXTS.items():
            doc = Document(id=did, path=f"{did}.txt", record=0, format="text", raw=text,
                           text=text, content_hash=did, published=PUBLISHED.get(did),
                           duplicate_of=DUPLICATE_OF.get(did))  # fmt: skip
            opened.write_document(doc, f"/abs/{did}", b"sig", 1)
        yield opened
        opened.close()


def derived() -> Derived:
    minister = Entity("e1", "Minister Lan", "PERSON", ("Lan",),
                      (Role("minister", "Ministry", "2025-03-03", "2025-04-10",
                            (Source("a", 34, 58),)),), 3)  # fmt: skip
    ministry = Entity("e2", "Ministry", "ORG", (), (), 1)
    event = Event("ev1", "CONSULT", "Talks in Hanoi", "2025-03-03", "day", location="Hanoi",
                  participants=(Participant("e1", "Minister Lan", "host"),
                                Participant("e2", "Ministry")),
                  sources=(Source("a", 0, 33), Source("c", 0, 42)))  # fmt: skip
    background = Event("ev2", "OTHER", "Earlier", None, None, background=True)
    return Derived(
        entities=[minister, ministry],
        mentions=[Mention("a", 1, 34, 38, "Lan", "PERSON", "e1"),
                  Mention("c", 0, 0, 5, "A lat", "ORG", None)],
        events=[event, background],
        figures=[Figure("f1", "funds", 1.5e6, "USD", 1.25e6, "2025-03-03", (Source("a", 59, 78),))],
        promises=[Promise("p1", "pledge", "Minister Lan", "Funds were pledged", "2025-03-03",
                          due="2025-12-31", status="open", sources=(Source("a", 59, 78),))],
        sentences=SENTENCES,
    )  # fmt: skip


def test_derived_records_round_trip(store: Store) -> None:
    made = derived()
    store.replace_derived(made)
    assert store.entities() == list(made.entities)
    assert store.events() == [made.events[0], made.events[1]]  # dated first
    assert store.figures() == list(made.figures)
    assert store.promises() == list(made.promises)
    assert store.sentences_naming("e1") == {("a", 1)}
    # replacing swaps everything, it does not add
    store.replace_derived(derived())
    assert len(store.events()) == 2


def test_sentences_skip_undated_articles_and_respect_the_window(store: Store) -> None:
    store.replace_derived(derived())
    rows = store.sentences()
    assert {r[0] for r in rows} == {"a", "b", "c", "d"}  # e has no publication date
    assert rows[0] == ("a", 0, 0, 33, "2025-03-03", [["2025-03-03", "day"]])
    assert {r[0] for r in store.sentences("2025-03-04", "2025-03-31")} == {"b", "d"}


def _near(rows: list, days: set[str], lag: int) -> list:  # type: ignore[type-arg]
    """What the day index must find, by reading every sentence."""
    from datetime import date, timedelta

    def shifted(published: str) -> set[str]:
        day = date.fromisoformat(published)
        return {(day - timedelta(days=k)).isoformat() for k in range(lag + 1)}

    return [
        r
        for r in rows
        if any(value in days for value, _ in r[5]) or (not r[5] and shifted(r[4]) & days)
    ]


@pytest.mark.parametrize(
    ("days", "since", "until"),
    [
        ({"2025-03-03"}, None, None),
        ({"2025-03-03", "2025-03"}, None, None),
        ({"2025-03-03"}, "2025-03-04", None),
        ({"2025-03-05", "2025-04-01"}, None, "2025-03-31"),
        ({"2025-01-01"}, None, None),
    ],
)
def test_day_index_finds_what_a_full_read_finds(
    store: Store, days: set[str], since: str | None, until: str | None
) -> None:
    store.replace_derived(derived())
    everything = store.sentences(since, until)
    assert store.sentences_near(days, 2, since, until) == _near(everything, days, 2)


def test_stories_per_day_count_duplicates_once(store: Store) -> None:
    store.replace_derived(derived())
    # a and its copy b are one story; c is another; e is undated and does not count
    assert store.day_stories(["2025-03-03", "2025-03-09"]) == {"2025-03-03": 2, "2025-03-09": 0}
    assert store.day_stories(["2025-03-03"], since="2025-04-01") == {"2025-03-03": 1}


def test_day_counts_count_each_story_once_by_its_latest_reference(store: Store) -> None:
    store.replace_derived(dataclasses.replace(derived(), listed={("c", 0)}, unranked={"d"}))
    # a (March 3) and its copy b (March 4) are one story: it counts once, a day after; c
    # names the day five weeks on, in a chronology entry; e is undated; the month that c
    # names is not a day
    assert sorted(store.day_references()) == [("2025-03-03", 1, 1, 0), ("2025-03-03", 8, 1, 1)]
    # a story counts where its latest reference was published
    assert store.day_references("2025-03-04", "2025-03-31") == [("2025-03-03", 1, 1, 0)]
    assert store.day_references(until="2025-03-03") == []
    # publications: each day's stories and sentences; d is left out, as the timeline does
    assert sorted(store.publication_days()) == [
        ("2025-03-03", 1, 3),
        ("2025-03-04", 1, 2),
        ("2025-04-10", 1, 2),
    ]
    assert store.publication_days("2025-04-01") == [("2025-04-10", 1, 2)]
    # an entity's counts: the sentences naming it (a's second one, which names no day)
    assert store.publication_days(scope=day_scope("e1")) == [("2025-03-03", 1, 1)]
    assert store.day_references(scope=day_scope("e1")) == []
    # an event type's: the sentences its events cite (a's first one and c's)
    consult = day_scope(event_type="CONSULT")
    assert sorted(store.day_references(scope=consult)) == [
        ("2025-03-03", 0, 1, 0),
        ("2025-03-03", 8, 1, 1),
    ]
    assert sorted(store.publication_days(scope=consult)) == [
        ("2025-03-03", 1, 1),
        ("2025-04-10", 1, 1),
    ]
    with pytest.raises(ValueError):
        day_scope("e1", "CONSULT")


def test_day_counts_hold_until_the_next_write(store: Store) -> None:
    assert not store.days_counted()  # never built
    store.replace_derived(derived())
    assert store.days_counted()
    store.cache("timeline", "[]", store.generation())  # keeping a result writes nothing
    assert store.days_counted()
    text = "A new article on March 3."
    doc = Document(id="f", path="f.txt", record=0, format="text", raw=text, text=text,
                   content_hash="f", published="2025-03-06")  # fmt: skip
    store.write_document(doc, "/abs/f", b"sig", 1)
    assert not store.days_counted()
    store.replace_derived(derived())
    assert store.days_counted()


def test_rebuilding_the_dossier_makes_kept_results_stale(store: Store) -> None:
    store.replace_derived(derived())
    store.cache("timeline", "[]", store.generation())
    assert store.cached("timeline") == "[]"
    store.replace_derived(derived())
    assert store.cached("timeline") is None


def test_the_day_index_migration_fills_in_stored_sentences(store: Store) -> None:
    store.replace_derived(derived())
    expected = store.sentences_near({"2025-03-03"}, 0)
    # the store as an older Dateline left it: sentences, but no day index
    store.execute("DROP TABLE sentence_dates")
    store.execute("DROP TABLE results")
    store.execute("DELETE FROM migrations WHERE version = 4")
    location = store.location if store.dialect == "sqlite" else store.url  # type: ignore[attr-defined]
    store.close()
    again = open_store(location)
    assert again.sentences_near({"2025-03-03"}, 0) == expected
    again.close()


def test_an_id_bound_keeps_an_even_share_of_hashed_ids() -> None:
    import hashlib

    from dateline.store.records import sample_bound

    ids = ["d" + hashlib.sha256(str(i).encode()).hexdigest()[:12] for i in range(4000)]
    assert sample_bound(1.0) is None and sample_bound(1.5) is None
    for share in (0.5, 0.1, 0.02):
        bound = sample_bound(share)
        assert bound is not None
        kept = sum(i < bound for i in ids) / len(ids)
        assert share * 0.75 < kept < share * 1.25, (share, kept)
    # a smaller share keeps a subset of what a larger one keeps
    small, large = sample_bound(0.1), sample_bound(0.3)
    assert small is not None and large is not None and small < large


SAMPLED = ("d1" + "0" * 11, "d9" + "0" * 11)  # ids below and above the 50% bound


def _sampled_store(store: Store) -> Store:
    """The store with two more articles whose ids fall on either side of the 50% bound."""
    for did in SAMPLED:
        text = "Talks opened on March 3. More came later."
        doc = Document(id=did, path=f"{did}.txt", record=0, format="text", raw=text, text=text,
                       content_hash=did, published="2025-03-04")  # fmt: skip
        store.write_document(doc, f"/abs/{did}", b"sig", 1)
    made = derived()
    extra = [(did, 0, 0, 24, (("2025-03-03", "day"),)) for did in SAMPLED]
    extra += [(did, 1, 25, 41, ()) for did in SAMPLED]
    store.replace_derived(Derived(made.entities, made.mentions, made.events, made.figures,
                                  made.promises, [*made.sentences, *extra]))  # fmt: skip
    return store


def test_a_sample_reads_the_articles_below_the_bound_and_all_of_their_sentences(
    store: Store,
) -> None:
    _sampled_store(store)
    everything = store.sentences()
    assert store.count_sentences() == len(everything)
    assert store.count_sentences("2025-03-04", "2025-03-31") == len(
        store.sentences("2025-03-04", "2025-03-31")
    )
    half = store.sentences(share=0.5)
    # "a" to "d" sort below "d8...", "d9..." above: the sample drops exactly that article
    assert half == [r for r in everything if r[0] != SAMPLED[1]]
    assert store.count_sentences(share=0.5) == len(half)
    assert {r[0] for r in half} > {"a", SAMPLED[0]}
    near = store.sentences_near({"2025-03-03"}, 2, share=0.5)
    assert near == [r for r in store.sentences_near({"2025-03-03"}, 2) if r[0] != SAMPLED[1]]
    stories = store.day_stories(["2025-03-03"], share=0.5)
    assert stories == {"2025-03-03": store.day_stories(["2025-03-03"])["2025-03-03"] - 1}


def test_leads_only_keeps_the_first_undated_sentences(store: Store) -> None:
    store.replace_derived(derived())
    days = {"2025-03-03"}
    everything = store.sentences()
    near = store.sentences_near(days, 2, lead=1)
    assert near == [r for r in _near(everything, days, 2) if r[5] or r[1] < 1]
    assert ("a", 1) not in {(r[0], r[1]) for r in near}  # undated, but not a lead
    # the bound from the indexes alone is never below what is read
    assert store.count_sentences_near(days, 2, 1) >= len(near)
    assert (
        store.count_references(days)
        == sum(1 for r in everything if any(v in days for v, _ in r[5])) + 1
    )  # e (undated article) names the day too: the index counts it, the read does not


def test_one_entitys_records_are_read_without_the_others(store: Store) -> None:
    made = derived()
    extra = Event("ev3", "VISIT", "A visit without the minister", "2025-03-05", "day",
                  participants=(Participant("e2", "Ministry"),),
                  sources=(Source("d", 0, 35),))  # fmt: skip
    made = Derived(made.entities, made.mentions, [*made.events, extra], made.figures,
                   made.promises, made.sentences)  # fmt: skip
    store.replace_derived(made)
    minister = made.entities[0]
    assert store.entities("e1") == [minister]  # with its role and the role's sources
    assert store.entities("nobody") == []
    light = store.entities(roles=False)
    assert [(e.id, e.name, e.aliases, e.roles) for e in light] == [
        (e.id, e.name, e.aliases, ()) for e in store.entities()
    ]
    assert store.events("e1") == [made.events[0]]
    assert store.events("e2") == [made.events[0], extra]
    assert store.events("nobody") == []


def test_event_days_count_what_reading_every_event_counts(store: Store) -> None:
    made = derived()
    more = [
        Event("ev3", "VISIT", "A visit", "2025-03-03", "day",
              participants=(Participant("e2", "Ministry"),), sources=(Source("d", 0, 35),)),
        Event("ev4", "CONSULT", "A call", "2025-03-05", "day",
              participants=(Participant("e1", "Minister Lan"),), sources=(Source("d", 0, 35),)),
        Event("ev5", "CONSULT", "Some month", "2025-03-01", "month"),
        Event("ev6", "CONSULT", "Recalled", "2025-03-05", "day", background=True),
        # told twice, by an article and its reprint: one story
        Event("ev7", "VISIT", "A tour", "2025-03-05", "day",
              sources=(Source("a", 0, 33), Source("b", 0, 33))),
    ]  # fmt: skip
    store.replace_derived(Derived(made.entities, made.mentions, [*made.events, *more],
                                  made.figures, made.promises, made.sentences))  # fmt: skip
    everything = store.events()

    def by_reading(entity: str | None, kind: str | None) -> dict[str, tuple[int, int]]:
        counts: dict[str, tuple[int, int]] = {}
        for e in everything:
            stories = {DUPLICATE_OF.get(s.document_id, s.document_id) for s in e.sources}
            if (
                e.date
                and e.precision == "day"
                and not e.background
                and (kind is None or e.type == kind)
                and (entity is None or entity in {p.entity_id for p in e.participants})
            ):
                told, every = counts.get(e.date, (0, 0))
                counts[e.date] = (told + (len(stories) >= 2), every + 1)
        return counts

    for entity in (None, "e1", "e2", "nobody"):
        for kind in (None, "CONSULT", "VISIT"):
            found = by_reading(entity, kind)
            assert store.event_days(entity, kind) == found, (entity, kind)
            assert store.has_event_days(entity, kind) == bool(found)
            for since, until in (("2025-03-04", None), (None, "2025-03-04"), ("2025-03-05",) * 2):
                within = {
                    d: n
                    for d, n in found.items()
                    if (since is None or d >= since) and (until is None or d <= until)
                }
                assert store.event_days(entity, kind, since=since, until=until) == within
    # ev1 is told by two stories (a and c); ev3, ev4 and ev7 by one each
    assert store.event_days() == {"2025-03-03": (1, 2), "2025-03-05": (0, 2)}
    assert [e.id for e in store.events(event_type="CONSULT", days=["2025-03-05"])] == ["ev4", "ev6"]
    assert [e.id for e in store.events("e1", days=["2025-03-03", "2025-03-05"])] == ["ev1", "ev4"]
    assert store.events(days=[]) == []


def test_a_days_shown_events_are_its_most_cited_with_how_many_there_are(store: Store) -> None:
    made = derived()
    cites = [3, 1, 4, 1, 5, 2, 6, 2, 1, 3, 2, 1, 4]  # sentences each event cites
    many = [
        Event(f"m{i:02d}", "VISIT" if i % 3 else "CONSULT", f"Visit {i}", "2025-03-05", "day",
              participants=(Participant("e1" if i % 2 else "e2", "someone"),),
              sources=tuple(Source("d", k, k + 1) for k in range(n)))
        for i, n in enumerate(cites)
    ]  # fmt: skip
    others = [
        Event("x1", "VISIT", "Recalled", "2025-03-05", "day", background=True,
              sources=tuple(Source("d", k, k + 1) for k in range(9))),
        Event("x2", "VISIT", "That month", "2025-03-05", "month",
              sources=tuple(Source("d", k, k + 1) for k in range(9))),
    ]  # fmt: skip
    store.replace_derived(Derived(made.entities, made.mentions, [*made.events, *many, *others],
                                  made.figures, made.promises, made.sentences))  # fmt: skip
    days = ["2025-03-03", "2025-03-05", "2025-03-09"]
    for entity in (None, "e1", "e2"):
        for kind in (None, "VISIT", "CONSULT"):
            every = [e for e in store.events(entity, kind, days)
                     if e.precision == "day" and not e.background]  # fmt: skip
            for limit in (1, 4, 50):
                shown = store.events(entity, kind, days, per_day=limit)
                # per day, the most cited first (ties by id), in the order events() gives
                expected = []
                for day in days:
                    ranked = sorted((e for e in every if e.date == day),
                                    key=lambda e: (-len(e.sources), e.id))  # fmt: skip
                    expected += ranked[:limit]
                assert shown == sorted(expected, key=lambda e: (e.date, e.id)), (entity, limit)
            counts = {d: n for d, (_, n) in store.event_days(entity, kind, days).items()}
            assert counts == {day: n for day in days
                              if (n := sum(e.date == day for e in every))}  # fmt: skip
            # the days asked for, as event_days counts them over every day
            everywhere = store.event_days(entity, kind)
            assert store.event_days(entity, kind, days) == {
                d: v for d, v in everywhere.items() if d in days
            }
    assert [e.id for e in store.events(days=["2025-03-05"], per_day=3)] == ["m02", "m04", "m06"]
    assert store.event_days(days=["2025-03-05"]) == {"2025-03-05": (0, 13)}
    assert store.event_days(days=[]) == {}
    assert store.events(days=[], per_day=3) == []


def test_the_shown_events_of_every_day_travel_in_bounded_statements(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = derived()
    days = [(date(2024, 1, 1) + timedelta(days=i)).isoformat() for i in range(700)]
    many = [Event(f"v{i:04d}{k}", "VISIT", "A visit", day, "day",
                  sources=tuple(Source("d", j, j + 1) for j in range(k + 1)))
            for i, day in enumerate(days) for k in range(3)]  # fmt: skip
    store.replace_derived(Derived(made.entities, made.mentions, many, made.figures,
                                  made.promises, made.sentences))  # fmt: skip
    sent: list[int] = []
    execute = store.execute

    def recording(sql: str, params: Sequence[object] = ()) -> Any:
        sent.append(len(params))
        return execute(sql, params)

    monkeypatch.setattr(store, "execute", recording)
    shown = store.events(days=days, per_day=2)
    # every day's two most cited, though no statement carries more than the days and filters
    # (the ids go in bounded batches)
    assert [e.id for e in shown] == [f"v{i:04d}{k}" for i in range(len(days)) for k in (1, 2)]
    assert sent and max(sent) <= len(days) + 2


def test_kept_story_counts_follow_a_replaced_document(store: Store) -> None:
    # ev1 is told by two stories, a and c; a new version of c's file takes what was
    # derived from c with it, so ev1 is left with one story until the next build
    store.replace_derived(derived())
    assert store.event_days() == {"2025-03-03": (1, 1)}
    text = "A corrected review of the talks. It names no date."
    newer = Document(id="c2", path="c.txt", record=0, format="text", raw=text, text=text,
                     content_hash="c2", published="2025-04-11")  # fmt: skip
    store.write_document(newer, "/abs/c", b"sig", 1, replaces="c")
    assert [e.sources for e in store.events() if e.id == "ev1"] == [(Source("a", 0, 33),)]
    assert store.event_days() == {"2025-03-03": (0, 1)}
    # the next build counts again
    made = derived()
    told_twice = dataclasses.replace(
        made.events[0], sources=(Source("a", 0, 33), Source("c2", 0, 20))
    )
    store.replace_derived(
        dataclasses.replace(made, events=[told_twice, made.events[1]], mentions=[], sentences=[])
    )
    assert store.event_days() == {"2025-03-03": (1, 1)}


def _with_namesake(made: Derived) -> Derived:
    """``made`` with a less mentioned person whose name is the minister's alias."""
    namesake = Entity("e3", "Lan", "PERSON", ("Nguyễn Lan",), (), 1)
    return dataclasses.replace(made, entities=[*made.entities, namesake])


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("e2", "e2"),  # an id
        ("Minister Lan", "e1"),
        ("MINISTER  lan", "e1"),  # case and spacing aside
        ("Lân", "e1"),  # diacritics aside; the most mentioned of two with this spelling
        ("nguyen lan", "e3"),  # an alias
        ("Min. istry", None),  # dots go, the space stays: no such spelling
        ("Minister", None),  # a partial match is not an exact spelling
        ("e9", None),
    ],
)
def test_an_entity_is_found_by_its_id_or_any_exact_spelling(
    store: Store, name: str, found: str | None
) -> None:
    store.replace_derived(_with_namesake(derived()))
    entity = store.entity_named(name)
    assert (entity.id if entity else None) == found
    if entity is not None:  # names only, as every entity is read for a lookup
        assert entity == next(e for e in store.entities(roles=False) if e.id == found)


def test_the_stored_lookup_agrees_with_looking_through_every_entity(store: Store) -> None:
    from dateline.summarise.plan import find_entity, find_stored_entity

    store.replace_derived(_with_namesake(derived()))
    every = store.entities(roles=False)
    for name in ("e1", "lan", "Minister", "ministry", "Nguyen", "Lan Minister", "Hanoi", "e3"):
        assert find_stored_entity(store, name) == find_entity(every, name), name


def test_a_rebuild_replaces_the_name_index(store: Store) -> None:
    store.replace_derived(_with_namesake(derived()))
    made = derived()
    store.replace_derived(dataclasses.replace(made, entities=made.entities[1:]))
    assert store.entity_named("Lan") is None
    assert store.entity_named("nguyen lan") is None


def test_the_name_index_migration_fills_in_stored_entities(store: Store) -> None:
    store.replace_derived(_with_namesake(derived()))
    # the store as an older Dateline left it: entities, but no name index
    store.execute("DROP TABLE entity_names")
    store.execute("DELETE FROM migrations WHERE version = 9")
    location = store.location if store.dialect == "sqlite" else store.url  # type: ignore[attr-defined]
    store.close()
    again = open_store(location)
    assert again.entity_named("Lân").id == "e1"  # type: ignore[union-attr]
    assert again.entity_named("nguyen lan").id == "e3"  # type: ignore[union-attr]
    again.close()


def test_reads_of_documents_by_id_never_open_a_row(tmp_path: Path) -> None:
    """A timeline's reads by document id find the publication day and story in the heads
    index, and corroboration's the story and outlet in theirs: a row holds the page as read,
    its markup and its text, and SQLite's planner would otherwise look ids up in the unique
    id index and open each row."""
    with store_location(tmp_path, "sqlite") as where:
        opened = open_store(where)
        try:
            for did, text in TEXTS.items():
                doc = Document(id=did, path=f"{did}.txt", record=0, format="text", raw=text,
                               text=text, content_hash=did, published=PUBLISHED.get(did),
                               duplicate_of=DUPLICATE_OF.get(did))  # fmt: skip
                opened.write_document(doc, f"/abs/{did}", b"sig", 1)
            opened.replace_derived(derived())
            seen: list[tuple[str, tuple[object, ...]]] = []
            execute = opened.execute

            def recording(sql: str, params: Sequence[object] = ()) -> Any:
                seen.append((sql, tuple(params)))
                return execute(sql, params)

            opened.execute = recording  # type: ignore[method-assign]
            assert opened.roots_of(["a", "b"]) == {"a": "a", "b": "a"}
            assert len(opened.sentences_at([("a", 0), ("c", 0)], None, None)) == 2
            assert opened.sentences_near(["2025-03-03"], 2, "2025-03-01", "2025-04-30")
            assert opened.day_stories(["2025-03-03"]) == {"2025-03-03": 2}
            assert opened.event_days()
            assert sorted(map(tuple, opened.outlet_rows(["b", "a"]))) == [
                ("a", None, None),
                ("b", "a", None),
            ]
            opened.execute = execute  # type: ignore[method-assign]
            by_id = [
                step
                for sql, params in seen
                for step in (row[3] for row in execute(f"EXPLAIN QUERY PLAN {sql}", params))
                if step.startswith("SEARCH d ") or step.startswith("SEARCH documents ")
            ]
            assert by_id and all(" USING COVERING INDEX " in step for step in by_id), by_id
        finally:
            opened.close()


def test_kept_stems_are_found_under_their_stemmer_and_replaced_by_a_rebuild(
    store: Store,
) -> None:
    made = dataclasses.replace(
        derived(), stems={"talks": "talk", "pledged": "pledg"}, stemmer="stemmer 1"
    )
    store.replace_derived(made)
    asked = {"talks", "pledged", "ministers"}
    assert store.stems(asked, "stemmer 1") == {"talks": "talk", "pledged": "pledg"}
    assert store.stems(asked, "stemmer 2") == {}
    store.replace_derived(dataclasses.replace(made, stems={"ministers": "minist"}))
    assert store.stems(asked, "stemmer 1") == {"ministers": "minist"}


def test_reads_by_id_find_every_id_asked_past_one_batch(store: Store) -> None:
    """Texts, stories and stems asked for in their thousands (a corroboration, a timeline's
    read) come back whole, however the backend sends the ids."""
    ids = [f"x{i:05d}" for i in range(1_234)]
    with store.transaction():
        for did in ids:
            doc = Document(id=did, path=f"{did}.txt", record=0, format="text", raw=did,
                           text=f"Text of {did}.", content_hash=did, duplicate_of="a")  # fmt: skip
            store.write_document(doc, f"/abs/{did}", b"sig", 1)
    asked = [*ids, "a", "missing", ids[0]]
    assert store.texts(asked) == {**{d: f"Text of {d}." for d in ids}, "a": TEXTS["a"]}
    assert store.roots_of(asked) == {**dict.fromkeys(ids, "a"), "a": "a"}
    words = {f"word{i}": f"stem{i}" for i in range(1_500)}
    store.replace_derived(dataclasses.replace(derived(), stems=words, stemmer="s"))
    assert store.stems([*words, "other"], "s") == words


def test_the_speculative_documents_a_build_found_hold_until_the_next_write(
    store: Store,
) -> None:
    store.replace_derived(dataclasses.replace(derived(), unranked={"c"}))
    assert store.speculative_among({"a", "c", "missing"}) == {"c"}
    doc = Document(id="f", path="f.txt", record=0, format="text", raw="New.", text="New.",
                   content_hash="f", published="2025-05-01")  # fmt: skip
    store.write_document(doc, "/abs/f", b"sig", 1)
    assert store.speculative_among({"a", "c"}) is None  # the texts must be read again
    store.replace_derived(derived())
    assert store.speculative_among({"a", "c"}) == set()


def test_the_kept_sentence_features_hold_until_the_next_write_under_their_code(
    store: Store,
) -> None:
    readings = [("a", b"\x00reading of a"), ("c", b"reading of c\xff")]
    store.replace_derived(dataclasses.replace(derived(), features=readings, features_by="v1"))
    assert store.sentence_features({"a", "c", "missing"}, "v1") == dict(readings)
    assert store.sentence_features({"a"}, "v2") is None  # made by other code
    doc = Document(id="f", path="f.txt", record=0, format="text", raw="New.", text="New.",
                   content_hash="f", published="2025-05-01")  # fmt: skip
    store.write_document(doc, "/abs/f", b"sig", 1)
    assert store.sentence_features({"a"}, "v1") is None  # the texts must be read again
    store.replace_derived(dataclasses.replace(derived(), features_by="v1"))
    assert store.sentence_features({"a", "c"}, "v1") == {}


def test_a_ranges_kept_readings_come_with_each_articles_day_and_story(store: Store) -> None:
    readings = [("a", b"of a"), ("b", b"of b"), ("c", b"of c"), ("d", b"of d"), ("e", b"of e")]
    store.replace_derived(dataclasses.replace(derived(), features=readings, features_by="v1"))
    found = store.range_readings(None, None, 1.0, "v1")
    assert found is not None
    # e has no publication date; b's story is a's
    assert sorted(found) == [
        ("a", "2025-03-03", "a", b"of a"),
        ("b", "2025-03-04", "a", b"of b"),
        ("c", "2025-04-10", "c", b"of c"),
        ("d", "2025-03-05", "d", b"of d"),
    ]
    within = store.range_readings("2025-03-04", "2025-03-31", 1.0, "v1")
    assert {f[0] for f in within or []} == {"b", "d"}
    assert store.range_readings(None, None, 1.0, "v2") is None  # made by other code
    # an article with sentences and no reading: its sentences must be read from the texts
    store.replace_derived(dataclasses.replace(derived(), features=readings[1:], features_by="v1"))
    assert store.range_readings(None, None, 1.0, "v1") is None
    assert store.range_readings("2025-03-04", "2025-04-30", 1.0, "v1") is not None
    # one without sentences needs none
    fewer = dataclasses.replace(derived(), sentences=SENTENCES[3:], features=readings[1:])
    store.replace_derived(dataclasses.replace(fewer, features_by="v1"))
    assert {f[0] for f in store.range_readings(None, None, 1.0, "v1") or []} == {"b", "c", "d"}
    doc = Document(id="f", path="f.txt", record=0, format="text", raw="New.", text="New.",
                   content_hash="f", published="2025-05-01")  # fmt: skip
    store.write_document(doc, "/abs/f", b"sig", 1)
    assert store.range_readings(None, None, 1.0, "v1") is None  # the texts must be read again


def test_a_ranges_dated_sentences_are_those_naming_a_date(store: Store) -> None:
    store.replace_derived(derived())
    every = store.sentences()
    assert store.sentences(dated=True) == [row for row in every if row[5]]
    assert {(r[0], r[1]) for r in store.sentences(dated=True)} == {("a", 0), ("b", 0), ("c", 0)}


def test_a_page_with_a_huge_url_and_a_huge_word_is_stored_and_built(store: Store) -> None:
    """A URL or a run of letters longer than an index entry may be on PostgreSQL (a third of
    a page) is stored, and the build keeps the stems of the other words."""
    rng = random.Random(3)
    url = "https://example.com/?" + "".join(rng.choice(string.ascii_letters) for _ in range(6000))
    word = "".join(rng.choice(string.ascii_lowercase) for _ in range(5000))
    text = f"Negotiators met {word} in the capital."
    doc = Document(id="huge", path="huge.html", record=0, format="html", raw=text, text=text,
                   content_hash="huge", published="2025-03-05", url=url)  # fmt: skip
    store.write_document(doc, "/abs/huge", b"sig", 1)
    assert store.get_document("huge").url == url
    kept = vocabulary([text])
    store.replace_derived(dataclasses.replace(derived(), stems=kept, stemmer="s"))
    assert store.stems([word, "negotiators"], "s") == {"negotiators": stem("negotiators")}
    ((_, _, stored),) = store.outlet_rows(["huge"])
    assert stored == url
