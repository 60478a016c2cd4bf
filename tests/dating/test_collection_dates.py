"""Undated pages dated by the rest of their collection: a shared report, a settled year."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.dating.stories import Page, collection_dates

# Two sentences a rewrite keeps word for word from the wire report it is built on.
WIRE = (
    "The carmaker Harlow Motors pulled its final pay offer late on Tuesday after two days "
    "of talks with a federal mediator ended without any agreement between the two sides. "
    "Company officials said that further bargaining would serve no purpose until the "
    "drivers union was ready to accept a realistic settlement for its striking members."
)
DATED = Page(
    "d1", "Dunmore, drivers strike. " + WIRE + " Pickets stayed out.", "2024-10-09", "header"
)
OTHER = Page(
    "d2",
    "A new bridge opened over the river, cutting travel time for commuters by half.",
    "2024-10-20",
    "header",
)


def rewrite(text: str = WIRE) -> Page:
    """An undated page of another outlet: its own opening and close around the passage."""
    return Page(
        "u",
        "Striking drivers gathered outside the plant gates in the cold morning rain as "
        "their leaders weighed the next step in a dispute now in its fourth week. "
        + text
        + " Local shops near the plant say trade has fallen sharply since the walkout, and "
        "several suppliers have sent their own workers home until production restarts.",
    )


def test_an_undated_rewrite_of_a_dated_report_takes_its_date() -> None:
    found = collection_dates([DATED, OTHER, rewrite()])
    assert found["u"].value == "2024-10-09" and found["u"].how == "story"
    assert "d1" in found["u"].why


def test_a_passage_shared_with_pages_of_two_dates_settles_nothing() -> None:
    later = Page("d3", "Looking back. " + WIRE + " Talks resumed.", "2024-10-20", "header")
    assert "u" not in collection_dates([DATED, later, rewrite()])


def test_a_shared_quote_alone_is_not_the_same_report() -> None:
    quote = "further bargaining would serve no purpose until the drivers union was ready"
    assert "u" not in collection_dates([DATED, OTHER, rewrite(f'The company said "{quote}".')])


@pytest.fixture
def yearless(analyzer: Analyzer) -> Callable[[str], Page]:
    """An undated page with ``sentence``, analysed (the weekday cue reads its parse)."""

    def make(sentence: str) -> Page:
        text = "Drivers at Harlow Motors remain on strike. " + sentence
        (analysis,) = analyzer.analyse([("y", text)])
        return Page("y", text, analysis=analysis)

    return make


def test_a_yearless_weekday_date_takes_the_collections_one_year(
    yearless: Callable[[str], Page],
) -> None:
    page = yearless("The union announced on Saturday, October 19 that talks had resumed.")
    found = collection_dates([DATED, OTHER, page])
    assert found["y"].value == "2024-10-19" and found["y"].how == "collection-year"


def test_a_weekday_that_does_not_fit_gives_nothing(yearless: Callable[[str], Page]) -> None:
    page = yearless("The union announced on Friday, October 19 that talks had resumed.")
    assert "y" not in collection_dates([DATED, OTHER, page])


def test_a_day_outside_the_collection_gives_nothing(yearless: Callable[[str], Page]) -> None:
    # November 23 is a Saturday in 2024, but after the collection's last page
    page = yearless("The union announced on Saturday, November 23 that talks had resumed.")
    assert "y" not in collection_dates([DATED, OTHER, page])


def test_a_yearless_date_without_its_weekday_or_in_the_future_gives_nothing(
    yearless: Callable[[str], Page],
) -> None:
    bare = yearless("The union announced on October 19 that talks had resumed.")
    planned = yearless("The union will hold a vote on Saturday, October 19.")
    found = collection_dates([DATED, OTHER, bare, Page("z", planned.text)])
    assert "y" not in found and "z" not in found


def test_a_text_naming_a_later_year_is_history(yearless: Callable[[str], Page]) -> None:
    page = yearless(
        "The union announced on Saturday, October 19 that talks had resumed. "
        "A new contract is due in 2026."
    )
    assert "y" not in collection_dates([DATED, OTHER, page])


def test_nothing_is_dated_without_a_dated_page(yearless: Callable[[str], Page]) -> None:
    page = yearless("The union announced on Saturday, October 19 that talks had resumed.")
    assert collection_dates([rewrite(), page]) == {}


def test_pages_with_dates_keep_them() -> None:
    found = collection_dates([DATED, OTHER, rewrite()])
    assert set(found) == {"u"}


def test_a_large_collection_skips_the_story_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    # comparing every undated page with every dated one is bounded: past the bound the
    # rewrite is left undated (the weekday cue alone would still run)
    import dateline.dating.stories as stories

    assert "u" in collection_dates([DATED, OTHER, rewrite()])
    monkeypatch.setattr(stories, "STORY_DATED", 1)
    assert "u" not in collection_dates([DATED, OTHER, rewrite()])
