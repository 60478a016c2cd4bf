"""A timeline's reading of the sentences the build kept (see summarise.features).

Kept apart from the encoding, whose code names the readings a store holds: a change here
leaves them usable.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

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
        for document, blob in blobs.items():
            try:
                found, used, uses = decode_features(blob)
                _check(found, used, uses)
            except (zlib.error, ValueError) as exc:
                raise ValueError(f"kept sentence reading of {document}: damaged ({exc})") from exc
            count = len(found) // SENTENCE.itemsize
            first[document], sentences[document] = place, count
            place += count
            records.append(found)
            terms.append(used)
            counts.append(uses)
        table = np.frombuffer(b"".join(records), dtype=SENTENCE)
        numbers = np.frombuffer(b"".join(terms), dtype=TERM)
        starts = np.zeros(len(table) + 1, dtype=np.int64)
        np.cumsum(table["terms"], out=starts[1:])
        width = int(numbers.max()) + 1 if len(numbers) else 1
        times = np.frombuffer(b"".join(counts), dtype=TERM)
        return cls(table, starts, numbers, times, first, sentences, width, texts)

    def places(self, sentences: Sequence[tuple[str, int]]) -> np.ndarray | None:
        """The records' places of ``sentences`` (document, index); None when one of them
        has no kept reading (the store's sentences changed since: read the texts)."""
        count = len(sentences)
        if not count:
            return np.zeros(0, dtype=np.int64)
        documents, indices = zip(*sentences, strict=True)
        try:
            first = np.fromiter(map(self.first.__getitem__, documents), np.int64, count)
            size = np.fromiter(map(self.sentences.__getitem__, documents), np.int64, count)
        except KeyError:
            return None
        index = np.fromiter(indices, np.int64, count)
        if ((index < 0) | (index >= size)).any():
            return None
        return first + index

    def terms_of(self, places: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct term numbers of the records at ``places``, end to end (each
        record's in the order it first uses them), their counts, and how many each has."""
        lengths = self.records["terms"][places].astype(np.int64)
        begins = self.starts[places]
        # the entries of each record in turn: its start plus 0, 1, ... up to its length
        shift = np.repeat(begins - np.cumsum(lengths) + lengths, lengths)
        taken = shift + np.arange(int(lengths.sum()), dtype=np.int64)
        return self.terms[taken], self.counts[taken], lengths


def _check(records: bytes, terms: bytes, counts: bytes) -> None:
    """Refuse a document's reading whose parts do not fit together: records that do not
    add up to its terms, or a negative number, count or offset."""
    table = np.frombuffer(records, dtype=SENTENCE)
    numbers, uses = np.frombuffer(terms, dtype=TERM), np.frombuffer(counts, dtype=TERM)
    if int(table["terms"].sum()) != len(numbers):
        raise ValueError("its sentences' term counts do not add up to its terms")
    fields = (table["offset"], table["words"], table["terms"], numbers)
    if any(len(f) and int(f.min()) < 0 for f in fields) or (len(uses) and int(uses.min()) < 1):
        raise ValueError("a negative number, count or offset")
