"""Merging event reports across documents: which reports are one event, and its shape."""

from __future__ import annotations

from dataclasses import replace

from dateline.cluster.events import cluster_events
from dateline.extract.events import EventMention
from dateline.model import Entity, Participant, Source

PEOPLE = {
    "minh": "Ngo Quang Minh",
    "sato": "Haruto Sato",
    "lan": "Vu Thi Lan",
    "khang": "Do Minh Khang",
}
PLACES = {"hanoi": "Hanoi", "vn": "Vietnam", "jp": "Japan"}
ENTITIES = [Entity(k, v, "PERSON") for k, v in PEOPLE.items()] + [
    Entity(k, v, "GPE") for k, v in PLACES.items()
]


def report(
    doc: str,
    people: tuple[str, ...] = ("minh", "sato"),
    *,
    date: str | None = "2024-10-21",
    end: str | None = None,
    precision: str | None = "day",
    kind: str = "talks",
    type: str = "CONSULT",
    at: int = 0,
    published: str | None = "2024-10-22",
    **more: object,
) -> EventMention:
    """One sentence's report of an event, as the extractor would give it."""
    if date and end is None:
        end = date
    return EventMention(
        document_id=doc,
        type=type,
        kind=kind,
        trigger=kind,
        trigger_start=at,
        trigger_end=at + 5,
        source=Source(doc, at, at + 40),
        participants=tuple(Participant(p, p.upper()) for p in people),
        date=date,
        end=end,
        precision=precision if date else None,
        published=published,
        people=tuple(p for p in people if p in PEOPLE),
        **more,  # type: ignore[arg-type]
    )


def test_reports_of_one_day_from_several_documents_are_one_event() -> None:
    events = cluster_events([report("a"), report("b", at=100), report("c")], ENTITIES)
    (event,) = events
    assert event.date == "2024-10-21" and event.precision == "day"
    assert {s.document_id for s in event.sources} == {"a", "b", "c"}
    assert [p.name for p in event.participants] == ["Ngo Quang Minh", "Haruto Sato"]


def test_a_coarser_date_joins_the_precise_event() -> None:
    month = report("later", date="2024-10-01", end="2024-10-31", precision="month")
    (event,) = cluster_events([month, report("a")], ENTITIES)
    assert (event.date, event.precision) == ("2024-10-21", "day")
    assert {s.document_id for s in event.sources} == {"a", "later"}


def test_different_days_are_different_events() -> None:
    events = cluster_events([report("a"), report("b", date="2024-10-25")], ENTITIES)
    assert [e.date for e in events] == ["2024-10-21", "2024-10-25"]


def test_a_phone_call_never_merges_with_a_visit() -> None:
    events = cluster_events([report("a", kind="call"), report("b", kind="visit")], ENTITIES)
    assert len(events) == 2


def test_talks_during_a_visit_are_the_visit() -> None:
    visit = report("a", ("sato", "vn"), kind="visit", end="2024-10-23", at=50)
    (event,) = cluster_events([visit, report("a")], ENTITIES)
    assert (event.date, event.end_date) == ("2024-10-21", None)  # the talks' day
    assert "talks" in event.title


def test_receptions_by_different_hosts_stay_apart() -> None:
    by_lan = report("a", ("lan", "sato"), kind="reception", hosts=("lan",))
    by_khang = report("a", ("khang", "sato"), kind="reception", hosts=("khang",), at=60)
    events = cluster_events([by_lan, by_khang, replace(by_lan, document_id="b")], ENTITIES)
    assert sorted(e.title for e in events) == [
        "Do Minh Khang receives Haruto Sato",
        "Vu Thi Lan receives Haruto Sato",
    ]


def test_an_undated_report_joins_the_one_event_with_its_people() -> None:
    undated = report("u", date=None, published=None)
    events = cluster_events([report("a"), undated], ENTITIES)
    (event,) = events
    assert {s.document_id for s in event.sources} == {"a", "u"}


def test_an_ambiguous_undated_report_joins_nothing() -> None:
    spring = report("a", date="2024-04-02")
    autumn = report("b", date="2024-10-21")
    undated = report("u", date=None, published=None)
    events = cluster_events([spring, autumn, undated], ENTITIES)
    assert all("u" not in {s.document_id for s in e.sources} for e in events if e.date)
    assert [e.date for e in events] == ["2024-04-02", "2024-10-21", None]  # kept undated


def test_an_undated_reference_in_a_dated_article_is_no_event_of_its_own() -> None:
    stray = report("d", ("khang",), date=None, published="2024-10-22")
    assert cluster_events([stray], ENTITIES) == []


def test_an_undated_report_without_people_is_dropped() -> None:
    nobody = report("u", ("vn", "jp"), date=None, published=None)
    assert cluster_events([nobody], ENTITIES) == []


def test_an_undated_reception_is_placed_within_the_visit_its_article_reports() -> None:
    visit = report("a", ("sato", "vn"), kind="visit", end="2024-10-23", at=50)
    talks_again = report("u", date=None, published=None, at=90)  # joins the talks and visit
    reception = report("u", ("lan", "sato"), date=None, published=None, kind="reception")
    reports = [report("a"), visit, talks_again, replace(reception, hosts=("lan",))]
    events = cluster_events(reports, ENTITIES)
    received = next(e for e in events if "receives" in e.title)
    assert (received.date, received.end_date) == ("2024-10-21", "2024-10-23")


def test_a_name_links_reports_whoever_they_name() -> None:
    named = report("a", key="5|meeting", kind="dialogue", name="fifth Defence Dialogue")
    brief = report("b", ("vn", "jp"), date=None, published=None, kind="dialogue", key="5|meeting")
    (event,) = cluster_events([named, brief], ENTITIES)
    assert event.title.startswith("fifth Defence Dialogue")
    other = replace(named, document_id="c", key="6|meeting")
    assert len(cluster_events([named, other], ENTITIES)) == 2


def test_documents_signed_are_told_apart_by_what_was_signed() -> None:
    memo = report("a", (), type="AGREE", kind="signing", thing="memorandum")
    statement = replace(memo, document_id="b", thing="statement")
    assert len(cluster_events([memo, statement], ENTITIES)) == 2


def test_background_only_when_every_report_is() -> None:
    old = report("a", (), date="2011-01-01", end="2011-12-31", precision="year", background=True)
    (event,) = cluster_events([old, replace(old, document_id="b")], ENTITIES)
    assert event.background and event.precision == "year"
    news = report("c", date="2024-10-21")
    mixed = cluster_events([news, replace(news, document_id="d", background=True)], ENTITIES)
    assert not mixed[0].background


def test_a_range_keeps_its_last_day() -> None:
    (event,) = cluster_events([report("a", kind="visit", end="2024-10-23")], ENTITIES)
    assert (event.date, event.end_date) == ("2024-10-21", "2024-10-23")


def test_ids_do_not_depend_on_order_or_on_more_outlets() -> None:
    reports = [report("a"), report("b", kind="call", date="2024-03-14")]
    first = {e.title: e.id for e in cluster_events(reports, ENTITIES)}
    again = {e.title: e.id for e in cluster_events(list(reversed(reports)), ENTITIES)}
    more = {e.title: e.id for e in cluster_events([*reports, report("z")], ENTITIES)}
    assert first == again == more
    assert len(set(first.values())) == 2


def test_every_source_is_kept_even_from_copies() -> None:
    reports = [report("a"), report("copy"), report("a", at=300)]
    (event,) = cluster_events(reports, ENTITIES)
    assert len(event.sources) == 3


def test_a_yearless_report_joins_the_one_event_on_its_day() -> None:
    yearless = report("u", date=None, published=None, day="10-21")
    other_day = report("b", date="2024-10-25")
    events = cluster_events([report("a"), other_day, yearless], ENTITIES)
    joined = next(e for e in events if "u" in {s.document_id for s in e.sources})
    assert joined.date == "2024-10-21"


def test_a_yearless_report_with_two_events_on_its_day_joins_neither() -> None:
    spring = report("a", date="2023-10-21")
    autumn = report("b", date="2024-10-21")
    yearless = report("u", date=None, published=None, day="10-21")
    events = cluster_events([spring, autumn, yearless], ENTITIES)
    assert all("u" not in {s.document_id for s in e.sources} for e in events if e.date)


def test_news_dated_by_its_article_joins_the_event_its_text_dates_days_before() -> None:
    news = report("n", date="2024-10-22", published="2024-10-22", from_published=True)
    (event,) = cluster_events([report("a"), news], ENTITIES)
    assert event.date == "2024-10-21"  # the text's date, not the article's
    assert {s.document_id for s in event.sources} == {"a", "n"}


def test_news_dated_by_its_article_alone_keeps_that_date() -> None:
    news = report("n", date="2024-10-22", published="2024-10-22", from_published=True)
    (event,) = cluster_events([news], ENTITIES)
    assert event.date == "2024-10-22"


def test_an_undated_report_naming_more_people_joins_the_event_of_some_of_them() -> None:
    dated = report("a", ("minh", "sato"))
    fuller = report("u", ("minh", "sato", "lan"), date=None, published=None)
    (event,) = cluster_events([dated, fuller], ENTITIES)
    assert {s.document_id for s in event.sources} == {"a", "u"}


def test_meetings_of_the_same_people_months_apart_are_two_events() -> None:
    events = cluster_events([report("a"), report("b", date="2025-02-03")], ENTITIES)
    assert [e.date for e in events] == ["2024-10-21", "2025-02-03"]


def test_a_dated_articles_partial_report_does_not_reach_months_back() -> None:
    old = report("a", ("minh", "sato"), date="2024-03-05", published="2024-03-05")
    fuller = report("u", ("minh", "sato", "lan"), date=None, published="2024-10-22")
    events = cluster_events([old, fuller], ENTITIES)
    assert all("u" not in {s.document_id for s in e.sources} for e in events)


def test_a_yearless_report_naming_the_other_side_joins_the_one_event_on_its_day() -> None:
    # one page says the union walked out, an undated one that the company's staff did
    orgs = [Entity("union", "Kestrel Drivers Union", "ORG"), Entity("firm", "Harlow", "ORG")]
    strike = dict(type="PROTEST", kind="strike")
    union = report("a", ("union",), date="2024-10-21", **strike)
    firm = report("u", ("firm",), date=None, published=None, day="10-21", **strike)
    other = report("b", ("firm",), date="2024-10-25", **strike)
    events = cluster_events([union, other, firm], ENTITIES + orgs)
    joined = next(e for e in events if "u" in {s.document_id for s in e.sources})
    assert joined.date == "2024-10-21"
    assert {p.name for p in joined.participants} == {"Kestrel Drivers Union", "Harlow"}


def test_a_yearless_report_of_other_people_still_stays_apart() -> None:
    dated = report("a", ("minh", "sato"))
    yearless = report("u", ("lan", "khang"), date=None, published=None, day="10-21")
    events = cluster_events([dated, yearless], ENTITIES)
    (theirs,) = [e for e in events if "a" in {s.document_id for s in e.sources}]
    assert {s.document_id for s in theirs.sources} == {"a"}
