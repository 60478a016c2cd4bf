"""Corpus stages of ingest: link each prepared document to its duplicates, settle
dates across a duplicate group, and store it in one transaction."""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from dateline.clean import NOT_ARTICLE_RULES, not_article
from dateline.dating import date_from_duplicate
from dateline.dedupe import (
    FINGERPRINT_VIEW,
    DuplicateIndex,
    content_hash,
    deserialise,
    shingles,
)
from dateline.dedupe import serialise as serialise_signature
from dateline.dedupe import signature as minhash
from dateline.dedupe.shingles import shingle_array
from dateline.errors import DatelineError, StoreError
from dateline.model import Document, IngestReport, PublicationDate, RawDocument, ReadProblem
from dateline.pipeline.prepare import Prepared, document_id, prepare
from dateline.read import read_paths
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.pipeline.distributed import DaskEngine

log = logging.getLogger(__name__)

# Stored roots whose shingles are kept in memory (a sorted array, ~3 KB for an article).
SHINGLE_CACHE = 20_000

Progress = Callable[[str], None]

# Errors that stop the whole batch: the store's own refusals, and running out of memory or
# being interrupted (whatever was stored before stays: one transaction per document).
_FATAL = (DatelineError, MemoryError)


_VIEW_KEY = "fingerprint_view"
_REFINGERPRINT_BATCH = 500
_FLAG_KEY = "not_article_rules"


class Ingester:
    """Runs ingest against one store; keeps the duplicate index between batches."""

    def __init__(self, store: Store, today: date | None = None) -> None:
        self.store = store
        self.today = today or date.today()
        self._index: DuplicateIndex | None = None
        self._synced = 0  # the index holds the roots stored up to this ingest number
        self._shingle_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def index(self) -> DuplicateIndex:
        if self._index is None:
            self._refingerprint()
            self._synced = self.store.last_document()
            self._index = DuplicateIndex.from_rows(self.store.signatures())
        return self._index

    def _refingerprint(self) -> None:
        """Fingerprint the stored documents again when they were fingerprinted with another
        text view (an earlier release): otherwise a copy ingested now could never match
        one stored before."""
        if self.store.meta(_VIEW_KEY) == FINGERPRINT_VIEW:
            return
        with self.store.transaction():
            self.store.write_lock()
            if self.store.meta(_VIEW_KEY) != FINGERPRINT_VIEW:  # another writer did it
                ids = [doc_id for doc_id, *_ in self.store.signatures()]
                for start in range(0, len(ids), _REFINGERPRINT_BATCH):
                    batch = ids[start : start + _REFINGERPRINT_BATCH]
                    for doc_id, text in self.store.texts(batch).items():
                        # as prepare() fingerprints a new document
                        found = shingles(text)
                        self.store.set_fingerprint(
                            doc_id,
                            content_hash(text),
                            serialise_signature(minhash(found)),
                            len(found),
                        )
                self.store.set_meta(_VIEW_KEY, FINGERPRINT_VIEW)

    def _reflag(self) -> None:
        """Flag the stored pages that are not articles again when they were flagged by other
        rules, or stored before the flag existed (an earlier release): otherwise an error
        page stored then would still be cited as evidence."""
        if self.store.meta(_FLAG_KEY) == NOT_ARTICLE_RULES:
            return
        with self.store.transaction():
            self.store.write_lock()
            if self.store.meta(_FLAG_KEY) != NOT_ARTICLE_RULES:  # another writer did it
                ids = self.store.document_ids()
                for start in range(0, len(ids), _REFINGERPRINT_BATCH):
                    found = self.store.titled_texts(ids[start : start + _REFINGERPRINT_BATCH])
                    # as prepare() flags a new document, from its title and clean text
                    flags = [(i, not_article(text, title)) for i, (title, text) in found.items()]
                    self.store.set_not_article(flags)
                self.store.set_meta(_FLAG_KEY, NOT_ARTICLE_RULES)

    def _catch_up(self) -> None:
        """Add to the index the roots another writer stored since it was read (under the
        write lock, so nothing lands between the two reads). SQLite may give a deleted
        latest row's number again; a file replaced by another writer at that moment is
        the one case this misses."""
        if self._index is None:
            return
        last = self.store.last_document()
        if last > self._synced:
            for doc_id, digest, signature, size in self.store.signatures(after=self._synced):
                if doc_id not in self._index:
                    self._index.add(doc_id, digest, deserialise(signature), size)
            self._synced = last

    def ingest(
        self,
        paths: Iterable[str],
        progress: Progress | None = None,
        date_from_path: bool = False,
        engine: DaskEngine | None = None,
        root: str | None = None,
    ) -> IngestReport:
        """Read, prepare and store every article under ``paths``; skip what is stored.

        With a Dask ``engine`` the workers read and prepare; storing stays here, in order.
        With ``root`` only files that resolve inside it are read (local reading only).
        """
        self._reflag()
        added: list[str] = []
        unchanged: list[str] = []
        updated: list[str] = []
        problems: list[ReadProblem] = []
        items: Iterable[RawDocument | Prepared | ReadProblem]
        if engine is None:
            items = read_paths(paths, root)
        elif root is not None:
            raise DatelineError("an ingest root needs the local engine")
        else:
            items = engine.prepare(paths, self.today, date_from_path)
        for item in items:
            if isinstance(item, ReadProblem):
                log.warning("%s", item)
                problems.append(item)
                path = item.path
            else:
                if isinstance(item, Prepared):
                    doc_id, path = item.document.id, item.document.path
                else:
                    doc_id, path = document_id(item), item.path
                try:
                    if isinstance(item, Prepared):
                        outcome = self.add_prepared(item)
                    else:
                        outcome = self.ingest_one(item, date_from_path)
                except _FATAL:
                    raise
                except Exception as exc:
                    if isinstance(exc, self.store.driver_errors) and not isinstance(
                        exc, self.store.document_errors
                    ):
                        raise StoreError(f"{self.store.location}: cannot write ({exc})") from None
                    # One article the pipeline cannot handle (a bug, a pathological text):
                    # it is named and the rest of the batch goes on. Its transaction was
                    # rolled back, so the index is read afresh from what the store holds.
                    log.exception("cannot ingest %s", path)
                    self._index = None
                    problem = ReadProblem(path, f"cannot be ingested: {type(exc).__name__}: "
                                          f"{str(exc)[:200]}", line=_line(item))  # fmt: skip
                    problems.append(problem)
                else:
                    kind = {"added": added, "unchanged": unchanged, "updated": updated}[outcome]
                    kind.append(doc_id)
            if progress is not None:
                progress(path)
        return IngestReport(tuple(added), tuple(unchanged), tuple(updated), tuple(problems))

    def ingest_one(self, raw: RawDocument, date_from_path: bool = False) -> str:
        """Store one raw document; returns "added", "updated" or "unchanged"."""
        if self.store.has_document(document_id(raw)):
            return "unchanged"
        return self.add_prepared(prepare(raw, self.today, date_from_path))

    def add_prepared(self, prepared: Prepared) -> str:
        """Store one document prepared elsewhere; returns "added", "updated" or "unchanged"."""
        doc = prepared.document
        # Checked under the write lock: a second ingest into the same store waits here, then
        # sees what the first stored instead of failing to store it again.
        with self.store.transaction():
            self.store.write_lock()
            self._catch_up()
            if self.store.has_document(doc.id):
                return "unchanged"
            previous = self.store.document_at(prepared.resolved_path, doc.record)
            if previous is not None and self.store.same_source(previous, doc.raw, doc.markup):
                # the same file under another name (a link to it): already stored
                return "unchanged"
            self.store_prepared(prepared, replaces=previous)
        return "added" if previous is None else "updated"

    def store_prepared(self, prepared: Prepared, replaces: str | None = None) -> None:
        doc = prepared.document
        signature = deserialise(prepared.signature)
        words = prepared.shingled if prepared.shingled is not None else shingle_array(doc.text)
        follows = replaces is not None and self._without(
            replaces, doc, signature, prepared.size, words
        )
        match = self.index.find(
            doc.content_hash, signature, prepared.size, words, self._shingles_of
        )
        if match is not None and not self.store.has_document(match.document_id):
            # another writer replaced that copy since the index was read: read it afresh
            self._index = None
            match = self.index.find(
                doc.content_hash, signature, prepared.size, words, self._shingles_of
            )
        updates: list[tuple[str, str, str, str]] = []
        if match is not None:
            doc = dataclasses.replace(
                doc,
                duplicate_of=match.document_id,
                duplicate_how=match.how,
                duplicate_score=round(match.score, 4),
            )
            doc, updates = self._settle_dates(doc, match.document_id)
        self.store.write_document(
            doc,
            prepared.resolved_path,
            prepared.signature,
            prepared.size,
            date_updates=updates,
            replaces=replaces,
            copies_follow=follows,
        )
        if replaces is not None:
            self._shingle_cache.pop(replaces, None)
            if not follows:
                self._index = None  # its copies are roots now: read them afresh when needed
                return
        if match is None:
            self.index.add(doc.id, doc.content_hash, signature, prepared.size)
            self._remember(doc.id, words)  # a new root: the next copies compare with it

    def _without(
        self, replaced: str, doc: Document, signature: np.ndarray, size: int, words: np.ndarray
    ) -> bool:
        """Read the index afresh without the version ``doc`` replaces (an edited article is
        a near copy of its earlier version, which must not become its original, as that row
        is deleted), and say whether ``doc`` is such a copy, so the old one's copies follow."""
        self._synced = self.store.last_document()
        rows = list(self.store.signatures())
        self._index = DuplicateIndex.from_rows(r for r in rows if r[0] != replaced)
        old = [r for r in rows if r[0] == replaced]
        if not old:
            return False  # it was itself a copy, so nothing is a copy of it
        alone = DuplicateIndex.from_rows(old)
        found = alone.find(doc.content_hash, signature, size, words, self._shingles_of)
        return found is not None

    def _shingles_of(self, document_id: str) -> np.ndarray:
        """A stored root's shingles, from a bounded cache: the same roots come up as
        candidates again and again (a wire story and its many reprints), and reading and
        shingling one each time made ingest grow with the square of a dense corpus."""
        found = self._shingle_cache.get(document_id)
        if found is None:
            # the clean text alone: a whole document would also read its edits and dates
            found = shingle_array(self.store.texts([document_id]).get(document_id, ""))
            self._remember(document_id, found)
        else:
            self._shingle_cache.move_to_end(document_id)
        return found

    def _remember(self, document_id: str, found: np.ndarray) -> None:
        self._shingle_cache[document_id] = found
        if len(self._shingle_cache) > SHINGLE_CACHE:
            self._shingle_cache.popitem(last=False)

    def _settle_dates(
        self, doc: Document, root_id: str
    ) -> tuple[Document, list[tuple[str, str, str, str]]]:
        """An undated copy takes the group's date; an undated group takes the copy's."""
        group = self.store.group_of(root_id)
        own = PublicationDate(doc.published, doc.published_how, doc.published_why)
        dated = [r for r in group if r["published"] and r["published_how"] != "duplicate"]
        updates: list[tuple[str, str, str, str]] = []
        if own.value is None and dated:
            donor = dated[0]
            theirs = PublicationDate(donor["published"], donor["published_how"], "")
            chosen = date_from_duplicate(own, theirs, donor["id"])
            doc = dataclasses.replace(
                doc, published=chosen.value, published_how=chosen.how, published_why=chosen.why
            )
        elif own.value is not None and own.how != "duplicate" and not dated:
            for row in group:
                if row["published"] is None:
                    chosen = date_from_duplicate(PublicationDate(None, None, ""), own, doc.id)
                    updates.append((row["id"], str(chosen.value), str(chosen.how), chosen.why))
        return doc, updates


def _line(item: RawDocument | Prepared) -> int | None:
    """Where a record sits in its file, as a problem names it (JSON only)."""
    raw = item.document if isinstance(item, Prepared) else item
    return raw.record + 1 if raw.format == "json" else None
