"""Seeded MinHash signatures of shingle sets, and their byte form for storage.

Signatures are only comparable when made with the same seed, number of
permutations and scheme, so all three are fixed here; changing any of them means
recomputing every stored signature.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SEED = 20250208  # any fixed value; it selects the permutations
SCHEME = "affine32"  # datasketch's default: 32-bit values, collision-free permutations
_DTYPE = np.dtype("<u4")  # stored little-endian whatever the machine

# Building the permutations draws 256 random numbers: do it once and share them.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _identity(value: int) -> int:
    # Shingles are already well-mixed 32-bit hashes; datasketch pre-mixes again.
    return value


def signature(shingles: Iterable[int] | np.ndarray) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of a set of shingle hashes."""
    values = shingles.tolist() if isinstance(shingles, np.ndarray) else list(shingles)
    m = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=_identity,
        permutations=_PERMUTATIONS,
        scheme=SCHEME,
    )
    m.update_batch(values)
    return m.hashvalues


def serialise(sig: np.ndarray) -> bytes:
    """Serialise a signature (``NUM_PERM * 4`` bytes)."""
    if sig.shape != (NUM_PERM,):
        raise ValueError(f"signature must have {NUM_PERM} values, got shape {sig.shape}")
    return sig.astype(_DTYPE).tobytes()


def deserialise(data: bytes) -> np.ndarray:
    """Read back a signature written by :func:`serialise`."""
    if len(data) != NUM_PERM * _DTYPE.itemsize:
        raise ValueError(f"signature must be {NUM_PERM * _DTYPE.itemsize} bytes, got {len(data)}")
    return np.frombuffer(data, dtype=_DTYPE).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of the two underlying sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def lean(sig: np.ndarray) -> LeanMinHash:
    """Wrap a signature for datasketch's LSH (no permutations needed to query)."""
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)
