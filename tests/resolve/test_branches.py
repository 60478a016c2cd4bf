"""Numbered branches of an organisation ("Local 12", "District 9"): one entity of their
own, never merged into the whole organisation."""

from __future__ import annotations

from tests.resolve.test_entities import doc, entity, resolve, same


def test_branch_after_a_name_belongs_to_the_name() -> None:
    # the model ends the union's name before its branch and tags the branch a place
    r = resolve(
        doc("a", "Members of the [[Harbour Pilots Guild|ORG]] [[Lodge 42|LOC]] walked out."),
        doc("b", "The [[Harbour Pilots Guild|ORG]] praised the crews."),
    )
    branch = entity(r, "Harbour Pilots Guild Lodge 42")
    assert branch.kind == "ORG"
    assert not same(r, "Harbour Pilots Guild Lodge 42", "Harbour Pilots Guild")


def test_spellings_of_one_branch_merge_but_the_acronym_stays_with_the_whole() -> None:
    r = resolve(
        doc("a", "The [[Harbour Pilots Guild|ORG]] District 7 ([[HPG|ORG]]) voted."),
        doc("b", "[[HPG|ORG]] District 7 said the vote was close."),
        doc("c", "Leaders of [[District 7|LOC]] met on Monday."),
        doc("d", "The [[HPG|ORG]] office of the [[Harbour Pilots Guild|ORG]] kept quiet."),
    )
    assert same(r, "Harbour Pilots Guild District 7", "HPG District 7", "District 7")
    assert same(r, "HPG", "Harbour Pilots Guild")
    assert not same(r, "HPG", "HPG District 7")


def test_a_branch_number_of_two_organisations_stays_apart() -> None:
    r = resolve(
        doc("a", "[[Dock Workers Union|ORG]] Local 5 struck."),
        doc("b", "[[Bakers Guild|ORG]] Local 5 did not."),
        doc("c", "Pickets of [[Local 5|ORG]] gathered."),
    )
    assert not same(r, "Dock Workers Union Local 5", "Bakers Guild Local 5")
    assert not same(r, "Local 5", "Dock Workers Union Local 5")
