"""Check a date candidate: a real calendar date inside a plausible window.

The window is [1900-01-01, today + 1 day]. Nothing in a news corpus is older than
1900, and a date after tomorrow is a typo, a misread number or an event being
announced; one day of slack covers articles stamped in a time zone ahead of ours.
``today`` is a parameter so results do not change with the clock.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.model import DateCandidate

EARLIEST = date(1900, 1, 1)
FUTURE_SLACK = timedelta(days=1)
KNOWN_HOWS = (
    "header", "html-meta", "record", "dateline", "duplicate", "published-line", "timestamp",
    "inferred", "updated-line", "path", "end-stamp", "reported",
)  # fmt: skip

_ISO_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_value(value: str) -> date | None:
    """The date of a strict ``YYYY-MM-DD`` string, or ``None`` if it is not one."""
    m = _ISO_VALUE.fullmatch(value)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def rejection(candidate: DateCandidate, *, today: date) -> str | None:
    """Why ``candidate`` cannot be a publication date, or ``None`` if it can."""
    if candidate.how not in KNOWN_HOWS:
        return f"unknown source {candidate.how!r}"
    if _ISO_VALUE.fullmatch(candidate.value) is None:
        return "not a YYYY-MM-DD date"
    found = parse_value(candidate.value)
    if found is None:
        return "not a real calendar date"
    if found < EARLIEST:
        return f"before {EARLIEST.isoformat()}"
    if found > today + FUTURE_SLACK:
        return f"in the future (today is {today.isoformat()})"
    return None


def is_plausible(candidate: DateCandidate, *, today: date) -> bool:
    """True when :func:`rejection` finds nothing wrong."""
    return rejection(candidate, today=today) is None
