"""TimelineJS export: the timeline as the JSON that Knight Lab's TimelineJS3 reads.

Documented format: an object with a required ``events`` list of slides and optional
``title``, ``eras`` and ``scale``; a slide needs ``start_date`` (a date object whose
``year`` is required) and may have ``end_date``, ``text`` (``headline``, ``text``),
``group``, ``display_date``, ``unique_id``. `schema/timelinejs.schema.json` encodes that
and the tests validate every export against it. Article text is escaped: TimelineJS
renders ``text`` as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from dateline.model import Event


def date_object(value: str, precision: str | None = "day") -> dict[str, Any]:
    """``YYYY-MM-DD`` as a TimelineJS date, no finer than its precision."""
    year, month, day = (int(part) for part in value.split("-"))
    date: dict[str, Any] = {"year": year}
    if precision in ("day", "month", None):
        date["month"] = month
    if precision in ("day", None):
        date["day"] = day
    return date


def _sources_note(count: int) -> str:
    return f"<p><small>{count} source{'s' if count != 1 else ''}</small></p>"


def entry_slide(entry: Any, events_on_day: Sequence[Event]) -> dict[str, Any]:
    """One slide per timeline date: the day's main event as headline, the summary as text."""
    headline = events_on_day[0].title if events_on_day else entry.texts[0][:90]
    body = "".join(f"<p>{html.escape(text)}</p>" for text in entry.texts)
    slide: dict[str, Any] = {
        "start_date": date_object(entry.date),
        "text": {
            "headline": html.escape(headline),
            "text": body + _sources_note(entry.documents),
        },
        "unique_id": f"date-{entry.date}",
    }
    if events_on_day:
        slide["group"] = events_on_day[0].type
    return slide


def timelinejs(
    title: str, entries: Sequence[Any], events: Sequence[Event], description: str = ""
) -> dict[str, Any]:
    """The whole TimelineJS document for ``entries`` (TimelineEntry objects)."""
    by_day: dict[str, list[Event]] = {}
    for event in events:
        if event.date and event.precision == "day":
            by_day.setdefault(event.date, []).append(event)
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(description)}},
        "events": [entry_slide(e, by_day.get(e.date, [])) for e in entries],
        "scale": "human",
    }
