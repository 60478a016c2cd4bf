"""Publication dates: find candidates, validate them, choose one with a reason."""

from __future__ import annotations

from dateline.dating.candidates import (
    dateline_candidate,
    file_path_candidate,
    find_date_candidates,
    inferred_candidate,
    path_candidate,
    read_date,
    stamp_candidates,
)
from dateline.dating.choose import PRIORITY, choose_publication_date, date_from_duplicate
from dateline.dating.validate import is_plausible, parse_value, rejection

__all__ = [
    "PRIORITY",
    "choose_publication_date",
    "date_from_duplicate",
    "dateline_candidate",
    "file_path_candidate",
    "find_date_candidates",
    "inferred_candidate",
    "is_plausible",
    "parse_value",
    "path_candidate",
    "read_date",
    "rejection",
    "stamp_candidates",
]
