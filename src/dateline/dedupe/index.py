"""An index of canonical documents that finds the one a new document duplicates.

Two steps, cheapest first:

1. exact: the normalised texts have the same SHA-256 (:func:`shingles.content_hash`);
2. near: MinHash LSH (banded signatures, :class:`Bands`) proposes candidates
   whose shingle sets look similar; the :data:`MAX_VERIFIED` most similar by signature are verified.
   When both texts' shingles are at hand in text order (as
   :func:`~dateline.dedupe.shingles.shingle_array` gives them) the test is the
   *passages* they share (:mod:`dateline.dedupe.passages`): long runs of
   shingles common to both, as a share of the shorter text's article part, so
   that each outlet's own headline, captions and teasers, or a different window
   of a scraped page, do not hide a copy. Otherwise it is *containment*: the
   share of the smaller document's shingles that occur in the larger one, exact
   from two sets or estimated from the signatures. Either way, not Jaccard: a
   reprint with a block of related-article teasers appended keeps all of the
   article's shingles but gains many new ones, which drags its Jaccard
   similarity down.

Only canonical documents (roots) are added. The caller stores the link returned by
:meth:`DuplicateIndex.find` and does not add the duplicate, so every link points
straight at a root: there are no chains to resolve, and each duplicate was
verified against its root itself rather than against another copy, which stops
near-matches from drifting (A~B, B~C, yet C far from A). The first stored copy is
the canonical one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from dateline.dedupe import minhash
from dateline.dedupe.passages import MIN_SCORE, passage_score
from dateline.dedupe.shingles import Shingled

# LSH bands of ROWS signature values each: two texts become candidates when all the
# values of at least one band agree, with probability 1 - (1 - J**ROWS)**BANDS for
# Jaccard J. It must be high at low J, because a copy with junk appended, or a
# scraped window that overlaps another by a few paragraphs, has a low Jaccard:
# 1.5 times the article's length in teasers gives J ~ 0.4, two pages sharing half
# their text J ~ 0.3. With 48 bands of 2 rows a pair with J = 0.2 becomes a
# candidate with probability 0.86, J = 0.3 with 0.99, while unrelated articles on
# the same topic (J ~ 0.01) do so with probability 0.005. False candidates only
# cost a verification, and at most MAX_VERIFIED are verified; the decision is the
# verification. More bands cost memory: one dictionary entry per band and root.
BANDS = 48
ROWS = 2

# A bucket holding more roots than this is crowded: its band's values are common to a
# whole story (every article of a dense corpus shares them), so it tells little about which
# root a text copies, and reading it for every new text grows with the square of the
# corpus. A query skips crowded buckets; a copy shares most of its bands with its original,
# and finds it through the others (on a corpus where every article tells the same story,
# 3,000 articles: candidates per document 119 instead of 820, the same links).
MAX_BUCKET = 32

# Candidates verified per document, most similar signatures first. Copies are not
# indexed, but a topic's many similar roots (daily updates of one story) can all be
# candidates, and verifying one is the costly step: this bounds it per document.
MAX_VERIFIED = 8

# Share of the smaller document's shingles that must occur in the larger one.
# A reprint with a new lede, a title line and a dozen edited words keeps > 0.9;
# two articles on the same story that quote the same few sentences share
# < 0.2. A single edited word removes up to 5 shingles, so 0.8 tolerates about
# one edited word in 25, or a rewritten lede plus a few edits. The estimate from
# signatures has a standard error of about 0.03 near 0.8, which is why copies
# just above the line are sometimes missed without exact shingles.
DEFAULT_CONTAINMENT = 0.8

# Below this many shingles (a text of 5 words or fewer) the containment ratio is
# meaningless (one shingle is all or nothing), so such texts only match exactly.
MIN_SHINGLES = 2


@dataclass(frozen=True)
class DuplicateMatch:
    """The canonical document a new one duplicates, and how sure we are."""

    document_id: str
    how: str  # "exact" | "near"
    score: float  # 1.0 for exact; the containment for near


@dataclass(frozen=True)
class _Entry:
    signature: np.ndarray
    size: int
    order: int  # insertion order, to break score ties towards the older root


class Bands:
    """The LSH tables: per band, the roots whose signatures have that band's values.

    A band's key is its two 32-bit values packed in one 64-bit int (exact, no
    hashing), computed for all bands at once; a bucket holds one id, or a list when
    several roots share it (rare beyond copies, which are not indexed).
    """

    def __init__(self, bands: int = BANDS, rows: int = ROWS) -> None:
        if rows != 2 or not 0 < bands * rows <= minhash.NUM_PERM:
            raise ValueError(f"need rows == 2 and bands * rows <= {minhash.NUM_PERM}")
        self.bands = bands
        self._tables: list[dict[int, str | list[str]]] = [{} for _ in range(bands)]

    def keys(self, signature: np.ndarray) -> list[int]:
        pairs = signature[: 2 * self.bands].astype(np.uint64).reshape(self.bands, 2)
        keys: list[int] = ((pairs[:, 0] << np.uint64(32)) | pairs[:, 1]).tolist()
        return keys

    def insert(self, item: str, signature: np.ndarray) -> None:
        for table, key in zip(self._tables, self.keys(signature), strict=True):
            found = table.get(key)
            if found is None:
                table[key] = item
            elif isinstance(found, list):
                found.append(item)
            else:
                table[key] = [found, item]

    def query(self, signature: np.ndarray, crowded: int = MAX_BUCKET) -> set[str]:
        """The roots sharing a band with ``signature``, skipping buckets of more than
        ``crowded`` roots (see :data:`MAX_BUCKET`)."""
        out: set[str] = set()
        for table, key in zip(self._tables, self.keys(signature), strict=True):
            found = table.get(key)
            if found is None:
                continue
            if isinstance(found, list):
                if len(found) <= crowded:
                    out.update(found)
            else:
                out.add(found)
        return out


def estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Containment of the smaller set in the larger, from their Jaccard and sizes.

    With ``J = |A & B| / |A | B|`` and ``|A | B| = |A| + |B| - |A & B|``, the
    intersection is ``J (|A| + |B|) / (1 + J)``.
    """
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, intersection / smaller)


Shingles = set[int] | np.ndarray  # a set, or a sorted array of unique hashes


def exact_containment(a: Shingles, b: Shingles) -> float:
    """Share of the smaller set's members found in the larger one (two sets, or two
    sorted arrays of unique hashes as :func:`~dateline.dedupe.shingles.shingle_array`
    gives: a tenth of the memory, and compared without building sets)."""
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    if not len(smaller):
        return 0.0
    if isinstance(smaller, np.ndarray) and isinstance(larger, np.ndarray):
        common = np.intersect1d(smaller, larger, assume_unique=True).size
        return common / len(smaller)
    return len(set(smaller) & set(larger)) / len(smaller)


class DuplicateIndex:
    """Canonical documents, searchable by content hash and by MinHash LSH."""

    def __init__(
        self,
        bands: int = BANDS,
        containment: float = DEFAULT_CONTAINMENT,
        passages: float = MIN_SCORE,
    ) -> None:
        if not 0.0 < containment <= 1.0:
            raise ValueError(f"containment must be in (0, 1], got {containment}")
        self.containment = containment
        self.passages = passages  # the passage score a verified copy needs
        self._lsh = Bands(bands)
        self._by_hash: dict[str, str] = {}
        self._entries: dict[str, _Entry] = {}

    @property
    def size(self) -> int:
        """Number of canonical documents held."""
        return len(self._entries)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._entries

    def add(self, document_id: str, content_hash: str, signature: np.ndarray, size: int) -> None:
        """Hold ``document_id`` as a canonical document (call only for roots)."""
        if document_id in self._entries:
            raise ValueError(f"document {document_id!r} is already in the index")
        self._entries[document_id] = _Entry(signature, size, len(self._entries))
        if size == 0:
            return  # no words: nothing to be a copy of
        # setdefault: the first stored copy stays canonical for its hash.
        self._by_hash.setdefault(content_hash, document_id)
        if size >= MIN_SHINGLES:
            self._lsh.insert(document_id, signature)

    def find(
        self,
        content_hash: str,
        signature: np.ndarray,
        size: int,
        shingles: Shingles | None = None,
        shingles_of: Callable[[str], Shingles | None] | None = None,
    ) -> DuplicateMatch | None:
        """The canonical document this one duplicates, or ``None``.

        ``size`` is the number of shingles. With both ``shingles`` (this
        document's) and ``shingles_of`` (a candidate's, by id) the containment is
        computed exactly, and when both are :class:`Shingled` (text order kept) the
        test is the shared passages instead; otherwise (or when ``shingles_of``
        returns ``None`` for a candidate) containment is estimated from the
        signatures.
        """
        if size == 0:
            return None
        root = self._by_hash.get(content_hash)
        if root is not None:
            return DuplicateMatch(root, "exact", 1.0)
        if size < MIN_SHINGLES:
            return None
        best: tuple[float, int, str] | None = None
        for jaccard, entry, candidate in self._candidates(signature):
            theirs = shingles_of(candidate) if shingles is not None and shingles_of else None
            if shingles is not None and theirs is not None:
                if isinstance(shingles, Shingled) and isinstance(theirs, Shingled):
                    score, needed = passage_score(shingles, theirs), self.passages
                else:
                    score, needed = exact_containment(shingles, theirs), self.containment
            else:
                score = estimated_containment(jaccard, size, entry.size)
                needed = self.containment
            # Best score wins; on a tie the older root, so the result is deterministic.
            if score >= needed and (best is None or (score, -entry.order) > best[:2]):
                best = (score, -entry.order, candidate)
        return None if best is None else DuplicateMatch(best[2], "near", best[0])

    def _candidates(self, signature: np.ndarray) -> list[tuple[float, _Entry, str]]:
        """The LSH candidates, most similar signature first (older root on a tie), at
        most MAX_VERIFIED of them."""
        found = []
        for candidate in self._lsh.query(signature):
            entry = self._entries[candidate]
            found.append((minhash.jaccard(signature, entry.signature), entry, candidate))
        found.sort(key=lambda c: (-c[0], c[1].order))
        return found[:MAX_VERIFIED]

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, bytes, int]],
        bands: int = BANDS,
        containment: float = DEFAULT_CONTAINMENT,
    ) -> DuplicateIndex:
        """Rebuild from stored ``(document_id, content_hash, signature_bytes, size)``.

        Pass only canonical documents, in the order they were first stored, so
        that the first copy stays canonical for exact matches.
        """
        index = cls(bands, containment)
        for document_id, digest, sig_bytes, size in rows:
            index.add(document_id, digest, minhash.deserialise(sig_bytes), size)
        return index
