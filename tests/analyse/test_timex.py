"""Temporal expressions: a table of resolved examples and properties for any input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyse.timex import TimeExpression, find_time_expressions

SAT = date(2025, 2, 8)  # a Saturday
SUN = date(2025, 11, 2)  # a Sunday
TUE = date(2025, 11, 4)  # a Tuesday

Row = tuple[str, str, str, str, str]


def day(text: str, iso: str, direction: str) -> Row:
    return (text, iso, iso, "day", direction)


# (text, reference, expected (matched text, value, end_value, precision, direction)).
TABLE: list[tuple[str, date | None, list[Row]]] = [
    # Day and month, with and without a year.
    (
        "The two ministers spoke by phone on February 7.",
        SAT,
        [day("February 7", "2025-02-07", "past")],
    ),
    (
        "Our delegation landed on 7 February in the rain.",
        SAT,
        [day("7 February", "2025-02-07", "past")],
    ),
    ("The envoy flew home on Feb. 7 after the talks.", SAT, [day("Feb. 7", "2025-02-07", "past")]),
    ("We only arrived on Feb 7th, late at night.", SAT, [day("Feb 7th", "2025-02-07", "past")]),
    (
        "The accord was signed on March 3, 2021 in Geneva.",
        SAT,
        [day("March 3, 2021", "2021-03-03", "past")],
    ),
    (
        "The pact was sealed on Feb. 7 , 2025 in the capital .",
        date(2025, 2, 10),
        [day("Feb. 7 , 2025", "2025-02-07", "past")],
    ),
    (
        "Negotiations resumed on the 25th of April 2009.",
        date(2009, 5, 1),
        [day("25th of April 2009", "2009-04-25", "past")],
    ),
    (
        "Saturday , 25 April 2009 Doctors fear a new virus .",
        date(2009, 4, 25),
        [day("Saturday , 25 April 2009", "2009-04-25", "present")],
    ),
    (
        "The strike is planned for Tuesday, Feb. 7 at dawn.",
        date(2023, 1, 30),
        [day("Tuesday, Feb. 7", "2023-02-07", "future")],
    ),
    (
        "The page was updated 2009-04-25 by the web desk.",
        date(2009, 4, 26),
        [day("2009-04-25", "2009-04-25", "past")],
    ),
    # Year boundaries, tense and the nearest-date rule.
    (
        "A warehouse caught fire on December 28.",
        date(2025, 1, 3),
        [day("December 28", "2024-12-28", "past")],
    ),
    (
        "The summit will open on January 5 in Lima.",
        date(2024, 12, 20),
        [day("January 5", "2025-01-05", "future")],
    ),
    ("Voters will go to the polls on March 10.", SAT, [day("March 10", "2025-03-10", "future")]),
    ("The fair will be held on January 20.", SAT, [day("January 20", "2026-01-20", "future")]),
    (
        "The April 20 blowout remains a painful memory .",
        date(2011, 1, 10),
        [day("April 20", "2010-04-20", "past")],
    ),
    ("Schools stay shut until 6 May .", date(2009, 4, 28), [day("6 May", "2009-05-06", "future")]),
    # Leap days and impossible dates.
    (
        "The referendum took place on February 29.",
        date(2025, 3, 5),
        [day("February 29", "2024-02-29", "past")],
    ),
    ("The archive opened on Feb 29, 2024.", SAT, [day("Feb 29, 2024", "2024-02-29", "past")]),
    ("A memo dated February 29, 2023 turned out to be fake.", SAT, []),
    ("They claim it all happened on February 31.", SAT, []),
    ("Dial 9999 for the front desk.", SAT, []),
    # Named days.
    (
        "Airport rules changed after the Sept. 11 attacks .",
        date(2008, 9, 20),
        [day("Sept. 11", "2001-09-11", "past")],
    ),
    (
        "The attacks of September 11, 2001 shaped his career; before September 11 few knew him.",
        date(2011, 3, 21),
        [
            day("September 11, 2001", "2001-09-11", "past"),
            day("September 11", "2001-09-11", "past"),
        ],
    ),
    ("Activists of the April 6 Youth Movement marched again.", date(2011, 2, 1), []),
    ("Traffic crawled across 6 October Bridge .", date(2011, 1, 28), []),
    # Weekdays.
    (
        "A deal was struck on Sunday after long talks.",
        SUN,
        [day("Sunday", "2025-11-02", "present")],
    ),
    ("A deal was struck on Sunday after long talks.", TUE, [day("Sunday", "2025-11-02", "past")]),
    ("The two ministers will meet on Tuesday.", SUN, [day("Tuesday", "2025-11-04", "future")]),
    ("The ministers met on Tuesday.", date(2025, 11, 6), [day("Tuesday", "2025-11-04", "past")]),
    ("Prices jumped last Friday.", TUE, [day("last Friday", "2025-10-31", "past")]),
    ("The court rules next Monday.", TUE, [day("next Monday", "2025-11-10", "future")]),
    ("Results are due this Wednesday.", TUE, [day("this Wednesday", "2025-11-05", "future")]),
    ("Shells fell on the town on Monday night .", TUE, [day("Monday night", "2025-11-03", "past")]),
    (
        "Officials said Tuesday 's vote was calm .",
        date(2025, 11, 6),
        [day("Tuesday", "2025-11-04", "past")],
    ),
    (
        "Rebels said Monday they had taken the port .",
        date(2011, 3, 2),
        [day("Monday", "2011-02-28", "past")],
    ),
    (
        "`` We will meet them on Friday , '' the envoy said .",
        date(2025, 11, 5),
        [day("Friday", "2025-11-07", "future")],
    ),
    ("She writes a column for the Sunday Times.", TUE, []),
    ("The story ran in the Mail on Sunday first.", TUE, []),
    ("Murals recall Bloody Sunday in the old quarter.", TUE, []),
    ("The helpline is staffed Monday to Friday .", TUE, []),
    # Today, yesterday and friends.
    ("Officials said today that the border is open.", TUE, [day("today", "2025-11-04", "present")]),
    ("Yesterday the index fell sharply.", TUE, [day("Yesterday", "2025-11-03", "past")]),
    ("Talks resume tomorrow in Oslo.", TUE, [day("tomorrow", "2025-11-05", "future")]),
    ("The result is expected tonight.", TUE, [day("tonight", "2025-11-04", "present")]),
    (
        "Police cleared the square this morning.",
        TUE,
        [day("this morning", "2025-11-04", "present")],
    ),
    ("Two blasts shook the city last night .", TUE, [day("last night", "2025-11-03", "past")]),
    (
        "It rained the day before yesterday.",
        TUE,
        [day("the day before yesterday", "2025-11-02", "past")],
    ),
    ("According to USA Today the plan is dead.", TUE, []),
    # Ranges of days.
    (
        "The secretary is on an official visit from November 2 to 3.",
        SUN,
        [("November 2 to 3", "2025-11-02", "2025-11-03", "day", "present")],
    ),
    (
        "A visit planned for November 2-3 went ahead.",
        SUN,
        [("November 2-3", "2025-11-02", "2025-11-03", "day", "present")],
    ),
    (
        "The board meets on 2–3 November.",
        SUN,
        [("2–3 November", "2025-11-02", "2025-11-03", "day", "present")],
    ),
    (
        "The book fair runs from March 25-26 .",
        date(2025, 3, 20),
        [("March 25-26", "2025-03-25", "2025-03-26", "day", "future")],
    ),
    (
        "Voting took place between May 5 and 8 .",
        date(2025, 5, 20),
        [("May 5 and 8", "2025-05-05", "2025-05-08", "day", "past")],
    ),
    (
        "The festival lasted from March 30 to April 2, 2024.",
        SAT,
        [("March 30 to April 2, 2024", "2024-03-30", "2024-04-02", "day", "past")],
    ),
    (
        "Roads were closed between December 30 and January 2.",
        date(2025, 1, 10),
        [("December 30 and January 2", "2024-12-30", "2025-01-02", "day", "past")],
    ),
    ("A typo gave the dates as November 3-2 .", SUN, []),
    # Months.
    (
        "The minister made a trip to the US in September.",
        SAT,
        [("September", "2024-09-01", "2024-09-30", "month", "past")],
    ),
    (
        "The minister will travel to Paris in September.",
        SAT,
        [("September", "2025-09-01", "2025-09-30", "month", "future")],
    ),
    (
        "In May the party won a landslide.",
        SAT,
        [("May", "2024-05-01", "2024-05-31", "month", "past")],
    ),
    (
        "Since August 2024 the teams have met twice.",
        SAT,
        [("August 2024", "2024-08-01", "2024-08-31", "month", "past")],
    ),
    (
        "It was first agreed in July 2021 .",
        SAT,
        [("July 2021", "2021-07-01", "2021-07-31", "month", "past")],
    ),
    (
        "The well was capped in mid-June .",
        date(2010, 7, 17),
        [("mid-June", "2010-06-01", "2010-06-30", "month", "past")],
    ),
    (
        "We plan a trip in September this year.",
        SAT,
        [("September this year", "2025-09-01", "2025-09-30", "month", "future")],
    ),
    (
        "Clashes broke out in April and May .",
        date(2011, 6, 1),
        [
            ("April", "2011-04-01", "2011-04-30", "month", "past"),
            ("May", "2011-05-01", "2011-05-31", "month", "past"),
        ],
    ),
    (
        "The agency ordered doses that could be ready by October .",
        date(2009, 6, 11),
        [("October", "2009-10-01", "2009-10-31", "month", "future")],
    ),
    (
        "Exports fell last month.",
        date(2025, 1, 15),
        [("last month", "2024-12-01", "2024-12-31", "month", "past")],
    ),
    (
        "Exports should recover next month.",
        date(2024, 12, 15),
        [("next month", "2025-01-01", "2025-01-31", "month", "future")],
    ),
    (
        "He took office earlier this month.",
        TUE,
        [("earlier this month", "2025-11-01", "2025-11-30", "month", "present")],
    ),
    # Years and parts of years.
    (
        "The office first opened in 2011.",
        SAT,
        [("2011", "2011-01-01", "2011-12-31", "year", "past")],
    ),
    (
        "Both sides cited the 2011 Memorandum on defence ties.",
        SAT,
        [("2011", "2011-01-01", "2011-12-31", "year", "past")],
    ),
    (
        "Disputes fall under UNCLOS 1982 .",
        SAT,
        [("1982", "1982-01-01", "1982-12-31", "year", "past")],
    ),
    ("Profits rose last year.", SAT, [("last year", "2024-01-01", "2024-12-31", "year", "past")]),
    (
        "Profits will rise this year.",
        SAT,
        [("this year", "2025-01-01", "2025-12-31", "year", "present")],
    ),
    (
        "A new plant opens next year.",
        SAT,
        [("next year", "2026-01-01", "2026-12-31", "year", "future")],
    ),
    (
        "The next show is at the end of 2026 .",
        SUN,
        [("the end of 2026", "2026-12-01", "2026-12-31", "month", "future")],
    ),
    (
        "Work began in early 2025 .",
        SUN,
        [("early 2025", "2025-01-01", "2025-04-30", "month", "past")],
    ),
    (
        "Prices peaked in mid-2024 .",
        SUN,
        [("mid-2024", "2024-05-01", "2024-08-31", "month", "past")],
    ),
    (
        "The plan was drafted late last year .",
        date(2025, 3, 1),
        [("late last year", "2024-09-01", "2024-12-31", "month", "past")],
    ),
    (
        "A law is due by the end of the year .",
        date(2025, 3, 1),
        [("the end of the year", "2025-12-01", "2025-12-31", "month", "future")],
    ),
    (
        "The bridge fell two years ago.",
        SAT,
        [("two years ago", "2023-01-01", "2023-12-31", "year", "past")],
    ),
    ("The rig sank three days ago.", SAT, [day("three days ago", "2025-02-05", "past")]),
    ("Over the last year costs doubled.", SAT, []),
    # Spans of years: a period of precision year; decades are skipped.
    (
        "Thirty years of ties (1995–2025) were marked.",
        SAT,
        [("1995–2025", "1995-01-01", "2025-12-31", "year", "present")],
    ),
    (
        "Thirty years of ties -LRB- 1995-2025 -RRB- were marked .",
        SAT,
        [("1995-2025", "1995-01-01", "2025-12-31", "year", "present")],
    ),
    (
        "The club won the 2008-09 title .",
        SAT,
        [("2008-09", "2008-01-01", "2009-12-31", "year", "past")],
    ),
    ("Growth was slow in the 1990s and the mid-1990s.", SAT, []),
    # Not dates.
    ("They marked the 30th anniversary of relations.", SAT, []),
    ("He became the 29th US Secretary of Defence.", SAT, []),
    ("Delegates of the 14th National Party Congress met.", SAT, []),
    ("Inspectors opened 994 boxes in 160 joint operations .", SAT, []),
    ("Tickets cost $ 2 and the show starts at 10 a.m. sharp.", SAT, []),
    ("Five decades of rivalry ended.", SAT, []),
    ("Prices may rise and the may bush flowered.", SAT, []),
    ("May God protect them all.", SAT, []),
    ("The Security Council passed Resolution 1973 .", SAT, []),
    ("About 2000 people joined at 1900 GMT .", SAT, []),
    ("Police counted 1500 protesters .", SAT, []),
    # Without a reference only expressions carrying their year resolve.
    (
        "He arrived on February 7 and left on March 3 , 2021 .",
        None,
        [("March 3 , 2021", "2021-03-03", "2021-03-03", "day", "present")],
    ),
    (
        "The vote was held last year in 2019.",
        None,
        [("2019", "2019-01-01", "2019-12-31", "year", "present")],
    ),
    ("", SAT, []),
]


def _row(e: TimeExpression) -> Row:
    return (e.text, e.value, e.end_value, e.precision, e.direction)


@pytest.mark.parametrize(("text", "reference", "expected"), TABLE)
def test_table(text: str, reference: date | None, expected: list[Row]) -> None:
    found = find_time_expressions(text, reference)
    assert [_row(e) for e in found] == expected
    for e in found:
        assert text[e.start : e.end] == e.text


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 60


# ------------------------------------------------------------------ properties

VOCABULARY = [
    "May", "may", "March", "Feb.", "Sept", "December", "JANUARY", "Sunday", "Monday", "on",
    "in", "last", "next", "this", "the", "end", "of", "early", "mid-", "late", "year", "month",
    "today", "Today", "tonight", "yesterday", "ago", "two", "days", "between", "and", "to",
    "from", "-", "–", ",", ".", "'s", "will", "was", "said", "-LRB-", "-RRB-", "\n", "0", "1",
    "7", "7th", "13th", "29", "31", "32", "99", "1900", "1995-2025", "2008-09", "2011", "2100",
    "9999", "1990s", "9/11", "2009-04-25", "2009-02-30", "$", "GMT", "Resolution", "\x00",
]  # fmt: skip
DATEISH = st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join)
TEXTS = st.one_of(st.text(max_size=300), DATEISH)
REFERENCES = st.one_of(st.none(), st.dates())
SETTINGS = settings(max_examples=400, deadline=None)


def assert_well_formed(text: str, reference: date | None, found: list[TimeExpression]) -> None:
    previous_end = 0
    for e in found:
        assert previous_end <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        first, last = date.fromisoformat(e.value), date.fromisoformat(e.end_value)
        assert first <= last
        assert e.precision in {"day", "month", "year"}
        if reference is None:
            assert e.direction == "present"
        else:
            expected = "past" if last < reference else "future" if first > reference else "present"
            assert e.direction == expected
        previous_end = e.end


@SETTINGS
@given(TEXTS, REFERENCES)
def test_any_text_and_reference_are_handled(text: str, reference: date | None) -> None:
    assert_well_formed(text, reference, find_time_expressions(text, reference))


@SETTINGS
@given(DATEISH, st.sampled_from([date.min, date.max, date(2000, 2, 29), date(1, 12, 31)]))
def test_calendar_edges_never_raise(text: str, reference: date) -> None:
    assert_well_formed(text, reference, find_time_expressions(text, reference))


@pytest.mark.parametrize(
    "text",
    [
        "May" + " " * 50_000 + ",",
        "7 " * 30_000,
        "between " * 10_000,
        "\x00\xff\ufffd" * 10_000 + "February 7",
        "Monday to " * 5_000,
        "1995-" * 10_000,
    ],
)
def test_pathological_inputs_are_well_formed(text: str) -> None:
    # their speed (no catastrophic backtracking) is measured in bench/text_speed.py
    found = find_time_expressions(text, date(2025, 1, 1))
    assert_well_formed(text, date(2025, 1, 1), found)


def test_a_long_article_finds_every_expression() -> None:
    paragraph = (
        "On Tuesday, the minister said talks held on February 7 , 2025 and from November 2 to 3 "
        "would resume next month. In September 2024 about 2000 people marched; last year the "
        "2011 Memorandum was renewed, and by the end of 2026 a new plan will be ready.\n"
    )
    text = paragraph * (100_000 // len(paragraph))
    found = find_time_expressions(text, SAT)
    assert len(found) >= 8 * (100_000 // len(paragraph))


def test_wrong_argument_types_do_not_raise() -> None:
    assert find_time_expressions(None, SAT) == []  # type: ignore[arg-type]
    assert find_time_expressions("on Sunday", "2025-11-02") == []  # type: ignore[arg-type]


def test_a_reference_is_kept_by_the_day_it_stands_for() -> None:
    # Equal instants in two zones fall on two days: each text resolves against its own
    # day, whatever was read before; a reference that is no date is none, and never raises.
    text = "The port reopened yesterday after a week of talks."
    late = datetime(2025, 3, 4, 22, 0, tzinfo=UTC)
    early_next_day = datetime(2025, 3, 5, 1, 0, tzinfo=timezone(timedelta(hours=3)))
    assert late == early_next_day
    first = [e.value for e in find_time_expressions(text, late)]
    second = [e.value for e in find_time_expressions(text, early_next_day)]
    assert (first, second) == (["2025-03-03"], ["2025-03-04"])
    unhashable: Any = ["2025-03-04"]
    assert find_time_expressions(text, unhashable) == find_time_expressions(text, None)
