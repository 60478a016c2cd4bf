"""The per-document extractor output kept in the store between builds.

What the extractors find in one document depends on that document, on the code of the
extractor and, for events and promises, on how the corpus resolved its names;
:class:`ExtractionCache` keeps each extractor's output under a digest of all of that, so a
rebuild runs an extractor only where one of its inputs changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import types
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Union, get_args, get_origin, get_type_hints

from dateline import __version__
from dateline.analyse.convert import Analysis
from dateline.dating.neighbours import HOW as BORROWED
from dateline.extract.events import DocumentView, EventMention, find_event_mentions
from dateline.extract.figures import FigureMention, find_figures
from dateline.extract.promises import find_promises
from dateline.model import Document, Entity, Mention, Promise
from dateline.stagecode import code_digest, module_path, read_source
from dateline.store import CachesPart
from dateline.summarise.hygiene import is_chronology_entry
from dateline.summarise.timeline import sentences_for

_FIGURES, _SENTENCES, _EVENTS, _PROMISES = "figures", "sentences", "events", "promises"
_KINDS = (_FIGURES, _SENTENCES, _EVENTS, _PROMISES)

# The module each kind of output comes from: its source, and that of every dateline module
# it imports (rules, word lists), is the code part of that kind's key (dateline.stagecode).
STAGE_MODULES: dict[str, str] = {
    _FIGURES: find_figures.__module__,
    _SENTENCES: sentences_for.__module__,
    _EVENTS: find_event_mentions.__module__,
    _PROMISES: find_promises.__module__,
}


def extraction_dates(documents: Iterable[Document]) -> dict[str, str | None]:
    """The dates the extractors resolve each document's relative days against: its
    publication date, unless borrowed from its nearest page (:mod:`dateline.dating.neighbours`),
    which places the page on the timeline but may be a day off its own "yesterday"."""
    return {d.id: None if d.published_how == BORROWED else d.published for d in documents}


# (document id, sentence index, start, end, ((YYYY-MM-DD, precision), ...))
SentenceRow = tuple[str, int, int, int, tuple[tuple[str, str], ...]]


def dated_rows(analysis: Analysis, published: str | None) -> list[SentenceRow]:
    spans = [(s.start, s.end) for s in analysis.sentences]
    found = sentences_for(analysis.document_id, analysis.text, published, spans)
    return [
        (analysis.document_id, sentence.index, dated.start, dated.end, dated.dates)
        for sentence, dated in zip(analysis.sentences, found, strict=True)
    ]


def document_figures(analysis: Analysis, published: str | None) -> list[FigureMention]:
    return find_figures(analysis.document_id, analysis.sentences, published, analysis.tokens)


def chronology_entries(text: str, rows: Iterable[SentenceRow]) -> Iterator[tuple[str, int]]:
    """(document, index) of the rows naming a day that are chronology entries."""
    for document, index, start, end, dates in rows:
        if any(precision == "day" for _, precision in dates) and is_chronology_entry(
            text[start:end]
        ):
            yield document, index


def document_part(
    analysis: Analysis, published: str | None
) -> tuple[list[FigureMention], list[SentenceRow]]:
    """What depends on the document alone: its figures and its dated sentences."""
    return document_figures(analysis, published), dated_rows(analysis, published)


def linked_part(
    analysis: Analysis,
    mentions: Sequence[Mention],
    published: str | None,
    entities: Sequence[Entity],
) -> tuple[list[EventMention], list[Promise]]:
    """What also depends on how the corpus resolved the document's names."""
    seen = _Seen(analysis, mentions, published, entities)
    return seen.events(), seen.promises()


class _Seen:
    """One document as both linked extractors read it: its :class:`DocumentView`, made
    once when first asked for, and its event mentions once found. The promise extractor
    reads the events of the same view (it would otherwise make both again), so sharing
    them halves the work and changes nothing."""

    def __init__(
        self,
        analysis: Analysis,
        mentions: Sequence[Mention],
        published: str | None,
        entities: Sequence[Entity],
    ) -> None:
        self._args = (analysis, mentions, published)
        self._entities = entities
        self._view: DocumentView | None = None
        self._events: list[EventMention] | None = None

    def view(self) -> DocumentView:
        if self._view is None:
            self._view = DocumentView(*self._args, self._entities)
        return self._view

    def events(self) -> list[EventMention]:
        view = self.view()
        self._events = find_event_mentions(*self._args, entities=self._entities, view=view)
        return self._events

    def promises(self) -> list[Promise]:
        view, events = self.view(), self._events
        return find_promises(*self._args, entities=self._entities, view=view, events=events)


def stage_digests() -> dict[str, str]:
    """Each kind's code digest: its module's with all it imports, and this module's own
    source (the encoding below)."""
    path = module_path(__name__)
    if path is None:  # pragma: no cover - this module is always found in its package
        raise ModuleNotFoundError(__name__)
    own = hashlib.sha256(read_source(path)).hexdigest()
    return {kind: _digest(code_digest(entry), own) for kind, entry in STAGE_MODULES.items()}


class ExtractionCache:
    """Per-document extractor output kept in the store, reused while its inputs hold.

    Each kind of output (figures, dated sentences, event mentions, promises) is kept under
    its own key. Figures and dated sentences depend only on the document: its clean text and
    analysis (the model's name and version), its publication date and the code of their
    extractor (:func:`stage_code`). Event mentions and promises also read how the corpus
    resolved the document's names: its mentions that name an entity (with their entity ids
    and kinds, which resolution may change), those entities' names, other spellings and
    roles, and for a document naming a numbered branch every organisation's names: everything
    the extractors take from :class:`Resolution` (see :func:`_linked_key`). A new document
    can rename or regroup an entity, or give it a role;
    the documents naming it then re-run those two extractors ("re-linked"), the rest reuse
    what is kept. An edit to one extractor's rules re-runs that extractor alone (and those
    importing its module). A row made from other inputs is never used; rows go with their
    document (ON DELETE CASCADE).
    """

    def __init__(self, store: CachesPart, model: str, documents: Iterable[Document]) -> None:
        self.store = store
        self._code = dict(stage_code())
        base = f"{__version__}\x1f{model}"
        documents = list(documents)
        dates = extraction_dates(documents)  # what the extractors are given, not the stored
        self._keys = {
            d.id: _digest(base, json.dumps(dates[d.id]), _digest(d.text)) for d in documents
        }
        self._kept = store.extractions(_KINDS)
        self._pending: list[tuple[str, str, str, bytes]] = []
        self.extracted: set[str] = set()  # documents whose figures or dated sentences ran
        self.relinked: set[str] = set()  # documents whose events or promises alone re-ran
        # the entities of the last linked_part call: by id, and the digest of every
        # organisation's names (read once per build, not once per document)
        self._corpus: tuple[Sequence[Entity], dict[str, Entity], str] | None = None

    def document_part(
        self, analysis: Analysis, published: str | None
    ) -> tuple[list[FigureMention], list[SentenceRow]]:
        doc_id = analysis.document_id
        key = self._keys[doc_id]
        figures, ran = self._kept_or_run(
            doc_id, _FIGURES, key, _FIGURE_LIST, lambda: document_figures(analysis, published)
        )
        rows, dated = self._kept_or_run(
            doc_id, _SENTENCES, key, _SENTENCE_LIST, lambda: dated_rows(analysis, published)
        )
        if ran or dated:
            self.extracted.add(doc_id)
        return figures, rows

    def linked_part(
        self,
        analysis: Analysis,
        mentions: Sequence[Mention],
        published: str | None,
        entities: Sequence[Entity],
        names: Mapping[str, str],
    ) -> tuple[list[EventMention], list[Promise]]:
        doc_id = analysis.document_id
        if self._corpus is None or self._corpus[0] is not entities:
            self._corpus = (entities, {e.id: e for e in entities}, _organisations(entities))
        _, by_id, organisations = self._corpus
        key = _digest(self._keys[doc_id], _linked_key(mentions, names, by_id, organisations))
        seen = _Seen(analysis, mentions, published, entities)
        events, found = self._kept_or_run(doc_id, _EVENTS, key, _EVENT_LIST, seen.events)
        promises, made = self._kept_or_run(doc_id, _PROMISES, key, _PROMISE_LIST, seen.promises)
        if (found or made) and doc_id not in self.extracted:
            self.relinked.add(doc_id)
        return events, promises

    def save(self) -> None:
        """Store what ran this time (inside the caller's transaction, if any)."""
        if self._pending:
            self.store.put_extractions(self._pending)
            self._pending = []

    def _kept_or_run(
        self,
        doc_id: str,
        kind: str,
        key: str,
        read: Callable[[Any], Any],
        run: Callable[[], Any],
    ) -> tuple[Any, bool]:
        """The output kept for these inputs, else what ``run`` finds (kept for next time);
        and whether ``run`` ran."""
        version = _digest(key, self._code[kind])
        kept = self._get(doc_id, kind, version)
        if kept is not None:
            return read(kept), False
        found = run()
        self._put(doc_id, kind, version, found)
        return found, True

    def _get(self, doc_id: str, kind: str, version: str) -> Any:
        """The kept value (as JSON), or None when there is none for these inputs."""
        row = self._kept.get((doc_id, kind))
        if row is None or row[0] != version:
            return None
        return json.loads(zlib.decompress(row[1]))

    def _put(self, doc_id: str, kind: str, version: str, value: object) -> None:
        data = json.dumps(_plain(value), separators=(",", ":"))  # ASCII: any str survives
        self._pending.append((doc_id, kind, version, zlib.compress(data.encode("ascii"), 1)))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _linked_key(
    mentions: Sequence[Mention],
    names: Mapping[str, str],
    entities: Mapping[str, Entity],
    organisations: str,
) -> str:
    """What the event and promise extractors read of the corpus-wide resolution, in order:
    the document's linked mentions; the canonical name, other spellings and roles of each
    entity they name (a description resolves through them: "the head of ..."); and, when
    the document names a numbered branch ("District 12"), every organisation's names (its
    parent may be named only in another document)."""
    linked = [
        (m.sentence, m.start, m.end, m.text, m.kind, m.entity_id) for m in mentions if m.entity_id
    ]
    named = []
    branch = False
    for i in sorted({i for *_, i in linked if i}):
        e = entities.get(i)
        # an organisation's other spellings (a description matches its words); a person's
        # roles, title and organisation but not their dates: each new report moves those,
        # and re-running every document naming a person for it would undo incremental builds
        aliases = sorted(e.aliases) if e and e.kind == "ORG" else []
        held = e.roles if e and e.kind == "PERSON" else ()
        roles = sorted({(r.title, r.org or "") for r in held})
        named.append((i, names.get(i), aliases, roles))
        branch = branch or any(_numbered(n) for n in (names.get(i) or "", *aliases))
    return json.dumps([linked, named, organisations if branch else ""], ensure_ascii=False)


def _numbered(name: str) -> bool:
    """A name with a number after its first word: a branch ("Local 12", "District W24")."""
    return any(c.isdigit() for word in name.split()[1:] for c in word)


def _organisations(entities: Sequence[Entity]) -> str:
    return _digest(*sorted(f"{e.id}\x1e{e.name}\x1e{'|'.join(sorted(e.aliases))}"
                           for e in entities if e.kind == "ORG"))  # fmt: skip


# The encoding: a dataclass is the list of its fields' values, a tuple or list a list, the
# rest JSON scalars (which keep int apart from float, so values come back exactly as made).
# Decoding follows the declared field types to rebuild dataclasses and tuples.


def _plain(value: object) -> Any:
    kind = type(value)
    if kind in _SCALARS:  # most values: asked first, by exact type
        return value
    fields = _fields(kind)
    if fields is not None:
        return [v if type(v) in _SCALARS else _plain(v) for v in fields(value)]
    if isinstance(value, tuple | list):
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in the extraction cache")


_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}


def _fields(kind: type) -> Callable[[Any], tuple[Any, ...]] | None:
    """A function giving a dataclass's field values in order (None for other types), made
    once per type."""
    if kind not in _FIELDS:
        get = None
        if dataclasses.is_dataclass(kind):
            names = [f.name for f in dataclasses.fields(kind)]
            getter = operator.attrgetter(*names)
            get = (lambda v: (getter(v),)) if len(names) == 1 else getter
        _FIELDS[kind] = get
    return _FIELDS[kind]


def _reader(kind: Any) -> Callable[[Any], Any]:
    """A function rebuilding a value of the type ``kind`` from its :func:`_plain` form."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = get_type_hints(kind)
        fields = dataclasses.fields(kind)
        if not all(f.init for f in fields):
            raise TypeError(f"{kind.__name__} has fields its constructor does not take")
        readers = [_reader(hints[f.name]) for f in fields]
        cls = kind
        return lambda v: cls(*(r(x) for r, x in zip(readers, v, strict=True)))
    origin, args = get_origin(kind), get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _reader(args[0])
        return lambda v: tuple(item(x) for x in v)
    if origin is tuple:
        items = [_reader(a) for a in args]
        return lambda v: tuple(r(x) for r, x in zip(items, v, strict=True))
    if origin is list:
        item = _reader(args[0])
        return lambda v: [item(x) for x in v]
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            inner = _reader(options[0])
            return lambda v: None if v is None else inner(v)
        if all(_is_scalar(a) for a in options):
            return _same
        raise TypeError(f"cannot read {kind!r} from the extraction cache")
    if _is_scalar(kind):
        return _same
    raise TypeError(f"cannot read {kind!r} from the extraction cache")


def _is_scalar(kind: Any) -> bool:
    return kind in (str, int, float, bool)


def _same(value: Any) -> Any:
    return value


_FIGURE_LIST = _reader(list[FigureMention])
_EVENT_LIST = _reader(list[EventMention])
_PROMISE_LIST = _reader(list[Promise])
_SENTENCE_LIST = _reader(list[SentenceRow])


def stage_code() -> dict[str, str]:
    """:func:`stage_digests`, computed once per process when a build first needs them (not
    at import: reading the stages' sources costs every command that only queries a store a
    fifth of a second). ``STAGE_CODE`` holds them from then on; a test may set it."""
    code: dict[str, str] | None = globals().get("STAGE_CODE")
    if code is None:
        code = globals()["STAGE_CODE"] = stage_digests()
    return code


def __getattr__(name: str) -> dict[str, str]:
    if name == "STAGE_CODE":
        return stage_code()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
