"""Places the model leaves untagged, read from the parse: a proper name compounded onto a
place noun. Articles written for these tests."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer
from dateline.resolve.entities import resolve_entities


def test_a_name_before_a_place_noun_is_a_place(analyzer: Analyzer) -> None:
    texts = [
        ("a", "Aerolux builds most of its engines in the Inland Empire area, the union said."),
        ("b", "Jobs could move out of the Research Triangle area if the strike drags on."),
    ]
    analyses = list(analyzer.analyse(texts))
    resolution = resolve_entities(analyses, {"a": None, "b": None})
    for name in ("Inland Empire", "Research Triangle"):
        place = resolution.by_name(name)
        assert place is not None and place.kind in {"LOC", "GPE"}
    assert resolution.by_name("area") is None


def test_the_end_of_a_hyphenated_name_is_no_place(analyzer: Analyzer) -> None:
    texts = [
        (
            "a",
            "Tuna catches in the Indo-Pacific region fell by a third last year, fishery "
            "officials said.",
        )
    ]
    analyses = list(analyzer.analyse(texts))
    resolution = resolve_entities(analyses, {"a": None})
    assert resolution.by_name("Pacific") is None


def test_the_rest_of_a_name_tagged_in_part_is_no_place(analyzer: Analyzer) -> None:
    texts = [("a", "Storms battered the Trans-Atlantic Coast region on Tuesday.")]
    analyses = list(analyzer.analyse(texts))
    resolution = resolve_entities(analyses, {"a": None})
    assert resolution.by_name("Coast") is None
