"""Exact and near-duplicate detection: a house-style view of the text, shingles,
MinHash signatures, an LSH index, and verification by shared passages.

Note: the package attribute ``shingles`` is the function (a text's shingle set),
which hides the submodule of the same name; import helpers from the submodule
with ``from dateline.dedupe.shingles import ...``.
"""

from __future__ import annotations

from dateline.dedupe.fingerprints import FINGERPRINT_VIEW, Fingerprint, fingerprint
from dateline.dedupe.group import group_texts, partition
from dateline.dedupe.index import DuplicateIndex, DuplicateMatch
from dateline.dedupe.minhash import deserialise, serialise, signature
from dateline.dedupe.shingles import (
    Shingled,
    content_hash,
    normalise,
    shingle_array,
    shingles,
)

__all__ = [
    "FINGERPRINT_VIEW",
    "DuplicateIndex",
    "DuplicateMatch",
    "Fingerprint",
    "Shingled",
    "content_hash",
    "deserialise",
    "fingerprint",
    "group_texts",
    "normalise",
    "partition",
    "serialise",
    "shingle_array",
    "shingles",
    "signature",
]
