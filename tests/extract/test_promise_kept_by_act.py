"""A promise kept by the named event it promised to join, by a later event that does
what its words say, and by the body whose name holds an "and"; events made up for
these tests."""

from __future__ import annotations

from dateline.extract.promises import match_promises
from dateline.model import Entity, Event, Participant, Promise, Source


def promise(text: str, actor: str, made_on: str, due: str | None = None) -> Promise:
    return Promise("p1", "plan", actor, text, made_on, due, sources=(Source("doc", 0, 60),))


def event(event_id: str, kind: str, title: str, date: str, *names: str) -> Event:
    people = tuple(Participant(f"e{i}", n) for i, n in enumerate(names))
    return Event(event_id, kind, title, date, "day", participants=people)


def test_a_plan_for_a_named_exercise_is_kept_when_it_opens() -> None:
    plan = promise(
        "will send two patrol boats and a survey drone for Exercise Sea Shield this summer",
        "Navy Command",
        "2025-04-02",
        "2025-08-31",
    )
    before = event("ev-old", "COOPERATE", "Exercise Sea Shield 24 opening", "2024-05-02")
    other = event("ev-other", "COOPERATE", "Harbour Guard drills", "2025-05-10", "Coast Guard")
    opening = event(
        "ev-open", "COOPERATE", "Exercise Sea Shield 25 opening", "2025-06-03", "Tomas Berg"
    )
    (kept,) = match_promises([plan], [before, other, opening])
    assert kept.fulfilled_by == "ev-open"
    (open_,) = match_promises([plan], [before, other])
    assert open_.status == "open"


def test_a_demand_to_return_to_work_is_kept_by_the_return() -> None:
    demand = Promise(
        "p1",
        "request",
        "Harbour Workers Union",
        "are told to return to work no later than Oct. 9",
        "2025-10-01",
        sources=(Source("doc", 0, 60),),
    )
    back = event("ev-back", "RETURN", "Dockers return to work", "2025-10-08", "Coastline Shipping")
    talks = event("ev-talks", "CONSULT", "Coastline Shipping talks", "2025-10-03")
    (kept,) = match_promises([demand], [talks, back])
    assert kept.fulfilled_by == "ev-back"
    early = event("ev-early", "RETURN", "Dockers return to work", "2025-09-20")
    (still,) = match_promises([demand], [talks, early])
    assert still.status == "open"


def test_a_body_whose_name_holds_and_keeps_its_own_pledge() -> None:
    name = "Association of Pilots and Flight Engineers"
    pledge = Promise(
        "p1",
        "pledge",
        name,
        "will keep bargaining with the airline until both sides sign a new deal",
        "2025-10-01",
        sources=(Source("doc", 0, 60),),
    )
    deal = event("ev-deal", "AGREE", "Deal reached", "2025-10-20", name, "Skyway Air")
    rival = event("ev-rival", "AGREE", "Deal reached", "2025-10-12", "Cabin Crew Guild", "Jetline")
    (kept,) = match_promises([pledge], [rival, deal], [Entity("u", name, "ORG")])
    assert kept.fulfilled_by == "ev-deal"


def test_a_meeting_elsewhere_does_not_keep_a_plan_to_meet_in_a_named_place() -> None:
    plan = promise(
        "scheduled to meet with fleet commanders in Valletta",
        "Tomas Berg",
        "2025-04-02",
    )
    places = [Entity("g1", "Valletta", "GPE"), Entity("g2", "Norway", "GPE")]
    elsewhere = Event(
        "ev-oslo",
        "CONSULT",
        "Tomas Berg – Laila Haddad meeting in Norway",
        "2025-04-05",
        "day",
        location="Norway",
        participants=(Participant("p1", "Tomas Berg"), Participant("p2", "Laila Haddad")),
    )
    (still,) = match_promises([plan], [elsewhere], places)
    assert still.status == "open"
    there = Event(
        "ev-valletta",
        "CONSULT",
        "Tomas Berg meeting in Valletta",
        "2025-04-06",
        "day",
        location="Valletta",
        participants=(Participant("p1", "Tomas Berg"),),
    )
    (kept,) = match_promises([plan], [elsewhere, there], places)
    assert kept.fulfilled_by == "ev-valletta"


def test_a_plan_to_visit_is_not_kept_by_someone_elses_visit() -> None:
    plan = promise("will visit Valletta next month", "Tomas Berg", "2025-04-02")
    other = event("ev-other", "CONSULT", "Laila Haddad visit", "2025-04-20", "Laila Haddad")
    (still,) = match_promises([plan], [other])
    assert still.status == "open"
    own = event("ev-own", "CONSULT", "Tomas Berg visit", "2025-04-22", "Tomas Berg")
    (kept,) = match_promises([plan], [other, own])
    assert kept.fulfilled_by == "ev-own"


def test_a_summit_named_by_its_city_is_not_kept_by_any_meeting_there() -> None:
    plan = promise("will attend the Canberra summit next month", "Tomas Berg", "2025-04-02")
    other = Event(
        "ev-other",
        "CONSULT",
        "Laila Haddad – Rita Abela meeting in Canberra",
        "2025-04-20",
        "day",
        location="Canberra",
        participants=(Participant("p2", "Laila Haddad"), Participant("p3", "Rita Abela")),
    )
    (still,) = match_promises([plan], [other], [Entity("g", "Canberra", "GPE")])
    assert still.status == "open"


def test_an_event_whose_own_sentence_names_the_exercise_keeps_the_plan() -> None:
    plan = promise(
        "will send two patrol boats for Exercise Sea Shield this summer",
        "Navy Command",
        "2025-04-02",
        "2025-08-31",
    )
    text = (
        "Admirals met in Sfax on Monday ahead of Exercise Sea Shield. "
        "Exercise Sea Shield 25 opened with a ceremony at Camp Nour on Tuesday."
    )
    cut = text.index("Exercise Sea Shield 25")

    def reported(event_id: str, kind: str, title: str, date: str, start: int, end: int) -> Event:
        people = (Participant("p1", "Tomas Berg"), Participant("p2", "Laila Haddad"))
        return Event(
            event_id, kind, title, date, "day", participants=people,
            sources=(Source("d1", start, end),),
        )  # fmt: skip

    meeting = reported(
        "ev-meet", "CONSULT", "Tomas Berg – Laila Haddad meeting", "2025-06-02", 0, cut
    )
    ceremony = reported(
        "ev-open", "COOPERATE", "Tomas Berg – Laila Haddad ceremony", "2025-06-03", cut, len(text)
    )
    (open_,) = match_promises([plan], [meeting], texts={"d1": text})
    assert open_.status == "open"
    (kept,) = match_promises([plan], [meeting, ceremony], texts={"d1": text})
    assert kept.fulfilled_by == "ev-open"
