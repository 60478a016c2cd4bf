"""Timeline17-shaped input end to end, on a tiny fixture of our own (tests/t17/fixture).

The fixture is one topic folder laid out like the benchmark: PTB-tokenised articles in
``YYYY-MM-DD`` folders with scraper leftovers (glued byline, wire page header, market-data
disclaimers, a "Related" line), one empty file, keywords, and a gold timeline with a
malformed date and a date listed in two blocks. The empty file and the articles with page
leftovers are made when the tests run, in a copy of the fixture.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.clean import OffsetMap, clean
from dateline.clean.detok import PTB_TOKENS, looks_tokenised
from dateline.cli.app import app
from dateline.evaluate import Scores, load_t17_timeline, mean_scores
from dateline.service import Dossier
from tests.conftest import REPO, SAMPLE_DIR

FIXTURE = Path(__file__).resolve().parent / "fixture"
TOPIC = FIXTURE / "flood_wire"
GOLD = TOPIC / "timelines" / "wire.txt"
BENCH = REPO / "bench"
EMPTY = "2021-03-03/empty.txt"
# Articles whose scraper leftovers take the shape the benchmark's pages have (a byline glued
# to the lede, a wire dateline header, an agency staff credit): written when the tests run,
# like the empty file, so the repository holds no file shaped like a benchmark page.
WRITTEN_AT_TEST_TIME = {
    "2021-03-02/alder-bbc.txt": (
        "By Mara Quill BBC News , Fenwick The river Alder burst its banks at Fenwick on Tuesday , forcing 2,000 residents to leave their homes , the county said .\n"  # noqa: E501 (one article line)
        "Rescue boats -LRB- some borrowed from fishermen -RRB- carried families to the school on Hill Road .\n"  # noqa: E501 (one article line)
        "`` We 've never seen the water rise this fast , '' said Tom Reyes , the town 's fire chief .\n"  # noqa: E501 (one article line)
        "The flood cut the main rail line to the coast .\n"
        "Related : Alder flood warnings ; How to prepare for a flood\n"
    ),
    "2021-03-02/alder-wire.txt": (
        "FENWICK | Tue Mar 2 , 2021 6:40 pm GMT FENWICK -LRB- Reuters -RRB- - Floodwater from the river Alder covered the centre of Fenwick on Tuesday and the county ordered 2,000 people out of their homes .\n"  # noqa: E501 (one article line)
        "The county said the flood was the worst since 1998 .\n"
        "Officials do n't yet know how many houses were damaged .\n"
        "Quotes are delayed 15 minutes .\n"
    ),
    "2021-03-03/aid-cnn.txt": (
        "By the CNN Wire Staff The government promised $ 40 million in flood aid for Fenwick on Wednesday , a day after the river Alder burst its banks .\n"  # noqa: E501 (one article line)
        "Prime Minister Ada Lenz visited the school where 600 evacuees slept on Tuesday night .\n"
        "She said the money would pay for temporary housing and repairs to the rail line .\n"
        "LSE and TSX quotes are delayed 15 minutes .\n"
    ),
}
runner = CliRunner()


def raw(name: str) -> str:
    written = [text for path, text in WRITTEN_AT_TEST_TIME.items() if path.endswith(f"/{name}")]
    if written:
        return written[0]
    [path] = TOPIC.glob(f"InputDocs/*/{name}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fixture with its empty article and the articles above added."""
    copy = tmp_path_factory.mktemp("t17-root") / "fixture"
    shutil.copytree(FIXTURE, copy)
    docs = copy / "flood_wire" / "InputDocs"
    for name, text in WRITTEN_AT_TEST_TIME.items():
        (docs / name).parent.mkdir(exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    (docs / EMPTY).write_bytes(b"")
    return copy


@pytest.fixture(scope="module")
def topic_db(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    """The fixture topic ingested through the command line, dated by its folders."""
    db = tmp_path_factory.mktemp("t17") / "topic.db"
    result = runner.invoke(
        app, ["ingest", "--date-from-path", str(root / "flood_wire" / "InputDocs"), "--db",
              str(db), "--no-progress"],
    )  # fmt: skip
    # The empty file is named and skipped (exit 1); the others are stored all the same.
    assert result.exit_code == 1, result.output
    assert "empty.txt: empty file" in result.output
    return db


def cli_json(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- reading: dates from the path, empty files ------------------------------------------


def test_documents_are_dated_by_their_folder(topic_db: Path) -> None:
    listed = cli_json("documents", "--db", str(topic_db), "--json")
    dated = {Path(d["path"]).name: (d["published"], d["published_how"]) for d in listed}
    assert dated == {
        "alder-bbc.txt": ("2021-03-02", "path"),
        "alder-wire.txt": ("2021-03-02", "path"),
        "aid-cnn.txt": ("2021-03-03", "path"),
        "receding.txt": ("2021-03-05", "path"),
        "trains.txt": ("2021-03-09", "path"),
    }


def test_empty_file_is_reported_and_skipped(root: Path, dossier: Dossier) -> None:
    report = dossier.ingest([root / "flood_wire" / "InputDocs"], build=False, date_from_path=True)
    assert len(report.added) == 5
    assert [Path(str(p.path)).name for p in report.problems] == ["empty.txt"]


# -- cleaning: detokenised for display, offsets back to the raw text ---------------------


def test_tokenised_article_is_detokenised_for_display() -> None:
    text = clean(raw("alder-bbc.txt")).text
    assert "Rescue boats (some borrowed from fishermen) carried families" in text
    assert '"We\'ve never seen the water rise this fast," said Tom Reyes' in text
    assert "the town's fire chief." in text
    assert "-LRB-" not in text and "``" not in text and " ," not in text


def test_every_clean_span_maps_back_to_its_raw_tokens() -> None:
    for name in ("alder-bbc.txt", "alder-wire.txt", "aid-cnn.txt", "receding.txt", "trains.txt"):
        source = raw(name)
        result = clean(source)
        offsets = OffsetMap(result.edits)
        for line in re.finditer(r"[^\n]+", result.text):
            for match in re.finditer(r"\S+(?: \S+){0,4}", line.group()):
                start, end = line.start() + match.start(), line.start() + match.end()
                a, b = offsets.span_to_raw(start, end)
                # The raw slice holds the same characters once PTB escapes are read and
                # the spaces the tokeniser added are dropped.
                tokens = [PTB_TOKENS.get(t, t) for t in source[a:b].split()]
                assert "".join(tokens) == "".join(result.text[start:end].split()), (name, a, b)


def test_scraper_leftovers_are_removed_with_reasons() -> None:
    byline = clean(raw("alder-bbc.txt"))
    assert byline.text.startswith("The river Alder burst its banks at Fenwick on Tuesday,")
    assert "Related" not in byline.text
    header = clean(raw("alder-wire.txt"))
    assert header.text.startswith("FENWICK (Reuters) - Floodwater from the river Alder")
    assert "delayed" not in header.text
    wire = clean(raw("aid-cnn.txt"))
    assert wire.text.startswith("The government promised $40 million in flood aid")
    assert "delayed" not in wire.text
    reasons = {e.reason for r in (byline, header, wire) for e in r.edits if e.is_removal}
    assert {"glued byline", "page header", "related links", "market-data disclaimer"} <= reasons


def test_ordinary_articles_are_not_detokenised() -> None:
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not looks_tokenised(text), path.name
        assert all(e.reason != "detokenised" for e in clean(text).edits), path.name


# -- the gold timeline ----------------------------------------------------------------


def test_gold_loader_skips_the_malformed_date_and_merges_repeats() -> None:
    gold, problems = load_t17_timeline(GOLD)
    assert sorted(gold) == [date(2021, 3, 2), date(2021, 3, 3), date(2021, 3, 5), date(2021, 3, 9)]
    assert len(gold[date(2021, 3, 2)]) == 2  # the date's two blocks, merged
    messages = [p.message for p in problems]
    assert len(messages) == 2
    assert "malformed date" in messages[0] and "'2021-03-0'" in messages[0]
    assert "listed again" in messages[1]
    assert not any("malformed" in s for day in gold for s in gold[day])


# -- the timeline command in the standard setup ------------------------------------------


def test_timeline_flags_bound_size_span_and_topic(topic_db: Path) -> None:
    entries = cli_json(
        "timeline", "--db", str(topic_db), "--dates", "2", "--sentences", "1",
        "--since", "2021-03-03", "--until", "2021-03-09", "--query", "flood",
        "--anchor", "references", "--json",
    )  # fmt: skip
    assert isinstance(entries, list) and 1 <= len(entries) <= 2
    for entry in entries:
        assert "2021-03-03" <= entry["date"] <= "2021-03-09"
        [summary] = entry["summary"]
        assert " ," not in summary["sentence"] and "-LRB-" not in summary["sentence"]
    wider = cli_json(
        "timeline", "--db", str(topic_db), "--dates", "4", "--sentences", "2",
        "--since", "2021-03-02", "--until", "2021-03-09", "--anchor", "references", "--json",
    )  # fmt: skip
    assert len(wider) == 4
    assert "2021-03-02" in {e["date"] for e in wider}  # the flood day every article recalls
    assert max(len(e["summary"]) for e in wider) == 2


def test_evaluate_scores_the_timeline_against_the_t17_gold(topic_db: Path) -> None:
    result = runner.invoke(
        app, ["evaluate", "--gold", str(GOLD), "--db", str(topic_db), "--query", "flood",
              "--anchor", "references", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["setup"] == {
        "dates": 4, "sentences": 1, "since": "2021-03-02", "until": "2021-03-09"
    }  # fmt: skip
    assert scores["dates"]["f1"] > 0.5
    assert scores["align_m1"]["rouge_1"]["f1"] > 0.1


# -- bench/t17.py on the fixture --------------------------------------------------------


@pytest.fixture(scope="module")
def bench() -> object:
    sys.path.insert(0, str(BENCH))
    try:
        import t17
    finally:
        sys.path.remove(str(BENCH))
    return t17


def test_bench_runs_the_product_and_prints_the_table(bench, root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runs = bench.run_all(root, tmp_path, jobs=1)
    [run] = runs
    assert run.name == "flood_wire" and any("empty.txt" in line for line in run.skipped)
    [result] = run.results
    assert result.name == "flood_wire/wire" and result.documents == 5
    assert len(result.predicted) == 4
    table = bench.report(runs)
    row = next(line for line in table.splitlines() if line.startswith("flood_wire/wire"))
    assert f"{result.scores['date'].f1:7.3f}" in row
    mean = next(line for line in table.splitlines() if line.startswith("mean"))
    assert f"{result.scores['ar1'].f1:6.3f}" in mean
    assert "SUnSET GPT-4o" in table and "targets" in table


def test_bench_mean_averages_precision_and_recall_first(bench) -> None:  # type: ignore[no-untyped-def]
    from t17_common import means

    rows = {
        "a/x": {k: Scores(1.0, 0.0, 0.0) for k in ("date", "ar1", "ar2")},
        "b/y": {k: Scores(0.0, 1.0, 0.0) for k in ("date", "ar1", "ar2")},
    }
    mean = means(rows)["date"]
    # F of the averaged P and R (0.5, 0.5), not the average of the two F scores (0).
    assert mean == mean_scores([Scores(1.0, 0.0, 0.0), Scores(0.0, 1.0, 0.0)])
    assert mean.f1 == pytest.approx(0.5)


def test_bench_skips_cleanly_without_the_benchmark(bench, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert bench.main(["--t17", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out
