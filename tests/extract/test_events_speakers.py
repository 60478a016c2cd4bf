"""Who speaks for a body's act in the sentence after it, from invented articles (invented
companies, unions and people) through the real English model."""

from __future__ import annotations

import pytest

from tests.extract.articles import Chain, party_names

ARTICLES: dict[str, tuple[str | None, str]] = {
    "officer": (
        "2023-05-20",
        "Harlow Corp. announced Tuesday a hiring freeze and deep cuts in spending on "
        "suppliers.\n\n"
        '"We are in a hard stretch," Chief Operating Officer Mira Lanz said in a note to '
        "employees.\n",
    ),
    "other_side": (
        "2023-05-20",
        "Harlow Corp. announced Tuesday a hiring freeze and deep cuts in spending on "
        "suppliers.\n\n"
        '"Harlow Corp. punishes its workers," union president Tom Brecker said.\n',
    ),
    "ministry": (
        "2023-03-04",
        "Valdoria demands Kestland remove its radar station.\n\n"
        "According to Valdorian state radio on March 2, Valdoria's Interior Ministry called "
        "on Kestland to honour its pledges by removing the radar station. Valdoria said it "
        "would respond.\n"
        "Interior Ministry spokesperson Anna Kovacs claimed the radar is a threat.\n",
    ),
    "courtesy": (
        "2023-03-04",
        "On Thursday, the Harlow Corp. board called on the governor at his office.\n",
    ),
}


@pytest.fixture(scope="module")
def chain() -> Chain:
    return Chain.of(ARTICLES)


def test_a_company_officer_quoted_next_speaks_for_its_announcement(chain: Chain) -> None:
    (cuts,) = [m for m in chain.mentions("officer") if m.kind == "cuts"]
    assert cuts.date == "2023-05-16"
    assert "Harlow Corp." in party_names(cuts) and "Mira Lanz" in party_names(cuts)


def test_a_speaker_whose_title_is_not_the_company_s_does_not(chain: Chain) -> None:
    (cuts,) = [m for m in chain.mentions("other_side") if m.kind == "cuts"]
    assert "Brecker" not in party_names(cuts)


def test_a_body_calling_on_another_to_act_demands_it(chain: Chain) -> None:
    (call,) = [m for m in chain.mentions("ministry") if m.trigger == "called"]
    assert (call.type, call.kind) == ("DEMAND", "demand")
    # the day the report gives dates what was said
    assert call.date == "2023-03-02"
    # the spokesperson a sentence later, whose title names the ministry, speaks for it
    assert "Interior Ministry" in party_names(call) and "Anna Kovacs" in party_names(call)


def test_calling_on_someone_without_asking_anything_is_no_demand(chain: Chain) -> None:
    assert [m for m in chain.mentions("courtesy") if m.type == "DEMAND"] == []
