"""The weakest date cue, the latest date an article reports as past, read from the build's
analysis of the document: ingest loads no language model for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.dating.candidates import reported_candidate
from dateline.model import DateCandidate
from dateline.service import Dossier
from tests.conftest import REPO

TODAY = date(2025, 12, 1)
TITLE = "Harbour workers end week-long stoppage"
MORE = [
    "The stoppage had left more than forty ships waiting at anchor outside the breakwater.",
    "Exporters of fruit and timber said the delays had cost them several contracts.",
    "A spokesperson for the authority said the review would be finished within a month.",
    "The union said it would call another stoppage if the review stalled.",
]
BODY = (
    "Port officials said on Tuesday, March 4, 2025, that talks had stalled. "
    "The union then rejected the offer on Thursday, March 6, 2025, by a wide margin."
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def reported(analyzer: Analyzer, text: str, today: date | None = None) -> DateCandidate | None:
    (analysis,) = analyzer.analyse([("d1", text)])
    return reported_candidate(analysis, today)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The two ministers signed the accord on Monday, November 18, 2024, in the capital.",
            "2024-11-18",
        ),
        (
            "The board has approved the merger on Friday, May 2, 2025, after a long meeting.",
            "2025-05-02",
        ),
        ("The pier was reopened on Wednesday, June 4, 2025, by the harbour master.", "2025-06-04"),
        # present-tense caption, participle, plan, background clause, no weekday, negation
        ("Dockers march to the union hall to vote, on Thursday, Sept. 12, 2024, in Hull.", None),
        (
            "A ferry is launched in this still from a video uploaded on Sunday, April 20, 2025.",
            None,
        ),
        ("The ministers will meet on Monday, March 3, 2025, in the port city.", None),
        ("The treaty, which was signed on Thursday, August 30, 1951, binds both nations.", None),
        ("The council approved the plan on May 2, 2025, after a long meeting.", None),
        ("The council did not approve the plan on Friday, May 2, 2025.", None),
        # the weekday disagrees with the date
        ("The two ministers signed the accord on Tuesday, November 18, 2024.", None),
    ],
)
def test_reported_past_date(analyzer: Analyzer, sentence: str, expected: str | None) -> None:
    found = reported(analyzer, sentence)
    assert (found.value if found else None) == expected


def test_the_latest_reported_date_wins_and_the_evidence_is_its_sentence(
    analyzer: Analyzer,
) -> None:
    found = reported(analyzer, page(TITLE, BODY, *MORE))
    assert found is not None and found.value == "2025-03-06"
    assert found.evidence.startswith("The union then rejected the offer")


def test_a_reported_date_after_today_is_not_taken(analyzer: Analyzer) -> None:
    body = "The union rejected the offer on Saturday, March 6, 2027, by a wide margin."
    assert reported(analyzer, body, today=TODAY) is None
    assert reported(analyzer, body) is not None


def test_a_reported_date_is_history_when_the_text_names_a_later_year(analyzer: Analyzer) -> None:
    first = "The barge ran aground on Sunday, April 27, 2003, spilling fuel into the bay."
    assert reported(analyzer, first + " Fishermen say catches have not recovered by 2010.") is None
    assert reported(analyzer, first) is not None


def test_the_build_dates_an_undated_article_and_its_copy(
    tmp_path: Path, analyzer: Analyzer
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(page(TITLE, BODY, *MORE))
    # a copy with a trailing line more, and a stamped article that needs no such cue
    (docs / "b.txt").write_text(page(TITLE, BODY, *MORE, "Reporting by the harbour desk."))
    other = (
        "Farmers in the northern valley began the apple harvest on Monday, March 3, 2025, a "
        "week early because of a warm spring, the growers' association said."
    )
    (docs / "c.txt").write_text(page("Early harvest", "Published March 7, 2025", other))
    with Dossier.open(tmp_path / "d.db", today=TODAY, analyzer=analyzer) as dossier:
        dossier.ingest([docs], build=False)
        assert {Path(d.path).name: d.published for d in dossier.documents()} == {
            "a.txt": None,
            "b.txt": None,
            "c.txt": "2025-03-07",
        }
        dossier.ingest([docs])  # nothing new: the build dates what ingest left undated
        got = {Path(d.path).name: d for d in dossier.documents()}
        assert (got["a.txt"].published, got["a.txt"].published_how) == ("2025-03-06", "reported")
        assert "reports as past" in got["a.txt"].published_why
        assert [c.how for c in got["a.txt"].date_candidates] == ["reported"]
        assert got["b.txt"].published == "2025-03-06"
        assert (got["c.txt"].published, got["c.txt"].published_how) == (
            "2025-03-07",
            "published-line",
        )
        # what the extractors read is the new date: a sentence's "Thursday" resolves to it
        days = {day for _, _, _, _, _, dates in dossier.store.sentences() for day, _ in dates}
        assert "2025-03-06" in days
        dossier.build()  # a rebuild keeps what it found
        again = dossier.store.get_document(got["a.txt"].id)
        assert again is not None and again.published == "2025-03-06"
        assert len(again.date_candidates) == 1


def test_ingest_loads_no_language_model_for_the_cue(tmp_path: Path) -> None:
    """In a fresh process (a model loaded by another test would hide a load)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(page(TITLE, BODY, *MORE))
    script = textwrap.dedent(
        f"""
        import spacy
        loads = []
        spacy.load = lambda *a, **k: loads.append(a) or (_ for _ in ()).throw(
            RuntimeError("a model was loaded"))
        from datetime import date
        from dateline.service import Dossier
        with Dossier.open({str(tmp_path / "d.db")!r}, today=date(2025, 12, 1)) as dossier:
            report = dossier.ingest([{str(docs)!r}], build=False)
            assert len(report.added) == 1, report
            (doc,) = dossier.documents()
        print(len(loads), doc.published)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src") + ":" + str(REPO), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["0", "None"]
