"""Whether a chosen summary sentence is one a reader would pick.

A timeline's summaries should be news sentences, never page furniture that slipped past
cleaning (a caption, a byline, a "Related" line, a page header, a reader comment) or a
fragment. :func:`summary_flaw` judges one sentence with the cleaner's own rules, read on the
sentence alone, and a fragment check; the benches report the share of chosen sentences it
flags (``bench/t17.py``, ``bench/quality.py``).
"""

from __future__ import annotations

from dateline.clean import clean
from dateline.summarise.hygiene import is_comment, metadata_end

# A sentence of fewer words is a heading or a label, not a report.
MIN_WORDS = 5
# The cleaner may trim a little of a sentence (a glued credit); past this share removed,
# the sentence was mostly furniture.
MAX_REMOVED = 0.3
_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", ":", "…")


def summary_flaw(sentence: str) -> str | None:
    """Why ``sentence`` should not summarise a date (a short reason), or None when it reads
    as a news sentence."""
    text = " ".join(sentence.split())
    if not text:
        return "empty"
    if is_comment(text):
        return "reader comment"
    result = clean(text)
    if not result.text.strip():  # (not_article is not asked: one sentence is no page)
        return "page furniture: nothing left after cleaning"
    removed = [e for e in result.edits if e.end - e.start > 1 and not e.replacement]
    share = sum(e.end - e.start for e in removed) / len(text)
    if share > MAX_REMOVED:
        return f"page furniture: {removed[0].reason}"
    if metadata_end(text) > 0:
        return "glued metadata before the news"
    words = text.split()
    if len(words) < MIN_WORDS:
        return "fragment: too short"
    if words[0][0].islower():
        return "fragment: starts mid-sentence"
    if not text.endswith(_ENDS):
        return "fragment: no end"
    return None
