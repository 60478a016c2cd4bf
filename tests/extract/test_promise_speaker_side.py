"""Who promises when a speaker says what their own side will do; articles written for
these tests."""

from __future__ import annotations

import pytest

from dateline.analyse.nlp import Analyzer
from tests.extract.articles import only, read_promises

TEXT = (
    "Norwegian Defence Minister Tomas Berg met Tunisian Defence Minister Laila Haddad in "
    "Tunis on Monday.\n\n"
    "Tomas Berg said Norway would keep training Tunisian divers in mine clearance.\n\n"
    "Tomas Berg said Tunisia would continue to host the joint diving school.\n\n"
    "Laila Haddad noted that Tunisia will continue to train coast guard crews.\n"
)


def test_a_speaker_saying_what_their_country_will_do_makes_the_pledge(
    analyzer: Analyzer,
) -> None:
    found = read_promises(analyzer, TEXT, "2025-04-02")
    assert only(found, "training Tunisian divers").actor == "Tomas Berg"


def test_a_speaker_saying_what_another_country_will_do_leaves_it_that_countrys(
    analyzer: Analyzer,
) -> None:
    found = read_promises(analyzer, TEXT, "2025-04-02")
    assert only(found, "host the joint diving school").actor == "Tunisia"


def test_a_side_that_will_act_in_a_report_keeps_its_own_pledge(analyzer: Analyzer) -> None:
    found = read_promises(analyzer, TEXT, "2025-04-02")
    assert only(found, "train coast guard crews").actor == "Tunisia"


@pytest.mark.parametrize(
    "letter",
    [
        "A letter from the Norwegian Defence Minister reached the Tunisian side too, urging "
        "Tunisia to back a joint naval school.",
        "A letter from the Norwegian Defence Minister, read out before the talks closed, "
        "urged Tunisia to back a joint naval school.",
    ],
)
def test_a_letter_from_a_titled_sender_speaks_for_the_one_holding_that_title(
    analyzer: Analyzer, letter: str
) -> None:
    found = read_promises(
        analyzer,
        "Norwegian Defence Minister Tomas Berg held talks with Tunisian Defence Minister "
        "Laila Haddad in Tunis on Monday. Norwegian Deputy Defence Minister Ola Lund "
        "joined them.\n\n" + letter + "\n",
        "2025-04-02",
    )
    assert only(found, "joint naval school").actor == "Tomas Berg"
