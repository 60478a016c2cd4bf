"""Promises read from short invented articles, and matched to the events that kept them."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.cluster.events import cluster_events
from dateline.extract.events import find_event_mentions
from dateline.extract.promises import find_promises, match_promises, merge_promises
from dateline.model import Entity, Event, Participant, Promise, Source
from dateline.resolve.entities import Resolution, resolve_entities

ARTICLES: dict[str, tuple[str | None, str]] = {
    "call": (
        "2024-03-15",
        "Defence Minister Tran Quoc Huy and Japanese Defence Minister Kenji Watanabe held "
        "phone talks on March 14, discussing maritime cooperation.\n\n"
        "Minister Tran Quoc Huy invited Kenji Watanabe to pay an official visit to Vietnam "
        "this year.\n\n"
        "Tran Quoc Huy said he hoped the two ministries would maintain regular contacts and "
        "that the fifth Vietnam - Japan Defence Dialogue would be held in Hanoi soon.\n\n"
        "He also called on Japan to speed up the training of naval engineers and to finalise "
        "the transfer of two patrol vessels.\n",
    ),
    "call-copy": (
        "2024-03-16",
        "Defence Minister Tran Quoc Huy spoke by telephone with Kenji Watanabe on March 14. "
        "Tran Quoc Huy invited Kenji Watanabe to visit Vietnam this year.\n",
    ),
    "dialogue": (
        "2024-05-07",
        "The fifth Vietnam - Japan Defence Dialogue took place in Hanoi on May 6, co-chaired "
        "by Deputy Defence Minister Pham Duc Long and Japanese Vice Minister Haruto Sato.\n",
    ),
    "visit": (
        "2024-10-22",
        "HANOI — Japanese Defence Minister Kenji Watanabe held talks with Defence Minister "
        "Tran Quoc Huy on Monday, during an official visit to Vietnam from October 21 to 23.\n\n"
        "Tran Quoc Huy said Vietnam will host the regional naval conference at the end of "
        "2025.\n\n"
        "Kenji Watanabe said Japan would continue to train Vietnamese naval officers.\n",
    ),
    "opinion": (
        "2024-03-20",
        "If Watanabe travels to Hanoi, he would sign a memorandum. Analysts think the "
        "ministers will meet again. The two sides will keep deepening their ties.\n",
    ),
}


@dataclass(frozen=True)
class Chain:
    analyses: dict[str, Analysis]
    resolution: Resolution

    def promises(self, doc: str) -> list[Promise]:
        ms = [m for m in self.resolution.mentions if m.document_id == doc]
        date = ARTICLES[doc][0]
        return find_promises(self.analyses[doc], ms, date, entities=self.resolution.entities)

    def events(self) -> list[Event]:
        found = []
        for doc, analysis in self.analyses.items():
            ms = [m for m in self.resolution.mentions if m.document_id == doc]
            date = ARTICLES[doc][0]
            found += find_event_mentions(analysis, ms, date, entities=self.resolution.entities)
        return cluster_events(found, self.resolution.entities)

    def name(self, spelling: str) -> str:
        entity = self.resolution.by_name(spelling)
        assert entity is not None, spelling
        return entity.name


@pytest.fixture(scope="module")
def chain() -> Chain:
    items = [(doc, text) for doc, (_, text) in ARTICLES.items()]
    analyses = {a.document_id: a for a in Analyzer().analyse(items)}
    published = {doc: date for doc, (date, _) in ARTICLES.items()}
    return Chain(analyses, resolve_entities(list(analyses.values()), published))


def test_an_invitation_names_who_invited_whom_and_by_when(chain: Chain) -> None:
    invitation = next(p for p in chain.promises("call") if p.kind == "invitation")
    assert invitation.actor == chain.name("Tran Quoc Huy")
    assert invitation.target == chain.name("Kenji Watanabe")
    assert invitation.text == "invited Kenji Watanabe to pay an official visit to Vietnam this year"
    assert (invitation.made_on, invitation.due) == ("2024-03-14", "2024-12-31")  # at the call


def test_a_hope_keeps_only_what_could_be_kept(chain: Chain) -> None:
    hopes = [p for p in chain.promises("call") if p.kind == "proposal"]
    assert [p.text for p in hopes] == [
        "the fifth Vietnam - Japan Defence Dialogue would be held in Hanoi soon"
    ]
    assert hopes[0].due is None  # "soon" is no date


def test_a_call_for_two_things_is_two_requests(chain: Chain) -> None:
    requests = [p for p in chain.promises("call") if p.kind == "request"]
    assert [p.text for p in requests] == [
        "called on Japan to speed up the training of naval engineers",
        "to finalise the transfer of two patrol vessels",
    ]
    assert {p.target for p in requests} == {chain.name("Japan")}


def test_plans_and_pledges_in_the_future(chain: Chain) -> None:
    found = {p.kind: p for p in chain.promises("visit")}
    plan, pledge = found["plan"], found["pledge"]
    assert plan.text == "will host the regional naval conference at the end of 2025"
    assert (plan.actor, plan.due, plan.made_on) == (
        chain.name("Vietnam"),
        "2025-12-31",
        "2024-10-21",
    )
    assert pledge.text == "would continue to train Vietnamese naval officers"


def test_conditions_expectations_and_vague_aims_are_no_promises(chain: Chain) -> None:
    assert chain.promises("opinion") == []


def test_every_promise_quotes_its_sentence(chain: Chain) -> None:
    for doc, analysis in chain.analyses.items():
        for p in chain.promises(doc):
            (source,) = p.sources
            assert p.text in analysis.text[source.start : source.end]


def test_reports_of_one_promise_merge(chain: Chain) -> None:
    invitations = [
        p for doc in ("call", "call-copy") for p in chain.promises(doc) if p.kind == "invitation"
    ]
    (merged,) = merge_promises(invitations)
    assert {s.document_id for s in merged.sources} == {"call", "call-copy"}
    assert (merged.made_on, merged.due) == ("2024-03-14", "2024-12-31")


def test_kept_promises_point_to_the_event_that_kept_them(chain: Chain) -> None:
    events = chain.events()
    promises = [p for doc in ARTICLES for p in chain.promises(doc)]
    matched = match_promises(promises, events, chain.resolution.entities)
    by_id = {e.id: e for e in events}
    (invitation,) = [p for p in matched if p.kind == "invitation"]
    assert {s.document_id for s in invitation.sources} == {"call", "call-copy"}
    assert invitation.status == "fulfilled"
    assert by_id[invitation.fulfilled_by].date == "2024-10-21"
    (dialogue,) = [p for p in matched if p.kind == "proposal"]
    assert by_id[dialogue.fulfilled_by].date == "2024-05-06"
    still_open = [p for p in matched if p.kind in ("request", "plan", "pledge")]
    assert still_open and all(p.status == "open" and p.fulfilled_by is None for p in still_open)


# --- matching rules on hand-made records ----------------------------------------------

GUEST = Entity("guest", "Kenji Watanabe", "PERSON")


def visit_event(date: str, title: str = "Tran Quoc Huy – Kenji Watanabe talks in Hanoi") -> Event:
    people = (Participant("host", "Tran Quoc Huy"), Participant("guest", "Kenji Watanabe"))
    return Event(f"ev-{date}", "CONSULT", title, date, "day", participants=people)


def invitation(**changes: object) -> Promise:
    base = Promise(
        id="p1",
        kind="invitation",
        actor="Tran Quoc Huy",
        text="invited Kenji Watanabe to pay an official visit to Vietnam this year",
        made_on="2024-03-14",
        due="2024-12-31",
        target="Kenji Watanabe",
        sources=(Source("call", 0, 80),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_only_a_later_event_within_the_due_period_keeps_a_promise() -> None:
    (kept,) = match_promises([invitation()], [visit_event("2024-10-21")], [GUEST])
    assert kept.fulfilled_by == "ev-2024-10-21"
    (early,) = match_promises([invitation()], [visit_event("2024-03-14")], [GUEST])
    (late,) = match_promises([invitation()], [visit_event("2025-02-01")], [GUEST])
    assert early.status == late.status == "open"


def test_a_phone_call_does_not_keep_an_invitation_to_visit() -> None:
    call = visit_event("2024-06-01", "Tran Quoc Huy – Kenji Watanabe phone talks")
    (promise,) = match_promises([invitation()], [call], [GUEST])
    assert promise.status == "open"


def test_someone_else_visiting_does_not_keep_it() -> None:
    other = replace(visit_event("2024-10-21"), participants=(Participant("x", "Haruto Sato"),))
    (promise,) = match_promises([invitation()], [other], [GUEST])
    assert promise.status == "open"


def test_a_promise_naming_no_one_is_never_marked_kept() -> None:
    vague = invitation(text="invited the leaders to visit Vietnam soon", target=None, due=None)
    (promise,) = match_promises([vague], [visit_event("2024-10-21")], [GUEST])
    assert promise.status == "open"
