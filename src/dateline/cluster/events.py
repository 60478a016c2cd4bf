"""One event from every report of it, across documents.

:func:`cluster_events` merges :class:`EventMention` records. Two reports are one event
when their types match and their kinds can be one event (talks during a visit; never a
phone call and a visit), their dates are compatible (one period contains the other: a
"February 2025 call" contains "February 7"), what they sign or name agrees ("13th
dialogue", "memorandum" against "statement") and their people agree (one set contains
the other: a reception by Tô Lâm is not a reception by Lương Cường).

Dated reports are merged first, the most precise first, each joining the cluster it
agrees with on every dated report already in it. An undated report then joins the one
dated event it fits (its people all in it, or the same name); the nearest in time to its
article's date when there are several; none when it stays ambiguous. Undated reports
left over make undated events only when they come from undated articles and name a
person; a passing reference without a date in a dated article is no event of its own.

A yearless report ("withdrew on October 8") from an undated article that joins no event
on its day takes its year from the collection when only one year can hold it: the
articles' publication dates span a window, widened a little before its first date (an
article reports the past, so never after its last), and a month and day inside that
window in exactly one year are dated to that year. A window that holds the day in two
years leaves it yearless. A dated article never has yearless reports, so a collection of
dated articles is untouched.

An undated event from an undated article is placed within a visit when the same article
also reports that (dated) visit and the event involves its visitor: the President
receives a guest during the guest's visit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dateline.extract import ontology as onto
from dateline.extract.events import EventMention
from dateline.lexicon.places import country_of
from dateline.model import Entity, Event, Participant, Source

__all__ = ["cluster_events", "collection_window", "year_in_window"]

# How many days before its article the news of its lede may lie.
LEAD_DAYS = 3
# How far back an undated report naming only some of an event's people may reach.
RECENT_DAYS = 31
# How long before the collection's first publication date a yearless day may lie: its
# first articles report events of the weeks before them.
YEAR_MARGIN_DAYS = 31
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
# In how many documents a numbered branch must act to stand for its parent body: one
# passing mention of a local does not make it the body's voice.
ACTING_DOCUMENTS = 2
# Words that name a numbered branch of a body ("Local 12", "District 9", "Lodge 3").
BRANCH_WORDS = frozenset(
    {"local", "district", "lodge", "chapter", "branch", "unit", "division", "section", "council"}
)
# Verbs of the handover and aid titles, by trigger lemma.
ACTION_WORDS = {
    "hand": "hand over",
    "handover": "hand over",
    "return": "return",
    "repatriate": "repatriate",
    "repatriation": "repatriate",
    "exchange": "exchange",
}
# Verbs of other titles without a trigger verb of their own, by kind.
KIND_WORDS = {
    "funding": "aid",
    "handover": "hand over",
    "request": "request",
    "return": "return to work",
}


@dataclass(slots=True)
class _Cluster:
    """The reports of one event. ``mentions`` is only ever appended to: what :func:`_fits`
    reads of them (types, kinds, people, intervals...) is folded in from the reports not seen
    yet, so testing a report against an event of thousands does not read them all again."""

    mentions: list[EventMention] = field(default_factory=list)
    _seen: int = field(default=0, init=False, repr=False, compare=False)
    _types: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _kinds: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _things: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _hosts: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _people: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _named: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _documents: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _key: str | None = field(default=None, init=False, repr=False, compare=False)
    _dated: list[EventMention] = field(default_factory=list, init=False, repr=False, compare=False)
    _narrowest: EventMention | None = field(default=None, init=False, repr=False, compare=False)
    # distinct intervals of the dated reports, in order: nesting depends on nothing else
    _intervals: dict[tuple[str, str], None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _sync(self) -> None:
        for m in self.mentions[self._seen :]:
            self._types.add(m.type)
            self._kinds.add(m.kind)
            if m.thing:
                self._things.add(m.thing)
            self._hosts.update(m.hosts)
            self._people.update(m.people)
            self._named.update(p.entity_id for p in m.participants)
            self._documents.add(m.document_id)
            if self._key is None and m.key:
                self._key = m.key
            if m.date:
                self._dated.append(m)
                # the first of the narrowest, as ``sorted(dated, key=_order)[0]``
                if self._narrowest is None or _order(m) < _order(self._narrowest):
                    self._narrowest = m
                self._intervals[_interval(m)] = None
        self._seen = len(self.mentions)

    @property
    def people(self) -> set[str]:
        self._sync()
        return set(self._people)

    @property
    def parties(self) -> set[str]:
        self._sync()
        return self._named - self._people

    @property
    def kinds(self) -> set[str]:
        self._sync()
        return set(self._kinds)

    @property
    def dated(self) -> list[EventMention]:
        self._sync()
        return list(self._dated)

    @property
    def documents(self) -> set[str]:
        self._sync()
        return set(self._documents)

    @property
    def narrowest(self) -> EventMention | None:
        """Its most precise dated report (the first of them on a tie)."""
        self._sync()
        return self._narrowest

    @property
    def key(self) -> str | None:
        """The first name key of its reports (``first("key")``)."""
        self._sync()
        return self._key

    def first(self, attribute: str) -> str | None:
        return next((getattr(m, attribute) for m in self.mentions if getattr(m, attribute)), None)


def _interval(m: EventMention) -> tuple[str, str]:
    if m.span:
        return m.span
    return (m.date or "", m.end or m.date or "")


def _nests(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One interval within the other."""
    (a0, a1), (b0, b1) = a, b
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _nested(a: set[str], b: set[str]) -> bool:
    return not a or not b or a <= b or b <= a


def _fits(m: EventMention, c: _Cluster) -> bool:
    """Whether a report can be one more report of the cluster's event."""
    c._sync()
    if any(t != m.type for t in c._types):
        return False
    family = onto.KIND_FAMILY[m.kind]
    if any(onto.KIND_FAMILY[k] != family for k in c._kinds):
        return False
    if m.thing and c._things and m.thing not in c._things:
        return False
    key = c._key
    if m.key and key and m.key != key:
        return False
    if m.hosts and c._hosts and not set(m.hosts) & c._hosts:
        return False
    if m.date:
        own = _interval(m)
        if not all(_nests(own, x) for x in c._intervals):
            return False
    if m.key and m.key == key:
        return True  # the same named meeting, whoever is named with it
    people = set(m.people)
    parties = {p.entity_id for p in m.participants} - people
    if people and c._people and m.kind not in onto.GATHERING_KINDS:
        # a report vaguer than the event's day ("earlier this month X negotiated with Y")
        # may be another act of the same person: its organisations must agree too
        return _nested(people, c._people) and (
            not _vaguer(m, c) or _nested(parties, c._named - c._people)
        )
    return _nested(parties, c._named - c._people)


def _vaguer(m: EventMention, c: _Cluster) -> bool:
    """An event dated to the day and a report that gives no day (undated, or of a month
    or a year; a yearless day is a day)."""
    narrowest = c._narrowest
    vague = m.precision != "day" and not m.day
    return vague and narrowest is not None and narrowest.precision == "day"


def _score(m: EventMention, c: _Cluster) -> tuple[bool, int, bool]:
    c._sync()
    return (bool(m.key) and m.key == c._key, len(set(m.people) & c._people), m.kind in c._kinds)


def _order(m: EventMention) -> tuple[int, int, str, int]:
    """Narrowest dates first, so an event takes its shape from its most precise report."""
    start, end = _interval(m)
    width = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    return (width, PRECISION_RANK[m.precision], m.document_id, m.trigger_start)


# --- Candidate index -----------------------------------------------------------------
#
# Comparing every report with every event so far is quadratic in the corpus. The index
# returns, in creation order (ties go to the first event, as in a plain scan), only the
# events that pass conditions :func:`_fits` and :func:`_joins` imply; they stay the judges.
# - Every report of an event has its type and kind family: one group per pair.
# - Dated reports come narrowest first, so an event's first report is its narrowest dated
#   one; a report nests with it only if that first interval lies within the report's own
#   (equal widths: the same interval). Events are found by the first interval's start day.
# - A report with people fits an event that has people only if they share one (else one
#   set could not contain the other), unless it carries the event's name key; the same for
#   parties when people cannot decide. Likewise for the thing signed and the hosts, and a
#   name key must be the event's or the event must have none.
# - An undated report joins an event by its name key or by all its people being in it.
# Each condition names the events that can pass it; the shortest such list is read and
# filtered by all of them, so a year-wide report does not read a year of events.

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_day(text: str) -> bool:
    """Only ``YYYY-MM-DD`` compares as text the way it compares as a date."""
    return _DAY.fullmatch(text) is not None


@dataclass(slots=True, eq=False)
class _Entry:
    """What the index keeps of one event, kept up to date as reports join it."""

    seq: int  # creation order
    cluster: _Cluster
    start: str  # interval of the first report ("" when undated)
    end: str
    days: bool  # start and end are ISO days: the interval test applies
    key: str | None = None  # the cluster's first name key, as ``_Cluster.first("key")``
    # people, things signed, hosts: all of its reports', by facet (see ``_FACETS``)
    values: dict[str, set[str]] = field(default_factory=lambda: {f: set() for f in _FACETS})
    named: set[str] = field(default_factory=set)  # every participant; parties: not people


# What a report brings to each facet. An event with values of a facet takes a report with
# values of that facet only if they share one (people: unless the report has its name key).
_FACETS: dict[str, Callable[[EventMention], Iterable[str]]] = {
    "people": lambda m: m.people,
    "thing": lambda m: (m.thing,) if m.thing else (),
    "hosts": lambda m: m.hosts,
}


@dataclass(slots=True)
class _Group:
    """The events of one type and kind family."""

    entries: list[_Entry] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # sorted distinct start days
    by_start: dict[str, list[_Entry]] = field(default_factory=dict)
    odd: list[_Entry] = field(default_factory=list)  # not ISO days, or start after end
    # facet -> value -> events with it; facet -> events with no value yet, by seq
    by_value: dict[str, defaultdict[str, list[_Entry]]] = field(
        default_factory=lambda: {f: defaultdict(list) for f in _FACETS}
    )
    without: dict[str, dict[int, _Entry]] = field(default_factory=lambda: {f: {} for f in _FACETS})
    by_key: defaultdict[str, list[_Entry]] = field(default_factory=lambda: defaultdict(list))
    keyless: dict[int, _Entry] = field(default_factory=dict)
    by_named: defaultdict[str, list[_Entry]] = field(default_factory=lambda: defaultdict(list))
    partyless: dict[int, _Entry] = field(default_factory=dict)  # every participant a person


class _Index:
    """Events by type and kind family, first start day, people, thing, hosts and name key."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], _Group] = {}
        self.entries: dict[int, _Entry] = {}  # by id() of the cluster

    def add(self, c: _Cluster) -> None:
        """Index a new cluster (of one report)."""
        first = c.mentions[0]
        group = self.groups.setdefault((first.type, onto.KIND_FAMILY[first.kind]), _Group())
        start, end = _interval(first) if first.date else ("", "")
        days = _is_day(start) and _is_day(end)
        e = _Entry(len(self.entries), c, start, end, days)
        self.entries[id(c)] = e
        group.entries.append(e)
        if days and start <= end:
            if start not in group.by_start:
                group.by_start[start] = []
                group.starts.insert(bisect_left(group.starts, start), start)
            group.by_start[start].append(e)
        else:
            group.odd.append(e)
        for facet in _FACETS:
            group.without[facet][e.seq] = e
        group.keyless[e.seq] = e
        self._update(group, e, first)

    def append(self, c: _Cluster, m: EventMention) -> None:
        """Add report ``m`` to cluster ``c`` and update what the index knows of it."""
        c.mentions.append(m)
        e = self.entries[id(c)]
        first = c.mentions[0]
        self._update(self.groups[(first.type, onto.KIND_FAMILY[first.kind])], e, m)

    @staticmethod
    def _update(group: _Group, e: _Entry, m: EventMention) -> None:
        for facet, values_of in _FACETS.items():
            have = e.values[facet]
            for value in values_of(m):
                if value not in have:
                    have.add(value)
                    group.by_value[facet][value].append(e)
                    group.without[facet].pop(e.seq, None)
        if e.key is None and m.key:
            e.key = m.key
            group.by_key[m.key].append(e)
            group.keyless.pop(e.seq, None)
        for p in m.participants:
            if p.entity_id not in e.named:
                e.named.add(p.entity_id)
                group.by_named[p.entity_id].append(e)
        # a party named as a person in a later report is a party no more: this one changes
        # both ways, so it is worked out again each time
        if e.named <= e.values["people"]:
            group.partyless[e.seq] = e
        else:
            group.partyless.pop(e.seq, None)

    def dated_candidates(self, m: EventMention) -> list[_Cluster]:
        """The clusters a dated report may fit, in creation order."""
        group = self.groups.get((m.type, onto.KIND_FAMILY[m.kind]))
        if group is None:
            return []
        start, end = _interval(m)
        days = _is_day(start) and _is_day(end)
        own = {facet: set(values_of(m)) for facet, values_of in _FACETS.items()}
        parties = {p.entity_id for p in m.participants} - own["people"]
        if m.kind in onto.GATHERING_KINDS:
            own["people"] = set()  # a gathering's reports name different people

        def passes(e: _Entry) -> bool:
            if days and e.days and not (start <= e.start and e.end <= end):
                return False
            if m.key and e.key is not None and e.key != m.key:
                return False
            for facet, values in own.items():
                if values and e.values[facet] and not values & e.values[facet]:
                    if facet == "people" and m.key and e.key == m.key:
                        continue  # the same named meeting, whoever is named with it
                    return False
            if not parties or (m.key and e.key == m.key) or (own["people"] and e.values["people"]):
                return True
            theirs = e.named - e.values["people"]  # when people cannot decide, parties do
            return not theirs or bool(parties & theirs)

        # Each condition names the events that can pass it; the shortest list is read.
        # By date: the events whose first report starts within the report's interval.
        if days:
            lo, hi = bisect_left(group.starts, start), bisect_right(group.starts, end)
            by_date: list[Collection[_Entry]] = [group.by_start[d] for d in group.starts[lo:hi]]
            options = [[*by_date, group.odd]]
        else:
            options = [[group.entries]]
        for facet, values in own.items():
            if values:
                lists: list[Collection[_Entry]] = [group.by_value[facet].get(v, []) for v in values]
                lists.append(group.without[facet].values())
                if facet == "people" and m.key:
                    lists.append(group.by_key.get(m.key, []))
                options.append(lists)
        if m.key:
            options.append([group.by_key.get(m.key, []), group.keyless.values()])
        if parties and not own["people"]:
            by_party: list[Collection[_Entry]] = [group.by_named.get(p, []) for p in parties]
            by_party.append(group.partyless.values())
            if m.key:
                by_party.append(group.by_key.get(m.key, []))
            options.append(by_party)
        shortest = min(options, key=lambda lists: sum(map(len, lists)))
        found = {e.seq: e for entries in shortest for e in entries if passes(e)}
        return [found[seq].cluster for seq in sorted(found)]

    def undated_candidates(self, m: EventMention) -> list[_Cluster]:
        """The clusters an undated report may join (its name key, or all its people), in
        creation order."""
        group = self.groups.get((m.type, onto.KIND_FAMILY[m.kind]))
        if group is None:
            return []
        found: dict[int, _Entry] = {}
        if m.key:
            found.update((e.seq, e) for e in group.by_key.get(m.key, []))
        if m.people:
            people = set(m.people)
            by_person = group.by_value["people"]
            rarest = min((by_person.get(p, []) for p in people), key=len)
            found.update((e.seq, e) for e in rarest if people <= e.values["people"])
            for p in people:  # events whose people are all among the report's
                found.update(
                    (e.seq, e) for e in by_person.get(p, []) if e.values["people"] < people
                )
        return [found[seq].cluster for seq in sorted(found)]


def _group_dated(mentions: Sequence[EventMention], index: _Index) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # reports dated by their own text first; those dated only by their article after
    texted = sorted((m for m in mentions if m.date and not m.from_published), key=_order)
    for m in texted:
        _join_or_open(m, index, clusters)
    dated_by_article = (m for m in mentions if m.from_published)
    for m in sorted(dated_by_article, key=lambda m: (m.date or "", m.document_id, m.trigger_start)):
        # the article's news may have happened a few days before it: an event dated by
        # its text in those days takes it when it is the only one that fits
        loose = replace(m, date=None, end=None, precision=None, span=None)
        near = [c for c in _by_days(index, m, LEAD_DAYS) if _fits(loose, c)]
        near = [c for c in near if _shares_people(m, c)]
        if len(near) == 1:
            index.append(near[0], loose)
            continue
        _join_or_open(m, index, clusters)
    return clusters


def _shares_people(m: EventMention, c: _Cluster) -> bool:
    """Whether a report and an event name someone in common, when both name people (a
    gathering's reports need not)."""
    if m.kind in onto.GATHERING_KINDS or not (m.people and c.people):
        return True
    return bool(set(m.people) & c.people)


def _join_or_open(m: EventMention, index: _Index, clusters: list[_Cluster]) -> None:
    """Add a dated report to the event it fits best, or open a new event with it."""
    fitting = [c for c in index.dated_candidates(m) if _fits(m, c)]
    if fitting:
        index.append(max(fitting, key=lambda c: _score(m, c)), m)
    else:
        clusters.append(_Cluster([m]))
        index.add(clusters[-1])


def _by_days(index: _Index, m: EventMention, days: int) -> list[_Cluster]:
    """The dated clusters of the report's type and kind family that start within
    ``days`` before its date (or on it)."""
    group = index.groups.get((m.type, onto.KIND_FAMILY[m.kind]))
    if group is None or not m.date:
        return []
    last = dt.date.fromisoformat(m.date)
    first = (last - dt.timedelta(days=days)).isoformat()
    lo, hi = bisect_left(group.starts, first), bisect_right(group.starts, last.isoformat())
    return [e.cluster for d in group.starts[lo:hi] for e in group.by_start[d]]


def _same_day(index: _Index, m: EventMention) -> list[_Cluster]:
    """Dated clusters on the month and day a yearless report gives ("on Sept. 13")."""
    group = index.groups.get((m.type, onto.KIND_FAMILY[m.kind]))
    if group is None or not m.day:
        return []
    return [
        e.cluster
        for d in group.starts
        if d[5:] == m.day
        for e in group.by_start[d]
        if e.cluster.narrowest is not None and e.cluster.narrowest.precision == "day"
    ]


def _on_weekday(
    index: _Index, m: EventMention, window: tuple[dt.date, dt.date] | None
) -> list[_Cluster]:
    """Dated clusters on the weekday an undated article's report gives ("voted on
    Monday"), within the collection's window: the report joins the one that fits."""
    group = index.groups.get((m.type, onto.KIND_FAMILY[m.kind]))
    if group is None or m.weekday is None or m.published or window is None:
        return []
    first, last = window
    found = []
    for d in group.starts:
        day = dt.date.fromisoformat(d)
        if day.weekday() != m.weekday or not first <= day <= last:
            continue
        found += [
            e.cluster
            for e in group.by_start[d]
            if e.cluster.narrowest is not None and e.cluster.narrowest.precision == "day"
        ]
    return found


def _joins(m: EventMention, c: _Cluster) -> bool:
    """An undated report joins only on evidence: the same name, or all its people."""
    if not _fits(m, c):
        return False
    if m.key and m.key == c._key:  # _fits brought the cluster's aggregates up to date
        return True
    # all its people in it, or all of the event's people among its own ("A and B met
    # C and D" joins the dated "A and B met their counterparts")
    people = set(m.people)
    return bool(people) and (people <= c._people or (bool(c._people) and c._people < people))


def _preferred(m: EventMention, fitting: list[_Cluster]) -> list[_Cluster]:
    """The events that hold all the report's people (or its name) when there are any;
    an event of only some of them is a candidate only when none does."""
    full = [c for c in fitting if (m.key and m.key == c.key) or set(m.people) <= c.people]
    if full or not m.published:
        return full or fitting
    # a dated article's undated report of only some of them speaks of recent days
    published = dt.date.fromisoformat(m.published)
    return [c for c in fitting if c.narrowest is not None and _recent(c.narrowest, published)]


def _recent(m: EventMention, published: dt.date) -> bool:
    start = dt.date.fromisoformat(_interval(m)[0])
    return 0 <= (published - start).days <= RECENT_DAYS


def _nearest(m: EventMention, fitting: list[_Cluster]) -> _Cluster | None:
    """The one fitting event; with several, the one nearest the article's date."""
    if len(fitting) == 1:
        return fitting[0]
    if not m.published or not fitting:
        return None
    published = dt.date.fromisoformat(m.published)

    def distance(c: _Cluster) -> int:
        assert c.narrowest is not None  # only dated events are ranked here
        start = _interval(c.narrowest)[0]
        return abs((published - dt.date.fromisoformat(start)).days)

    ranked = sorted(fitting, key=distance)
    return ranked[0] if distance(ranked[0]) < distance(ranked[1]) else None


def _group_undated(
    mentions: Sequence[EventMention],
    clusters: list[_Cluster],
    dated: _Index,
    window: tuple[dt.date, dt.date] | None = None,
) -> None:
    loose: list[_Cluster] = []
    undated = _Index()  # the loose clusters, apart: they are tried only after the dated ones
    for m in sorted(
        (m for m in mentions if not m.date), key=lambda m: (m.document_id, m.trigger_start)
    ):
        on_day = _same_day(dated, m)
        same_day = [c for c in on_day if _fits(m, c)]
        if not same_day:
            # reports of a strike or a vote name one side each ("the union walked out",
            # "Boeing's workers walked out"): a yearless day of the one such event joins it
            # whatever organisations it names, its people still agreeing
            sides = replace(
                m, participants=tuple(p for p in m.participants if p.entity_id in m.people)
            )
            same_day = [c for c in on_day if _fits(sides, c)]
        if len(same_day) == 1:
            dated.append(same_day[0], m)
            continue
        year = year_in_window(m.day, window) if m.day and not same_day and not m.published else None
        if year is not None:
            # no event on that day to join: the collection's one year dates it
            _join_or_open(replace(m, date=year, end=year, precision="day"), dated, clusters)
            continue
        target = _nearest(
            m, _preferred(m, [c for c in dated.undated_candidates(m) if _joins(m, c)])
        )
        if target is None:  # no event holds its people: the weekday it gives may decide
            weekday = [c for c in _on_weekday(dated, m, window) if _fits(m, c)]
            target = weekday[0] if len(weekday) == 1 else None
        owner = dated
        if target is None:
            target = next((c for c in undated.undated_candidates(m) if _joins(m, c)), None)
            owner = undated
        if target is not None:
            owner.append(target, m)
        elif m.published is None:
            loose.append(_Cluster([m]))
            undated.add(loose[-1])
    clusters.extend(c for c in loose if c.people)


def _group(
    mentions: Sequence[EventMention], published: Iterable[str | None] | None = None
) -> list[_Cluster]:
    """The reports grouped into events: dated ones first, then the undated."""
    index = _Index()
    clusters = _group_dated(mentions, index)
    window = collection_window(
        (m.published for m in mentions) if published is None else published, mentions
    )
    _group_undated(mentions, clusters, index, window)
    return clusters


def collection_window(
    published: Iterable[str | None], mentions: Iterable[EventMention] = ()
) -> tuple[dt.date, dt.date] | None:
    """The days a yearless report of the collection can lie in: from a little before the
    first publication date to the last one (an article reports the past). With no dated
    article, the days its reports date by their own text stand in for them. None when
    nothing in the collection is dated."""
    days = {d for d in published if d and _is_day(d)}
    last = max(days, default=None)
    # days the texts themselves give to current reports may reach further back
    days |= {
        m.date
        for m in mentions
        if m.date
        and m.precision == "day"
        and not (m.from_published or m.background or m.scheduled)
        and _is_day(m.date)
    }
    if not days:
        return None
    first = dt.date.fromisoformat(min(days)) - dt.timedelta(days=YEAR_MARGIN_DAYS)
    return first, dt.date.fromisoformat(last or max(days))


def year_in_window(day: str, window: tuple[dt.date, dt.date] | None) -> str | None:
    """The ISO date of month and day ``day`` ("MM-DD") in the one year that puts it inside
    ``window``; None when no year or two years do (a window longer than a year)."""
    if window is None or not re.fullmatch(r"[0-9]{2}-[0-9]{2}", day):
        return None
    first, last = window
    fits = []
    for year in range(first.year, last.year + 1):
        try:
            candidate = dt.date(year, int(day[:2]), int(day[3:]))
        except ValueError:  # 29 February of a common year, or no such day
            continue
        if first <= candidate <= last:
            fits.append(candidate)
    return fits[0].isoformat() if len(fits) == 1 else None


# --- Events --------------------------------------------------------------------------


def cluster_events(
    mentions: Sequence[EventMention],
    entities: Iterable[Entity] | Mapping[str, Entity],
    published: Iterable[str | None] | None = None,
) -> list[Event]:
    """One :class:`Event` per event reported in ``mentions``, sorted by date.

    ``entities`` (the resolution's) give participants and places their canonical names;
    ``published``, the publication dates of the collection's documents (by default those
    of the reports' articles), bound the years a yearless report may lie in.
    """
    found = list(entities.values() if isinstance(entities, Mapping) else entities)
    names = {e.id: e.name for e in found}
    clusters = _group(as_acting_branch(mentions, found), published)
    periods = _visit_periods(clusters)
    built = [(_event(c, names, periods.get(id(c))), _identity(c)) for c in clusters]
    events = _with_unique_ids(built)
    return sorted(events, key=lambda e: (e.date or "9999", e.title, e.id))


def _branches(entities: Iterable[Entity]) -> dict[str, str]:
    """Numbered branches of the bodies named ("Acme Workers Local 12", "Acme 12" of "Acme
    Workers", also called "Acme"): each branch's parent, when it has one parent."""
    bodies = [e for e in entities if e.kind == "ORG"]
    by_name: dict[str, set[str]] = defaultdict(set)
    for e in bodies:
        for name in (e.name, *e.aliases):
            by_name[" ".join(name.lower().split())].add(e.id)
    out: dict[str, str] = {}
    for e in bodies:
        parents: set[str] = set()
        for name in (e.name, *e.aliases):
            words = name.lower().split()
            for k in range(1, len(words)):
                if _branch_code(name.split()[:k], words[k:]):
                    parents |= by_name.get(" ".join(words[:k]), set()) - {e.id}
        if len(parents) == 1:
            out[e.id] = parents.pop()
    return out


def _branch_code(parent: Sequence[str], rest: Sequence[str]) -> bool:
    """Whether the words after a body's name number one of its branches: a branch word
    with a number ("Local 12", "District W24"), or a number after an acronym ("ACME 12").
    A number after a plain name is more often a model ("Aerolux 380") than a branch."""
    if not any(c.isdigit() for w in rest for c in w):
        return False
    acronym = len(parent) == 1 and parent[0].isupper() and len(parent[0]) > 1
    return acronym or any(w in BRANCH_WORDS for w in rest)


def as_acting_branch(
    mentions: Sequence[EventMention], entities: Iterable[Entity]
) -> list[EventMention]:
    """Reports naming a body whose one acting branch the collection names, with that
    branch for the body: a national union's local bargains, strikes and votes, and
    reports of the story name it by the union's name as often as by its own. A branch
    acts when it is a party of reports in two documents or more, and in more than any
    other branch of the body; a report already naming a branch of the body is left as it
    is."""
    parent_of = _branches(entities)
    if not parent_of:
        return list(mentions)
    documents: dict[str, set[str]] = defaultdict(set)  # one pass, however many branches
    for m in mentions:
        for p in m.participants:
            if p.entity_id in parent_of:
                documents[p.entity_id].add(m.document_id)
    acting: dict[str, Counter[str]] = defaultdict(Counter)
    for branch, found in documents.items():
        if len(found) >= ACTING_DOCUMENTS:
            acting[parent_of[branch]][branch] = len(found)
    chosen: dict[str, str] = {}
    for parent, counts in acting.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            chosen[parent] = ranked[0][0]
    out = []
    for m in mentions:
        named = {p.entity_id for p in m.participants}
        swap = {
            p: b
            for p, b in chosen.items()
            if p in named and not any(parent_of.get(e) == p for e in named)
        }
        if swap:
            parties = tuple(
                replace(p, entity_id=swap.get(p.entity_id, p.entity_id)) for p in m.participants
            )
            m = replace(m, participants=parties)
        out.append(m)
    return out


def _identity(c: _Cluster) -> str:
    """What makes the event this event, not how it is reported: type, kind, people or
    parties, name and object. Another outlet's report does not change it."""
    family = onto.KIND_FAMILY[c.mentions[0].kind]
    who = sorted(c.people) or sorted(c.parties)
    hosts = sorted({h for m in c.mentions for h in m.hosts})
    return "|".join(
        [
            c.mentions[0].type,
            family,
            ",".join(who),
            ",".join(hosts),
            c.first("key") or "",
            c.first("thing") or "",
        ]
    )


def _visit_periods(clusters: Sequence[_Cluster]) -> dict[int, tuple[str, str]]:
    """Undated events placed within the one dated visit their article also reports."""
    out: dict[int, tuple[str, str]] = {}
    # Dated visits by document, so each undated event looks only at its own articles' visits.
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(clusters):
        if v.dated and "visit" in v.kinds:
            for document in v.documents:
                by_document[document].append(i)
    for c in clusters:
        if c.dated or any(m.published for m in c.mentions):
            continue
        shared = sorted({i for d in c.documents for i in by_document.get(d, ())})
        visits = [clusters[i] for i in shared if clusters[i].people & c.people]
        if len(visits) == 1:
            days = [_interval(m) for m in visits[0].dated if m.kind == "visit" and not m.span]
            days = [d for d in days if d[0]] or [_interval(visits[0].dated[0])]
            out[id(c)] = (min(d[0] for d in days), max(d[1] for d in days))
    return out


def _event(c: _Cluster, names: Mapping[str, str], within: tuple[str, str] | None) -> Event:
    dated = sorted(c.dated, key=_order)
    mentions = dated + [m for m in c.mentions if not m.date]
    best = next((m for m in mentions if m.date and not m.span), mentions[0])
    date, end, precision = best.date, best.end, best.precision
    if within is not None:
        date, end, precision = within[0], within[1], "day"
    participants = _participants(mentions, names)
    location = _location(mentions, names)
    return Event(
        id="",
        type=mentions[0].type,
        title=_title(mentions, participants, location),
        date=date,
        precision=precision,
        end_date=end if precision == "day" and end and end != date else None,
        location=location,
        participants=participants,
        sources=_sources(mentions),
        background=all(m.background for m in mentions),
    )


def _participants(
    mentions: Sequence[EventMention], names: Mapping[str, str]
) -> tuple[Participant, ...]:
    """Hosts first, then people, then countries and bodies, in order of appearance."""
    seen: dict[str, list[str | None]] = {}
    for m in mentions:
        for p in m.participants:
            seen.setdefault(p.entity_id, []).append(p.role)
    hosts = {h for m in mentions for h in m.hosts}
    people = {p for m in mentions for p in m.people}
    order = sorted(seen, key=lambda e: (e not in hosts, e not in people))
    out = []
    for entity in order:
        roles = Counter(r for r in seen[entity] if r)
        role = roles.most_common(1)[0][0] if roles else None
        fallback = next(p.name for m in mentions for p in m.participants if p.entity_id == entity)
        out.append(Participant(entity, names.get(entity, fallback), role))
    return tuple(out)


def _location(mentions: Sequence[EventMention], names: Mapping[str, str]) -> str | None:
    """The most reported place, a city or site before a country."""
    counts = Counter(m.location_id or m.location for m in mentions if m.location)
    if not counts:
        return None
    shown = {m.location_id or m.location: m.location for m in mentions if m.location}

    def rank(place: str) -> tuple[bool, int]:
        name = names.get(place, shown[place] or place)
        return (country_of(name) is None, counts[place])

    place = max(sorted(counts), key=rank)
    return names.get(place, shown[place])


def _sources(mentions: Iterable[EventMention]) -> tuple[Source, ...]:
    unique = {(m.source.document_id, m.source.start, m.source.end): m.source for m in mentions}
    return tuple(unique[k] for k in sorted(unique))


# --- Titles ----------------------------------------------------------------------------


def _title(
    mentions: Sequence[EventMention], participants: Sequence[Participant], location: str | None
) -> str:
    """A short description from the type, people, place and the event's own words."""
    kinds = {m.kind for m in mentions}
    kind = next((k for k in onto.KIND_PRIORITY if k in kinds), mentions[0].kind)
    people_ids = {p for m in mentions for p in m.people}
    people = [p.name for p in participants if p.entity_id in people_ids]
    others = [p.name for p in participants if p.entity_id not in people_ids]
    who = " – ".join(people or others)
    where = f" in {location}" if location else ""
    phrase = max((m.phrase for m in mentions if m.phrase), key=len, default=None)
    name = next((m.name for m in mentions if m.name), None)
    if mentions[0].type == "CONSULT":
        return _consult_title(kind, who, people, where, name)
    if mentions[0].type == "AGREE" and kind != "signing" and kind in onto.KIND_LABELS:
        doing = f"{' and '.join(people or others)} {onto.KIND_LABELS[kind]}".strip()
        return _capital(f"{doing} {phrase or 'a deal'}") + where
    if mentions[0].type == "AGREE":
        signed = phrase or next((m.thing for m in mentions if m.thing), "document")
        return f"{_capital(signed)} signed" + (
            f" by {' and '.join(people or others)}" if who else ""
        )
    action = ACTION_WORDS.get(mentions[0].lemma, KIND_WORDS.get(kind, kind))
    if mentions[0].type == "REQUEST" and (people or others):
        return f"{(people + others)[0]} asks {phrase or 'a request'}"
    return " ".join(part for part in (who, action, phrase or "") if part) + where


def _consult_title(kind: str, who: str, people: list[str], where: str, name: str | None) -> str:
    if kind == "reception" and len(people) > 1:
        return f"{people[0]} receives {', '.join(people[1:])}{where}"
    if name:
        return f"{name}{where}" + (f" ({who})" if who else "")
    label = onto.KIND_LABELS.get(kind, kind)
    if kind == "visit" and where and country_of(where[4:]):
        where = " to" + where[3:]  # a visit to a country, not in it
    return f"{who} {label}{where}".strip()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _with_unique_ids(built: Sequence[tuple[Event, str]]) -> list[Event]:
    """Stable ids: a hash of the event's date and identity, rehashed on a clash."""
    out, taken = [], set()
    for event, identity in sorted(built, key=lambda b: (b[0].date or "", b[1], b[0].title)):
        digest = hashlib.sha1(f"{event.date}|{identity}".encode()).hexdigest()
        while "ev" + digest[:12] in taken:
            digest = hashlib.sha1(digest.encode()).hexdigest()
        taken.add("ev" + digest[:12])
        out.append(replace(event, id="ev" + digest[:12]))
    return out
