"""Plain data objects passed between pipeline stages.

No I/O and no third-party types live here: every stage takes and returns these,
so they can be pickled (Dask), stored and exported without conversion.

Offsets: a document has a ``raw`` text (as read) and a ``text`` (clean). The clean
text is the raw text with a list of :class:`Edit` applied; an edit replaces the raw
span ``[start, end)`` by ``replacement`` (empty for a removal). Every derived record
points into the clean text with a :class:`Source`, and
:class:`dateline.clean.offsets.OffsetMap` maps clean offsets back to raw ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """A span of one document's clean text that supports a claim."""

    document_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edit:
    """One change from raw to clean text: raw ``[start, end)`` becomes ``replacement``.

    ``reason`` says why (``"date header"``, ``"related-article teasers"``...), so the
    dossier can show and undo every removal.
    """

    start: int
    end: int
    reason: str
    replacement: str = ""

    @property
    def is_removal(self) -> bool:
        return self.replacement == ""


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A possible publication date and how it was found.

    ``how`` is one of: ``header``, ``html-meta``, ``record``, ``dateline``,
    ``duplicate``, ``inferred``, ``path``.
    """

    value: str  # YYYY-MM-DD
    how: str
    evidence: str


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader found in one file (or one record of a JSON file).

    ``raw`` is the article text as read: the whole decoded file for plain text, the
    body extracted from an HTML page, the ``text`` field of a JSON record.
    ``markup`` keeps the original HTML untouched. ``edits`` are the structural parts the
    reader recognised (a date header line, a title line), to be removed from the body.
    """

    path: str
    record: int
    format: str  # "text" | "html" | "json"
    raw: str
    title: str | None = None
    url: str | None = None
    markup: str | None = None
    edits: tuple[Edit, ...] = ()
    date_candidates: tuple[DateCandidate, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaner's output: clean text plus every edit that produced it (sorted)."""

    text: str
    edits: tuple[Edit, ...]
    # Why the page is not an article (an error or refusal page, a list of links), or None.
    not_article: str | None = None


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """The chosen publication date (or none) and the reason for the choice."""

    value: str | None  # YYYY-MM-DD
    how: str | None
    why: str


@dataclass(frozen=True, slots=True)
class Document:
    """A stored article: raw and clean text, its edits, date and duplicate link."""

    id: str
    path: str
    record: int
    format: str
    raw: str
    text: str
    edits: tuple[Edit, ...] = ()
    title: str | None = None
    url: str | None = None
    markup: str | None = None
    content_hash: str = ""
    published: str | None = None
    published_how: str | None = None
    published_why: str = ""
    duplicate_of: str | None = None
    duplicate_how: str | None = None  # "exact" | "near"
    duplicate_score: float | None = None
    date_candidates: tuple[DateCandidate, ...] = field(default=())
    # Why the page is not an article (see CleanResult), or None: such a page is stored and
    # searchable but never cited as evidence.
    not_article: str | None = None


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file (or record) that could not be read, and why. The batch goes on."""

    path: str
    problem: str
    line: int | None = None  # 1-based line of a JSON Lines file, or the list index + 1

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path} line {self.line}"
        return f"{where}: {self.problem}"


# Search snippets mark a match with private-use code points: unlike brackets, they do not
# occur in article text (the cleaner never produces them), so a mark is never misread.
MATCH_START = "\ue000"
MATCH_END = "\ue001"


def snippet_spans(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A marked snippet as plain text and the (start, end) offsets of its matches."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    start: int | None = None
    for part in re.split(f"([{MATCH_START}{MATCH_END}])", snippet):
        if part == MATCH_START:
            start = size
        elif part == MATCH_END:
            if start is not None and size > start:
                spans.append((start, size))
            start = None
        else:
            plain.append(part)
            size += len(part)
    return "".join(plain), spans


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: str
    title: str | None
    path: str
    published: str | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What one run of the corpus stages derived."""

    documents: int
    analysed: int  # texts the model had to read this time (the rest came from the cache)
    entities: int
    events: int
    figures: int
    promises: int
    # documents every per-document extractor ran over this time (new, or changed in text,
    # date, model or code); the rest reused what the store kept
    extracted: int = 0
    # other documents whose event and promise extractors re-ran because resolution renamed
    # or regrouped an entity they name
    relinked: int = 0


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did (and the rebuild after it, when one ran)."""

    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    problems: tuple[ReadProblem, ...] = ()
    build: BuildReport | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


# -- analysis and extraction ---------------------------------------------------------
# Offsets are into the document's clean text; `Source` carries them to every record.


@dataclass(frozen=True, slots=True)
class Sentence:
    document_id: str
    index: int  # position in the document
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a sentence: spaCy's label after rule fixes, and the entity it resolves to."""

    document_id: str
    sentence: int
    start: int
    end: int
    text: str  # as written in the clean text (with diacritics)
    kind: str  # PERSON | ORG | GPE | FAC | LOC | NORP
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A title held by an entity, seen between two dates, with the spans that say so."""

    title: str
    org: str | None
    first_seen: str | None  # YYYY-MM-DD
    last_seen: str | None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str  # canonical, with diacritics where the corpus has them
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Participant:
    entity_id: str
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, dated to when it happened, with every report of it."""

    id: str
    type: str  # PLOVER-aligned: CONSULT, AGREE, AID, REQUEST, ...
    title: str
    date: str | None  # YYYY-MM-DD, first day of the period
    precision: str | None  # day | month | year
    end_date: str | None = None
    location: str | None = None
    participants: tuple[Participant, ...] = ()
    sources: tuple[Source, ...] = ()
    background: bool = False  # a dated reference to an older event


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported number: money or a count, with what it counts and when it holds."""

    id: str
    subject: str
    value: float
    unit: str
    previous: float | None = None
    as_of: str | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Promise:
    """An invitation, plan, pledge, request or proposal, and whether it was kept."""

    id: str
    kind: str  # invitation | plan | pledge | request | proposal
    actor: str | None
    text: str
    made_on: str | None
    due: str | None = None
    target: str | None = None
    status: str = "open"  # open | fulfilled
    fulfilled_by: str | None = None
    sources: tuple[Source, ...] = ()


# -- views over the dossier -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Corroboration:
    """How many independent reports back a record, and whether to trust it less.

    ``documents`` counts every article (reprints included), ``outlets`` the distinct
    publishers (a reprint in another outlet counts; the same outlet twice does not),
    ``stories`` the distinct stories (duplicate groups).
    """

    documents: int
    outlets: int
    stories: int
    single_source: bool
    speculative: bool  # every report comes from a self-declared speculative piece
    # Each independent story behind the record: its root (first stored copy) and the cited
    # documents that carry it, root first when cited (the others are its copies).
    reports: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """Someone an entity shared events with, and how often."""

    entity_id: str
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class EntityProfile:
    entity: Entity
    events: tuple[Event, ...]
    met: tuple[Meeting, ...]
