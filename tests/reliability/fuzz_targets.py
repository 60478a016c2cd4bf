"""Fuzz targets: one property per part that reads what the outside world sends.

Each target is a hypothesis strategy and a check that raises AssertionError (or anything
unexpected) on a bad result. The normal suite runs each briefly (test_fuzz.py);
``bench/fuzz.py`` runs the same targets for longer and prints what it tried.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from dateline.analyse.timex import find_time_expressions
from dateline.clean import OffsetMap, apply_edits, clean
from dateline.errors import QueryError
from dateline.model import RawDocument, ReadProblem
from dateline.read import read_file
from dateline.read.decode import decode_text
from dateline.read.html import read_html
from dateline.read.records import read_json, read_jsonl
from dateline.read.text import read_text
from dateline.service import Dossier
from tests.clean.clean_strategies import articles
from tests.clean.test_linear import PATHOLOGICAL


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]


# -- inputs ------------------------------------------------------------------------------
_FRAGMENTS = (
    " date ", "2025-", "-01", "9999-99-99", "\n", "\n\n", "\r\n", "\ufeff", "\x00", "{", "}",
    '"text": ', '"date": ', ",", "[", "]", "<p>", "</p>", "<script>", "</script>", "<iframe ",
    "<meta name='date' content='", "'>", "<title>", "&amp;", "&#0;", "é", "Biên Hòa", "📰",
    "Officials met on Monday.", "See more", "(Photo: VNA)", "\u202e", "\udcff",
)  # fmt: skip
noisy_text = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=20)), max_size=40
).map("".join)
noisy_bytes = st.one_of(
    st.binary(max_size=600),
    noisy_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    noisy_text.map(lambda t: t.encode("utf-16", "surrogatepass")),
    noisy_text.map(lambda t: t.encode("cp1252", "replace")),
)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={"text": _json_values | noisy_text, "title": _json_values, "date": _json_values,
              "url": _json_values},
)  # fmt: skip
json_lines = st.lists(
    st.one_of(_records.map(json.dumps), _json_values.map(json.dumps), noisy_text), max_size=8
).map("\n".join)
_tags = st.sampled_from(("p", "div", "article", "script", "iframe", "style", "h1", "meta",
                         "title", "body", "html", "a", "img", "noscript", "svg"))  # fmt: skip
_attr = st.tuples(
    st.sampled_from(("class", "src", "onerror", "content", "name", "href", "data-x")),
    st.one_of(noisy_text, st.integers(1, 200_000).map(lambda n: "A" * n)),
).map(lambda a: f' {a[0]}="{a[1]}"')
html_pages = st.lists(
    st.one_of(
        st.tuples(_tags, st.lists(_attr, max_size=2), noisy_text).map(
            lambda t: f"<{t[0]}{''.join(t[1])}>{t[2]}</{t[0]}>"
        ),
        noisy_text,
        st.sampled_from(
            (
                "<p>Officials in Hue met on Monday to discuss the bridge.</p>",
                "<meta property='article:published_time' content='2025-05-01'>",
            )
        ),
    ),
    max_size=12,
).map(lambda parts: "<html><body>" + "".join(parts))  # often left unclosed on purpose
_TIME_WORDS = (
    "on", "last", "next", "Monday", "Sunday", "January", "February", "May", "December", "31",
    "29", "30", "0", "00", "1999", "2025", "9999", "10000", "-", "/", "–", "from", "to", "until",
    "week", "month", "year", "ago", "early", "late", "mid-", "the", "of", "day", "2025-02-29",
    "Feb.", "1st", "2nd", "30th", "spring", "Q3", "decade", "1990s", "yesterday", "tomorrow",
)  # fmt: skip
time_texts = st.lists(
    st.one_of(st.sampled_from(_TIME_WORDS), st.integers(-5, 100_000).map(str), st.text(max_size=5)),
    max_size=25,
).map(" ".join)
references = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
_QUERY_PIECES = (
    '"', "(", ")", "*", ":", "AND", "OR", "NOT", "NEAR", "^", "-", "+", "title:", "text:",
    "dyke", "Hue", "Biên", "'", "\\", "{", "}", "\x00", ",", "NEAR(",
)  # fmt: skip
queries = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(_QUERY_PIECES), st.text(max_size=4)), max_size=12).map(
        " ".join
    ),
)


# -- checks ------------------------------------------------------------------------------
def _check_raw(doc: RawDocument) -> None:
    assert isinstance(doc.raw, str) and doc.raw.strip()
    for edit in doc.edits:
        assert 0 <= edit.start < edit.end <= len(doc.raw)


def check_decode(data: bytes) -> None:
    try:
        text = decode_text(data)
    except ValueError:
        return
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text


def check_text_reader(text: str) -> None:
    doc = read_text("fuzz.txt", text)
    if text.strip():
        _check_raw(doc)
    for candidate in doc.date_candidates:
        assert candidate.how == "header"


def check_jsonl_reader(text: str) -> None:
    for item in [*read_jsonl("fuzz.jsonl", text), *read_json("fuzz.json", text)]:
        if isinstance(item, ReadProblem):
            assert item.problem and item.path.startswith("fuzz.json")
        else:
            _check_raw(item)


def check_html_reader(markup: str) -> None:
    try:
        doc = read_html("fuzz.html", markup)
    except ValueError as exc:
        assert str(exc)
        return
    _check_raw(doc)
    assert doc.markup == markup


_SUFFIXES = (".txt", ".html", ".jsonl", ".json")


def check_read_file(case: tuple[bytes, int]) -> None:
    data, which = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{_SUFFIXES[which]}"
        path.write_bytes(data)
        for item in read_file(str(path), path):  # must never raise
            if isinstance(item, ReadProblem):
                assert item.problem and "\n" not in str(item)
            else:
                _check_raw(item)


def check_cleaner(case: tuple[str, list[str]]) -> None:
    """Every article sentence survives cleaning, and every clean character maps back."""
    raw, kept = case
    result = clean(raw)
    assert result.text == apply_edits(raw, result.edits)
    offsets = OffsetMap(result.edits)
    for i, char in enumerate(result.text):
        assert raw[offsets.to_raw(i)] == char
    lines = result.text.split("\n")
    at = 0
    for sentence in kept:
        assert sentence in lines, sentence
        start = result.text.index(sentence, at)
        raw_start, raw_end = offsets.span_to_raw(start, start + len(sentence))
        assert raw[raw_start:raw_end] == sentence
        at = start + len(sentence)


def check_cleaner_offsets(raw: str) -> None:
    """Cleaning only deletes, and every clean character maps back to its raw one."""
    result = clean(raw)
    assert result.text == apply_edits(raw, result.edits)
    offsets = OffsetMap(result.edits)
    for i, char in enumerate(result.text):
        assert raw[offsets.to_raw(i)] == char


# Lines that made a cleaner pattern backtrack (tests/clean/test_linear.py), at random sizes,
# after or between an article's lines.
pathological_pages = st.builds(
    lambda case, line, size, where: (
        case[0] + "\n" + PATHOLOGICAL[line](size)
        if where
        else PATHOLOGICAL[line](size) + "\n" + case[0]
    ),
    articles(),
    st.sampled_from(sorted(PATHOLOGICAL)),
    st.integers(0, 6_000),
    st.booleans(),
)


def check_cleaner_after_reading(case: tuple[tuple[str, list[str]], str]) -> None:
    """The same through the text reader: a date header and CRLF line ends in front."""
    (body, kept), day = case
    text = decode_text(f" date {day} {body}".replace("\n", "\r\n").encode("utf-8"))
    doc = read_text("fuzz.txt", text)
    result = clean(doc.raw, doc.edits)
    offsets = OffsetMap(result.edits)
    for sentence in kept:
        start = result.text.index(sentence)
        raw_start, raw_end = offsets.span_to_raw(start, start + len(sentence))
        assert doc.raw[raw_start:raw_end] == sentence


def check_timex(case: tuple[str, dt.date | None]) -> None:
    text, reference = case
    found = find_time_expressions(text, reference)
    previous = -1
    for expr in found:
        assert 0 <= expr.start < expr.end <= len(text)
        assert expr.start >= previous
        previous = expr.start
        assert text[expr.start : expr.end] == expr.text
        first = dt.date.fromisoformat(expr.value)  # a real calendar date, or this raises
        last = dt.date.fromisoformat(expr.end_value)
        assert first <= last, expr
        assert expr.precision


_search_dossier: Dossier | None = None


def search_dossier() -> Dossier:
    """A small store to search, made once per process."""
    global _search_dossier
    if _search_dossier is None:
        root = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))
        folder = root / "articles"
        folder.mkdir()
        texts = {
            "a.txt": " date 2025-03-01 Engineers in Biên Hòa inspected the dyke on Monday.\n",
            "b.txt": " date 2025-03-02 The council in Hue voted for a new ferry budget (US$130).\n",
        }
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        _search_dossier = Dossier.open(root / "fuzz.db", today=dt.date(2026, 1, 1))
        _search_dossier.ingest([folder], build=False)
    return _search_dossier


def check_search(query: str) -> None:
    try:
        hits = search_dossier().search(query, limit=5)
    except QueryError as exc:
        assert "cannot search for" in str(exc)
        return
    assert isinstance(hits, list) and len(hits) <= 5


TARGETS: tuple[Target, ...] = (
    Target("decode", noisy_bytes, check_decode),
    Target("read text", noisy_text, check_text_reader),
    Target("read json/jsonl", json_lines, check_jsonl_reader),
    Target("read html", html_pages, check_html_reader),
    Target("read file", st.tuples(noisy_bytes, st.integers(0, 3)), check_read_file),
    Target("clean", articles(), check_cleaner),
    Target("clean, pathological lines", pathological_pages, check_cleaner_offsets),
    Target(
        "read+clean",
        st.tuples(articles(), st.dates().map(dt.date.isoformat)),
        check_cleaner_after_reading,
    ),
    Target("time resolver", st.tuples(time_texts, references), check_timex),
    Target("search query", queries, check_search),
)
