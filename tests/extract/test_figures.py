"""Figures: money and counts found by rules, merged across reports."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.figures import (
    FigureMention,
    figure_history,
    find_figures,
    merge_figures,
    same_unit,
    subject_key,
)
from dateline.extract.units import currency_of, parse_number, scale_of
from dateline.model import Sentence

# A full stop before a letter or digit ("2.5", "U.S.") does not end a sentence.
SENTENCE_RE = re.compile(r"(?:[^.!?\n]|\.(?=\w))+(?:[.!?]+|$)")


def sentences(document_id: str, text: str) -> list[Sentence]:
    """Naive split, enough for fixtures: each run up to a full stop or a line break."""
    found = []
    for m in SENTENCE_RE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if end > start:
            found.append(Sentence(document_id, len(found), start, end, text[start:end]))
    return found


def figures_in(text: str, as_of: str | None = None, doc: str = "d1") -> list[FigureMention]:
    return find_figures(doc, sentences(doc, text), as_of)


# (sentence, (value, unit, subject contains, previous)), or None where no figure is expected.
CASES: list[tuple[str, tuple[float, str, str, float | None] | None]] = [
    # money: purpose and recipient phrases
    (
        "Japan pledged an additional US$45 million to support flood recovery in the central "
        "provinces.",
        (45e6, "USD", "flood recovery in the central provinces", None),
    ),
    (
        "The bank approved $ 2 billion in loans for renewable energy projects , officials said .",
        (2e9, "USD", "renewable energy projects", None),
    ),
    (
        "The donor committed US$ 30 million to build rural bridges .",
        (30e6, "USD", "rural bridges", None),
    ),
    (
        "The city set aside VND 2.5 trillion for upgrading its drainage network.",
        (2.5e12, "VND", "drainage network", None),
    ),
    (
        "A foundation gave €5m to restore the cathedral roof.",
        (5e6, "EUR", "cathedral roof", None),
    ),
    (
        "The agency has disbursed 75 million USD in humanitarian aid for displaced families.",
        (75e6, "USD", "displaced families", None),
    ),
    (
        "The ministry spent a further $12 million on school meals.",
        (12e6, "USD", "school meals", None),
    ),
    ("Lenders offered 1.5 billion yen in loans.", (1.5e9, "JPY", "loans", None)),
    ("S$3 million in grants went to startups.", (3e6, "SGD", "grants", None)),
    ("Investors poured $2.5bn into the port.", (2.5e9, "USD", "port", None)),
    (
        "The council approved five million dollars for street lighting.",
        (5e6, "USD", "street lighting", None),
    ),
    (
        "The city will receive 500 billion dong for flood defences.",
        (5e11, "VND", "flood defences", None),
    ),
    (
        "Tokyo pledged an additional 45 million USD in funding for the flood recovery programme "
        "in Quang Nam province.",
        (45e6, "USD", "flood recovery programme in Quang Nam province", None),
    ),
    # money: the noun before
    ("The fund is worth $300 million.", (3e8, "USD", "fund", None)),
    ("A loan of 40 million euros was signed.", (40e6, "EUR", "loan", None)),
    ("The project cost a total of $60 million.", (6e7, "USD", "project", None)),
    (
        "The total budget for the canal project reached $40 million.",
        (4e7, "USD", "total budget for the canal project", None),
    ),
    # money: totals and changes
    (
        "The grant brings total German funding for the clinic to 12 million EUR.",
        (12e6, "EUR", "total German funding for the clinic", None),
    ),
    (
        "Norway added $20 million for the mangrove restoration project in Cà Mau, bringing "
        "total Norwegian aid for the project from $55 million to $75 million.",
        (75e6, "USD", "total Norwegian aid for the mangrove restoration project in Cà Mau", 55e6),
    ),
    (
        "Canada added C$10 million for the school, bringing the total to C$25 million.",
        (25e6, "CAD", "total for school", None),
    ),
    (
        "Exports to the EU reached 1.2 billion dollars, up from 900 million dollars a year "
        "earlier.",
        (1.2e9, "USD", "Exports to the EU", 9e8),
    ),
    (
        "Bilateral trade rose from $100 billion to $124 billion last year.",
        (124e9, "USD", "Bilateral trade", 100e9),
    ),
    (
        "Revenue climbed to £3.4bn from £2.9bn, the company said.",
        (3.4e9, "GBP", "Revenue", 2.9e9),
    ),
    ("Prices went from 300 to 430 million USD .", (430e6, "USD", "Prices", 300e6)),
    # counts: noun phrase and verb
    (
        "Since 2019 the teams have recovered 312 sets of remains in the highlands.",
        (312, "sets of remains", "sets of remains recovered", None),
    ),
    (
        "Rescuers evacuated twelve families from the flooded village.",
        (12, "families", "families evacuated", None),
    ),
    ("Police arrested 27 people after the protest.", (27, "people", "people arrested", None)),
    (
        "Volunteers planted two hundred trees along the riverbank.",
        (200, "trees", "trees planted", None),
    ),
    (
        "The fund gave out a dozen scholarships to students from mountain provinces.",
        (12, "scholarships", "scholarships given out", None),
    ),
    (
        "Authorities reported 3.2 million doses of vaccine delivered to clinics.",
        (3.2e6, "doses of vaccine", "doses of vaccine delivered", None),
    ),
    (
        "The ship carried 3,000 tonnes of rice donated by farmers.",
        (3000, "tonnes of rice", "tonnes of rice carried", None),
    ),
    (
        "After 75 joint surveys, engineers mapped the minefield.",
        (75, "joint surveys", "joint surveys", None),
    ),
    (
        "The archive returned 16 sets of wartime letters to relatives.",
        (16, "sets of wartime letters", "sets of wartime letters returned", None),
    ),
    (
        "The drills led to the recovery of nine sets of remains.",
        (9, "sets of remains", "sets of remains recovered", None),
    ),
    (
        "Floods destroyed 1.2 million hectares of rice fields.",
        (1.2e6, "hectares of rice fields", "destroyed", None),
    ),
    ("Customs seized 14 containers of timber.", (14, "containers of timber", "seized", None)),
    ("The charity sent 25 medical teams to the region.", (25, "medical teams", "sent", None)),
    ("The hospital treated 40 more patients on Monday.", (40, "patients", "treated", None)),
    (
        "The number of cases rose from 120 to 185 cases within a week.",
        (185, "cases", "cases", 120),
    ),
    # counts: parts that borrow the noun of their whole
    (
        "Inspectors verified 18 of 20 warehouses inspected in the port.",
        (18, "warehouses", "warehouses verified", None),
    ),
    (
        "Inspectors verified 18 of 20 warehouses inspected in the port.",
        (20, "warehouses", "warehouses inspected", None),
    ),
    (
        "About 1,500 households were relocated, of which 900 received new homes.",
        (900, "households", "households received", None),
    ),
    (
        "About 1,500 households were relocated, of which 900 received new homes.",
        (1500, "households", "households relocated", None),
    ),
    (
        "Teams have exhumed 62 graves so far, of which experts have identified 51.",
        (51, "graves", "graves identified", None),
    ),
    (
        "Officials handed over 58 boxes of documents , of which 31 were catalogued .",
        (58, "boxes of documents", "boxes of documents handed over", None),
    ),
    (
        "Officials handed over 58 boxes of documents , of which 31 were catalogued .",
        (31, "boxes of documents", "boxes of documents catalogued", None),
    ),
    (
        "Of the 530 boxes of documents returned, the archive has catalogued 410.",
        (410, "boxes of documents", "catalogued", None),
    ),
    # a count that sets the scene ("after 90 joint searches") is not the whole
    (
        "The archive received 620 boxes of letters after 90 joint searches, and historians "
        "have catalogued 410 of them.",
        (410, "boxes of letters", "boxes of letters catalogued", None),
    ),
    (
        "The archive received 620 boxes of letters after 90 joint searches, and historians "
        "have catalogued 410 of them.",
        (90, "joint searches", "joint searches", None),
    ),
    # ... unless the relative follows it directly
    (
        "The team worked with 40 volunteers, of whom 12 were injured.",
        (12, "volunteers", "volunteers injured", None),
    ),
    # a descriptive participle ends the counted phrase
    (
        "Divers recovered nine sets of bones thought to belong to sailors.",
        (9, "sets of bones", "sets of bones recovered", None),
    ),
    # money: what "the clean-up" / "the project" stands for
    (
        "Korea put an extra $8 million towards cleaning up oil at Vung Ro bay, lifting total "
        "Korean aid for the clean-up to $20 million.",
        (20e6, "USD", "total Korean aid for cleaning up oil at Vung Ro bay", None),
    ),
    (
        "Sweden gave $3 million for the river clean-up in Huế. The gift raises the total "
        "Sweden has promised to the project to $9 million.",
        (9e6, "USD", "promised to the river clean-up in Huế", None),
    ),
    # no figure
    ("The talks were held on May 8, 2025 in Hanoi.", None),
    ("The ministers met on 12 March and again on March 25-26.", None),
    ("The visit took place on November 2 to 3 .", None),
    ("The agreement was signed in 2011 and renewed in 2024.", None),
    ("He reviewed the 2024 Updated Joint Vision Statement in the 1990s.", None),
    ("The exhibition will return at the end of 2026 and in the 2030s.", None),
    ("He was the 29th secretary to visit, during the 30th anniversary year.", None),
    ("The 13th dialogue was held in the capital.", None),
    ("The meeting starts at 10:30 a.m. and ends at 4 pm.", None),
    ("For details call +84 24 3825 1234 or 090-123-4567.", None),
    ("The suspect, aged 45, was a 32-year-old engineer's brother.", None),
    ("COVID-19 cases were reported by the ADMM+ members and the G20 leaders.", None),
    ("The F-16 jets and 5G networks were discussed.", None),
    ("Article 5 states that Resolution 57 applies.", None),
    ("The two countries and the three ministries agreed to cooperate in four key areas.", None),
    ('The policy of the "Four Nos" was reaffirmed.', None),
    ("Over the past five decades, relations improved for 30 years.", None),
    ("The score ended 3-1 after 90 minutes.", None),
    ("Someone often tones down the onerous tenfold rhetoric.", None),
    ("One of the officials said one country could not act alone.", None),
    ("Hundreds of people and dozens of volunteers joined thousands of residents.", None),
    ("The vote was 12 to 3 in favour.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_find_figures_table(
    sentence: str, expected: tuple[float, str, str, float | None] | None
) -> None:
    found = figures_in(sentence)
    if expected is None:
        assert found == []
        return
    value, unit, subject, previous = expected
    matches = [m for m in found if m.value == pytest.approx(value) and m.unit == unit]
    assert matches, [(m.value, m.unit, m.subject) for m in found]
    mention = matches[0]
    assert subject.lower() in mention.subject.lower()
    assert mention.previous == (pytest.approx(previous) if previous is not None else None)
    assert mention.kind == ("money" if currency_of(unit) else "count")


@pytest.mark.parametrize(
    ("sentence", "additional"),
    [
        ("The bank announced an additional $8 million for the port.", True),
        ("The bank gave $8 million more for the port.", True),
        ("The bank gave $8 million more than planned.", False),
        ("The UN sent another 200 troops.", True),
        ("The bank gave $8 million for the port.", False),
    ],
)
def test_additional(sentence: str, additional: bool) -> None:
    (mention,) = figures_in(sentence)
    assert mention.additional is additional


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a finite verb ends what the amount is for
        ("The donors asked that the extra $4 million for Quảng Trị can be released.", "Quảng Trị"),
        ("The $2 million for the new clinic will be spent next year.", "new clinic"),
        # "to reach X" says what it is for
        (
            "Seoul sent $6 million to reach the demining programme in Quảng Bình.",
            "demining programme in Quảng Bình",
        ),
    ],
)
def test_purpose_subject_ends_where_the_clause_does(sentence: str, subject: str) -> None:
    (mention,) = figures_in(sentence)
    assert mention.subject == subject


def test_change_consumes_the_earlier_value() -> None:
    found = figures_in("Total aid grew from $55 million to $75 million.")
    assert [(m.value, m.previous) for m in found] == [(75e6, 55e6)]


def test_offsets_slice_back_and_as_of_is_kept() -> None:
    text = (
        "Headline words here\n\nThe bank gave $8 million for the port. Later, police arrested "
        "27 people, of whom 20 were released."
    )
    found = figures_in(text, as_of="2025-04-01")
    assert [m.text for m in found] == ["$8 million", "27 people", "20"]
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert m.as_of == "2025-04-01"
    assert found[2].subject == "people released"


def test_units_tables() -> None:
    assert parse_number("1,250.5") == 1250.5
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred and ten") == 210
    assert parse_number("a dozen") == 12
    assert parse_number("nonsense") is None
    assert parse_number("9" * 400) is None
    assert scale_of("bn") == 1e9
    assert scale_of(None) == 1.0
    assert currency_of("US$") == "USD"
    assert currency_of("đồng") == "VND"
    assert currency_of("pesos") is None


# --- merging ---------------------------------------------------------------------------


def test_two_phrasings_of_one_amount_become_one_figure() -> None:
    first = figures_in(
        "Japan announced an additional US$45 million to support the flood recovery programme "
        "in Quảng Nam.",
        as_of="2025-06-10",
        doc="a",
    )
    second = figures_in(
        "Tokyo pledged an additional 45 million USD in funding for the flood recovery "
        "programme in Quang Nam province.",
        as_of="2025-03-02",
        doc="b",
    )
    (figure,) = merge_figures(first + second)
    assert (figure.value, figure.unit, figure.as_of) == (45e6, "USD", "2025-03-02")
    assert {s.document_id for s in figure.sources} == {"a", "b"}
    assert "Quảng Nam" in figure.subject and figure.subject.endswith("(additional)")


def test_total_from_a_to_b_keeps_previous_when_merged() -> None:
    with_change = figures_in(
        "The grant brings total Dutch aid for the dyke project from $55 million to $75 million.",
        as_of="2025-09-01",
        doc="a",
    )
    without = figures_in(
        "The grant brings total Dutch assistance for the dyke project to 75 million USD.",
        as_of="2025-05-01",
        doc="b",
    )
    (figure,) = merge_figures(with_change + without)
    assert (figure.value, figure.previous, figure.as_of) == (75e6, 55e6, "2025-05-01")
    assert len(figure.sources) == 2


def test_values_reported_over_time_keep_history() -> None:
    early = figures_in("The total budget for the canal project reached $40 million.", "2024-01-05")
    late = figures_in(
        "The total budget for the canal project reached $52 million.", "2025-02-01", doc="d2"
    )
    figures = merge_figures(late + early)
    by_value = {f.value: f for f in figures}
    assert by_value[52e6].previous == 40e6 and by_value[40e6].previous is None
    ((subject, history),) = figure_history(figures).items()
    assert "canal project" in subject
    assert [(d, v) for d, v, _ in history] == [("2024-01-05", 40e6), ("2025-02-01", 52e6)]
    assert history[1][2] == by_value[52e6].id


def test_history_leads_with_a_stated_earlier_value() -> None:
    found = figures_in("Total aid grew from $55 million to $75 million.", "2025-01-01")
    ((_, history),) = figure_history(merge_figures(found)).items()
    assert [(d, v) for d, v, _ in history] == [(None, 55e6), ("2025-01-01", 75e6)]


def test_one_amount_worded_differently_across_reports_is_one_figure() -> None:
    mentions = [
        *figures_in(
            "Canberra added a further A$25 million for mangrove replanting at Cà Mau cape.",
            "2025-03-01",
            doc="a",
        ),
        *figures_in(
            "The additional A$25 million for the Ca Mau mangrove restoration project was welcomed.",
            "2025-06-01",
            doc="b",
        ),
        *figures_in(
            "Officials want the extra A$25 million for Cà Mau to be released by June.",
            "2025-07-01",
            doc="c",
        ),
    ]
    (figure,) = merge_figures(mentions)
    assert {s.document_id for s in figure.sources} == {"a", "b", "c"}
    assert figure.as_of == "2025-03-01" and figure.subject.endswith("(additional)")


def test_unrelated_grants_of_one_value_stay_apart() -> None:
    pairs = [
        ("a $5 million grant for flood relief", "a $5 million grant for school meals"),
        ("a $5 million grant for a clinic in Huế", "a $5 million grant for a clinic in Vinh"),
        ("a $5 million grant for a Hanoi hospital", "a $5 million grant for a Hanoi school"),
        ("a $5 million grant for school meals", "a $5 million grant for hospital meals"),
    ]
    for first, second in pairs:
        mentions = figures_in(f"The city received {first}.", "2025-01-01", doc="a")
        mentions += figures_in(f"The province received {second}.", "2025-02-01", doc="b")
        assert len(merge_figures(mentions)) == 2, (first, second)


def test_units_that_differ_by_a_modifier_are_one_count() -> None:
    mentions = [
        *figures_in("The survey ended after 75 joint field surveys.", "2025-01-01", doc="a"),
        *figures_in("The survey ended after 75 joint surveys.", "2025-01-02", doc="b"),
        *figures_in("It ended after 75 joint surveys in the north.", "2025-01-03", doc="c"),
    ]
    (figure,) = merge_figures(mentions)
    assert figure.unit == "joint surveys" and len(figure.sources) == 3
    assert same_unit("boxes", "boxes of remains")
    assert not same_unit("boxes of remains", "boxes of documents")
    assert not same_unit("rescue missions", "excavation missions")
    assert not same_unit("USD", "EUR")


def test_equal_values_with_different_subjects_stay_apart() -> None:
    found = figures_in(
        "The city spent $5 million for flood relief. The province spent $5 million for school "
        "meals.",
        "2025-01-01",
    )
    assert len(merge_figures(found)) == 2


def test_different_verbs_of_one_noun_are_not_a_history() -> None:
    found = figures_in(
        "The team handed over 120 boxes of remains. Experts have identified 90 boxes of remains.",
        "2025-01-01",
    )
    history = figure_history(merge_figures(found))
    assert sorted(len(h) for h in history.values()) == [1, 1]


def test_reprinted_story_adds_sources_and_ids_are_stable() -> None:
    text = "Police arrested 27 people after the protest. The bank gave $8 million for the port."
    mentions = figures_in(text, "2025-01-01", doc="a") + figures_in(text, "2025-01-02", doc="b")
    figures = merge_figures(mentions)
    assert [len(f.sources) for f in figures] == [2, 2]
    assert {f.id for f in merge_figures(mentions[::-1])} == {f.id for f in figures}
    assert merge_figures([]) == []


def test_subject_key_folds_and_equates() -> None:
    assert subject_key("the Biên Hòa air base project") == subject_key("Bien Hoa airport project")
    assert subject_key("U.S. assistance for the project") == subject_key("US aid project")


# --- properties ------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "$",
        "US$",
        "€",
        "VND",
        "130",
        "1,200",
        "2.5",
        "million",
        "bn",
        "m",
        "USD",
        "dollars",
        "boxes",
        "of",
        "remains",
        "from",
        "to",
        "the",
        "total",
        "44",
        "out",
        "45",
        "dossiers",
        "which",
        "identified",
        ",",
        ".",
        "May",
        "8",
        "2025",
        "-",
        "additional",
        "more",
        "twenty-five",
        "a",
        "dozen",
        "Four",
        "COVID-19",
        "\n",
        "Biên Hòa",
        "project",
        "for",
        "up",
        "handed",
        "over",
        "bringing",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=40))
def test_never_raises_and_offsets_slice_back(prefix: str, parts: list[str]) -> None:
    text = prefix + " ".join(parts)
    found = figures_in(text, "2025-01-01")
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start <= m.end <= m.sentence_end <= len(text)
        assert m.kind in ("money", "count", "percent", "duration", "ordinal")
    for figure in merge_figures(found):
        assert figure.sources
    figure_history(merge_figures(found))
