"""Timeline summarisation: which dates matter and what happened on each."""

from dateline.summarise.timeline import (
    DatedSentence,
    TimelineEntry,
    TimelineOptions,
    Tuning,
    build_timeline,
    sentences_for,
)

__all__ = [
    "DatedSentence",
    "TimelineEntry",
    "TimelineOptions",
    "Tuning",
    "build_timeline",
    "sentences_for",
]
