"""Titles the parse sets in apposition to a name when the words alone do not read them
(a branch's number, two officers joined by "and"). Articles written for these tests."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer
from dateline.resolve.entities import resolve_entities


def test_a_numbered_branch_in_an_apposition_is_the_officers_office(analyzer: Analyzer) -> None:
    text = (
        "Dockers walked out on Monday. The rally was opened by Maria Okafor, President of "
        "HWU Local 412 and Sam Reyes, President of HWU Local B7, before the march.\n"
    )
    analyses = list(analyzer.analyse([("a", text)]))
    resolution = resolve_entities(analyses, {"a": "2025-03-03"})
    okafor = resolution.by_name("Maria Okafor")
    assert okafor is not None
    assert any("Local 412" in role.title for role in okafor.roles), okafor.roles
