"""Corroboration: documents, outlets and stories behind a record; speculative pieces."""

from __future__ import annotations

import pytest

from dateline.cluster.corroboration import corroborate, is_speculative, provenance
from dateline.model import Source


def doc(
    did: str, text: str = "Talks were held.", url: str | None = None, dup: str | None = None
) -> tuple[str, str | None, str | None, str]:
    """A row as the store gives it: (id, duplicate_of, url, clean text)."""
    return did, dup, url, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What follows is opinion and informed guesswork about the visit.", True),
        ("Until a date is set, all of this remains speculation.", True),
        ("This column is a thought experiment about the alliance.", True),
        ("The scenario below is hypothetical: no decision has been made.", True),
        ("Markets rose amid speculation that the minister would resign.", False),
        ("The minister gave his opinion on the talks.", False),
    ],
)
def test_a_piece_that_calls_itself_speculative(text: str, expected: bool) -> None:
    assert is_speculative(text) is expected


def test_reprints_are_more_outlets_but_one_story() -> None:
    docs = [
        doc("a", url="https://www.wire.example/story"),
        doc("b", url="https://daily.example/copy", dup="a"),
        doc("c", url="https://wire.example/other-page", dup="a"),
        doc("d"),
    ]
    known = provenance(docs)
    c = corroborate([Source("a", 0, 5), Source("b", 0, 5), Source("c", 0, 5)], known)
    assert (c.documents, c.outlets, c.stories) == (3, 2, 1)
    assert c.single_source and not c.speculative  # three pages, one text
    alone = corroborate([Source("d", 0, 5), Source("d", 6, 9)], known)
    assert (alone.documents, alone.single_source) == (1, True)


def test_speculative_only_when_every_report_is() -> None:
    guess = "Nothing is decided. What follows is speculation about a possible visit."
    known = provenance([doc("s", guess), doc("r")])
    assert corroborate([Source("s", 0, 5)], known).speculative
    assert not corroborate([Source("s", 0, 5), Source("r", 0, 5)], known).speculative
