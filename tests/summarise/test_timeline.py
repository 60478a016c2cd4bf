"""Timeline summarisation on small hand-made inputs, and on the bundled sample corpus."""

from __future__ import annotations

import dataclasses
import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyse.timex import find_time_expressions
from dateline.evaluate import date_f1, load_gold_jsonl
from dateline.model import Document
from dateline.service import Dossier
from dateline.summarise import (
    DatedSentence,
    TimelineOptions,
    Tuning,
    build_timeline,
    build_timelines,
    sentences_for,
)
from dateline.summarise.dates import collect, score_dates, supporting_documents
from dateline.summarise.hygiene import chronology_start, is_comment, metadata_end
from dateline.summarise.text import is_sentence, split_sentences
from dateline.summarise.timeline import _evidence, _pools, _Rows, _Texts, sentence_table
from tests.conftest import GOLD_DIR, SAMPLE_DIR, TODAY
from tests.summarise.test_features import _corpus, _sentences

FILLER = "officials in the capital confirmed the details to reporters on the scene"
TOPICS = ("flood", "storm", "election", "strike", "earthquake", "ceasefire", "summit")


def sentence(
    doc: str, text: str, published: str | None, *dates: str, start: int = 0
) -> DatedSentence:
    return DatedSentence(
        doc, start, start + len(text), text, published, tuple((d, "day") for d in dates)
    )


def story(doc: str, published: str, day: str, topic: str) -> DatedSentence:
    """One article's sentence reporting ``topic`` on ``day``."""
    return sentence(doc, f"The {topic} happened on that day, and {FILLER}.", published, day)


def dates_of(entries: list) -> list[str]:
    return [e.date for e in entries]


def test_empty_input_gives_empty_timeline() -> None:
    assert build_timeline([], TimelineOptions()) == []


def test_dates_referred_to_by_more_documents_rank_higher() -> None:
    sentences = [
        story("a", "2024-03-10", "2024-03-05", "flood"),
        story("b", "2024-03-11", "2024-03-05", "flood"),
        story("c", "2024-03-12", "2024-03-05", "flood"),
        story("d", "2024-03-10", "2024-03-07", "storm"),
    ]
    entries = build_timeline(sentences, TimelineOptions(dates=1))
    assert dates_of(entries) == ["2024-03-05"]
    assert entries[0].documents == 3
    both = build_timeline(sentences, TimelineOptions(dates=2))
    assert both[0].score > both[1].score


def test_duplicates_of_one_story_count_once() -> None:
    copies = [story(f"copy{i}", "2024-03-10", "2024-03-05", "flood") for i in range(4)]
    independent = [story(f"ind{i}", "2024-03-10", "2024-03-07", "storm") for i in range(2)]
    groups = {f"copy{i}": "copy0" for i in range(4)}
    options = TimelineOptions(dates=1)
    assert dates_of(build_timeline(copies + independent, options)) == ["2024-03-05"]
    grouped = build_timeline(copies + independent, options, groups=groups)
    assert dates_of(grouped) == ["2024-03-07"]
    assert grouped[0].documents == 2


def test_event_dates_add_weight() -> None:
    sentences = [
        story("a", "2024-03-10", "2024-03-05", "flood"),
        story("b", "2024-03-10", "2024-03-07", "storm"),
    ]
    options = TimelineOptions(dates=1)
    assert dates_of(build_timeline(sentences, options)) == ["2024-03-05"]
    boosted = build_timeline(sentences, options, event_dates={"2024-03-07": 2.0})
    assert dates_of(boosted) == ["2024-03-07"]


def test_a_day_below_the_floor_gives_way_to_the_next_day_that_reaches_it() -> None:
    # Three stories report the flood on the 5th (an event day); a later one says the same
    # of the 6th, so the 6th has nothing new to say and waits; a lone same-day mention
    # makes the 20th, below a full reference.
    sentences = [story(doc, "2024-03-10", "2024-03-05", "flood") for doc in "abc"]
    sentences += [
        story("d", "2024-03-10", "2024-03-06", "flood"),
        sentence(
            "e",
            "Gale winds tore roofs from houses along the northern coast overnight.",
            "2024-03-20",
            "2024-03-20",
        ),
    ]
    options = TimelineOptions(dates=2)
    events = {"2024-03-05": 1.0}
    assert dates_of(build_timeline(sentences, options, event_dates=events)) == [
        "2024-03-05",
        "2024-03-20",
    ]
    floored = build_timeline(sentences, options, event_dates=events, floor=1.0)
    assert dates_of(floored) == ["2024-03-05", "2024-03-06"]
    # an event day competes whatever its score
    low = {"2024-03-20": 0.0, **events}
    assert "2024-03-20" in dates_of(build_timeline(sentences, options, event_dates=low, floor=9.0))


def test_first_reports_of_a_day_count_as_much_as_the_next_days() -> None:
    # Two pages report the storm on the day it struck; two others report the flood the
    # morning after. Same-day reports weigh in full (and their publication adds a little).
    sentences = [story(doc, "2024-05-02", "2024-05-02", "storm") for doc in "ab"]
    sentences += [story(doc, "2024-05-09", "2024-05-08", "flood") for doc in "cd"]
    options = TimelineOptions(dates=1)
    assert dates_of(build_timeline(sentences, options)) == ["2024-05-02"]
    # the weight is a setting: at half, the reports of the day after win
    halved = Tuning(same_day=0.5)
    assert dates_of(build_timeline(sentences, options, tuning=halved)) == ["2024-05-08"]
    # two same-day reports still reach the floor a day without an event must reach
    floored = build_timeline(sentences, TimelineOptions(dates=None), floor=1.0)
    assert dates_of(floored) == ["2024-05-02", "2024-05-08"]


def test_a_page_telling_another_story_says_less_about_its_days() -> None:
    river = "The swollen river broke the levee near the dam and flood water covered the farms"
    background = [
        sentence(f"bg{i}", f"{river} , residents said in report {i} .", f"2024-03-1{i + 1}")
        for i in range(4)
    ]
    aside = sentence(
        "aside", "A football club signed a young striker from a rival league .", "2024-03-10",
        "2024-03-05",
    )  # fmt: skip
    flood = sentence("flood", f"{river} on Thursday , officials said .", "2024-03-10", "2024-03-07")
    options = TimelineOptions(dates=1)
    # counted alike, the two days tie and the earlier wins
    flat = build_timeline([*background, aside, flood], options, tuning=Tuning(article_topical=0))
    assert dates_of(flat) == ["2024-03-05"]
    assert dates_of(build_timeline([*background, aside, flood], options)) == ["2024-03-07"]


def test_since_until_and_dates_limit() -> None:
    days = ["2024-03-01", "2024-03-05", "2024-03-09", "2024-03-13", "2024-03-17"]
    sentences = [story(f"d{i}", "2024-03-20", day, TOPICS[i]) for i, day in enumerate(days)]
    window = TimelineOptions(dates=None, since="2024-03-04", until="2024-03-13")
    assert dates_of(build_timeline(sentences, window)) == days[1:4]
    assert len(build_timeline(sentences, TimelineOptions(dates=2))) == 2
    assert dates_of(build_timeline(sentences, TimelineOptions(dates=None))) == days


def test_timelines_over_the_same_sentences_are_each_as_if_built_alone() -> None:
    days = ["2024-03-01", "2024-03-05", "2024-03-09", "2024-03-13", "2024-03-17"]
    sentences = [
        story(f"d{i}{j}", f"2024-03-{18 + j}", day, TOPICS[(i + j) % len(TOPICS)])
        for i, day in enumerate(days)
        for j in range(i + 1)
    ]
    groups = {"d40": "d41"}
    asked = [
        TimelineOptions(dates=2),
        TimelineOptions(dates=4, sentences=1),
        TimelineOptions(dates=None, since="2024-03-04", until="2024-03-13"),
        TimelineOptions(dates=3, sentences=2, query="storm"),
    ]
    events = {"2024-03-01": 3.0}
    together = build_timelines(sentences, asked, groups=groups, event_dates=events)
    alone = [build_timeline(sentences, o, groups=groups, event_dates=events) for o in asked]
    assert together == alone
    # they differ from each other, so sharing could not hide one answering for another
    assert len({tuple(dates_of(t)) for t in together}) == len(asked)
    assert build_timelines([], asked) == [[], [], [], []]


def test_sentences_limit_per_date() -> None:
    reports = [
        "The flood barrier failed downtown on Tuesday and water reached the old market .",
        "The river crest passed the northern bridge on Tuesday , according to hydrologists .",
        "Army trucks evacuated three villages near the dam on Tuesday evening .",
    ]
    sentences = [
        sentence(f"d{i}", text, "2024-03-06", "2024-03-05") for i, text in enumerate(reports)
    ]
    for count in (1, 2, 3):
        (entry,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=count))
        assert len(entry.texts) == len(entry.summary) == count


def test_query_prefers_on_topic_summaries_without_dropping_the_rest() -> None:
    # Two reports of the day as central as each other (the off-topic one first in input
    # order, so it wins the tie without a query), and a third unlike both.
    off_topic = f"A football match ended in Madrid while {FILLER} ."
    on_topic = f"A ceasefire accord began in Geneva while {FILLER} ."
    other = "Heavy rain closed three mountain roads and two schools near the border ."
    sentences = [
        sentence("a", off_topic, "2024-03-06", "2024-03-05"),
        sentence("b", on_topic, "2024-03-06", "2024-03-05"),
        sentence("c", other, "2024-03-06", "2024-03-05"),
    ]
    (plain,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=1))
    assert plain.texts == (off_topic,)
    (asked,) = build_timeline(
        sentences, TimelineOptions(dates=1, sentences=1, query="Ceasefire Syria")
    )
    assert asked.texts == (on_topic,)
    # off-topic reports still summarise the day when the summary has room for them
    (longer,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=3, query="ceasefire"))
    assert on_topic in longer.texts
    assert len(longer.texts) > 1


def test_near_identical_sentences_are_not_both_chosen() -> None:
    first = f"Rebels captured the airport on Monday after heavy fighting , {FILLER} ."
    second = f"Rebels captured the airport on Monday after heavy fighting , {FILLER} , too ."
    other = "Aid agencies warned of food shortages in the eastern provinces on Monday night ."
    sentences = [
        sentence("a", first, "2024-03-06", "2024-03-04"),
        sentence("b", second, "2024-03-06", "2024-03-04"),
        sentence("c", other, "2024-03-06", "2024-03-04"),
    ]
    (entry,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=2))
    assert len(entry.texts) == 2
    assert not {first, second} <= set(entry.texts)


def test_sentences_without_any_date_never_create_a_date() -> None:
    undated = [
        sentence(f"u{i}", f"Protesters gathered in the square number {i} while {FILLER} .", None)
        for i in range(5)
    ]
    assert build_timeline(undated, TimelineOptions(dates=None)) == []
    dated = [*undated, story("d", "2024-03-06", "2024-03-05", "vote")]
    assert dates_of(build_timeline(dated, TimelineOptions(dates=None))) == ["2024-03-05"]


def test_output_is_deterministic_and_in_date_order() -> None:
    days = ["2024-03-09", "2024-03-01", "2024-03-05", "2024-03-13"]
    sentences = [
        story(f"d{i}{j}", "2024-03-20", day, TOPICS[i])
        for i, day in enumerate(days)
        for j in range(i + 1)
    ]
    expected = build_timeline(sentences, TimelineOptions(dates=3))
    shuffled = sentences[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert build_timeline(shuffled, TimelineOptions(dates=3)) == expected
    assert dates_of(expected) == sorted(dates_of(expected))


def test_summary_sources_point_at_the_text() -> None:
    text = "TRIPOLI -LRB- Reuters -RRB- - Rebels entered the capital on Sunday as residents fled ."
    sentences = sentences_for("doc", text, "2011-08-22", [(0, len(text))])
    (entry,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=1))
    (source,) = entry.summary
    assert entry.date == "2011-08-21"
    assert text[source.start : source.end] == entry.texts[0]
    assert entry.texts[0].startswith("Rebels entered")


def test_chronology_entry_is_summarised_without_its_date() -> None:
    text = "March 19 - The first air strikes halt the advance of the army on the city ."
    sentences = sentences_for("doc", text, "2011-08-22", [(0, len(text))])
    (entry,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=1))
    assert entry.date == "2011-03-19"
    assert entry.texts == ("The first air strikes halt the advance of the army on the city .",)


def test_sentences_for_dates_each_sentence() -> None:
    text = (
        "The vote was held on March 3 , 2024 .\n"
        "Results came in on Tuesday .\n"
        "Turnout was low in May .\n"
        "No date here ."
    )
    spans = [m.span() for m in re.finditer(r"[^\n]+", text)]
    found = sentences_for("doc", text, "2024-05-15", spans)
    assert [s.dates for s in found] == [
        (("2024-03-03", "day"),),
        (("2024-05-14", "day"),),
        (("2024-05-01", "month"),),
        (),
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_sentences_for_ignores_comment_and_metadata_dates() -> None:
    comment = "March 21 , 2011 at 2:17 pm | We should not be there ."
    stamped = "Wednesday 24 August 2005 00.44 BST Troops left the city on Monday ."
    text = f"{comment}\n{stamped}"
    spans = [(0, len(comment)), (len(comment) + 1, len(text))]
    first, second = sentences_for("doc", text, "2005-08-24", spans)
    assert first.dates == ()
    assert second.dates == (("2005-08-22", "day"),)


def test_hygiene_patterns() -> None:
    assert is_comment("At 22:45 30th Apr 2009 , reader wrote : Could anyone explain ?")
    assert not is_comment("The minister spoke at 5:00 pm to reporters .")
    lead = "Photograph : Jane Doe\\/AP The administration banned new drilling ."
    assert lead[metadata_end(lead) :] == "The administration banned new drilling ."
    assert chronology_start("Feb. 24 - Militias take control of the city .") == len("Feb. 24 - ")
    assert chronology_start("On Feb. 24 , militias took control .") == 0


@pytest.mark.parametrize(
    ("line", "news"),
    [
        ("DANANG , Vietnam -LRB- Reuters -RRB- -- Ships docked .", "Ships docked ."),
        ("HUE, May 4 (VNA) — Crews cleared the site.", "Crews cleared the site."),
        ("HÀ NỘI — The talks resumed.", "The talks resumed."),
        ("Port reopens Tuesday 3 June 2025 09.15 BST The port reopened .", "The port reopened ."),
        ("3 June 2025 09:15 The port reopened .", "The port reopened ."),
        ("Last updated : 3 June , 2025 - 09:15 GMT The port reopened .", "The port reopened ."),
        ("-LRB- 9:15 a.m. ET , 8:15 p.m. in Hanoi -RRB- The port reopened .",
         "The port reopened ."),
        ("HANOI , 8:15 p.m. local : The port reopened .", "The port reopened ."),
        ("An Editor | 09:15 UK time , Tuesday , 3 June 2025 The port reopened .",
         "The port reopened ."),
        ("-LRB- By An Editor -- Harbour News -RRB- The port reopened .", "The port reopened ."),
        ("The port (closed since 09:15) reopened | officials said .",
         "The port (closed since 09:15) reopened | officials said ."),
    ],
)  # fmt: skip
def test_each_kind_of_glued_metadata_is_cut(line: str, news: str) -> None:
    assert line[metadata_end(line) :] == news


def test_comments_are_told_by_each_of_their_marks() -> None:
    assert is_comment("June 3 , 2025 at 9:15 pm | Nobody asked for this .")
    assert is_comment("Good point | June 3 , 2025 09:15")
    assert is_comment("Posted by : a reader on the forum")
    assert is_comment("Report abuse")
    assert not is_comment("Officials wrote the plan in June 2025 .")


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The port reopened.", True),
        ("The port reopened!", True),
        ('He said the port "had reopened."', True),
        ("He said the port had reopened . ''", True),
        ("The port reopened (at last.)", True),
        ("The port reopened . -RRB- ’ ”", True),
        ("Did the port reopen?", False),
        ("The port reopened (at last)", False),
        ("The port reopened -", False),
        ("Port reopens", False),
    ],
)
def test_a_sentence_ends_with_a_stop_and_maybe_closers(text: str, ends: bool) -> None:
    assert is_sentence(text, 1, 40) is ends


def test_split_sentences_keeps_abbreviations() -> None:
    text = "Sen. Lt. Gen. Chien met U.S. envoys on Oct. 31. They signed a memorandum.\nNext."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == [
        "Sen. Lt. Gen. Chien met U.S. envoys on Oct. 31.",
        "They signed a memorandum.",
        "Next.",
    ]


# -- the bundled sample corpus ----------------------------------------------------------


@pytest.fixture(scope="module")
def sample_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    dossier = Dossier.open(tmp_path_factory.mktemp("timeline") / "sample.db", today=TODAY)
    dossier.ingest([SAMPLE_DIR])
    documents = dossier.documents()
    dossier.close()
    return documents


def sample_sentences(documents: list[Document]) -> list[DatedSentence]:
    return [
        s
        for doc in documents
        for s in sentences_for(doc.id, doc.text, doc.published, split_sentences(doc.text))
    ]


def sample_timeline(documents: list[Document], dates: int | None) -> list:
    groups = {doc.id: doc.duplicate_of or doc.id for doc in documents}
    options = TimelineOptions(dates=dates, sentences=2)
    return build_timeline(sample_sentences(documents), options, groups=groups)


def test_sample_timeline_dates_match_the_gold(sample_documents: list[Document]) -> None:
    gold, _ = load_gold_jsonl(GOLD_DIR / "sample_timeline.jsonl")  # notes on merged dates
    entries = sample_timeline(sample_documents, dates=len(gold))
    predicted = {date.fromisoformat(e.date): list(e.texts) for e in entries}
    assert date_f1(predicted, gold).f1 == pytest.approx(1.0)
    # With room for twice as many dates every gold date is still found.
    wide = sample_timeline(sample_documents, dates=2 * len(gold))
    assert date_f1({date.fromisoformat(e.date): [] for e in wide}, gold).recall == 1.0


def _junk_only_dates(documents: list[Document]) -> set[str]:
    """Day-precision dates that occur only inside junk the cleaner removed.

    A removed date header states the publication date, which is evidence, not junk.
    """
    in_junk: set[str] = set()
    in_text: set[str] = set()
    for doc in documents:
        reference = date.fromisoformat(doc.published) if doc.published else None
        in_text |= {
            e.value for e in find_time_expressions(doc.text, reference) if e.precision == "day"
        }
        for edit in doc.edits:
            if edit.is_removal and edit.reason != "date header":
                removed = doc.raw[edit.start : edit.end]
                in_junk |= {
                    e.value
                    for e in find_time_expressions(removed, reference)
                    if e.precision == "day"
                }
    return in_junk - in_text - {doc.published for doc in documents if doc.published}


def test_sample_timeline_has_no_date_from_removed_junk(sample_documents: list[Document]) -> None:
    junk = _junk_only_dates(sample_documents)
    assert {"2025-02-02", "2025-10-25", "2025-11-08"} <= junk  # the teasers' dates
    entries = sample_timeline(sample_documents, dates=None)
    assert not junk & set(dates_of(entries))
    for entry in entries:
        texts = {doc.id: doc.text for doc in sample_documents}
        for source, text in zip(entry.summary, entry.texts, strict=True):
            assert texts[source.document_id][source.start : source.end].strip() == text


def test_only_an_articles_first_sentences_report_its_day_unnamed() -> None:
    text = f"The {TOPICS[5]} was signed in the capital, and {FILLER}."
    options, days = TimelineOptions(dates=3), {"2024-03-10": 1.0}
    first = DatedSentence("a", 0, len(text), text, "2024-03-10", (), index=0)
    assert dates_of(build_timeline([first], options, event_dates=days)) == ["2024-03-10"]
    # the same sentence, given alone but seventh in its article: no lead, so no summary
    deep = DatedSentence("a", 0, len(text), text, "2024-03-10", (), index=7)
    assert build_timeline([deep], options, event_dates=days) == []


def test_a_sentence_cut_in_two_never_summarises_a_day() -> None:
    # the tail of a sentence the splitter cut, repeated by two outlets, outweighs the whole
    # sentence; a reader would not pick it, so the whole one summarises the day
    tail = f"and the flood barrier failed downtown on Tuesday while {FILLER} ."
    whole = "The river crest passed the northern bridge on Tuesday , hydrologists said ."
    sentences = [
        sentence("a", tail, "2024-03-06", "2024-03-05"),
        sentence("b", tail, "2024-03-06", "2024-03-05", start=100),
        sentence("c", whole, "2024-03-06", "2024-03-05"),
    ]
    (entry,) = build_timeline(sentences, TimelineOptions(dates=1, sentences=1))
    assert entry.texts == (whole,)


_SPANS = [
    (date(2025, 3, 4), date(2025, 3, 4)),
    (date(2025, 3, 10), date(2025, 4, 12)),
    (date(2025, 4, 13), date(2025, 5, 31)),
    (date(2025, 5, 2), date(2025, 5, 2)),
]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25), st.sampled_from(_SPANS))
def test_a_range_reads_the_same_evidence_for_its_days_as_a_reading_of_every_day(
    seed: int, documents: int, span: tuple[date, date]
) -> None:
    corpus = _corpus(seed, documents)
    # and some articles naming months only
    months = ["in March", "in April 2025", "since February", "in May"]
    rng = random.Random(seed)
    for i in range(rng.randint(0, 4)):
        line = f"The patrol programme grew {rng.choice(months)}, the ministry said."
        corpus[f"m{i}"] = (rng.choice(["2025-03-05", "2025-04-13", "2025-05-03"]), line)
    sentences = _sentences(corpus)
    # months weigh in too here, so a reference to a month the range overlaps must count
    tuning = dataclasses.replace(Tuning(), month=0.5)
    rows = _Rows(sentence_table(sentences))
    texts = _Texts(rows, tuning)
    first, last = span
    references, publications = _evidence(rows, texts, tuning)
    within, published = _evidence(rows, texts, tuning, span)
    for judged in (tuning, dataclasses.replace(tuning, same_day=tuning.floor_same_day)):
        every = collect(references, publications, judged)
        ranged = collect(within, published, judged)
        scored, ranged_scores = score_dates(every, judged), score_dates(ranged, judged)
        days = {d for d in scored if first <= d <= last}
        assert days == {d for d in ranged_scores if first <= d <= last}
        for day in days:
            assert ranged_scores[day] == scored[day]
            assert supporting_documents(ranged, day) == supporting_documents(every, day)
    # and each of its days has the same pool of sentences
    for wide, narrow in zip(_pools(rows, tuning), _pools(rows, tuning, span), strict=True):
        assert {d: i for d, i in wide.items() if first <= d <= last} == narrow
