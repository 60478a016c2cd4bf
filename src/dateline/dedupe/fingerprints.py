"""Everything the duplicate index needs about one text, computed in one pass."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.dedupe.minhash import signature
from dateline.dedupe.shingles import hash_normalised, normalise, shingle_normalised


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Content hash, shingle hashes (sorted, unique) and MinHash signature of a text."""

    content_hash: str
    shingles: np.ndarray
    signature: np.ndarray

    @property
    def size(self) -> int:
        return int(self.shingles.size)

    def shingle_set(self) -> set[int]:
        return set(self.shingles.tolist())


def fingerprint(text: str) -> Fingerprint:
    """Normalise ``text`` once and derive its hash, shingles and signature."""
    normalised = normalise(text)
    array = shingle_normalised(normalised)
    return Fingerprint(hash_normalised(normalised), array, signature(array))
