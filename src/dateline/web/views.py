"""What the web app shows, as JSON-ready dicts: the API returns them, the pages render them.

Every record goes through the export's ``*_dict`` functions, so API JSON is export JSON
(with a few added fields a page needs, such as a source sentence's surrounding text).
The dossier's lists are kept per store generation: a write (an ingest) makes them stale.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import queue
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from dateline.errors import DatelineError
from dateline.export.json import (
    corroboration_dict,
    document_dict,
    entity_dict,
    event_dict,
    figure_dict,
    promise_dict,
    source_dicts,
    timeline_dicts,
)
from dateline.lexicon.names import fold_ascii
from dateline.model import (
    Corroboration,
    Document,
    Entity,
    Event,
    Figure,
    Promise,
    Source,
    snippet_spans,
)
from dateline.service import (
    EVENT_TYPES,
    Dossier,
    TimelineRequest,
    find_entity,
)
from dateline.service import (
    MAX_NAME as MAX_NAME,
)
from dateline.service import (
    MAX_QUERY as MAX_QUERY,
)
from dateline.summarise.request import checked_day as request_day

T = TypeVar("T")

# Limits on what one request may ask for: beyond them the request is refused (400). The
# longest query and name (MAX_QUERY, MAX_NAME) are a timeline request's own.
MAX_LIMIT = 500
# The query string's names of the timeline parameters that differ from TimelineRequest's.
TIMELINE_PARAMETERS = {"query": "q", "event_type": "type"}
# With a date or outlet filter, search reads this many ranked hits and keeps the matching.
FILTER_POOL = 1000
# Events a timeline shows under a day at most (the rest are a link to the day's events).
TIMELINE_EVENTS = 10


class BadRequest(DatelineError):
    """A parameter the web app refuses (400), with the reason."""


class NotFound(DatelineError):
    """An id or name the dossier does not hold (404)."""


def checked_day(value: str | None, name: str) -> str | None:
    try:
        return request_day(value, name)
    except DatelineError as exc:
        raise BadRequest(str(exc)) from None


def checked_text(value: str | None, name: str, limit: int = MAX_NAME) -> str | None:
    if value is None or value.strip() == "":
        return None
    if len(value) > limit:
        raise BadRequest(f"{name} is longer than {limit} characters")
    return value.strip()


def checked_type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in EVENT_TYPES:
        known = ", ".join(sorted(EVENT_TYPES))
        raise BadRequest(f"unknown event type {value[:40]!r}; known types: {known}")
    return value.upper()


def checked_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = checked_day(since, "since"), checked_day(until, "until")
    if since and until and since > until:
        raise BadRequest(f"since ({since}) is after until ({until})")
    return since, until


def outlet_of(url: str | None, document_id: str) -> str:
    """The publisher a document counts as (as corroboration counts it): the URL's host
    without ``www.``, else the document itself."""
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return document_id


def source_label(url: str | None, path: str) -> str:
    """What a reader knows a document by: its outlet (the URL's host), else its file's
    name; never the document id, never a whole server path."""
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return os.path.basename(path.rstrip("/\\")) or path


def safe_href(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an article's own URL could be ``javascript:``."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def snippet_parts(snippet: str, matches: Iterable[Iterable[int]]) -> list[tuple[str, bool]]:
    """A search hit's plain snippet as (text, matched) parts, from its match offsets."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for start, end in matches:
        if start > pos:
            parts.append((snippet[pos:start], False))
        parts.append((snippet[start:end], True))
        pos = end
    if pos < len(snippet):
        parts.append((snippet[pos:], False))
    return parts


def _single(backing: Corroboration | None) -> bool:
    return backing is None or backing.single_source


def junk_segments(doc: Document) -> list[dict[str, Any]]:
    """The raw text cut at every edit: kept text, removed junk, and what replaced it, in
    order; the kept and replacement parts joined are exactly the clean text."""
    out: list[dict[str, Any]] = []
    pos = 0
    for edit in sorted(doc.edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:  # overlapping edits are not made by the cleaner; show once
            continue
        if edit.start > pos:
            out.append({"kind": "kept", "text": doc.raw[pos : edit.start]})
        out.append({"kind": "removed", "text": doc.raw[edit.start : edit.end],
                    "reason": edit.reason})  # fmt: skip
        if edit.replacement:
            out.append({"kind": "kept", "text": edit.replacement})
        pos = edit.end
    if pos < len(doc.raw):
        out.append({"kind": "kept", "text": doc.raw[pos:]})
    return out


# Read connections the web app keeps on one store: requests on the server's worker
# threads read at once instead of queueing behind one connection.
READERS = 8


class ReaderPool:
    """Read handles on one dossier's store, lent to one thread at a time.

    ``with pool:`` lends the calling thread a handle until the outermost ``with`` ends
    (nested ones reuse it); :meth:`current` is the handle the thread holds. SQLite in WAL
    mode and PostgreSQL both serve several readers beside one writer, so up to ``size``
    connections are opened, on demand. An in-memory store has one connection only: the pool
    then holds just it, and a thread waits for it as it would for a lock.
    """

    def __init__(self, primary: Dossier, size: int = READERS) -> None:
        self.primary = primary
        try:
            self._location: str | None = primary.store.reopen_location()
        except (DatelineError, ValueError):
            self._location, size = None, 1
        self.size = max(1, size)
        self._free: queue.LifoQueue[Dossier] = queue.LifoQueue()
        self._free.put(primary)
        self._opened: list[Dossier] = []
        self._guard = threading.Lock()
        self._local = threading.local()

    def current(self) -> Dossier:
        held: Dossier | None = getattr(self._local, "dossier", None)
        return held if held is not None else self.primary

    def __enter__(self) -> Dossier:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._local.dossier = self._take()
        self._local.depth = depth + 1
        return self._local.dossier  # type: ignore[no-any-return]

    def __exit__(self, *exc: object) -> None:
        self._local.depth -= 1
        if self._local.depth == 0:
            lent, self._local.dossier = self._local.dossier, None
            self._free.put(lent)

    def _take(self) -> Dossier:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            pass
        with self._guard:
            if self._location is not None and 1 + len(self._opened) < self.size:
                opened = Dossier.open(self._location, today=self.primary.today)
                self._opened.append(opened)
                return opened
        return self._free.get()  # every handle is lent: wait for one

    def close(self) -> None:
        """Close the connections the pool opened (not the primary: its owner closes it)."""
        for opened in self._opened:
            opened.close()
        self._opened.clear()


def _settle() -> None:
    """Move what is kept out of the garbage collector's way: its full passes walk every
    live object, and the kept lists (every event with its sources) made each one stall a
    request for hundreds of milliseconds. What an earlier generation kept is unfrozen
    first, so that a list replaced since is freed. A build run by the app (an upload) finds
    objects frozen and leaves freezing to this (see pipeline.build._Settled)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Views:
    """The web app's reads over one dossier. Each call reads through a handle of its own
    from a :class:`ReaderPool` (``with self.lock``), so requests do not queue behind one
    connection; :attr:`dossier` is the handle the calling thread holds."""

    def __init__(self, dossier: Dossier, readers: int = READERS) -> None:
        self.lock = ReaderPool(dossier, readers)
        self._kept: dict[str, tuple[int, Any]] = {}

    @property
    def dossier(self) -> Dossier:
        return self.lock.current()

    def close(self) -> None:
        self.lock.close()

    # -- kept lists -----------------------------------------------------------------
    def _kept_value(self, name: str, make: Callable[[], T]) -> T:
        generation = self.dossier.store.generation()
        hit = self._kept.get(name)
        if hit is not None and hit[0] == generation:
            return hit[1]  # type: ignore[no-any-return]
        del hit  # the stale value goes before the collector runs, not after
        value = make()
        self._kept[name] = (generation, value)
        _settle()
        return value

    def events(self) -> list[Event]:
        return self._kept_value("events", lambda: list(self.dossier.events()))

    def entities(self) -> list[Entity]:
        return self._kept_value("entities", lambda: list(self.dossier.entities()))

    def figures_list(self) -> list[Figure]:
        return self._kept_value("figures", lambda: list(self.dossier.figures()))

    def promises_list(self) -> list[Promise]:
        return self._kept_value("promises", lambda: list(self.dossier.promises()))

    def backing(self, records: Iterable[Event | Figure]) -> dict[str, Corroboration]:
        """The corroboration of ``records``, by id, with that of records asked about before:
        only those not asked about yet in this generation are worked out, reading their
        documents' provenance (a request shows a few records, and working out every one of
        a large dossier's on the first request made it wait seconds)."""
        kept: dict[str, Corroboration] = self._kept_value("backing", dict)
        missing = {r.id: r for r in records if r.id not in kept}
        if missing:
            kept.update(self.dossier.corroboration(missing.values()))
        return kept

    def _entity_or_none(self, name: str | None) -> Entity | None:
        """The entity a filter names (None for no filter); an unknown name is a 400."""
        if name is None:
            return None
        found = find_entity(self.entities(), name)
        if found is None:
            raise BadRequest(f"no entity called {name!r}")
        return found

    def _events_of(self, event_type: str | None, entity: Entity | None) -> list[Event]:
        """The events of ``event_type`` in which ``entity`` takes part (None: any)."""
        return [
            e for e in self.events()
            if (event_type is None or e.type == event_type)
            and (entity is None or entity.id in {p.entity_id for p in e.participants})
        ]  # fmt: skip

    def _texts(self, sources: Iterable[Source]) -> dict[str, str]:
        return self.dossier.texts({s.document_id for s in sources})

    def _event_summary(self, event: Event, backing: Mapping[str, Corroboration]) -> dict[str, Any]:
        """What a list shows of ``event``, with its corroboration from ``backing``."""
        return {
            "id": event.id,
            "type": event.type,
            "title": event.title,
            "date": event.date,
            "end_date": event.end_date,
            "precision": event.precision,
            "background": event.background,
            "corroboration": corroboration_dict(backing.get(event.id)),
        }

    # -- views ----------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        with self.lock:
            events = self.events()
            dated = sorted((e for e in events if e.date), key=lambda e: (e.date, e.id))
            promises = self.promises_list()
            open_ = [p for p in promises if p.status == "open"]
            changed = [f for f in self.figures_list() if f.previous is not None]
            cited: list[Promise | Figure] = [*open_[:10], *changed[:10]]
            texts = self._texts(s for r in cited for s in r.sources)
            latest = list(reversed(dated[-10:]))
            backing = self.backing([*changed[:10], *latest])
            return {
                "stats": self.dossier.stats(),
                "counts": {
                    "events": len(events),
                    "entities": len(self.entities()),
                    "figures": len(self.figures_list()),
                    "promises": len(promises),
                    "open_promises": len(open_),
                },
                "latest_events": [self._event_summary(e, backing) for e in latest],
                "open_promises": [promise_dict(p, texts) for p in open_[:10]],
                "changed_figures": [figure_dict(f, texts, backing.get(f.id)) for f in changed[:10]],
            }

    def timeline(self, request: TimelineRequest) -> dict[str, Any]:
        """The timeline ``request`` asks for; a bad parameter is a 400 naming it as the
        query string does."""
        asked = request.validated(EVENT_TYPES, TIMELINE_PARAMETERS)
        with self.lock:
            # the entity is looked up in the kept list, and the dossier handed its id
            found = self._entity_or_none(asked.entity)
            entries = self.dossier.timeline_for(
                dataclasses.replace(asked, entity=found.id if found else None)
            )
            # the events the filters ask for, of the entries' days alone, and of each day at
            # most TIMELINE_EVENTS (the most cited) with a link to the rest: a day of a large
            # dossier may have hundreds, which no one reads in a timeline
            days = {e.date for e in entries}
            entity_id = found.id if found else None
            store = self.dossier.store
            shown = store.events(entity_id, asked.event_type, days, TIMELINE_EVENTS)
            totals = {d: n for d, (_, n) in store.event_days(entity_id, asked.event_type,
                                                             days).items()}  # fmt: skip
            texts = self._texts(s for e in entries for s in e.summary)
            out = timeline_dicts(entries, shown, texts, self.backing(shown), totals)
            filters = {"type": asked.event_type, "entity": asked.entity}
            for entry in out:
                if entry["events_total"] > len(entry["events"]):
                    entry["more_events"] = "/events?" + urlencode(
                        {"since": entry["date"], "until": entry["date"],
                         **{k: v for k, v in filters.items() if v}}
                    )  # fmt: skip
            return {
                "filters": {"since": asked.since, "until": asked.until, "q": asked.query,
                            "type": asked.event_type, "entity": found.name if found else None,
                            "anchor": asked.anchor},
                "entries": out,
            }  # fmt: skip

    def event_list(
        self,
        event_type: str | None = None,
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
        backing: str | None = None,
    ) -> dict[str, Any]:
        """Events in date order; ``backing`` keeps the ``corroborated`` ones (more than one
        independent report) or the ``single``-source ones."""
        since, until = checked_range(since, until)
        event_type = checked_type(event_type)
        entity = checked_text(entity, "entity")
        if backing not in (None, "", "corroborated", "single"):
            raise BadRequest("backing must be corroborated or single")
        with self.lock:
            found = self._entity_or_none(entity)
            chosen = [
                e for e in self._events_of(event_type, found)
                if (since is None or (e.date is not None and e.date >= since))
                and (until is None or (e.date is not None and e.date <= until))
            ]  # fmt: skip
            if backing:  # every chosen event's corroboration, not only the page's
                every = self.backing(chosen)
                chosen = [e for e in chosen if _single(every.get(e.id)) == (backing == "single")]
            chosen.sort(key=lambda e: (e.date or "9999", e.id))
            page = chosen[offset : offset + limit]
            kept = self.backing(page)
            texts = self._texts(s for e in page for s in e.sources)
            return {
                "total": len(chosen),
                "events": [event_dict(e, texts, kept.get(e.id)) for e in page],
            }

    def event(self, event_id: str) -> dict[str, Any]:
        with self.lock:
            event = next((e for e in self.events() if e.id == event_id), None)
            if event is None:
                raise NotFound(f"no event {event_id[:80]!r}")
            texts = self._texts(event.sources)
            out = event_dict(event, texts, self.backing([event]).get(event.id))
            for source in out["sources"]:
                text = texts.get(source["document"], "")
                doc = self.dossier.document(source["document"])
                # the whole article around the sentence, so a page can show it in place
                source["before"] = text[: source["start"]]
                source["after"] = text[source["end"] :]
                source["title"] = doc.title if doc else None
                source["published"] = doc.published if doc else None
                source["outlet"] = outlet_of(doc.url, doc.id) if doc else None
                source["source"] = source_label(doc.url, doc.path) if doc else None
            return out

    def described(self, sources: Iterable[dict[str, Any]]) -> None:
        """Add to source dicts what a reader knows their document by: outlet or file
        name, title and date (pages list sources by these, not by document id)."""
        with self.lock:
            for source in sources:
                doc = self._document_head(source["document"])
                source["source"] = source_label(doc.url, doc.path) if doc else source["document"]
                source["title"] = doc.title if doc else None
                source["published"] = doc.published if doc else None

    def _document_head(self, document_id: str) -> Document | None:
        heads: dict[str, Document | None] = self._kept_value("heads", dict)
        if document_id not in heads:
            heads[document_id] = self.dossier.document(document_id)
        return heads[document_id]

    def entity_list(
        self, kind: str | None = None, limit: int = 100, offset: int = 0, name: str | None = None
    ) -> dict[str, Any]:
        """Entities, most mentioned first; ``name`` keeps those with a spelling containing
        it (diacritics and case aside)."""
        kind = checked_text(kind, "kind")
        name = checked_text(name, "name")
        wanted = fold_ascii(name) if name else None
        with self.lock:
            chosen = [
                e for e in self.entities()
                if (kind is None or e.kind == kind.upper())
                and (wanted is None or any(wanted in fold_ascii(a) for a in (e.name, *e.aliases)))
            ]  # fmt: skip
            chosen.sort(key=lambda e: (-e.mentions, e.name))
            page = chosen[offset : offset + limit]
            texts = self._texts(s for e in page for r in e.roles for s in r.sources)
            return {"total": len(chosen), "entities": [entity_dict(e, texts) for e in page]}

    def entity(self, name: str) -> dict[str, Any]:
        name = checked_text(name, "name") or ""
        with self.lock:
            profile = self.dossier.entity(name)
            if profile is None:
                raise NotFound(f"no entity called {name[:80]!r}")
            texts = self._texts(
                [*(s for r in profile.entity.roles for s in r.sources),
                 *(s for e in profile.events for s in e.sources)]
            )  # fmt: skip
            backing = self.backing(profile.events)
            events = sorted(profile.events, key=lambda e: (e.date or "9999", e.id))
            return {
                **entity_dict(profile.entity, texts),
                "events": [event_dict(e, texts, backing.get(e.id)) for e in events],
                "met": [dataclasses.asdict(m) for m in profile.met],
            }

    def figures(self, subject: str | None = None) -> dict[str, Any]:
        subject = checked_text(subject, "subject")
        with self.lock:
            chosen = [
                f for f in self.figures_list()
                if subject is None or subject.lower() in f.subject.lower()
            ]  # fmt: skip
            texts = self._texts(s for f in chosen for s in f.sources)
            backing = self.backing(chosen)
            return {"figures": [figure_dict(f, texts, backing.get(f.id)) for f in chosen]}

    def promises(self, status: str | None = None) -> dict[str, Any]:
        if status not in (None, "", "open", "fulfilled"):
            raise BadRequest("status must be open or fulfilled")
        with self.lock:
            chosen = [p for p in self.promises_list() if not status or p.status == status]
            by_id = {e.id: e for e in self.events()}
            kept = {p.fulfilled_by: by_id[p.fulfilled_by] for p in chosen
                    if p.fulfilled_by in by_id}  # fmt: skip
            texts = self._texts(
                [*(s for p in chosen for s in p.sources),
                 *(s for e in kept.values() for s in e.sources)]
            )  # fmt: skip
            backing = self.backing(kept.values())
            out = []
            for p in chosen:
                item = promise_dict(p, texts)
                event = kept.get(p.fulfilled_by) if p.fulfilled_by else None
                item["fulfilled_event"] = (
                    {**self._event_summary(event, backing),
                     "sources": source_dicts(event.sources, texts)}
                    if event else None
                )  # fmt: skip
                out.append(item)
            return {"promises": out}

    def document_list(self, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        with self.lock:
            docs = self.dossier.documents(limit, offset)
            return {
                "total": self.dossier.stats()["documents"],
                "documents": [
                    {"id": d.id, "title": d.title, "path": d.path, "url": d.url,
                     "outlet": outlet_of(d.url, d.id), "source": source_label(d.url, d.path),
                     "published": d.published,
                     "published_how": d.published_how, "duplicate_of": d.duplicate_of,
                     "duplicate_how": d.duplicate_how, "not_article": d.not_article}
                    for d in docs
                ],
            }  # fmt: skip

    def document(self, document_id: str) -> dict[str, Any]:
        with self.lock:
            doc = self.dossier.document(document_id)
            if doc is None:
                raise NotFound(f"no document {document_id[:80]!r}")
            copies = []
            for copy in self.dossier.copies(doc.duplicate_of or doc.id):
                other = self.dossier.document(copy["id"])
                copies.append({
                    **copy,
                    "title": other.title if other else None,
                    "url": other.url if other else None,
                    "outlet": outlet_of(other.url, copy["id"]) if other else copy["id"],
                    "source": source_label(other.url, other.path) if other else copy["id"],
                    "duplicate_how": other.duplicate_how if other else None,
                })  # fmt: skip
            return {
                **document_dict(doc),
                "outlet": outlet_of(doc.url, doc.id),
                "source": source_label(doc.url, doc.path),
                "file": os.path.basename(doc.path.rstrip("/\\")) or doc.path,
                "copies": copies,
                "segments": junk_segments(doc),
            }

    def search(
        self,
        query: str,
        limit: int = 20,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> dict[str, Any]:
        text = checked_text(query, "q", MAX_QUERY)
        if text is None:
            raise BadRequest("q is empty: give words to search for")
        since, until = checked_range(since, until)
        outlet = checked_text(outlet, "outlet")
        filtered = since is not None or until is not None or outlet is not None
        with self.lock:
            hits = self.dossier.search(text, limit=FILTER_POOL if filtered else limit)
            out: list[dict[str, Any]] = []
            for hit in hits:
                if len(out) >= limit:
                    break
                if since and (hit.published is None or hit.published < since):
                    continue
                if until and (hit.published is None or hit.published > until):
                    continue
                doc = self.dossier.document(hit.document_id)
                where = outlet_of(doc.url, doc.id) if doc else None
                if outlet and where != outlet.lower().removeprefix("www."):
                    continue
                shown, spans = snippet_spans(hit.snippet)
                label = source_label(doc.url, doc.path) if doc else None
                out.append({**dataclasses.asdict(hit), "snippet": shown, "outlet": where,
                            "matches": [list(s) for s in spans], "source": label})  # fmt: skip
            return {"query": text, "filters": {"since": since, "until": until,
                                               "outlet": outlet}, "hits": out}  # fmt: skip
