"""No traceback: deep JSON, lone surrogates, a document the pipeline fails on, a full or
damaged store and runaway search queries each get a clear message, and every good file
of the batch is still stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from dateline.errors import QueryError, StoreError
from dateline.service import Dossier
from dateline.store import Store
from tests.conftest import TODAY

runner = CliRunner()
GOOD_TEXT = " date 2025-04-02 Engineers reopened the repaired river bridge on Tuesday.\n"


def cli_ingest(folder: Path, db: Path) -> tuple[int, str]:
    result = runner.invoke(
        app, ["ingest", str(folder), "--db", str(db), "--no-analyse", "--no-progress"],
        env={"DATELINE_DB": ""},
    )  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def names(db: Path) -> set[str]:
    with Dossier.open(str(db), today=TODAY) as d:
        return {Path(doc.path).name for doc in d.documents()}


def test_deeply_nested_json_is_named_and_the_rest_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "deep.jsonl").write_text('{"text": "fine record here"}\n' + "[" * 100_000 + "\n")
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, output = cli_ingest(folder, tmp_path / "s.db")
    assert code == 1 and "nested too deeply" in output and "Traceback" not in output
    assert names(tmp_path / "s.db") == {"good.txt", "deep.jsonl"}


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    record = (
        '{"text": "The mayor \\ud800 opened the fair.", "title": "Fair \\udfff", '
        '"date": "2025-05-06\\ud800"}'
    )
    (folder / "a.jsonl").write_text(record + "\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, output = cli_ingest(folder, tmp_path / "s.db")
    assert code == 0, output
    with Dossier.open(str(tmp_path / "s.db"), today=TODAY) as d:
        [doc] = [x for x in d.documents() if x.path.endswith("a.jsonl")]
        assert doc.raw == "The mayor \ufffd opened the fair." and doc.title == "Fair \ufffd"
        assert doc.published == "2025-05-06"


def test_one_document_the_pipeline_fails_on_does_not_lose_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.pipeline.ingest as ingest

    real = ingest.prepare

    def fragile(raw, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "poison" in raw.raw:
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(ingest, "prepare", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("A poison article that trips the pipeline somewhere.\n")
    (folder / "c.txt").write_text(GOOD_TEXT.replace("bridge", "tunnel"), encoding="utf-8")
    with Dossier.open(tmp_path / "s.db", today=TODAY) as d:
        report = d.ingest([folder], build=False)
        assert len(report.added) == 2
        [problem] = report.problems
        assert problem.path.endswith("b.txt") and "RecursionError" in problem.problem


def test_a_full_disk_stops_with_a_clear_message_and_keeps_what_was_stored(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        text = f" date 2025-04-{i % 28 + 1:02d} Report {i}: " + f"word{i} " * 3000
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    with Dossier.open(tmp_path / "s.db", today=TODAY) as d:
        pages = d.store.execute("PRAGMA page_count").fetchone()[0]
        d.store.execute(f"PRAGMA max_page_count = {pages + 60}")  # the disk fills up soon
        with pytest.raises(StoreError, match="full"):
            d.ingest([folder], build=False)
        stored = d.store.count_documents()
    assert stored > 0
    with Dossier.open(tmp_path / "s.db", today=TODAY) as d:
        assert d.store.count_documents() == stored and d.store.integrity_check() == "ok"


def test_sqlite_a_damaged_store_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(f"Story {i}. " + f"term{i} " * 2000)
    db = tmp_path / "s.db"
    with Dossier.open(db, today=TODAY) as d:
        d.ingest([folder], build=False)
        d.store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    # every other page of the second half: the schema (read on opening) stays whole
    for at in range(len(data) // page // 2 * page, len(data) - page, page * 2):
        data[at : at + page] = b"\xa5" * page
    db.write_bytes(bytes(data))
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for args in (["search", "term3"], ["ingest", str(tmp_path / "more"), "--no-analyse"]):
        result = runner.invoke(app, [*args, "--db", str(db)], env={"DATELINE_DB": ""})
        assert result.exit_code == 1 and "cannot" in result.output, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)


@pytest.mark.parametrize(
    "query",
    ["(" * 247 + "bridge" + ")" * 247, " ".join(["bridge"] * 2000), "a OR " * 1500 + "b"],
)
def test_runaway_search_queries_are_refused_on_both_backends(store: Store, query: str) -> None:
    with pytest.raises(QueryError):
        store.search(query)
