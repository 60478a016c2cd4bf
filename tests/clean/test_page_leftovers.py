"""Web-page leftovers real scrapes carry, removed by their shape; article text kept.

The articles are made up for these tests; the leftovers imitate the kinds real pages carry
(menus, credits, counters, prompts, bylines, stamps, file names, related headlines).
"""

from __future__ import annotations

import pytest

from dateline.clean import apply_edits, clean, not_article, text_for_dating
from dateline.clean import rules as r

PARAS = (
    "The harbour board of Westholm approved a plan to deepen the main channel on Monday.",
    "Dredging will begin in March and cost about 40 million euros, the board said.",
    "Fishing crews warned that the work could disturb spawning grounds near the pier.",
)
BODY = "\n\n".join(PARAS)


def page(*before: str, after: tuple[str, ...] = ()) -> str:
    return "\n\n".join((*before, BODY, *after))


def removed(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in clean(raw).edits:
        if e.reason != r.BLANK_LINES:
            out[e.reason] = out.get(e.reason, "") + raw[e.start : e.end]
    return out


def assert_body_kept(raw: str) -> str:
    text = clean(raw).text
    for para in PARAS:
        assert para in text
    return text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", r.ADVERT),
        ("Advertisement", r.ADVERT),
        ("Subscribe", r.UI_LINE),
        ("[excerpt]", r.UI_LINE),
        ("see less | View Image Page", r.UI_LINE),
        ("Leave a comment", r.UI_LINE),
        ("1,204 people read this story!", r.COUNTER),
        ("There are 3 comments.", r.COUNTER),
        ("2024-06-01 09:15 482 views", r.COUNTER),
        ("Get our five best reads delivered to your inbox every Friday.", r.PROMPT),
        ("By Maria Lindqvist", r.BYLINE),
        ("By Newsroom Staff, Wires", r.BYLINE),
        ("By Tomas K. Berg | Coastal Press Service", r.BYLINE),
        ("Harbour Weekly) By Ines Okafor", r.BYLINE),
        ("Published - June 3, 2024 08:40 am CET", r.TIMESTAMP),
        ("Updated: 4 June, 11:02 GMT", r.TIMESTAMP),
        ("channel_dredger.jpeg", r.FILE_NAME),
        ("IMG_20240603_0915.jpg", r.FILE_NAME),
        ("harbour-works (2).png", r.FILE_NAME),
        ("DSC04417", r.FILE_NAME),
        ("9f2c4e1ab7d0335c8e1f", r.FILE_NAME),
        ("https://news.example.org/2024/06/03/harbour-channel/", r.URL_LINE),
        ("→ Continue reading at Harbour Weekly", r.READ_ON),
        ("(With inputs from agencies.)", r.READ_ON),
        ("Credit: Port of Westholm", r.CAPTION),
        ("© Harbour Weekly / Jon Dahl", r.CAPTION),
        ("Photo By Sgt. Lena Moss | Crews inspect the channel buoys", r.CAPTION),
        ("In this May 2019 file photo, a dredger works in the outer harbour.", r.CAPTION),
        (
            "Dock workers watch the survey ship leave the quay on Sunday. © REUTERS",
            r.CAPTION,
        ),
        (
            "A survey ship maps the channel floor near Westholm. | Photo Credit: AFP",
            r.CAPTION,
        ),
        ("A survey crew lowers a sonar into the water. (AP Photo/Jon Dahl)", r.CAPTION),
        (
            "Divers check the pier footings. (Courtesy: Port of Westholm via Harbour Weekly)",
            r.CAPTION,
        ),
    ],
)
def test_leftover_line_above_the_article_removed(line: str, reason: str) -> None:
    raw = page(line)
    assert removed(raw).get(reason, "").strip() == line
    assert assert_body_kept(raw).startswith(PARAS[0])


def test_author_note_after_the_article_removed() -> None:
    note = "Ana Ruiz is a maritime reporter for Harbour Weekly. Reach her at [email protected]."
    raw = page(after=(note,))
    assert removed(raw)[r.AUTHOR_BIO].strip() == note
    assert_body_kept(raw)


@pytest.mark.parametrize(
    "line",
    [
        # Sentences that share words with the leftovers stay.
        "By Friday the board had approved the plan, the chair said.",
        "The board said readers could subscribe to updates, but few did.",
        "Ana Ruiz is a fisher at the north pier and opposes the plan.",
        "In this case, the board said, the channel must be deepened.",
        "“I told you to sign up early,” one skipper said of the permits.",
        "The 2019 survey counted 312 comments from residents.",
        "Photo: officials said the image was taken in May.",
        "The board will meet again on June 3, 2024 at 10:00.",
    ],
)
def test_article_sentences_like_leftovers_kept(line: str) -> None:
    raw = page(line)
    assert line in clean(raw).text


def test_glued_file_name_and_agency_caption_sentence_removed_inline() -> None:
    caption = "Workers lower a buoy into the channel, on Monday, June 3, 2024, in Westholm, Nor."
    raw = page(
        f"channel_buoy.jpgWorkers lower a buoy. {PARAS[0]}", after=(f"{caption} {PARAS[1]}",)
    )
    gone = removed(raw)
    assert gone[r.FILE_NAME] == "channel_buoy.jpg"
    assert gone[r.CAPTION].strip() == caption
    assert clean(raw).text.count(PARAS[1]) == 2


def test_html_anchor_tags_removed_and_link_text_kept() -> None:
    raw = page(
        after=(
            'The board cited <a href="https://news.example.org/a/b" target="_blank">an earlier '
            "survey</a> of the channel floor.",
        )
    )
    text = clean(raw).text
    assert "The board cited an earlier survey of the channel floor." in text
    assert "<" not in text and "href" not in text
    assert "x <5 km of the pier" in clean(page(after=("It lies x <5 km of the pier.",))).text


def test_trailing_related_headlines_removed() -> None:
    related = (
        "Storm Closes Northern Ferry Routes for Second Day",
        "City Council Backs New Cycle Lanes Along the Quay",
        "Fishing Quotas Cut Again as Stocks Decline",
    )
    raw = page(after=related)
    assert removed(raw)[r.RELATED].split("\n")[0] == related[0]
    assert assert_body_kept(raw).rstrip().endswith(PARAS[-1])


def test_cut_off_blurbs_after_the_article_removed() -> None:
    blurbs = (
        "A new bakery on the harbour front has drawn long queues since it opened its door",
        "The regional airport will add two weekly flights to the capital from next mon",
        "Local schools are short of teachers again this autumn, a survey by the union fou",
    )
    raw = page(after=blurbs)
    assert all(b not in clean(raw).text for b in blurbs)
    assert_body_kept(raw)


def test_articles_cut_off_end_kept() -> None:
    # Two lines without a full stop at the end: an excerpt cut mid-sentence, not a list.
    tail = ("CHAIR: The channel…", "MAYOR: We agreed on the budget. The work will start in the sp")
    raw = page(after=tail)
    text = clean(raw).text
    assert all(t in text for t in tail)


def test_unpunctuated_caption_between_paragraphs_removed_but_list_items_kept() -> None:
    caption = (
        "Fishing boats moored along the north pier of Westholm harbour during the board meeting"
    )
    items = "- A channel depth of 14 metres, up from 11 metres after the works end"
    raw = "\n\n".join((PARAS[0], caption, PARAS[1], items, PARAS[2]))
    text = clean(raw).text
    assert caption not in text
    assert items in text


def test_logo_lines_above_the_article_removed_but_a_dateline_kept() -> None:
    raw = page("HARBOUR WEEKLY", "站内新闻", "WESTHOLM")
    gone = removed(raw)[r.LOGO]
    assert "HARBOUR WEEKLY" in gone and "站内新闻" in gone
    assert "WESTHOLM" in clean(raw).text


def test_removals_map_back_to_the_raw_text() -> None:
    raw = page("ADVERTISEMENT", "By Maria Lindqvist", after=("There are 3 comments.",))
    res = clean(raw)
    assert res.text == apply_edits(raw, res.edits)
    for e in res.edits:
        assert e.reason and e.is_removal


def test_dating_text_keeps_the_stamp_and_byline() -> None:
    stamp = "Published - June 3, 2024 08:40 am CET"
    raw = page("By Maria Lindqvist", stamp, "ADVERTISEMENT")
    res = clean(raw)
    assert stamp not in res.text
    dating = text_for_dating(raw, res)
    assert stamp in dating and "By Maria Lindqvist" in dating
    assert "ADVERTISEMENT" not in dating


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("404 - Page not found\n\nThe page you asked for has moved.", r.ERROR_PAGE_REASON),
        ("Access denied\n\nPlease enable JavaScript and cookies to continue.", r.ERROR_PAGE_REASON),
        (
            "\n".join(f"Harbour story number {i} in the archive" for i in range(8)),
            r.LINK_LIST,
        ),
        ("ADVERTISEMENT\n\nSubscribe", r.NO_TEXT),
    ],
)
def test_pages_that_are_not_articles_flagged(raw: str, reason: str) -> None:
    assert clean(raw).not_article == reason
    assert not_article(clean(raw).text) == reason


def test_an_article_is_not_flagged_even_when_cut_off() -> None:
    assert clean(page()).not_article is None
    one_line = " ".join(PARAS) + " The mayor said the harbour would stay op"
    assert clean(one_line).not_article is None
    assert clean("A 404 error stopped the board's website. " + " ".join(PARAS)).not_article is None
    assert clean("500 fishers signed a letter against the plan.\n\n" + BODY).not_article is None
