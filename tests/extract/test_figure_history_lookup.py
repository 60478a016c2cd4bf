"""Figures reported over time are grouped through a lookup of similar subjects; it must
group exactly as comparing every subject of every earlier cluster does."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from dateline.extract.figures import (
    HISTORY_THRESHOLD,
    _Group,
    _history_clusters,
    _similar,
    _unit_head,
    same_unit,
)


def _pairwise(groups: list[_Group]) -> list[list[_Group]]:
    """The grouping by brute force: each group joins the first earlier cluster of its
    increment flag and unit head whose first group shares or resembles one of its keys."""
    clusters: list[list[_Group]] = []
    by_head: dict[tuple[bool, str], list[list[_Group]]] = defaultdict(list)
    for group in groups:
        words = group.unit.lower().split()
        fitting = by_head[(group.additional, _unit_head(words) if words else "")]
        for cluster in fitting:
            head = cluster[0]
            if same_unit(head.unit, group.unit) and (
                not set(group.keys).isdisjoint(head.keys)
                or any(
                    _similar(a, b, fuzz.token_sort_ratio, HISTORY_THRESHOLD)
                    for a in head.keys
                    for b in group.keys
                )
            ):
                cluster.append(group)
                break
        else:
            clusters.append([group])
            fitting.append(clusters[-1])
    return clusters


# Few words, so that keys repeat, nearly repeat ("troop" / "troops") or share nothing.
WORDS = ["troops", "troop", "aid", "military", "boxes", "remains", "us", "flood", "relief", "x"]
KEYS = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
UNITS = st.sampled_from(
    ["people", "troops", "joint operations", "joint field operations", "USD", ""]
)
GROUPS = st.lists(
    st.builds(
        lambda unit, additional, keys: _Group(unit, additional, 1.0, keys=keys),
        UNITS,
        st.booleans(),
        st.lists(KEYS, min_size=1, max_size=3),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(GROUPS)
def test_history_clusters_are_those_of_comparing_every_pair(groups: list[_Group]) -> None:
    def ids(clusters: list[list[_Group]]) -> list[list[int]]:
        return [[id(g) for g in cluster] for cluster in clusters]

    assert ids(_history_clusters(groups)) == ids(_pairwise(groups))


def test_a_nearly_equal_subject_joins_an_earlier_cluster_not_a_later_one() -> None:
    first = _Group("troops", False, 500.0, keys=["us troops"])
    other = _Group("troops", False, 700.0, keys=["flood relief"])
    later = _Group("troops", False, 900.0, keys=["us troop"])  # similar to the first only
    assert [len(c) for c in _history_clusters([first, other, later])] == [2, 1]
