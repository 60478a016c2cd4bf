"""TimelineRequest: one check of a timeline's parameters, whoever asks."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from dateline.errors import DatelineError
from dateline.summarise.request import MAX_QUERY, SENTENCE_BUDGET, TimelineRequest

TYPES = ("AGREE", "CONSULT", "PROTEST")


def test_the_defaults_are_the_python_apis() -> None:
    from dateline.service import Dossier

    api = inspect.signature(Dossier.timeline).parameters
    for field in dataclasses.fields(TimelineRequest):
        assert api[field.name].default == field.default, field.name
    assert TimelineRequest().budget == SENTENCE_BUDGET


def test_a_request_cannot_be_changed_once_made() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        TimelineRequest().dates = 3  # type: ignore[misc]


def test_the_normal_form_of_days_text_and_type() -> None:
    asked = TimelineRequest(
        since="20240902", until="", query="  strike vote ", entity=" ", event_type="agree"
    ).validated(TYPES)
    assert (asked.since, asked.until) == ("2024-09-02", None)
    assert asked.query == "strike vote" and asked.entity is None
    assert asked.event_type == "AGREE"
    assert asked.validated(TYPES) == asked  # checking twice changes nothing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"since": "2 September"}, "since wants a date as YYYY-MM-DD, not '2 September'"),
        ({"until": "2024-02-30"}, "until wants a date as YYYY-MM-DD"),
        ({"since": "2024-10-01", "until": "2024-09-01"},
         r"since \(2024-10-01\) is after until \(2024-09-01\)"),
        ({"anchor": "headlines"}, "anchor must be one of auto, events, references"),
        ({"budget": 0}, "budget must be a positive number of sentences"),
        ({"dates": 0}, "dates must be a positive number"),
        ({"sentences": 0}, "sentences must be a positive number"),
        ({"query": "word " * MAX_QUERY}, f"query is longer than {MAX_QUERY} characters"),
        ({"entity": "x" * 300}, "entity is longer than 200 characters"),
        ({"event_type": "parade"}, "unknown event type 'parade'; known types: AGREE, CONSULT"),
    ],
)  # fmt: skip
def test_a_bad_parameter_is_refused_with_its_reason(fields: dict, message: str) -> None:
    with pytest.raises(DatelineError, match=message):
        TimelineRequest(**fields).validated(TYPES)


def test_equal_bounds_and_no_limits_are_fine() -> None:
    asked = TimelineRequest(
        dates=None, since="2024-09-13", until="2024-09-13", budget=None
    ).validated()
    assert asked.since == asked.until == "2024-09-13"


def test_any_type_passes_when_no_types_are_given() -> None:
    assert TimelineRequest(event_type="parade").validated().event_type == "PARADE"


def test_messages_name_the_parameters_as_the_caller_does() -> None:
    names = {"since": "--since", "until": "--until", "query": "q"}
    with pytest.raises(DatelineError, match=r"^--since wants a date"):
        TimelineRequest(since="yesterday").validated(names=names)
    with pytest.raises(DatelineError, match=r"^--since \(2024-10-01\) is after --until"):
        TimelineRequest(since="2024-10-01", until="2024-09-01").validated(names=names)
    with pytest.raises(DatelineError, match=r"^q is longer than"):
        TimelineRequest(query="z" * (MAX_QUERY + 1)).validated(names=names)
