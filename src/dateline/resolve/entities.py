"""Merge every spelling of a name into one entity, and attach roles to people.

Mentions are keyed (folded, case-free, ranks and titles already trimmed); equal keys are
one entity. On top of that: places ignore spaces ("Ha Noi" = "Hanoi"), facility type
words are interchangeable, each country is one entity under a fixed name, near-identical
spellings merge under a strict threshold, an acronym in brackets joins its full name,
and a short reference ("Giang", "Hegseth") joins the one full name it can stand for. A
name the alias tables give to an organisation ("Pentagon", "Department of War") is that
organisation whatever the model tagged it, and its entity takes the organisation's own
name.

Mentions are first read as real pages leave them (:mod:`dateline.resolve.mentions`):
credits, cut-off words and headline fragments are set aside, and every mention dropped
is kept in :attr:`Resolution.dropped` with its reason. A person's key ignores initials,
generational suffixes and possessives ("Jane Q. Roe Jr." = "Jane Roe" = "Roe's").
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from dateline.analyse.convert import Analysis, Token, children
from dateline.analyse.rules import ORG_WORDS, TITLE_HEADS
from dateline.lexicon.names import SOLE_OFFICES, bare, fold, name_key
from dateline.lexicon.places import country_of, facility_key, place_key
from dateline.lexicon.words import word_set
from dateline.model import Entity, Mention, Source
from dateline.resolve.aliases import is_org_alias, org_key, qualified_org, usual_org_name
from dateline.resolve.mentions import (
    Read,
    names_branch,
    person_words,
    read_mentions,
    split_branch,
)
from dateline.resolve.roles import (
    CONNECTORS,
    TitleClaim,
    build_roles,
    title_after,
    title_before,
    title_key,
)

# Near-identical spellings: a strict similarity, on names long enough for it to mean
# something ("Nguyen Van An" and "Nguyen Van Anh" are two people: short names never fuzz).
FUZZY_THRESHOLD = 92.0
FUZZY_MIN_LENGTH = 12
# A one-word reference this long may be a one-letter typo of a surname.
MISSPELT_MIN_LENGTH = 6
# Words an acronym's letters skip: "Bureau of the Harbour and Docks" is BHD.
INITIALS_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "du", "des"})
# Words that add nothing to an organisation named before them: "ACME Union" is ACME.
GENERIC_ORG_WORDS = frozenset({"union", "group", "company", "corporation", "inc", "ltd"})
# A first name, a nickname in quotes, the rest of the name: 'Jane "Jojo" Q. Roe Jr.'.
_NICKNAMED = re.compile(
    r"\b([A-Z][\w'-]+) [\"“‘']([A-Z][\w'-]+)[\"”’'] ((?:[A-Z][\w'.-]*\s?){1,4})"
)
# Nouns that make the proper name before them a place: "the Fraser Valley area" names a
# place the model often leaves untagged.
PLACE_HEAD_NOUNS = word_set(
    "area region basin valley coast peninsula delta corridor metro belt plateau highlands lowlands"
)
# Which kind wins when one entity's mentions disagree, after the majority.
KIND_ORDER = ("PERSON", "GPE", "ORG", "FAC", "LOC", "NORP")
# Kinds compared as places (spaces and administrative words ignored).
PLACE_KINDS = frozenset({"GPE", "LOC"})
# Kinds the model gives an organisation known by another name ("the Pentagon" as FAC).
NAMED_BODY_KINDS = frozenset({"FAC", "GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entities of a corpus, most mentioned first, and every mention linked to one."""

    entities: tuple[Entity, ...]
    # the input mentions (or the name inside one) with ``entity_id`` filled
    mentions: tuple[Mention, ...]
    # input mentions that are no entity of the story, each with the reason
    dropped: tuple[tuple[Mention, str], ...] = ()

    def by_name(self, name: str) -> Entity | None:
        """The entity with this canonical name or alias (folded, case-insensitive)."""
        key = name_key(name)
        for entity in self.entities:
            if key in {name_key(n) for n in (entity.name, *entity.aliases)}:
                return entity
        return None


@dataclass(slots=True)
class _Node:
    """One mention being resolved: its grouping class, key and the node it joins."""

    mention: Mention
    kind: str
    group: str  # PERSON | PLACE | FAC | ORG | NORP
    key: str
    country: str | None = None
    target: str | None = None  # for short person references: the node id they join
    credited: bool = False  # a byline, photo credit or injected word
    headlined: bool = False  # in a headline-styled line
    bracketed: bool = False  # an acronym whose closing bracket the page lost

    @property
    def id(self) -> str:
        return f"{self.group}\x1f{self.key}"

    @property
    def short(self) -> bool:
        return self.group == "PERSON" and " " not in self.key


def _node(mention: Mention) -> _Node:
    country = country_of(mention.text)
    if country:
        return _Node(mention, "GPE", "PLACE", f"country:{country}", country)
    kind = mention.kind
    if kind in NAMED_BODY_KINDS and is_org_alias(mention.text):
        kind = "ORG"  # "talks at the Pentagon" is tagged a building; the tables know better
    if kind == "PERSON" and facility_key(mention.text):
        kind = "FAC"  # "Orley Airfield" is no one's name
    elif kind == "PERSON" and bare(mention.text.split()[-1]) in ORG_WORDS:
        kind = "ORG"  # nor is "Harbour Corps"
    if kind == "PERSON":
        return _Node(mention, kind, "PERSON", person_key(mention.text))
    if kind in PLACE_KINDS:
        return _Node(mention, kind, "PLACE", place_key(mention.text))
    if kind == "FAC":
        return _Node(mention, kind, "FAC", facility_key(mention.text) or place_key(mention.text))
    if kind == "ORG":
        return _Node(mention, kind, "ORG", org_key(mention.text, strict=True))
    return _Node(mention, kind, kind, name_key(mention.text))


def person_key(text: str) -> str:
    """A person's key: "Jane Q. Roe Jr.", "Jane Roe" and "Jane Roe's" meet."""
    return name_key(" ".join(person_words(text)))


def _read_node(read: Read) -> _Node:
    node = _node(read.mention)
    node.credited, node.headlined = read.credited, read.headlined
    node.bracketed = read.acronym_of is not None
    return node


class _Groups:
    """Union-find over node ids; the smaller id is the root, so results are stable."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)


def resolve_entities(
    analyses: Sequence[Analysis], published: Mapping[str, str | None]
) -> Resolution:
    """Entities for every mention in ``analyses``, with roles dated by ``published``.

    ``published`` maps document ids to publication dates (YYYY-MM-DD) or None.
    """
    read = [read_mentions(a.text, a.mentions + _untagged_places(a)) for a in analyses]
    dropped = [d for _, ds in read for d in ds]
    nodes = _headline_nodes([_read_node(r) for rs, _ in read for r in rs], dropped)
    texts = {a.document_id: a.text for a in analyses}
    _relabel_bracketed_acronyms(nodes, texts)
    by_document: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        by_document[node.mention.document_id].append(node)
    for doc_nodes in by_document.values():
        _relabel_short_references(doc_nodes)
    titled = _titled_surnames(nodes, texts)
    _relabel_surnames(nodes, titled)
    claims = _title_claims(analyses, nodes)
    _relabel_places(nodes, {where for where, found in claims.items() if found})
    _relabel_orphans(nodes, titled)
    groups = _Groups()
    for node in nodes:
        if not node.short:
            groups.find(node.id)
    _merge_near_spellings(groups, nodes)
    _merge_name_variants(groups, nodes)
    _merge_titled_surnames(groups, nodes)
    _merge_nicknames(groups, analyses, nodes)
    _merge_office_holders(groups, nodes, claims)
    _merge_acronyms(groups, analyses, nodes)
    _merge_spelled_out(groups, analyses, nodes)
    _merge_generic_forms(groups, nodes)
    _merge_qualified_orgs(groups, nodes)
    _merge_by_initials(groups, nodes)
    _merge_branches(groups, nodes)
    _attach_short_references(groups, nodes, by_document)
    resolution = _build(groups, nodes, claims, published, texts, dropped)
    return replace(resolution, dropped=tuple(dropped))


def _untagged_places(analysis: Analysis) -> tuple[Mention, ...]:
    """Proper names the model left untagged that the parse shows are places: a run of
    capitalised proper nouns compounded onto a place noun ("the Fraser Valley area")."""
    tokens, found = analysis.tokens, []
    for i, head in enumerate(tokens):
        if head.pos != "NOUN" or head.lemma.lower() not in PLACE_HEAD_NOUNS:
            continue
        first = i
        while (
            first > 0
            and first <= tokens[first - 1].head <= i
            and tokens[first - 1].dep == "compound"
            and tokens[first - 1].pos == "PROPN"
            and tokens[first - 1].ent_iob == "O"
            and tokens[first - 1].text[:1].isupper()
            and tokens[first - 1].text.isalpha()
        ):
            first -= 1
        start, end = tokens[first].start, tokens[i - 1].end
        if first == i or (i - first == 1 and tokens[first].text.isupper()):
            continue  # nothing before it, or an acronym ("the EU area")
        if start > 0 and not analysis.text[start - 1].isspace():
            continue  # the end of a hyphenated name ("Asia-Pacific"): not the whole name
        before = tokens[first - 1] if first > 0 else None
        if before is not None and before.text[:1].isupper() and first <= before.head <= i:
            continue  # the rest of a name the model tagged in part: not the whole name
        text = analysis.text[start:end]
        found.append(Mention(analysis.document_id, head.sentence, start, end, text, "LOC"))
    return tuple(found)


def _headline_nodes(nodes: Sequence[_Node], dropped: list[tuple[Mention, str]]) -> list[_Node]:
    """Mentions in headline-styled lines, kept only as far as the articles support them.

    In a headline every content word is capitalised, so the model's borders there are
    guesses ("Meet Trump", "Roe Resigns"). A headline mention stands when its name also
    occurs outside headlines and credits; else the longest run of its words that does
    ("Trump"); else it is dropped (a related headline glued to the page names people the
    story never mentions).
    """
    known: set[str] = set()
    for node in nodes:
        if node.headlined or node.credited:
            continue
        known.add(node.key)
        if node.group == "PERSON":
            known.add(node.key.split()[-1])
    kept: list[_Node] = []
    for node in nodes:
        if not node.headlined or node.credited or node.country or node.key in known:
            kept.append(node)
            continue
        part = _known_part(node, known)
        if part is not None:
            kept.append(part)
        else:
            dropped.append((node.mention, "a headline's words the articles never use"))
    return kept


def _known_part(node: _Node, known: set[str]) -> _Node | None:
    """The longest run of a mention's words whose key is known, as a node of its own."""
    mention = node.mention
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", mention.text)]
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            start, end = words[i][0], words[i + size - 1][1]
            text = mention.text[start:end]
            part = replace(mention, start=mention.start + start, end=mention.start + end, text=text)
            found = _node(part)
            if found.country or found.key in known:
                found.credited, found.headlined = node.credited, True
                return found
    return None


def _relabel_short_references(doc_nodes: Sequence[_Node]) -> None:
    """A one-word "place" or "organisation" that is the last name of a person named in
    the same document is that person: the model often tags "Giang" as a GPE."""
    last_names = {n.key.split()[-1] for n in doc_nodes if n.group == "PERSON" and not n.short}
    for node in doc_nodes:
        key = person_key(node.mention.text)
        if node.group in {"PLACE", "ORG"} and not node.country and key in last_names:
            node.kind, node.group, node.key = "PERSON", "PERSON", key


def _relabel_bracketed_acronyms(nodes: Sequence[_Node], texts: Mapping[str, str]) -> None:
    """Capitals in brackets the model took for a person ("... Accord (THA)") abbreviate
    the name before them, an organisation's or a document's: no one is named so."""
    for node in nodes:
        m = node.mention
        if node.group != "PERSON" or not _acronym(m.text):
            continue
        text = texts[m.document_id]
        if text[max(0, m.start - 1) : m.start] == "(" and text.startswith(")", m.end):
            node.kind, node.group, node.key = "ORG", "ORG", org_key(m.text, strict=True)


def _titled_surnames(nodes: Sequence[_Node], texts: Mapping[str, str]) -> set[str]:
    """One-word names written after a person's title somewhere ("Defence Minister
    Tanabe"): the corpus knows them as people even where no full name is given."""
    return {
        n.key
        for n in nodes
        if n.short
        and title_before(
            n.mention.document_id, texts[n.mention.document_id], n.mention.start, n.mention.end
        )
        is not None
    }


def _relabel_surnames(nodes: Sequence[_Node], titled: Collection[str] = ()) -> None:
    """A one-word "organisation" that is the last name of exactly one person in the
    corpus, or a name written after a person's title, is that person ("the Trump
    administration"). Places are left alone: a surname can be a city ("Washington")."""
    people: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.group == "PERSON" and not node.short:
            people[node.key.split()[-1]].add(node.key)
    for key in titled:
        people.setdefault(key, {key})
    for node in nodes:
        key = person_key(node.mention.text)
        if node.group == "ORG" and " " not in key and len(people.get(key, ())) == 1:
            node.kind, node.group, node.key = "PERSON", "PERSON", key


def _relabel_places(nodes: Sequence[_Node], titled: set[tuple[str, int, int]]) -> None:
    """A name the corpus knows as a place or facility is that place, whatever the model
    called it ("Bien Hoa" tagged PERSON). An untitled person or organisation named like
    a place joins the place; a bare name joins the one facility named after it when that
    facility is mentioned at least as often (the usual sense in this corpus)."""
    places = {n.key for n in nodes if n.group == "PLACE" and not n.country}
    facilities: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.group == "FAC" and "|" in node.key:
            facilities[node.key.split("|")[0]].add(node.key)
    counts = Counter(n.key for n in nodes)
    named = {n.key for n in nodes if n.group == "FAC"}
    for node in nodes:
        if node.group == "PLACE" and not node.country:
            as_facility = facility_key(node.mention.text) or node.key
            if as_facility in named:  # "CAMP X —" in a dateline is the camp
                node.kind, node.group, node.key = "FAC", "FAC", as_facility
                continue
        if node.country or node.group in {"FAC", "NORP"} or node.short:
            continue
        if node.group == "PERSON" and _where(node.mention) in titled:
            continue
        key = place_key(node.mention.text)
        fits = facilities.get(key, set())
        if len(fits) == 1 and counts[next(iter(fits))] >= counts[node.key]:
            node.kind, node.group, node.key = "FAC", "FAC", next(iter(fits))
        elif node.group != "PLACE" and key in places:
            node.kind, node.group, node.key = "GPE", "PLACE", key


def _relabel_orphans(nodes: Sequence[_Node], titled: Collection[str] = ()) -> None:
    """A one-word "person" no full name in the corpus ends with and no title precedes,
    written like a place or organisation the corpus names, is that place or organisation
    ("Renton" tagged a person once, a city elsewhere; "Acme's" read as a person)."""
    surnames = {n.key.split()[-1] for n in nodes if n.group == "PERSON" and not n.short}
    surnames |= set(titled)
    others: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for node in nodes:
        if node.group in {"PLACE", "ORG", "FAC"} and not node.country:
            others[place_key(node.mention.text)][(node.kind, node.group, node.key)] += 1
    for node in nodes:
        if not node.short or node.key in surnames:
            continue
        fits = others.get(place_key(node.mention.text))
        if fits:
            (kind, group, key), _ = fits.most_common(1)[0]
            node.kind, node.group, node.key = kind, group, key


def _merge_near_spellings(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """Union keys that differ by a typo; people must also share their last name."""
    blocks: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for node in nodes:
        if node.short or node.country or len(node.key) < FUZZY_MIN_LENGTH:
            continue
        size = len(node.key.split()) if node.group == "PERSON" else 0
        blocks[(node.group, node.key[0], size)].add(node.key)
    for (group, _, _), keys in blocks.items():
        ordered = sorted(keys)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if group == "PERSON" and a.split()[-1] != b.split()[-1]:
                    continue
                if fuzz.ratio(a, b, score_cutoff=FUZZY_THRESHOLD):
                    groups.union(f"{group}\x1f{a}", f"{group}\x1f{b}")


def _merge_titled_surnames(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """ "DPM Ribbe" (a title abbreviated in capitals) joins "Olwen Ribbe" when the corpus
    knows one full name with that surname; capitals before a surname no other name ends
    with stay initials ("JD Okafor")."""
    full = {n.key for n in nodes if n.group == "PERSON" and not n.short}
    for node in nodes:
        words = node.mention.text.split()
        if node.group != "PERSON" or len(words) != 2 or len(node.key.split()) != 2:
            continue
        if not (2 <= len(words[0]) <= 4 and words[0].isalpha() and words[0].isupper()):
            continue
        surname = name_key(words[1])  # as written: the key may have put the capitals last
        fits = {k for k in full if k != node.key and k.split()[-1] == surname}
        if len(fits) == 1:
            groups.union(node.id, "PERSON\x1f" + fits.pop())


def _merge_name_variants(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """ "Marc Knapper" joins "Marc Evans Knapper": same first and last name, words in
    order, and only one longer name fits."""
    names = {tuple(n.key.split()) for n in nodes if n.group == "PERSON" and not n.short}
    # names by first and last word: comparing every pair grew with the square of the names
    ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for name in names:
        ends[(name[0], name[-1])].append(name)
    # longest first, so a middle-length name has joined its longer form before a shorter
    # one counts the longer names it fits; and in one order, not the set's (which differs
    # between runs), so a collection resolves the same way every time
    for name in sorted(names, key=lambda n: (-len(n), n)):
        fits = {
            groups.find("PERSON\x1f" + " ".join(other))
            for other in ends[(name[0], name[-1])]
            if len(other) > len(name) and _in_order(name, other)
        }
        if len(fits) == 1:
            groups.union("PERSON\x1f" + " ".join(name), fits.pop())


def _merge_nicknames(groups: _Groups, analyses: Sequence[Analysis], nodes: Sequence[_Node]) -> None:
    """'Jane "Jojo" Roe': "Jojo Roe" is Jane Roe, wherever either is named."""
    people = {n.key for n in nodes if n.group == "PERSON" and not n.short}
    for analysis in analyses:
        for found in _NICKNAMED.finditer(analysis.text):
            first, nickname, rest = found.group(1), found.group(2), found.group(3)
            full, nicknamed = person_key(f"{first} {rest}"), person_key(f"{nickname} {rest}")
            if full in people and nicknamed in people:
                groups.union(f"PERSON\x1f{full}", f"PERSON\x1f{nicknamed}")


def _merge_office_holders(
    groups: _Groups,
    nodes: Sequence[_Node],
    claims: Mapping[tuple[str, int, int], Sequence[TitleClaim]],
) -> None:
    """ "President Jojo Roe" in one article, "President Jane Roe" in others: one surname,
    one office only one person holds at a time, and no article that names both, is one
    person under a nickname. A name with several such partners stays apart."""
    people: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        if node.group == "PERSON" and not node.short:
            people[groups.find(node.id)].append(node)
    offices: dict[str, set[tuple[str, str | None]]] = {}
    for root, members in people.items():
        held = {
            (c.key, c.country)
            for n in members
            for c in claims.get(_where(n.mention), ())
            if c.key in SOLE_OFFICES
        }
        if held:
            offices[root] = held
    documents = {r: {n.mention.document_id for n in people[r]} for r in offices}
    surname = {r: people[r][0].key.split()[-1] for r in offices}

    def partners(root: str) -> list[str]:
        return [
            other
            for other in offices
            if other != root
            and surname[other] == surname[root]
            and not documents[other] & documents[root]
            and _same_office(offices[root], offices[other])
        ]

    for root in sorted(offices):
        found = partners(root)
        if len(found) == 1 and partners(found[0]) == [root]:
            groups.union(root, found[0])


def _same_office(a: set[tuple[str, str | None]], b: set[tuple[str, str | None]]) -> bool:
    """One office in both, and no two countries' offices among them."""
    countries = {c for _, c in a | b if c}
    return len(countries) <= 1 and bool({k for k, _ in a} & {k for k, _ in b})


def _in_order(part: Sequence[str], whole: Sequence[str]) -> bool:
    rest = iter(whole)
    return all(word in rest for word in part)


def _merge_acronyms(groups: _Groups, analyses: Sequence[Analysis], nodes: Sequence[_Node]) -> None:
    """ "Full Name (FN)": the bracketed acronym is another name of the entity before it."""
    text_of = {a.document_id: a.text for a in analyses}
    known = {n.id for n in nodes}
    by_document: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        by_document[node.mention.document_id].append(node)
    for document_id, doc_nodes in by_document.items():
        text = text_of[document_id]
        ordered = sorted(doc_nodes, key=lambda n: n.mention.start)
        for a, b in pairwise(ordered):
            before, after = a.mention, b.mention
            gap = text[before.end : after.start]
            closed = text.startswith(")", after.end) or b.bracketed
            plain = not (a.short or b.short or a.country or b.country)
            if not (gap.strip() == "(" and closed and plain):
                continue
            parts = split_branch(before.text) if names_branch(before.text) else None
            if parts is not None:
                # "Union District 9 (U)": the acronym is the whole union's
                whole = f"ORG\x1f{org_key(parts[0], strict=True)}"
                if whole in known and _abbreviates(after.text, parts[0]):
                    groups.union(whole, b.id)
            elif _abbreviates(after.text, before.text):
                groups.union(a.id, b.id)


def _abbreviates(short: str, full: str) -> bool:
    letters = [c for c in fold(short) if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and len(full) > len(short)
        and fold(full)[:1].upper() == letters[0]
    )


def _merge_spelled_out(
    groups: _Groups, analyses: Sequence[Analysis], nodes: Sequence[_Node]
) -> None:
    """ "Armed Forces of the Republic (AFR)" where the model tagged only "Republic": the
    words before the bracket whose initials spell the acronym are its full name, and
    join the organisation of that name when the corpus has one."""
    orgs = {n.key: n.id for n in nodes if n.group == "ORG"}
    text_of = {a.document_id: a.text for a in analyses}
    for node in nodes:
        m = node.mention
        if node.group != "ORG" or not _acronym(m.text):
            continue
        text = text_of[m.document_id]
        if not (
            text[: m.start].rstrip().endswith("(")
            and (node.bracketed or text.startswith(")", m.end))
        ):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        full = _spelled_out(text[line_start : text.rfind("(", 0, m.start)], m.text)
        target = orgs.get(org_key(full, strict=True)) if full else None
        if target:
            groups.union(node.id, target)


def _merge_by_initials(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """An acronym the text never spells out joins the one organisation of the corpus
    whose initials it is ("ACA" and "Acme Commercial Aircraft")."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.group == "ORG" and len(node.mention.text.split()) > 1:
            by_initials[_initials(node.mention.text)].add(groups.find(node.id))
    for node in nodes:
        if (
            node.group != "ORG"
            or not _acronym(node.mention.text)
            or is_org_alias(node.mention.text)
        ):
            continue
        fits = by_initials.get(fold(node.mention.text).replace(".", ""), set())
        if len(fits) == 1:
            groups.union(node.id, next(iter(fits)))


def _merge_branches(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """One numbered branch under several wordings: "Acme Workers District 9" and "AW
    District 9" when "AW" is already Acme Workers; the branch alone ("District 9", often
    tagged a place) joins the one organisation's branch of that number in the corpus."""
    branches: dict[str, set[str]] = defaultdict(set)
    by_parent: dict[tuple[str, str], str] = {}
    bare: list[tuple[_Node, str]] = []
    known = {n.id for n in nodes}
    for node in nodes:
        parts = split_branch(node.mention.text)
        if parts is None or node.group not in {"ORG", "PLACE"}:
            continue
        parent, branch = parts
        key = fold(branch).lower()
        if not parent:
            bare.append((node, key))
            continue
        if node.group != "ORG":
            continue
        owner = f"ORG\x1f{org_key(parent, strict=True)}"
        owner = groups.find(owner) if owner in known else owner
        same = by_parent.setdefault((owner, key), node.id)
        if same != node.id:
            groups.union(same, node.id)
        branches[key].add(groups.find(node.id))
    for node, key in bare:
        fits = {groups.find(i) for i in branches.get(key, ())}
        if len(fits) == 1:
            groups.union(node.id, fits.pop())


def _merge_generic_forms(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """ "ACME Union" is ACME; a unit's code alone ("W24") is the one unit it ends
    ("ACME District W24")."""
    orgs = {n.key: n.id for n in nodes if n.group == "ORG"}
    codes: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        words = node.key.split()
        # "ACME 751 & W24" lists two units: it names neither
        if (
            node.group == "ORG"
            and len(words) > 1
            and _code(words[-1])
            and words[-2] not in {"&", "and"}
        ):
            codes[words[-1]].add(groups.find(node.id))
    for node in nodes:
        words = node.key.split()
        if node.group == "ORG" and len(words) > 1 and words[-1] in GENERIC_ORG_WORDS:
            target = orgs.get(" ".join(words[:-1]))
            if target:
                groups.union(node.id, target)
        if node.group in {"ORG", "NORP", "PLACE"} and len(words) == 1 and _code(words[0]):
            fits = codes.get(words[0], set())
            if len(fits) == 1:
                groups.union(node.id, next(iter(fits)))


def _acronym(text: str) -> bool:
    letters = fold(text).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _code(word: str) -> bool:
    """A unit's code: letters and digits ("w24", "b2"), not a plain number."""
    return word.isalnum() and any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w and w.lower() not in INITIALS_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _spelled_out(before: str, acronym: str) -> str | None:
    """The last words of ``before`` whose initials are ``acronym``, or None."""
    want = fold(acronym).replace(".", "").upper()
    words = before.split()
    for i in range(len(words) - 1, -1, -1):
        phrase = " ".join(words[i:])
        if not words[i][:1].isupper():
            continue
        if _initials(phrase) == want:
            return phrase
        if len(_initials(phrase)) > len(want):
            return None
    return None


def _merge_qualified_orgs(groups: _Groups, nodes: Sequence[_Node]) -> None:
    """One body under several wordings.

    Wordings that differ only by "national" ("Ministry of National Defence", "defence
    ministry") are one body when at most one country's body of that name is in the
    corpus. "Department of War" joins "US Department of War" when only one country's
    body of that name is in the corpus, or else when only one has that exact wording
    ("Department of National Defense" joins the country's that says "National").
    """
    orgs = [n for n in nodes if n.group == "ORG"]
    countries: dict[str, set[str]] = defaultdict(set)
    loose_fits: dict[str, set[str]] = defaultdict(set)
    strict_fits: dict[str, set[str]] = defaultdict(set)
    for node in orgs:
        found = qualified_org(node.mention.text)
        if found:
            countries[found[1]].add(found[0])
            loose_fits[found[1]].add(node.id)
            strict = qualified_org(node.mention.text, strict=True)
            strict_fits[strict[1] if strict else found[1]].add(node.id)
    by_loose: dict[str, list[_Node]] = defaultdict(list)
    for node in orgs:
        by_loose[org_key(node.mention.text)].append(node)
    for key, same in by_loose.items():
        if len(countries.get(key, ())) <= 1:
            for node in same[1:]:
                groups.union(same[0].id, node.id)
    for node in orgs:
        if qualified_org(node.mention.text):
            continue
        loose_ids = loose_fits.get(org_key(node.mention.text), set())
        strict_ids = strict_fits.get(node.key, set())
        fits = loose_ids if len(loose_ids) == 1 else strict_ids
        if len(fits) == 1:
            groups.union(node.id, next(iter(fits)))


def _attach_short_references(
    groups: _Groups, nodes: Sequence[_Node], by_document: Mapping[str, Sequence[_Node]]
) -> None:
    """Point each one-word person reference at the full name it stands for, if any.

    The last word is what a short reference repeats: a Western surname ("Hegseth") or a
    Vietnamese given name ("Giang"). First choice: the one full name with that last word
    mentioned earlier in the document; then the one anywhere in the document; then the
    one in the whole corpus. Two candidates at any step: no guess, the reference stays
    an entity of its own.
    """
    corpus: dict[str, set[str]] = defaultdict(set)
    # full names by document and last word: scanning the document's names for each
    # reference grew with the square of a long document's names
    ending: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node in nodes:
        if node.group == "PERSON" and not node.short:
            last = node.key.split()[-1]
            corpus[last].add(groups.find(node.id))
            ending[(node.mention.document_id, last)].append(node)
    for node in nodes:
        if not node.short:
            continue
        fulls = [
            (n.mention.start, groups.find(n.id))
            for n in ending.get((node.mention.document_id, node.key), ())
        ]
        earlier = {root for start, root in fulls if start < node.mention.start}
        for candidates in (earlier, {root for _, root in fulls}, corpus.get(node.key, set())):
            if candidates:
                node.target = next(iter(candidates)) if len(candidates) == 1 else None
                break
        else:
            node.target = _family_name_first(node, by_document, groups) or _misspelt(node, corpus)


def _family_name_first(
    node: _Node, by_document: Mapping[str, Sequence[_Node]], groups: _Groups
) -> str | None:
    """A reference no full name ends with, that begins exactly one full name in its own
    document: a family name written first ("Zhang" after "Zhang Wei")."""
    fits = {
        groups.find(n.id)
        for n in by_document[node.mention.document_id]
        if n.group == "PERSON" and not n.short and n.key.split()[0] == node.key
    }
    return fits.pop() if len(fits) == 1 else None


def _misspelt(node: _Node, corpus: Mapping[str, set[str]]) -> str | None:
    """A reference no full name ends with, one letter away from exactly one surname that
    stands for one person: a typo ("Hegsteh" for "Hegseth" is two; "Hagseth" is one)."""
    if len(node.key) < MISSPELT_MIN_LENGTH:
        return None
    fits = [
        roots
        for surname, roots in corpus.items()
        if surname[:1] == node.key[:1] and Levenshtein.distance(surname, node.key) == 1
    ]
    if len(fits) == 1 and len(fits[0]) == 1:
        return next(iter(fits[0]))
    return None


def _build(
    groups: _Groups,
    nodes: Sequence[_Node],
    claims: Mapping[tuple[str, int, int], Sequence[TitleClaim]],
    published: Mapping[str, str | None],
    text_of: Mapping[str, str],
    dropped: list[tuple[Mention, str]],
) -> Resolution:
    members: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        members[groups.find(node.target or node.id)].append(node)
    kept = _of_the_story(list(members.values()), text_of, dropped)
    nodes = [n for group in kept for n in group]
    built: list[tuple[Entity, list[_Node]]] = []
    taken: set[str] = set()
    for group in kept:
        entity = _entity(group, taken)
        taken.add(entity.id)
        built.append((entity, group))
    org_name = _org_namer(built)
    entities: list[Entity] = []
    entity_of: dict[tuple[str, int, int], Entity] = {}
    for entity, group in built:
        if entity.kind == "PERSON":
            found = [c for n in group for c in claims.get(_where(n.mention), ())]
            entity = replace(entity, roles=build_roles(found, published, org_name))
        entities.append(entity)
        entity_of.update((_where(n.mention), entity) for n in group)
    mentions = _one_per_start(
        replace(n.mention, entity_id=entity_of[w].id, kind=entity_of[w].kind)
        for n in nodes
        if (w := _where(n.mention))
    )
    # an entity whose every mention gave way to a longer one at the same place is gone
    counts = Counter(m.entity_id for m in mentions)
    entities = [replace(e, mentions=counts[e.id]) for e in entities if counts[e.id]]
    entities.sort(key=lambda e: (-e.mentions, e.kind, e.name))
    return Resolution(tuple(entities), mentions)


def _one_per_start(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """One mention per place in a text, the longest: cutting a mention down to the name
    inside it can land on the start of another mention of the same text."""
    kept: dict[tuple[str, int], Mention] = {}
    for m in mentions:
        key = (m.document_id, m.start)
        if key not in kept or m.end > kept[key].end:
            kept[key] = m
    return tuple(kept.values())


def _of_the_story(
    groups: Sequence[list[_Node]],
    text_of: Mapping[str, str],
    dropped: list[tuple[Mention, str]],
) -> list[list[_Node]]:
    """The groups that are entities of the story.

    Not one seen only as a byline, photo credit or injected word. Not one named once,
    after the article: past the last line that names something other pages name too,
    and past a line that is no prose, a page carries glued matter (another story's
    teaser, a related headline, a view counter).
    """
    story = []
    for group in groups:
        if all(n.credited for n in group):
            dropped.extend((n.mention, "a byline, photo credit or injected name") for n in group)
        else:
            story.append(group)
    shared = [g for g in story if len({n.mention.document_id for n in g}) > 1]
    article_end: dict[str, int] = {}
    for group in shared:
        for node in group:
            if node.headlined or node.credited:
                continue
            m = node.mention
            line_end = text_of[m.document_id].find("\n", m.end)
            end = len(text_of[m.document_id]) if line_end < 0 else line_end
            article_end[m.document_id] = max(article_end.get(m.document_id, 0), end)

    def after_article(node: _Node) -> bool:
        """Past the article's end, with a line between that is no prose (a counter, a
        teaser cut mid-sentence): the page's own last paragraph is no glued matter."""
        end = article_end.get(node.mention.document_id)
        if end is None or node.mention.start <= end:
            return False
        text = text_of[node.mention.document_id].rstrip()
        line_end = text.find("\n", node.mention.end)
        # its own line counts too, unless it is the page's last (maybe cut by the scrape)
        upto = text.rfind("\n", 0, node.mention.start) + 1 if line_end < 0 else line_end
        return any(line.strip() and not _prose(line) for line in text[end:upto].split("\n"))

    kept = []
    for group in story:
        if len(group) == 1 and after_article(group[0]):
            dropped.append((group[0].mention, "named once, after the article"))
        else:
            kept.append(group)
    return kept


def _prose(line: str) -> bool:
    """A line that ends as a sentence does."""
    return line.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", ":"))


def _org_namer(built: Sequence[tuple[Entity, Sequence[_Node]]]) -> Callable[[str], str]:
    """Names a role's organisation like the organisation entity it matches, if that
    entity has a proper name ("defence ministry" is not one)."""
    names = {
        n.key: e.name
        for e, group in built
        if e.kind == "ORG" and e.name[:1].isupper()
        for n in group
    }

    def org_name(org: str) -> str:
        return names.get(org_key(org), org)

    return org_name


def _where(mention: Mention) -> tuple[str, int, int]:
    return (mention.document_id, mention.start, mention.end)


def _title_claims(
    analyses: Sequence[Analysis], nodes: Sequence[_Node]
) -> dict[tuple[str, int, int], list[TitleClaim]]:
    """Titles before and after every person mention, by mention position.

    Titles are read within the mention's line, not its sentence: the parser often ends a
    sentence inside a rank ("Sen. Lieut. Gen.").
    """
    by_id = {a.document_id: a for a in analyses}
    # token starts and the dependency tree, built only for a document that needs the parse
    trees: dict[str, tuple[list[int], list[list[int]]]] = {}
    claims: dict[tuple[str, int, int], list[TitleClaim]] = {}
    for node in nodes:
        if node.group != "PERSON":
            continue
        m, analysis = node.mention, by_id[node.mention.document_id]
        after = title_after(m.document_id, analysis.text, m.start, m.end)
        if after is None:  # "Name, President of Acme Local 12 and ...": the parse reads it
            if m.document_id not in trees:
                tokens = analysis.tokens
                trees[m.document_id] = ([t.start for t in tokens], children(tokens))
            after = _apposed_title(analysis, *trees[m.document_id], m)
        found = (title_before(m.document_id, analysis.text, m.start, m.end), after)
        claims[_where(m)] = [c for c in found if c is not None]
    return claims


def _apposed_title(
    analysis: Analysis, starts: Sequence[int], kids: Sequence[list[int]], m: Mention
) -> TitleClaim | None:
    """The title the parse sets in apposition to a name, with its "of" (or "for", "to")
    phrase of capitalised words and codes: "Name, President of Acme District 9 and Name2,
    ...", which reading the words alone gives up on at the number or the "and"."""
    tokens = analysis.tokens
    span = range(bisect_left(starts, m.start), bisect_left(starts, m.end))
    name = next((i for i in span if tokens[i].head not in span), None)
    if name is None:
        return None
    for title in (k for k in kids[name] if tokens[k].dep == "appos"):
        head = tokens[title].text
        if bare(head) not in TITLE_HEADS or not head[:1].isupper():
            continue
        links = [k for k in kids[title] if tokens[k].dep == "prep"]
        link = next((k for k in links if bare(tokens[k].text) in CONNECTORS), None)
        if link is None:
            continue
        obj = next((k for k in kids[link] if tokens[k].dep == "pobj"), None)
        if obj is None:
            continue
        first, last = _phrase(tokens, kids, obj)
        words = [t.text for t in tokens[first : last + 1]]
        if not all(w[:1].isupper() or w.isdigit() for w in words):
            continue
        connector = bare(tokens[link].text)
        return TitleClaim(
            key=title_key([], bare(head), connector, words),
            title=" ".join([head, connector, *words]),
            head=bare(head),
            country=None,
            body=None,
            source=Source(m.document_id, m.start, tokens[last].end),
        )
    return None


def _phrase(tokens: Sequence[Token], kids: Sequence[list[int]], obj: int) -> tuple[int, int]:
    """The first and last token of a noun with the names and numbers that make it up
    ("Acme District 9"), without what is coordinated with it or follows a comma."""
    first = last = obj
    parts = {k for k in kids[obj] if tokens[k].dep in ("compound", "nummod", "amod")}
    while first - 1 in parts:
        first -= 1
    while last + 1 in parts:
        last += 1
    return first, last


def _entity(group: Sequence[_Node], taken: set[str]) -> Entity:
    kind = _kind(group)
    name = _canonical_name(group)
    key = _entity_key(group[0].group, name, group[0].country)
    digest = hashlib.sha1(f"{kind}\x1f{key}".encode()).hexdigest()
    entity_id = "e" + digest[:12]
    while entity_id in taken:  # two groups that share a canonical key stay two entities
        digest = hashlib.sha1(digest.encode()).hexdigest()
        entity_id = "e" + digest[:12]
    aliases = sorted({n.mention.text for n in group}, key=lambda t: (name_key(t), t))
    return Entity(entity_id, name, kind, tuple(aliases), (), len(group))


def _kind(group: Sequence[_Node]) -> str:
    if group[0].country:
        return "GPE"
    counts = Counter(n.kind for n in group)
    order = {kind: -i for i, kind in enumerate(KIND_ORDER)}
    return max(counts, key=lambda k: (counts[k], order.get(k, -len(KIND_ORDER)), k))


def _canonical_name(group: Sequence[_Node]) -> str:
    """The longest full form, with diacritics when the corpus has them. An organisation
    is named by its own name, not by another it goes by ("Pentagon", a former name)."""
    if group[0].country:
        return group[0].country
    full = [n for n in group if not n.short] or list(group)
    if group[0].group == "ORG":
        own = [n for n in full if not is_org_alias(n.mention.text)]
        usual = [name for n in group if (name := usual_org_name(n.key))]
        if not own and usual:
            return max(usual, key=len)  # "US Department of Defense" over the bare one
        full = own or full
    counts = Counter(_readable(n.mention.text, n.group) for n in full)

    def rank(name: str) -> tuple[bool, int, bool, int, int]:
        letters = sum(c.isalnum() for c in name)
        return (not name.isupper(), letters, fold(name) != name, counts[name], len(name))

    return max(sorted(counts), key=rank)


def _readable(text: str, group: str) -> str:
    """An all-caps dateline name ("HÀ NỘI") as a name is written ("Hà Nội")."""
    if group in {"PERSON", "PLACE", "FAC"} and text.isupper() and len(text) > 3:
        return text.title()
    return text


def _entity_key(group: str, name: str, country: str | None) -> str:
    if country:
        return f"country:{country}"
    if group == "PLACE":
        return place_key(name)
    if group == "FAC":
        return facility_key(name) or place_key(name)
    if group == "ORG":
        return org_key(name)
    return name_key(name)
