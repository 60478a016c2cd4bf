"""Sentences' TF-IDF vectors as columns, and each sentence's closeness to them all.

A timeline over a range read whole weighs tens of thousands of sentences, each against the
centroid of all of them. Worked out as arrays, the arithmetic is that of a plain reading
(a dict of term counts times idf per sentence, :func:`~dateline.summarise.text.norm` and
:func:`~dateline.summarise.text.add_into`) to the last bit: every sum adds the same numbers in
the same order, left to right (a sentence's terms in the order they first occur, the
sentences in input order), as Python 3.11's ``sum`` adds floats, never NumPy's pairwise sums,
so a ranking that compares these numbers is the same as the plain reading's, ties included.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dateline.evaluate.rouge import remember_stems
from dateline.summarise.text import Term, Vector, term_of_words, unknown_words

# Where stems kept elsewhere (a store's) are found: words -> their stems, for those it knows.
Stems = Callable[[Collection[str]], Mapping[str, str]]

__all__ = ["Stems", "TermMatrix", "closeness", "id_matrix", "term_matrix"]


@dataclass(frozen=True)
class TermMatrix:
    """Entry ``k`` holds term ``terms[column[k]]`` of sentence ``row[k]`` with its weight
    ``values[k]``; sentence ``i``'s entries are ``starts[i]:starts[i + 1]``, each distinct
    term once, in the order the sentence first uses it."""

    terms: Sequence[Term]
    starts: np.ndarray
    row: np.ndarray
    column: np.ndarray
    values: np.ndarray
    norms: np.ndarray  # each sentence's vector length

    def vector(self, i: int) -> Vector:
        """Sentence ``i``'s vector: its terms, in the order it first uses them, each with
        its count times its weight."""
        starts, terms, values = self._listed
        a, b = starts[i], starts[i + 1]
        return dict(zip(terms[a:b], values[a:b], strict=True))

    def wording(self, i: int) -> tuple[Term, ...]:
        """Sentence ``i``'s terms, sorted (what its vector's keys sorted are)."""
        starts, terms, _ = self._listed
        return tuple(sorted(terms[starts[i] : starts[i + 1]]))

    @functools.cached_property
    def _listed(self) -> tuple[list[int], list[Term], list[float]]:
        # a slice of a list costs a fraction of a slice of an array: pools ask for
        # thousands of vectors
        terms, columns = self.terms, self.column.tolist()
        # numbered terms (a range) are their own columns
        keys = columns if terms == range(len(terms)) else [terms[c] for c in columns]
        return self.starts.tolist(), keys, self.values.tolist()


def term_matrix(
    words: Sequence[Sequence[str]], power: float = 1.0, stems: Stems | None = None
) -> TermMatrix:
    """The vectors of sentences whose :func:`~dateline.summarise.text.words` are ``words``:
    the counts of their terms (:func:`~dateline.summarise.text.terms_of`) weighted by each
    term's smoothed inverse document frequency (over these sentences) ``** power``.
    ``stems`` finds the stems of words this process has not stemmed yet, where they were
    kept (a store's); it never changes a result."""
    flat = list(itertools.chain.from_iterable(words))
    distinct = set(flat)
    if stems is not None and (unknown := unknown_words([distinct])):
        remember_stems(stems(unknown))
    index: dict[str, int] = {}
    number = index.setdefault  # a new term takes the next id
    # each distinct word's term id, -1 for a word without a term
    word_ids = dict.fromkeys(distinct, -1)
    word_ids.update((w, number(t, len(index))) for w, t in term_of_words(distinct).items())
    ids = np.fromiter(map(word_ids.__getitem__, flat), dtype=np.int64, count=len(flat))
    sentences = len(words)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=sentences)
    rows = np.repeat(np.arange(sentences, dtype=np.int64), lengths)
    termed = ids >= 0
    return _weighted(rows[termed], ids[termed], sentences, list(index), power)


def id_matrix(
    ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, width: int, power: float = 1.0
) -> TermMatrix:
    """:func:`term_matrix` of sentences whose terms are already numbered and counted:
    sentence ``i``'s are the next ``lengths[i]`` of ``ids`` (each distinct, in the order the
    sentence first uses it, a number below ``width``) with their ``counts``. The numbers
    themselves are the terms (a vector's keys). The arithmetic does not depend on how terms
    are numbered, so the vectors' values are those of the words' to the bit."""
    sentences = len(lengths)
    rows = np.repeat(np.arange(sentences, dtype=np.int64), lengths)
    column = ids.astype(np.int64, copy=False)
    return _counted(rows, column, counts, sentences, range(width), power)


def _weighted(
    rows: np.ndarray, ids: np.ndarray, sentences: int, terms: Sequence[Term], power: float
) -> TermMatrix:
    """The matrix of term ``ids`` (each below ``len(terms)``) used by sentences ``rows``,
    one entry per use, in the order of the text."""
    width = max(1, len(terms))
    keys = rows * width + ids
    # each (sentence, term) once, with its count, in the order the sentence first uses it
    distinct_keys, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    row, column = distinct_keys[order] // width, distinct_keys[order] % width
    return _counted(row, column, counts[order], sentences, terms, power)


def _counted(
    row: np.ndarray,
    column: np.ndarray,
    counts: np.ndarray,
    sentences: int,
    terms: Sequence[Term],
    power: float,
) -> TermMatrix:
    """The matrix whose entries are term ``column`` of sentence ``row`` used ``counts``
    times, each (sentence, term) once, a sentence's in the order it first uses them."""
    starts = np.zeros(sentences + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=sentences), out=starts[1:])
    # the smoothed inverse document frequency, once for each frequency met, to the power
    frequency = np.bincount(column, minlength=len(terms))
    found, which = np.unique(frequency, return_inverse=True)
    weight = np.array(
        [(math.log((1 + sentences) / (1 + f)) + 1.0) ** power for f in found.tolist()],
        dtype=np.float64,
    )
    values = counts.astype(np.float64) * weight[which][column]
    norms = np.sqrt(_row_sums(values * values, row, sentences))
    return TermMatrix(terms, starts, row, column, values, norms)


def closeness(matrix: TermMatrix) -> list[float]:
    """Per sentence, the cosine of its vector with the centroid of all (each vector
    normalised), up to the centroid's norm, which the ratio to the mean cancels: over the
    mean sentence's."""
    sentences = len(matrix.norms)
    if not sentences:
        return []
    norms, row, column, values = matrix.norms, matrix.row, matrix.column, matrix.values
    inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms != 0.0)
    # np.bincount adds its weights one by one in entry order: the sentences' order
    center = np.bincount(column, weights=inverse[row] * values, minlength=len(matrix.terms))
    dots = _row_sums(values * center[column], row, sentences)
    found = (dots / np.where(norms == 0.0, 1.0, norms)).tolist()
    mean = sum(found) / len(found) or 1.0
    return [c / mean for c in found]


def _row_sums(x: np.ndarray, row: np.ndarray, sentences: int) -> np.ndarray:
    """Per sentence, the sum of its entries of ``x`` added first to last (np.bincount adds
    its weights one by one, in entry order)."""
    return np.bincount(row, weights=x, minlength=sentences)
