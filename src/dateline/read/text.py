"""Plain-text articles: an optional ` date YYYY-MM-DD` header and an optional title line."""

from __future__ import annotations

import re

from dateline.model import DateCandidate, Edit, RawDocument

# The header sits at the very start, before the first sentence on the same line.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
_ISO_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\Z")
# A headline is short, has no closing full stop and starts with a capital or digit.
_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20


def read_text(path: str, text: str) -> RawDocument:
    """Read a plain-text article; the header and title become edits of the raw text."""
    edits: list[Edit] = []
    candidates: list[DateCandidate] = []
    title: str | None = None
    header = _HEADER.match(text)
    if header and _ISO_LIKE.match(header.group(1)):
        edits.append(Edit(0, header.end(), "date header"))
        candidates.append(DateCandidate(header.group(1), "header", header.group(0).strip()))
    else:
        title_edit = _title_line(text)
        if title_edit is not None:
            title = text[title_edit.start : title_edit.end].strip()
            edits.append(title_edit)
    return RawDocument(
        path=path,
        record=0,
        format="text",
        raw=text,
        title=title,
        edits=tuple(edits),
        date_candidates=tuple(candidates),
    )


def _title_line(text: str) -> Edit | None:
    """The first line is a title when it reads as a headline and a blank line follows."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if not sep or not line or rest.strip() == "":
        return None
    if not rest.startswith("\n") and not rest.lstrip(" \t").startswith("\n"):
        return None  # no blank line after it: the first line of a paragraph
    if len(line) > _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return None
    if line[-1] in '.!?:;,"”’)' or not (line[0].isupper() or line[0].isdigit()):
        return None
    end = len(first) + 1
    while end < len(text) and text[end] in " \t\n":
        end += 1
    return Edit(0, end, "title")
