"""The cleaning rules, one by one, each with a case it must leave alone."""

from __future__ import annotations

import pytest

from dateline.clean import apply_edits, clean
from dateline.clean import rules as r
from dateline.model import Edit

# A made-up article: three paragraphs, each a plain sentence ending in a full stop.
PARAS = (
    "The council of Eastport approved a new ferry terminal on Tuesday after a long debate.",
    "Building work will start in the spring and should take about two years, officials said.",
    "Residents who opposed the plan said they would keep campaigning against it.",
)
BODY = "\n\n".join(PARAS)


def article(*blocks: str) -> str:
    """The body with extra blocks, each separated by a blank line."""
    return "\n\n".join((BODY, *blocks))


def removed(raw: str, **kwargs: object) -> dict[str, str]:
    """Removed raw text joined per reason (blank-line edits left out)."""
    out: dict[str, str] = {}
    for e in clean(raw, **kwargs).edits:
        if e.reason != r.BLANK_LINES:
            out[e.reason] = out.get(e.reason, "") + raw[e.start : e.end]
    return out


def assert_body_kept(text: str) -> None:
    for para in PARAS:
        assert para in text.split("\n")


# --- Rule 1: related-article teasers ----------------------------------------------

TEASERS = (
    "Harbour fees to rise next year",
    "The port authority said cargo fees will climb by five percent from January.",
    "New bridge opens to traffic",
    "Drivers can now cross the bay in ten minutes instead of forty.",
)


@pytest.mark.parametrize(
    "heading",
    ["See more", "Read more:", "RELATED", "Related stories", "Related news :", "More news",
     "You may also like", "Read also", "Other news", "  See more  "],
)  # fmt: skip
def test_teaser_list_removed_from_heading_to_end(heading: str) -> None:
    raw = article(heading, *TEASERS)
    res = clean(raw)
    assert res.text == BODY + "\n"
    teaser = [e for e in res.edits if e.reason == r.TEASERS]
    assert len(teaser) == 1
    assert raw[teaser[0].start :].lstrip().startswith(heading.strip())
    assert teaser[0].end == len(raw)


def test_teaser_list_with_captions_and_headlines_only() -> None:
    caption = "Workers lift a steel beam on the quay. (Photo: Harbour News)"
    raw = article("See more", caption, TEASERS[0], TEASERS[1], TEASERS[2])
    assert clean(raw).text == BODY + "\n"
    raw = article("Related", TEASERS[0], TEASERS[2])
    assert clean(raw).text == BODY + "\n"


def test_dangling_heading_at_the_end_is_removed() -> None:
    assert clean(article("Read more")).text == BODY + "\n"


def test_sentence_containing_read_more_is_not_a_heading() -> None:
    raw = article("Readers can read more about the plan on the council website.", *TEASERS)
    res = clean(raw)
    assert res.text == raw
    assert res.edits == ()


def test_heading_followed_by_article_paragraphs_is_kept() -> None:
    # A section heading in the body: the paragraphs after it are not teaser blurbs.
    raw = "\n\n".join(
        (PARAS[0], "More news", PARAS[1], PARAS[2], "Costs were not disclosed.", PARAS[0])
    )
    assert clean(raw).edits == ()
    # A few subheadings among many paragraphs are still body text.
    raw = "\n\n".join(("Related", "Timeline", *PARAS, *PARAS))
    assert clean(raw).edits == ()


# --- Rule 2: photo captions -------------------------------------------------------

CAPTIONS = (
    "The mayor signs the agreement at the town hall. (Photo: VNA)",
    "Ferry passengers wait at the old pier (Photo: VNS/Le Hoa)",
    "Crowds gather outside the council building (Photo/Reuters)",
    "A crane unloads containers on Monday. Photo: AFP",
    "Quang cảnh buổi lễ khánh thành (Ảnh: TTXVN)",
    "Boats are moored in the bay -LRB- Photo : AFP -RRB-",
    "The new terminal as seen from the water. Photograph: Jane Roe/AP",
)


@pytest.mark.parametrize("caption", CAPTIONS)
def test_caption_with_photo_credit_removed(caption: str) -> None:
    raw = "\n\n".join((PARAS[0], caption, PARAS[1], PARAS[2]))
    assert removed(raw) == {r.CAPTION: caption + "\n"}
    assert clean(raw).text == BODY


def test_repeated_caption_removed_with_reasons() -> None:
    cap = CAPTIONS[0]
    raw = "\n\n".join((PARAS[0], f"{cap}\n{cap}", PARAS[1], PARAS[2]))
    res = clean(raw)
    assert res.text == BODY
    reasons = [e.reason for e in res.edits if e.reason != r.BLANK_LINES]
    assert reasons == [r.CAPTION, r.REPEATED_CAPTION]


def test_near_consecutive_repeat_is_a_repeat() -> None:
    cap = CAPTIONS[2]
    raw = "\n\n".join((PARAS[0], cap, "", cap, PARAS[1]))
    reasons = [e.reason for e in clean(raw).edits if e.reason != r.BLANK_LINES]
    assert reasons == [r.CAPTION, r.REPEATED_CAPTION]


@pytest.mark.parametrize(
    "caption",
    [
        "Council leader Anna Berg (left) and the harbour master at the signing",
        "Two engineers (first, left) inspect the hull of the ferry",
        "The mayor (R) greets the visiting delegation",
        "Ministers pose with students (centre) after the meeting",
        "Protesters (second from right) hold up banners",
    ],
)
def test_caption_with_position_marker_removed(caption: str) -> None:
    raw = "\n\n".join((PARAS[0], caption, PARAS[1]))
    assert removed(raw) == {r.CAPTION: caption + "\n"}


@pytest.mark.parametrize(
    "line",
    [
        "The mayor (left) and her deputy signed the agreement on Monday.",
        "The photo was taken in May and shows the old pier.",
        "Officials said the photo: a fake, and asked people not to share it.",
        "The band played the theme (r) as crowds cheered",
        "Council leader Anna Berg (left) and the harbour master walked along the quay "
        "while a crowd of several hundred residents and visitors watched from the "
        "promenade and children waved small flags from the railings",
    ],
)
def test_body_line_with_marker_or_photo_word_kept(line: str) -> None:
    raw = "\n\n".join((PARAS[0], line, PARAS[1]))
    assert clean(raw).edits == ()


def test_repeated_non_caption_line_kept() -> None:
    raw = "\n\n".join((PARAS[0], PARAS[0], PARAS[1]))
    assert clean(raw).edits == ()


# --- Rule 3: lone layout tokens -----------------------------------------------------


@pytest.mark.parametrize("token", ["imgcaptionleft", "floatrightthumb", "divspan", "caption"])
def test_layout_token_line_removed(token: str) -> None:
    caption = "Workers repair the quay wall (right) at low tide"
    raw = "\n\n".join((PARAS[0], f"{token}\n{caption}", PARAS[1]))
    assert removed(raw) == {r.LAYOUT: token + "\n", r.CAPTION: caption + "\n"}
    assert clean(raw).text == "\n\n".join(PARAS[:2])


@pytest.mark.parametrize("line", ["leftovers", "remarkable", "Left", "img caption", "centrefold"])
def test_words_that_are_not_layout_tokens_kept(line: str) -> None:
    raw = "\n\n".join((PARAS[0], line, PARAS[1]))
    assert r.LAYOUT not in removed(raw)


# --- Rule 4: agency sign-offs -------------------------------------------------------


def test_trailing_slash_dot_removed_alone() -> None:
    raw = BODY + "/."
    res = clean(raw)
    assert res.text == BODY
    assert res.edits == (Edit(len(BODY), len(BODY) + 2, r.SIGN_OFF),)
    # without a full stop before it only the slash goes, leaving the full stop
    assert clean(BODY[:-1] + "/.").text == BODY


@pytest.mark.parametrize(
    "sign_off",
    ["VNA", "VNS", "AFP", "Reuters", "AP", "Xinhua", "— VNS", "- VNS", "Source: VNA",
     "(Reuters)", "VNA/VNS"],
)  # fmt: skip
def test_agency_line_at_the_end_removed(sign_off: str) -> None:
    res = clean(article(sign_off) + "\n")
    assert res.text == BODY + "\n"
    assert r.SIGN_OFF in {e.reason for e in res.edits}


@pytest.mark.parametrize("mark", [" — VNS", " - VNS", " – AFP", " — VNA/VNS"])
def test_agency_code_ending_the_last_paragraph_removed(mark: str) -> None:
    res = clean(BODY + mark)
    assert res.text == BODY
    assert [e.reason for e in res.edits] == [r.SIGN_OFF]


def test_stacked_sign_offs_removed() -> None:
    raw = article("VNA", "See more", *TEASERS)
    raw = raw.replace(PARAS[2], PARAS[2] + "/.")
    assert clean(raw).text == BODY + "\n"


def test_dateline_and_agency_mentions_kept() -> None:
    assert clean(BODY + " - ap").edits == ()  # codes are capitals, not any word
    dated = "Eastport (VNA) – " + PARAS[0]
    told = "A spokesman told AFP the terminal would open in 2027."
    raw = "\n\n".join((dated, "VNA", PARAS[1], "Port Town (Reuters) – " + told))
    assert clean(raw).edits == ()


def test_slash_dot_inside_the_text_kept() -> None:
    raw = "\n\n".join((PARAS[0] + "/.", PARAS[1]))
    assert clean(raw).edits == ()


# --- Rule 5: page boilerplate lines ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Related: Harbour fees rise; Bridge opens to traffic", "related links"),
        ("Read more: Harbour fees to rise next year", "related links"),
        ("NYSE and AMEX quotes delayed by at least 20 minutes .", "market-data disclaimer"),
        ("NASDAQ delayed by at least 15 minutes .", "market-data disclaimer"),
        ("Quotes delayed 15 minutes", "market-data disclaimer"),
        ("All times are ET .", "market-data disclaimer"),
        ("Market data provided by Example Data Corp", "market-data disclaimer"),
        ("Copyright 2024 Example Media Inc. All rights reserved.", "copyright notice"),
        ("Example Wire 2019 All rights reserved .", "copyright notice"),
        ("Click here to subscribe to our newsletter", "link prompt"),
        ("For a complete list of ferry times , click here .", "link prompt"),
        ("Share this article", "share buttons"),
        ("Email | Print", "share buttons"),
        ("By Jane Roe, CNN", "byline"),
        ("By John Smith | Reuters", "byline"),
        ("By the CNN Wire Staff", "byline"),
    ],
)
def test_boilerplate_line_removed(line: str, reason: str) -> None:
    raw = "\n".join((PARAS[0], line, PARAS[1]))
    assert removed(raw) == {reason: line + "\n"}
    assert clean(raw).text == "\n".join(PARAS[:2])


@pytest.mark.parametrize(
    "line",
    [
        "The flight was delayed by at least 20 minutes.",
        "Shares in the ferry operator fell two percent.",
        "By Friday, the council will vote on the plan.",
        "Email was the main way staff talked to each other.",
        "He said the copyright case would go to court next year.",
        "Related companies said they would bid for the contract.",
        "Read more: the council will publish its full report on Friday.",
        "Readers who click here and there will find little.",
        "By Jane Roe, CNN Student News anchor, met the mayor.",
    ],
)
def test_sentences_like_boilerplate_kept(line: str) -> None:
    raw = "\n".join((PARAS[0], line, PARAS[1]))
    assert clean(raw).edits == ()


# --- Blank lines and structural edits ---------------------------------------------


def test_blank_line_runs_collapsed_and_paragraphs_kept() -> None:
    raw = "\n\n" + PARAS[0] + "\n\n\n\n" + PARAS[1] + "\n \n\t\n" + PARAS[2] + "\n\n\n"
    res = clean(raw)
    assert res.text == BODY + "\n"
    assert {e.reason for e in res.edits} == {r.BLANK_LINES}


def test_removed_line_takes_its_line_break() -> None:
    raw = "\n".join((PARAS[0], CAPTIONS[0], PARAS[1]))
    assert clean(raw).text == "\n".join(PARAS[:2])


def test_structural_edits_kept_and_never_overlapped() -> None:
    header = " date 2024-03-05 "
    raw = header + CAPTIONS[3] + "\n\n" + BODY
    given = Edit(0, len(header), "date header")
    res = clean(raw, [given])
    assert res.text == BODY
    assert res.edits[0] == given
    assert all(e.start >= given.end for e in res.edits[1:])
    assert res.edits[1] == Edit(len(header), len(header) + len(CAPTIONS[3]) + 1, r.CAPTION)


def test_structural_edit_inside_a_removed_run_is_carved_out() -> None:
    raw = PARAS[0] + "\n\n" + CAPTIONS[0] + "\nTITLE\n" + CAPTIONS[0] + "\n\n" + PARAS[1]
    start = raw.index("TITLE")
    given = Edit(start, start + len("TITLE\n"), "title")
    res = clean(raw, [given])
    assert res.text == "\n\n".join(PARAS[:2])
    assert given in res.edits
    for e in res.edits:
        assert e == given or e.end <= given.start or e.start >= given.end
    assert apply_edits(raw, res.edits) == res.text


@pytest.mark.parametrize("raw", ["", " ", "\n", "\n\n\n", "\x00\x01\xff", "VNA", "See more"])
def test_degenerate_inputs(raw: str) -> None:
    res = clean(raw)
    assert res.text == apply_edits(raw, res.edits)
    assert clean(res.text).edits == ()


def test_a_long_noisy_text_keeps_every_paragraph() -> None:
    # Speed on this input is measured in bench/text_speed.py; here, what is kept.
    block = [
        PARAS[0],
        "",
        CAPTIONS[0],
        CAPTIONS[0],
        "",
        "imgcaption",
        PARAS[1],
        "All times are ET .",
    ]
    raw = "\n".join((block * 700)[:5000]) + "\n\nSee more\n\n" + "\n\n".join(TEASERS)
    res = clean(raw)
    assert res.text.count(PARAS[0]) == raw.count(PARAS[0])
    assert res.text.count(PARAS[1]) == raw.count(PARAS[1])
    assert "imgcaption" not in res.text
    assert not any(teaser in res.text for teaser in TEASERS)
