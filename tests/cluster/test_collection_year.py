"""A yearless report from an undated article takes the year the collection settles."""

from __future__ import annotations

import datetime as dt

from dateline.cluster.events import cluster_events, collection_window, year_in_window
from dateline.extract.events import EventMention
from dateline.model import Entity, Participant, Source

ENTITIES = [Entity("firm", "Harlow Motors", "ORG"), Entity("union", "Kestrel Union", "ORG")]


def report(
    doc: str,
    *,
    date: str | None = None,
    published: str | None = None,
    day: str | None = None,
    kind: str = "strike",
    type: str = "PROTEST",
    parties: tuple[str, ...] = ("union", "firm"),
) -> EventMention:
    return EventMention(
        document_id=doc,
        type=type,
        kind=kind,
        trigger=kind,
        trigger_start=0,
        trigger_end=5,
        source=Source(doc, 0, 40),
        participants=tuple(Participant(p, p.title()) for p in parties),
        date=date,
        end=date,
        precision="day" if date else None,
        published=published,
        day=day,
    )


def withdrawal(doc: str = "u", day: str = "10-08") -> EventMention:
    """'The company withdrew its offer on October 8', on a page without a date."""
    return report(doc, day=day, kind="withdrawal", type="REJECT", parties=("firm",))


def strike_reports() -> list[EventMention]:
    """Three dated reports of a strike, all in one autumn."""
    return [
        report("a", date="2024-09-13", published="2024-09-14"),
        report("b", date="2024-09-13", published="2024-09-20"),
        report("c", date="2024-09-13", published="2024-10-25"),
    ]


def sources(event: object) -> set[str]:
    return {s.document_id for s in event.sources}  # type: ignore[attr-defined]


def test_a_yearless_day_inside_the_collection_takes_its_year() -> None:
    events = cluster_events([*strike_reports(), withdrawal()], ENTITIES)
    (withdrawn,) = [e for e in events if "u" in sources(e)]
    assert (withdrawn.date, withdrawn.precision) == ("2024-10-08", "day")
    assert withdrawn.type == "REJECT"


def test_two_yearless_reports_of_one_day_are_one_event() -> None:
    events = cluster_events([*strike_reports(), withdrawal("u"), withdrawal("v")], ENTITIES)
    (withdrawn,) = [e for e in events if sources(e) & {"u", "v"}]
    assert sources(withdrawn) == {"u", "v"} and withdrawn.date == "2024-10-08"


def test_a_day_after_the_last_article_is_not_dated() -> None:
    # the last article is of late October: a report of November 20 cannot be this year's
    # (an article reports the past) and last year's is outside the collection
    events = cluster_events([*strike_reports(), withdrawal(day="11-20")], ENTITIES)
    assert all(e.date is None for e in events if "u" in sources(e))


def test_a_collection_over_two_years_leaves_the_day_yearless() -> None:
    reports = [
        report("a", date="2023-09-13", published="2023-09-14"),
        report("b", date="2024-09-13", published="2024-10-25"),
        withdrawal(),
    ]
    events = cluster_events(reports, ENTITIES)
    assert all(e.date is None for e in events if "u" in sources(e))


def test_a_collection_of_dated_articles_is_unchanged() -> None:
    # every page dated: no report is yearless, so the window changes nothing
    dated = [*strike_reports(), report("d", date="2024-10-08", published="2024-10-09")]
    plain = cluster_events(dated, ENTITIES)
    windowed = cluster_events(dated, ENTITIES, published=["2024-09-14", "2024-10-25"])
    assert plain == windowed


def test_publication_dates_of_pages_without_events_widen_the_window() -> None:
    # the reports' own articles end in September; another page of the collection is from
    # late October, so October 8 lies inside the collection
    early = [report("a", date="2024-09-13", published="2024-09-14"), withdrawal()]
    alone = cluster_events(early, ENTITIES)
    assert all(e.date is None for e in alone if "u" in sources(e))
    wider = cluster_events(early, ENTITIES, published=["2024-09-14", "2024-10-25", None])
    (withdrawn,) = [e for e in wider if "u" in sources(e)]
    assert withdrawn.date == "2024-10-08"


def test_the_window_opens_a_little_before_the_first_article() -> None:
    window = collection_window(["2024-09-14", "2024-10-25"])
    assert window is not None
    assert year_in_window("09-01", window) == "2024-09-01"  # days before the first page
    assert year_in_window("06-01", window) is None  # months before: not this collection's
    assert year_in_window("10-26", window) is None  # after the last page


def test_undated_collections_use_the_days_their_texts_give() -> None:
    window = collection_window([None, None], [report("a", date="2024-09-13")])
    assert window == (dt.date(2024, 8, 13), dt.date(2024, 9, 13))
    assert collection_window([None]) is None
    assert year_in_window("09-01", None) is None


def test_a_leap_day_outside_a_leap_year_has_no_year() -> None:
    window = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert year_in_window("02-29", window) is None
    assert year_in_window("02-28", window) == "2023-02-28"
