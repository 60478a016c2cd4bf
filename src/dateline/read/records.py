"""JSON and JSON Lines files of article records: `text`, `title`, `date`, `url`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from dateline.model import DateCandidate, RawDocument, ReadProblem

_DATE_PREFIX = re.compile(r"\s*(\d{4}-\d{1,2}-\d{1,2})")
# JSON may spell half of a UTF-16 pair ("\ud800") that no text holds and no store accepts;
# json.loads joins the well-formed pairs, so every surrogate left is a lone one.
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_json(path: str, text: str) -> Iterator[RawDocument | ReadProblem]:
    """One JSON document: an object, or a list of objects (one record each)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadProblem(path, f"invalid JSON at line {exc.lineno}: {exc.msg}")
        return
    except RecursionError:
        yield ReadProblem(path, "invalid JSON: nested too deeply")
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        yield _record(path, index, item)


def read_jsonl(path: str, text: str) -> Iterator[RawDocument | ReadProblem]:
    """JSON Lines: one object a line; a bad line is reported and the rest goes on.

    A record's number is its 0-based line index, so it stays put when lines around it
    are fixed.
    """
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(path, f"invalid JSON: {exc.msg}", line=index + 1)
            continue
        except RecursionError:
            yield ReadProblem(path, "invalid JSON: nested too deeply", line=index + 1)
            continue
        yield _record(path, index, item)


def _record(path: str, index: int, item: Any) -> RawDocument | ReadProblem:
    if not isinstance(item, dict):
        return ReadProblem(path, "record is not a JSON object", line=index + 1)
    body = item.get("text")
    if not isinstance(body, str) or not body.strip():
        return ReadProblem(path, 'field "text" missing or empty', line=index + 1)
    candidates: tuple[DateCandidate, ...] = ()
    date = item.get("date")
    if isinstance(date, str):
        date = _text(date)
    if isinstance(date, str) and (found := _DATE_PREFIX.match(date)):
        candidates = (DateCandidate(found.group(1), "record", f'"date": "{date}"'),)
    return RawDocument(
        path=path,
        record=index,
        format="json",
        raw=_text(body).replace("\r\n", "\n"),
        title=_string(item.get("title")),
        url=_string(item.get("url")),
        date_candidates=candidates,
    )


def _string(value: Any) -> str | None:
    return _text(value).strip() or None if isinstance(value, str) else None


def _text(value: str) -> str:
    """``value`` with lone surrogates as U+FFFD: one character for one, so offsets hold."""
    return _SURROGATE.sub("\ufffd", value)
