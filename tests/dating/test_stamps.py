"""Page stamps of scraped articles: "Published"/"Updated" lines, date lines, digits."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.dating import (
    choose_publication_date,
    dateline_candidate,
    find_date_candidates,
    read_date,
    stamp_candidates,
)
from dateline.model import PublicationDate, RawDocument

TODAY = date(2025, 12, 1)
TITLE = "Harbour workers end week-long stoppage"
LEDE = (
    "Dock workers at the northern harbour returned to work after the port authority "
    "agreed to review night-shift pay, union officials said."
)
MORE = [
    "The stoppage had left more than forty ships waiting at anchor outside the breakwater.",
    "Exporters of fruit and timber said the delays had cost them several contracts.",
    "A spokesperson for the authority said the review would be finished within a month.",
    "The union said it would call another stoppage if the review stalled.",
    "Shipping lines have added extra sailings to clear the backlog.",
    "Traders said prices at the fish market had already begun to fall.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def dated(text: str) -> PublicationDate:
    raw = RawDocument(path="page.txt", record=0, format="text", raw=text)
    return choose_publication_date(find_date_candidates(raw, text), today=TODAY)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("28-3-2025", "2025-03-28"),  # 28 cannot be a month
        ("27/12/2024", "2024-12-27"),
        ("12/27/2024", "2024-12-27"),  # 27 cannot be a month
        ("05.05.2025", "2025-05-05"),  # both readings agree
        ("03/04/2025", None),  # 3 April or March 4: no documented way to tell
        ("31/02/2025", "2025-02-31"),  # read as written; validation rejects it
    ],
)
def test_dates_in_digits(written: str, expected: str | None) -> None:
    assert read_date(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (page("ADVERTISEMENT", TITLE, "Published Mar 4, 2025 01:04 pm", LEDE), "2025-03-04"),
        (page(TITLE, "Published - March 4, 2025 03:10 am IST", LEDE), "2025-03-03"),  # UTC
        (page(TITLE, "Posted on: Tuesday, March 4, 2025", LEDE), "2025-03-04"),
        (page(TITLE, "Publicado el 28/03/2025", LEDE), "2025-03-28"),
        (page(TITLE, "Updated March 5, 2025 at 11:40 p.m. EDT", LEDE), "2025-03-06"),  # UTC
        # a published stamp outranks an update stamp, wherever each stands
        (page(TITLE, "Updated March 6, 2025", "Published March 5, 2025", LEDE), "2025-03-05"),
        (page(TITLE, "March 4, 2025", LEDE), "2025-03-04"),
        (page(TITLE, "Mar 4, 2025, 1:56 PM", LEDE), "2025-03-04"),
        (page(TITLE, "By Ana ReyesMarch 4, 2025", LEDE), "2025-03-04"),  # fused byline
        (page("28-3-2025 (HANOI) " + LEDE, *MORE), "2025-03-28"),  # dateline in digits
        (page(TITLE, LEDE, *MORE, "27/12/2024", "COMMENTS"), "2024-12-27"),  # under the text
    ],
)
def test_stamps_date_the_page(text: str, expected: str) -> None:
    found = dated(text)
    assert found.value == expected
    assert found.how in {"published-line", "updated-line", "timestamp", "end-stamp", "dateline"}
    assert found.why


def test_each_stamp_says_how_it_was_found() -> None:
    hows = {
        "published-line": page(TITLE, "Published March 4, 2025", LEDE),
        "updated-line": page(TITLE, "Last updated: March 4, 2025", LEDE),
        "timestamp": page(TITLE, "March 4, 2025", LEDE),
        "end-stamp": page(TITLE, LEDE, *MORE, "March 4, 2025"),
        "dateline": page("28/3/2025 – " + LEDE),
    }
    for how, text in hows.items():
        assert dated(text).how == how, how


@pytest.mark.parametrize(
    "text",
    [
        # impossible, ambiguous and future dates
        page(TITLE, "31/02/2025", LEDE),
        page(TITLE, "Published 03/04/2025", LEDE),
        page("03/04/2025 (HANOI) " + LEDE),
        page(TITLE, "Published March 4, 2031", LEDE),
        # a stamp without a year
        page(TITLE, "4 March, 07:24 GMT", LEDE),
        # a related-headline list at the bottom: its dates belong to other articles
        page(
            TITLE,
            LEDE,
            *MORE,
            "Rail union votes on new rota for weekend services",
            "14/05/2025",
            "Airport fuel shortage grounds evening flights",
            "12/05/2025",
        ),
        page(TITLE, LEDE, *MORE, "Ferry operator orders two electric vessels", "14/05/2025"),
        # a lone time stamp beside a related headline, inside the text, no year
        page(TITLE, LEDE, "4 March, 07:24 GMT", *MORE),
        # two different bare dates at the top: a list of dated items, not the page's stamp
        page(
            "Latest", "Rail union votes on rota", "14/05/2025", "Fuel shortage", "13/05/2025", LEDE
        ),
        page(
            "Latest", "Rail union votes on rota", "14/05/2025", "Fuel shortage", "12/05/2025", LEDE
        ),
        # a published line deep in the text cites some other report
        page(TITLE, LEDE, *MORE, "Published March 4, 2025"),
        # digits in running text are not stamps
        page(TITLE, "The score was 28-3-2025 in the final, fans said.", LEDE),
    ],
)
def test_hostile_stamps_leave_the_page_undated(text: str) -> None:
    found = dated(text)
    assert found.value is None, found.why


def test_an_impossible_stamp_is_reported_as_rejected() -> None:
    found = dated(page(TITLE, "Published 31/02/2025", LEDE))
    assert found.value is None
    assert "not a real calendar date" in found.why


def test_stamps_in_other_languages() -> None:
    texts = ("Publié le 14/3/2025", "Veröffentlicht am 14.3.2025", "Diterbitkan 14/3/2025")
    for line in texts:
        assert [c.value for c in stamp_candidates(page(TITLE, line, LEDE))] == ["2025-03-14"]


def test_a_dateline_in_digits_needs_a_place_or_a_dash() -> None:
    assert dateline_candidate("28-3-2025 (HANOI) " + LEDE) is not None
    assert dateline_candidate("28-3-2025 was the day " + LEDE) is None
    assert dateline_candidate("28-3-2025 (approx.) " + LEDE) is None
