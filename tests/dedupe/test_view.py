"""The words a copy is compared by: date phrases become one word wherever they stand."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.dedupe.view import DATE_WORD, _dates, _day, _year, view_words


def _dates_reading_every_word(words: list[str]) -> list[str]:
    """The phrase rule tried at every word, one after another."""
    months = {"sept", "october", "march"}
    out: list[str] = []
    i = 0
    while i < len(words):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if w in months and _day(nxt):
            out.append(DATE_WORD)
            i += 2
        elif _day(w) and (
            nxt in months
            or (nxt == "of" and words[i + 2 : i + 3] in (["sept"], ["october"], ["march"]))
        ):
            out.append(DATE_WORD)
            i += 2 if nxt in months else 3
        else:
            out.append(w)
            i += 1
            continue
        if i < len(words) and _year(words[i]):
            i += 1
    return out


_WORD = st.sampled_from(
    ["sept", "october", "march", "of", "23", "4th", "2024", "on", "talks", "123", "\n"]
)


@settings(max_examples=500, deadline=None)
@given(words=st.lists(_WORD, max_size=16))
def test_date_phrases_are_found_as_reading_every_word_finds(words: list[str]) -> None:
    assert _dates(words) == _dates_reading_every_word(words)


def test_a_date_phrase_is_one_word_in_any_order() -> None:
    a, _ = view_words("Talks opened on Sept. 23, 2024 in Hanoi.\n")
    b, _ = view_words("Talks opened on 23 of September 2024 in Hanoi.\n")
    assert a == b
    assert a.count(DATE_WORD) == 1 and "2024" not in a
