"""Helpers the summariser's readings by columns share: numbering documents, and the entries
of consecutive runs of an array."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["numbered", "runs"]


def numbered(ids: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct ``ids`` in the order they first occur, and each of ``ids``' number
    among them."""
    names = list(dict.fromkeys(ids))
    number = {name: n for n, name in enumerate(names)}
    return names, np.fromiter(map(number.__getitem__, ids), np.int64, len(ids))


def runs(begins: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``begins[k]``, ``begins[k] + 1``, ... ``lengths[k]`` of them, for each ``k`` in turn."""
    lengths = np.asarray(lengths, dtype=np.int64)
    # each entry's run's begin, less the entries before that run, plus its own place
    shift = np.repeat(np.asarray(begins, dtype=np.int64) - np.cumsum(lengths) + lengths, lengths)
    return shift + np.arange(int(lengths.sum()), dtype=np.int64)
