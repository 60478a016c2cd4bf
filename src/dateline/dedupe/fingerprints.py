"""Everything the duplicate index needs about one text, computed in one pass."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.dedupe.minhash import signature
from dateline.dedupe.shingles import Shingled, hash_normalised, shingle_words, tokens

# Names the text view and shingling that stored hashes and signatures were made with. Change
# it with either: a store fingerprinted under another name is fingerprinted again on its next
# ingest, so copies stored before and after an upgrade still meet.
FINGERPRINT_VIEW = "house-style-1"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Content hash, shingle hashes (sorted, unique) and MinHash signature of a text."""

    content_hash: str
    shingles: Shingled
    signature: np.ndarray

    @property
    def size(self) -> int:
        return int(self.shingles.size)

    def shingle_set(self) -> set[int]:
        return set(self.shingles.tolist())


def fingerprint(text: str) -> Fingerprint:
    """Take ``text``'s view once and derive its hash, shingles and signature."""
    normalised, counts, flags = tokens(text)
    array = shingle_words(normalised, counts, flags)
    return Fingerprint(hash_normalised(normalised), array, signature(array))
