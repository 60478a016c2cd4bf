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

An undated event from an undated article is placed within a visit when the same article
also reports that (dated) visit and the event involves its visitor: the President
receives a guest during the guest's visit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dateline.extract import ontology as onto
from dateline.extract.events import EventMention
from dateline.model import Entity, Event, Participant, Source
from dateline.resolve.aliases import country_of

__all__ = ["cluster_events"]

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
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
KIND_WORDS = {"funding": "aid", "handover": "hand over", "request": "request"}


@dataclass(slots=True)
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def people(self) -> set[str]:
        return {p for m in self.mentions for p in m.people}

    @property
    def parties(self) -> set[str]:
        return {p.entity_id for m in self.mentions for p in m.participants} - self.people

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions}

    @property
    def dated(self) -> list[EventMention]:
        return [m for m in self.mentions if m.date]

    @property
    def documents(self) -> set[str]:
        return {m.document_id for m in self.mentions}

    def first(self, attribute: str) -> str | None:
        return next((getattr(m, attribute) for m in self.mentions if getattr(m, attribute)), None)


def _interval(m: EventMention) -> tuple[str, str]:
    if m.span:
        return m.span
    return (m.date or "", m.end or m.date or "")


def _contains(a: EventMention, b: EventMention) -> bool:
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _nested(a: set[str], b: set[str]) -> bool:
    return not a or not b or a <= b or b <= a


def _fits(m: EventMention, c: _Cluster) -> bool:
    """Whether a report can be one more report of the cluster's event."""
    if any(x.type != m.type for x in c.mentions):
        return False
    family = onto.KIND_FAMILY[m.kind]
    if any(onto.KIND_FAMILY[k] != family for k in c.kinds):
        return False
    things = {x.thing for x in c.mentions if x.thing}
    if m.thing and things and m.thing not in things:
        return False
    key = c.first("key")
    if m.key and key and m.key != key:
        return False
    hosts = {h for x in c.mentions for h in x.hosts}
    if m.hosts and hosts and not set(m.hosts) & hosts:
        return False
    if m.date and not all(_contains(m, x) for x in c.dated):
        return False
    if m.key and m.key == key:
        return True  # the same named meeting, whoever is named with it
    people = set(m.people)
    if people and c.people:
        return _nested(people, c.people)
    parties = {p.entity_id for p in m.participants} - people
    return _nested(parties, c.parties)


def _score(m: EventMention, c: _Cluster) -> tuple[bool, int, bool]:
    key = c.first("key")
    return (bool(m.key) and m.key == key, len(set(m.people) & c.people), m.kind in c.kinds)


def _order(m: EventMention) -> tuple[int, int, str, int]:
    """Narrowest dates first, so an event takes its shape from its most precise report."""
    start, end = _interval(m)
    width = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    return (width, PRECISION_RANK[m.precision], m.document_id, m.trigger_start)


def _group_dated(mentions: Sequence[EventMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for m in sorted((m for m in mentions if m.date), key=_order):
        fitting = [c for c in clusters if _fits(m, c)]
        if fitting:
            max(fitting, key=lambda c: _score(m, c)).mentions.append(m)
        else:
            clusters.append(_Cluster([m]))
    return clusters


def _joins(m: EventMention, c: _Cluster) -> bool:
    """An undated report joins only on evidence: the same name, or all its people."""
    if not _fits(m, c):
        return False
    key = c.first("key")
    if m.key and m.key == key:
        return True
    return bool(m.people) and set(m.people) <= c.people


def _nearest(m: EventMention, fitting: list[_Cluster]) -> _Cluster | None:
    """The one fitting event; with several, the one nearest the article's date."""
    if len(fitting) == 1:
        return fitting[0]
    if not m.published or not fitting:
        return None
    published = dt.date.fromisoformat(m.published)

    def distance(c: _Cluster) -> int:
        start = _interval(sorted(c.dated, key=_order)[0])[0]
        return abs((published - dt.date.fromisoformat(start)).days)

    ranked = sorted(fitting, key=distance)
    return ranked[0] if distance(ranked[0]) < distance(ranked[1]) else None


def _group_undated(mentions: Sequence[EventMention], clusters: list[_Cluster]) -> None:
    dated = list(clusters)
    loose: list[_Cluster] = []
    for m in sorted(
        (m for m in mentions if not m.date), key=lambda m: (m.document_id, m.trigger_start)
    ):
        target = _nearest(m, [c for c in dated if _joins(m, c)])
        target = target or next((c for c in loose if _joins(m, c)), None)
        if target is not None:
            target.mentions.append(m)
        elif m.published is None:
            loose.append(_Cluster([m]))
    clusters.extend(c for c in loose if c.people)


# --- Events --------------------------------------------------------------------------


def cluster_events(
    mentions: Sequence[EventMention], entities: Iterable[Entity] | Mapping[str, Entity]
) -> list[Event]:
    """One :class:`Event` per event reported in ``mentions``, sorted by date.

    ``entities`` (the resolution's) give participants and places their canonical names.
    """
    found = entities.values() if isinstance(entities, Mapping) else entities
    names = {e.id: e.name for e in found}
    clusters = _group_dated(mentions)
    _group_undated(mentions, clusters)
    periods = _visit_periods(clusters)
    built = [(_event(c, names, periods.get(id(c))), _identity(c)) for c in clusters]
    events = _with_unique_ids(built)
    return sorted(events, key=lambda e: (e.date or "9999", e.title, e.id))


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
    for c in clusters:
        if c.dated or any(m.published for m in c.mentions):
            continue
        visits = [
            v
            for v in clusters
            if v.dated and "visit" in v.kinds and v.documents & c.documents and v.people & c.people
        ]
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
