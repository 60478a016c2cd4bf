"""A timeline's reading of the sentences the build kept (see summarise.features).

Kept apart from the encoding, whose code names the readings a store holds: a change here
leaves them usable.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dateline.summarise.columns import numbered, runs
from dateline.summarise.features import SENTENCE, TERM, decode_features

__all__ = ["KeptReading"]


@dataclass(frozen=True)
class KeptReading:
    """What the build kept of the sentences a timeline reads, by (document, index), and
    where the documents' texts are read for the sentences it shows.

    ``records``, ``terms`` and ``counts`` are every kept document's :data:`SENTENCE`
    records, term numbers and their counts end to end; ``first[d]`` is the place of
    document ``d``'s first sentence among the records and ``sentences[d]`` how many it has."""

    records: np.ndarray
    starts: np.ndarray  # where each record's terms start in ``terms`` (one more at the end)
    terms: np.ndarray
    counts: np.ndarray
    first: Mapping[str, int]
    sentences: Mapping[str, int]
    width: int  # every term number is below it
    texts: Callable[[Collection[str]], Mapping[str, str]]

    @classmethod
    def of(
        cls,
        blobs: Mapping[str, bytes],
        texts: Callable[[Collection[str]], Mapping[str, str]],
    ) -> KeptReading:
        """The readings ``blobs`` (by document) as one; raises ``ValueError`` naming the
        first document whose reading is damaged."""
        records, terms, counts, first, sentences, place = [], [], [], {}, {}, 0
        names, damaged = list(blobs), None
        for number, (document, blob) in enumerate(blobs.items()):
            try:
                found, used, uses = decode_features(blob)
            except (zlib.error, ValueError) as exc:
                damaged = (number, str(exc))
                break
            count = len(found) // SENTENCE.itemsize
            first[document], sentences[document] = place, count
            place += count
            records.append(found)
            terms.append(used)
            counts.append(uses)
        table = np.frombuffer(b"".join(records), dtype=SENTENCE)
        numbers = np.frombuffer(b"".join(terms), dtype=TERM)
        times = np.frombuffer(b"".join(counts), dtype=TERM)
        starts = np.zeros(len(table) + 1, dtype=np.int64)
        np.cumsum(table["terms"], out=starts[1:])
        # a reading whose parts do not fit together comes before one that does not decode
        sizes = [len(r) for r in records], [len(t) for t in terms]
        unfit = _unfit(table, starts, numbers, times, *sizes)
        if unfit is not None and (damaged is None or unfit[0] < damaged[0]):
            damaged = unfit
        if damaged is not None:
            number, problem = damaged
            raise ValueError(f"kept sentence reading of {names[number]}: damaged ({problem})")
        width = int(numbers.max()) + 1 if len(numbers) else 1
        return cls(table, starts, numbers, times, first, sentences, width, texts)

    def places(self, sentences: Sequence[tuple[str, int]]) -> np.ndarray | None:
        """The records' places of ``sentences`` (document, index); None when one of them
        has no kept reading (the store's sentences changed since: read the texts)."""
        count = len(sentences)
        if not count:
            return np.zeros(0, dtype=np.int64)
        documents, indices = zip(*sentences, strict=True)
        names, document = numbered(documents)
        return self.places_at(names, document, np.fromiter(indices, np.int64, count))

    def places_at(
        self, documents: Sequence[str], document: np.ndarray, position: np.ndarray
    ) -> np.ndarray | None:
        """:meth:`places` of the sentences at ``position`` of ``documents[document]``."""
        try:
            first = np.fromiter(map(self.first.__getitem__, documents), np.int64, len(documents))
            size = np.fromiter(map(self.sentences.__getitem__, documents), np.int64, len(documents))
        except KeyError:
            return None
        if ((position < 0) | (position >= size[document])).any():
            return None
        places: np.ndarray = first[document] + position
        return places

    def terms_of(self, places: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct term numbers of the records at ``places``, end to end (each
        record's in the order it first uses them), their counts, and how many each has."""
        lengths = self.records["terms"][places].astype(np.int64)
        taken = runs(self.starts[places], lengths)  # each record's entries in turn
        return self.terms[taken], self.counts[taken], lengths


def _unfit(
    table: np.ndarray,
    starts: np.ndarray,
    numbers: np.ndarray,
    uses: np.ndarray,
    record_bytes: Sequence[int],
    term_bytes: Sequence[int],
) -> tuple[int, str] | None:
    """The first document (its place among the readings joined end to end, whose sizes in
    bytes are ``record_bytes`` and ``term_bytes``; ``starts`` the running total of the
    records' term counts) whose parts do not fit together, and how: records that do not add
    up to its terms, or a negative number, count or offset."""
    documents = len(record_bytes)
    if not documents:
        return None
    sizes = np.asarray(record_bytes, dtype=np.int64) // SENTENCE.itemsize
    used = np.asarray(term_bytes, dtype=np.int64) // TERM.itemsize
    ends = np.cumsum(sizes)
    short = starts[ends] - starts[ends - sizes] != used
    negative = np.zeros(documents, dtype=bool)
    bad = (table["offset"] < 0) | (table["words"] < 0) | (table["terms"] < 0)
    negative[np.searchsorted(ends, np.flatnonzero(bad), side="right")] = True
    bad_terms = np.flatnonzero((numbers < 0) | (uses < 1))
    negative[np.searchsorted(np.cumsum(used), bad_terms, side="right")] = True
    wrong = np.flatnonzero(short | negative)
    if not len(wrong):
        return None
    number = int(wrong[0])
    if short[number]:
        return number, "its sentences' term counts do not add up to its terms"
    return number, "a negative number, count or offset"
