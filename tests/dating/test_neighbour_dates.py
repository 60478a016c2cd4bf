"""Undated pages dated by their nearest page in the collection, when the days they report fit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.dating.stories import Page, collection_dates

# Three stories of one topic: a ferry operator's dispute with its crews. The dated report
# of the offer being withdrawn came out on Tuesday 8 October 2024.
WITHDRAWN = (
    "Northsea Ferries withdrew its pay offer to the deck crews on Tuesday after two days of "
    "talks in Aberlow collapsed. The seafarers union said the company refused to improve "
    "overtime rates and rest periods. Managing director Carla Wendt told staff that further "
    "talks made no sense for now, and the mediator left the port without a new date."
)
VOTE = (
    "Deck crews at Northsea Ferries voted to end their stoppage on Sunday, accepting a "
    "contract worth 24% over three years. The seafarers union said ships would sail again "
    "from Wednesday, and the first crossings to Kelby were fully booked within hours."
)
LAYOFFS = (
    "Northsea Ferries will lay off 400 shore staff and sell two older vessels, chief "
    "executive Tomas Reyes said, as the dispute with its crews drains cash. The company "
    "expects a loss for the year and has delayed the delivery of its new hybrid ship."
)
DATED = [
    Page("d-withdrawn", WITHDRAWN, "2024-10-08", "header"),
    Page("d-vote", VOTE, "2024-11-04", "header"),
    Page("d-layoffs", LAYOFFS, "2024-10-11", "header"),
]


@pytest.fixture
def collection(analyzer: Analyzer) -> Callable[..., dict[str, Page]]:
    """The dated pages and ``undated`` ones (id -> text), all analysed."""

    def make(**undated: str) -> dict[str, Page]:
        pages = [*DATED, *(Page(i, text) for i, text in undated.items())]
        analyses = analyzer.analyse([(q.id, q.text) for q in pages])
        return {
            q.id: Page(q.id, q.text, q.published, q.how, analysis=a)
            for q, a in zip(pages, analyses, strict=True)
        }

    return make


def dates(pages: dict[str, Page]) -> dict[str, str | None]:
    return {i: d.value for i, d in collection_dates(list(pages.values())).items()}


# Another outlet's report of the withdrawal, in its own words.
def rewrite(day: str) -> str:
    return (
        f"The ferry operator Northsea Ferries pulled its offer to deck crews {day}, after "
        "talks in Aberlow broke down. Carla Wendt, the managing director, said more talks "
        "made no sense. The seafarers union accused the company of refusing to budge on "
        "overtime rates and rest periods."
    )


def test_a_past_weekday_fitting_the_nearest_pages_date_takes_it(
    collection: Callable[..., dict[str, Page]],
) -> None:
    pages = collection(u=rewrite("on Tuesday"))
    found = collection_dates(list(pages.values()))
    assert found["u"].value == "2024-10-08" and found["u"].how == "neighbour"
    assert "d-withdrawn" in found["u"].why and "Tuesday" in found["u"].why


def test_the_day_before_the_neighbours_date_fits_too(
    collection: Callable[..., dict[str, Page]],
) -> None:
    assert dates(collection(u=rewrite("on Monday"))) == {"u": "2024-10-08"}


def test_a_weekday_days_before_the_neighbours_date_gives_nothing(
    collection: Callable[..., dict[str, Page]],
) -> None:
    # Friday counted back from Tuesday 8 October is the 4th: another week's news
    assert dates(collection(u=rewrite("on Friday"))) == {}


def test_a_page_with_no_relative_day_gives_nothing(
    collection: Callable[..., dict[str, Page]],
) -> None:
    assert dates(collection(u=rewrite("this autumn"))) == {}


def test_a_planned_weekday_gives_nothing(collection: Callable[..., dict[str, Page]]) -> None:
    planned = (
        "Northsea Ferries will meet deck crews in Aberlow on Tuesday. Carla Wendt, the "
        "managing director, hopes talks on overtime rates and rest periods can resume."
    )
    assert dates(collection(u=planned)) == {}


def test_tonight_fits_a_neighbour_reporting_its_own_day(
    collection: Callable[..., dict[str, Page]],
) -> None:
    found = collection_dates(list(collection(u=rewrite("tonight")).values()))
    assert found["u"].value == "2024-10-08" and "own day" in found["u"].why


def test_tonight_needs_the_neighbours_own_weekday_on_its_date(analyzer: Analyzer) -> None:
    # the dated report says "today", not which day: nothing ties it to its stored date
    today = WITHDRAWN.replace("on Tuesday", "today")
    pages = [Page("d-withdrawn", today, "2024-10-08", "header"), *DATED[1:]]
    pages.append(Page("u", rewrite("tonight")))
    assert "u" not in collection_dates(analysed(analyzer, pages))


def test_a_nearer_undated_page_leaves_the_story_undated(
    collection: Callable[..., dict[str, Page]],
) -> None:
    # Two undated reports of a fourth story: each is the other's nearest page
    drill = (
        "Northsea Ferries crews held a lifeboat drill off Kelby harbour on Tuesday with the "
        "coastguard, lowering four boats and testing the new beacons and survival suits."
    )
    again = (
        "A lifeboat drill off Kelby harbour tested new beacons and survival suits on Tuesday, "
        "as the coastguard and Northsea Ferries crews lowered four boats."
    )
    assert dates(collection(u=drill, v=again)) == {}


def test_a_page_of_another_story_is_not_a_neighbour(
    collection: Callable[..., dict[str, Page]],
) -> None:
    unrelated = (
        "The city council approved a new library for the old market square on Tuesday, "
        "with reading rooms, a cafe and a garden for children."
    )
    assert dates(collection(u=unrelated)) == {}


def analysed(analyzer: Analyzer, pages: list[Page]) -> list[Page]:
    found = analyzer.analyse([(q.id, q.text) for q in pages])
    return [
        Page(q.id, q.text, q.published, q.how, analysis=a)
        for q, a in zip(pages, found, strict=True)
    ]


def listing(words: list[str]) -> str:
    return ", ".join(words).capitalize() + " news."


def test_a_neighbour_sharing_only_the_topics_words_gives_nothing(analyzer: Analyzer) -> None:
    # Four pages of four weeks list the dispute's words, each but the first leaving two
    # out; the undated page's nearest dated page shares only words three others use too.
    words = ["ferry", "crew", "union", "dispute", "overtime", "wage", "harbour", "vessel"]
    days = ("2024-10-08", "2024-10-15", "2024-10-22", "2024-10-29")
    pages = [
        Page(f"d{n}", listing([w for k, w in enumerate(words) if k not in drop]), day, "header")
        for n, (day, drop) in enumerate(zip(days, ((), (0, 1), (2, 3), (4, 5)), strict=True))
    ]
    undated = Page("u", listing(words) + " The crew walked out on Tuesday.")
    assert "u" not in collection_dates(analysed(analyzer, [*pages, undated]))


def test_two_pages_of_other_dates_nearly_as_near_give_nothing(analyzer: Analyzer) -> None:
    # The undated page tells two reports of two days, each page near it for half its words.
    first = ["ferry", "offer", "withdrawn", "mediator", "aberlow", "wendt"]
    second = ["shore", "layoffs", "staff", "vessels", "reyes", "hybrid"]
    pages = [
        Page("d1", listing([*first, "market"]), "2024-10-08", "header"),
        Page("d2", listing(second), "2024-10-09", "header"),
        Page("d3", listing(["council", "library", "garden", "market"]), "2024-11-04", "header"),
        Page("u", listing(first + second) + " The company said so on Tuesday."),
    ]
    assert "u" not in collection_dates(analysed(analyzer, pages))


def test_rare_words_may_be_shared_with_several_reports_of_the_date(analyzer: Analyzer) -> None:
    # Two reports of one day each share three of the undated page's rare words, and the
    # topic's words are everywhere; neither report alone shares enough to set it apart.
    first = ["aberlow", "mediator", "wendt"]
    second = ["overtime", "rota", "gangway"]
    topic = ["ferry", "crew", "union", "dispute"]
    pages = [
        Page("d1", listing([*first, *topic]), "2024-10-08", "header"),
        Page("d2", listing([*second, *topic]), "2024-10-08", "header"),
        Page("d3", listing(["shore", "layoffs", *topic]), "2024-11-04", "header"),
        Page("d4", listing(["vessel", "hybrid", *topic]), "2024-11-12", "header"),
        Page("u", listing([*first, *second, *topic]) + " The crew walked out on Tuesday."),
    ]
    found = collection_dates(analysed(analyzer, pages))
    assert {i: d.value for i, d in found.items()} == {"u": "2024-10-08"}
