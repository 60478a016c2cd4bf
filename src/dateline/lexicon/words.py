"""Word lists written as one string of words."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split on white space) as a set: how the stages write their
    word lists ("union ministry company ...")."""
    return frozenset(text.split())
