"""The reader's size limit setting and the names it prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.model import RawDocument, ReadProblem
from dateline.read import DEFAULT_MAX_FILE_MB, max_file_bytes, printable_path, read_file


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, round(DEFAULT_MAX_FILE_MB * 2**20)),
        ("0.5", 2**19),
        ("300", 300 * 2**20),
        ("lots", round(DEFAULT_MAX_FILE_MB * 2**20)),
        ("-1", round(DEFAULT_MAX_FILE_MB * 2**20)),
        ("0", round(DEFAULT_MAX_FILE_MB * 2**20)),
        ("nan", round(DEFAULT_MAX_FILE_MB * 2**20)),
    ],
)
def test_size_limit_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: int
) -> None:
    if value is None:
        monkeypatch.delenv("DATELINE_MAX_FILE_MB", raising=False)
    else:
        monkeypatch.setenv("DATELINE_MAX_FILE_MB", value)
    assert max_file_bytes() == expected


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("Biên Hòa 越.txt", "Biên Hòa 越.txt"),
        ("two\nlines.txt", "two\\nlines.txt"),
        ("tab\tand\rreturn\x1b.txt", "tab\\tand\\rreturn\\x1b.txt"),
        ("caf\udce9.txt", "caf\\xe9.txt"),  # the byte 0xE9 as os.fsdecode gives it
    ],
)
def test_names_in_messages_are_one_printable_line(name: str, shown: str) -> None:
    assert printable_path(name) == shown


def test_json_lines_past_the_limit_stream_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines corpus larger than the limit is read a record at a time: the same
    documents (same record numbers) as when it is read whole; only an oversized record
    and a broken line are reported, with their line numbers."""
    lines = [
        json.dumps({"text": f"Report number {i} on the dialogue in Hà Nội.", "date": "2025-05-08"})
        for i in range(40)
    ]
    lines[7] = "{broken"
    lines[12] = json.dumps({"text": "x" * 4000})
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    monkeypatch.setenv("DATELINE_MAX_FILE_MB", "100")
    whole = list(read_file(str(path), path))
    monkeypatch.setenv("DATELINE_MAX_FILE_MB", str(3000 / 2**20))  # < file, < record 12
    streamed = list(read_file(str(path), path))

    docs = [d for d in streamed if isinstance(d, RawDocument)]
    assert docs == [d for d in whole if isinstance(d, RawDocument) and d.record != 12]
    problems = {(p.line, p.problem.split(" (")[0]) for p in streamed if isinstance(p, ReadProblem)}
    assert problems == {
        (8, "invalid JSON: Expecting property name enclosed in double quotes"),
        (13, "record too large"),
    }
