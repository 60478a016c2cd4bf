"""Choose one publication date among the valid candidates, and say why.

Priority follows how directly a source states the publication date: the date
header the scraper wrote, the page's own metadata, a date field of a JSON record,
the dateline the outlet printed, the page's "Published" line, a bare date line at
its top, a date the text gives as its own ("today (…)"), an "Updated" line (later
than publication by nature), a date in the URL (which may be a section archive or an
update), a lone date line under the article, and last the latest date the article
reports as past (a report comes on or after the day it reports, not always the same
day). Within one source the first candidate found wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateline.dating.validate import rejection
from dateline.model import DateCandidate, PublicationDate

PRIORITY = (
    "header", "html-meta", "record", "dateline", "published-line", "timestamp", "inferred",
    "updated-line", "path", "end-stamp", "reported",
)  # fmt: skip

LABELS = {
    "header": "date header",
    "html-meta": "HTML metadata",
    "record": "record's date field",
    "dateline": "dateline",
    "inferred": "date the text gives as its own",
    "published-line": "'Published' line",
    "timestamp": "date line at the top of the page",
    "updated-line": "'Updated' line",
    "end-stamp": "date line under the article",
    "reported": "latest date the article reports as past",
    "path": "date in the URL or file path",
    "duplicate": "copy's date",
    "story": "date of a dated rewrite of the same report",
    "collection-year": "weekday date the article reports, in the collection's one fitting year",
    "neighbour": "date of its nearest page in the collection, reporting the same days",
}

NOTHING_FOUND = "no date header, metadata, dateline with a year or explicit date in the text"


def choose_publication_date(candidates: Iterable[DateCandidate], *, today: date) -> PublicationDate:
    """The highest-priority valid candidate, with the reason for the choice."""
    accepted: list[DateCandidate] = []
    rejected: list[tuple[DateCandidate, str]] = []
    for candidate in candidates:
        reason = rejection(candidate, today=today)
        if reason is None and candidate.how not in PRIORITY:
            reason = "only set from a copy of the article"
        if reason is None:
            accepted.append(candidate)
        else:
            rejected.append((candidate, reason))
    if not accepted:
        return PublicationDate(None, None, _why_none(rejected))
    winner = min(accepted, key=lambda c: PRIORITY.index(c.how))  # min keeps the first of equals
    others = [c for c in accepted if c is not winner]
    return PublicationDate(winner.value, winner.how, _why(winner, others, rejected))


def date_from_duplicate(
    doc: PublicationDate, canonical: PublicationDate, canonical_id: str
) -> PublicationDate:
    """An undated copy takes the date of ``canonical`` (document ``canonical_id``).

    A document with a date of its own keeps it: its own evidence is more direct
    than a copy's, and copies do get republished on later days.
    """
    if doc.value is not None:
        return doc
    if canonical.value is None:
        return PublicationDate(None, None, f"{doc.why}; its copy {canonical_id} is undated too")
    label = LABELS.get(canonical.how or "", "date")
    why = (
        f"no date of its own; took {canonical.value} from {canonical_id}, "
        f"a copy of the same article dated by its {label}"
    )
    return PublicationDate(canonical.value, "duplicate", why)


def _describe(candidate: DateCandidate) -> str:
    return (
        f"{LABELS.get(candidate.how, candidate.how)} {candidate.value!r} ({candidate.evidence!r})"
    )


def _why(
    winner: DateCandidate,
    others: list[DateCandidate],
    rejected: list[tuple[DateCandidate, str]],
) -> str:
    parts = [f"{LABELS[winner.how]} {winner.value} ({winner.evidence!r})"]
    agree = [c for c in others if c.value == winner.value]
    differ = [c for c in others if c.value != winner.value]
    if agree:
        parts.append("agreeing: " + ", ".join(LABELS[c.how] for c in agree))
    if differ:
        parts.append("outranked: " + ", ".join(_describe(c) for c in differ))
    parts.extend(_rejections(rejected))
    return "; ".join(parts)


def _why_none(rejected: list[tuple[DateCandidate, str]]) -> str:
    return "; ".join([NOTHING_FOUND, *_rejections(rejected)])


def _rejections(rejected: list[tuple[DateCandidate, str]]) -> list[str]:
    if not rejected:
        return []
    return ["rejected: " + ", ".join(f"{_describe(c)} {reason}" for c, reason in rejected)]
