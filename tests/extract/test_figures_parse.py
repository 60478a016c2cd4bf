"""Figures whose subjects come from the parse: percentages, ranges, ordinals, durations,
counts stated as a total, and input that must not break them (own-words articles)."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.extract.figures import (
    DURATION_RE,
    FigureMention,
    _duration_hits,
    _Parse,
    find_figures,
    merge_figures,
)
from dateline.lexicon.numbers import parse_number


def analysed(analyzer: Analyzer, text: str, doc: str = "p1") -> Analysis:
    return next(iter(analyzer.analyse([(doc, text)])))


def figures(analyzer: Analyzer, text: str, doc: str = "p1") -> list[FigureMention]:
    a = analysed(analyzer, text, doc)
    return find_figures(a.document_id, a.sentences, "2025-01-10", a.tokens)


def one(found: list[FigureMention], value: float, unit: str) -> FigureMention:
    matches = [m for m in found if math.isclose(m.value, value) and m.unit == unit]
    assert len(matches) == 1, [(m.value, m.unit, m.subject) for m in found]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # the noun a share modifies
        ("The new deal gives a 33% general wage increase spread over four years.", 33,
         "general wage increase"),
        ("Workers had demanded a 45 percent raise in base pay.", 45, "raise in base pay"),
        # what it is a share of
        ("The plant will shed 12,000 jobs, or 8% of its staff.", 8, "share of staff"),
        # the clause it measures
        ("Members voted 61% against the revised proposal, the union said.", 61,
         "voted against the revised proposal"),
        ("Union members turned down the deal with a vote of 91.3 percent.", 91.3,
         "turned down the deal"),
    ],
)  # fmt: skip
def test_a_percentage_reads_its_subject_from_the_parse(
    analyzer: Analyzer, text: str, value: float, subject: str
) -> None:
    mention = one(figures(analyzer, text), value, "percent")
    assert mention.kind == "percent"
    assert subject in mention.subject
    assert mention.text.rstrip("%t").strip()  # the figure's own words slice back


def test_percentage_points_and_ranges(analyzer: Analyzer) -> None:
    found = figures(analyzer, "Turnout fell 4 percentage points. Fares rose 10-15% in May.")
    assert one(found, 4, "percentage points").kind == "percent"
    ranged = one(found, 10, "percent (range 10–15)")
    assert "Fares" in ranged.subject


def test_percentages_of_one_subject_over_time_are_linked(analyzer: Analyzer) -> None:
    early = figures(analyzer, "The first offer included a 20% general wage increase.", "a")
    late = figures(analyzer, "The final offer includes a 31% general wage increase.", "b")
    late = [replace(m, as_of="2025-03-01") for m in late]
    merged = {f.value: f for f in merge_figures(early + late)}
    assert merged[31].previous == 20


def test_an_ordinal_counts_the_rank_of_a_recurring_thing(analyzer: Analyzer) -> None:
    found = figures(analyzer, "The opening marked the 38th iteration of the yearly drill.")
    assert "iteration of the yearly drill" in one(found, 38, "ordinal").subject
    assert not figures(analyzer, "Cities changed a lot in the 20th century.")
    assert not figures(analyzer, "The summit opened on March 21st in the capital.")


def test_a_duration_measures_the_noun_it_modifies(analyzer: Analyzer) -> None:
    found = figures(analyzer, "The minister arrives in Hanoi for a three-day working visit.")
    assert "working visit" in one(found, 3, "days").subject
    assert not figures(analyzer, "A 43-year-old pilot landed the plane.")


def test_a_number_of_things_said_to_reach_a_value(analyzer: Analyzer) -> None:
    found = figures(
        analyzer,
        "The pact opened three more ports, bringing the total number of US sites in "
        "the country to eleven.",
    )
    assert one(found, 11, "US sites").subject == "total number of US sites in the country"


def test_another_million_is_an_additional_million(analyzer: Analyzer) -> None:
    found = figures(analyzer, "We have found another million dollars in urgent flood relief.")
    mention = one(found, 1_000_000, "USD")
    assert mention.additional
    assert "urgent flood relief" in mention.subject


def test_a_model_number_counts_nothing(analyzer: Analyzer) -> None:
    found = figures(analyzer, "The carrier grounded its Airbus 320 planes and the 787 MAX.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "subject"),
    [
        ("Police met the union's 28,000 members on Friday.", 28000, "members",
         "union's members"),
        ("The 31,000 workers it represents can go back on Monday.", 31000, "workers",
         "workers it represents"),
    ],
)  # fmt: skip
def test_a_count_subject_says_more_than_its_unit(
    analyzer: Analyzer, text: str, value: float, unit: str, subject: str
) -> None:
    mention = one(figures(analyzer, text), value, unit)
    assert mention.subject != mention.unit
    assert subject in mention.subject


def test_an_overflowing_amount_is_no_figure(analyzer: Analyzer) -> None:
    text = f"The fund pledged US$ {'9' * 300} billion for the port. It gave $5 million more."
    found = figures(analyzer, text)
    assert [m.value for m in found] == [5_000_000]
    assert all(math.isfinite(f.value) for f in merge_figures(found))
    json.dumps([m.value for m in found], allow_nan=False)


@pytest.mark.parametrize(
    "text",
    [
        "Workers won a 2Ã¢â‚¬â„¢5% raise and â€œ12% moreâ€\x9d in bonuses.",  # mojibake
        "The offer lifted pay by 25% and the bonus to US$ 12,5",  # cut mid-number
        "The union said 94.6 per",  # cut mid-word
        "The 40 click here to subscribe percent of members voted yes.",  # injected words
        "%%% 5% % percent 7 per cent, - 12 -% ,",
    ],
)
def test_hostile_input_neither_crashes_nor_invents(analyzer: Analyzer, text: str) -> None:
    a = analysed(analyzer, text)
    found = find_figures(a.document_id, a.sentences, None, a.tokens)
    for m in found:
        assert math.isfinite(m.value)
        assert a.text[m.start : m.end] == m.text
        assert m.unit
    assert not any(m.value == 40 for m in found)  # the injected words broke the share


def test_a_count_worded_with_a_clause_merges_with_its_plain_report(analyzer: Analyzer) -> None:
    plain = figures(analyzer, "The archive returned 120 boxes of letters.", "a")
    clause = figures(analyzer, "The army helped the town hand over 120 boxes of letters.", "b")
    assert any(": " in m.subject for m in clause), [m.subject for m in clause]
    (merged,) = merge_figures(plain + clause)
    assert {s.document_id for s in merged.sources} == {"a", "b"}


def test_tags_decide_plurals_the_spelling_tables_miss(analyzer: Analyzer) -> None:
    text = "The fair follows three earlier shows held in the capital."
    found = figures(analyzer, text)
    assert one(found, 3, "earlier shows").kind == "count"
    a = analysed(analyzer, text)
    assert find_figures(a.document_id, a.sentences, None) == []  # spelling: "shows" a verb


def test_one_ordinal_worded_with_ties_or_relations_is_one_figure(analyzer: Analyzer) -> None:
    a = figures(analyzer, "Leaders marked the 25th anniversary of diplomatic ties.", "a")
    b = figures(analyzer, "Leaders marked the 25th anniversary of diplomatic relations.", "b")
    (merged,) = merge_figures(a + b)
    assert merged.unit == "ordinal" and len(merged.sources) == 2


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # particles the parse attaches to their verb, for verbs no list names
        ("Volunteers rounded up 300 stray dogs last week.", 300, "stray dogs rounded up"),
        ("Rangers herded back 120 goats into the park.", 120, "goats herded back"),
        # a listed phrasal verb still keeps its particle
        ("Crews cleared away 80 tonnes of debris.", 80, "tonnes of debris cleared away"),
    ],
)  # fmt: skip
def test_a_verbs_particle_comes_from_the_parse(
    analyzer: Analyzer, text: str, value: float, subject: str
) -> None:
    found = figures(analyzer, text)
    assert [m.subject for m in found if math.isclose(m.value, value)] == [subject]


def test_plural_counts_read_from_tags_and_lemmas(analyzer: Analyzer) -> None:
    # "men" and "children" are plural by tag and lemma, "police" and "aircraft" by the
    # list of collective nouns the tagger reads as singular.
    text = (
        "The team flew 12 aircraft to the coast. Some 300 men and 200 children left "
        "the valley, and 40 police guarded the road."
    )
    units = {m.unit for m in figures(analyzer, text)}
    assert {"aircraft", "men", "children", "police"} <= units


_DURATION_PARTS = st.tuples(
    st.sampled_from(["", "a ", "on the", "in 3"]),
    st.sampled_from(["two", "3", "a", "x"]),
    st.sampled_from(["-", "–", "", " "]),
    st.sampled_from(["day", "week", "years", "dock"]),
    st.sampled_from(["", "-long", "–old"]),
    st.sampled_from([" ", "", "  "]),
    st.sampled_from(["visit", "Visit", "", "3"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DURATION_PARTS.map("".join), min_size=1, max_size=3).map(" ".join))
@example("a two–day visit")  # an en dash alone
@example("the 3-week-long strike, not a 2–year–old one")
def test_durations_are_looked_for_as_a_scan_of_every_sentence_finds_them(text: str) -> None:
    scanned = [(m.start(), m.end("unit")) for m in DURATION_RE.finditer(text)]
    assert [(h.start, h.end) for h in _duration_hits(text)] == [
        span
        for span, m in zip(scanned, DURATION_RE.finditer(text), strict=True)
        if parse_number(m["num"]) is not None
    ]


def test_a_sentence_parse_reads_its_dependents_when_first_asked(analyzer: Analyzer) -> None:
    (analysis,) = analyzer.analyse([("d", "The crew finished a three-week repair of the dock.")])
    parse = _Parse(analysis.tokens).at(0, len(analysis.text))
    assert parse is not None
    expected = {i: [] for i in range(parse.first, parse.last)}
    for i in range(parse.first, parse.last):
        head = analysis.tokens[i].head
        if head != i and parse.first <= head < parse.last:
            expected[head].append(i)
    assert parse.children == expected and parse.children is parse.children
