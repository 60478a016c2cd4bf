"""Apply edits to a raw text and map clean offsets back to raw offsets.

Edits never overlap; each replaces raw ``[start, end)`` by its replacement. A clean
offset that falls inside a replacement maps to the start of the replaced raw span
(and an end offset to its end), so a span of clean text always maps to the raw span
that produced it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from dateline.model import Edit


def normalise_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """Sort edits and drop empty or overlapping ones (the earlier, longer edit wins)."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if edit.end <= edit.start and not edit.replacement:
            continue
        if out and edit.start < out[-1].end:
            continue
        out.append(edit)
    return tuple(out)


def apply_edits(raw: str, edits: Sequence[Edit]) -> str:
    """Return the clean text: ``raw`` with every (normalised) edit applied."""
    parts: list[str] = []
    pos = 0
    for edit in normalise_edits(edits):
        parts.append(raw[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(raw[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps offsets in the clean text to offsets in the raw text."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._edits = normalise_edits(edits)
        # clean start of each edit's replacement, and the running shift before it
        self._clean_starts: list[int] = []
        shift = 0  # raw offset minus clean offset, before the current edit
        for edit in self._edits:
            self._clean_starts.append(edit.start - shift)
            shift += (edit.end - edit.start) - len(edit.replacement)

    def to_raw(self, clean_offset: int, *, end: bool = False) -> int:
        """Raw offset of ``clean_offset``; with ``end=True`` treat it as a span end.

        A start offset at a removal maps past the removed text, an end offset before it.
        """
        pick = bisect_left if end else bisect_right
        i = pick(self._clean_starts, clean_offset) - 1
        if i < 0:
            return clean_offset
        edit = self._edits[i]
        clean_start = self._clean_starts[i]
        clean_end = clean_start + len(edit.replacement)
        inside = clean_offset < clean_end or (end and clean_start < clean_offset == clean_end)
        if inside:
            return edit.end if end else edit.start
        return edit.end + (clean_offset - clean_end)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the clean span ``[start, end)``."""
        return self.to_raw(start), self.to_raw(end, end=True)
