"""Gold timeline loaders: bad lines are reported and skipped, never fatal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.evaluate import (
    Timeline,
    TimelineFormatError,
    load_gold_jsonl,
    load_t17_timeline,
    parse_date,
)

SEP = "-" * 32


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def t17(*blocks: list[str]) -> str:
    return "".join("\n".join([*block, SEP]) + "\n" for block in blocks)


# --- Timeline17 format ------------------------------------------------------------------------


def test_t17_blocks_load_in_any_order_with_sentences_stripped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "tl.txt",
        t17(
            ["2020-03-02", "The bridge reopens . ", "Traffic returns ."],
            ["2020-03-01", "A storm closes the bridge ."],
        ),
    )
    timeline, problems = load_t17_timeline(path)
    assert timeline == {
        date(2020, 3, 1): ["A storm closes the bridge ."],
        date(2020, 3, 2): ["The bridge reopens .", "Traffic returns ."],
    }
    assert isinstance(timeline, Timeline)
    assert timeline.sentence_count() == 3
    assert problems == []


def test_t17_malformed_date_block_is_reported_and_skipped(tmp_path: Path) -> None:
    text = t17(
        ["2020-03-01", "Storm arrives ."],
        ["2020-03-0", "Jury chosen .", "Hearing set ."],  # day missing: not a date
        ["2020-03-05", "Storm leaves ."],
    )
    path = write(tmp_path, "tl.txt", text)
    timeline, problems = load_t17_timeline(path)
    assert sorted(timeline) == [date(2020, 3, 1), date(2020, 3, 5)]
    assert all("Jury" not in s for sentences in timeline.values() for s in sentences)
    assert len(problems) == 1
    assert problems[0].line == 4
    assert problems[0].file == str(path)
    assert "2020-03-0" in problems[0].message and "skipped" in problems[0].message


def test_t17_impossible_date_is_reported(tmp_path: Path) -> None:
    text = t17(["2020-02-30", "Nothing ."], ["2020-02-28", "Something ."])
    timeline, problems = load_t17_timeline(write(tmp_path, "tl.txt", text))
    assert list(timeline) == [date(2020, 2, 28)]
    assert [p.line for p in problems] == [1]


def test_t17_date_in_two_blocks_is_merged_once(tmp_path: Path) -> None:
    text = t17(
        ["2020-03-01", "First report ."],
        ["2020-03-02", "Other day ."],
        ["2020-03-01", "Second report ."],
    )
    timeline, problems = load_t17_timeline(write(tmp_path, "tl.txt", text))
    assert len(timeline) == 2
    assert timeline[date(2020, 3, 1)] == ["First report .", "Second report ."]
    assert [(p.line, "merged" in p.message) for p in problems] == [(7, True)]


def test_t17_missing_separators_are_repaired_and_reported(tmp_path: Path) -> None:
    text = "2020-03-01\nStorm arrives .\n2020-03-02\nStorm leaves .\n"
    timeline, problems = load_t17_timeline(write(tmp_path, "tl.txt", text))
    assert timeline == {date(2020, 3, 1): ["Storm arrives ."], date(2020, 3, 2): ["Storm leaves ."]}
    assert [p.line for p in problems] == [3, 4]


def test_t17_blank_lines_empty_blocks_and_bad_bytes_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    data = f"\n2020-03-01\n\nStorm \xff arrives .\n{SEP}\n{SEP}\n2020-03-02\n{SEP}\n"
    path.write_bytes(data.encode("latin-1"))
    timeline, problems = load_t17_timeline(path)
    assert timeline[date(2020, 3, 1)] == ["Storm \ufffd arrives ."]
    assert timeline[date(2020, 3, 2)] == []
    messages = [p.message for p in problems]
    assert any("UTF-8" in m for m in messages)
    assert any("empty block" in m for m in messages)
    assert any("no summary sentences" in m for m in messages)


def test_t17_missing_file_raises_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(TimelineFormatError, match=r"nowhere\.txt"):
        load_t17_timeline(missing)


def test_t17_file_without_valid_block_raises_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", t17(["2020-13-01", "Wrong month ."]))
    with pytest.raises(TimelineFormatError, match=r"bad\.txt.*no valid"):
        load_t17_timeline(path)


def test_format_error_is_a_dateline_error_and_a_value_error() -> None:
    assert issubclass(TimelineFormatError, DatelineError)
    assert issubclass(TimelineFormatError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-03-01", date(2020, 3, 1)),
        (" 2020-3-1 ", date(2020, 3, 1)),
        ("2020-03-0", None),
        ("2020-02-30", None),
        ("20200301", None),
        ("March 1", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


# --- JSON lines -------------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_string_and_list_summaries(tmp_path: Path) -> None:
    text = jsonl(
        {"date": "2020-03-01", "summary": "Storm arrives ."},
        {"date": "2020-03-02", "summary": ["Bridge closes .", " Schools shut . "]},
        {"date": "2020-03-03", "summary": "Rain stops .\nRoads reopen ."},
    )
    timeline, problems = load_gold_jsonl(write(tmp_path, "gold.jsonl", text))
    assert timeline == {
        date(2020, 3, 1): ["Storm arrives ."],
        date(2020, 3, 2): ["Bridge closes .", "Schools shut ."],
        date(2020, 3, 3): ["Rain stops .", "Roads reopen ."],
    }
    assert problems == []


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    text = jsonl(
        {"date": "2020-03-01", "summary": "Storm arrives ."},
        "{not json",
        "",
        ["a", "list"],
        {"date": "2020-03-0", "summary": "Bad date ."},
        {"summary": "No date ."},
        {"date": "2020-03-02", "summary": 7},
        {"date": "2020-03-02", "summary": ["ok", 3]},
    )
    timeline, problems = load_gold_jsonl(write(tmp_path, "gold.jsonl", text))
    assert list(timeline) == [date(2020, 3, 1)]
    assert [p.line for p in problems] == [2, 4, 5, 6, 7, 8]
    assert "JSON" in problems[0].message
    assert "2020-03-0" in problems[2].message


def test_jsonl_duplicate_date_is_merged(tmp_path: Path) -> None:
    text = jsonl(
        {"date": "2020-03-01", "summary": "Storm arrives ."},
        {"date": "2020-03-01", "summary": ["Bridge closes ."]},
    )
    timeline, problems = load_gold_jsonl(write(tmp_path, "gold.jsonl", text))
    assert timeline == {date(2020, 3, 1): ["Storm arrives .", "Bridge closes ."]}
    assert [p.line for p in problems] == [2]


def test_jsonl_missing_or_unusable_file_raises(tmp_path: Path) -> None:
    with pytest.raises(TimelineFormatError, match=r"absent\.jsonl"):
        load_gold_jsonl(tmp_path / "absent.jsonl")
    path = write(tmp_path, "junk.jsonl", "nonsense\n")
    with pytest.raises(TimelineFormatError, match=r"junk\.jsonl"):
        load_gold_jsonl(path)
