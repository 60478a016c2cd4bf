"""Promises: invitations, plans, pledges, requests and proposals, and whether they were kept.

:func:`find_promises` reads one analysed document by rules on its tokens (no model call).
A promise is a cue word and the clause it governs: "invited X to ...", "plans to hold
...", "pledged to ...", "called on X to ...", "proposed ...", "hoped that ... would be
held soon", or a clause in the future about the speaker's own side ("will continue to
work with ...", "will organise ... at the end of 2026"). Vague aims ("maintain",
"deepen", "strengthen" ties) are not promises: nothing could show them kept.

A promise whose subject is the speaker ("we will ...") is made by whoever the quotation it
stands in is attributed to (its lead-in or its closing "..., X said"), a transcript's
speaker label, or the sentence next to it.

A promise is dated by the meeting it was made at (the article's lead event, when the
speaker took part in it), else by the article's date; it is due by the end of the period
its own clause names ("this year", "at the end of 2026", "this spring"; "soon" is no date).

:func:`match_promises` merges the reports of one promise across documents, then marks
it ``fulfilled`` by the first LATER event of the promised kind that involves the promised
people (or carries the promised name: "13th ... Dialogue") within the due period; a
person's promise may be kept by the organisation their role holds office in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, takewhile

from rapidfuzz import fuzz

from dateline.analyse.convert import Analysis
from dateline.extract import ontology as onto
from dateline.extract.events import (
    DocumentView,
    EventMention,
    Unit,
    is_passive,
    lead_event,
    mentions_in_view,
    subject_of,
    to_infinitive,
)
from dateline.lexicon.calendar import MONTHS, WEEKDAYS
from dateline.lexicon.names import fold
from dateline.lexicon.numbers import ORDINAL_WORDS, numbers_up_to
from dateline.lexicon.places import capital_country, country_of, country_of_word
from dateline.lexicon.words import word_set
from dateline.model import Entity, Event, Mention, Promise, Role

__all__ = ["find_promises", "match_promises", "merge_promises"]


# Cue lemmas: the kind of promise and how its clause is read. "whole": the cue and what
# follows it ("invited X to ..."); "call": "called on X to A and to B" (one request each);
# "hope": each clause hoped for.
CUES: dict[str, tuple[str, str]] = {
    "invite": ("invitation", "whole"),
    "plan": ("plan", "whole"),
    "intend": ("plan", "whole"),
    "schedule": ("plan", "whole"),
    "agree": ("plan", "whole"),
    "decide": ("plan", "whole"),
    "pledge": ("pledge", "whole"),
    "vow": ("pledge", "whole"),
    "promise": ("pledge", "whole"),
    "commit": ("pledge", "whole"),
    "call": ("request", "call"),
    "urge": ("request", "call"),
    "ask": ("request", "call"),
    "request": ("request", "call"),
    "propose": ("proposal", "whole"),
    "suggest": ("proposal", "whole"),
    "recommend": ("proposal", "whole"),
    "hope": ("proposal", "hope"),
    "hopeful": ("proposal", "hope"),
}
# Aims too vague to be kept or broken ("maintain", "deepen ties").
VAGUE_VERBS = word_set(
    "maintain keep continue deepen enhance strengthen promote expand widen broaden develop step "
    "grow boost intensify foster consolidate improve further advance pursue uphold"
)
# A future clause with one of these verbs and a date is a plan ("will organise ... in 2026").
PLAN_VERBS = word_set("organise organize hold host stage visit sign convene launch open attend be")
# Verbs of a state, not an act: an agreement "that X will remain ..." promises nothing.
STATE_VERBS = word_set("be remain stay have seem become")
# A future "continue to"/"keep" clause is a pledge.
CONTINUE_VERBS = word_set("continue keep")
FUTURE_AUX = word_set("will would shall 'll")
# The future of reported speech: "said X would ..." puts the speaker's words.
REPORTED_AUX = word_set("would")
# Verbs after which a future clause is someone's expectation, not a promise.
NOT_PROMISE_ABOVE = word_set("expect believe think argue speculate")
# Subjects that stand for both sides: the promise is no one party's.
BOTH_SIDES = word_set("sides they both parties countries")
# Words in a promise that say what kinds of event would keep it ("negotiate" is kept by
# talks or by the agreement they reach).
EXPECTED: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (
        frozenset({"CONSULT"}),
        re.compile(r"\b(?:visit|trip|travel|come|talks|dialogue|meeting|summit)\w*", re.I),
    ),
    (frozenset({"CONSULT", "AGREE"}), re.compile(r"\b(?:negotiat|bargain)\w*", re.I)),
    (
        frozenset({"AGREE"}),
        re.compile(r"\b(?:sign|signing|ink|conclude|ratif\w*|agreement|accord|pact|deal)\b", re.I),
    ),
    (frozenset({"AID"}), re.compile(r"\b(?:disburse\w*|fund\w*|aid|\$|US\$)", re.I)),
    # something returned ("return the remains", "be returned to"), not people going
    # back ("return to work", "return home")
    (
        frozenset({"HANDOVER"}),
        re.compile(
            r"\b(?:hand\w* over|repatriat\w*|(?:be|been|being|is|are|was|were) returned"
            r"|return(?:s|ed|ing)? (?!to\b|back\b|home\b|from\b)\w+)",
            re.I,
        ),
    ),
)
# Nouns that carry a promise in the infinitive they govern ("a pledge to conclude ...").
NOUN_CUES: dict[str, str] = {
    "pledge": "pledge",
    "promise": "pledge",
    "vow": "pledge",
    "commitment": "pledge",
    "plan": "plan",
    "agreement": "plan",
    "offer": "proposal",
    "proposal": "proposal",
    "invitation": "invitation",
    "demand": "request",
    "call": "request",
}
# Verbs that attribute what a sentence says to its speaker ("..., Austin said").
SAY_VERBS = word_set(
    "say add tell state announce note stress reiterate write explain confirm insist declare"
)
# Words that join a title's parts ("Minister of Defence").
TITLE_GLUE = word_set("of the for and")
# Written words that come from someone ("a letter from the minister ..., calling for").
WRITTEN_NOUNS = word_set("letter message note statement memo memorandum email communique")
# What a speaker issues ("issued the following statement: “...").
STATEMENT_NOUNS = word_set("statement remark message comment")
# Quotation marks, and how far a quote is looked for around a promise (characters).
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"
QUOTE_REACH = 3000
# A transcript's speaker label: a line opened by a name in capitals and a colon.
SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z.,'’ -]{2,80}):[ \t]", re.M)
NAME_SUFFIXES = word_set("jr sr ii iii iv")
# Subjects that stand for the speaker of a quote.
FIRST_PERSON = word_set("i we us our my")
THIRD_PERSON = word_set("he she")
# Modals of obligation: with a deadline ahead, a demand ("must return by Nov. 12").
OBLIGATION_AUX = word_set("must")
# Periods a deadline in words counts ("in the next two years"), and their length.
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366}
PERIOD_UNITS = frozenset(PERIOD_DAYS)
AHEAD_WORDS = word_set("next coming following upcoming few")
# Seasons a deadline names ("this spring", "next summer"; the timex skips them) and the
# month and day each ends on (northern hemisphere, where the news we read is dated).
SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}
SEASON_WORDS = word_set("this next coming")
# Without a due date, a promise kept by who made it is kept within this many days.
UNDATED_WINDOW_DAYS = 120
NAME_KEY = re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th)\b|\b({'|'.join(ORDINAL_WORDS)})\b", re.I)
NAMED_EVENT = re.compile(r"[^.;]{0,60}?\b(dialogue|meeting|summit)\b", re.I)
# Reports of one promise merge above this text similarity (token set ratio).
SAME_TEXT = 70
# Nouns of events that go by a proper name ("Exercise Sea Shield", "the Sea Shield
# drills"): a promise to take part in one is kept when that named event takes place.
NAMED_EVENT_NOUNS = word_set(
    "exercise exercises drill drills manoeuvres maneuvers wargames games summit conference "
    "forum festival expo tournament"
)
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d{1,4}))*"
_EVENT_NOUN = "|".join(sorted(NAMED_EVENT_NOUNS))
NAMED_BY = (
    re.compile(rf"\b(?i:{_EVENT_NOUN})\s+({_NAME})"),  # "Exercise Sea Shield 25"
    re.compile(rf"({_NAME})\s+(?:{_EVENT_NOUN})\b"),  # "the Sea Shield drills"
)
# Event types whose report may name another event in passing ("met ahead of the drills").
MEETING_TYPES = frozenset({"CONSULT"})
# Entity kinds that are places an event can be held in.
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# Words of an event's title that say nothing of the act ("X – Y offer its").
TITLE_FILLER = word_set(
    "a an the of to in on at by for from with and or its his her their our into over about as new"
)
# Shortest word that is another's beginning as a form of it ("return", "returned").
STEM_LENGTH = 4


# --- Finding promises ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    cue: int
    clause: tuple[int, int]  # token range [first, last] of the promise's own text
    actor: str | None
    target: str | None
    unit: Unit
    joint: tuple[str, ...] = ()  # entities that promise together ("X and Y pledged")


def find_promises(
    analysis: Analysis,
    mentions: Sequence[Mention],
    published: str | None,
    *,
    entities: Iterable[Entity] | None = None,
    view: DocumentView | None = None,
    events: Sequence[EventMention] | None = None,
) -> list[Promise]:
    """Every promise one document reports, with its actor, target, dates and sentence.

    ``mentions`` are the document's resolved mentions; ``published`` its date or None;
    ``entities`` give canonical names for actors and targets. A caller that has already
    seen the document (its ``view`` made of these same arguments, and perhaps its
    ``events``: :func:`~dateline.extract.events.mentions_in_view` of that view) passes
    them, so neither is made twice.
    """
    if view is None:
        view = DocumentView(analysis, mentions, published, entities)
    if events is None:
        events = mentions_in_view(view)
    lead = lead_event(view, events)
    found: list[Promise] = []
    for unit in view.units:
        if view.text[unit.start : unit.end].rstrip().endswith("?"):
            continue
        for item in _in_unit(view, unit):
            found.append(_promise(view, item, events, lead))
    return found


def _in_unit(view: DocumentView, unit: Unit) -> list[_Found]:
    out: list[_Found] = []
    for i in range(unit.first, unit.last):
        word = view.lemma(i)
        if word in CUES and _is_cue(view, i):
            kind, shape = CUES[word]
            out += _read(view, unit, i, kind, shape)
        elif word in NOUN_CUES and (found := _noun_cue(view, unit, i)) is not None:
            out.append(found)
        elif not view.is_verb(i) or not view.kids(i, "aux"):
            continue  # the readings below all need a verb's auxiliary
        elif _future(view, i):
            out += _future_promise(view, unit, i)
        elif (found := _working_to(view, unit, i)) is not None:
            out.append(found)
        else:
            out += _obligation(view, unit, i)
    return _attributed(view, unit, [_for_their_side(view, f) for f in out])


def _for_their_side(view: DocumentView, f: _Found) -> _Found:
    """ "Hegseth said the United States would keep working with ...": a pledge about the
    speaker's own country or body, in the speaker's words put into reported speech (the
    backshifted "would"), is the speaker's. "X said the US will ..." states the side's
    own commitment, and what another side would do stays that side's."""
    if f.actor is None or view.is_person(f.actor):
        return f
    said = view.head(f.cue)
    if view.tokens[f.cue].dep != "ccomp" or view.lemma(said) not in SAY_VERBS:
        return f
    if not any(view.tokens[a].text.lower() in REPORTED_AUX for a in view.kids(f.cue, "aux")):
        return f
    subject = subject_of(view, said)
    speaker = view.entity_at(subject) if subject is not None else None
    if speaker is None or not view.is_person(speaker) or not _serves(view, speaker, f.actor):
        return f
    return replace(f, actor=speaker)


def _serves(view: DocumentView, person: str, body: str) -> bool:
    """One of the person's roles is in the body, or in the country it is."""
    entity = view.entities.get(person)
    name = view.names.get(body) or ""
    country = country_of(name)
    for role in entity.roles if entity else ():
        said = f"{role.title} {role.org or ''}"
        if _key(name) and _key(name) in _key(said):
            return True
        if country and any(country_of_word(w) == country for w in said.split()):
            return True
    return False


def _noun_cue(view: DocumentView, unit: Unit, i: int) -> _Found | None:
    """ "a pledge to conclude an agreement by the end of the year", "an offer to resume
    talks": the noun and the infinitive it governs, promised by whoever the sentence
    says made it."""
    if view.tokens[i].pos != "NOUN":
        return None
    acts = [c for c in view.kids(i, "acl") if to_infinitive(view, c)]
    if not acts or view.lemma(acts[0]) in VAGUE_VERBS:
        return None
    last = max(view.subtree(acts[0], _other_clauses(view, acts[0])))
    owners = [o for o in view.kids(i, "poss") if view.entity_at(o) is not None]
    if owners:  # "Boeing's offer to lift wages": the owner offers
        return _Found(NOUN_CUES[view.lemma(i)], i, (i, last), view.entity_at(owners[0]), None, unit)
    actor, joint = _actor_or_parties(view, i)
    return _Found(NOUN_CUES[view.lemma(i)], i, (i, last), actor, None, unit, joint)


def _working_to(view: DocumentView, unit: Unit, i: int) -> _Found | None:
    """ "we're working with Congress to allocate $500m": an effort under way towards a
    stated end, as committed as a pledge."""
    if view.lemma(i) != "work" or view.tokens[i].tag != "VBG":
        return None
    if not any(view.lemma(a) == "be" for a in view.kids(i, "aux")):
        return None
    ends = [c for c in view.kids(i, "xcomp", "advcl") if to_infinitive(view, c)]
    if not ends or view.lemma(ends[0]) in VAGUE_VERBS:
        return None
    return _Found("pledge", i, _clause_span(view, i, start=i), _actor(view, i), None, unit)


def _attributed(view: DocumentView, unit: Unit, found: list[_Found]) -> list[_Found]:
    """A promise whose subject is the speaker ("we will ...") or no one named is made by
    whoever opens or closes the quotation it stands in, else whoever the sentence, or
    the one next to it, says is speaking."""
    if all(f.actor is not None or f.joint for f in found):
        return found
    nearby = _speaker(view, unit)
    out = []
    for f in found:
        pos = view.tokens[f.cue].start
        speaker = _quoted_by(view, pos) or _labelled_by(view, pos) or nearby
        if f.actor is None and not f.joint and speaker is not None and _speaks(view, f, speaker):
            f = replace(f, actor=speaker)
        out.append(f)
    return out


def _quote_around(view: DocumentView, pos: int) -> tuple[int, int] | None:
    """The quotation a character offset stands in: the offsets of its opening mark and of
    its closing mark (or of the end of the paragraph, for a quote left open)."""
    text = view.text
    floor = max(0, pos - QUOTE_REACH)
    opened, closed = text.rfind(QUOTE_OPEN, floor, pos), text.rfind(QUOTE_CLOSE, floor, pos)
    if opened >= 0 and opened > closed:
        end = text.find(QUOTE_CLOSE, pos, pos + QUOTE_REACH)
        para = text.find("\n\n", pos)
        ends = [e for e in (end, para) if e >= 0]
        return opened, min(ends) if ends else len(text)
    # straight quotes pair up within a paragraph
    start = text.rfind("\n", 0, pos) + 1
    before = text.count('"', start, pos)
    if before % 2 == 0:
        return None
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    end = text.find('"', pos, line_end)
    return text.rfind('"', start, pos), line_end if end < 0 else end


def _labelled_by(view: DocumentView, pos: int) -> str | None:
    """In a transcript, who the last speaker label before ``pos`` names ("SECRETARY
    SMITH: ..."): the one person the document names whose surname the label holds."""
    labels = list(SPEAKER_LABEL.finditer(view.text, max(0, pos - QUOTE_REACH), pos))
    if not labels:
        return None
    words = set(fold(labels[-1].group(1)).lower().replace(",", " ").split())
    found = {
        e
        for e, name in view.names.items()
        if view.is_person(e) and (surname := _surname(name)) and surname in words
    }
    return found.pop() if len(found) == 1 else None


def _surname(name: str) -> str | None:
    words = [w for w in fold(name).lower().split() if w.rstrip(".") not in NAME_SUFFIXES]
    return words[-1] if len(words) > 1 else None


def _quoted_by(view: DocumentView, pos: int) -> str | None:
    """Who speaks a quotation: the one its closing words name ("...,” Austin said"),
    else the one its lead-in names ("X said:", "X issued the following statement: “")."""
    quote = _quote_around(view, pos)
    if quote is None:
        return None
    opened, closed = quote
    if closed < len(view.text):
        after = view.token_at(closed)
        unit = view.units[view.unit_of[after]] if view.unit_of[after] >= 0 else None
        if unit is not None:
            found = _said_by(view, after + 1, unit.last)
            if found is not None:
                return found
    before = view.token_at(opened)
    k = view.unit_of[before]
    if k < 0:
        return None
    return _said_by(view, view.units[k].first, before)


def _speaks(view: DocumentView, f: _Found, speaker: str) -> bool:
    """The promise's own subject is the speaker or unnamed, not some other party."""
    verb = (
        f.cue
        if view.is_verb(f.cue)
        else next((a for a in view.ancestors(f.cue) if view.is_verb(a)), f.cue)
    )
    subject = subject_of(view, verb)
    if subject is None or _obliged(view, verb):
        return True  # "they must return by ...": the subject is who is asked, not who asks
    word = view.tokens[subject].text.lower()
    if view.entity_at(subject) is not None:
        return False
    if word in THIRD_PERSON:  # "He pledged ...", after or before "X said"
        return view.is_person(speaker)
    return (
        word in FIRST_PERSON
        or view.lemma(subject) in NOUN_CUES
        or (view.tokens[subject].pos not in ("PRON", "PROPN"))
    )


def _speaker(view: DocumentView, unit: Unit) -> str | None:
    """Who says a sentence: the subject of its "said", the one "according to", else the
    speaker of the sentence right after it (a quote closed by "..., X said") or before."""
    index = {id(u): k for k, u in enumerate(view.units)}.get(id(unit))
    order = [unit]
    if index is not None:
        order += [view.units[k] for k in (index + 1, index - 1) if 0 <= k < len(view.units)]
    for candidate in order:
        found = _said_by(view, candidate.first, candidate.last)
        if found is not None:
            return found
    return None


def _said_by(view: DocumentView, first: int, last: int) -> str | None:
    """The speaker tokens ``first`` to ``last`` name: the subject of a "said" (or of
    "issued a statement"), the one "according to"."""
    for i in range(first, last):
        word = view.lemma(i)
        who: int | None = None
        statement = any(view.lemma(o) in STATEMENT_NOUNS for o in view.kids(i, "dobj"))
        if (word in SAY_VERBS or statement) and view.is_verb(i):
            who = subject_of(view, i)
        elif word == "accord":
            to = [p for p in view.kids(i, "prep") if view.lemma(p) == "to"]
            objects = [o for p in to for o in view.kids(p, "pobj")]
            who = objects[0] if objects else None
        if who is None:
            continue
        entity = view.entity_at(who)
        if entity is None:
            found = [view.entity_at(j) for j in view.subtree(who) if view.entity_at(j)]
            entity = found[0] if found else None
        if entity is not None:
            return entity
    return None


def _is_cue(view: DocumentView, i: int) -> bool:
    """A cue verb in its promising sense, not negated, not in a condition."""
    t, word = view.tokens[i], view.lemma(i)
    if t.pos not in ("VERB", "AUX", "ADJ") and not (word == "hope" and t.pos == "NOUN"):
        return False
    if any(view.tokens[k].dep == "neg" for k in view.kids(i)):
        return False
    if word == "call":
        return any(view.lemma(p) in ("on", "for") for p in view.kids(i, "prep"))
    if word == "commit":
        to = [p for p in view.kids(i, "prep") if view.lemma(p) == "to"]
        doing = [
            c for p in to for c in view.kids(p, "pcomp", "pobj") if view.tokens[c].tag == "VBG"
        ]
        return not view.kids(i, "dobj") and bool(doing or view.kids(i, "xcomp"))
    if word in ("pledge", "vow", "promise"):
        return bool(view.kids(i, "xcomp", "ccomp"))  # "pledged to continue", not "pledged $5m"
    if word in ("ask", "urge"):
        return bool(view.kids(i, "xcomp"))
    if word in ("agree", "decide") and any(_agreed_act(view, c) for c in view.kids(i, "ccomp")):
        return True  # "agreed that the US will deploy ...": what the parties settled on
    if word in ("plan", "intend", "schedule", "agree", "decide"):
        return bool(view.kids(i, "xcomp"))  # "agreed to hold", not "agreed that it is"
    return True


def _agreed_act(view: DocumentView, c: int) -> bool:
    """A clause agreed on that commits to an act ahead: "that X will deploy ...", not
    "that ties will remain strong" or "that the talks were useful"."""
    future = any(view.tokens[k].text.lower() in FUTURE_AUX for k in view.kids(c, "aux"))
    return future and view.is_verb(c) and view.lemma(c) not in VAGUE_VERBS | STATE_VERBS


def _clause_span(view: DocumentView, head: int, start: int | None = None) -> tuple[int, int]:
    """The tokens of a clause read from ``start`` (default its first word), without the
    clauses coordinated with it or added after a comma ("..., describing it as ...")."""
    tokens = view.subtree(head, _other_clauses(view, head))
    first = start if start is not None else tokens[0]
    tokens = [j for j in tokens if j >= first]
    while len(tokens) > 1 and view.tokens[tokens[-1]].pos in ("PUNCT", "CCONJ", "SPACE"):
        tokens.pop()
    while len(tokens) > 1 and view.tokens[tokens[0]].dep in ("mark", "punct", "cc"):
        tokens.pop(0)
    return tokens[0], tokens[-1]


def _other_clauses(view: DocumentView, head: int) -> list[int]:
    """Clauses inside a clause's subtree that are not part of it: verbs coordinated with
    it, a coordinated verb of another tense or another cue (a parse that hangs "and
    invited ..." on "to hold"), an adverbial clause after a comma."""
    out = [
        c for c in view.kids(head, "conj", "cc") if view.is_verb(c) or view.tokens[c].dep == "cc"
    ]
    for j in view.subtree(head):
        t = view.tokens[j]
        if j == head or not view.is_verb(j):
            continue
        other_tense = t.tag != view.tokens[view.head(j)].tag
        coordinated = t.dep == "conj" and (other_tense or view.lemma(j) in CUES)
        after_comma = t.dep == "advcl" and view.tokens[j - 1].text == ","
        if coordinated or after_comma:
            out.append(j)
    return out


def _read(view: DocumentView, unit: Unit, i: int, kind: str, shape: str) -> list[_Found]:
    actor = _actor(view, i)
    if shape == "hope":  # the one who hopes, else the subject of what is hoped for
        found = [(v, actor or _actor(view, v)) for v in _hoped(view, i)]
        return [
            _Found(kind, i, _hoped_span(view, i, v), who, None, unit)
            for v, who in found
            if view.lemma(_act_of(view, _done_by(view, i, v) or v)) not in VAGUE_VERBS
            and (who or actor or _first_person(view, i))
        ]
    target = _target(view, i)
    if shape == "call":
        asks = view.kids(i, "xcomp")
        more = [c for a in asks[:1] for c in view.kids(a, "conj") if to_infinitive(view, c)]
        if more:
            first = _Found(kind, i, (i, _clause_span(view, asks[0])[1]), actor, target, unit)
            return [first] + [
                _Found(kind, i, _clause_span(view, c), actor, target, unit) for c in more
            ]
    if actor is None and view.tokens[i].tag == "VBG":
        actor = _controller(view, i)  # "emphasized ... by committing to build": who did
    joint = () if actor is not None else _actor_or_parties(view, i)[1]
    return [_Found(kind, i, _clause_span(view, i, start=i), actor, target, unit, joint)]


def _controller(view: DocumentView, i: int) -> str | None:
    """The subject of the nearest finite verb above a gerund, when it names someone."""
    for up in view.ancestors(i):
        if view.is_verb(up) and view.tokens[up].tag != "VBG":
            subject = subject_of(view, up)
            while subject is None and view.tokens[up].dep == "conj" and view.head(up) != up:
                up = view.head(up)  # "X highlighted ... and emphasized ...": X's
                subject = subject_of(view, up)
            if subject is None:
                return None
            entity = view.entity_at(subject)
            named = [view.entity_at(a) for a in view.kids(subject, "appos")]
            if entity is None and named and named[0] is not None:
                return named[0]  # "the company's president, Jane Roe,": the one named
            if entity is None and view.lemma(subject) in WRITTEN_NOUNS:
                return _author(view, subject)  # "a letter from X ..., calling for": X's
            if entity is None:
                found = [view.entity_at(j) for j in view.subtree(subject) if view.entity_at(j)]
                entity = found[0] if len(set(found)) == 1 else None
            return entity
    return None


def _author(view: DocumentView, noun: int) -> str | None:
    """Who a letter or message is from: the one its "from" names, or the one person of
    the document whose role the description there fits ("the Norwegian Defence
    Minister")."""
    froms = [p for p in view.kids(noun, "prep") if view.lemma(p) == "from"]
    senders = [o for p in froms for o in view.kids(p, "pobj")]
    if not senders:
        return None
    # a nationality ("the Norwegian minister") says whose, not who
    found = {
        e
        for k in view.subtree(senders[0])
        if (e := view.entity_at(k)) and view.kinds.get(e) != "NORP"
    }
    if len(found) == 1:
        return found.pop()
    return _described(view, senders[0])


def _described(view: DocumentView, j: int) -> str | None:
    """The one person of the document whose role fits a description by title: the
    description's words are the title's own (a country adjective may name the role's
    country) and the title adds none ("the Vietnamese Minister of Defence" is not the
    Deputy Minister)."""
    words = {
        _key(view.tokens[k].text)
        for k in view.subtree(j)
        if view.tokens[k].pos not in ("DET", "ADP", "PUNCT", "PRON", "PART")
    }
    countries = {c for w in words if (c := country_of_word(w))}
    fits = set()
    for entity_id, entity in view.entities.items():
        if not view.is_person(entity_id):
            continue
        for role in entity.roles:
            title = set(_key(role.title).split()) - TITLE_GLUE
            said = title | set(_key(role.org or "").split())
            theirs = {c for w in said if (c := country_of_word(w))}
            plain = {w for w in words if not country_of_word(w)}
            if title and title <= plain <= said and countries <= theirs:
                fits.add(entity_id)
    return fits.pop() if len(fits) == 1 else None


def _act_of(view: DocumentView, v: int) -> int:
    """What "continue to support X" goes on doing: the act after "continue to" (not a
    state in the passive, "continue to be carried out")."""
    more = [c for c in view.kids(v, "xcomp") if to_infinitive(view, c)]
    if view.lemma(v) == "continue" and more and not is_passive(view, more[0]):
        return more[0]
    return v


def _done_by(view: DocumentView, i: int, v: int) -> int | None:
    """ "hopeful to do so by resuming talks": the act that "do so" stands for, the verb
    after "by" (on "do", or on the clause of the hope ``i``)."""
    if view.lemma(v) != "do" or not any(view.lemma(k) == "so" for k in view.kids(v)):
        return None
    heads = [v, i, view.head(i)]
    by = [p for h in heads for p in view.kids(h, "prep") if view.lemma(p) == "by"]
    acts = [c for p in by for c in view.kids(p, "pcomp") if view.is_verb(c)]
    return acts[0] if acts else None


def _hoped_span(view: DocumentView, i: int, v: int) -> tuple[int, int]:
    act = _done_by(view, i, v)
    if act is None:
        return _clause_span(view, v)
    return min(v, act), max(_clause_span(view, v)[1], _clause_span(view, act)[1])


def _first_person(view: DocumentView, i: int) -> bool:
    """The subject of the verb at or above ``i`` is the speaker ("we're hopeful")."""
    verb = i if view.is_verb(i) else next((a for a in view.ancestors(i) if view.is_verb(a)), i)
    subject = subject_of(view, verb)
    return subject is not None and view.tokens[subject].text.lower() in FIRST_PERSON


def _hoped(view: DocumentView, i: int) -> list[int]:
    """The clauses hoped for, each coordinated clause on its own."""
    out = [c for c in view.kids(i, "ccomp", "xcomp", "acl") if view.is_verb(c)]
    layer = list(out)
    while layer:
        layer = [c for h in layer for c in view.kids(h, "conj") if view.is_verb(c)]
        out += layer
    return out


def _future(view: DocumentView, i: int) -> bool:
    aux = [view.tokens[k].text.lower() for k in view.kids(i, "aux")]
    if not any(a in FUTURE_AUX for a in aux):
        return False
    # a cue verb above already made this its promise; a cue noun ("a plan, which will
    # ...") did not
    above = [view.lemma(a) for a in view.ancestors(i) if view.is_verb(a) or _hope_noun(view, a)]
    return not any(w in CUES or w in NOT_PROMISE_ABOVE for w in above)


def _hope_noun(view: DocumentView, a: int) -> bool:
    """ "expressed hope that X would ...": the hope is the cue of what it governs."""
    return view.lemma(a) == "hope" and view.tokens[a].pos == "NOUN"


def _future_promise(view: DocumentView, unit: Unit, i: int) -> list[_Found]:
    """'will continue to work with ...' (a pledge), 'will organise ... at the end of
    2026' (a plan: an event verb with a date to come)."""
    word, actor = view.lemma(i), _actor(view, i)
    aux = next(k for k in view.kids(i, "aux") if view.tokens[k].text.lower() in FUTURE_AUX)
    if word in CONTINUE_VERBS:
        goes_on = view.kids(i, "xcomp")
        named = actor is not None or _commits(view, i)  # "we will continue": the speaker
        if goes_on and view.lemma(goes_on[0]) not in VAGUE_VERBS and named:
            return [_Found("pledge", i, _clause_span(view, i, start=aux), actor, None, unit)]
        return []
    if word == "be" and view.kids(i, "attr", "acomp"):
        return []  # "next year will be a milestone", "talks will be hard": a forecast
    if word in PLAN_VERBS and _dated_ahead(view, i):
        return [_Found("plan", i, _clause_span(view, i, start=aux), actor, None, unit)]
    span = _clause_span(view, i, start=aux)
    if is_passive(view, i):  # "employees will be notified": the notifier promises
        agents = [o for b in view.kids(i, "agent") for o in view.kids(b, "pobj")]
        actor = view.entity_at(agents[0]) if agents else None
    if word == "work" and any(view.lemma(p) == "with" for p in view.kids(i, "prep")):
        return [_Found("pledge", i, span, actor, None, unit)]  # "will work with the union"
    # "X will be set up by June", "the plan will speed up Y in the next two years"
    committed = is_passive(view, i) or actor is not None or _commits(view, i)
    if word not in VAGUE_VERBS and _dated_ahead(view, i) and committed:
        return [_Found("plan", i, span, actor, None, unit)]
    return []


def _commits(view: DocumentView, i: int) -> bool:
    """The subject is a plan, an agreement or the speaker ("we"), not an outside force."""
    subject = subject_of(view, i)
    if subject is None:
        return False
    word = view.tokens[subject].text.lower()
    return word in FIRST_PERSON or view.lemma(subject) in NOUN_CUES


def _obliged(view: DocumentView, i: int) -> bool:
    return any(view.tokens[k].text.lower() in OBLIGATION_AUX for k in view.kids(i, "aux"))


def _obligation(view: DocumentView, unit: Unit, i: int) -> list[_Found]:
    """ "They must return to work by Nov. 12": a demand with a deadline."""
    aux = [k for k in view.kids(i, "aux") if view.tokens[k].text.lower() in OBLIGATION_AUX]
    if not aux or view.lemma(i) in VAGUE_VERBS or not _dated_ahead(view, i):
        return []
    span = _clause_span(view, i, start=aux[0])
    return [_Found("request", i, span, None, _subject_entity(view, i), unit)]


def _subject_entity(view: DocumentView, i: int) -> str | None:
    subject = subject_of(view, i)
    return view.entity_at(subject) if subject is not None else None


def _dated_ahead(view: DocumentView, i: int) -> bool:
    """The clause of a future or obliging verb names a time ahead. In an undated article
    a month and day ("by Nov. 12") count: the verb's own modal says it lies ahead."""
    tokens = set(view.subtree(i))
    partial = view.partial_times if view.reference is None else []
    return (
        any(
            t.head in tokens and t.direction in ("future", "present") and not t.bound
            for t in view.times
        )
        or any(t.head in tokens for t in partial)
        or any(_period_ahead(view, j) is not None for j in tokens)
    )


def _period_ahead(view: DocumentView, j: int) -> tuple[str, int] | None:
    """A deadline in words at token ``j`` (a period noun): "in the next two years", "over
    the coming months", "by the end of the year". Returns (unit, how many) or None;
    ("end", 0) for "the end of the year"."""
    word = view.lemma(j)
    if word in SEASON_END:
        return _season_ahead(view, j)
    if word not in PERIOD_UNITS or view.tokens[j].dep != "pobj":
        return None
    up = view.head(j)
    modifiers = {view.lemma(k) for k in view.kids(j, "amod", "nummod", "det")}
    if view.lemma(up) in ("in", "over", "within", "during", "by") and modifiers & AHEAD_WORDS:
        numbers = [k for k in view.kids(j, "nummod") if view.tokens[k].pos == "NUM"]
        count = _small_number(view.tokens[numbers[0]].text) if numbers else 1
        return (word, count) if count else None
    if view.lemma(up) == "of" and view.lemma(view.head(up)) == "end":
        by = view.head(view.head(up))
        if view.lemma(by) in ("by", "before", "until") and modifiers & {"the", "this"}:
            return (word, 0)
    return None


def _season_ahead(view: DocumentView, j: int) -> tuple[str, int] | None:
    """ "this spring", "next summer": (season, 0) or (season, 1); None for a season the
    article's date has already seen end ("this spring" in July)."""
    if view.tokens[j].dep not in ("pobj", "npadvmod") or view.tokens[j].pos != "NOUN":
        return None
    modifiers = {view.lemma(k) for k in view.kids(j, "det", "amod")}
    if not modifiers & SEASON_WORDS:
        return None
    count = 0 if "this" in modifiers else 1
    ref = view.reference
    if count == 0 and ref is not None and _season_end(ref, view.lemma(j), 0) < ref:
        return None
    return view.lemma(j), count


def _season_end(ref: dt.date, season: str, count: int) -> dt.date:
    """The last day of this season (count 0) or the next one (count 1) seen from ``ref``."""
    month, day = SEASON_END[season]
    end = dt.date(ref.year, month, day)
    if count and end < ref + dt.timedelta(days=92):  # the next one starts a year on
        end = end.replace(year=end.year + 1)
    return end


# Counts of a deadline in words ("within two weeks", "in a few months").
_DEADLINE_COUNTS = {w: n for w, n in numbers_up_to(6).items() if n > 1} | {"few": 3}


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return _DEADLINE_COUNTS.get(text.lower(), 0)


def _due_in_words(view: DocumentView, start: int, end: int) -> str | None:
    """The end of a period in words, counted from the article's date when it has one."""
    if view.reference is None:
        return None
    for j in range(view.token_at(start), min(len(view.tokens), view.token_at(end) + 1)):
        found = _period_ahead(view, j)
        if found is None:
            continue
        unit, count = found
        ref = view.reference
        if unit in SEASON_END:
            return _season_end(ref, unit, count).isoformat()
        if count == 0:  # the end of this week / month / year
            if unit == "year":
                return f"{ref.year}-12-31"
            if unit == "month":
                nxt = dt.date(ref.year + ref.month // 12, ref.month % 12 + 1, 1)
                return (nxt - dt.timedelta(days=1)).isoformat()
            return (ref + dt.timedelta(days=6 - ref.weekday())).isoformat()
        days = PERIOD_DAYS[unit] * count
        return (ref + dt.timedelta(days=days)).isoformat()
    return None


def _actor(view: DocumentView, i: int) -> str | None:
    """Who promises: the cue's subject (a name, pronoun or description); for "his hope"
    the one who expressed it; no one for "the two sides"."""
    verb = i
    if not view.is_verb(i):
        verb = next((a for a in view.ancestors(i) if view.is_verb(a)), i)
    subject = _past_dateline(view, subject_of(view, verb))
    if subject is None or view.kids(subject, "conj"):
        return None  # "Viet Nam and the United States will ...": a joint aim, no one's promise
    if view.tokens[subject].text.lower() in BOTH_SIDES or view.lemma(subject) in BOTH_SIDES:
        return None
    if view.dateline is not None and view.mention_at.get(subject) is view.dateline:
        return None  # "HANOI, Nov 2 (VNS) — ...": the dateline is where, not who
    entity = view.entity_at(subject)
    if entity is None and view.lemma(subject) in WRITTEN_NOUNS:
        entity = _author(view, subject)  # "a letter from X called for ...": X's
    if entity is None:
        found = [view.entity_at(j) for j in view.subtree(subject) if view.entity_at(j)]
        entity = found[0] if len(found) == 1 else None
    return entity


def _speaking_first_person(view: DocumentView, i: int) -> str | None:
    """ "X and I agreed": "I" is whoever speaks the quotation or transcript turn."""
    if view.tokens[i].text.lower() not in ("i", "we"):
        return None
    pos = view.tokens[i].start
    return _quoted_by(view, pos) or _labelled_by(view, pos)


def _past_dateline(view: DocumentView, subject: int | None) -> int | None:
    """ "OSLO — Acme and the union have agreed to ...": the parser may read the dateline's
    place as the subject, the actor as its apposition or as a second subject; the actor
    is the subject."""
    if (
        subject is None
        or view.dateline is None
        or view.mention_at.get(subject) is not view.dateline
    ):
        return subject
    others = view.kids(view.head(subject), "nsubj", "nsubjpass")
    actors = view.kids(subject, "appos") + [k for k in others if k != subject]
    return actors[0] if actors else subject


def _actor_or_parties(view: DocumentView, i: int) -> tuple[str | None, tuple[str, ...]]:
    """The one who promises, or the named parties who promise together ("the US and the
    Philippines announced a pledge to ...")."""
    actor = _actor(view, i)
    if actor is not None:
        return actor, ()
    # its own subject, else the first verb above with one: "X and Y announced steps,
    # including a pledge"
    verbs = [i] if view.is_verb(i) else []
    verbs += [a for a in view.ancestors(i) if view.is_verb(a)]
    subjects = (_past_dateline(view, subject_of(view, a)) for a in verbs)
    subject = next((s for s in subjects if s is not None), None)
    if subject is None or not view.kids(subject, "conj"):
        return None, ()
    members = [subject] + [c for c in view.subtree(subject) if view.tokens[c].dep == "conj"]
    parties = [view.entity_at(m) or _speaking_first_person(view, m) for m in members]
    if len(parties) < 2:
        return None, ()
    named = [p for p in parties if p is not None]
    people = [p for p in named if view.is_person(p)]
    if len(named) < len(parties) and not (len(named) == len(people) == 1):
        return None, ()
    # "Minister X and his counterpart agreed": the one named speaks for the pair, never
    # "someone"; a place or body beside an unnamed side stays no one's
    return None, tuple(dict.fromkeys(named))


def _target(view: DocumentView, i: int) -> str | None:
    """To whom: the one invited or asked ("invited Hegseth", "called on the US"), the
    subject of what is proposed ("proposed that Washington arrange ...")."""
    places = view.kids(i, "dobj")
    places += [
        o for p in view.kids(i, "prep") if view.lemma(p) == "on" for o in view.kids(p, "pobj")
    ]
    places += [s for c in view.kids(i, "ccomp") if (s := subject_of(view, c)) is not None]
    for head in places:
        found = [view.entity_at(j) for j in view.subtree(head) if view.entity_at(j)]
        if found:
            return found[0]
    return None


def _promise(
    view: DocumentView, item: _Found, events: Sequence[EventMention], lead: EventMention | None
) -> Promise:
    first, last = item.clause
    start, end = view.tokens[first].start, view.tokens[last].end
    text = view.text[start:end]
    due = _due(view, start, end)
    made_on = _made_on(view, item, events, lead)
    digest = hashlib.sha1(f"{view.id}|{start}|{end}|{item.kind}".encode()).hexdigest()
    return Promise(
        id="pr" + digest[:12],
        kind=item.kind,
        actor=_actor_name(view, item),
        text=text,
        made_on=made_on,
        due=due,
        target=view.names.get(item.target) if item.target else None,
        sources=(view.source(item.unit),),
    )


def _actor_name(view: DocumentView, item: _Found) -> str | None:
    if item.actor:
        return view.names.get(item.actor)
    names = [view.names.get(p) for p in item.joint]
    return " and ".join(n for n in names if n) or None


# Dependencies of a word that modifies the noun after it ("their 2022 pact"); not
# "npadvmod", which "next year" after a verb also has, and which is a deadline.
_BEFORE_NOUN_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})


def _due(view: DocumentView, start: int, end: int) -> str | None:
    """The end of the latest period the promise's own words name, if it lies ahead."""
    ends = [
        t.end_value
        for t in view.times
        if start <= t.start < end
        and not t.bound
        and t.direction != "past"
        # "their 2022 agreement": a year before a noun names the pact, it sets no deadline
        and view.tokens[t.head].dep not in _BEFORE_NOUN_DEPS
    ]
    return max(ends) if ends else _due_in_words(view, start, end)


def _made_on(
    view: DocumentView, item: _Found, events: Sequence[EventMention], lead: EventMention | None
) -> str | None:
    """The day of the meeting the promise was made at, else the article's date."""
    speakers = {item.actor} | _speakers(view, item.unit)
    here = [
        m
        for m in events
        if m.source == view.source(item.unit) and m.precision == "day" and not m.scheduled
    ]
    for m in here + ([lead] if lead else []):
        took_part = speakers & set(m.people) or not view.is_person(item.actor)
        if m.date and took_part and m.date <= (view.published or m.date):
            return m.date
    return view.published


def _speakers(view: DocumentView, unit: Unit) -> set[str | None]:
    return {
        view.entity_at(i)
        for i in range(unit.first, unit.last)
        if view.tokens[i].dep == "nsubj" and view.is_person(view.entity_at(i))
    }


# --- Merging and matching ---------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _key(name: str | None) -> str:
    # kept: merging and matching ask for the same actors, targets and texts many times
    return fold(name or "").lower()


def _same(a: Promise, b: Promise) -> bool:
    """Two reports of one promise: same kind and actor, no clash of dates or target,
    and the same words (or the same due date, or the same person invited)."""
    if a.kind != b.kind or _key(a.actor) != _key(b.actor):
        return False
    for x, y in ((a.made_on, b.made_on), (a.due, b.due), (_key(a.target), _key(b.target))):
        if x and y and x != y:
            return False
    same_due = bool(a.due) and a.due == b.due
    same_guest = a.kind == "invitation" and bool(a.target) and _key(a.target) == _key(b.target)
    # the wording last: comparing it costs the most
    return same_due or same_guest or fuzz.token_set_ratio(_key(a.text), _key(b.text)) >= SAME_TEXT


def merge_promises(promises: Sequence[Promise]) -> list[Promise]:
    """One promise per promise made, with every sentence that reports it."""
    groups: list[list[Promise]] = []
    # a group holds one kind and actor (_same asks both), so only those groups are asked:
    # asking every group grew with the square of the promises
    by_party: dict[tuple[str, str], list[list[Promise]]] = defaultdict(list)
    for p in sorted(promises, key=lambda p: (p.sources[0].document_id, p.sources[0].start)):
        party = by_party[(p.kind, _key(p.actor))]
        group = next((g for g in party if all(_same(p, q) for q in g)), None)
        if group is None:
            groups.append([p])
            party.append(groups[-1])
        else:
            group.append(p)
    merged, ids = [], set()
    for p in map(_merged, groups):
        if p.id in ids:  # two groups whose fullest reports read alike: tell them apart
            digest = hashlib.sha1(f"{p.id}|{p.sources[0]}".encode()).hexdigest()
            p = replace(p, id="pr" + digest[:12])
        ids.add(p.id)
        merged.append(p)
    return merged


def _merged(group: Sequence[Promise]) -> Promise:
    # The fullest report speaks for all: most fields known, then the longest wording.
    best = max(group, key=lambda p: (bool(p.made_on), bool(p.due), bool(p.target), len(p.text)))
    sources = sorted({s for p in group for s in p.sources}, key=lambda s: (s.document_id, s.start))
    made = sorted(p.made_on for p in group if p.made_on)
    identity = f"{best.kind}|{_key(best.actor)}|{made[0] if made else ''}|{_key(best.text)}"
    return replace(
        best,
        id="pr" + hashlib.sha1(identity.encode()).hexdigest()[:12],
        made_on=made[0] if made else None,
        due=next((p.due for p in group if p.due), None),
        target=best.target or next((p.target for p in group if p.target), None),
        sources=tuple(sources),
    )


def match_promises(
    promises: Sequence[Promise],
    events: Sequence[Event],
    entities: Iterable[Entity] = (),
    texts: Mapping[str, str] | None = None,
) -> list[Promise]:
    """Merge the reports of each promise, then mark it kept by the event that kept it.

    ``entities`` (optional) let people named in a promise's words be required of the
    event that keeps it ("an early visit by President Donald Trump"); ``texts`` (document
    id -> clean text, optional) let an event's own sentences say which named event it is.
    """
    entities = list(entities)
    people = _people_lexicon(events, entities)
    offices = _offices(entities)
    known = frozenset(_key(n) for e in entities for n in (e.name, *e.aliases))
    places = frozenset(
        _key(n) for e in entities if e.kind in PLACE_KINDS for n in (e.name, *e.aliases)
    )
    kept: dict[str, str] = {}

    def said(e: Event) -> str:  # read only for events a promise names, once each
        if e.id not in kept:
            kept[e.id] = _sentences(e, texts or {})
        return kept[e.id]

    act_words: dict[str, set[str]] = {}

    def acts(e: Event) -> set[str]:  # each event's, once, however many promises ask
        if e.id not in act_words:
            act_words[e.id] = _act_words(e)
        return act_words[e.id]

    out = []
    reported = _event_sentences(events)
    by_date = _ByDate(events)
    for p in merge_promises([_dated_by_events(p, reported) for p in promises]):
        event = _fulfilment(p, events, people, offices, known, places, said, acts, by_date.around)
        out.append(replace(p, status="fulfilled", fulfilled_by=event.id) if event else p)
    return out


def _dated_by_events(p: Promise, reported: Mapping[str, Sequence[tuple[int, str]]]) -> Promise:
    """An undated report of a promise takes the date the corpus found for the event its
    sentence, else the nearest earlier sentence of its document, reports: the meeting
    it was made at. ``reported`` is :func:`_event_sentences` of the events."""
    if p.made_on is not None or not p.sources:
        return p
    here = p.sources[0]
    best: tuple[int, str] | None = None
    for start, day in reported.get(here.document_id, ()):
        if start <= here.start:
            distance = here.start - start
            if best is None or distance < best[0]:
                best = (distance, day)
    return replace(p, made_on=best[1]) if best else p


def _event_sentences(events: Sequence[Event]) -> dict[str, list[tuple[int, str]]]:
    """Per document, (sentence start, day) of each report of an event dated to the day,
    in the events' order: a promise looks only at its own document's (looking through
    every event for each promise grew with both)."""
    reported: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e in events:
        if e.background or not e.date or e.precision != "day":
            continue
        for s in e.sources:
            reported[s.document_id].append((s.start, e.date))
    return reported


class _People(dict[str, str]):
    """Folded spellings of people -> their canonical folded name, with a lookup of the
    spellings a text holds by their first characters: a promise is short, a collection's
    people many, and testing every spelling against every promise grew with both."""

    _START = 3

    @functools.cached_property
    def _by_start(self) -> dict[str, list[tuple[str, str]]]:
        """(spelling, canonical name) pairs by the spelling's first characters; made on
        first use, once the lexicon is complete."""
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for spelling, canonical in self.items():
            index[spelling[: self._START]].append((spelling, canonical))
        return index

    def named_in(self, text: str) -> set[str]:
        """The canonical names of the spellings that occur in ``text``."""
        found = set()
        for i in range(len(text)):
            for spelling, canonical in self._by_start.get(text[i : i + self._START], ()):
                if text.startswith(spelling, i):
                    found.add(canonical)
        return found


def _people_lexicon(events: Sequence[Event], entities: Iterable[Entity]) -> _People:
    """Folded spellings of people (each holds a space) -> their canonical folded name."""
    lexicon = _People()
    for e in entities:
        if e.kind == "PERSON":
            for spelling in (e.name, *e.aliases):
                if " " in spelling.strip():
                    lexicon[_key(spelling)] = _key(e.name)
    return lexicon


def _offices(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Folded person name -> the organisations their roles hold office in: a role's
    organisation, or one its title names ("President of the Dockers Union"). A person
    speaking for a body makes a promise the body's own act keeps."""
    spellings = _org_spellings(entities)
    # Spellings by their first word: one standing in a role as whole words starts with one
    # of the role's words, so a role is tested against those only (testing every spelling
    # against every role grew with the square of the collection's names).
    by_word: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, c in spellings:
        by_word[_first_word(s)].append((s, c))
    odd = by_word.pop("", [])  # spellings opening with no word character: tried on every role
    out: dict[str, frozenset[str]] = {}
    for e in entities:
        if e.kind != "PERSON":
            continue
        found = set()
        for role in e.roles:
            said = _role_text(role)
            tried = [*odd, *(sc for w in _words_of(said) for sc in by_word.get(w, ()))]
            found |= {c for s, c in tried if _whole_words(s, said)}
        if found:
            out[_key(e.name)] = frozenset(found)
    return out


def _org_spellings(entities: Iterable[Entity]) -> list[tuple[str, str]]:
    """(folded spelling, folded canonical name) of every organisation name and alias
    longer than three characters."""
    return [
        (_key(s), _key(e.name))
        for e in entities
        if e.kind == "ORG"
        for s in (e.name, *e.aliases)
        if len(s) > 3
    ]


def _role_text(role: Role) -> str:
    """A role's title and organisation, folded, as organisation spellings are sought in it."""
    return f"{_key(role.title)} | {_key(role.org)}"


def _words_of(text: str) -> set[str]:
    """The maximal runs of word characters (as :func:`_whole_words` reads them) in ``text``."""
    return {"".join(run) for is_word, run in groupby(text, _is_word_char) if is_word}


def _first_word(text: str) -> str:
    """The run of word characters ``text`` opens with ("" when it opens with none)."""
    return "".join(takewhile(_is_word_char, text))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _whole_words(words: str, text: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words: no word character (``\\w``:
    alphanumeric or "_") touches either end. Found by substring search, not a pattern per
    ``words``: compiling one for every role and organisation spelling overflowed the
    pattern cache and made matching promises slow on a large collection."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if not (_word_char(text, start - 1) or _word_char(text, end)):
            return True
        start = text.find(words, start + 1)
    return False


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _is_word_char(text[i])


@dataclass(frozen=True, slots=True)
class _Expected:
    types: frozenset[str]
    people: frozenset[str]
    key: str | None
    places: frozenset[str]
    parties: frozenset[str] = frozenset()
    known_places: frozenset[str] = frozenset()


def _parties(actor: str | None, known: frozenset[str] = frozenset()) -> set[str]:
    """The folded names of who made a promise: one party, or each of "X and Y" unless
    the whole is one name ("Association of Machinists and Aerospace Workers")."""
    if not actor:
        return set()
    if _key(actor) in known:
        return {_key(actor)}
    return {_key(x) for x in re.split(r" and ", actor) if x}


def _expected(
    p: Promise,
    people: _People,
    offices: dict[str, frozenset[str]] | None = None,
    known: frozenset[str] = frozenset(),
) -> _Expected:
    text = _key(p.text)
    kinds = frozenset(t for types, pattern in EXPECTED if pattern.search(p.text) for t in types)
    named = people.named_in(text)
    if p.kind == "invitation" and p.target and country_of(p.target) is None:
        named.add(_key(p.target))
    key = name_key(p.text)
    countries = {
        c for w in re.findall(r"(?:to|in) ([A-ZĐ][\w ]+?)\b", p.text) if (c := country_of(w))
    }
    # Who made it (one party or several "X and Y") and to whom: any of them may keep it.
    parties = _parties(p.actor, known) | ({_key(p.target)} if p.target else set())
    parties |= {o for x in list(parties) for o in (offices or {}).get(x, ())}
    return _Expected(
        kinds, frozenset(named), key, frozenset(map(_key, countries)), frozenset(parties)
    )


def name_key(text: str) -> str | None:
    """The key of a named meeting in a text ("13th ... Dialogue", "fifth ... Dialogue")."""
    for found in NAME_KEY.finditer(text):
        named = NAMED_EVENT.match(text, found.end())
        if named:
            digits, word = found.group(1), found.group(2)
            number = int(digits) if digits else ORDINAL_WORDS[word.lower()]
            return f"{number}|{onto.KIND_FAMILY.get(named.group(1).lower(), 'meeting')}"
    return None


def _fulfilment(
    p: Promise,
    events: Sequence[Event],
    people: _People,
    offices: dict[str, frozenset[str]] | None = None,
    known: frozenset[str] = frozenset(),
    places: frozenset[str] = frozenset(),
    said: Callable[[Event], str] | None = None,
    acts: Callable[[Event], set[str]] | None = None,
    around: Callable[[Promise], Sequence[Event]] | None = None,
) -> Event | None:
    """The first later event of the promised kind, with the promised people or name,
    within the due period; none when the promise names no one and no name. Else the
    named event it promised to take part in, else the one later event that does what
    its words say (see :func:`_does_it`)."""
    if p.made_on is None:
        return None
    want = replace(_expected(p, people, offices, known), known_places=places)
    fits: list[Event] = []
    if want.types and (want.people or want.key or want.parties):
        fits = [e for e in events if e.date and _keeps(p, want, e)]
    if not fits:
        named = _named_events(p.text)
        fits = [
            e
            for e in events
            if named and _in_period(p, e) and _carries(e, named, said(e) if said else "")
        ]
    if not fits:
        fits = _does_it(p, want, around(p) if around else events, acts or _act_words)
    actor = _key(p.actor)
    fits.sort(key=lambda e: (e.date or "", actor not in {_key(x.name) for x in e.participants}))
    return fits[0] if fits else None


def _keeps(p: Promise, want: _Expected, e: Event) -> bool:
    if e.type not in want.types or not e.date or e.date <= (p.made_on or ""):
        return False
    if p.due and e.date > p.due:
        return False
    if (
        want.types == {"CONSULT"}
        and onto.KIND_LABELS["call"] in e.title
        and "call" not in _key(p.text)
    ):
        return False  # a phone call keeps no promise of a visit or a meeting
    if want.key:
        return name_key(e.title) == want.key
    names = {_key(x.name) for x in e.participants}
    if want.people:
        if not want.people <= names:
            return False
    elif not (want.parties & names) or not (p.due or _soon_after(p.made_on, e.date)):
        # named by no one in its words: kept by its own parties, in its period
        return False
    where = e.location and country_of(e.location)
    return not (where and want.places and _key(where) not in want.places)


def _in_period(p: Promise, e: Event) -> bool:
    """A reported event after the promise was made, by its due date (or, with none,
    within the window an undated promise runs)."""
    if e.background or not e.date or e.date <= (p.made_on or ""):
        return False
    return e.date <= p.due if p.due else _soon_after(p.made_on, e.date)


class _ByDate:
    """Events in date order, to find those a promise's period can hold without reading
    every event for every promise (which grew with both)."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events
        self.order = sorted(range(len(events)), key=lambda i: events[i].date or "")
        self.dates = [events[i].date or "" for i in self.order]

    def around(self, p: Promise) -> list[Event]:
        """Every event :func:`_in_period` may admit for ``p`` (and a few it rejects), in
        the order given."""
        if p.due:
            last = p.due
        else:
            try:
                start = dt.date.fromisoformat(p.made_on[:10]) if p.made_on else None
            except ValueError:
                return []
            if start is None:
                return []
            # an ISO day sorts as its date; a date holding that day and more sorts below this
            last = (start + dt.timedelta(days=UNDATED_WINDOW_DAYS)).isoformat() + "\uffff"
        first = bisect.bisect_right(self.dates, p.made_on or "")
        found = self.order[first : bisect.bisect_right(self.dates, last)]
        return [self.events[i] for i in sorted(found)]


def _named_events(text: str) -> set[str]:
    """Folded proper names the promise gives an event ("for Exercise Sea Shield 25":
    "sea shield"), not countries or capitals ("the US drills"), nor a day after it
    ("the summit Tuesday")."""
    found = set()
    for pattern in NAMED_BY:
        for match in pattern.finditer(text):
            words = [w for w in match.group(1).split() if not w.isdigit()]
            words = [w for w in words if _key(w) not in NAMED_EVENT_NOUNS]
            name = " ".join(w for w in words if _key(w) not in MONTHS and _key(w) not in WEEKDAYS)
            if name and country_of(name) is None and capital_country(name) is None:
                found.add(_key(name))
    return found


def _carries(e: Event, names: set[str], sentences: str = "") -> bool:
    """The event's title, place or participants give one of these names; or its own
    sentences do, unless it is a meeting or talks (held "ahead of" the named event)."""
    said = " | ".join(
        _key(x) for x in (e.title, e.location or "", *(p.name for p in e.participants))
    )
    if e.type not in MEETING_TYPES:
        said += " | " + _key(sentences)
    return any(_whole_words(n, said) for n in names)


def _sentences(e: Event, texts: Mapping[str, str]) -> str:
    """The text of an event's reports, one after another."""
    return " | ".join(
        texts[s.document_id][s.start : s.end] for s in e.sources if s.document_id in texts
    )


def _does_it(
    p: Promise, want: _Expected, events: Sequence[Event], acts: Callable[[Event], set[str]]
) -> list[Event]:
    """Later events whose act, as their title words say it, is what the promise says
    ("must return to work" and "... return to work"), in its period: the ones with the
    promise's parties, else the only such event, when whoever acts may keep it."""
    words, places = _Forms(_words(p.text)), _places_said(p.text, want.known_places)
    doing = [
        e
        for e in events
        if _in_period(p, e)
        and _says_act(acts(e), words)
        and want.people <= {_key(x.name) for x in e.participants}
        and _same_place(e.location, places)
    ]
    with_parties = [e for e in doing if want.parties & {_key(x.name) for x in e.participants}]
    if with_parties:
        return with_parties
    # A demand is kept by whoever does what was asked; another promise is not kept by
    # others' doing ("will visit" by someone else's visit), unless the event names no one.
    anyone = [e for e in doing if p.kind == "request" or not e.participants]
    return anyone if len(doing) == 1 else []


def _places_said(text: str, known: frozenset[str]) -> set[str]:
    """Where a promise says it will be kept ("in Hawaii", "to Manila"), of the places
    ``known`` or the countries and capitals: each place's folded name and its country's."""
    found = set()
    for name in re.findall(r"\b(?:in|to|at) ((?:[A-Z][\w'’-]+ ?)+)", text):
        name = name.strip()
        country = country_of(name) or capital_country(name)
        if country or _key(name) in known:
            found |= {_key(x) for x in (name, country) if x}
    return found


def _same_place(location: str | None, places: set[str]) -> bool:
    """No clash between an event's place and the places the promise names."""
    if not location or not places:
        return True
    return bool({_key(x) for x in (location, country_of(location)) if x} & places)


class _Forms:
    """A promise's words, and whether another word has a form among them ("returned" and
    "meeting" for "return" and "meetings"): only the word itself when it is shorter than a
    stem, else a word starting with it or a start of it at least a stem long. Each answer is
    kept: a promise is tried on every event in its period, and their titles share most act
    words."""

    def __init__(self, words: Iterable[str]) -> None:
        self.held = frozenset(words)
        self.sorted = sorted(self.held)  # the words starting with a word follow it
        self._found: dict[str, bool] = {}

    def has_form(self, word: str) -> bool:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = self._look_up(word)
        return found

    def _look_up(self, word: str) -> bool:
        if len(word) < STEM_LENGTH:
            return word in self.held
        if any(word[:k] in self.held for k in range(STEM_LENGTH, len(word) + 1)):
            return True
        at = bisect.bisect_left(self.sorted, word)
        return at < len(self.sorted) and self.sorted[at].startswith(word)


def _says_act(act: set[str], words: _Forms) -> bool:
    """Two in three of a title's act words (all of one or two) have a form among the
    promise's ``words``: "Dockers return to work" for "must return to work"."""
    said = sum(words.has_form(w) for w in act)
    return bool(act) and 3 * said >= 2 * len(act)


def _act_words(e: Event) -> set[str]:
    """The words of an event's title that are neither names nor filler."""
    names = " ".join(_key(x) for x in (e.location or "", *(p.name for p in e.participants)))
    named = set(_words(names))
    return {w for w in _words(e.title) if w not in named and w not in TITLE_FILLER and len(w) > 2}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", _key(text)))


def _soon_after(made_on: str | None, date: str) -> bool:
    """Within the window an undated promise is taken to run."""
    try:
        start = dt.date.fromisoformat(made_on[:10]) if made_on else None
        end = dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    return start is not None and (end - start).days <= UNDATED_WINDOW_DAYS
