"""The column helpers give what plain loops give."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dateline.summarise.columns import numbered, runs


@given(st.lists(st.sampled_from(["d1", "d2", "d3", "d10"])))
def test_documents_are_numbered_in_the_order_they_first_occur(ids: list[str]) -> None:
    names, number = numbered(ids)
    assert names == [d for i, d in enumerate(ids) if d not in ids[:i]]
    assert [names[n] for n in number.tolist()] == ids


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 6))))
def test_runs_list_each_runs_entries_in_turn(drawn: list[tuple[int, int]]) -> None:
    begins = np.array([b for b, _ in drawn], dtype=np.int64)
    lengths = np.array([n for _, n in drawn], dtype=np.int64)
    assert runs(begins, lengths).tolist() == [b + k for b, n in drawn for k in range(n)]
