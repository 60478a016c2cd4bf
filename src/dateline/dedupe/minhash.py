"""Seeded MinHash signatures of shingle sets, and their byte form for storage.

Signatures are only comparable when made with the same seed, number of
permutations and scheme, so all three are fixed here; changing any of them means
recomputing every stored signature.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

NUM_PERM = 128
SEED = 20250208  # any fixed value; it selects the permutations
SCHEME = "affine32"  # datasketch's default: 32-bit values, collision-free permutations
_DTYPE = np.dtype("<u4")  # stored little-endian whatever the machine


def _permutations() -> np.ndarray:
    """datasketch's ``MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations``,
    drawn as the library draws them (an odd multiplier and an offset per permutation):
    importing datasketch loads SciPy, about 0.4 s of every ingest's start, for these two
    rows of numbers (the tests check they are the library's)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return np.array([a, b])


_PERMUTATIONS = _permutations()
_A, _B = _PERMUTATIONS  # uint32 already, as the signature's arithmetic wants
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)  # the signature of no shingles
# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies first.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def signature(shingles: Iterable[int] | np.ndarray) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of a set of shingle hashes.

    The same values as datasketch's ``MinHash(scheme="affine32")`` fed the hashes
    unchanged, computed here in one numpy expression: datasketch calls a Python
    hash function per value, which made it half the cost of fingerprinting.
    """
    if not isinstance(shingles, np.ndarray):
        shingles = np.fromiter(shingles, dtype=np.uint32)
    if not shingles.size:
        return _EMPTY.copy()
    s1, m1, s2, m2 = _FMIX
    hv = np.asarray(shingles, dtype=np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1  # wraps: arithmetic mod 2**32, as datasketch's
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s1)
    values: np.ndarray = (hv * _A + _B).min(axis=0)
    return values


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
