from __future__ import annotations

from datetime import date

import pytest

from dateline.dating import (
    choose_publication_date,
    date_from_duplicate,
    dateline_candidate,
    file_path_candidate,
    find_date_candidates,
    inferred_candidate,
    path_candidate,
    read_date,
    rejection,
)
from dateline.dating.choose import NOTHING_FOUND
from dateline.model import DateCandidate, PublicationDate, RawDocument

TODAY = date(2025, 12, 1)
BODY = "The council met to discuss the budget for the coming year."


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Nov. 2, 2025", "2025-11-02"),
        ("November 2nd, 2025", "2025-11-02"),
        ("2 November 2025", "2025-11-02"),
        ("2nd of November, 2025", "2025-11-02"),
        ("Sept 9 2024", "2024-09-09"),
        ("9 Sept. 2024", "2024-09-09"),
        ("June 3 , 2010", "2010-06-03"),
        ("2025-11-02", "2025-11-02"),
        ("February 30, 2025", "2025-02-30"),  # read as written; validation rejects it
        ("November 2025", None),
        ("November 2", None),
        ("2025", None),
    ],
)
def test_read_date(written: str, expected: str | None) -> None:
    assert read_date(written) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("HANOI, Nov. 2, 2025 (VNA) – ", "2025-11-02"),
        ("Hanoi, November 3, 2025 — ", "2025-11-03"),
        ("WASHINGTON, March 3, 2025 (Reuters) - ", "2025-03-03"),
        ("LONDON, 4 March 2025 (AFP) – ", "2025-03-04"),
        ("Ho Chi Minh City, 3rd March 2025 -- ", "2025-03-03"),
        ("Rio de Janeiro, Sept. 9, 2024 (AP) ", "2024-09-09"),
        ("WASHINGTON, D.C., Sept. 9, 2024 – ", "2024-09-09"),
        ("PARIS, Tuesday, March 4, 2025 – ", "2025-03-04"),
        ("NAIROBI , June 2 , 2025 -LRB- Reuters -RRB- - ", "2025-06-02"),
        # page timestamps opening the text
        ("BERLIN | Tue Mar 4 , 2025 6:09 pm GMT BERLIN -LRB- Reuters -RRB- - ", "2025-03-04"),
        ("Tuesday 4 March 2025 09.30 GMT ", "2025-03-04"),
        ("09:30 UK time , Tuesday , 4 March 2025 ", "2025-03-04"),
        ("March 4, 2025 at 7:03 pm ", "2025-03-04"),
        # a dateline without a year gives nothing
        ("Hanoi (VNA) – ", None),
        ("WASHINGTON, March 3 (Reuters) - ", None),
        ("HÀ NỘI — ", None),
        # not datelines
        ("PARIS, Monday, March 4, 2025 – ", None),  # the weekday is wrong
        ("March 3, 2025 — ", None),
        ("Officials said, March 3, 2025 — ", None),
        ("The report of March 3, 2025 (pdf) said ", None),
        ("Tuesday 4 March 2025 was a rainy day and ", None),
    ],
)
def test_dateline(opening: str, expected: str | None) -> None:
    found = dateline_candidate(opening + BODY)
    assert (found.value if found else None) == expected
    if found:
        assert found.how == "dateline" and found.evidence in opening + BODY


def test_dateline_may_follow_a_title_and_captions_but_not_the_body() -> None:
    lines = ["Council agrees budget", "The mayor at the town hall. (Photo: Staff)"]
    dated = "HANOI, Nov. 2, 2025 (VNA) – " + BODY
    assert dateline_candidate("\n\n".join([*lines, dated])) is not None
    assert dateline_candidate("\n\n".join([*lines, *[BODY] * 6, dated])) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said today (November 3, 2025) that the budget is balanced.", "2025-11-03"),
        ("Speaking today, Monday, November 3, 2025, the mayor said", "2025-11-03"),
        ("November 3, 2025 (today) marks the end of the consultation.", "2025-11-03"),
        ("November 3 , 2025 -LRB- today -RRB- marks the end .", "2025-11-03"),  # tokenised
        ("November 3, 2025 (later today) marks the end.", None),  # not the text's own day
        # weekday disagrees, or two different "today"s: not trusted
        ("Speaking today, Tuesday, November 3, 2025, the mayor said", None),
        ("It is today (November 3, 2025). No, today (November 4, 2025).", None),
        # dates that are only mentioned
        ("The 2011 memorandum builds on the 1982 convention.", None),
        ("On October 31 the deputy minister signed it.", None),
        ("Talks were held from November 2 to 3 (1995-2025).", None),
        ("On Monday, November 3, 2025, the council voted.", None),  # the event's date
        ("The report, published on March 3, 2024, found little.", None),
        ("\n".join([BODY] * 6 + ["Today (November 3, 2025) is different."]), None),
    ],
)
def test_inferred(text: str, expected: str | None) -> None:
    found = inferred_candidate(text)
    assert (found.value if found else None) == expected
    if found:
        assert found.how == "inferred"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2025/11/03/talks.html", "2025-11-03"),
        ("https://news.example/2025-3-4-talks", "2025-03-04"),
        ("https://news.example/world/2025/11/talks.html", None),
        ("https://news.example/2025/13/40/", None),
        ("https://news.example/story-20251103", None),
    ],
)
def test_path(url: str, expected: str | None) -> None:
    found = path_candidate(url)
    assert (found.value if found else None) == expected


def test_find_candidates_keeps_reader_ones_first_and_ignores_file_paths() -> None:
    meta = DateCandidate("2025-03-04", "html-meta", '<meta property="article:published_time">')
    text = "HANOI, March 3, 2025 (VNA) – " + BODY
    raw = RawDocument(
        path="/corpus/2024-01-01/page.html",
        record=0,
        format="html",
        raw=text,
        url="https://news.example/2025/03/02/page",
        date_candidates=(meta,),
    )
    found = find_date_candidates(raw, text)
    assert [(c.how, c.value) for c in found] == [
        ("html-meta", "2025-03-04"),
        ("dateline", "2025-03-03"),
        ("path", "2025-03-02"),
    ]


@pytest.mark.parametrize(
    ("value", "how", "reason"),
    [
        ("2025-11-02", "header", None),
        ("1900-01-01", "record", None),
        ("2025-12-02", "dateline", None),  # today + 1: another time zone
        ("2025-12-03", "dateline", "in the future"),
        ("1899-12-31", "record", "before 1900"),
        ("9999-99-99", "html-meta", "not a real calendar date"),
        ("2025-02-30", "html-meta", "not a real calendar date"),
        ("2025/11/02", "html-meta", "not a YYYY-MM-DD date"),
        ("20251102", "html-meta", "not a YYYY-MM-DD date"),
        ("2025-11-02", "pigeon", "unknown source"),
    ],
)
def test_validation(value: str, how: str, reason: str | None) -> None:
    found = rejection(DateCandidate(value, how, "x"), today=TODAY)
    assert found == reason if reason is None else reason in found


def c(value: str, how: str, evidence: str = "seen") -> DateCandidate:
    return DateCandidate(value, how, evidence)


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([c("2025-11-01", "path"), c("2025-11-02", "inferred")], ("2025-11-02", "inferred")),
        ([c("2025-11-02", "inferred"), c("2025-11-03", "dateline")], ("2025-11-03", "dateline")),
        ([c("2025-11-03", "dateline"), c("2025-11-04", "record")], ("2025-11-04", "record")),
        ([c("2025-11-04", "record"), c("2025-11-05", "html-meta")], ("2025-11-05", "html-meta")),
        ([c("2025-11-05", "html-meta"), c("2025-11-06", "header")], ("2025-11-06", "header")),
        ([c("2025-02-30", "header"), c("2025-03-01", "dateline")], ("2025-03-01", "dateline")),
        ([c("2025-03-01", "html-meta"), c("2025-03-02", "html-meta")], ("2025-03-01", "html-meta")),
        ([c("2030-01-01", "header"), c("2025-01-01", "path")], ("2025-01-01", "path")),
        ([c("2025-01-01", "duplicate")], (None, None)),
        ([], (None, None)),
    ],
)
def test_choice_follows_priority(candidates: list[DateCandidate], expected: tuple) -> None:
    chosen = choose_publication_date(candidates, today=TODAY)
    assert (chosen.value, chosen.how) == expected
    assert chosen.why


def test_why_names_the_winner_the_others_and_the_rejected() -> None:
    chosen = choose_publication_date(
        [
            c("9999-99-99", "html-meta", "<meta>"),
            c("2025-11-02", "dateline", "HANOI, Nov. 2, 2025 (VNA) –"),
            c("2025-11-02", "path", "https://news.example/2025/11/02/x"),
            c("2025-11-03", "inferred", "today (November 3, 2025)"),
        ],
        today=TODAY,
    )
    assert chosen.value == "2025-11-02"
    assert chosen.why.startswith("dateline 2025-11-02 ('HANOI, Nov. 2, 2025 (VNA) –')")
    assert "agreeing: date in the URL" in chosen.why
    assert "outranked: date the text gives as its own '2025-11-03'" in chosen.why
    assert "rejected: HTML metadata '9999-99-99'" in chosen.why
    assert "not a real calendar date" in chosen.why


def test_why_when_nothing_is_found() -> None:
    none = choose_publication_date([], today=TODAY)
    assert none == PublicationDate(None, None, NOTHING_FOUND)
    bad = choose_publication_date([c("2025-02-30", "header", " date 2025-02-30 ")], today=TODAY)
    assert bad.value is None
    assert bad.why.startswith(NOTHING_FOUND) and "not a real calendar date" in bad.why


def test_an_undated_duplicate_takes_the_canonical_date() -> None:
    canonical = PublicationDate("2025-02-08", "header", "date header 2025-02-08")
    undated = PublicationDate(None, None, NOTHING_FOUND)
    taken = date_from_duplicate(undated, canonical, "d123")
    assert (taken.value, taken.how) == ("2025-02-08", "duplicate")
    assert "d123" in taken.why and "date header" in taken.why


def test_a_dated_duplicate_keeps_its_own_date() -> None:
    canonical = PublicationDate("2025-02-08", "header", "date header 2025-02-08")
    own = PublicationDate("2025-02-09", "dateline", "dateline 2025-02-09")
    assert date_from_duplicate(own, canonical, "d123") == own


def test_an_undated_duplicate_of_an_undated_canonical_stays_undated() -> None:
    undated = PublicationDate(None, None, NOTHING_FOUND)
    still = date_from_duplicate(undated, undated, "d123")
    assert still.value is None and still.how is None
    assert "d123" in still.why


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("corpus/InputDocs/2011-01-25/138.htm.txt", "2011-01-25"),
        ("feeds/2009-06-30_flu-update.txt", "2009-06-30"),
        ("2010-04-22/2010-04-23/late.txt", "2010-04-23"),
        ("archive/20110125/138.txt", None),  # not an ISO component
        ("reports/v2011-01-25x.txt", None),  # digits inside a name
    ],
)
def test_date_from_a_file_path(path: str, expected: str | None) -> None:
    found = file_path_candidate(path)
    assert (found.value if found else None) == expected
    if found:
        assert found.how == "path"
