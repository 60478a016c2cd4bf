"""Offsets: edits applied to raw text, and clean offsets mapped back to raw ones."""

from __future__ import annotations

from clean_strategies import articles, soups
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean import OffsetMap, apply_edits, clean
from dateline.clean.offsets import normalise_edits
from dateline.model import Edit

SETTINGS = settings(max_examples=300, deadline=None)
RAW = "Header line\n\nThe ferry left at noon. (Photo: X)\nIt arrived late."


def test_normalise_sorts_and_drops_empty_and_overlapping() -> None:
    a, b, c = Edit(5, 9, "a"), Edit(0, 3, "b"), Edit(6, 12, "c")
    assert normalise_edits([a, b, c, Edit(4, 4, "empty")]) == (b, a)
    # the earlier, longer edit wins at the same start
    assert normalise_edits([Edit(2, 3, "short"), Edit(2, 6, "long")]) == (Edit(2, 6, "long"),)
    # an empty span with a replacement is an insertion, kept
    assert normalise_edits([Edit(4, 4, "insert", "x")]) == (Edit(4, 4, "insert", "x"),)


def test_apply_removals_and_replacements() -> None:
    edits = [Edit(0, 13, "title"), Edit(36, 47, "caption")]
    assert apply_edits(RAW, edits) == "The ferry left at noon.\nIt arrived late."
    assert apply_edits("abcdef", [Edit(1, 3, "swap", "XYZ")]) == "aXYZdef"
    assert apply_edits(RAW, []) == RAW


def test_offset_map_around_removals() -> None:
    edits = [Edit(0, 13, "title"), Edit(36, 47, "caption")]
    clean_text = apply_edits(RAW, edits)
    offsets = OffsetMap(edits)
    for i, char in enumerate(clean_text):
        assert RAW[offsets.to_raw(i)] == char
    # a span ending just before a removal ends before it, one starting there after it
    stop = clean_text.index("\n")
    assert offsets.span_to_raw(0, stop) == (13, 36)
    assert offsets.to_raw(stop) == 47
    assert offsets.to_raw(len(clean_text), end=True) == len(RAW)


def test_offset_map_inside_a_replacement() -> None:
    offsets = OffsetMap([Edit(1, 3, "swap", "XYZ")])
    assert offsets.to_raw(2) == 1  # inside the replacement: its raw start
    assert offsets.to_raw(2, end=True) == 3  # as a span end: its raw end
    assert offsets.to_raw(4) == 3  # "d" follows the replacement
    assert offsets.span_to_raw(1, 4) == (1, 3)


def test_empty_map_is_identity() -> None:
    offsets = OffsetMap([])
    assert [offsets.to_raw(i) for i in range(5)] == list(range(5))


@st.composite
def removals(draw: st.DrawFn, size: int) -> list[Edit]:
    """Non-overlapping removals inside a text of ``size`` characters."""
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [Edit(a, b, "given") for a, b in pairs if a < b]


@st.composite
def raw_with_removals(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, list[Edit]]:
    raw = draw(texts)
    return raw, draw(removals(len(raw)))


@SETTINGS
@given(raw_with_removals(st.text()))
def test_every_clean_offset_maps_to_the_same_raw_character(case: tuple[str, list[Edit]]) -> None:
    raw, edits = case
    text = apply_edits(raw, edits)
    offsets = OffsetMap(edits)
    assert [raw[offsets.to_raw(i)] for i in range(len(text))] == list(text)


def _assert_maps_back(raw: str, edits: tuple[Edit, ...], text: str) -> None:
    offsets = OffsetMap(edits)
    assert [raw[offsets.to_raw(i)] for i in range(len(text))] == list(text)
    # a clean line maps to a raw span that starts and ends with the line's characters
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for line_start in starts:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if line_start < line_end:
            start, end = offsets.span_to_raw(line_start, line_end)
            assert raw[start] == text[line_start]
            assert raw[end - 1] == text[line_end - 1]


@SETTINGS
@given(st.one_of(soups, articles().map(lambda case: case[0])))
def test_clean_offsets_map_back_to_raw(raw: str) -> None:
    res = clean(raw)
    _assert_maps_back(raw, res.edits, res.text)


@SETTINGS
@given(raw_with_removals(st.one_of(soups, articles().map(lambda case: case[0]))))
def test_structural_edits_kept_and_never_overlapped(case: tuple[str, list[Edit]]) -> None:
    raw, given_edits = case
    res = clean(raw, given_edits)
    assert res.text == apply_edits(raw, res.edits)
    for g in given_edits:
        assert g in res.edits
    for e in res.edits:
        if e.reason != "given":
            assert all(e.end <= g.start or e.start >= g.end for g in given_edits)
    _assert_maps_back(raw, res.edits, res.text)
    assert clean(res.text).edits == ()


def test_seed_like_header_then_caption_on_one_line() -> None:
    header = " date 2020-01-01 "
    caption = "The two ministers (first, left) meet in the capital (Photo: X News)"
    raw = f"{header}{caption}\n\nThe ministers met on Monday.\n"
    given_edit = Edit(0, len(header), "date header")
    res = clean(raw, [given_edit])
    assert res.text == "The ministers met on Monday.\n"
    assert res.edits[:2] == (
        given_edit,
        Edit(len(header), len(header) + len(caption) + 1, "photo caption"),
    )


def test_what_a_removal_leaves_as_junk_goes_too() -> None:
    # a given edit joins a teaser heading to an agency sign-off; once the sign-off is cut,
    # the heading stands alone and goes in the same cleaning, so cleaning is idempotent
    raw = "See more\nAFP — AP"
    res = clean(raw, [Edit(8, 12, "given")])
    assert res.text == "" and clean(res.text).edits == ()
