"""Titles around a person's name, and the roles they add up to.

A title is read from the words right before a name ("US Secretary of Defence Pete
Hegseth", ranks in between skipped) or from an apposition after it ("Hoang Xuan Chien,
Deputy Minister of National Defence,"). Ranks are not roles, and the title's own words
say which country or ministry it belongs to.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from dateline.analyse.rules import OFFICE_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from dateline.lexicon.names import bare, is_rank_or_honorific, name_key
from dateline.lexicon.places import (
    COUNTRY_ADJECTIVES,
    capital_country,
    country_of,
    country_of_word,
)
from dateline.model import Role, Source

CONNECTORS = frozenset({"of", "to", "for"})
# Words dropped from a title's key: "Minister of National Defence" = "Defence Minister".
TITLE_KEY_DROP = frozenset({"national"})
# Whole titles that are another title under a different name.
TITLE_SYNONYMS: dict[str, str] = {"state president": "president"}
# The body a minister or secretary "of X" heads, when the title names no country.
BODY_OF_HEAD: dict[str, str] = {"minister": "Ministry", "secretary": "Department"}
MAX_COMPLEMENT = 4
# Office words whose ministry is named "... Affairs".
AFFAIRS_WORDS = frozenset({"foreign", "home", "interior"})
# Words that can open a fuller form of the same title: "Secretary" is the "Acting
# Secretary of Labour" of the same person.
INTERIM_WORDS = ("acting ", "interim ")
# How far around a name a title is looked for (characters; never past the line).
WINDOW = 200

_WORD = re.compile(r"[^\s,;:()\[\]\"“”]+")
# Punctuation that separates a title from the name after it.
_BREAK = re.compile(r"[,;:()\[\]\"“”]")


@dataclass(frozen=True, slots=True)
class TitleClaim:
    """One title seen next to one name: what it says and where."""

    key: str  # normalised, for grouping: "deputy minister of defence"
    title: str  # as displayed: "Deputy Minister of National Defence"
    head: str  # "minister"
    country: str | None
    body: str | None  # "Ministry of National Defence"
    source: Source


@dataclass(frozen=True, slots=True)
class _Parsed:
    modifiers: tuple[str, ...]
    head: str
    connector: str | None
    complement: tuple[str, ...]


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def title_before(document_id: str, text: str, start: int, end: int) -> TitleClaim | None:
    """The title written just before the name at ``[start, end)`` on the same line."""
    floor = max(0, start - WINDOW)
    line = text.rfind("\n", floor, start)
    words = _words(text, line + 1 if line >= 0 else floor, start)
    i = len(words)
    while i > 0 and is_rank_or_honorific(words[i - 1][2]):
        i -= 1
    parsed, first = _parse_backwards([w for _, _, w in words[:i]])
    if parsed is None or _BREAK.search(text, words[first][0], start):
        return None  # "According to the spokesman, Name": the title is someone else's
    return _claim(parsed, Source(document_id, words[first][0], end))


def _parse_backwards(words: Sequence[str]) -> tuple[_Parsed | None, int]:
    """Read ``modifiers head [connector complement]`` ending at the last word."""
    end = len(words)
    j = end
    while j > 0 and end - j < MAX_COMPLEMENT and _complement_word(words[j - 1]):
        j -= 1
    if j < end and j > 1 and words[j - 1] == "the":  # "Minister of the Interior"
        j -= 1
    connector: str | None = None
    complement: tuple[str, ...] = ()
    if j < end and j > 0 and bare(words[j - 1]) in CONNECTORS:
        connector, complement, head_at = bare(words[j - 1]), tuple(words[j:end]), j - 2
    else:
        head_at = end - 1
    if head_at < 0 or bare(words[head_at]) not in TITLE_HEADS:
        return None, 0
    first = head_at
    modifiers: list[str] = []
    while first > 0:
        # a country of two or three words ("New Zealand", "Sri Lankan") is one modifier
        size = next((n for n in (3, 2) if n <= first and _country(words[first - n : first])), 0)
        if not size and not _modifier(words[first - 1]):
            break
        size = size or 1
        modifiers.insert(0, " ".join(words[first - size : first]))
        first -= size
    parsed = _Parsed(tuple(modifiers), words[head_at], connector, complement)
    return parsed, first


def _country(words: Sequence[str]) -> bool:
    return all(w[:1].isupper() for w in words) and country_of_word(" ".join(words)) is not None


def title_after(document_id: str, text: str, start: int, end: int) -> TitleClaim | None:
    """The title in an apposition after the name: "Name, Deputy Minister of X," ."""
    if not text.startswith(", ", end):
        return None
    ceiling = min(len(text), end + WINDOW)
    line_end = text.find("\n", end, ceiling)
    words = _words(text, end + 2, ceiling if line_end < 0 else line_end)
    if words and bare(words[0][2]) == "the":
        words = words[1:]
    texts = [w for _, _, w in words]
    parsed, used = _parse_forwards(texts)
    if parsed is None or used == 0:
        return None
    last_end, last_word = words[used - 1][1], words[used - 1][2]
    after = text[last_end:].lstrip(" ")
    if not (last_word.endswith(".") or not after or after[0] in ",;)\n."):
        return None  # "Name, the President welcomed ...": a clause, not an apposition
    return _claim(parsed, Source(document_id, start, _clip(last_end, text)))


def _clip(end: int, text: str) -> int:
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    return end


def _parse_forwards(words: Sequence[str]) -> tuple[_Parsed | None, int]:
    i = 0
    while i < len(words) and (_modifier(words[i]) or bare(words[i]) in TITLE_HEADS):
        i += 1
    if i == 0 or bare(words[i - 1]) not in TITLE_HEADS:
        return None, 0
    head_at = i - 1
    connector: str | None = None
    complement: tuple[str, ...] = ()
    if i < len(words) and bare(words[i]) in CONNECTORS:
        first = i + 2 if words[i + 1 : i + 2] == ["the"] else i + 1
        j = first
        while j < len(words) and j - first < MAX_COMPLEMENT and _complement_word(words[j]):
            j += 1
        if j > first:
            connector, complement, i = bare(words[i]), tuple(words[i + 1 : j]), j
    return _Parsed(tuple(words[:head_at]), words[head_at], connector, complement), i


def _complement_word(word: str) -> bool:
    return word[:1].isupper() and bare(word) not in TITLE_HEADS


def _modifier(word: str) -> bool:
    """A word that can stand before a title head: a qualifier, another head or a country."""
    w = bare(word)
    if not word[:1].isupper():
        return w in OFFICE_WORDS  # "the defence chief"
    return w in TITLE_MODIFIERS or w in TITLE_HEADS or country_of_word(word) is not None


def _claim(parsed: _Parsed, source: Source) -> TitleClaim:
    """Split a parsed title into the title itself, its country and its ministry."""
    countries = [c for w in parsed.modifiers if (c := country_of_word(w))]
    qualifiers = [w for w in parsed.modifiers if not country_of_word(w)]
    head = bare(parsed.head)
    complement = [_without_possessive(w) for w in parsed.complement]
    place = country_of(" ".join(complement)) if complement else None
    if complement and place is None and parsed.connector == "to":
        place = capital_country(" ".join(complement))  # "Ambassador to Washington"
    if place and parsed.connector == "of":
        countries.append(place)  # "President of Vietnam": the country, not the title
        complement = []
    elif place:
        complement = [place]  # "Ambassador to Viet Nam" → "Ambassador to Vietnam"
    connector = parsed.connector if complement else None
    shown = [*qualifiers, parsed.head, *([connector, *complement] if connector else [])]
    body = _body(head, qualifiers, complement if connector == "of" else [])
    return TitleClaim(
        key=title_key(qualifiers, head, connector, complement),
        title=" ".join(w for w in shown if w),
        head=head,
        country=countries[0] if countries else None,
        body=body,
        source=source,
    )


def _without_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _departments(head: str, qualifiers: Sequence[str]) -> list[str]:
    """Qualifiers that name a ministry: "Defence" in "Deputy Defence Minister"."""
    if head not in BODY_OF_HEAD:
        return []
    return [w for w in qualifiers if bare(w) in OFFICE_WORDS]


def _body(head: str, qualifiers: Sequence[str], complement: Sequence[str]) -> str | None:
    words = [*_departments(head, qualifiers), *complement]
    if head not in BODY_OF_HEAD or not words:
        return None
    if len(words) == 1 and bare(words[0]) in AFFAIRS_WORDS:
        words = [*words, "Affairs"]  # a "Foreign Minister" heads the Ministry of Foreign Affairs
    return f"{BODY_OF_HEAD[head]} of {' '.join(words)}"


def title_key(
    qualifiers: Sequence[str], head: str, connector: str | None, complement: Sequence[str]
) -> str:
    """One key for one title however it is worded.

    "Deputy Defence Minister" and "Deputy Minister of National Defence" both give
    "deputy minister of defence": ministry words move behind the head, "national" goes.
    """
    departments = _departments(head, qualifiers)
    rest = [w for w in qualifiers if w not in departments]
    tail = [*departments, *complement] if connector in (None, "of") else list(complement)
    words = [*rest, head, *([connector or "of", *tail] if tail else [])]
    key = " ".join(w for w in name_key(" ".join(words)).split() if w not in TITLE_KEY_DROP)
    return TITLE_SYNONYMS.get(key, key)


def build_roles(
    claims: Iterable[TitleClaim],
    published: Mapping[str, str | None],
    org_name: Callable[[str], str] = str,
) -> tuple[Role, ...]:
    """Group one person's title claims into roles, each with its dates and sources.

    A shorter title ("Secretary", "Deputy Minister") never is a role of its own when this
    person has a fuller one it begins ("Secretary of War"): it joins the fuller title from
    its document, else the only one, else the one in force on its date (the latest to
    start by then); a claim none of these places (undated, or dated before them all) is
    dropped. ``org_name`` names an organisation as the corpus does.
    """
    grouped: dict[str, list[TitleClaim]] = defaultdict(list)
    for claim in claims:
        grouped[claim.key].append(claim)
    for key in sorted(grouped, key=len):
        fuller = [c for k, cs in grouped.items() if _extends(k, key) for c in cs]
        if not fuller:
            continue
        for claim in grouped.pop(key):
            target = _fuller(claim, fuller) or _in_force(claim, fuller, published)
            if target:
                grouped[target].append(claim)
    roles = [_role(key, cs, published, org_name) for key, cs in grouped.items() if cs]
    return tuple(sorted(roles, key=lambda r: (r.first_seen or "9999", r.last_seen or "", r.title)))


def _org(claim: TitleClaim) -> tuple[int, str]:
    """The body a title belongs to, and how precise that is (2: the country's ministry,
    1: a ministry, 0: a country)."""
    if claim.body and claim.country:
        return 2, f"{COUNTRY_ADJECTIVES.get(claim.country, claim.country)} {claim.body}"
    if claim.body:
        return 1, claim.body
    return 0, claim.country or ""


def _fuller(claim: TitleClaim, fuller: Sequence[TitleClaim]) -> str | None:
    """The one fuller title this claim abbreviates: first in its document, then overall."""
    here = _maximal({c.key for c in fuller if c.source.document_id == claim.source.document_id})
    if here:
        return here.pop() if len(here) == 1 else None
    anywhere = _maximal({c.key for c in fuller})
    return anywhere.pop() if len(anywhere) == 1 else None


def _in_force(
    claim: TitleClaim, fuller: Sequence[TitleClaim], published: Mapping[str, str | None]
) -> str | None:
    """The fuller title held on the claim's date: the one that started last by then."""
    when = published.get(claim.source.document_id)
    if when is None:
        return None
    candidates = _maximal({c.key for c in fuller})
    started: dict[str, str] = {}
    for other in fuller:
        day = published.get(other.source.document_id)
        if day is not None and day <= when and other.key in candidates:
            started[other.key] = min(day, started.get(other.key, day))
    if not started:
        return None
    latest = max(started.values())
    keys = [k for k, day in started.items() if day == latest]
    return keys[0] if len(keys) == 1 else None


def _maximal(keys: set[str]) -> set[str]:
    """Keys that no other key extends."""
    return {k for k in keys if not any(_extends(o, k) for o in keys)}


def _extends(longer: str, key: str) -> bool:
    """Whether title key ``longer`` is a fuller form of ``key``: it begins with it, after
    an "acting" or "interim" ("acting secretary of labour" extends "secretary")."""
    if longer.startswith(key + " "):
        return True
    for word in INTERIM_WORDS:
        if longer.startswith(word) and not key.startswith(word):
            rest = longer[len(word) :]
            return rest == key or rest.startswith(key + " ")
    return False


def _role(
    key: str,
    claims: Sequence[TitleClaim],
    published: Mapping[str, str | None],
    org_name: Callable[[str], str],
) -> Role:
    worded = [c for c in claims if c.key == key] or list(claims)
    titles = Counter(c.title for c in worded)
    title = max(titles, key=lambda t: (titles[t], len(t)))
    orgs = Counter(_org(c) for c in claims if c.country or c.body)
    org = max(orgs, key=lambda o: (o[0], orgs[o]))[1] if orgs else None
    dates = sorted(d for c in claims if (d := published.get(c.source.document_id)))
    sources = sorted({c.source for c in claims}, key=lambda s: (s.document_id, s.start, s.end))
    return Role(
        title=title,
        org=org_name(org) if org else None,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        sources=tuple(sources),
    )
