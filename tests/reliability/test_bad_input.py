"""Whatever lands in the input folder, each file is stored correctly or skipped with its
name and the reason, the rest of the batch is stored, and the exit code says which."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.model import Document
from dateline.read import DEFAULT_MAX_FILE_MB
from dateline.service import Dossier
from tests.conftest import TODAY

runner = CliRunner()

GOOD = "good.txt"
GOOD_TEXT = " date 2025-04-02 Engineers reopened the repaired river bridge in Hue on Tuesday.\n"
SENTENCE = "The harbour board met on Monday and approved a budget for dredging the channel."


def ingest(folder: Path, tmp_path: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Ingest ``folder`` (plus a good article) with the CLI; (result, documents by name)."""
    (folder / GOOD).write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "bad-input.db"
    result = runner.invoke(
        app,
        ["ingest", str(folder), "--db", str(db), "--no-analyse", "--no-progress"],
        env={"DATELINE_DB": "", **(env or {})},
    )
    with Dossier.open(str(db), today=TODAY) as d:
        stored = {Path(doc.path).name: doc for doc in d.documents()}
    assert stored[GOOD].text.startswith("Engineers reopened"), "the rest of the batch goes on"
    return result, stored


def assert_skipped(result, name: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    lines = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert any(name in line and reason in line for line in lines), result.output
    assert result.exit_code == 1


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    return path


def test_a_clean_batch_exits_zero(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output.replace("0 skipped", "")
    assert set(stored) == {GOOD, "b.txt"}


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n", b"\xef\xbb\xbf"])
def test_empty_files_are_skipped(folder: Path, tmp_path: Path, content: bytes) -> None:
    (folder / "empty.txt").write_bytes(content)
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, "empty.txt", "empty file")
    assert "empty.txt" not in stored


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        ("archive.html", b"PK\x03\x04" + bytes(range(256)) * 8),
        ("dump.jsonl", bytes(range(256)) * 40),
    ],
)
def test_binary_files_are_skipped(folder: Path, tmp_path: Path, name: str, content: bytes) -> None:
    (folder / name).write_bytes(content)
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, name, "binary file, not text")
    assert name not in stored


def test_a_200_mb_file_is_skipped_not_read(folder: Path, tmp_path: Path) -> None:
    block = ((SENTENCE + "\n") * 14_000)[: 2**20]  # 1 MiB
    with (folder / "huge.txt").open("w", encoding="utf-8") as f:
        for _ in range(200):
            f.write(block)
    assert (folder / "huge.txt").stat().st_size == 200 * 2**20
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, "huge.txt", "file too large (200.0 MB")
    assert f"limit {DEFAULT_MAX_FILE_MB:g} MB; set DATELINE_MAX_FILE_MB" in result.output
    assert "huge.txt" not in stored


def test_the_size_limit_is_configurable(folder: Path, tmp_path: Path) -> None:
    (folder / "long.txt").write_text((SENTENCE + "\n") * 40, encoding="utf-8")  # ~3 KB
    result, stored = ingest(folder, tmp_path, env={"DATELINE_MAX_FILE_MB": "0.001"})
    assert_skipped(result, "long.txt", "file too large (0.0 MB, limit 0.001 MB")
    assert "long.txt" not in stored
    result, stored = ingest(folder, tmp_path, env={"DATELINE_MAX_FILE_MB": "1"})
    assert result.exit_code == 0, result.output
    assert "long.txt" in stored


def test_invalid_utf8_falls_back_to_windows_1252(folder: Path, tmp_path: Path) -> None:
    # Not UTF-8 (a lone 0xE9), but good Windows-1252: an old newsroom export.
    data = "Le café “Ho Guom” raised €5 for the flood fund.\n"
    (folder / "cp1252.txt").write_bytes(data.encode("cp1252"))
    (folder / "mixed.txt").write_bytes(SENTENCE.encode() + b" Caf\xe9 \x93open\x94.\n")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    assert stored["cp1252.txt"].text == data
    assert stored["mixed.txt"].text.endswith("Café “open”.\n")


def test_bytes_that_are_neither_utf8_nor_1252_are_skipped(folder: Path, tmp_path: Path) -> None:
    # 0x81 and 0x8D have no Windows-1252 character.
    (folder / "garbled.txt").write_bytes(SENTENCE.encode() + b"\x81\x8d\xff\n")
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, "garbled.txt", "not UTF-8 or Windows-1252 text")
    assert "garbled.txt" not in stored


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_text_with_a_byte_order_mark_is_decoded(
    folder: Path, tmp_path: Path, bom: bytes, encoding: str
) -> None:
    text = " date 2025-06-01 Officials in Biên Hòa met on Monday.\r\nThey agreed a plan.\r\n"
    (folder / "bom.txt").write_bytes(bom + text.encode(encoding))
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    doc = stored["bom.txt"]
    assert doc.text == "Officials in Biên Hòa met on Monday.\nThey agreed a plan.\n"
    assert doc.published == "2025-06-01"


def test_truncated_utf16_is_skipped(folder: Path, tmp_path: Path) -> None:
    cut = "Officials met.".encode("utf-16-le")[:-1]
    (folder / "cut.txt").write_bytes(codecs.BOM_UTF16_LE + cut)
    result, _ = ingest(folder, tmp_path)
    assert_skipped(result, "cut.txt", "invalid utf-16 text")


def test_hostile_html_keeps_the_article_and_drops_the_code(folder: Path, tmp_path: Path) -> None:
    huge = "x" * 3_000_000
    body = "".join(f"<p>{SENTENCE} Paragraph {i} of the report.</p>" for i in range(6))
    page = (
        "<html><head><title>Harbour budget</title><script>alert('head')</script></head><body>"
        f"<iframe src='javascript:alert(1)' data-blob='{huge}'></iframe>"
        f"<article><h1 class='{huge}'>Harbour budget</h1>"
        f"<script>document.write('<p>injected sentence</p>')</script>{body}"
        "<img src=x onerror='alert(2)'></article></body></html>"
    )
    (folder / "page.html").write_text(page, encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    doc = stored["page.html"]
    assert "Paragraph 5 of the report." in doc.text
    for code in ("alert", "<script", "document.write", "injected sentence", "onerror", "xxxx"):
        assert code not in doc.text
    assert doc.markup == page  # the page as read is kept for provenance


def test_html_without_article_text_is_skipped(folder: Path, tmp_path: Path) -> None:
    (folder / "shell.html").write_text(
        "<html><body><script>var a = 1;</script><iframe src='x'></iframe></body></html>",
        encoding="utf-8",
    )
    result, _ = ingest(folder, tmp_path)
    assert_skipped(result, "shell.html", "no article text found")


def test_truncated_json_lines_keep_the_complete_records(folder: Path, tmp_path: Path) -> None:
    good = [json.dumps({"text": f"{SENTENCE} Record {i}.", "date": "2025-03-0" + str(i + 1)})
            for i in range(3)]  # fmt: skip
    (folder / "feed.jsonl").write_text("\n".join(good) + '\n{"text": "The harbour bo', "utf-8")
    result, _ = ingest(folder, tmp_path)
    assert_skipped(result, "feed.jsonl line 4", "invalid JSON")
    with Dossier.open(str(tmp_path / "bad-input.db"), today=TODAY) as d:
        records = sorted(doc.record for doc in d.documents() if doc.path.endswith("feed.jsonl"))
    assert records == [0, 1, 2]


def test_malformed_json_lines_are_named_line_by_line(folder: Path, tmp_path: Path) -> None:
    lines = [
        "this is not json",
        "[1, 2, 3]",
        json.dumps({"text": 42}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": f"{SENTENCE}", "date": {"nested": True}, "title": ["x"]}),
        "",
        "{" * 5000,
    ]
    (folder / "feed.ndjson").write_text("\n".join(lines), encoding="utf-8")
    (folder / "broken.json").write_text('[{"text": "a"}, {"text": ', encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, "feed.ndjson line 1", "invalid JSON")
    assert_skipped(result, "feed.ndjson line 2", "record is not a JSON object")
    assert_skipped(result, "feed.ndjson line 3", 'field "text" missing or empty')
    assert_skipped(result, "feed.ndjson line 4", 'field "text" missing or empty')
    assert_skipped(result, "feed.ndjson line 5", 'field "text" missing or empty')
    assert_skipped(result, "feed.ndjson line 8", "invalid JSON")
    assert_skipped(result, "broken.json", "invalid JSON at line 1")
    doc = stored["feed.ndjson"]
    assert doc.record == 5 and doc.title is None and doc.published is None


@pytest.mark.parametrize("value", ["9999-99-99", "0000-00-00", "2025-02-30", "2025-13-45"])
def test_absurd_header_dates_are_rejected_with_the_reason(
    folder: Path, tmp_path: Path, value: str
) -> None:
    (folder / "dated.txt").write_text(f" date {value} {SENTENCE}\n", encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    doc: Document = stored["dated.txt"]
    assert doc.published is None
    assert doc.text == SENTENCE + "\n"  # the header is not article text
    assert f"'{value}'" in doc.published_why and "rejected" in doc.published_why


def test_a_far_future_header_date_is_not_believed(folder: Path, tmp_path: Path) -> None:
    (folder / "future.txt").write_text(f" date 9999-12-31 {SENTENCE}\n", encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    assert stored["future.txt"].published is None
    assert "9999-12-31" in stored["future.txt"].published_why


def test_a_document_of_one_word(folder: Path, tmp_path: Path) -> None:
    (folder / "word.txt").write_text("Hello", encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    assert stored["word.txt"].text == "Hello"


def test_a_document_of_100_000_sentences(folder: Path, tmp_path: Path) -> None:
    sentences = [f"The council approved repair item {i} for the dyke." for i in range(100_000)]
    text = " date 2025-01-15 " + " ".join(sentences) + "\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    doc = stored["long.txt"]
    assert doc.text == " ".join(sentences) + "\n"
    assert doc.published == "2025-01-15"
    with Dossier.open(str(tmp_path / "bad-input.db"), today=TODAY) as d:
        [hit] = d.search('"repair item 99999"')
        assert hit.document_id == doc.id


@pytest.mark.parametrize(
    "name",
    ["with spaces in it.txt", "Biên Hòa – Đà Nẵng 越南.txt", "line\nbreak.txt", "tab\there.txt",
     "emoji 📰.txt", "'quotes' and \"double\".txt", "[brackets] (red).txt"],
)  # fmt: skip
def test_awkward_file_names_are_ingested(folder: Path, tmp_path: Path, name: str) -> None:
    (folder / name).write_text(f"{SENTENCE} ({name!r})\n", encoding="utf-8")
    result, stored = ingest(folder, tmp_path)
    assert result.exit_code == 0, result.output
    assert stored[name].text.startswith(SENTENCE)


def test_awkward_names_of_skipped_files_stay_on_one_line(folder: Path, tmp_path: Path) -> None:
    (folder / "bad\nname [red]x[red].txt").write_bytes(b"")
    result, _ = ingest(folder, tmp_path)
    assert_skipped(result, "bad\\nname [red]x[red].txt", "empty file")


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file names may be any bytes")
def test_a_file_name_that_is_not_utf8_is_skipped(folder: Path, tmp_path: Path) -> None:
    raw_name = bytes(folder) + b"/caf\xe9.txt"
    with open(raw_name, "w", encoding="utf-8") as f:
        f.write(SENTENCE + "\n")
    result, stored = ingest(folder, tmp_path)
    assert_skipped(result, "caf\\xe9.txt", "file name is not valid UTF-8")
    assert set(stored) == {GOOD}


def test_unsupported_and_missing_files_are_named(folder: Path, tmp_path: Path) -> None:
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "README").write_text("no extension", encoding="utf-8")
    (folder / GOOD).write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(
        app,
        ["ingest", str(folder), str(tmp_path / "missing"), "--db", str(db), "--no-analyse",
         "--no-progress"],
        env={"DATELINE_DB": ""},
    )  # fmt: skip
    assert_skipped(result, "notes.docx", "unsupported format '.docx'")
    assert_skipped(result, "README", "unsupported format '(no extension)'")
    assert_skipped(result, "missing", "no such file or folder")
    assert "1 added" in result.output
