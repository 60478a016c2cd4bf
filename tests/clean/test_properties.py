"""Properties that hold for any input: no crash, idempotence, sentences survive."""

from __future__ import annotations

from clean_strategies import articles, soups
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean import apply_edits, clean
from dateline.model import CleanResult

SETTINGS = settings(max_examples=300, deadline=None)


def assert_well_formed(raw: str, res: CleanResult) -> None:
    assert res.text == apply_edits(raw, res.edits)
    previous_end = 0
    for e in res.edits:
        assert previous_end <= e.start < e.end <= len(raw)
        assert e.is_removal and e.reason
        previous_end = e.end


@SETTINGS
@given(st.text())
def test_any_text_is_cleaned_without_error(raw: str) -> None:
    res = clean(raw)
    assert_well_formed(raw, res)
    assert clean(res.text).edits == ()


@SETTINGS
@given(st.binary(max_size=400).map(lambda b: b.decode("latin-1")))
def test_binary_looking_text_is_cleaned_without_error(raw: str) -> None:
    res = clean(raw)
    assert_well_formed(raw, res)
    assert clean(res.text).edits == ()


@SETTINGS
@given(soups)
def test_cleaning_is_idempotent_on_junk_soup(raw: str) -> None:
    res = clean(raw)
    assert_well_formed(raw, res)
    assert clean(res.text).edits == ()


@SETTINGS
@given(articles())
def test_cleaning_is_idempotent_on_articles(case: tuple[str, list[str]]) -> None:
    raw, _ = case
    res = clean(raw)
    again = clean(res.text)
    assert again.edits == ()
    assert again.text == res.text


@SETTINGS
@given(articles())
def test_article_sentences_are_never_removed(case: tuple[str, list[str]]) -> None:
    raw, kept = case
    lines = clean(raw).text.split("\n")
    for sentence in kept:
        assert sentence in lines


@SETTINGS
@given(articles(teasers=False))
def test_paragraph_breaks_are_kept(case: tuple[str, list[str]]) -> None:
    # Two kept sentences are split by one empty line when any blank line was between
    # them, else by a single line break, whatever junk lay in between.
    raw, kept = case
    text = clean(raw).text
    assert "\n\n\n" not in text
    raw_lines, clean_lines = raw.split("\n"), text.split("\n")
    raw_at, clean_at = _positions(raw_lines, kept), _positions(clean_lines, kept)
    for k in range(len(kept) - 1):
        between = raw_lines[raw_at[k] + 1 : raw_at[k + 1]]
        had_blank = any(not line.strip() for line in between)
        expected = [""] if had_blank else []
        assert clean_lines[clean_at[k] + 1 : clean_at[k + 1]] == expected


def _positions(lines: list[str], wanted: list[str]) -> list[int]:
    """Indices of ``wanted`` found in order as whole lines."""
    out, pos = [], 0
    for line in wanted:
        pos = lines.index(line, pos)
        out.append(pos)
        pos += 1
    return out


def test_huge_text_is_cleaned() -> None:
    raw = ("Foo bar.\n(Photo: VNA)\n\n\n\x00\ufffd" * 50_000) + "\nSee more\nA b\nC d."
    res = clean(raw)
    assert_well_formed(raw, res)
    assert clean(res.text).edits == ()


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet=st.sampled_from("ab Z9.,;-ñé\u0430\u4e2d\u0250"), max_size=20))
def test_a_line_is_latin_when_most_of_its_letters_are(line: str) -> None:
    from dateline.clean.cleaner import _is_latin

    letters = [c for c in line if c.isalpha()]
    expected = bool(letters) and sum(c < "\u0250" for c in letters) > len(letters) / 2
    assert _is_latin(line) == expected
