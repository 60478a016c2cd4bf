"""Corroboration: how many independent documents, outlets and stories back a record.

A reprint of a wire story is one more outlet but not one more story; an article that
says of itself that it is speculation or opinion does not corroborate anything alone.
Copies are the documents duplicate linking tied to a root (``duplicate_of``): the same
text re-edited, not an independent report, so they never add a story, and a record
backed only by one text and its reprints is single-source however many pages carry it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from dateline.model import Corroboration, Source

# A piece that describes ITSELF as speculative: the cue word near a self-reference.
# "amid speculation that..." reports others' speculation and does not count.
_SELF = (
    r"(?:this|what follows|the following|all of (?:this|it)"
    r"|this (?:article|piece|column|analysis)|the scenario (?:below|above|here))"
)
_NATURE = r"(?:speculat\w*|hypothetical\w*|opinion|conjecture|a thought experiment)"
SELF_DESCRIBED = re.compile(
    rf"\b{_SELF}\b[^.!?\n]{{0,40}}\b(?:is|are|remains?|was|be)\b[^.!?\n]{{0,30}}\b{_NATURE}",
    re.IGNORECASE,
)


def is_speculative(text: str) -> bool:
    """True when the text calls itself speculation, opinion or hypothetical."""
    return SELF_DESCRIBED.search(text) is not None


@dataclass(frozen=True, slots=True)
class Provenance:
    """What corroboration needs to know about one document."""

    story: str  # the duplicate group's root
    outlet: str
    speculative: bool


def provenance(
    documents: Iterable[tuple[str, str | None, str | None, str]],
) -> dict[str, Provenance]:
    """Each document's story, outlet (the URL's host, else the document itself) and flag,
    from (id, duplicate_of, url, clean text) rows."""
    return {
        did: Provenance(
            story=duplicate_of or did,
            outlet=_host(url) or did,
            speculative=is_speculative(text),
        )
        for did, duplicate_of, url, text in documents
    }


def provenance_known(
    documents: Iterable[tuple[str, str | None, str | None]], speculative: Collection[str]
) -> dict[str, Provenance]:
    """:func:`provenance` from (id, duplicate_of, url) rows, the ``speculative`` documents
    known already (a build found them with :func:`is_speculative`)."""
    return {
        did: Provenance(story=duplicate_of or did, outlet=_host(url) or did,
                        speculative=did in speculative)
        for did, duplicate_of, url in documents
    }  # fmt: skip


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def corroborate(sources: Iterable[Source], known: Mapping[str, Provenance]) -> Corroboration:
    found = [known[s.document_id] for s in sources if s.document_id in known]
    documents = {s.document_id for s in sources if s.document_id in known}
    stories = {p.story for p in found}
    carried: dict[str, set[str]] = {}
    for doc in documents:
        carried.setdefault(known[doc].story, set()).add(doc)
    reports = tuple(
        (story, tuple(sorted(docs, key=lambda d: (d != story, d))))
        for story, docs in sorted(carried.items())
    )
    return Corroboration(
        documents=len(documents),
        outlets=len({p.outlet for p in found}),
        stories=len(stories),
        single_source=len(stories) <= 1,
        speculative=bool(found) and all(p.speculative for p in found),
        reports=reports,
    )
