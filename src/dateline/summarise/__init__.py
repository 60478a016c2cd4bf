"""Timeline summarisation: which dates matter and what happened on each."""

from dateline.summarise.plan import plan_timeline, plan_timelines
from dateline.summarise.request import TimelineRequest
from dateline.summarise.timeline import (
    DatedSentence,
    TimelineEntry,
    TimelineOptions,
    Tuning,
    build_timeline,
    build_timelines,
    sentences_for,
)

__all__ = [
    "DatedSentence",
    "TimelineEntry",
    "TimelineOptions",
    "TimelineRequest",
    "Tuning",
    "build_timeline",
    "build_timelines",
    "plan_timeline",
    "plan_timelines",
    "sentences_for",
]
