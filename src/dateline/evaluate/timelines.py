"""Timelines as the evaluation sees them, and loaders for gold timeline files.

Gold files are third-party data: the loaders report bad lines as problems and keep going, and
raise only when a file is missing or holds no usable dated summary at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.errors import DatelineError

# Timeline17 separates blocks with a line of 32 dashes; accept any run of them.
_SEPARATOR = re.compile(r"-{3,}")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MERGED = "date {day} listed again; summaries merged"


class TimelineFormatError(DatelineError, ValueError):
    """A timeline file is missing, unreadable or has no valid dated block."""


@dataclass(frozen=True)
class Problem:
    """A line of a timeline file that was skipped or repaired."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Timeline(dict[date, list[str]]):
    """Dated summaries: each date maps to its summary sentences (tokens separated by spaces)."""

    def add(self, day: date, sentences: Iterable[str]) -> bool:
        """Append sentences to a date's summary; return True if the date was already present."""
        present = day in self
        self.setdefault(day, []).extend(sentences)
        return present

    def sentence_count(self) -> int:
        """Number of summary sentences over all dates."""
        return sum(len(sentences) for sentences in self.values())


def parse_date(text: str) -> date | None:
    """Parse ``YYYY-MM-DD`` (one-digit month or day allowed); None if not a real date."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _read_lines(path: str | Path) -> tuple[list[str], list[Problem]]:
    """Read a text file as lines; undecodable bytes are replaced and reported, not fatal."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        message = f"{path}: cannot read timeline file ({error.strerror})"
        raise TimelineFormatError(message) from error
    lines = data.decode("utf-8", errors="replace").splitlines()
    problems = [
        Problem(str(path), number, "bytes that are not UTF-8 were replaced")
        for number, line in enumerate(lines, 1)
        if "\ufffd" in line
    ]
    return lines, problems


def _require_dates(timeline: Timeline, path: str | Path, problems: Sequence[Problem]) -> None:
    if not timeline:
        first = f" (first problem: {problems[0]})" if problems else ""
        raise TimelineFormatError(f"{path}: no valid dated summary found{first}")


def load_t17_timeline(path: str | Path) -> tuple[Timeline, list[Problem]]:
    """Load a Timeline17 gold file: a date line, its sentences, then a line of dashes.

    A block whose date line is malformed is reported and skipped; a date listed in two blocks
    is merged (sentences in file order) and reported.
    """
    lines, problems = _read_lines(path)
    timeline = Timeline()
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if _SEPARATOR.fullmatch(text):
            _close_block(block, path, timeline, problems, number)
            block = []
        elif block and _DATE.fullmatch(text) and parse_date(text) is not None:
            # A real date inside a block means its closing separator is missing.
            problems.append(Problem(str(path), number, "date line without a separator before it"))
            _close_block(block, path, timeline, problems, number)
            block = [(number, text)]
        elif text:
            block.append((number, text))
    if block:
        problems.append(Problem(str(path), len(lines), "last block has no closing separator"))
        _close_block(block, path, timeline, problems, len(lines))
    _require_dates(timeline, path, problems)
    return timeline, problems


def _close_block(
    block: list[tuple[int, str]],
    path: str | Path,
    timeline: Timeline,
    problems: list[Problem],
    end_line: int,
) -> None:
    if not block:
        problems.append(Problem(str(path), end_line, "empty block skipped"))
        return
    line, head = block[0]
    day = parse_date(head)
    if day is None:
        problems.append(Problem(str(path), line, f"malformed date line {head!r}; block skipped"))
        return
    sentences = [text for _, text in block[1:]]
    if not sentences:
        problems.append(Problem(str(path), line, f"date {day} has no summary sentences"))
    if timeline.add(day, sentences):
        problems.append(Problem(str(path), line, _MERGED.format(day=day)))


def load_gold_jsonl(path: str | Path) -> tuple[Timeline, list[Problem]]:
    """Load one JSON object per line: ``{"date": "YYYY-MM-DD", "summary": str | [str, ...]}``.

    A string summary is split into sentences at line breaks. Bad lines are reported and
    skipped; a date given twice is merged and reported.
    """
    lines, problems = _read_lines(path)
    timeline = Timeline()
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        entry = _parse_jsonl_entry(raw)
        if isinstance(entry, str):
            problems.append(Problem(str(path), number, entry))
            continue
        day, sentences = entry
        if timeline.add(day, sentences):
            problems.append(Problem(str(path), number, _MERGED.format(day=day)))
    _require_dates(timeline, path, problems)
    return timeline, problems


def _parse_jsonl_entry(raw: str) -> tuple[date, list[str]] | str:
    """Return the entry's date and sentences, or a message saying why the line is unusable."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg}); line skipped"
    if not isinstance(record, dict):
        return "not a JSON object; line skipped"
    raw_date = record.get("date")
    day = parse_date(raw_date) if isinstance(raw_date, str) else None
    if day is None:
        return f"missing or malformed date {raw_date!r}; line skipped"
    summary = record.get("summary")
    if isinstance(summary, str):
        summary = summary.splitlines()
    if not isinstance(summary, list) or not all(isinstance(s, str) for s in summary):
        return "summary must be a string or a list of strings; line skipped"
    return day, [s.strip() for s in summary if s.strip()]
