"""The lookups that keep matching promises from reading every name or event per promise:
each finds what reading everything finds."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.promises import (
    STEM_LENGTH,
    UNDATED_WINDOW_DAYS,
    _ByDate,
    _Forms,
    _in_period,
    _key,
    _offices,
    _org_spellings,
    _role_text,
    _says_act,
    _whole_words,
)
from dateline.model import Entity, Event, Promise, Role

ORGS = (
    Entity("o1", "Harbour Workers Union", "ORG", aliases=("HWU",)),
    Entity("o2", "Port Authority", "ORG"),
    Entity("o3", "#Dock Forum", "ORG"),  # opens with no word character
    Entity("o4", "Forum of Pilots", "ORG"),
)


def _every_spelling(entities: tuple[Entity, ...]) -> dict[str, frozenset[str]]:
    """What the lookup must find: every organisation spelling tried on every role."""
    spellings = _org_spellings(entities)
    out = {}
    for e in entities:
        said = [_role_text(r) for r in e.roles]
        found = {c for s, c in spellings for text in said if _whole_words(s, text)}
        if e.kind == "PERSON" and found:
            out[_key(e.name)] = frozenset(found)
    return out


def test_offices_are_the_organisations_any_spelling_finds_in_a_role() -> None:
    people = (
        Entity(
            "p1", "Maria Okafor", "PERSON", roles=(Role("President of the HWU", None, None, None),)
        ),
        Entity("p2", "Tom Reyes", "PERSON", roles=(Role("Chair", "#Dock Forum", None, None),)),
        # "port authority" inside other words is no office; at the start of an org it is
        Entity(
            "p3", "Ines Balo", "PERSON", roles=(Role("Head", "Transport Authority", None, None),)
        ),
        Entity(
            "p4", "Lu Wen", "PERSON", roles=(Role("Director", "Port Authority Trust", None, None),)
        ),
        Entity(
            "p5",
            "Ada Kim",
            "PERSON",
            roles=(Role("Secretary of the Forum of Pilots", None, None, None),),
        ),
    )
    entities = ORGS + people
    found = _offices(list(entities))
    assert found == _every_spelling(entities)
    assert found[_key("Tom Reyes")] == {_key("#Dock Forum")}
    assert _key("Ines Balo") not in found
    assert found[_key("Lu Wen")] == {_key("Port Authority")}


# a season, so that periods (an undated promise runs UNDATED_WINDOW_DAYS) hold events
DAYS = st.dates(date(2025, 1, 1), date(2025, 1, 1) + timedelta(days=3 * UNDATED_WINDOW_DAYS)).map(
    lambda d: d.isoformat()
)
EVENT_DATES = st.one_of(st.none(), DAYS, DAYS.map(lambda d: d[:7]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(EVENT_DATES, st.booleans()), max_size=30),
    st.one_of(st.none(), DAYS, st.just("not a date")),
    st.one_of(st.none(), DAYS, DAYS.map(lambda d: d[:7])),
)
def test_events_around_a_promise_hold_every_event_of_its_period_in_order(
    dated: list[tuple[str | None, bool]], made_on: str | None, due: str | None
) -> None:
    events = [
        Event(f"e{i}", "CONSULT", "talks", day, "day", background=old)
        for i, (day, old) in enumerate(dated)
    ]
    promise = Promise("p", "plan", "someone", "will meet", made_on, due)
    around = _ByDate(events).around(promise)
    assert around == [e for e in events if e in around]  # the events' own order
    assert [e for e in events if _in_period(promise, e)] == [
        e for e in around if _in_period(promise, e)
    ]


def test_an_undated_promise_reaches_the_last_day_of_its_window() -> None:
    made = date(2025, 3, 1)
    days = [
        made,
        made + timedelta(days=UNDATED_WINDOW_DAYS),
        made + timedelta(1 + UNDATED_WINDOW_DAYS),
    ]
    events = [Event(f"e{i}", "CONSULT", "talks", d.isoformat(), "day") for i, d in enumerate(days)]
    promise = Promise("p", "plan", "someone", "will meet", made.isoformat())
    kept = [e for e in _ByDate(events).around(promise) if _in_period(promise, e)]
    assert kept == [events[1]]


def _said_by_reading_every_word(word: str, words: set[str]) -> bool:
    if word in words:
        return True
    if len(word) < STEM_LENGTH:
        return False
    return any(len(w) >= STEM_LENGTH and (w.startswith(word) or word.startswith(w)) for w in words)


_FORMS = st.text(alphabet="aegmnrtu", min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(word=_FORMS, data=st.data())
def test_a_word_is_said_as_reading_every_word_finds(word: str, data: st.DataObject) -> None:
    # another form of a word is one starting with it or one it starts with, from a stem on
    cut = st.integers(0, len(word)).map(lambda n: word[:n])
    longer = _FORMS.map(lambda tail: word + tail)
    words = data.draw(st.sets(st.one_of(_FORMS, cut, longer), max_size=12))
    assert _Forms(words).has_form(word) == _said_by_reading_every_word(word, words)


def test_an_act_is_said_by_its_forms() -> None:
    said = _Forms({"dockers", "must", "returned", "to", "work", "meetings"})
    assert _says_act({"return", "work"}, said)  # "returned" is a form of "return"
    assert _says_act({"meeting", "work"}, said)
    assert not _says_act({"retu", "strike", "talks"}, said)  # one word in three
    assert not _says_act(set(), said)


@settings(max_examples=200, deadline=None)
@given(words=st.sets(_FORMS, max_size=12), asked=st.lists(_FORMS, max_size=12))
def test_forms_answer_as_the_words_do_however_often_asked(
    words: set[str], asked: list[str]
) -> None:
    forms = _Forms(words)
    for word in asked + asked:  # each word twice: the second answer is the one kept
        assert forms.has_form(word) == _said_by_reading_every_word(word, words)
