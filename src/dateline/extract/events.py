"""Event mentions: sentences that report something happening, with who, where and when.

:func:`find_event_mentions` reads one analysed document through its tokens (no model
call): a trigger word from :mod:`dateline.extract.ontology` reports an event when its
clause is factual (no hope, plan, condition, question or negation above it; a future
clause only with a date, as a scheduled event), when a nominal trigger is anchored (a
date, a predicate such as "held" or "took place", or its parties: "talks between A and
B", "Hegseth's visit"), and when it does not sum up results over time ("so far").

Dates come from the document's time expressions resolved against the publication date;
the one attached to the trigger (its own phrase, or the clause of its predicate) dates
the event. An act with no date of its own ("The talks ended with an exchange of
memorabilia", "Giang asked the US side to ...") takes the date of the document's lead
event, the meeting the article reports. Participants are the named people, countries
and organisations linked to the trigger (subject, object, "with", "between", "by"),
pronouns and descriptions ("the minister") resolved to the person they stand for, and
descriptions of a body ("the union", "union members", "its offer", "the head of the
Pentagon") to the organisation, or the person heading it, that the document names.

:class:`DocumentView` is shared with :mod:`dateline.extract.promises`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from dateline.analyse.convert import Analysis, children
from dateline.analyse.rules import AGENCIES, TITLE_HEADS
from dateline.analyse.timex import TimeExpression, read_time_expressions
from dateline.extract import ontology as onto
from dateline.lexicon.calendar import weekday_number
from dateline.lexicon.names import HONORIFICS, RANKS, bare
from dateline.lexicon.places import country_of
from dateline.lexicon.words import word_set
from dateline.model import Entity, Mention, Participant, Sentence, Source
from dateline.resolve.roles import title_before

__all__ = ["DocumentView", "EventMention", "find_event_mentions", "mentions_in_view"]

# --- Lexicon ---------------------------------------------------------------------------


# Lemmas the model gets wrong on this kind of text ("hoped" -> "hop").
LEMMA_FIXES: dict[str, str] = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}
# Pronouns standing for a person: s = subject-like, o = object, p = possessive.
PRONOUNS: dict[str, str] = {"he": "s", "she": "s", "him": "o", "her": "o", "his": "p"}
# Heads of a description that stands for a person named before ("the minister").
DESCRIPTION_HEADS = word_set(
    "minister general president secretary ambassador leader chief premier chairman envoy deputy"
)
# Title words an article's lede may give before it names the person ("a spokesperson").
LEDE_TITLES = DESCRIPTION_HEADS | word_set("spokesperson spokesman spokeswoman")
# Nouns for the person at the head of a body ("the head of the Pentagon", "the ministry's
# chief"), and the title words of an office that heads a body.
HEAD_NOUNS = word_set("head chief leader boss")
HEAD_TITLES = word_set(
    "secretary minister president chief director chairman chairwoman chair head leader ceo "
    "commander governor mayor premier"
)
# Title words of an office under the head: its holder is not "the head of" the body.
UNDER_TITLES = word_set("deputy assistant vice under spokesman spokeswoman spokesperson press")
# The people of a body, qualified by its kind ("union members", "union leadership").
MEMBER_NOUNS = word_set(
    "member membership leader leadership negotiator official officer representative "
    "delegate spokesperson spokesman spokeswoman president chief head boss executive "
    "committee statement"
)
# Subject pronouns standing for a body or country that speaks ("Acme said it ...").
BODY_SUBJECTS = word_set("it")
# Possessive pronouns standing for a body or country ("Acme withdrew its offer").
BODY_POSSESSIVES = word_set("its")
# Kinds whose deal noun's own modifiers name parties ("its offer made to the union").
DEAL_KINDS = word_set("offer rejection withdrawal deal")
# Verbs by which a deal noun is put to the other side ("an offer made to the union").
PROPOSING_LEMMAS = word_set("make propose present offer put submit extend table send")
# Nouns of events and deals: never a description of a body ("the strike", "the deal").
EVENT_NOUNS = frozenset(t.lemma for t in onto.TRIGGERS) | onto.DEAL_NOUNS | onto.DOCUMENT_NOUNS
# Generational suffixes of names: alone, they name no one.
NAME_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")
# Dependencies of a word written before the noun it qualifies.
PREMODIFIERS = word_set("compound nmod amod poss")
# Dependencies that open a new clause: a participant is never reached through one.
CLAUSE_DEPS = word_set("relcl acl advcl ccomp xcomp csubj pcomp parataxis")
# Verbs whose object does what follows ("invited Hegseth to pay a visit").
OBJECT_CONTROL = word_set("invite ask urge tell persuade allow help encourage request permit")
# Prepositions that attach a party to an event, and those that attach a place.
PARTY_PREPS = word_set("with between by of to among")
PLACE_PREPS = word_set("in at")
PARTY_KINDS = frozenset({"PERSON", "ORG", "GPE"})
PLACE_KINDS = frozenset({"GPE", "FAC", "LOC"})
NEGATIVE_DETERMINERS = word_set("no neither")
# Conjunctions opening a clause that presupposes its event ("after workers returned").
FACTIVE_MARKS = word_set("after since because")
# Ways a modal auxiliary can go: "will" schedules, the others speculate.
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
SENTENCE_END = tuple('.!?"”’)')
# "on the same day", "earlier in the day" repeat the date just given.
SAME_DAY = re.compile(
    r"\b(?:on\s+)?the\s+same\s+day\b|\b(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day\b",
    re.IGNORECASE,
)
# After a dateline place: an optional date, an optional agency, then a dash.
DATELINE_TAIL = re.compile(r"(?:,[^\n—–]{0,30}?)?\s*(?:\([A-Z]{2,6}\)\s*)?(?:[—–-]|:)\s")
ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth"
)
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORDINALS.split(), start=1)}
# How far into an article a dateline can be (after a headline and a lede).
DATELINE_REACH = 1500
# How many days before publication the lead event of an article may lie.
LEAD_DAYS = 3
# How many sentences open an article (its lede): what they report is its news.
LEDE_UNITS = 4
# A dated reference this many days older than its article is background.
BACKGROUND_DAYS = 30


# --- Records -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventMention:
    """One sentence's report of one event, before mentions are merged into events.

    ``date``..``end`` is the period the text gives (one day, a month, a range);
    ``span`` the wider period the event may lie in when that date only bounds it
    ("ended a two-day visit on Monday");
    ``hosts`` lists the entity ids of hosts (receptions) in order; ``key`` is a
    distinctive name key ("13|meeting": the 13th of a series of meetings); ``thing`` is
    what is signed or exchanged; ``phrase`` is the object as written, for titles;
    ``location`` is a display name.
    """

    document_id: str
    type: str
    kind: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source: Source
    participants: tuple[Participant, ...] = ()
    location: str | None = None
    date: str | None = None
    end: str | None = None
    precision: str | None = None
    background: bool = False
    scheduled: bool = False
    published: str | None = None
    name: str | None = None
    key: str | None = None
    thing: str | None = None
    phrase: str | None = None
    hosts: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # entity ids of the participants who are people
    location_id: str | None = None
    span: tuple[str, str] | None = None
    lemma: str = ""
    described: bool = False  # parties given as "the two ministers", "both sides"
    # "MM-DD" of a month and day written without a year in an undated article
    # ("on September 13"): not a date, but it tells which dated report it can join
    day: str | None = None
    # "happened" or "planned" (scheduled with a future date); hypothetical and denied
    # clauses make no mention
    mode: str = "happened"
    # the date is the article's own, given to a lede event reported without one
    from_published: bool = False
    # the weekday (Monday = 0) an undated article gives with no date ("on Monday"): not
    # a date, but it tells which dated report of the collection it can join
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence as reported: parser sentences cut at a rank abbreviation are rejoined,
    a headline glued in front is cut off. ``[first, last)`` are its tokens."""

    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Time:
    """A resolved time expression on the tokens; ``bound`` if it opens or closes a
    period ("since August 2024") instead of dating an event."""

    start: int
    end: int
    value: str
    end_value: str
    precision: str
    direction: str
    head: int
    bound: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """How a token reaches a trigger: the node reached, the last edge, the preposition
    nearest the trigger and the one nearest the token."""

    target: int
    dep: str
    prep: str | None
    first_prep: str | None = None


# --- The document view -------------------------------------------------------------------


class _Corpus:
    """The collection's entities as one document's view reads them: by id, with each
    organisation's names. Made once per entity list, not once per document (every view of
    a build shares the list)."""

    _last: _Corpus | None = None

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = entities
        self.size = len(entities)  # a list grown or shrunk in place is indexed anew
        self.position = {e.id: i for i, e in enumerate(entities)}
        self._orgs: dict[str, set[str]] | None = None

    @classmethod
    def of(cls, entities: Sequence[Entity]) -> _Corpus:
        last = cls._last
        if last is None or last.entities is not entities or last.size != len(entities):
            last = cls._last = cls(entities)
        return last

    def by_id(self, ids: Iterable[str | None]) -> list[Entity]:
        """The entities of ``ids`` (unknown ones left out), in the list's order."""
        found = sorted(self.position[i] for i in ids if i is not None and i in self.position)
        return [self.entities[k] for k in found]

    def org_names(self) -> dict[str, set[str]]:
        """Each organisation's names, lower case, spaces collapsed; in the list's order."""
        if self._orgs is None:
            self._orgs = {
                e.id: {" ".join(n.lower().split()) for n in (e.name, *e.aliases)}
                for e in self.entities
                if e.kind == "ORG"
            }
        return self._orgs


class DocumentView:
    """One analysed document seen through its tokens: units, names, dates, referents."""

    def __init__(
        self,
        analysis: Analysis,
        mentions: Iterable[Mention],
        published: str | None,
        entities: Iterable[Entity] | None = None,
    ) -> None:
        self.id = analysis.document_id
        self.text = analysis.text
        self.tokens = analysis.tokens
        self.published = published
        self.reference = _date(published)
        self.children = children(self.tokens)
        # each token's lemma as the rules read it, made once: the rules ask several times a token
        self._lemmas = [LEMMA_FIXES.get(t.text.lower(), t.lemma.lower()) for t in self.tokens]
        # the tokens the trigger lexicon may read as an event (see _triggers), in order
        self.lexical = [i for i, t in enumerate(self.tokens) if _in_lexicon(self._lemmas[i], t.pos)]
        self._starts = [t.start for t in self.tokens]
        own = [m for m in mentions if m.document_id == self.id and m.entity_id]
        self.mentions = sorted(own, key=lambda m: m.start)
        pool = entities if isinstance(entities, Sequence) else list(entities or ())
        self.corpus = _Corpus.of(pool)  # every entity, for a parent named elsewhere
        ids = {m.entity_id for m in own}
        # in the collection's order, found by id: scanning every entity for each document
        # grew with the documents times the entities
        self.entities = {e.id: e for e in self.corpus.by_id(ids)}
        self.mention_at: dict[int, Mention] = {}
        self.mention_head: dict[tuple[int, int], int] = {}
        self._index_mentions()
        self.kinds = {m.entity_id: m.kind for m in self.mentions if m.entity_id}
        self.names = _names(self.mentions, self.entities.values())
        self.virtual: dict[int, int] = {}
        self.units = _units(self, analysis)
        self.unit_of = _unit_index(self)
        # an undated article's days are also resolved against two references a year apart
        found, *probed = read_time_expressions(
            self.text, (self.reference, *(_PROBES if self.reference is None else ()))
        )
        self.times = _times(self, found)
        self.partial_times = _partial_times(self, probed)
        self.weekday_times = _weekday_times(self, probed)
        self.dateline = _dateline(self)
        tail = self.dateline and DATELINE_TAIL.match(self.text, self.dateline.end)
        self.dateline_end = tail.end() if tail else 0  # "RENTON, Wash. —": all of it is where
        self.absorbed: set[int] = set()  # names inside a description resolved as a whole
        self.referents = _Referents(self).resolve()

    # tokens and the tree

    def token_at(self, offset: int) -> int:
        """The index of the token starting at or containing ``offset``."""
        i = bisect_left(self._starts, offset)
        if i < len(self.tokens) and self.tokens[i].start == offset:
            return i
        return max(0, i - 1)

    def head(self, i: int) -> int:
        return self.virtual.get(i, self.tokens[i].head)

    def lemma(self, i: int) -> str:
        return self._lemmas[i]

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def is_definite(self, i: int) -> bool:
        """Whether noun ``i`` takes "the" ("the ceremony", "the dispute")."""
        return any(self.tokens[d].text.lower() == "the" for d in self.kids(i, "det"))

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        while (j := self.head(i)) not in seen:
            yield j
            seen.add(j)
            i = j

    def subtree(self, i: int, skip: Iterable[int] = ()) -> list[int]:
        """``i`` and its descendants, leaving out the subtrees rooted at ``skip``."""
        out, stack, banned = [], [i], set(skip)
        while stack:
            j = stack.pop()
            if j in banned and j != i:
                continue
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def is_verb(self, i: int) -> bool:
        return self.tokens[i].pos in ("VERB", "AUX")

    def entity_at(self, i: int) -> str | None:
        """The entity a token names or stands for (a name, pronoun or description)."""
        m = self.mention_at.get(i)
        return m.entity_id if m else self.referents.get(i)

    def mention_head_of(self, m: Mention) -> int:
        return self.mention_head[(m.start, m.end)]

    def unit_mentions(self, unit: Unit) -> list[Mention]:
        return [m for m in self.mentions if unit.start <= m.start < unit.end]

    def source(self, unit: Unit) -> Source:
        return Source(self.id, unit.start, unit.end)

    def is_person(self, entity_id: str | None) -> bool:
        return entity_id is not None and self.kinds.get(entity_id) == "PERSON"

    def _index_mentions(self) -> None:
        for m in self.mentions:
            first, last = self.token_at(m.start), self.token_at(max(m.start, m.end - 1))
            span = range(first, last + 1)
            for i in span:
                self.mention_at[i] = m
            outside = [i for i in span if self.tokens[i].head not in span]
            self.mention_head[(m.start, m.end)] = outside[0] if outside else last

    # time

    def times_in(self, unit: Unit) -> list[Time]:
        return [t for t in self.times if unit.start <= t.start < unit.end]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _names(mentions: Sequence[Mention], entities: Iterable[Entity] | None) -> dict[str, str]:
    """Display names: canonical when entities are given, else the fullest spelling here."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.entity_id and len(m.text) > len(names.get(m.entity_id, "")):
            names[m.entity_id] = " ".join(m.text.split())
    for e in entities or ():
        if e.id in names:
            names[e.id] = e.name
    return names


# --- Units -------------------------------------------------------------------------------


def _ends_with_rank(text: str) -> bool:
    words = text.split()
    if not words or not words[-1].endswith("."):
        return False
    word = bare(words[-1])
    return word in RANKS or word in HONORIFICS


def _ends_sentence(text: str) -> bool:
    """Whether text ends a sentence: a stop, perhaps inside closing quotes or brackets
    ('said."', 'Hanoi.)'); a closing bracket alone ("(DOD)") ends none."""
    return text.rstrip().rstrip("\"”’')").endswith((".", "!", "?"))


def _units(view: DocumentView, analysis: Analysis) -> list[Unit]:
    """Sentences as written: rejoin parser splits, cut off a glued headline."""
    groups: list[list[int]] = []
    sentences = analysis.sentences
    for k, s in enumerate(sentences):
        prev = sentences[k - 1] if k else None
        gap = view.text[prev.end : s.start] if prev else "\n"
        joined = (
            prev is not None
            and "\n" not in gap
            and (_ends_with_rank(prev.text) or not _ends_sentence(prev.text))
        )
        if groups and prev and joined:
            _join(view, prev, s)
            groups[-1].append(k)
        else:
            groups.append([k])
    return [_unit(view, sentences[g[0]].start, sentences[g[-1]].end) for g in groups]


def _join(view: DocumentView, prev: Sentence, sentence: Sentence) -> None:
    """Hang the roots of a rejoined fragment under the last word before the cut."""
    first, last = view.token_at(sentence.start), view.token_at(sentence.end - 1)
    before = view.token_at(prev.end - 1)
    while before > 0 and view.tokens[before].pos in ("PUNCT", "SPACE"):
        before -= 1
    for i in range(first, last + 1):
        if view.tokens[i].head == i:
            view.virtual[i] = before


def _unit(view: DocumentView, start: int, end: int) -> Unit:
    text = view.text[start:end]
    cut = text.rfind("\n")
    if cut >= 0 and not text[:cut].rstrip().endswith(SENTENCE_END):
        start += cut + 1
        while start < end and view.text[start].isspace():
            start += 1
    first = view.token_at(start)
    last = view.token_at(end - 1) + 1
    return Unit(start, end, first, last)


def _unit_index(view: DocumentView) -> list[int]:
    index = [-1] * len(view.tokens)
    for k, unit in enumerate(view.units):
        for i in range(unit.first, unit.last):
            index[i] = k
    return index


# --- Time ----------------------------------------------------------------------------


def _times(view: DocumentView, found: Sequence[TimeExpression]) -> list[Time]:
    """The times of ``found``, the document's expressions against its own date."""
    times = [
        _time(view, x.start, x.end, x.value, x.end_value, x.precision, x.direction) for x in found
    ]
    return sorted(times + _echoes(view, times), key=lambda t: t.start)


def _time(
    view: DocumentView, start: int, end: int, value: str, last: str, precision: str, way: str
) -> Time:
    first_tok, last_tok = view.token_at(start), view.token_at(max(start, end - 1))
    span = range(first_tok, last_tok + 1)
    outside = [i for i in span if view.tokens[i].head not in span]
    head = outside[0] if outside else last_tok
    before = view.text[max(0, start - 12) : start].split()
    opener = bool(before) and before[-1].lower() in onto.PERIOD_OPENERS
    years = precision == "year" and value[:4] != last[:4]  # "1995-2025" spans, not dates
    return Time(start, end, value, last, precision, way, head, opener or years)


# Two references a year apart: a month and day resolve to the same day of the year
# against both, a weekday or "yesterday" does not.
_PROBES = (dt.date(2023, 7, 1), dt.date(2024, 7, 1))
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _partial_times(view: DocumentView, probed: Sequence[Sequence[TimeExpression]]) -> list[Time]:
    """Month-and-day dates without a year ("on Sept. 13") in an undated article, from its
    expressions ``probed`` against ``_PROBES`` (none for a dated article); their ``value``
    is "MM-DD". With a publication date they are resolved as usual."""
    if not probed:
        return []
    first, second = probed
    days = {(x.start, x.end): x.value[5:] for x in second if x.precision == "day"}
    out = []
    for x in first:
        text = view.text[x.start : x.end]
        if x.precision != "day" or x.value != x.end_value or _YEAR.search(text):
            continue
        if days.get((x.start, x.end)) != x.value[5:] or not any(c.isdigit() for c in text):
            continue
        out.append(_time(view, x.start, x.end, x.value[5:], x.value[5:], "day", "past"))
    return out


def _weekday_times(view: DocumentView, probed: Sequence[Sequence[TimeExpression]]) -> list[Time]:
    """Weekdays written without a date ("on Monday", "Monday night") in an undated
    article, from its ``probed`` expressions; their ``value`` is the weekday's number
    (Monday = 0)."""
    if not probed:
        return []
    out = []
    for x in probed[0]:
        words = view.text[x.start : x.end].split()
        days = {n for w in words if (n := weekday_number(w.strip(",."))) is not None}
        if x.precision != "day" or len(days) != 1 or any(c.isdigit() for c in "".join(words)):
            continue
        (n,) = days
        if dt.date.fromisoformat(x.value).weekday() == n:
            out.append(_time(view, x.start, x.end, str(n), str(n), "day", "past"))
    return out


def _echoes(view: DocumentView, times: Sequence[Time]) -> list[Time]:
    """'on the same day' takes the date given just before it (in its sentence, else in
    the sentence before)."""
    out = []
    for m in SAME_DAY.finditer(view.text):
        k = view.unit_of[view.token_at(m.start())]
        if k < 0:
            continue  # in a headline cut off its sentence
        floor = view.units[max(0, k - 1)].start  # "On the same day, ..." opens a sentence
        unit = view.units[k]
        before = [t for t in times if unit.start <= t.start < m.start() and not t.bound]
        before = before or [t for t in times if floor <= t.start < unit.start and not t.bound]
        days = [t for t in before if t.precision == "day" and t.value == t.end_value]
        if before:
            t = (days or before)[-1]  # "the same day": a day, not the visit's days
            head = view.token_at(m.end() - 1)
            out.append(replace(t, start=m.start(), end=m.end(), head=head))
    return out


# --- Datelines -------------------------------------------------------------------------


def _dateline(view: DocumentView) -> Mention | None:
    """The place of a dateline ("Hanoi (VNA) –", "HÀ NỘI —") at the start of a line."""
    for m in view.mentions:
        if m.kind not in PLACE_KINDS or m.start > DATELINE_REACH:
            continue
        at_line_start = m.start == 0 or view.text[m.start - 1] == "\n"
        if at_line_start and DATELINE_TAIL.match(view.text, m.end):
            return m
    return None


# --- Referents ---------------------------------------------------------------------------


class _Referents:
    """Pronouns and descriptions resolved to the person they stand for, unit by unit.

    A subject pronoun or possessive is the nearest person subject before it in its
    sentence, else the last person subject of an earlier sentence; an object pronoun is
    the last person named that is not its clause's subject; "the minister" is the last
    person written with that title word.
    """

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.titles = _title_words(view)
        self.last_subject: str | None = None
        self.seen: list[str] = []
        self.found: dict[int, str] = {}

    def resolve(self) -> dict[int, str]:
        for unit in self.view.units:
            subjects: list[str] = []
            for i in range(unit.first, unit.last):
                entity = self._entity(i, subjects)
                if entity is None or not self.view.is_person(entity):
                    continue
                if i not in self.view.mention_at:
                    self.found[i] = entity
                if _in_subject(self.view, i):
                    subjects.append(entity)
                self.seen.append(entity)
            if subjects:
                self.last_subject = subjects[0]
        self._bodies()
        return self.found

    def _bodies(self) -> None:
        """Descriptions of a body ("the union", "union members", "the planemaker"), the
        head of a body ("the head of the Pentagon") and a body's possessive ("Acme
        withdrew its offer"), resolved to what the document names."""
        view = self.view
        words = _body_words(view)
        parents = _parents(view, words)
        for i, t in enumerate(view.tokens):
            if i in view.mention_at or i in self.found:
                continue
            entity = None
            if t.pos == "PRON" and t.dep == "poss" and t.text.lower() in BODY_POSSESSIVES:
                entity = self._owner(i)
            elif (
                t.pos == "PRON"
                and t.dep in ("nsubj", "nsubjpass")
                and t.text.lower() in BODY_SUBJECTS
            ):
                entity = self._speaker(i)
            elif _common_noun(view, i) and self._described(i) and not _naming(view, i):
                lemma = view.lemma(i)
                if lemma in HEAD_NOUNS:
                    entity = self._head_of(i)
                # "the parties" is no "Democratic Party": a plural fits a plural name word
                key = t.text.lower() if t.tag in ("NNS", "NNPS") else lemma
                if entity is None and lemma not in EVENT_NOUNS:
                    entity = _fitting(key, words, parents)
            if entity is not None:
                self.found[i] = entity

    def _speaker(self, i: int) -> str | None:
        """The body a subject "it" stands for in what that body says ("Acme said it
        reached a deal", "the union's committee announced it would ..."): the speaker."""
        view = self.view
        verb = view.head(i)
        said = view.head(verb)
        if view.tokens[verb].dep != "ccomp" or view.lemma(said) not in onto.ANNOUNCING_LEMMAS:
            return None
        s = subject_of(view, said)
        if s is None:
            return None
        entity = view.entity_at(s) if s in view.mention_at else self.found.get(s)
        if entity is None and s not in view.mention_at:
            # the view's referents are being built: read names and what is found so far
            owners = [
                view.mention_at[c].entity_id if c in view.mention_at else self.found.get(c)
                for c in view.kids(s, "poss")
            ]
            entity = next((e for e in owners if e), None)
        return entity if view.kinds.get(entity or "") in ("ORG", "GPE") else None

    def _described(self, i: int) -> bool:
        """A definite description: "the union", "the union's", "its union", or a noun
        qualifying another ("union members", "union leadership")."""
        view, t = self.view, self.view.tokens[i]
        owners = [view.tokens[p] for p in view.kids(i, "poss")]
        if self.view.is_definite(i) or any(
            o.pos != "PRON" or o.text.lower() == "its" for o in owners
        ):
            return True  # not "our forces", a speaker's own
        up = view.head(i)
        return t.dep == "compound" and view.lemma(up) in MEMBER_NOUNS

    def _owner(self, i: int) -> str | None:
        """The body or country a possessive "its" stands for: its clause's subject."""
        view = self.view
        verb = next((a for a in view.ancestors(i) if view.is_verb(a)), None)
        s = subject_of(view, verb) if verb is not None else None
        if s is None or s == i or _in_dateline(view, s):
            return None
        entity = view.entity_at(s) if s in view.mention_at else self.found.get(s)
        return entity if view.kinds.get(entity or "") in ("ORG", "GPE") else None

    def _head_of(self, i: int) -> str | None:
        """The person the document names who heads the body in "the head of X" ("X's
        chief"): the only one whose office, as resolution read it, leads that body."""
        view = self.view
        bodies = [c for c in view.kids(i, "poss", "compound")]
        bodies += [o for p in view.kids(i, "prep") if view.lemma(p) == "of" for o in view.kids(p)]
        for b in bodies:
            m = view.mention_at.get(b)
            if m is None or m.kind != "ORG" or not m.entity_id:
                continue
            body = view.entities.get(m.entity_id)
            names = {view.names.get(m.entity_id, m.text), *(body.aliases if body else ())}
            people = {p.entity_id for p in view.mentions if p.kind == "PERSON" and p.entity_id}
            how = {p: _heads(view.entities.get(p), names, view.published) for p in people}
            heads = [p for p, n in how.items() if n]
            if len(heads) > 1:  # two holders of the office: the one in force then
                heads = [p for p in heads if how[p] == 2]
            if len(heads) == 1:
                view.absorbed.update(j for j, n in view.mention_at.items() if n is m)
                return heads[0]
        return None

    def _entity(self, i: int, subjects: list[str]) -> str | None:
        view, t = self.view, self.view.tokens[i]
        m = view.mention_at.get(i)
        if m is not None:
            return m.entity_id if i == view.mention_head_of(m) else None
        way = PRONOUNS.get(t.text.lower()) if t.pos == "PRON" else None
        if way in ("s", "p"):
            return subjects[-1] if subjects else self.last_subject
        if way == "o":
            mine: set[str | None] = set(subjects) or {self.last_subject}
            return next((e for e in reversed(self.seen) if e not in mine), None)
        if t.tag == "NN" and view.lemma(i) in DESCRIPTION_HEADS and self.view.is_definite(i):
            word = view.lemma(i)
            return next((e for e in reversed(self.seen) if word in self.titles.get(e, ())), None)
        if t.tag == "NN" and view.lemma(i) in LEDE_TITLES and self._indefinite(i):
            return self._introduced(i)
        return None

    def _indefinite(self, i: int) -> bool:
        dets = self.view.kids(i, "det")
        return any(self.view.tokens[d].text.lower() in ("a", "an") for d in dets)

    def _introduced(self, i: int) -> str | None:
        """ "A military spokesperson on Friday denounced ... Zhang, spokesperson for the
        ministry, said": an indefinite title word in an article's lede stands for the one
        person the next sentences name with it, when no one was named with it before."""
        view, word = self.view, self.view.lemma(i)
        unit = view.unit_of[i]
        if not 0 <= unit < LEDE_UNITS or any(word in self.titles.get(e, ()) for e in self.seen):
            return None
        later = view.units[unit + 1 : unit + 3]
        named = {
            m.entity_id
            for u in later
            for m in view.unit_mentions(u)
            if m.kind == "PERSON" and word in _titled(view, m)
        }
        return named.pop() if len(named) == 1 else None


def _in_dateline(view: DocumentView, i: int) -> bool:
    m = view.mention_at.get(i)
    return m is not None and view.dateline is not None and m.start < view.dateline_end


def _common_noun(view: DocumentView, i: int) -> bool:
    """A common noun, or one the tagger took for a name as it opens a line or follows a
    dateline's colon ("NEW YORK: Union negotiators")."""
    t = view.tokens[i]
    if t.pos == "NOUN":
        return True
    if t.pos != "PROPN":
        return False
    before = view.text[view.tokens[i - 1].start : t.start] if i else "\n"
    return "\n" in before or before.strip() in (":", "—", "–")


def _naming(view: DocumentView, i: int) -> bool:
    """Whether a noun stands beside a name of its own ("the union, the IAM"): the name
    says who, the noun adds nothing."""
    if any(a in view.mention_at for a in view.kids(i, "appos")):
        return True
    return view.tokens[i].dep == "appos" and view.head(i) in view.mention_at


def _titled(view: DocumentView, m: Mention) -> set[str]:
    """The title words the parse joins to a name ("spokesperson Zhang", "Zhang,
    spokesperson for ...")."""
    h = view.mention_head_of(m)
    kids = view.kids(h, "compound", "appos")
    return {view.lemma(k) for k in kids if k not in view.mention_at}


def _heads(person: Entity | None, body: set[str], published: str | None) -> int:
    """How a person holds an office heading ``body`` (one of its names): 0 not, 1 at
    some time, 2 seen in force in the month of ``published``."""
    found = 0
    for role in person.roles if person else ():
        words = {bare(w) for w in role.title.lower().split()}
        if role.org not in body or not words & HEAD_TITLES or words & UNDER_TITLES:
            continue
        seen = (role.first_seen or "")[:7], (role.last_seen or "")[:7]
        found = max(found, 2 if published and seen[0] <= published[:7] <= seen[1] else 1)
    return found


def _name_words(name: str) -> set[str]:
    """The nouns a name can be described by: its words that name a kind of body ("the
    union" of "Acme Workers Union"), singular, and plural as written ("forces")."""
    if len(name.split()) < 2:
        return set()  # "Solidarity" named as a body: "the solidarity" is no shortening of it
    out = set()
    for w in re.findall(r"[A-Za-z]{3,}", name.lower()):
        one = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        if one in onto.BODY_NOUNS:
            out |= {one, w}
    return out


def _body_words(view: DocumentView) -> dict[str, set[str]]:
    """For each organisation the document names: the nouns that describe it, i.e. the
    words of its names and the nouns the document puts in apposition to it ("Acme, the
    planemaker") or before it ("planemaker Acme")."""
    words: dict[str, set[str]] = {}
    for m in view.mentions:
        if m.kind != "ORG" or not m.entity_id:
            continue
        e = m.entity_id
        body = view.entities.get(e)
        found = words.setdefault(e, set())
        for name in (m.text, view.names.get(e, ""), *(body.aliases if body else ())):
            found |= _name_words(name)
        h = view.mention_head_of(m)
        beside = [c for c in view.kids(h, "appos", "compound") if c not in view.mention_at]
        if view.tokens[h].dep == "appos" and view.head(h) not in view.mention_at:
            beside.append(view.head(h))
        listed = bool(view.kids(h, "conj"))  # "the administration, Congress and ...": a list
        found |= {
            view.lemma(c)
            for c in beside
            if view.tokens[c].pos == "NOUN" and not listed and not view.kids(c, "conj")
        }
    return words


def _all_names(view: DocumentView, e: str) -> set[str]:
    body = view.entities.get(e)
    names = {m.text for m in view.mentions if m.entity_id == e}
    names |= {view.names.get(e, ""), *(body.aliases if body else ())}
    return {" ".join(n.lower().split()) for n in names if n}


def _parents(view: DocumentView, words: dict[str, set[str]]) -> dict[str, set[str]]:
    """Numbered branches among the bodies named ("Acme Union District 9" of "Acme
    Union", a body the document or the corpus names): each branch's parents. A branch
    is also described by its parent's words ("the union")."""
    wanted: dict[str, set[str]] = {}  # a name a parent would have -> the branches
    for b in words:
        for name in _all_names(view, b):
            ws = name.split()
            for k in range(1, len(ws)):
                if any(c.isdigit() for w in ws[k:] for c in w):
                    wanted.setdefault(" ".join(ws[:k]), set()).add(b)
    if not wanted:
        return {}
    parents: dict[str, set[str]] = {}
    named = {e: _all_names(view, e) for e in words}
    for org, names in view.corpus.org_names().items():
        named.setdefault(org, names)
    for a, names in named.items():
        for b in set().union(*(wanted.get(n, set()) for n in names)) - {a}:
            parents.setdefault(b, set()).add(a)
            extra = set().union(*(_name_words(n) for n in names))
            words[b] = words[b] | extra | words.get(a, set())
    return parents


def _fitting(lemma: str, words: dict[str, set[str]], parents: dict[str, set[str]]) -> str | None:
    """The one body a description's noun fits: a branch before its parent, the parent of
    two branches that fit alike; None when two bodies fit alike."""
    fits = {e for e, ws in words.items() if lemma in ws}
    fits -= {a for b in fits for a in parents.get(b, ())}
    if len(fits) == 1:
        return fits.pop()
    common = set.intersection(*(parents.get(b, set()) for b in fits)) if fits else set()
    common &= set(words)  # a parent the document names
    return common.pop() if len(common) == 1 else None


def _in_subject(view: DocumentView, i: int) -> bool:
    """Whether a token is, or is part of, the subject of its clause."""
    for node in [i, *view.ancestors(i)]:
        if view.tokens[node].dep in ("nsubj", "nsubjpass"):
            return True
        if view.is_verb(view.head(node)) or view.is_verb(node):
            return False
    return False


def _title_words(view: DocumentView) -> dict[str, set[str]]:
    """The words written before each person's names (titles and ranks), by entity."""
    words: dict[str, set[str]] = {}
    for m in view.mentions:
        if m.kind != "PERSON" or not m.entity_id:
            continue
        line = view.text.rfind("\n", 0, m.start) + 1
        before = view.text[max(line, m.start - 80) : m.start].lower().split()[-8:]
        words.setdefault(m.entity_id, set()).update(bare(w) for w in before)
        # and a title in apposition after the name ("Zhang, spokesperson for ...")
        after = view.kids(view.mention_head_of(m), "appos")
        words[m.entity_id].update(view.lemma(a) for a in after if a not in view.mention_at)
    return words


# --- Links through the tree -------------------------------------------------------------


def link(
    view: DocumentView,
    start: int,
    targets: set[int],
    preps: frozenset[str],
    through_people: bool = False,
    limit: int = 9,
) -> Link | None:
    """How ``start`` reaches one of ``targets`` without leaving its clause.

    The walk fails at a clause boundary, at another verb, at a preposition not in
    ``preps``, and (unless ``through_people``) at another person's name, since a place
    or country inside a title ("US Ambassador to Viet Nam Marc Knapper") is no party.
    """
    own = view.mention_at.get(start)
    cur, prep, first = start, None, None
    for _ in range(limit):
        nxt = view.head(cur)
        if nxt == cur:
            return None
        dep = view.tokens[cur].dep
        if view.tokens[cur].pos == "ADP":
            prep = view.lemma(cur)
            first = first or prep
            if prep not in preps:
                return None
        if nxt in targets:
            return Link(nxt, dep, prep, first)
        if (dep in CLAUSE_DEPS and cur not in view.virtual) or view.is_verb(nxt):
            return None
        if not through_people and _enters_title(view, own, nxt):
            return None
        cur = nxt
    return None


def _enters_title(view: DocumentView, own: Mention | None, nxt: int) -> bool:
    """Whether a walk from a place or body enters a person's name: it was in a title."""
    other = view.mention_at.get(nxt)
    if other is None or other is own or other.kind != "PERSON":
        return False
    return own is None or own.kind != "PERSON"


def subject_of(view: DocumentView, verb: int) -> int | None:
    """The subject token of ``verb``, or of the verb it depends on.

    A coordinated verb shares the subject of the first verb up the chain with the same
    tense ("Giang revealed that ... plans to hold ... and invited ...": "invited" goes
    with "revealed"); an infinitive takes its governor's object if it has one ("invited
    Hegseth to pay": Hegseth pays), else its subject ("took the occasion to invite").
    """
    own = view.kids(verb, "nsubj", "nsubjpass")
    if own and view.tokens[own[0]].tag in ("WP", "WDT") and view.tokens[verb].dep == "relcl":
        return view.head(verb)  # "Hegseth, who is paying a visit": the relative's noun
    if own:
        return own[0]
    dep, up = view.tokens[verb].dep, view.head(verb)
    if dep in ("xcomp", "acomp") and up != verb:
        controls = dep == "xcomp" and view.lemma(up) in OBJECT_CONTROL
        objects = view.kids(up, "dobj") if controls else []
        return objects[0] if objects else subject_of(view, up)
    if dep in ("acl", "advcl") and to_infinitive(view, verb):
        above = next((a for a in view.ancestors(verb) if view.is_verb(a)), None)
        return subject_of(view, above) if above is not None else None  # "took the occasion to"
    if dep != "conj":
        return None
    tense = _tense(view, verb)
    for up in view.ancestors(verb):
        if view.is_verb(up) and _tense(view, up) == tense:
            found = view.kids(up, "nsubj", "nsubjpass")
            if found:
                return found[0]
        if view.tokens[up].dep not in ("conj", "xcomp", "ccomp") and view.is_verb(up):
            return None
    return None


def to_infinitive(view: DocumentView, verb: int) -> bool:
    """'to finalise', 'to invite': a verb in the to-infinitive."""
    return view.tokens[verb].tag == "VB" and any(
        view.tokens[a].text.lower() == "to" for a in view.kids(verb, "aux")
    )


def _tense(view: DocumentView, verb: int) -> str:
    aux = view.kids(verb, "aux", "auxpass")
    tag = view.tokens[aux[0]].tag if aux else view.tokens[verb].tag
    return "past" if tag in ("VBD", "VBN") else "present"


def is_passive(view: DocumentView, verb: int) -> bool:
    return bool(view.kids(verb, "auxpass", "nsubjpass"))


# --- Triggers ----------------------------------------------------------------------------

_TRIGGERS: dict[tuple[str, str], list[onto.Trigger]] = {}
for _t in onto.TRIGGERS:
    for _pos in _t.pos:
        _TRIGGERS.setdefault((_t.lemma, _pos), []).append(_t)


@dataclass(slots=True)
class _Candidate:
    """A trigger being examined: its token, predicates and what goes with it."""

    token: int
    trigger: onto.Trigger
    unit: Unit
    preds: set[int]
    thing: str | None = None
    obj: int | None = None


def _candidates(view: DocumentView, unit: Unit) -> list[_Candidate]:
    """Triggers of a unit with what they need; a noun carried by another trigger
    ("welcomed Hegseth's visit") is left to that trigger."""
    found = []
    lexical = view.lexical
    for i in lexical[bisect_left(lexical, unit.first) : bisect_left(lexical, unit.last)]:
        for trigger in _triggers(view, i):
            cand = _Candidate(i, trigger, unit, _predicates(view, i))
            if _needs(view, cand):
                found.append(cand)
                break  # one event per word: the first reading whose needs are met
    verbs = {c.token for c in found if view.is_verb(c.token)}
    carried = {o for v in verbs for o in view.kids(v, "dobj")}
    return [c for c in found if c.token not in carried]


def _in_lexicon(lemma: str, pos: str) -> bool:
    """Whether the trigger lexicon has a reading of the word: an event's, or a dated
    document's (a noun)."""
    return (lemma, pos) in _TRIGGERS or (pos in onto.NOUN and lemma in onto.DOCUMENT_NOUNS)


def _triggers(view: DocumentView, i: int) -> list[onto.Trigger]:
    """The readings of a word as an event trigger, in the lexicon's order."""
    t = view.tokens[i]
    if i in view.mention_at and t.pos in onto.VERB:
        return []
    if not t.text[:1].isalpha() or len(t.text) < 3:
        return []  # a cut-off or mangled token ("wal", "3strike") triggers nothing
    # the lexicon first: most words are in neither list, and the checks below only drop
    lemma = view.lemma(i)
    if not _in_lexicon(lemma, t.pos):
        return []
    found = list(_TRIGGERS.get((lemma, t.pos), ()))
    document = not found
    modifiers = {view.lemma(m) for m in view.kids(i, "amod")}
    if modifiers & (onto.OTHER_EVENT_MODIFIERS | onto.HABITUAL_MODIFIERS):
        return []  # "the previous dialogue", "annual dialogues": not this one event
    if t.tag in ("NNS", "NNPS") and t.text.lower() not in onto.PLURAL_SINGLE:
        return []  # "visits", "meetings": several events
    if document:
        return [onto.DATED_DOCUMENT]
    return [
        replace(x, kind=onto.PHONE_KINDS[x.kind])
        if x.kind in onto.PHONE_KINDS and _phoned(view, i)
        else x
        for x in found
    ]


def _phoned(view: DocumentView, i: int) -> bool:
    """'phone talks', 'talks by telephone', 'talks over the phone'."""
    near = view.kids(i, "compound", "amod") + [
        o for p in view.kids(i, "prep") for o in view.kids(p, "pobj")
    ]
    return _has(view, near, onto.PHONE_WORDS) is not None


def _predicates(view: DocumentView, i: int) -> set[int]:
    """The verbs that carry a trigger: itself if a verb; for a noun, the verb its phrase
    is subject or object of (directly or by one preposition), event verbs hanging on the
    noun ("the dialogue, held in ...") or coordinated with that verb ("took place ...,
    co-chaired by ...")."""
    if view.is_verb(i):
        return {i} | _event_verbs(view, view.kids(i, "conj", "advcl"))
    preds: set[int] = set()
    heads = phrase_heads(view, i)
    top = heads[-1] if heads else i
    gov = view.head(top)
    if view.tokens[gov].pos == "ADP" and view.tokens[top].dep == "pobj":
        gov = view.head(gov)
    if gov != top and view.is_verb(gov):
        preds |= {gov} | _event_verbs(view, view.kids(gov, "conj", "advcl", "dep"))
    return preds | _event_verbs(view, view.kids(i, "acl", "relcl"), also=("sign",))


def phrase_heads(
    view: DocumentView, i: int, through_of: bool = False, through_prep: bool = False
) -> list[int]:
    """The nouns a noun's phrase hangs on, up to the verb: name parts ("Vietnam ...
    Dialogue"), coordinated nouns and, ``through_of``, what it completes ("the outcomes
    of the trip"): a date there dates the trigger, but their verb is not its verb.
    ``through_prep`` follows any preposition ("the memorandum on post-war recovery")."""
    found: list[int] = []
    while len(found) < 4:
        up = view.head(i)
        dep = view.tokens[i].dep if i not in view.virtual else "appos"
        if up == i or view.is_verb(up):
            break
        if dep == "pobj" and (through_prep or (through_of and view.lemma(up) == "of")):
            up = view.head(up)
        elif dep not in ("appos", "compound", "nmod", "conj", "npadvmod"):
            break
        if view.is_verb(up) or up == i:
            break
        found.append(up)
        i = up
    return found


def _event_verbs(view: DocumentView, tokens: Iterable[int], also: tuple[str, ...] = ()) -> set[int]:
    return {
        j
        for j in tokens
        if view.is_verb(j) and (view.lemma(j) in onto.EVENT_PREDICATES or view.lemma(j) in also)
    }


def _objects(view: DocumentView, i: int) -> list[int]:
    """What a trigger acts on: a verb's object or passive subject, the noun phrase a
    participle describes ("the memorandum on post-war recovery signed on ..."), a
    noun's "of" complement."""
    if view.is_verb(i):
        found = view.kids(i, "dobj", "nsubjpass")
        if view.tokens[i].dep in ("acl", "relcl"):
            described = view.head(i)
            found += [described, *phrase_heads(view, described, through_prep=True)]
        return found
    return [
        p
        for prep in view.kids(i, "prep")
        if view.lemma(prep) == "of"
        for p in view.kids(prep, "pobj")
    ]


def _words_near(view: DocumentView, i: int, depth: int = 2) -> list[int]:
    """A noun and the words that make its phrase, a few levels down."""
    out, layer = [i], [i]
    for _ in range(depth):
        layer = [c for j in layer for c in view.kids(j, "compound", "prep", "pobj", "amod", "nmod")]
        out.extend(layer)
    return out


def _has(view: DocumentView, tokens: Iterable[int], words: frozenset[str]) -> int | None:
    for j in tokens:
        t = view.tokens[j]
        if t.text.lower() in words or view.lemma(j) in words:
            return j
    return None


def _needs(view: DocumentView, cand: _Candidate) -> bool:
    """Whether what the trigger needs is there; fills ``thing`` and ``obj``."""
    need, i = cand.trigger.needs, cand.token
    if cand.trigger.particle and not any(
        view.lemma(p) == cand.trigger.particle for p in view.kids(i, "prt", "prep", "advmod")
    ):
        return False
    if cand.trigger.lemma == "meet" and any(
        view.lemma(o) in onto.UNMET_OBJECTS for o in view.kids(i, "dobj")
    ):
        return False  # a demand or a deadline met is no meeting
    if need == "phone":
        window = range(max(cand.unit.first, i - 3), min(cand.unit.last, i + 4))
        between = any(view.lemma(p) in ("between", "with") for p in view.kids(i, "prep"))
        return _has(view, window, onto.PHONE_WORDS) is not None or (not view.is_verb(i) and between)
    if need == "vote":
        return _vote(view, cand)
    if need == "walkout":
        return any(view.lemma(p) in onto.WALKOUT_PARTICLES for p in view.kids(i, "prt", "prep"))
    if need == "work":
        return _back_to_work(view, i)
    if need == "ceremonial":  # "the opening ceremony", not any ceremony
        return _has(view, view.kids(i, "amod", "compound"), onto.CEREMONY_WORDS) is not None
    if need == "destination":  # someone named "flew to Seattle", not "drones flew to"
        s = subject_of(view, i)
        if s is None or view.entity_at(s) is None:
            return False
        return any(
            view.lemma(p) == "to"
            and any(
                view.kinds.get(view.entity_at(o) or "") in PLACE_KINDS for o in view.kids(p, "pobj")
            )
            for p in view.kids(i, "prep")
        )
    if need in ("document", "item", "money", "deal", "jobs"):
        words = {
            "document": onto.DOCUMENT_NOUNS,
            "item": onto.ITEM_NOUNS,
            "money": onto.MONEY_WORDS,
            "deal": onto.DEAL_NOUNS,
            "jobs": onto.JOB_NOUNS,
        }[need]
        depth = 4 if need == "money" else 2
        for obj in _objects(view, i):
            found = _has(view, _words_near(view, obj, depth), words)
            if found is not None:
                cand.thing, cand.obj = _thing(view, found), obj
                return True
        return False
    return _needs_party(view, cand)


def _back_to_work(view: DocumentView, i: int) -> bool:
    """'returned to work', 'went back to their jobs', 'returned from the strike': people
    going back to work, not a thing handed back."""
    if view.kids(i, "dobj"):
        return False
    found = False
    for p in view.kids(i, "prep", "advmod", "prt"):
        words = [view.lemma(o) for o in view.kids(p, "pobj", "prep")]
        words += [view.lemma(o) for q in view.kids(p, "prep") for o in view.kids(q, "pobj")]
        if view.lemma(p) in ("to", "back") and set(words) & onto.WORK_NOUNS:
            found = True
        if view.lemma(p) == "from" and set(words) & onto.STOPPAGE_NOUNS:
            found = True
    return found


def _thing(view: DocumentView, j: int) -> str:
    word = view.lemma(j)
    return {"mou": "memorandum", "minute": "minutes"}.get(word, word)


def _needs_party(view: DocumentView, cand: _Candidate) -> bool:
    need, i = cand.trigger.needs, cand.token
    if need == "signature":
        names = [o for o in view.kids(i, "dobj") if view.lemma(o) in ("name", "signature")]
        preps = [p for n in [i, *names] for p in view.kids(n, "prep") if view.lemma(p) == "to"]
        docs = [
            o for p in preps for o in view.kids(p, "pobj") if view.lemma(o) in onto.DOCUMENT_NOUNS
        ]
        if names and docs:
            cand.thing, cand.obj = _thing(view, docs[0]), docs[0]
        return bool(names and docs)
    if need == "guest":
        return bool(_guests(view, i))
    if need == "dated":
        cand.thing, cand.obj = _thing(view, i), i
        return _dated_phrase(view, cand) is not None
    if need == "addressee":
        return bool(view.kids(i, "dobj")) and bool(view.kids(i, "xcomp"))
    if need == "actor":
        s = subject_of(view, i)
        return s is not None and _actor(view, s) is not None
    if need == "appeal":  # an actor calls on someone to do something
        s = subject_of(view, i)
        return s is not None and _actor(view, s) is not None and bool(view.kids(i, "xcomp"))
    if need == "counterpart":
        return any(view.lemma(p) == "with" for p in view.kids(i, "prep"))
    return True


def _actor(view: DocumentView, s: int) -> str | None:
    """Who a subject names: itself, or the body it belongs to ("union negotiators",
    "Acme's executives")."""
    entity = view.entity_at(s)
    if entity is None and s not in view.mention_at:
        bodies = [view.entity_at(c) for c in view.kids(s, "compound", "poss")]
        entity = next((b for b in bodies if b and not view.is_person(b)), None)
    return entity


def _vote(view: DocumentView, cand: _Candidate) -> bool:
    """'voted to strike', 'voted down the offer', 'voted against accepting': what was
    voted for makes the event's type; a vote whose outcome is not said is no event."""
    i = cand.token
    for k in view.kids(i, "xcomp", "prt", "prep", "advmod", "conj"):
        outcome = onto.VOTE_OUTCOMES.get(view.lemma(k))
        if outcome is None and view.lemma(k) == "for":
            outcome = next(
                (onto.VOTE_OUTCOMES.get(view.lemma(o)) for o in view.kids(k, "pobj")), None
            )
        if outcome is not None:
            cand.trigger = replace(cand.trigger, type=outcome[0], kind=outcome[1])
            if view.is_verb(k):
                cand.preds.add(k)  # "voted to strike Thursday": its date is the vote's
            return True
    return False


def _dated_phrase(view: DocumentView, cand: _Candidate) -> Time | None:
    """A date written inside a document's name, before it: "the 2011 Memorandum"."""
    for t in view.times_in(cand.unit):
        if t.bound or not t.head < cand.token:
            continue
        for node in [t.head, *view.ancestors(t.head)]:
            if node == cand.token:
                return t
            if view.is_verb(node) or node > cand.token:
                break
    return None


def _guests(view: DocumentView, i: int) -> list[int]:
    """People received: the object, the possessor of a "visit" object, the passive subject."""
    found = []
    for obj in view.kids(i, "dobj"):
        if view.is_person(view.entity_at(obj)):
            found.append(obj)
        elif view.lemma(obj) == "visit":
            found += [p for p in view.kids(obj, "poss") if view.is_person(view.entity_at(p))]
    if is_passive(view, i):
        subject = subject_of(view, i)
        if subject is not None and view.is_person(view.entity_at(subject)):
            found.append(subject)
    return found


# --- Factuality ----------------------------------------------------------------------


def _speculative(view: DocumentView, cand: _Candidate, future_date: bool) -> tuple[bool, bool]:
    """(speculative, scheduled): a hedge, condition, negation or bare future above the
    trigger makes it speculative; a future with a future date makes it scheduled."""
    i, scheduled = cand.token, False
    if any(view.lemma(m) in onto.SPECULATIVE_MODIFIERS for m in view.kids(i, "amod")):
        return True, False
    if _negated(view, cand):
        return True, False
    chain = _clause_chain(view, i)
    for below, node in zip([None, *chain], chain, strict=False):
        if node != i and view.lemma(node) in onto.SPECULATIVE_LEMMAS:
            return True, False
        intent = below is not None and view.tokens[below].dep == "xcomp"
        if intent and view.lemma(node) in onto.INTENT_LEMMAS:
            return True, False
        for k in view.kids(node, "aux", "neg", "mark"):
            word = view.tokens[k].text.lower()
            if view.tokens[k].dep == "neg" or word in onto.SPECULATIVE_LEMMAS:
                return True, False
            if word in FUTURE_AUX:
                if not future_date:
                    return True, False
                scheduled = True
    return False, scheduled


def _negated(view: DocumentView, cand: _Candidate) -> bool:
    """'No agreement was signed', 'no talks were held': a negative determiner on the
    trigger or on what its verb acts on."""
    nouns = [cand.token, *_objects(view, cand.token)] if view.is_verb(cand.token) else [cand.token]
    nouns += [n for p in cand.preds for n in view.kids(p, "nsubj", "nsubjpass", "dobj")]
    return any(
        view.tokens[d].text.lower() in NEGATIVE_DETERMINERS
        for n in nouns
        for d in view.kids(n, "det")
    )


def _clause_chain(view: DocumentView, i: int) -> list[int]:
    """The trigger and what governs it, up to a noun a participle describes: in "hoped
    to implement the statement signed in September 2024" the signing is a fact."""
    chain = [i]
    for node in view.ancestors(i):
        if view.tokens[chain[-1]].dep in ("acl", "relcl") and view.is_verb(chain[-1]):
            break
        if _past_fact(view, chain[-1]):
            break  # "will need weeks to restart after workers returned": they did return
        chain.append(node)
    return chain


def _past_fact(view: DocumentView, v: int) -> bool:
    """A past-tense clause opened by "after", "since" or "because": what it says happened,
    whatever the clause it hangs on says of the future."""
    t = view.tokens[v]
    if t.dep not in ("advcl", "acl") or t.tag != "VBD":
        return False
    if any(view.lemma(k) in FACTIVE_MARKS for k in view.kids(v, "mark")):
        return True
    # the parser's other reading: "after" a preposition, the clause on its object noun
    noun = view.head(v)
    opener = view.head(noun)
    return (
        t.dep == "acl"
        and view.tokens[noun].dep == "pobj"
        and view.tokens[opener].pos == "ADP"
        and view.lemma(opener) in FACTIVE_MARKS
        and view.tokens[noun].start > view.tokens[opener].start
    )


def _cumulative(view: DocumentView, unit: Unit) -> bool:
    text = view.text[unit.start : unit.end].lower()
    return any(cue in text for cue in onto.CUMULATIVE_CUES)


def _perfect(view: DocumentView, i: int) -> bool:
    return view.is_verb(i) and any(view.lemma(a) == "have" for a in view.kids(i, "aux"))


def _lede_perfect(view: DocumentView, i: int) -> bool:
    """ "Acme and the union have reached a tentative deal": a present perfect that opens
    an article with a named subject is its news, one act just done; a count ("has handed
    over 100 ...", "have held five rounds"), a past perfect or a clause below the
    sentence's own sums up."""
    if not 0 <= view.unit_of[i] < LEDE_UNITS or view.tokens[i].dep != "ROOT":
        return False
    have = [a for a in view.kids(i, "aux") if view.lemma(a) == "have"]
    if not have or view.tokens[have[0]].tag == "VBD":
        return False
    subjects = [k for k in view.kids(i, "nsubj") if not _in_dateline(view, k)]
    if not subjects or subjects[0] not in view.mention_at:
        return False  # "the diplomats have met ...": who acted is only described
    objects = view.kids(i, "dobj")
    return not any(view.tokens[o].tag == "NNS" or view.kids(o, "nummod") for o in objects)


def _anchored(view: DocumentView, cand: _Candidate, time: Time | None) -> bool:
    """A noun reports an event with a date, an event verb, or its parties named."""
    i = cand.token
    if view.is_verb(i) or time is not None:
        return True
    for p in cand.preds:
        word = view.lemma(p)
        if word == "take" and not any(view.lemma(o) == "place" for o in view.kids(p, "dobj")):
            continue
        if word in onto.EVENT_PREDICATES or word == "sign":
            return True
    if any(view.is_person(view.entity_at(p)) for p in view.kids(i, "poss") if p in view.mention_at):
        return True  # a named owner ("Hegseth's visit"); "his visit" is too loose
    people = {p.entity_id for p in _parties(view, cand) if view.is_person(p.entity_id)}
    if len(people) > 1 or _described_parties(view, cand):
        return True  # "X told Y during their talks", "the call between the two ministers"
    return any(
        view.lemma(prep) in ("between", "with") and view.entity_at(o) is not None
        for prep in view.kids(i, "prep")
        for o in view.kids(prep, "pobj")
        + [c for p in view.kids(prep, "pobj") for c in view.kids(p, "conj")]
    )


# --- Dates ---------------------------------------------------------------------------


def _attached_time(
    view: DocumentView, cand: _Candidate, times: Sequence[Time] | None = None
) -> Time | None:
    """The time expression of the trigger's own phrase or of its predicate's clause
    (among ``times`` if given, else the document's resolved ones)."""
    targets = {cand.token} | cand.preds | set(phrase_heads(view, cand.token, through_of=True))
    targets |= _governors(view, cand.token)
    if cand.trigger.kind in onto.SPOKEN_KINDS:
        # "according to state media on May 2, X demanded": what is said is the act, so
        # the day it was reported dates it
        targets |= {k for k in view.kids(cand.token, "prep") if view.lemma(k) == "accord"}
    # "slammed the offer to lift wages by 30% on Monday": what an offer would do is yet
    # to come, so a past date the parser hung on it dates the act on the offer
    content = {
        v
        for o in view.kids(cand.token, "dobj")
        for v in view.kids(o, "acl")
        if view.is_verb(cand.token) and to_infinitive(view, v)
    }
    best: tuple[int, Time] | None = None
    pool = view.times if times is None else times
    for t in (t for t in pool if cand.unit.start <= t.start < cand.unit.end):
        reaches = _time_reaches(view, t.head, targets) or (
            t.direction == "past" and _time_reaches(view, t.head, content)
        )
        if t.bound or not reaches:
            continue
        up = view.head(t.head)
        if view.tokens[t.head].dep in PREMODIFIERS and up != cand.token and not view.is_verb(up):
            continue  # "withdrew its September 23 offer": the date is the offer's
        distance = abs(t.head - cand.token)
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None


def _governors(view: DocumentView, i: int) -> set[int]:
    """The verb an infinitive complement hangs on, through a stray adjective ("voted on
    Monday to reject", "voted overwhelmingly to walk out"): its date is the act's."""
    if not view.is_verb(i):
        return set()
    chain: list[int] = []
    j = i
    while view.tokens[j].dep == "xcomp" and len(chain) < 3:
        j = view.head(j)
        chain.append(j)
    return set(chain) if chain and view.is_verb(chain[-1]) else set()


def _time_reaches(view: DocumentView, start: int, targets: set[int]) -> bool:
    """Whether a date's first verb above it is one of ``targets`` (or it sits in the
    trigger's own phrase)."""
    for node in [start, *view.ancestors(start)]:
        if node in targets:
            return True
        if node != start and view.is_verb(node):
            return False
    return False


def _period(view: DocumentView, cand: _Candidate, time: Time) -> tuple[str, str]:
    """The period a date allows: the date itself, or around it when it dates only the
    start or end of a multi-day event ("ended a two-day visit on Monday")."""
    if cand.trigger.kind not in onto.MULTI_DAY_KINDS or time.precision != "day":
        return time.value, time.end_value
    words = {view.lemma(p) for p in cand.preds}
    span = dt.timedelta(days=onto.MULTI_DAY_SPAN)
    if words & onto.END_PREDICATES:
        return (dt.date.fromisoformat(time.value) - span).isoformat(), time.end_value
    if words & onto.START_PREDICATES:
        return time.value, (dt.date.fromisoformat(time.end_value) + span).isoformat()
    return time.value, time.end_value


def _background(view: DocumentView, time: Time) -> bool:
    if view.reference is None:
        return time.precision in ("month", "year")
    ends = dt.date.fromisoformat(time.end_value)
    return (view.reference - ends).days > BACKGROUND_DAYS


# --- Participants and places -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Party:
    """An entity linked to a trigger, and the token that names or stands for it."""

    entity_id: str
    token: int


def _parties(view: DocumentView, cand: _Candidate) -> list[_Party]:
    """Named parties and resolved pronouns linked to the trigger, in text order."""
    targets = {cand.token} | cand.preds | _deal_phrase(view, cand)
    out: dict[str, _Party] = {}
    starts = [view.mention_head_of(m) for m in view.unit_mentions(cand.unit) if _is_party(view, m)]
    starts = [s for s in starts if s not in view.absorbed]
    starts += [i for i in view.referents if cand.unit.first <= i < cand.unit.last]
    for start in sorted(starts):
        found = link(view, start, targets, PARTY_PREPS)
        entity = view.entity_at(start)
        if found and _owns_what_was_done(view, cand, found, start):
            continue
        if found and entity and entity not in out:
            out[entity] = _Party(entity, start)
    for verb in [p for p in targets if view.is_verb(p)]:
        s = subject_of(view, verb)
        passive = s is not None and verb != cand.token and view.tokens[s].dep == "nsubjpass"
        if passive and s not in view.mention_at:
            continue  # "X's cutter was chosen in a meeting": what was acted on brings no one
        if s is not None and view.dateline and view.mention_at.get(s) is view.dateline:
            # "RENTON — Boeing machinists ... voted": the parser made the place the
            # subject and the real one its apposition
            after = [a for a in view.kids(s, "appos") if view.tokens[a].start >= view.dateline_end]
            s = after[0] if after else None
        if s is None and view.tokens[verb].dep == "ROOT":
            for j in _names_before(view, verb, cand.unit):
                named = view.entity_at(j) or ""
                out.setdefault(named, _Party(named, j))
            continue
        if s is None:
            continue
        # "members of X", "workers from X", "machinists represented by X": the body a
        # described subject belongs to acts with it
        if s not in view.mention_at and s not in view.referents:
            for j in _bodies_in(view, s):
                body = view.entity_at(j)
                if body and body not in out:
                    out[body] = _Party(body, j)
        entity = view.entity_at(s)
        if entity is None or entity in out:
            continue
        if s not in view.mention_at or _is_party(view, view.mention_at[s]):
            out[entity] = _Party(entity, s)
        # "A and B signed": the subject's coordinated names act too
        for c in _conjuncts(view, s):
            other = view.entity_at(c)
            if other and other not in out and _is_party(view, view.mention_at.get(c)):
                out[other] = _Party(other, c)
    announcer = _vote_announcer(view, cand)
    if announcer is not None and announcer.entity_id not in out:
        out[announcer.entity_id] = announcer
    out.pop("", None)
    return sorted(out.values(), key=lambda p: p.token)


def _owns_what_was_done(view: DocumentView, cand: _Candidate, found: Link, start: int) -> bool:
    """ "X's cutter was chosen in a meeting": X owns what a verb around the trigger acted
    on, and takes no part in the meeting."""
    return (
        found.dep == "nsubjpass"
        and found.target != cand.token
        and view.tokens[start].dep != "nsubjpass"
    )


def _vote_announcer(view: DocumentView, cand: _Candidate) -> _Party | None:
    """The body that announces how people voted ("the union said that workers voted to
    reject the offer"): the vote was its members', so it takes part. Not when the voters
    are named ("the union said the Acme Guild voted")."""
    verb = cand.token
    if cand.trigger.needs != "vote" or view.tokens[verb].dep != "ccomp":
        return None
    said = view.head(verb)
    if view.lemma(said) not in onto.SPEAKING_LEMMAS:
        return None
    voters = subject_of(view, verb)
    if voters is None or voters in view.mention_at or voters in view.referents:
        return None
    speaker = subject_of(view, said)
    if speaker is None or _in_dateline(view, speaker):
        return None
    body = _actor(view, speaker)
    return _Party(body, speaker) if body and view.kinds.get(body) == "ORG" else None


def _deal_phrase(view: DocumentView, cand: _Candidate) -> set[int]:
    """The deal a trigger acts on ("withdrew its offer", "an offer proposed to X") and
    the verbs that put it to the other side: the noun's own possessive and the parties
    it was made to or by take part."""
    if cand.trigger.kind not in DEAL_KINDS:
        return set()
    i = cand.token
    nouns = [o for o in view.kids(i, "dobj", "nsubjpass") if view.lemma(o) in onto.DEAL_NOUNS]
    if view.tokens[i].dep == "acl" and view.lemma(view.head(i)) in onto.DEAL_NOUNS:
        nouns.append(view.head(i))
    out = set(nouns)
    for n in nouns:
        out |= {v for v in view.kids(n, "acl") if view.lemma(v) in PROPOSING_LEMMAS}
    return out


def _bodies_in(view: DocumentView, s: int) -> list[int]:
    """Bodies named in a common-noun subject's phrase ("members of X", "workers from X",
    "machinists represented by X"), not in a relative clause; a place named there is
    the body's seat, unless it is no country or city the resolver knows."""
    found = []
    for j in view.subtree(s, view.kids(s, "relcl")):
        m = view.mention_at.get(j)
        if m is None or j != view.mention_head_of(m) or j == s:
            continue
        up = view.head(j)
        member = view.tokens[up].pos == "ADP" and view.lemma(up) in ("of", "from", "by")
        if m.kind in ("LOC", "FAC") and member and country_of(m.text) is None:
            found.append(j)  # a body the tagger took for a place ("District 9")
        elif m.kind == "ORG" and _is_party(view, m):
            found.append(j)
    return found


def _conjuncts(view: DocumentView, i: int) -> list[int]:
    """The heads coordinated with ``i`` ("A and B", "A, B and C")."""
    found, layer = [], [i]
    while layer:
        layer = [c for j in layer for c in view.kids(j, "conj")]
        found += layer
    return found


def _names_before(view: DocumentView, verb: int, unit: Unit) -> list[int]:
    """The parties named just before a root verb the parser left without a subject
    ("..., Minister A and Secretary B signed"): back to a comma or another verb."""
    found: list[int] = []
    j = verb - 1
    while j >= unit.first:
        t = view.tokens[j]
        m = view.mention_at.get(j)
        if m is None and (t.text in (",", ";", ":") or view.is_verb(j)):
            break
        if m is not None and j == view.mention_head_of(m) and _is_party(view, m):
            found.append(j)
        j -= 1
    return found[::-1]


def _is_party(view: DocumentView, m: Mention | None) -> bool:
    """A named party: not the dateline's place, not an agency credit, not the country
    of someone's title ("the new US Defense Secretary")."""
    if m is None:
        return False
    if m.kind not in PARTY_KINDS or m is view.dateline or m.text in AGENCIES:
        return False
    if view.dateline and view.dateline.start <= m.start < view.dateline_end:
        return False
    if view.text[max(0, m.start - 1) : m.start] == "(":
        return False  # an aside: "(Washington time)", "(VNA)"
    if _cut_off(view, m):
        return False
    if m.kind == "PERSON" and bare(m.text) in NAME_SUFFIXES:
        return False  # "Jr." split off a name by the tagger names no one
    head = view.head(view.mention_head_of(m))
    in_title = m.kind != "PERSON" and bare(view.tokens[head].text) in TITLE_HEADS
    return not (in_title and head not in view.mention_at)


def _cut_off(view: DocumentView, m: Mention) -> bool:
    """A name at the very end of an excerpt that stops mid-sentence may be cut
    mid-word ("... and Piet Draai"): it names no one for sure."""
    rest = view.text[m.end :].strip()
    return not rest and not view.text.rstrip().endswith(SENTENCE_END)


def _described_parties(view: DocumentView, cand: _Candidate) -> bool:
    """Whether the parties are given as a plural description ("the two ministers",
    "both sides", "between the defence ministers")."""
    targets = {cand.token} | cand.preds
    for i in range(cand.unit.first, cand.unit.last):
        words = {view.lemma(i), view.tokens[i].text.lower()}
        if i in view.mention_at or not words & onto.PARTY_DESCRIPTIONS:
            continue
        counted = any(
            view.tokens[d].text.lower() in ("two", "both") for d in view.kids(i, "nummod", "det")
        )
        found = link(view, i, targets, PARTY_PREPS)
        if found and (counted or found.prep == "between"):
            return True
    return False


def _sole_body(view: DocumentView, unit: Unit) -> list[_Party]:
    """The one organisation a sentence names ("Acme will need weeks to restart after
    machinists returned"): the body whose unnamed workers act."""
    bodies = {
        m.entity_id: view.mention_head_of(m)
        for m in view.unit_mentions(unit)
        if m.kind == "ORG" and m.entity_id and _is_party(view, m)
    }
    return [_Party(e, i) for e, i in bodies.items()] if len(bodies) == 1 else []


def _named_people(view: DocumentView, unit: Unit) -> list[_Party]:
    """The people named in a sentence that speaks of "the two ministers" (the parties
    it describes are among them)."""
    return [
        _Party(m.entity_id, view.mention_head_of(m))
        for m in view.unit_mentions(unit)
        if m.kind == "PERSON" and m.entity_id
    ]


def _place(view: DocumentView, cand: _Candidate) -> str | None:
    """The place linked to the trigger by "in"/"at" (a visit's "to"), a city first."""
    targets = {cand.token} | cand.preds
    preps = PLACE_PREPS | ({"to"} if cand.trigger.kind == "visit" else set())
    found = []
    for m in view.unit_mentions(cand.unit):
        if m.kind not in PLACE_KINDS:
            continue
        h = view.mention_head_of(m)
        hit = link(view, h, targets, preps | PARTY_PREPS, through_people=True)
        hosting = any(view.lemma(p) == "host" and view.tokens[h].head == p for p in targets)
        if (hit and hit.first_prep in preps) or hosting:
            found.append(m.entity_id)
    found.sort(key=lambda e: country_of(view.names.get(e or "", "")) is not None)
    return found[0] if found else None


def _role(view: DocumentView, party: _Party) -> str | None:
    m = view.mention_at.get(party.token)
    if m is None or m.kind != "PERSON":
        return None
    claim = title_before(view.id, view.text, m.start, m.end)
    return claim.title if claim else None


# --- Names -------------------------------------------------------------------------------


def _ordinal(view: DocumentView, i: int, floor: int) -> tuple[int, int] | None:
    """(number, token) of an ordinal written before a noun in its name ("13th ...
    Dialogue"), looking back over name words only."""
    j = i - 1
    while j >= max(floor, i - 9):
        t = view.tokens[j]
        digits = ORDINAL.match(t.text)
        if digits or t.text.lower() in ORDINAL_WORDS:
            return (int(digits.group(1)) if digits else ORDINAL_WORDS[t.text.lower()]), j
        if t.pos not in ("PROPN", "NOUN", "ADJ", "PUNCT", "NUM") or t.text in (",", "."):
            return None
        j -= 1
    return None


def _name(view: DocumentView, cand: _Candidate) -> tuple[str | None, str | None]:
    """The event's own name as written and its key, for named meetings."""
    i = cand.token
    if view.is_verb(i) or cand.trigger.type != "CONSULT":
        return None, None
    found = _ordinal(view, i, cand.unit.first)
    if found is None:
        return None, None
    number, j = found
    worded = not ORDINAL.match(view.tokens[j].text)
    capitalised = view.tokens[i].text[0].isupper()
    if cand.trigger.kind not in onto.NAMED_KINDS or (worded and not capitalised):
        return None, None  # "his first official visit" is no name
    name = " ".join(view.text[view.tokens[j].start : view.tokens[i].end].split())
    kind = onto.KIND_FAMILY[cand.trigger.kind]
    return name, f"{number}|{kind}"


# Words that may continue an object's phrase after its head ("of", "on" and the like).
PHRASE_PREPS = word_set("of on for to")
PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "DET", "PART"})


def _phrase(view: DocumentView, cand: _Candidate) -> str | None:
    """The object as written ("Memorandum of Understanding on strengthening
    cooperation"), read along the text: it ends at a clause, a comma or a place."""
    obj = cand.obj
    start = None
    if obj is None and cand.trigger.type == "REQUEST":
        obj = next(iter(view.kids(cand.token, "xcomp")), None)
        asked = view.kids(cand.token, "dobj")
        start = min(view.subtree(asked[0])) if asked else None  # "the US side to finalise"
    if obj is None:
        return None
    if start is None:
        start = min(view.subtree(obj, view.kids(obj, "acl", "relcl", "prep", "conj", "cc")))
    while view.tokens[start].pos in ("DET", "PUNCT") and start < obj:
        start += 1
    words = [start]
    for j in range(start + 1, min(cand.unit.last, start + 16)):
        if not _continues(view, j, obj):
            break
        words.append(j)
    while len(words) > 1 and view.tokens[words[-1]].pos in ("ADP", "DET", "PUNCT", "CCONJ"):
        words.pop()
    return " ".join(view.text[view.tokens[words[0]].start : view.tokens[words[-1]].end].split())


def _continues(view: DocumentView, j: int, obj: int) -> bool:
    """Whether token ``j`` still belongs to the phrase of ``obj`` read along the text."""
    t = view.tokens[j]
    if t.pos == "PUNCT":
        return t.text in ("–", "-")
    if t.pos == "ADP":
        return j < obj or t.dep == "prt" or view.lemma(j) in PHRASE_PREPS
    if t.pos == "VERB":
        return j <= obj or (t.tag == "VBG" and view.tokens[j - 1].pos == "ADP")
    return t.pos in PHRASE_POS or t.tag == "PRP$"


# --- Mentions --------------------------------------------------------------------------


def find_event_mentions(
    analysis: Analysis,
    mentions: Sequence[Mention],
    published: str | None,
    *,
    entities: Iterable[Entity] | None = None,
    view: DocumentView | None = None,
) -> list[EventMention]:
    """Every sentence of one document that reports an event, one record per event.

    ``mentions`` are the document's resolved mentions (with entity ids); ``published``
    is its publication date (YYYY-MM-DD) or None; ``entities`` give canonical names.
    ``view``, when given, is the document already seen through these same arguments
    (the promise extractor reads the same view), so it is not made again.
    """
    if view is None:
        view = DocumentView(analysis, mentions, published, entities)
    return mentions_in_view(view)


def mentions_in_view(view: DocumentView) -> list[EventMention]:
    found: list[EventMention] = []
    for unit in view.units:
        if view.text[unit.start : unit.end].rstrip().endswith("?"):
            continue
        for cand in _candidates(view, unit):
            found.extend(_mention(view, cand))
    found = _with_sides(view, _within_visits(_merge_in_units(found)))
    found = _with_attendees(view, found)
    return _anchor_acts(view, found)


def _with_sides(view: DocumentView, found: list[EventMention]) -> list[EventMention]:
    """A visit or meeting "to intervene in the dispute" involves the sides of the
    dispute: the parties of the last strike or talks the document reported before it."""
    out = []
    for m in found:
        i = view.token_at(m.trigger_start)
        if m.type == "CONSULT" and _mediates(view, i):
            before = [
                x
                for x in found
                if x.kind in onto.CONFLICT_KINDS and x.trigger_start < m.trigger_start
            ]
            if before:
                have = {p.entity_id for p in m.participants}
                sides = [p for p in before[-1].participants if p.entity_id not in have]
                m = replace(m, participants=(*m.participants, *sides))
        out.append(m)
    return out


def _with_attendees(view: DocumentView, found: list[EventMention]) -> list[EventMention]:
    """A ceremony named again ("the ceremony") is the one reported last before: a person
    who attends, leads or speaks at it there ("in his remarks, X hailed the ceremony")
    takes part in it."""
    out = list(found)
    taken = {x.trigger_start for x in found}
    for k, m in enumerate(out):
        if m.kind != "ceremony":
            continue
        lemma = view.lemma(view.token_at(m.trigger_start))
        # "the ceremony" after another ceremony's report is that one's
        until = min(
            (
                x.trigger_start
                for x in found
                if x.kind == "ceremony" and x.trigger_start > m.trigger_start
            ),
            default=len(view.text),
        )
        for i in range(view.token_at(m.trigger_end), len(view.tokens)):
            if view.tokens[i].start >= until:
                break
            if view.tokens[i].start in taken or view.lemma(i) != lemma:
                continue
            if not view.is_definite(i):
                continue
            person = _attendee(view, i)
            if person is not None and person not in m.people:
                party = Participant(person, view.names.get(person, person))
                m = replace(m, participants=(*m.participants, party), people=(*m.people, person))
        out[k] = m
    return out


def _attendee(view: DocumentView, i: int) -> str | None:
    """The person subject of the verb acting on ``i`` when that verb is one of taking
    part or comes with a speech of theirs."""
    verb = view.head(i)
    if view.tokens[verb].pos == "ADP":
        verb = view.head(verb)
    if not view.is_verb(verb):
        return None
    speech = any(
        view.lemma(o) in onto.SPEECH_NOUNS
        for p in view.kids(verb, "prep")
        for o in view.kids(p, "pobj")
    )
    if view.lemma(verb) not in onto.ATTENDING_LEMMAS and not speech:
        return None
    s = subject_of(view, verb)
    entity = view.entity_at(s) if s is not None else None
    return entity if view.is_person(entity) else None


def _mediates(view: DocumentView, i: int) -> bool:
    """Whether a trigger goes with a purpose of stepping into a conflict named by a
    definite noun ("to intervene in the labor dispute", "to help end the strike")."""
    for v in view.kids(i, "advcl", "xcomp"):
        if view.lemma(v) not in onto.MEDIATING_LEMMAS or not to_infinitive(view, v):
            continue
        verbs = [v, *(c for c in view.kids(v, "xcomp", "ccomp") if view.is_verb(c))]
        nouns = [o for u in verbs for o in view.kids(u, "dobj")]
        nouns += [o for u in verbs for p in view.kids(u, "prep") for o in view.kids(p, "pobj")]
        for n in nouns:
            if view.is_definite(n) and view.lemma(n) in onto.CONFLICT_NOUNS:
                return True
    return False


def _mention(view: DocumentView, cand: _Candidate) -> list[EventMention]:
    announced = _announced(view, cand)
    if announced is not None:
        cand = announced
    time = _attached_time(view, cand)
    day = _attached_time(view, cand, view.partial_times) if time is None else None
    weekday = (
        _attached_time(view, cand, view.weekday_times) if time is None and day is None else None
    )
    future = time is not None and time.direction in ("future", "present")
    speculative, scheduled = _speculative(view, cand, future or announced is not None)
    scheduled = scheduled and announced is None
    # an undated article's "on Saturday" or "on Aug. 16" dates the report as surely as a
    # full date would: the day is left unresolved, the report is not dropped
    if speculative or not _anchored(view, cand, time or day or weekday):
        return []
    if _cumulative(view, cand.unit):
        return []
    undated = time is None and day is None and weekday is None
    if undated and _perfect(view, cand.token) and not _lede_perfect(view, cand.token):
        return []  # "has handed over ..." without a date sums up, it does not report
    if cand.trigger.kind == "strike" and {view.lemma(p) for p in cand.preds} & onto.END_PREDICATES:
        return []  # "ending the strike": the strike's end, not a walkout
    parties = _parties(view, cand)
    if not parties and cand.trigger.kind in onto.ACTOR_KINDS:
        return []  # "the agreement was reached": by whom is not said
    if not parties and cand.trigger.kind in onto.WORKFORCE_KINDS:
        parties = _sole_body(view, cand.unit)
    if cand.trigger.needs == "destination":  # where one flew is a place, not a party
        places = {o for p in view.kids(cand.token, "prep") for o in view.kids(p, "pobj")}
        parties = [p for p in parties if p.token not in places]
    described = not any(view.is_person(p.entity_id) for p in parties) and _described_parties(
        view, cand
    )
    if described:
        parties = [*parties, *_named_people(view, cand.unit)]
    speaker = _speaks_next(view, cand, parties)
    if speaker is not None:
        parties = [*parties, speaker]
    base = replace(_base(view, cand, time, parties, scheduled), described=described)
    if day is not None:
        base = replace(base, day=day.value)
    if weekday is not None:
        base = replace(base, weekday=int(weekday.value))
    if cand.trigger.kind != "reception":
        return [base]
    return _receptions(view, cand, base, parties)


def _speaks_next(view: DocumentView, cand: _Candidate, parties: Sequence[_Party]) -> _Party | None:
    """The person who speaks for a body's act in a following sentence: one titled speaker
    of a sentence that names no other body, the act having no person among its parties.
    A title that names the body ("ministry spokesperson N") may come a sentence later; a
    company officer's ("chief ... officer N said") only right after the act, its one body
    a company."""
    if cand.trigger.kind not in onto.ACTOR_KINDS or not parties:
        return None
    ids = {p.entity_id for p in parties}
    if any(view.is_person(e) for e in ids):
        return None
    bodies = {e for e in ids if view.kinds.get(e) == "ORG"}
    k = view.unit_of[cand.unit.first]
    for step, nxt in enumerate(view.units[k + 1 : k + 3]):
        named = view.unit_mentions(nxt)
        if any(m.kind != "PERSON" and m.entity_id not in ids for m in named):
            return None
        found: list[_Party] = []
        for i in range(nxt.first, nxt.last):
            if view.tokens[i].dep != "ROOT" or view.lemma(i) not in onto.SPEAKING_LEMMAS:
                continue
            s = subject_of(view, i)
            m = view.mention_at.get(s) if s is not None else None
            if m is None or m.kind != "PERSON" or m.entity_id is None:
                continue
            claim = title_before(view.id, view.text, m.start, m.end)
            if claim is None:
                continue
            # the body named in the speaker's own phrase ("Acme CEO N"), not in the quote
            head = view.mention_head_of(m)
            before = {view.entity_at(j) for j in view.subtree(head) if j < view.token_at(m.start)}
            officer = (
                step == 0 and len(bodies) == 1 == len(ids) and claim.head in onto.OFFICER_HEADS
            )
            if before & bodies or officer:
                found.append(_Party(m.entity_id, view.mention_head_of(m)))
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _announced(view: DocumentView, cand: _Candidate) -> _Candidate | None:
    """A decision stated in a dated past report ("Acme will cut 500 jobs, its chief said
    on Friday"): the candidate with the reporting verb among its predicates, which gives
    the date and the speaker; None when the trigger is not such a decision."""
    i = cand.token
    if cand.trigger.kind not in onto.ANNOUNCED_KINDS or not view.is_verb(i):
        return None
    said = _announcing_verb(view, i)
    if said is None:
        return None
    if view.tokens[said].tag != "VBD":
        return None
    found = replace(cand, preds=cand.preds | {said})
    time = _attached_time(view, found) or _attached_time(view, found, view.partial_times)
    if time is None or time.direction == "future":
        return None
    return found


def _announcing_verb(view: DocumentView, i: int) -> int | None:
    """The verb announcing the clause of ``i``: its head when ``i`` is its complement
    ("said it reached a deal"), or reached through a completed act the speaker is pleased
    with or proud of ("said that he was pleased to have reached a deal")."""
    j = i
    if view.tokens[j].dep == "xcomp" and _perfect(view, j):
        up = view.head(j)
        if view.tokens[up].dep == "acomp" and view.tokens[up].pos == "ADJ":
            j = view.head(up)  # "was pleased to have reached": the clause of "was"
    said = view.head(j)
    if view.tokens[j].dep != "ccomp" or view.lemma(said) not in onto.ANNOUNCING_LEMMAS:
        return None
    return said


def _base(
    view: DocumentView,
    cand: _Candidate,
    time: Time | None,
    parties: Sequence[_Party],
    scheduled: bool,
) -> EventMention:
    t = view.tokens[cand.token]
    span = _period(view, cand, time) if time else None
    name, key = _name(view, cand)
    people = tuple(p.entity_id for p in parties if view.is_person(p.entity_id))
    place = _place(view, cand)
    return EventMention(
        document_id=view.id,
        type=cand.trigger.type,
        kind=cand.trigger.kind,
        trigger=t.text,
        trigger_start=t.start,
        trigger_end=t.end,
        source=view.source(cand.unit),
        participants=_as_participants(view, parties),
        location=view.names.get(place) if place else None,
        location_id=place,
        date=time.value if time else None,
        end=time.end_value if time else None,
        span=span if time and span != (time.value, time.end_value) else None,
        lemma=view.lemma(cand.token),
        precision=time.precision if time else None,
        background=_background(view, time) if time else False,
        scheduled=scheduled,
        mode="planned" if scheduled else "happened",
        published=view.published,
        name=name,
        key=key,
        thing=cand.thing if cand.thing not in onto.GENERIC_THINGS else None,
        phrase=_phrase(view, cand),
        people=people,
    )


def _as_participants(view: DocumentView, parties: Sequence[_Party]) -> tuple[Participant, ...]:
    return tuple(
        Participant(p.entity_id, view.names.get(p.entity_id, p.entity_id), _role(view, p))
        for p in parties
    )


def _receptions(
    view: DocumentView, cand: _Candidate, base: EventMention, parties: Sequence[_Party]
) -> list[EventMention]:
    """One reception per host: "received separately by A and B" is two receptions."""
    guests = {view.entity_at(g) for g in _guests(view, cand.token)}
    people = [p for p in parties if view.is_person(p.entity_id)]
    hosts = [p for p in people if p.entity_id not in guests]
    visitors = [p for p in people if p.entity_id in guests]
    if not hosts or not visitors:
        return [replace(base, hosts=tuple(p.entity_id for p in hosts))]
    out = []
    for host in hosts:
        chosen = [host, *visitors]
        ids = tuple(p.entity_id for p in chosen)
        parts = _as_participants(view, chosen)
        out.append(replace(base, participants=parts, hosts=(host.entity_id,), people=ids))
    return out


def _merge_in_units(found: list[EventMention]) -> list[EventMention]:
    """Two triggers of one sentence for one event ("signed a memorandum ..., with A and
    B putting their names to the document") are one mention."""
    out: list[EventMention] = []
    for m in found:
        same = next((k for k, o in enumerate(out) if _same_in_unit(o, m)), None)
        if same is None:
            out.append(m)
            continue
        o = out[same]
        merged = {p.entity_id: p for p in (*o.participants, *m.participants)}
        out[same] = replace(
            o,
            participants=tuple(merged.values()),
            people=tuple(dict.fromkeys((*o.people, *m.people))),
            location_id=o.location_id or m.location_id,
            date=o.date or m.date,
            end=o.end or m.end,
            precision=o.precision or m.precision,
            location=o.location or m.location,
            thing=o.thing or m.thing,
            phrase=o.phrase or m.phrase,
        )
    return out


def _within_visits(found: list[EventMention]) -> list[EventMention]:
    """Talks reported in the same sentence as a dated visit ("held talks with Hegseth,
    whose visit runs from November 2 to 3") took place within the visit's days."""
    out = []
    for m in found:
        visit = next(
            (
                v
                for v in found
                if v.source == m.source and v.kind in onto.MULTI_DAY_KINDS and v.date
            ),
            None,
        )
        same_family = visit and onto.KIND_FAMILY[m.kind] == onto.KIND_FAMILY[visit.kind]
        if m.date is None and visit is not None and same_family:
            m = replace(m, date=visit.date, end=visit.end, precision=visit.precision)
            m = replace(m, span=visit.span)
        out.append(m)
    return out


def _same_in_unit(a: EventMention, b: EventMention) -> bool:
    return (
        a.source == b.source
        and a.type == b.type
        and a.kind == b.kind
        and a.kind != "reception"
        and (a.date is None or b.date is None or a.date == b.date)
        and (a.thing is None or b.thing is None or a.thing == b.thing)
    )


# --- The lead event and the acts at it ------------------------------------------------


def lead_event(view: DocumentView, found: Sequence[EventMention]) -> EventMention | None:
    """The meeting an article reports: its first day-precise, current CONSULT event
    with a named person from the few days before publication (a visit last)."""
    if view.reference is None:
        return None
    leads = []
    for m in found:
        if m.type != "CONSULT" or m.precision != "day" or m.background or not m.date:
            continue
        days = (view.reference - dt.date.fromisoformat(m.date)).days
        if 0 <= days <= LEAD_DAYS and m.people:
            leads.append(m)
    leads.sort(key=lambda m: m.kind in onto.MULTI_DAY_KINDS)
    return leads[0] if leads else None


def _anchor_acts(view: DocumentView, found: list[EventMention]) -> list[EventMention]:
    """Undated acts at the lead event take its date, place and (when only described)
    its parties; undated acts with no lead event are dropped in a dated article. An
    event the lede reports in the past tense with no time of its own is the article's
    news: it takes the publication date, marked as such (clustering lets a report
    dated by its text decide)."""
    lead = lead_event(view, found)
    out = []
    for m in found:
        if m.date is None and lead is not None and _act_of(view, m, lead):
            m = _at(m, lead)
        elif m.date is None and m.type in onto.ACT_TYPES and view.reference is not None:
            continue
        elif m.date is None and _lede_news(view, m):
            day = _lede_day(view, m) or view.published
            m = replace(m, date=day, end=day, precision="day", from_published=True)
        out.append(_with_dateline(view, m))
    return out


def _lede_day(view: DocumentView, m: EventMention) -> str | None:
    """The day the lede gives before a report that gives none ("X and Y agreed Sunday to
    ... . X and Y met in Kuala Lumpur."): the article's news day, when it lies in the few
    days before publication."""
    if view.reference is None:
        return None
    k = view.unit_of[view.token_at(m.trigger_start)]
    for unit in reversed(view.units[:k]):
        days = [t for t in view.times_in(unit) if t.precision == "day" and not t.bound]
        for t in days:
            gap = (view.reference - dt.date.fromisoformat(t.value)).days
            if 0 <= gap <= LEAD_DAYS:
                return t.value
        if days:
            return None  # the nearest dated sentence is of another time
    return None


def _lede_news(view: DocumentView, m: EventMention) -> bool:
    """A report in the article's first sentences, in the simple past, with no time
    expression in its sentence."""
    if view.reference is None or m.scheduled or not view.published:
        return False
    k = view.unit_of[view.token_at(m.trigger_start)]
    if k < 0 or k >= LEDE_UNITS:
        return False
    unit = view.units[k]
    if view.times_in(unit):
        return False
    i = view.token_at(m.trigger_start)
    v = i if view.is_verb(i) else view.head(i)
    if view.tokens[v].dep == "conj":
        v = view.head(v)
    said = view.head(v)
    if view.tokens[v].dep == "ccomp" and view.lemma(said) in onto.ANNOUNCING_LEMMAS:
        if view.tokens[said].dep != "ROOT" or view.tokens[said].tag != "VBD":
            return False  # "X said (on Friday) that workers voted": the news it reports
        if view.tokens[v].tag == "VBD":
            return True
    if _past_fact(view, v):
        return True  # "Acme will restart after workers returned": the news behind the news
    if view.tokens[v].dep != "ROOT":
        return False  # "... when Boeing withdrew its offer": background to the news
    if view.tokens[v].tag == "VBN" and _lede_perfect(view, v):
        return True  # "Acme and the union have reached a deal": just done
    return view.tokens[v].tag == "VBD" or (view.tokens[v].tag == "VBN" and is_passive(view, v))


def _act_of(view: DocumentView, m: EventMention, lead: EventMention) -> bool:
    text = view.text[m.source.start : m.source.end].lower()
    family = onto.KIND_FAMILY[lead.kind]
    refers = any(
        re.search(rf"\bthe (?:same )?{noun}\b", text)
        for noun, fam in onto.ANAPHOR_NOUNS.items()
        if fam == family
    )
    if m.type not in onto.ACT_TYPES:
        return refers and m.type != lead.type
    return refers or (bool(m.people) and set(m.people) <= set(lead.people))


def _at(m: EventMention, lead: EventMention) -> EventMention:
    described = m.described or not m.people
    return replace(
        m,
        date=lead.date,
        end=lead.end,
        span=lead.span,
        precision=lead.precision,
        location=m.location or lead.location,
        location_id=m.location_id or lead.location_id,
        participants=lead.participants if described else m.participants,
        people=lead.people if described else m.people,
    )


def _with_dateline(view: DocumentView, m: EventMention) -> EventMention:
    """The dateline place is where a same-day event took place (not a phone call's)."""
    if m.location or not view.dateline or m.kind == "call" or m.background:
        return m
    if view.reference is None or m.precision != "day" or not m.date:
        return m
    days = (view.reference - dt.date.fromisoformat(m.date)).days
    if not 0 <= days <= 1:
        return m
    place = view.dateline.entity_id
    return replace(m, location=view.names.get(place or ""), location_id=place)
