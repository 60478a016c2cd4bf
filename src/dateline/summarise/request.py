"""One timeline question, as the CLI, the web app and the Python API ask it.

A :class:`TimelineRequest` holds every parameter of a timeline; :meth:`~TimelineRequest.validated`
is the one check of them all (each entry point calls it, so a bad value gets the same message
wherever it comes from) and gives back the request in normal form: days as ``YYYY-MM-DD``,
text stripped, an empty value as None, the event type in capitals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from dateline.errors import DatelineError

__all__ = [
    "MAX_NAME",
    "MAX_QUERY",
    "SENTENCE_BUDGET",
    "TIMELINE_ANCHORS",
    "TimelineRequest",
    "checked_day",
]

TIMELINE_ANCHORS = ("auto", "events", "references")
# Sentences one timeline reads at most: beyond, it ranks from the day counts the build keeps,
# or reads an even sample of the articles where none hold (see dateline.summarise.plan).
# Every Timeline17 topic fits well within it.
SENTENCE_BUDGET = 50_000
# The longest topic query and entity name a request may carry (the web app's limits too).
MAX_QUERY = 500
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class TimelineRequest:
    """The dates that matter, asked for: how many (None: all), with how many sentences each,
    between which days, on which topic, naming which entity, reporting which event type,
    anchored on what, reading at most how many candidate sentences (None: no limit)."""

    dates: int | None = 10
    sentences: int = 2
    since: str | None = None  # YYYY-MM-DD, the first day read and shown
    until: str | None = None  # YYYY-MM-DD, the last
    query: str | None = None  # topic keywords
    entity: str | None = None  # a name, an alias or an entity id
    event_type: str | None = None
    anchor: str = "auto"  # see TIMELINE_ANCHORS
    budget: int | None = SENTENCE_BUDGET

    def validated(
        self,
        event_types: Collection[str] | None = None,
        names: Mapping[str, str] | None = None,
    ) -> TimelineRequest:
        """This request in normal form, or a :class:`~dateline.errors.DatelineError` saying
        what is wrong. ``event_types``, when given, are the types ``event_type`` may name;
        ``names`` are what the caller calls the fields in its messages (e.g. ``--since``)."""
        called = dict(names or {})

        def name(field: str) -> str:
            return called.get(field, field)

        if self.dates is not None and self.dates < 1:
            raise DatelineError(f"{name('dates')} must be a positive number of dates")
        if self.sentences < 1:
            raise DatelineError(f"{name('sentences')} must be a positive number of sentences")
        if self.anchor not in TIMELINE_ANCHORS:
            raise DatelineError(f"{name('anchor')} must be one of {', '.join(TIMELINE_ANCHORS)}")
        if self.budget is not None and self.budget < 1:
            raise DatelineError(f"{name('budget')} must be a positive number of sentences")
        since = checked_day(self.since, name("since"))
        until = checked_day(self.until, name("until"))
        if since and until and since > until:
            raise DatelineError(f"{name('since')} ({since}) is after {name('until')} ({until})")
        asked_type = self.event_type
        event_type = _checked_text(asked_type, name("event_type"), MAX_NAME)
        if asked_type is not None and event_type is not None:
            event_type = event_type.upper()
            if event_types is not None and event_type not in event_types:
                known = ", ".join(sorted(event_types))
                raise DatelineError(f"unknown event type {asked_type[:40]!r}; known types: {known}")
        return dataclasses.replace(
            self,
            since=since,
            until=until,
            query=_checked_text(self.query, name("query"), MAX_QUERY),
            entity=_checked_text(self.entity, name("entity"), MAX_NAME),
            event_type=event_type,
        )


def checked_day(value: str | None, name: str) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None for nothing or an empty value)."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise DatelineError(f"{name} wants a date as YYYY-MM-DD, not {value[:40]!r}") from None


def _checked_text(value: str | None, name: str, limit: int) -> str | None:
    """``value`` stripped (None for nothing or blanks), refused past ``limit`` characters."""
    if value is None or value.strip() == "":
        return None
    if len(value) > limit:
        raise DatelineError(f"{name} is longer than {limit} characters")
    return value.strip()
