"""Month and weekday names with their abbreviations, and their numbers.

Months count from 1 (January), weekdays from 0 (Monday), as :mod:`datetime` does.
"""

from __future__ import annotations

from typing import Final

MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Abbreviations news copy writes, in calendar order (a dot may follow); "May" has none.
MONTH_ABBREVIATIONS: Final[dict[str, int]] = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sept": 9,
    "Sep": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# Three-letter abbreviations first, then the longer ones some outlets write.
WEEKDAY_ABBREVIATIONS: Final[dict[str, int]] = {
    "Mon": 0,
    "Tue": 1,
    "Wed": 2,
    "Thu": 3,
    "Fri": 4,
    "Sat": 5,
    "Sun": 6,
    "Tues": 1,
    "Thur": 3,
    "Thurs": 3,
}

# Every written form, lower case, to its number.
MONTHS: Final[dict[str, int]] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{abbr.lower(): i for abbr, i in MONTH_ABBREVIATIONS.items()},
}
WEEKDAYS: Final[dict[str, int]] = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **{abbr.lower(): i for abbr, i in WEEKDAY_ABBREVIATIONS.items()},
}


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for, any case, a final dot allowed."""
    return MONTHS.get(word.lower().removesuffix("."))


def weekday_number(word: str) -> int | None:
    """The weekday (Monday = 0) a name or abbreviation stands for, any case, a final dot
    allowed."""
    return WEEKDAYS.get(word.lower().removesuffix("."))


def short_weekdays() -> tuple[str, ...]:
    """The three-letter weekday abbreviations, Monday first ("Mon" ... "Sun")."""
    return tuple(a for a in WEEKDAY_ABBREVIATIONS if len(a) == 3)


def short_months() -> tuple[str, ...]:
    """Every month's first three letters, January first ("Jan" ... "Dec", "May" too)."""
    return tuple(name[:3] for name in MONTH_NAMES)


def month_words() -> tuple[str, ...]:
    """Every month name and abbreviation as written, longest first (so a regex
    alternation of them tries "Sept" before "Sep")."""
    return tuple(sorted(MONTH_NAMES + tuple(MONTH_ABBREVIATIONS), key=len, reverse=True))
