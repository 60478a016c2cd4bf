"""An undated article's report of a weekday joins the one dated event on such a day."""

from __future__ import annotations

from dateline.cluster.events import cluster_events
from dateline.extract.events import EventMention
from dateline.model import Entity
from tests.conftest import event_report

ENTITIES = [
    Entity("ceo", "Dana Whitfield", "PERSON"),
    Entity("aide", "Rui Matos", "PERSON"),
    Entity("union", "Kestrel Transport Workers Union", "ORG"),
    Entity("firm", "Harlow Corp.", "ORG"),
]


def report(
    doc: str, *parties: str, date: str | None = None, weekday: int | None = None
) -> EventMention:
    people = tuple(p for p in parties if p in ("ceo", "aide"))
    # an undated report keeps only the weekday; a dated one is published in the window
    published = "2023-11-08" if date else None
    return event_report(doc, "deal", "AGREE", parties, trigger="reached", day=date,
                        people=people, weekday=weekday, published=published)  # fmt: skip


def test_a_monday_report_joins_the_one_deal_dated_on_a_monday() -> None:
    dated = report("a", "ceo", date="2023-11-06")  # a Monday
    (event,) = cluster_events([dated, report("b", "union", "firm", weekday=0)], ENTITIES)
    assert event.date == "2023-11-06"
    assert {p.name for p in event.participants} >= {"Kestrel Transport Workers Union"}


def test_another_weekday_or_two_candidates_join_nothing() -> None:
    dated = report("a", "ceo", date="2023-11-06")
    events = cluster_events([dated, report("b", "union", "firm", weekday=1)], ENTITIES)
    assert [e.date for e in events] == ["2023-11-06"]
    assert "Kestrel Transport Workers Union" not in {p.name for p in events[0].participants}
    two = [dated, report("c", "ceo", date="2023-10-30"), report("b", "union", weekday=0)]
    events = cluster_events(two, ENTITIES)
    assert all(
        "Kestrel Transport Workers Union" not in {p.name for p in e.participants} for e in events
    )


def test_an_event_holding_its_people_comes_before_the_weekday() -> None:
    thursday = report("a", "ceo", "aide", date="2023-10-26")
    friday = report("b", "ceo", date="2023-11-03")
    undated = report("c", "ceo", "aide", weekday=4)
    events = cluster_events([thursday, friday, undated], ENTITIES)
    joined = next(e for e in events if "c" in {s.document_id for s in e.sources})
    assert joined.date == "2023-10-26"
