"""Run a stream of texts through a :class:`DuplicateIndex`, first copy canonical."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.dedupe.fingerprints import fingerprint
from dateline.dedupe.index import DuplicateIndex, DuplicateMatch
from dateline.dedupe.shingles import Shingled


def group_texts(
    items: Iterable[tuple[str, str]],
    index: DuplicateIndex | None = None,
    *,
    exact: bool = False,
) -> dict[str, DuplicateMatch | None]:
    """Map each ``(document_id, text)`` to the root it duplicates (``None`` for roots).

    Roots are added to ``index`` (a new one by default) as they come. With
    ``exact`` the shingles of roots added here are kept in memory so candidates
    are verified by the passages they share rather than by containment estimated
    from signatures: more precise, costlier at scale. Roots already in ``index``
    are compared by estimate.
    """
    index = index if index is not None else DuplicateIndex()
    kept: dict[str, Shingled] = {}
    links: dict[str, DuplicateMatch | None] = {}
    for document_id, text in items:
        fp = fingerprint(text)
        own = fp.shingles if exact else None
        match = index.find(fp.content_hash, fp.signature, fp.size, own, kept.get)
        links[document_id] = match
        if match is None:
            index.add(document_id, fp.content_hash, fp.signature, fp.size)
            if own is not None:
                kept[document_id] = own
    return links


def partition(links: dict[str, DuplicateMatch | None]) -> set[frozenset[str]]:
    """The groups (a root and its duplicates) that ``links`` describe."""
    groups: dict[str, set[str]] = {}
    for document_id, match in links.items():
        root = document_id if match is None else match.document_id
        groups.setdefault(root, set()).add(document_id)
    return {frozenset(members) for members in groups.values()}
