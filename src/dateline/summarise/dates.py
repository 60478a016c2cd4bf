"""Date selection: how much the corpus refers to each day.

A date matters when many independent documents refer to it. An explicit day reference ("on
April 20") counts once per duplicate group, with its strongest form: more when the article
came over a week later (the story is still being told), a lot more in a chronology entry
("April 20 - ...": a journalist listed the date), less when it names a day still to come
(plans may not happen); a reference to the publication day itself may be weighed apart
(``Tuning.same_day``: by default as much as one to the day before). The number of
independent documents published on the day is a weaker signal; month references may add a
little support spread over the month's days (off by default: it lowered date F1 on T17).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from dateline.summarise.tuning import Tuning


@dataclass(frozen=True)
class Reference:
    """One sentence's reference to a date, reduced to what the date score needs."""

    root: str  # duplicate-group root of the document
    day: date
    published: date | None
    precision: str  # day | month
    chronology: bool = False  # the sentence is a chronology entry for this date
    strength: float = 1.0  # how much its document is about the input's story (1: average)


@dataclass
class DateSupport:
    """Evidence for every date: per date, the independent documents and their weights."""

    explicit: dict[date, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    published: dict[date, set[str]] = field(default_factory=lambda: defaultdict(set))
    months: dict[tuple[int, int], set[str]] = field(default_factory=lambda: defaultdict(set))


def reference_weight(
    day: date, published: date | None, tuning: Tuning, chronology: bool = False
) -> float:
    """Weight of one explicit day reference, from where it stands to its publication."""
    if chronology:
        return tuning.mention + tuning.chronology
    if published is None:
        return tuning.mention
    gap = (published - day).days
    if gap < 0:
        return tuning.mention * tuning.future
    if gap == 0:
        return tuning.mention * tuning.same_day
    if gap == 1:
        return tuning.mention
    return tuning.mention + (tuning.week if gap <= 7 else tuning.old)


def collect(
    references: Iterable[Reference], publications: Iterable[tuple[str, date]], tuning: Tuning
) -> DateSupport:
    """Gather support; a group of duplicates counts once, with its strongest reference."""
    support = DateSupport()
    for ref in references:
        if ref.precision == "month":
            support.months[(ref.day.year, ref.day.month)].add(ref.root)
            continue
        weight = reference_weight(ref.day, ref.published, tuning, ref.chronology) * ref.strength
        roots = support.explicit[ref.day]
        roots[ref.root] = max(roots.get(ref.root, 0.0), weight)
    for root, day in publications:
        support.published[day].add(root)
    return support


def score_dates(
    support: DateSupport,
    tuning: Tuning,
    event_dates: Mapping[str, float] | None = None,
) -> dict[date, float]:
    """Score of every date with any day-precision support (month support alone is not enough)."""
    days = set(support.explicit) | set(support.published)
    if event_dates:
        days |= {date.fromisoformat(d) for d in event_dates}
    scores: dict[date, float] = {}
    for day in days:
        score = sum(support.explicit.get(day, {}).values())
        score += tuning.published * len(support.published.get(day, ()))
        month = support.months.get((day.year, day.month), ())
        score += tuning.month * len(month) / calendar.monthrange(day.year, day.month)[1]
        if event_dates:
            score += event_dates.get(day.isoformat(), 0.0)
        scores[day] = score
    return scores


def supporting_documents(support: DateSupport, day: date) -> int:
    """Independent documents that refer to ``day`` or report it on publication."""
    return len(set(support.explicit.get(day, {})) | support.published.get(day, set()))


def select_dates(
    scores: Mapping[date, float], count: int | None, spread: float, expected: int | None = None
) -> list[date]:
    """Dates best first, picked greedily, each pick damping dates near it (``count`` at most).

    A journalist's timeline spreads its dates over the period, while raw counts cluster them
    where coverage is densest. A date ``delta`` days from a chosen one keeps the factor
    ``min(1, delta / gap) ** spread``, ``gap`` being the period's length over the number of
    dates ``expected`` (``count`` by default).
    """
    remaining = sorted(scores, key=lambda d: (-scores[d], d))
    expected = expected or count
    if not remaining or not expected or spread <= 0.0:
        return remaining[:count]
    gap = max(1.0, ((max(remaining) - min(remaining)).days + 1) / expected)
    factor = dict.fromkeys(remaining, 1.0)
    chosen: list[date] = []
    while remaining and (count is None or len(chosen) < count):
        best = max(remaining, key=lambda d: (scores[d] * factor[d], -d.toordinal()))
        chosen.append(best)
        remaining.remove(best)
        for d in remaining:
            damp = min(1.0, abs((d - best).days) / gap) ** spread
            factor[d] = min(factor[d], damp)
    return chosen
