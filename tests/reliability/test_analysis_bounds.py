"""A very long text costs a bounded analysis: the model reads its first part only, and
what was left unanalysed is recorded."""

from __future__ import annotations

from dateline.analyse.nlp import Analyzer, analysed_bounds, chunk_bounds

PARAGRAPH = (
    "The city council met on Monday and agreed to repair the old stone bridge. "
    "Work will start in May and end before the winter, the mayor said.\n\n"
)


def test_bounds_stop_at_the_most_analysed_and_keep_short_texts_whole() -> None:
    text = PARAGRAPH * 300  # about 43,000 characters
    assert analysed_bounds(text, 5_000, 100_000) == chunk_bounds(text, 5_000)
    kept = analysed_bounds(text, 5_000, 12_000)
    assert kept == chunk_bounds(text, 5_000)[: len(kept)]
    assert 5_000 < kept[-1][1] <= 12_000
    one_line = "word " * 100_000  # a single line, no sentence ends at all
    assert analysed_bounds(one_line, 5_000, 12_000)[-1][1] <= 12_000


def test_a_long_text_is_analysed_up_to_the_limit_and_the_rest_recorded() -> None:
    analyzer = Analyzer(chunk_chars=2_000, max_chars=6_000)
    short = PARAGRAPH * 3
    long = PARAGRAPH * 200
    done = {a.document_id: a for a in analyzer.analyse([("short", short), ("long", long)])}
    assert done["long"].text == long
    last_end = max(s.end for s in done["long"].sentences)
    assert 2_000 < last_end <= 6_000
    assert analyzer.skipped == {
        "long": len(long) - max(e for _, e in analysed_bounds(long, 2_000, 6_000))
    }
    assert max(s.end for s in done["short"].sentences) > len(short) - 5
