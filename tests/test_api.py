"""The Python API a notebook user calls: dateline.open(), typed records, to_pandas()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dateline
from dateline.errors import DatelineError
from tests.conftest import SAMPLE_DIR


def test_open_ingest_and_typed_records(tmp_path: Path) -> None:
    d = dateline.open(tmp_path / "api.db")
    report = d.ingest([SAMPLE_DIR])
    assert report.build is not None and report.build.documents == len(d.documents())
    figures = d.figures()
    assert figures and all(isinstance(f, dateline.Figure) for f in figures)
    frame = figures.to_pandas()
    assert list(frame["value"]) == [f.value for f in figures]
    people = [e for e in d.entities() if e.kind == "PERSON"]
    assert all(isinstance(e, dateline.Entity) for e in people)
    assert isinstance(d, dateline.Dossier)
    d.close()


def test_a_kept_timeline_is_served_only_to_its_own_release(
    sample_dossier: dateline.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.service as service
    import dateline.summarise.plan as plan

    fresh = sample_dossier.timeline(dates=3, sentences=1)
    assert fresh
    # A result kept by an older release: same arguments, different summaries.
    monkeypatch.setattr(plan, "__version__", "0.0.0-older")
    sample_dossier.timeline(dates=3, sentences=1)
    store = sample_dossier.store
    old_key = json.dumps(["timeline", "0.0.0-older", plan._code(), 3, 1, None, None, None,
                          None, None, "auto", service.SENTENCE_BUDGET])  # fmt: skip
    assert store.cached(old_key) is not None
    store.cache(old_key, "[]", store.generation())
    assert list(sample_dossier.timeline(dates=3, sentences=1)) == []  # that release's answer
    monkeypatch.undo()
    assert list(sample_dossier.timeline(dates=3, sentences=1)) == list(fresh)


def test_a_filtered_timeline_past_its_budget_reads_an_even_sample(
    sample_dossier: dateline.Dossier,
) -> None:
    from dateline.store.records import sample_bound

    # an entity's timeline of one event type has no day counts: past the budget it samples
    asked = {"entity": "Phan Van Giang", "event_type": "CONSULT"}
    whole = list(sample_dossier.timeline(dates=5, sentences=1, budget=None, **asked))
    assert whole and all(e.sample == 1.0 for e in whole)
    # within the budget nothing changes
    assert list(sample_dossier.timeline(5, 1, budget=10**6, **asked)) == whole
    small = list(sample_dossier.timeline(dates=5, sentences=1, budget=15, **asked))
    sampled = [e for e in small if e.sample < 1.0]
    assert sampled, small
    share = sampled[0].sample
    assert all(e.sample == share for e in sampled)
    bound = sample_bound(share)
    assert bound is not None
    # summaries come from the sample only, and the counts are scaled up from it
    assert all(s.document_id < bound for e in sampled for s in e.summary)
    assert all(e.documents >= 1 for e in sampled)
    from dateline.errors import DatelineError

    with pytest.raises(DatelineError, match="budget"):
        sample_dossier.timeline(budget=0)


def test_a_build_keeps_the_default_timeline_ready(tmp_path: Path) -> None:
    d = dateline.open(tmp_path / "warm.db")
    d.ingest([SAMPLE_DIR])
    kept = d.store.execute("SELECT key FROM results").fetchall()
    # the CLI's and notebook's default, and the web timeline page's
    assert sorted(json.loads(k)[3] for (k,) in kept) == [10, 30]
    served = list(d.timeline())
    with d.store.transaction():
        d.store.execute("DELETE FROM results")
    assert list(d.timeline()) == served and served  # what was kept is what is made
    d.close()


def test_the_default_timeline_weighs_references_and_events_together(
    sample_dossier: dateline.Dossier,
) -> None:
    happened = {
        e.date
        for e in sample_dossier.events()
        if e.date and e.precision == "day" and not e.background
    }
    default = {e.date for e in sample_dossier.timeline(dates=None)}
    references = {e.date for e in sample_dossier.timeline(dates=None, anchor="references")}
    # references alone also date the days after an event, when its reports came out
    assert references - happened
    # together, a day no event happened on needs a full reference to compete
    assert default == happened
    top = sample_dossier.timeline(dates=2)
    assert len(top) == 2
    assert {e.date for e in top} <= happened


def test_an_event_day_no_sentence_summarises_still_competes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    # one run-on sentence, too long to summarise a day, is the call's only report
    report = (
        "Defence Minister Ana Lima held a phone call with Defence Secretary Tom Reyes on "
        "March 5, during which the two officials reviewed the joint training calendar, the "
        "repair of the northern harbour, the exchange of cadets between both academies, the "
        "schedule of coast guard visits, and the long list of spare parts that the navy has "
        "been waiting for since the storms of last autumn."
    )
    (folder / "call.txt").write_text(
        f" date 2026-03-09\n\nMinisters hold a phone call\n\n{report}\n", encoding="utf-8"
    )
    with dateline.Dossier.open(tmp_path / "d.db") as dossier:
        dossier.ingest([folder])
        assert not dossier.timeline(anchor="references")
        days = {e.date for e in dossier.events() if e.date}
        entries = dossier.timeline()
    assert days == {"2026-03-05"}
    assert [e.date for e in entries] == ["2026-03-05"]
    assert entries[0].texts[0].startswith("Defence Minister Ana Lima held a phone call")


# --- backup, restore, evaluation and exports: Dossier methods the CLI only calls ---------


def test_backup_and_restore_give_back_the_same_dossier(tmp_path: Path) -> None:
    with dateline.open(tmp_path / "a.db") as d:
        d.ingest([SAMPLE_DIR])
        before = d.export()
        saved = dateline.Dossier.backup(d.location, tmp_path / "a.backup")
    assert saved.documents == len(before["documents"])
    restored = dateline.Dossier.restore(tmp_path / "a.backup", tmp_path / "b.db")
    assert restored.schema_version == saved.schema_version
    with dateline.open(tmp_path / "b.db") as again:
        assert again.export() == before
    # a store that holds documents is replaced only when asked
    with pytest.raises(DatelineError, match="force"):
        dateline.Dossier.restore(tmp_path / "a.backup", tmp_path / "b.db")


def test_evaluate_takes_its_setup_from_the_gold(
    sample_dossier: dateline.Dossier, tmp_path: Path
) -> None:
    shown = [e for e in sample_dossier.timeline(dates=3, sentences=1)]
    gold = tmp_path / "gold.jsonl"
    lines = [json.dumps({"date": e.date, "summary": list(e.texts)}) for e in shown]
    gold.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    data, problems = sample_dossier.evaluate(gold)
    assert data["setup"] == {
        "dates": len(shown), "sentences": 1, "since": shown[0].date, "until": shown[-1].date
    }  # fmt: skip
    assert 0 < data["dates"]["f1"] <= 1 and data["predicted_dates"] <= len(shown)
    assert len(problems) == 1 and "gold.jsonl" in problems[0]


def test_report_timelinejs_and_csv_come_from_the_dossier(
    sample_dossier: dateline.Dossier, tmp_path: Path
) -> None:
    text = sample_dossier.report("Sample dossier", dates=3)
    assert text.startswith("# Sample dossier")
    assert "<" in sample_dossier.report("Sample dossier", "html", dates=3)
    with pytest.raises(DatelineError, match="markdown or html"):
        sample_dossier.report(fmt="pdf")
    document = sample_dossier.timelinejs("Sample")
    assert document["title"]["text"]["headline"] == "Sample" and document["events"]
    written = sample_dossier.write_csv(tmp_path / "csv")
    assert {p.name for p in written} >= {"events.csv", "entities.csv", "documents.csv"}
    assert all(p.parent == tmp_path / "csv" and p.stat().st_size > 0 for p in written)
