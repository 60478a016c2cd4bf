"""Readers: text, HTML and JSON articles; bad files are named, the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.clean.offsets import apply_edits
from dateline.model import RawDocument, ReadProblem
from dateline.read import read_paths

HTML_PAGE = """<!doctype html><html><head><title>Ministers meet | The Daily Wire Desk</title>
<meta property="article:published_time" content="2025-03-04T09:30:00+07:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<aside><h3>Latest</h3><p>Flood relief arrives in the north (March 1, 2024)</p></aside>
<article><h1>Ministers meet to widen training ties</h1>
<p>The two defence ministers met in the capital on Tuesday to widen cooperation in
officer training, peacekeeping and military medicine, officials said after the talks.</p>
<p>Both sides agreed to hold their annual dialogue later this year and to exchange more
student officers between their academies, according to a statement from the ministry.</p>
<p>The meeting lasted two hours and ended with a joint visit to a training centre where
cadets demonstrated field medical drills for the delegations.</p>
</article><footer>Copyright The Daily Wire Desk</footer></body></html>"""


def read_all(*paths: Path) -> tuple[list[RawDocument], list[ReadProblem]]:
    docs: list[RawDocument] = []
    problems: list[ReadProblem] = []
    for item in read_paths(paths):
        (problems if isinstance(item, ReadProblem) else docs).append(item)
    return docs, problems


def test_text_header_is_a_date_candidate_and_an_edit(tmp_path: Path) -> None:
    raw = " date 2025-05-09 The delegations met in the capital on Thursday.\n\nMore text.\n"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    [doc], problems = read_all(tmp_path / "a.txt")
    assert not problems
    assert doc.raw == raw  # stored untouched
    assert [c.value for c in doc.date_candidates] == ["2025-05-09"]
    assert doc.date_candidates[0].how == "header"
    assert apply_edits(doc.raw, doc.edits).startswith("The delegations met")


def test_text_headline_first_line_is_the_title(tmp_path: Path) -> None:
    raw = "Defence chiefs speak by phone\n\nThe two ministers spoke on Friday.\n"
    (tmp_path / "b.txt").write_text(raw, encoding="utf-8")
    [doc], _ = read_all(tmp_path / "b.txt")
    assert doc.title == "Defence chiefs speak by phone"
    assert apply_edits(doc.raw, doc.edits) == "The two ministers spoke on Friday.\n"


@pytest.mark.parametrize(
    "first_line",
    [
        "The two ministers spoke on Friday about training and aid.",  # a sentence
        "a lower-case fragment of a line",
        " ".join(["word"] * 30),  # too long for a headline
    ],
)
def test_text_first_line_that_is_not_a_headline_stays_in_the_body(
    tmp_path: Path, first_line: str
) -> None:
    raw = f"{first_line}\n\nSecond paragraph.\n"
    (tmp_path / "c.txt").write_text(raw, encoding="utf-8")
    [doc], _ = read_all(tmp_path / "c.txt")
    assert doc.title is None
    assert apply_edits(doc.raw, doc.edits) == raw


def test_html_body_title_and_metadata_date(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [doc], problems = read_all(tmp_path / "page.html")
    assert not problems
    assert doc.format == "html"
    assert doc.markup == HTML_PAGE
    assert "officer training" in doc.raw
    assert "Flood relief" not in doc.raw and "Copyright" not in doc.raw
    assert [(c.value, c.how) for c in doc.date_candidates] == [("2025-03-04", "html-meta")]


def test_html_sidebar_dates_are_not_publication_dates(tmp_path: Path) -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2025-03-04T09:30:00+07:00">', ""
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc], _ = read_all(tmp_path / "page.html")
    assert doc.date_candidates == ()


def test_json_lines_records_and_a_bad_line(tmp_path: Path) -> None:
    good = {"text": "Talks were held.", "title": "Talks", "date": "2025-11-02T10:00", "url": "u"}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no text"}), ""]
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, problems = read_all(tmp_path / "r.jsonl")
    assert [(d.record, d.title, d.url) for d in docs] == [(0, "Talks", "u")]
    assert docs[0].date_candidates[0].value == "2025-11-02"
    assert [(p.line, "r.jsonl" in p.path) for p in problems] == [(2, True), (3, True)]
    assert str(problems[0]).endswith(
        "r.jsonl line 2: invalid JSON: Expecting property name enclosed in double quotes"
    )
    assert "text" in problems[1].problem


def test_json_list_of_records(tmp_path: Path) -> None:
    data = [{"text": "One."}, {"text": "Two.", "date": None}]
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    docs, problems = read_all(tmp_path / "r.json")
    assert [d.raw for d in docs] == ["One.", "Two."] and not problems


def test_bad_files_are_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A good article about talks.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    docs, problems = read_all(tmp_path, tmp_path / "nowhere")
    assert [Path(d.path).name for d in docs] == ["good.txt"]
    reasons = {Path(p.path).name: p.problem for p in problems}
    assert set(reasons) == {"empty.txt", "blob.txt", "scan.pdf", "gone.txt", "nowhere"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["blob.txt"]
    assert "unsupported" in reasons["scan.pdf"]
    assert "cannot read" in reasons["gone.txt"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Hà Nội talks\n".encode("utf-16"), "Hà Nội talks\n"),
        (b"\xef\xbb\xbfBOM text\r\n", "BOM text\n"),
        ("caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"), "caf\u00e9 \u201cquoted\u201d\n"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "e.txt").write_bytes(data)
    [doc], _ = read_all(tmp_path / "e.txt")
    assert doc.raw == expected


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n", encoding="utf-8")
    docs, _ = read_all(tmp_path)
    assert [d.raw for d in docs] == ["First.\n", "Second.\n"]
