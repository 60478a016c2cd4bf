"""Per-document stages: a pure function from a raw document to what the store needs.

Nothing here touches the store, so the same function can run in a worker process.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date

from dateline.clean import clean, not_article, text_for_dating
from dateline.dating import choose_publication_date, file_path_candidate, find_date_candidates
from dateline.dedupe import serialise, signature
from dateline.dedupe.shingles import Shingled, hash_normalised, shingle_words, tokens
from dateline.model import Document, RawDocument


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned, dated, fingerprinted document, ready for deduplication and storage."""

    document: Document
    resolved_path: str
    signature: bytes
    size: int
    # the text's shingles (dateline.dedupe.shingles.shingle_array), which deduplication
    # compares; made here, where the text is split anyway (on a worker, under Dask)
    shingled: Shingled | None = field(default=None, compare=False)


def document_id(raw: RawDocument) -> str:
    """Stable id from the file name, record number and content.

    The same file ingested twice (from any working directory) gets the same id; two
    outlets' identical copies under different names stay two documents.
    """
    h = hashlib.sha256()
    h.update(os.path.basename(raw.path).encode("utf-8", "surrogatepass"))
    h.update(f"#{raw.record}\0".encode())
    h.update((raw.markup if raw.markup is not None else raw.raw).encode("utf-8", "surrogatepass"))
    return "d" + h.hexdigest()[:12]


def prepare(raw: RawDocument, today: date, date_from_path: bool = False) -> Prepared:
    """Clean, date and fingerprint one raw document.

    With ``date_from_path`` a ``YYYY-MM-DD`` folder or file name is the date of last resort
    (corpora such as Timeline17 file each article under its publication day).
    """
    cleaned = clean(raw.raw, raw.edits)
    candidates = find_date_candidates(raw, text_for_dating(raw.raw, cleaned))
    if date_from_path and (from_path := file_path_candidate(raw.path)) is not None:
        candidates = (*candidates, from_path)
    published = choose_publication_date(candidates, today=today)
    split = tokens(cleaned.text)  # read once for the hash and the shingles
    shingled = shingle_words(*split)
    doc_shingles = set(shingled.tolist())
    doc = Document(
        id=document_id(raw),
        path=raw.path,
        record=raw.record,
        format=raw.format,
        raw=raw.raw,
        text=cleaned.text,
        edits=cleaned.edits,
        title=raw.title,
        url=raw.url,
        markup=raw.markup,
        content_hash=hash_normalised(split[0]),
        published=published.value,
        published_how=published.how,
        published_why=published.why,
        date_candidates=candidates,
        not_article=not_article(cleaned.text, raw.title),  # the title is the page's too
    )
    return Prepared(
        document=doc,
        resolved_path=os.path.realpath(raw.path),
        signature=serialise(signature(doc_shingles)),
        size=len(doc_shingles),
        shingled=shingled,
    )
