"""A report in an undated article that gives only a weekday is still a report: the event
is found and its day left unresolved. Articles invented for these tests."""

from __future__ import annotations

from tests.extract.articles import Chain

TEXT = (
    "The Harbour Pilots Guild represents 900 pilots at Norrland Ports.\n\n"
    "The guild went on strike on Saturday after talks broke down.\n"
)


def test_a_strike_on_a_weekday_in_an_undated_article_is_found_undated() -> None:
    chain = Chain.of({"undated": (None, TEXT)})
    strikes = [m for m in chain.mentions("undated") if m.kind == "strike"]
    assert len(strikes) == 1
    assert strikes[0].date is None and strikes[0].weekday == 5
    assert [p.entity_id for p in strikes[0].participants] == [
        chain.resolution.by_name("Harbour Pilots Guild").id  # type: ignore[union-attr]
    ]


def test_the_same_strike_in_a_dated_article_takes_its_day() -> None:
    chain = Chain.of({"dated": ("2025-03-11", TEXT)})
    strikes = [m for m in chain.mentions("dated") if m.kind == "strike"]
    assert [m.date for m in strikes] == ["2025-03-08"]
