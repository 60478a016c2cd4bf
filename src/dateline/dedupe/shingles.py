"""Text normalisation and word shingles for duplicate detection.

Two copies of an article differ in case, diacritics ("Việt Nam" / "Viet Nam"),
quotes, whitespace and house style long before they differ in words, so everything
is compared on the text's view (:mod:`dateline.dedupe.view`): unidecode-folded,
casefolded, house-style variants rewritten to one form, apostrophes dropped, any
other non-alphanumeric run turned into one space.

A shingle is a run of ``K`` consecutive words, hashed to an unsigned 32-bit int
(what datasketch's ``affine32`` MinHash scheme takes). Hashes are computed with
numpy from per-word hashes so a whole document costs a few vectorised operations
instead of one Python hash call per shingle. Every hash here is stable across
processes (no use of the salted built-in ``hash``), because signatures are stored.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, cast

import numpy as np

from dateline.dedupe.view import view_words

K = 5  # words per shingle: long enough that shared shingles mean shared sentences

_WORD = re.compile(r"[a-z0-9]+")

# Odd 64-bit multipliers, one per position in the shingle, so that word order
# matters ("a b" and "b a" hash differently). Fixed: changing them changes every
# stored signature.
_POSITION_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)
_MIX = np.uint64(0xC4CEB9FE1A85EC53)
_BASE = np.uint64(0x100000001B3)  # odd, so invertible mod 2**64
_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_ZERO = np.zeros(1, dtype=np.uint64)
_ONE = np.ones(1, dtype=np.uint64)
_SPACE = np.uint64(ord(" "))
_POWERS = (_ONE, _ONE)
_SHIFT = np.uint64(33)
_HIGH = np.uint64(32)


def normalise(text: str) -> str:
    """The words of the text's :func:`~dateline.dedupe.view.view`, one space apart."""
    return tokens(text)[0]


def tokens(text: str) -> tuple[str, list[int], list[bool]]:
    """The view's words (one space apart), and the number of words and the article
    flag of each line.

    A line is article text when it reads as a paragraph of prose: ten words or more
    ending a sentence, or so long (25 words) that it was cut mid-sentence. Headlines,
    bylines, captions cut short, "ADVERTISEMENT" and teaser titles are not.
    """
    words, lines = view_words(text)
    counts: list[int] = []
    flags: list[bool] = []
    start = 0
    for line in lines:
        try:
            end = words.index("\n", start)
        except ValueError:  # the last line
            end = len(words)
        if (n := end - start) > 0:
            counts.append(n)
            flags.append(n >= 25 or (n >= 10 and line.rstrip()[-1:] in _ENDS))
        start = end + 1
    return " ".join(" ".join(words).split()), counts, flags


_ENDS = frozenset(".!?\"')")


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for case/diacritic/spacing-only variants."""
    return hash_normalised(normalise(text))


def hash_normalised(normalised: str) -> str:
    """:func:`content_hash` of a text already passed through :func:`normalise`."""
    return hashlib.sha256(normalised.encode("ascii")).hexdigest()


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``B**i`` and ``B**-i`` (mod 2**64) for ``i < n``, grown on demand and kept."""
    global _POWERS
    if _POWERS[0].size < n:
        size = max(n, 2 * _POWERS[0].size)
        up = np.cumprod(np.full(size, _BASE, dtype=np.uint64))  # wraps: arithmetic mod 2**64
        down = np.cumprod(np.full(size, _BASE_INVERSE, dtype=np.uint64))
        _POWERS = (np.concatenate((_ONE, up[:-1])), np.concatenate((_ONE, down[:-1])))
    return _POWERS[0][:n], _POWERS[1][:n]


def _word_hashes(normalised: str) -> np.ndarray:
    """Polynomial hash ``sum(c[k] * B**(end - 1 - k))`` of every word, all at once.

    A Python call per word was the largest cost of fingerprinting. With prefix sums
    of ``c[k] * B**-k`` a word's hash is one subtraction and one multiplication,
    vectorised over the whole text (``B`` is odd, so it is invertible mod 2**64).
    """
    chars = np.frombuffer(normalised.encode("ascii"), dtype=np.uint8).astype(np.uint64)
    up, down = _powers(chars.size)
    prefix = np.concatenate((_ZERO, np.cumsum(chars * down)))
    spaces = np.flatnonzero(chars == _SPACE)
    starts = np.concatenate((_ZERO, spaces + 1)).astype(np.intp)
    ends = np.concatenate((spaces, [chars.size])).astype(np.intp)
    hashes: np.ndarray = (prefix[ends] - prefix[starts]) * up[ends - 1]
    return hashes


def _mix(h: np.ndarray) -> np.ndarray:
    """Avalanche 64-bit values and keep the (best-mixed) high 32 bits."""
    h = h ^ (h >> _SHIFT)
    h = h * _MIX
    h = h ^ (h >> _SHIFT)
    return (h >> _HIGH).astype(np.uint32)


class Shingled(np.ndarray):
    """Sorted unique shingle hashes of a text (use it as such an array), carrying what
    passage matching needs besides: ``order``, the hashes in text order, and
    ``article``, how many of them start in article paragraphs (see :func:`tokens`)."""

    order: np.ndarray
    article: int

    def __array_finalize__(self, obj: np.ndarray | None) -> None:
        # None on a bare view until shingle_array sets it; readers only see finished arrays.
        self.order = getattr(obj, "order", None)  # type: ignore[assignment]
        self.article = getattr(obj, "article", 0)

    def __reduce__(self) -> tuple[Any, Any, tuple[Any, np.ndarray, int]]:
        # ndarray pickles its data only; carry the two attributes to worker processes.
        build, args, state = cast(tuple[Any, Any, Any], super().__reduce__())
        return build, args, (state, self.order, self.article)

    # The state is the one __reduce__ above builds, not ndarray's own: a narrower argument.
    def __setstate__(self, state: tuple[Any, np.ndarray, int]) -> None:  # type: ignore[override]
        base, self.order, self.article = state
        super().__setstate__(base)


def shingle_array(text: str) -> Shingled:
    """Sorted unique 32-bit hashes of the word ``K``-shingles of ``text``'s view.

    A text of 1 to ``K - 1`` words yields a single shingle (all its words), so it
    still has a signature; an empty text yields none.
    """
    return shingle_words(*tokens(text))


def shingle_words(normalised: str, counts: list[int], flags: list[bool]) -> Shingled:
    """:func:`shingle_array` of a text already split by :func:`tokens`."""
    order = shingle_normalised(normalised, unique=False)
    found = np.unique(order).view(Shingled)
    found.order = order
    # a shingle is article text when its first word is
    starts = np.repeat(np.array(flags, dtype=bool), counts)[: order.size]
    found.article = int(np.count_nonzero(starts))
    return found


def shingle_normalised(normalised: str, unique: bool = True) -> np.ndarray:
    """:func:`shingle_array` of a text already passed through :func:`normalise`
    (a plain array; in text order, repeats kept, unless ``unique``)."""
    if not normalised:
        return np.empty(0, dtype=np.uint32)
    w = _word_hashes(normalised)
    if w.size < K:
        return _mix(np.array([np.sum(w * _POSITION_MULTIPLIERS[: w.size])], dtype=np.uint64))
    n = w.size - K + 1
    h = np.zeros(n, dtype=np.uint64)
    for pos in range(K):
        h += w[pos : pos + n] * _POSITION_MULTIPLIERS[pos]
    return np.unique(_mix(h)) if unique else _mix(h)


def shingles(text: str) -> set[int]:
    """The shingle hashes of ``text`` as a set, for exact containment checks."""
    return set(shingle_array(text).tolist())
