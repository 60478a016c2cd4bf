"""Corroboration: documents, outlets and stories behind a record; speculative pieces."""

from __future__ import annotations

import pytest

from dateline.cluster.corroboration import corroborate, is_speculative, provenance
from dateline.model import Source
from dateline.service import Dossier


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


def test_each_story_lists_the_copies_that_carry_it() -> None:
    known = provenance(
        [doc("root"), doc("copy", dup="root"), doc("other"), doc("late", dup="other")]
    )
    # the second story is cited only through a copy: its root is named, not cited
    backing = corroborate([Source("copy", 0, 5), Source("root", 0, 5), Source("late", 0, 5)], known)
    assert backing.stories == 2 and not backing.single_source
    assert backing.reports == (("other", ("late",)), ("root", ("root", "copy")))


def test_exports_say_which_stories_and_copies_back_an_event_and_flag_weak_ones() -> None:
    from dateline.export.json import event_dict
    from dateline.model import Event

    known = provenance([doc("a"), doc("b", dup="a")])
    sources = (Source("a", 0, 5), Source("b", 0, 5))
    event = Event("e1", "CONSULT", "Talks", "2025-03-04", "day", sources=sources)
    exported = event_dict(event, {"a": "Talks", "b": "Talks"}, corroborate(sources, known))
    assert exported["corroboration"]["reports"] == [
        {"story": "a", "documents": ["a", "b"], "copies": 1}
    ]
    assert exported["flags"] == ["single-source"]


def test_the_builds_speculative_documents_give_the_corroboration_the_texts_give(
    sample_dossier: Dossier,
) -> None:
    store = sample_dossier.store
    records = [*store.events(), *store.figures()]
    cited = {s.document_id for r in records for s in r.sources}
    kept = store.speculative_among(cited)
    assert kept is not None  # the sample was built and nothing was written since
    from_texts = provenance(store.provenance_rows(cited))
    assert kept == {d for d, p in from_texts.items() if p.speculative}
    every = {d.id for d in sample_dossier.documents()}
    assert store.speculative_among(every)  # the sample has a piece calling itself opinion
    assert sample_dossier.corroboration(records) == {
        r.id: corroborate(r.sources, from_texts) for r in records
    }
