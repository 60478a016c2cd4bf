"""Rules that fix the English model's systematic name errors on this kind of news.

The lists are data: short, general word classes, never whole names. The functions take
plain tokens (:class:`dateline.analyse.convert.Token`) and token-index spans, so nothing
here depends on spaCy.

What the small English model gets wrong on Vietnamese and agency copy:

- rank abbreviations ("Lt", "Lieut") come out as people;
- ranks and titles stay glued to a name ("Gen. Phan Van Giang");
- country names come out as ORG or PERSON ("Viet Nam's");
- a name right after a rank is missed ("General Phan Van Giang");
- a country and the name that follows it merge ("Ambassador to Viet Nam Marc Knapper");
- agency credits ("(Photo: VNA)") and all-caps datelines ("HA NOI —") are missed;
- office words ("Secretary of Defence") and agreements come out as organisations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.lexicon.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from dateline.lexicon.names import HONORIFICS, NAME_ABBREVIATIONS, RANKS, bare, fold
from dateline.lexicon.places import FACILITY_TYPES, PLACE_WORDS, country_of
from dateline.lexicon.words import word_set

if TYPE_CHECKING:
    from dateline.analyse.convert import Token

KINDS = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP"})


# Ranks (RANKS) and courtesy words (HONORIFICS) come from the lexicon.
# Abbreviations after which a capitalised word or a number goes on the same sentence
# ("Sen. Lieut. Gen. Name", "on Nov. 12"): ranks, courtesy titles, offices and months.
# Full words ("general.", "major.") and "Jr." may well end a sentence, so they are not here.
TITLE_ABBREVIATIONS = NAME_ABBREVIATIONS | {m.lower() for m in MONTH_ABBREVIATIONS}
# Words that head a title ("Deputy Minister of ..."): a name follows or an apposition.
TITLE_HEADS = word_set(
    "minister secretary president ambassador chairman chairwoman chair chief director "
    "premier governor mayor spokesman spokeswoman spokesperson envoy consul attache "
    "senator representative congressman congresswoman chancellor king queen emperor "
    "leader head deputy commander officer ceo cfo coo"
)
# Words that qualify a title without being one ("Acting Assistant Secretary").
TITLE_MODIFIERS = word_set(
    "deputy vice acting assistant under permanent prime first foreign defence defense "
    "state general executive special principal senior standing party national "
    "interior finance trade home financial operating"
)
# Office words: an ORG span made only of these is a title's complement, not an entity.
OFFICE_WORDS = word_set(
    "defence defense war state national foreign affairs interior finance justice trade "
    "home security public"
)
# Words that make a capitalised run an organisation or an event, not a person's name.
ORG_WORDS = word_set(
    "ministry department office committee council commission agency army navy force "
    "forces corps command staff party assembly congress parliament government academy "
    "university institute school college union association organisation organization "
    "bank company corporation group court embassy consulate news exhibition "
    "conference summit forum meeting dialogue programme program project fund "
    "partnership agreement statement memorandum convention treaty declaration "
    "board authority tribunal bureau secretariat directorate"
)
# An ORG or FAC span containing one of these names an agreement or framework (OntoNotes'
# LAW), not an organisation: "Comprehensive Strategic Partnership", "... Convention".
DOCUMENT_WORDS = word_set(
    "partnership agreement statement memorandum convention treaty declaration"
)
# Agency credits the model rarely tags ("(Photo: VNA)", "— VNS", "Source: Reuters").
AGENCIES = frozenset({"VNA", "VNS", "Reuters", "AFP", "Xinhua", "AP", "Bernama", "Kyodo"})
# Calendar words that can follow a name but never belong to it.
CALENDAR = frozenset(w.lower() for w in WEEKDAY_NAMES + MONTH_NAMES)
# Words after which a name is a place ("off Quang Ninh"); the place words themselves
# ("the province of Dong Nai") are the lexicon's PLACE_WORDS.
LOCATIVES = word_set("in at near off")
DETERMINERS = frozenset({"the", "a", "an"})
# Parts of speech that never start or end a name ("Will Pete Hegseth come ...?").
EDGE_POS = frozenset({"AUX", "CCONJ", "SCONJ", "DET", "PRON", "PUNCT", "SPACE"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DATELINE_DASHES = frozenset({"—", "–", "-", "(", ","})

_TITLE_VOCABULARY = RANKS | HONORIFICS | TITLE_HEADS | TITLE_MODIFIERS | OFFICE_WORDS | {"of", "to"}
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*$")


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled run of tokens ``[start, end)``; ``rule`` says which rule made it."""

    start: int
    end: int
    label: str
    rule: str = "model"


@lru_cache(maxsize=1 << 16)  # asked of every word; the words repeat
def is_title_vocabulary(word: str) -> bool:
    """A word that belongs to a title, not to a name: "Minister", "of", "Defence", "Gen."."""
    w = bare(word)
    return not w or w in _TITLE_VOCABULARY


@lru_cache(maxsize=1 << 16)  # asked of every word; the words repeat
def is_title_word(word: str) -> bool:
    """A rank, honorific or title head, written with a capital (a title, not prose)."""
    w = bare(word)
    return word[:1].isupper() and (w in RANKS or w in HONORIFICS or w in TITLE_HEADS)


@lru_cache(maxsize=1 << 16)  # asked of every word; the words repeat
def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name."""
    w = bare(word)
    if not _NAME_WORD.match(fold(word)) or country_of(word):
        return False
    lexicons = (RANKS, HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, ORG_WORDS, CALENDAR)
    return not any(w in lexicon for lexicon in lexicons)


def fix_spans(
    tokens: Sequence[Token], spans: Sequence[Span], text: str, words: Sequence[str]
) -> list[Span]:
    """The model's spans with the rules above applied, sorted and without overlaps;
    ``words`` are the tokens' folded texts."""
    fixed: list[Span] = []
    for span in spans:
        fixed.extend(_fix_model_span(tokens, words, span))
    fixed = _add(fixed, _dateline_spans(tokens, words, text), force=True)
    fixed = _add(fixed, _agency_spans(words))
    for name in _names_after_titles(words):
        fixed = _add_name(fixed, name, tokens, words)
    return sorted(fixed, key=lambda s: (s.start, s.end))


def _fix_model_span(tokens: Sequence[Token], words: Sequence[str], span: Span) -> list[Span]:
    trimmed = _trim(tokens, words, span)
    if trimmed is None:
        return []
    start, end, label = trimmed.start, trimmed.end, trimmed.label
    if country_of(" ".join(words[start:end])):
        return [Span(start, end, "GPE", "country")]
    if all(is_title_vocabulary(w) for w in words[start:end]):
        return []  # "Defence" in "Secretary of Defence", "Party General"
    if end - start == 1 and tokens[start].pos == "NOUN":
        return []  # a capitalised common noun opening a sentence: "Farmers harvest ..."
    keys = [bare(w) for w in words[start:end]]
    if label in {"ORG", "FAC"} and _names_a_document(keys):
        return []
    split = _split_title_prefix(words, trimmed)
    if split:
        return split
    return [_place_by_context(words, _extend_facility(words, trimmed))]


def _trim(tokens: Sequence[Token], words: Sequence[str], span: Span) -> Span | None:
    """Drop determiners, possessives and punctuation at the edges; titles before a name."""
    start, end = span.start, span.end

    def edge(i: int, leading: bool) -> bool:
        word = words[i]
        # A capitalised function word ends a name only at its start: "Will Pete
        # Hegseth come?" loses "Will", "Meeting-Plus" keeps "Plus".
        function_word = tokens[i].pos in EDGE_POS and (leading or word.islower())
        return (
            function_word
            or bare(word) in DETERMINERS
            or word.isspace()
            or not any(c.isalnum() for c in word)
        )

    while start < end and edge(start, leading=True):
        start += 1
    while start < end and (words[end - 1] in POSSESSIVES or edge(end - 1, leading=False)):
        end -= 1
    if span.label == "PERSON":
        while start < end and _before_name(words[start]):
            start += 1
    return Span(start, end, span.label, span.rule) if start < end else None


def _before_name(word: str) -> bool:
    """Words that precede a name inside a PERSON span: ranks, titles, countries, dots."""
    w = bare(word)
    return (
        not w
        or w in RANKS
        or w in HONORIFICS
        or w in TITLE_HEADS
        or w in TITLE_MODIFIERS
        or country_of(word) is not None
    )


def _names_a_document(keys: Sequence[str]) -> bool:
    has_document = any(k in DOCUMENT_WORDS for k in keys)
    has_body = any(k in ORG_WORDS and k not in DOCUMENT_WORDS for k in keys)
    return has_document and not has_body


def _split_title_prefix(words: Sequence[str], span: Span) -> list[Span]:
    """A title or country glued to a name: "Viet Nam Marc Evans Knapper" (ORG) becomes
    GPE "Viet Nam" + PERSON "Marc Evans Knapper"; "Defense Lloyd Austin" (ORG) becomes
    PERSON "Lloyd Austin"."""
    if span.label not in {"ORG", "PERSON", "GPE"}:
        return []
    pieces: list[Span] = []
    i, titled = span.start, False
    while i < span.end:
        size = _country_size(words, i, span.end)
        if size:
            pieces.append(Span(i, i + size, "GPE", "country"))
            i += size
        elif is_title_vocabulary(words[i]):
            titled = titled or bare(words[i]) in TITLE_HEADS or bare(words[i]) in RANKS
            i += 1
        else:
            break
    rest = words[i : span.end]
    shortest = 1 if titled else 2
    if i == span.start or not shortest <= len(rest) <= 4:
        return []
    if not all(is_name_word(w) for w in rest):
        return []
    return [*pieces, Span(i, span.end, "PERSON", "split")]


def _country_size(words: Sequence[str], start: int, end: int) -> int:
    for size in (3, 2, 1):
        if start + size <= end and country_of(" ".join(words[start : start + size])):
            return size
    return 0


def _extend_facility(words: Sequence[str], span: Span) -> Span:
    """A name followed by "airbase" or "air base" is the facility: "Bien Hoa airbase"."""
    if span.label == "NORP" or span.rule == "country":
        return span
    for size in (2, 1):
        end = span.end + size
        if end <= len(words) and " ".join(bare(w) for w in words[span.end : end]) in FACILITY_TYPES:
            return Span(span.start, end, "FAC", "facility")
    return span


def _place_by_context(words: Sequence[str], span: Span) -> Span:
    """A "person" that is a place by its context: "off Quang Ninh", "Dong Nai Province",
    "the province of Dong Nai" (the model reads two-syllable Vietnamese places as names)."""
    if span.label not in {"PERSON", "ORG"}:
        return span
    before = [bare(w) for w in words[max(0, span.start - 2) : span.start]]
    typed = bare(words[span.end - 1]) in PLACE_WORDS
    type_of = len(before) == 2 and before[0] in PLACE_WORDS and before[1] == "of"
    possessive = span.end < len(words) and words[span.end] in POSSESSIVES
    located = (
        span.label == "PERSON"  # "at Harvard University" stays an organisation
        and bool(before)
        and before[-1] in LOCATIVES
        and span.end - span.start > 1
        and not possessive
    )
    if typed or type_of or located:
        return Span(span.start, span.end, "GPE", "place")
    return span


def _agency_spans(words: Sequence[str]) -> list[Span]:
    return [Span(i, i + 1, "ORG", "agency") for i, w in enumerate(words) if w in AGENCIES]


def _dateline_spans(tokens: Sequence[Token], words: Sequence[str], text: str) -> list[Span]:
    """An all-caps place opening a paragraph before a dash: "HA NOI —", "HANOI (Reuters)"."""
    found: list[Span] = []
    previous_end = 0
    for i, token in enumerate(tokens):
        if token.text.isspace():
            continue
        opens_paragraph = previous_end == 0 or "\n" in text[previous_end : token.start]
        previous_end = token.end
        if not opens_paragraph:
            continue
        end = i
        while end < len(words) and end - i < 4 and _caps_word(words[end]):
            end += 1
        long_enough = end - i > 1 or (end > i and len(words[i]) >= 4)
        if long_enough and end < len(words) and words[end] in DATELINE_DASHES:
            found.append(Span(i, end, "GPE", "dateline"))
    return found


def _caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _names_after_titles(words: Sequence[str]) -> list[Span]:
    """A run of 2–4 capitalised name words right after a title or rank is a person.

    The title may carry its ministry: "Minister of National Defence General Phan Van
    Giang", "Minister of Defense Phan Van Giang".
    """
    found: list[Span] = []
    i = 0
    while i < len(words):
        if not is_title_word(words[i]):
            i += 1
            continue
        start = _skip_title(words, i + 1)
        end = start
        while end < len(words) and end - start < 5 and is_name_word(words[end]):
            end += 1
        if 2 <= end - start <= 4:
            found.append(Span(start, end, "PERSON", "title"))
        i = max(end, i + 1)
    return found


def _skip_title(words: Sequence[str], i: int) -> int:
    """The index after the rest of a title: more title words, dots, "of" + office words."""
    while i < len(words):
        if is_title_word(words[i]) or words[i] == ".":
            i += 1
        elif words[i] == "of" and i + 1 < len(words) and _office_word(words[i + 1]):
            i += 1
            while i < len(words) and _office_word(words[i]):
                i += 1
        else:
            return i
    return i


def _office_word(word: str) -> bool:
    return word[:1].isupper() and bare(word) in OFFICE_WORDS


def _add(spans: list[Span], new: Sequence[Span], force: bool = False) -> list[Span]:
    """Add rule spans; one replaces the spans it overlaps only if it contains them all."""
    out = list(spans)
    for span in new:
        hits = [s for s in out if s.start < span.end and span.start < s.end]
        inside = all(span.start <= s.start and s.end <= span.end for s in hits)
        if force or inside:
            out = [s for s in out if s not in hits] + [span]
    return out


def _add_name(
    spans: list[Span], name: Span, tokens: Sequence[Token], words: Sequence[str]
) -> list[Span]:
    """Add a name found after a title. A model span it cuts keeps what lies outside it
    ("Lam and State" around "To Lam"), checked again by the span rules."""
    out: list[Span] = []
    for span in spans:
        if span.end <= name.start or name.end <= span.start:
            out.append(span)
            continue
        for start, end in ((span.start, name.start), (name.end, span.end)):
            if start < end:
                out.extend(_fix_model_span(tokens, words, Span(start, end, span.label)))
    return [*out, name]
