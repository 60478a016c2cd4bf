"""The extraction cache's encoding: each kept value is its fields' values, nested, and
reads back as the same objects."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from dateline.model import Mention, Promise, Role, Source
from dateline.pipeline import extractions
from dateline.pipeline.extractions import _plain, _reader
from tests.extract.test_promises import invitation


def field_by_field(value: object) -> Any:
    """The encoding read off each field in turn, as the cache's format defines it."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [field_by_field(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, tuple | list):
        return [field_by_field(v) for v in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(type(value).__name__)


@dataclasses.dataclass(frozen=True)
class _One:
    only: tuple[int, ...]


# Written for this test: nested dataclasses, a one-field dataclass, bools, floats, None.
VALUES: list[object] = [
    Mention("d1", 2, 10, 19, "Ana Reyes", "PERSON", "p1"),
    [Role("minister", "o1", "2025-03-01", None, (Source("d1", 4, 30), Source("d2", 0, 9)))],
    Source("d1", 3, 40),
    _One((1, 2, 3)),
    [(1, "a", None), (2.5, True, ("x", 0))],
    {"not": "kept"},
]


@pytest.mark.parametrize("value", VALUES)
def test_the_encoding_is_each_fields_value_in_turn(value: object) -> None:
    try:
        expected = field_by_field(value)
    except TypeError:
        with pytest.raises(TypeError, match="cannot keep a dict"):
            _plain(value)
        return
    assert _plain(value) == expected
    assert json.dumps(_plain(value)) == json.dumps(expected)  # bool stays bool, int int


def test_a_promise_comes_back_as_kept() -> None:
    promise = invitation(target="p2", sources=(Source("d1", 0, 30), Source("d2", 4, 9)))
    plain = json.loads(json.dumps(_plain([promise])))
    assert _reader(list[Promise])(plain) == [promise]
    assert extractions._fields(Promise) is extractions._fields(Promise)  # made once per type
