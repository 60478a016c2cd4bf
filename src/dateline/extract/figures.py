"""Reported figures: money and counts, what they are about, and how they changed.

:func:`find_figures` reads a document's sentences by rules (no model): money written with
a currency ("US$130 million", "130 million USD", "€5m"), counts written as a number and
the plural noun phrase it counts ("994 boxes of remains", "eight sets of remains"), and
bare numbers that borrow their noun from a neighbour ("44 out of 45 dossiers", "of which
... 740"; never from a count that only sets the scene, as in "after 160 operations").
Dates, years, ordinals, times, phone numbers, ages, percentages and numbers inside names
are masked first, so they never become counts.

Subjects, by rule. Money, first rule that applies: "(bringing) total X (from A) to B" ->
"total X"; "B to support / for / in funding for / on / into X" -> X; "B in loans" ->
"loans"; "X worth / of / reached / rose from A to B" -> X; else the words before B. A
"the project" or "the clean-up" in a subject becomes the project the sentence named
earlier ("the dioxin remediation project at ..."), else what the document's last amount
was for. Counts: the counted phrase plus the verb that acts on it, before ("handed over a
total of 994 ...") or after ("45 dossiers received"), a nominal read as its verb ("the
repatriation of eight sets" -> "repatriated").

:func:`merge_figures` turns mentions from many documents into one :class:`Figure` per
reported value and subject, with every sentence that reports it, and links values of the
same subject reported over time (``previous``). One value, unit and increment flag makes
one figure when the subjects are near-identical or, for money, share their distinctive
words (proper names, content nouns); units that differ only by a modifier ("joint field
operations") count the same thing. :func:`figure_history` lists them.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from unidecode import unidecode

from dateline.analyse.convert import Token
from dateline.extract.units import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    alternation,
    currency_of,
)
from dateline.lexicon.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from dateline.lexicon.numbers import (
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    UNIT_WORDS,
    parse_number,
    scale_of,
)
from dateline.lexicon.words import word_set
from dateline.model import Figure, Sentence, Source

# --- Lexicon ---------------------------------------------------------------------------


# Words that end a counted noun phrase ("45 dossiers received FROM the US").
NP_BREAK = word_set(
    """a an the this that these those its their his her our your my of in on at to for
    from by with into onto over under since during after before than per as about between
    among against and or but nor so yet if is are was were be been being has have had will
    would can could may might should must do does did not no which who whom whose where
    when while out up down off more most less least percent"""
)
# Nouns counted as plural in a form the tagger often reads as singular ("30 police",
# "12 aircraft"): the parse cannot tell, so this list is read with tags too.
COLLECTIVE_NOUNS = word_set(
    """personnel police staff cattle livestock aircraft sheep fish deer data media
    offspring"""
)
# Plural nouns that do not end in "s", for text read without a parse (with one, the tag
# and the lemma say it: "men"/NNS/"man").
IRREGULAR_PLURALS = COLLECTIVE_NOUNS | word_set("people children men women feet teeth mice geese")
# Words ending in "s" that are not plural nouns (verbs, adverbs, singular nouns).
NOT_PLURAL = word_set(
    """news always perhaps towards afterwards besides sometimes whereas economics politics
    physics mathematics hers ours yours theirs says makes takes gives means seems comes goes
    does shows includes reflects needs gets puts sees helps stands lies stays"""
)
# Counted heads that measure time or are abstract enumerations ("three key areas"):
# not figures a dossier reports.
NON_COUNT_HEADS = word_set(
    """seconds minutes hours days nights weeks weekends months years decades centuries
    millennia times areas fields aspects sides ways pillars priorities points directions
    issues respects levels stages phases tasks goals principles objectives factors elements
    dimensions contents topics matters things kinds types sorts nos"""
)
# Heads that count containers or portions of something named after "of".
PARTITIVE_HEADS = word_set(
    """boxes sets pieces pairs units tonnes tons kilograms kilos litres liters barrels bags
    sacks cases batches lots packages containers cartons bottles doses rounds shipments
    consignments truckloads items groups teams delegations hectares acres"""
)
# Past forms that do not end in "-ed".
IRREGULAR_PAST = word_set(
    """sent given gave made built held paid found taken took seen saw won lost brought
    caught sold spent left lent bought kept met put set shot hit cut struck stolen stole
    thrown threw drawn drew grown grew shown known done did got gotten written wrote hidden
    hid led fed fled dug swept laid begun began chosen chose frozen froze driven drove torn
    wore worn ran thought"""
)
# Simple past forms read as participles in a subject ("scholarships given out").
PARTICIPLES: dict[str, str] = {
    "gave": "given",
    "took": "taken",
    "saw": "seen",
    "stole": "stolen",
    "threw": "thrown",
    "drew": "drawn",
    "grew": "grown",
    "did": "done",
    "wrote": "written",
    "hid": "hidden",
    "began": "begun",
    "chose": "chosen",
    "froze": "frozen",
    "drove": "driven",
    "wore": "worn",
    "ran": "run",
}
# Verbs that only report a count: the participle after it says more ("reported 3 million
# doses delivered" -> "doses delivered").
REPORTING_VERBS = word_set("reported announced recorded confirmed counted listed noted cited")
# Words ending in "-ed" that are not past forms.
NOT_PAST = word_set(
    "hundred indeed need speed seed feed breed bleed embed shed proceed exceed succeed"
)
# Participles after a noun that describe it rather than say what happened to it.
DESCRIPTIVE_PARTICIPLES = word_set(
    """believed thought said expected estimated known considered related linked based
    located aged dated compared worth named called listed"""
)
# Verbs whose particle belongs to them ("handed over", "carried out").
PHRASAL_VERBS = word_set(
    """handed turned carried gave given paid sent brought taken took picked set called
    cleaned cleared dug wiped shot laid shut"""
)
PARTICLES = r"over|out|up|back|down|off|away"
# Nouns naming an action, read as the verb they stand for ("the repatriation of eight
# sets of remains" -> "sets of remains repatriated").
NOMINAL_VERBS: dict[str, str] = {
    "repatriation": "repatriated",
    "return": "returned",
    "handover": "handed over",
    "identification": "identified",
    "release": "released",
    "deployment": "deployed",
    "evacuation": "evacuated",
    "recovery": "recovered",
    "delivery": "delivered",
    "transfer": "transferred",
    "verification": "verified",
    "arrest": "arrested",
    "rescue": "rescued",
    "excavation": "excavated",
    "donation": "donated",
    "removal": "removed",
    "clearance": "cleared",
    "detention": "detained",
}
# Words before a count that make it a back-reference ("the two countries").
ANAPHORIC_DETERMINERS = word_set(
    """the these those its their his her our your my first last past next previous
    following top other"""
)
# Kinds of money named after the amount ("$5 billion in loans").
MONEY_KINDS = (
    r"funding|funds|aid|assistance|grants?|loans?|investments?|support|financing|capital"
    r"|credit|donations?|relief|spending|revenues?|damages|compensation|contributions?"
    r"|budget|subsid(?:y|ies)"
)
MONEY_KIND_MODIFIERS = (
    r"additional|new|extra|further|fresh|non-refundable|humanitarian|official|development"
    r"|military|economic|emergency|public|private|foreign|direct"
)
# Nouns a later "the project" or "the clean-up" may point back to.
REFERENCE_NOUNS = (
    r"project|programme|program|plan|scheme|fund|initiative|facility|package|deal|contract"
    r"|agreement|campaign|clean-up|cleanup|remediation"
)
# Clause words: they end a subject phrase ("... Airport, BRINGING ...").
CLAUSE_WORDS = word_set(
    """which that who whom whose where when while as because since after before although
    though but if unless until whereas bringing brings brought raising raises raised taking
    takes took pushing pushes lifting lifts including according amid despite following
    said says from to by with over during within through next this last each per annually
    via upon so than or"""
)
# A finite verb also ends what an amount is for: "$5m for the port CAN be spent". Not
# before a figure, where it links the noun to it ("the fund IS worth $5m").
AUXILIARIES = word_set(
    """can could may might must shall should will would is are was were be been being has
    have had do does did"""
)
# Words that end a subject phrase read after a figure, and before one.
AFTER_BREAK = CLAUSE_WORDS | AUXILIARIES
BEFORE_BREAK = CLAUSE_WORDS - {"to", "from", "by", "with", "over", "this", "last"} | {"and"}
# Words trimmed from either end of a subject phrase.
EDGE_WORDS = word_set(
    """a an the of to in on at for from by with and or its their his her our this that
    these those some about around nearly almost over total additional further extra another
    more than"""
)
# A subject also never ends in an auxiliary ("the fund is [worth $5m]").
TRAILING_EDGE_WORDS = EDGE_WORDS | word_set("is are was were be been has have had will would")
# Words skipped between a verb and its count ("handed over A TOTAL OF 994").
QUANTIFIERS = (
    r"a\s+total\s+of|a\s+further|an\s+additional|an\s+extra|another|some|about|around"
    r"|approximately|nearly|almost|roughly|only|just|at\s+least|at\s+most|more\s+than"
    r"|fewer\s+than|less\s+than|over|up\s+to|as\s+many\s+as|all|jointly|a|an"
)
# Merging: words dropped and words equated when comparing subjects.
SUBJECT_STOPWORDS = word_set(
    """a an the of for to in on at by with from and or this that these those its their his
    her our which into toward towards as"""
)
# Applied before case is folded, so a name stays capitalised ("United States" -> "US").
SUBJECT_PHRASE_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bu\.\s?s\.?(?=\W|$)", re.I), "US"),
    (re.compile(r"\bunited states\b", re.I), "US"),
    (re.compile(r"\bair\s+(?:base|field)\b", re.I), "airport"),
    (re.compile(r"\bviet\s+nam\b", re.I), "Vietnam"),
)
SUBJECT_SYNONYMS: dict[str, str] = {
    "airbase": "airport",
    "airfield": "airport",
    "assistance": "aid",
    "funding": "aid",
    "funds": "aid",
    "programme": "program",
    # one change of pay, however a report words it ("a 40% raise", "a 40% pay increase")
    "raise": "increase",
    "hike": "increase",
    "rise": "increase",
    "pay": "wage",
    "wages": "wage",
    "salary": "wage",
    "salaries": "wage",
    "ties": "relations",
    "defence": "defense",
}
# token_set_ratio for the same value, token_sort_ratio (no subset bonus) to link values of
# one subject over time: "boxes of remains" must not become "boxes of remains identified".
SAME_VALUE_THRESHOLD = 90.0
HISTORY_THRESHOLD = 90.0
ADDITIONAL_MARK = " (additional)"
# Words that say what kind of money an amount is, not what it is for: two amounts that
# share only these are not shown to be one ("total US aid for X", "non-refundable aid").
GENERIC_MONEY_WORDS = word_set(
    """total additional further extra new fresh non refundable humanitarian official aid
    assistance funding funds grant grants loan loans money support financing investment
    contribution contributions budget"""
)

# --- Patterns --------------------------------------------------------------------------

_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_SMALL = alternation(NUMBER_WORDS)
_UNIT = alternation(UNIT_WORDS)
_SCALE = alternation(SCALE_WORDS)
_WORD_NUMBER = (
    rf"(?:{_SMALL})(?:-(?:{_UNIT}))?"
    rf"(?:\s+(?:hundred|dozen)(?:\s+and\s+(?:{_SMALL})(?:-(?:{_UNIT}))?)?)?"
    rf"|an?\s+(?:dozen|hundred)|(?:an?|another)(?=\s+(?:{_SCALE})\b)"
)
NUMBER = rf"(?:{_DIGITS}|(?i:\b(?:{_WORD_NUMBER})\b))"
_AMOUNT = (
    rf"(?P<num>{NUMBER})"
    rf"(?:\s{{0,2}}(?P<scale>(?i:{_SCALE}))\b|(?P<abbr>(?i:{alternation(SCALE_ABBREVIATIONS)}))\b)?"
)
MONEY_BEFORE_RE = re.compile(
    rf"(?:(?<![A-Za-z$])(?P<sym>{alternation(CURRENCY_SYMBOLS)})"
    rf"|\b(?P<code>{alternation(CURRENCY_CODES)}))\s{{0,2}}{_AMOUNT}"
)
MONEY_AFTER_RE = re.compile(
    rf"(?<![\w.,$€£¥₫]){_AMOUNT}\s{{0,2}}"
    rf"(?P<word>{alternation(CURRENCY_WORDS)}|{alternation(CURRENCY_CODES)})\b"
)
# What every match of either money pattern holds: a sentence without it has no money.
_CURRENCY_RE = re.compile(
    f"{alternation(CURRENCY_SYMBOLS)}|{alternation(CURRENCY_CODES)}|{alternation(CURRENCY_WORDS)}"
)
COUNT_NUMBER_RE = re.compile(
    rf"(?<![\w.,$€£¥₫+/-])(?P<num>{NUMBER})(?:\s(?P<scale>(?i:{_SCALE}))\b)?(?![\w%]|[.,][0-9])"
)

_MONTHS = "|".join(MONTH_NAMES + tuple(MONTH_ABBREVIATIONS))
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_DAY_SPAN = rf"{_DAY}(?:\s*(?:[-–]|to|and)\s*{_DAY})?"
# Spans where a number is never a count; money is matched before these apply.
MASKS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:{_MONTHS})\.?\s+{_DAY_SPAN}\b(?:,?\s+[0-9]{{4}})?"),
    re.compile(rf"\b{_DAY_SPAN}\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s+[0-9]{{4}})?"),
    re.compile(r"\b[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}\b"),
    re.compile(r"\b(?:18|19|20)[0-9]{2}s?\b(?:\s*[-–]\s*(?:(?:18|19|20)[0-9]{2}|[0-9]{2})\b)?"),
    re.compile(
        r"\b[0-9]{1,2}[:.][0-9]{2}\b(?:\s*[ap]\.?m\.?)?"
        r"|\b[0-9]{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{1,4}\)[\s.-]?)?[0-9]{2,4}(?:[\s.-][0-9]{2,4}){2,}"
    ),
    re.compile(r"\b[0-9]+(?:st|nd|rd|th)\b", re.IGNORECASE),
    re.compile(r"\b[A-Za-z]+[-–]?[0-9][\w+]*|\b[0-9]+[A-Za-z]\w*"),
    re.compile(
        r"\b(?:Resolution|Decree|Decision|Directive|Circular|Article|Section|Chapter|Clause"
        r"|Law|Route|Highway|Road|Street|Flight|Room|Gate|Terminal|Phase|Level|Group"
        r"|Division|Brigade|Regiment|Corps|Zone|Ward|District|Block|Lot|Building)"
        r"\s+[0-9][0-9./-]*|\bNos?\.\s*[0-9][0-9./-]*"
    ),
    re.compile(
        r"\b(?:aged|ages?(?:\s+of)?)\s+[0-9]+|\b[0-9]+[-\s]years?[-\s]old\b|\b[0-9]+-year-olds?\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![0-9.,])[0-9]+(?:\.[0-9]+)?\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)",
        re.IGNORECASE,
    ),
    re.compile(r"\b[0-9]+\s*[-–]\s*[0-9]+\b"),
)

# Every mask, ordinal and date needs an ASCII digit: a sentence without one skips them all.
_DIGIT_RE = re.compile(r"[0-9]")
# What every percentage holds ("%", "percent", "per cent", "percentage points").
_PERCENT_SIGN_RE = re.compile(r"%|per", re.IGNORECASE)

# Spaces, quotes and dashes before a sentence's first word.
SENTENCE_LEAD_RE = re.compile(r"[\s\"'“‘(—–-]*")
TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?|[0-9][0-9,.]*|\S")
ADDITIONAL_BEFORE_RE = re.compile(r"\b(?:additional|further|extra|another|fresh)\s+$", re.I)
ADDITIONAL_AFTER_RE = re.compile(
    r"\s+(?:more(?!\s+than)|additional|extra|further)\b|\s+in\s+(?:additional|extra|further|fresh)\b",
    re.I,
)
VERB_BEFORE_RE = re.compile(
    rf"(?:\b(?P<det>a|an|the)\s+)?\b(?P<verb>[A-Za-z]+)(?:\s+(?P<particle>{PARTICLES}))?"
    rf"\s+(?:(?:{QUANTIFIERS})\s+)*$"
)
NOMINAL_BEFORE_RE = re.compile(
    rf"\b(?P<noun>{alternation(NOMINAL_VERBS)})\s+of\s+(?:the\s+)?(?:(?:{QUANTIFIERS})\s+)*$",
    re.I,
)
VERB_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?:which|whom|them|these|those)\s+)?(?:(?:have|has|had)\s+)?"
    rf"(?:(?:been|were|was|are|is|be|being)\s+)?(?P<verb>[A-Za-z]+)"
    rf"(?:\s+(?P<particle>{PARTICLES})\b)?"
)
PART_OF_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:a\s+total\s+of\s+)?$")
CHANGE_FROM_RE = re.compile(r"\bfrom\s+$", re.I)
CHANGE_TO_RE = re.compile(r"\s+to\s+$", re.I)
CHANGE_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:up|down)\s+)?from\s+$", re.I)
PART_BEFORE_RE = re.compile(
    r"\b(?:of\s+(?:which|whom|these|them|those)|including|among\s+(?:them|which|whom))\b", re.I
)
# Prepositions whose count sets the scene ("after 160 joint operations") rather than
# names a set a later "of them" picks from.
ADJUNCT_BEFORE_RE = re.compile(
    r"\b(?:after|before|since|during|following|through|throughout|within|across|amid|despite"
    rf"|until|in|with|without|from)\s+(?:(?:{QUANTIFIERS})\s+)*$",
    re.I,
)
WHOLE_RELATIVE_RE = re.compile(r"\s*,?\s*" + PART_BEFORE_RE.pattern, re.I)
PART_AFTER_RE = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b", re.I)
# "Of the 530 boxes returned, the archive has catalogued 410": the whole comes first.
PART_LEAD_RE = re.compile(r"(?:^|\W)of\s+the\s+$", re.I)
TOTAL_RE = re.compile(
    r"\b(?P<subject>total\b(?:[^,;:.()]|\.(?=\w))*?)\s+(?:from\s+.{1,40}?\s+)?to\s+"
    rf"(?:a\s+total\s+of\s+)?(?:(?:{QUANTIFIERS})\s+)*$",
    re.I,
)
PURPOSE_RE = re.compile(
    rf"\s*(?:more\s+)?(?:in\s+(?:(?:{MONEY_KIND_MODIFIERS})\s+)*(?:{MONEY_KINDS})\s+)?"
    r"(?:to\s+(?:support|fund|finance|help|assist|build|cover|upgrade|develop|implement"
    r"|carry\s+out|clean\s+up|pay\s+for|reach)|in\s+support\s+of|earmarked\s+for"
    r"|allocated\s+(?:to|for)|for|towards?|into|to"
    rf"|on(?!\s+(?:{_WEEKDAYS}|{_MONTHS})\b))\s+",
    re.I,
)
KIND_RE = re.compile(
    rf"\s*(?:more\s+)?in\s+(?P<kind>(?:(?:{MONEY_KIND_MODIFIERS})\s+)*(?:{MONEY_KINDS}))\b", re.I
)
_CHANGE_VERBS = (
    r"rose|risen|increased|grew|grown|jumped|climbed|surged|soared|fell|fallen|dropped"
    r"|declined|decreased|slipped|plunged|shrank|expanded|went(?:\s+up|\s+down)?|moved|changed"
)
LINK_BEFORE_RE = re.compile(
    r"\s+(?:worth|valued\s+at|totall?ing|costing|amounting\s+to|amounted\s+to|of|reached"
    r"|hit|totall?ed|stood\s+at|stands\s+at|was|were|is|are|costs?"
    rf"|(?:{_CHANGE_VERBS})(?:\s+by\s+\S+)?(?:\s+from\s+.{{1,40}}?)?\s+to)"
    rf"\s+(?:(?:the|additional|further|extra|{QUANTIFIERS})\s+)*$",
    re.I,
)
REFERENCE_RE = re.compile(rf"\bthe\s+(?P<noun>{REFERENCE_NOUNS})\b", re.I)
REFERENCE_TAIL_RE = re.compile(r"\s+(?:at|in|on|of|for)\s+", re.I)
WORD_RE = re.compile(r"[A-Za-z0-9]+")
SPACES_RE = re.compile(r"\s+")
# How far back a rule looks for its cue: enough for a clause, cheap on long sentences.
LOOKBACK = 200


# The parse of the sentence being read: its tags decide plural nouns and past forms where
# the spelling tables would guess.
_SENTENCE: ContextVar[_SentenceParse | None] = ContextVar("figure_sentence", default=None)


# --- Records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureMention:
    """One figure as written in one sentence; offsets are into the document's clean text."""

    document_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    value: float
    unit: str
    subject: str
    previous: float | None
    as_of: str | None
    kind: str  # "money" | "count" | "percent"
    additional: bool = False


@dataclass(slots=True)
class _Hit:
    """A number found in a sentence while its rules run (offsets local to the sentence)."""

    start: int
    end: int
    value: float
    kind: str | None  # None: a bare number, kept only if a neighbour gives it a unit
    unit: str = ""
    scale: float = 1.0  # the scale word's multiplier, 1 when none was written
    verb: str = ""
    previous: float | None = None
    additional: bool = False
    subject: str = ""
    whole: _Hit | None = None
    consumed: bool = False


# --- Finding ---------------------------------------------------------------------------


def find_figures(
    document_id: str,
    sentences: Sequence[Sentence],
    as_of: str | None,
    tokens: Sequence[Token] = (),
) -> list[FigureMention]:
    """Every money, count and percentage figure in ``sentences``, in text order.

    ``as_of`` is the date the figures hold for (the publication date, when known);
    ``tokens`` (the document's analysis, optional) let subjects be read from the parse.
    """
    mentions: list[FigureMention] = []
    context = ""  # the last amount's subject: what a later "the project" stands for
    parse = _Parse(tokens)
    for sentence in sentences:
        hits, context = _sentence_hits(
            sentence.text, context, parse.at(sentence.start, sentence.end)
        )
        mentions.extend(
            _mention(document_id, sentence, hit, as_of)
            for hit in hits
            if math.isfinite(hit.value) and (hit.previous is None or math.isfinite(hit.previous))
        )
    return mentions


def _mention(document_id: str, sentence: Sentence, hit: _Hit, as_of: str | None) -> FigureMention:
    return FigureMention(
        document_id=document_id,
        start=sentence.start + hit.start,
        end=sentence.start + hit.end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        text=sentence.text[hit.start : hit.end],
        value=hit.value,
        unit=hit.unit,
        subject=hit.subject,
        previous=hit.previous,
        as_of=as_of,
        kind=hit.kind or "count",
        additional=hit.additional,
    )


def _sentence_hits(
    text: str, context: str = "", parse: _SentenceParse | None = None
) -> tuple[list[_Hit], str]:
    """The figures of one sentence, with units, links and subjects resolved, and the
    subject a later reference in the document would stand for (``context`` before)."""
    reset = _SENTENCE.set(parse)
    try:
        return _read_sentence(text, context, parse)
    finally:
        _SENTENCE.reset(reset)


def _tagged(word: str, at: int | None) -> Token | None:
    """The parsed token spelled ``word`` at sentence offset ``at``, if the sentence was
    parsed and the parser cut it there."""
    parse = _SENTENCE.get()
    if parse is None or at is None:
        return None
    token = parse.by_offset().get(at)
    return token if token is not None and token.text == word else None


def _read_sentence(text: str, context: str, parse: _SentenceParse | None) -> tuple[list[_Hit], str]:
    money = _money_hits(text)
    masked = _masked_spans(text, money)
    percents = _percent_hits(text, money)
    extra = percents + _duration_hits(text) + _ordinal_hits(text, parse)
    hits = sorted(money + extra + _count_hits(text, masked), key=lambda h: h.start)
    _count_totals(text, hits)
    _link_parts(text, hits)
    _link_changes(text, hits)
    kept = [h for h in hits if h.kind and not h.consumed]
    for hit in kept:
        if hit.kind == "percent":
            hit.subject = _percent_subject(text, hit, parse)
            continue
        if hit.kind in ("duration", "ordinal"):
            hit.subject = _described_subject(text, hit, parse)
            continue
        if hit.subject:  # set where it was found ("the total number of X ... to N")
            continue
        if hit.kind != "money":
            hit.subject = _count_subject(hit, text, parse)
            continue
        hit.subject = _money_subject(text, hit, context, parse)
        if _names_a_thing(hit.subject):
            context = hit.subject
    _complete_totals(kept)
    return kept, context


def _money_hits(text: str) -> list[_Hit]:
    found: list[_Hit] = []
    if not _CURRENCY_RE.search(text):
        return found
    for pattern in (MONEY_BEFORE_RE, MONEY_AFTER_RE):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            number = parse_number(groups["num"])
            unit = currency_of(groups.get("sym") or groups.get("code") or groups.get("word") or "")
            if number is None or unit is None:
                continue
            scale = scale_of(groups["scale"] or groups["abbr"])
            found.append(_Hit(m.start(), m.end(), number * scale, "money", unit, scale))
    chosen: list[_Hit] = []
    for hit in sorted(found, key=lambda h: (h.start, -(h.end - h.start))):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    for hit in chosen:
        # "another million dollars": the article that is the number also adds it.
        another = text[hit.start : hit.end].lower().split()[:1] == ["another"]
        hit.additional = another or _is_additional(text, hit.start, hit.end)
    return chosen


def _masked_spans(text: str, money: list[_Hit]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans where no count may start or end."""
    masks = [m.span() for p in MASKS for m in p.finditer(text)] if _DIGIT_RE.search(text) else []
    spans = sorted(masks + [(h.start, h.end) for h in money])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and spans[i][1] > start


def _count_hits(text: str, masked: list[tuple[int, int]]) -> list[_Hit]:
    hits: list[_Hit] = []
    starts = [s for s, _ in masked]
    for m in COUNT_NUMBER_RE.finditer(text):
        if _overlaps(masked, starts, m.start(), m.end()) or _is_name_part(text, m):
            continue
        if _is_model_number(text, m):
            continue
        number = parse_number(m["num"])
        if number is None:
            continue
        hit = _count_hit(text, m, number, scale_of(m["scale"]))
        if hit is not None:
            hits.append(hit)
    return hits


def _is_model_number(text: str, m: re.Match[str]) -> bool:
    """ "Boeing 777 jets", "the 737 MAX": a short plain number right after or before a
    capitalised word names a model or a line, it counts nothing."""
    number = m["num"]
    if not number.isdigit() or len(number) > 4:
        return False
    before = re.search(r"([^\W\d_][\w'’-]*) $", text[max(0, m.start() - 40) : m.start()])
    if before and before[1][0].isupper() and before[1].lower() not in MODEL_STOP:
        return True
    after = re.match(r" ([A-Z]{2,})\b", text[m.end() : m.end() + 20])
    return bool(after and after[1].lower() not in MODEL_STOP)


def _is_name_part(text: str, m: re.Match[str]) -> bool:
    """A capitalised number word inside a sentence is part of a name ("Four Nos")."""
    lead = SENTENCE_LEAD_RE.match(text)  # matches always: every part is optional
    return m["num"][0].isupper() and lead is not None and lead.end() < m.start()


def _count_hit(text: str, m: re.Match[str], number: float, scale: float) -> _Hit | None:
    """A count (number + counted noun phrase), a bare number, or None for a non-count."""
    extra = ADDITIONAL_AFTER_RE.match(text, m.end())
    phrase = _noun_phrase(text, extra.end() if extra else m.end())
    if phrase is None:
        return _Hit(m.start(), m.end(), number * scale, None, scale=scale)
    start, end, head = phrase
    # "the two countries" refers back; a digit after "the" ("Of the 530 boxes") is news.
    anaphoric = m["num"][0].isalpha() and _previous_word(text, m.start()) in ANAPHORIC_DETERMINERS
    if head in NON_COUNT_HEADS or anaphoric:
        return None
    hit = _Hit(m.start(), end, number * scale, "count", _squeeze(text[start:end]), scale)
    hit.additional = bool(extra) or _is_additional(text, m.start(), m.end())
    hit.verb = _count_verb(text, m.start(), end)
    return hit


def _count_verb(text: str, start: int, end: int) -> str:
    before = _verb_before(text, start)
    if before.split(" ")[0].lower() in REPORTING_VERBS:
        return _verb_after(text, end) or before
    return before or _verb_after(text, end)


def _noun_phrase(text: str, pos: int) -> tuple[int, int, str] | None:
    """(start, end, lower-cased head) of the plural noun phrase right after ``pos``."""
    tokens = [t for _, t in zip(range(8), TOKEN_RE.finditer(text, pos), strict=False)]
    words: list[re.Match[str]] = []
    for i, token in enumerate(tokens):
        word = token.group()
        lowered = word.lower()
        if not word[0].isalpha() or lowered in NUMBER_WORDS:
            return None
        if lowered in NP_BREAK and not _joins_modifiers(tokens, i, words):
            return None
        words.append(token)
        if _is_plural(word, token.start()):
            end, head = _with_complement(text, token)
            return words[0].start(), end, head
        # A participle may modify the head ("3,000 displaced families") but, further
        # away, it is the verb of a bare number ("900 received new homes").
        following = tokens[i + 1].start() if i + 1 < len(tokens) else None
        if len(words) >= 5 or (
            _is_past(word, token.start()) and not _is_plural(_next_word(tokens, i), following)
        ):
            return None
    return None


def _joins_modifiers(tokens: list[re.Match[str]], i: int, words: list[re.Match[str]]) -> bool:
    """ "joint AND unilateral excavation missions": a conjunction inside the modifiers."""
    if tokens[i].group().lower() not in ("and", "or") or not words or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].group()
    return following[0].isalpha() and following.lower() not in NP_BREAK | NUMBER_WORDS.keys()


def _is_plural(word: str, at: int | None = None) -> bool:
    """A plural noun: by its tag when the sentence was parsed (NNS, or a collective
    noun such as "personnel" counted as one), else by its spelling."""
    token = _tagged(word, at)
    lowered = word.lower()
    if token is not None:
        if token.tag in ("NNS", "NNPS"):
            return True
        # a singular tag on a plural form: a collective noun, or a lemma that differs
        return token.tag in ("NN", "NNP") and (
            lowered in COLLECTIVE_NOUNS or token.lemma.lower() not in (lowered, "")
        )
    if lowered in IRREGULAR_PLURALS:
        return True
    if not (word.islower() or re.fullmatch(r"[A-Z]{2,}s", word)) or lowered in NOT_PLURAL:
        return False
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _with_complement(text: str, head: re.Match[str]) -> tuple[int, str]:
    """Extend "boxes" to "boxes of remains": a partitive head names what it holds."""
    lowered = head.group().lower()
    tokens = [t for _, t in zip(range(6), TOKEN_RE.finditer(text, head.end()), strict=False)]
    if lowered not in PARTITIVE_HEADS or not tokens or tokens[0].group().lower() != "of":
        return head.end(), lowered
    end = head.end()
    for token in tokens[1:]:
        word = token.group()
        if not word[0].isalpha() or word.lower() in NP_BREAK or _is_past(word, token.start()):
            break
        if word.lower().endswith("ing"):
            break
        end = token.end()
    return end, lowered


def _next_word(tokens: list[re.Match[str]], i: int) -> str:
    return tokens[i + 1].group() if i + 1 < len(tokens) else ""


def _previous_word(text: str, pos: int) -> str:
    words = re.findall(r"[^\W\d_]+", text[max(0, pos - 30) : pos])
    return words[-1].lower() if words else ""


def _is_past(word: str, at: int | None = None) -> bool:
    """A past tense or participle: by its tag when the sentence was parsed, else by
    its spelling."""
    token = _tagged(word, at)
    if token is not None:
        return token.tag in ("VBD", "VBN")
    lowered = word.lower()
    if lowered in IRREGULAR_PAST:
        return True
    return (
        word.islower() and len(lowered) > 4 and lowered.endswith("ed") and lowered not in NOT_PAST
    )


def _is_additional(text: str, start: int, end: int) -> bool:
    before = ADDITIONAL_BEFORE_RE.search(text[max(0, start - 30) : start])
    return bool(before or ADDITIONAL_AFTER_RE.match(text, end))


def _verb_before(text: str, pos: int) -> str:
    """The verb a count is the object of ("has handed over a total of 994" -> "handed over")."""
    before = text[max(0, pos - 80) : pos]
    m = VERB_BEFORE_RE.search(before)
    at = max(0, pos - 80)
    if m and not m["det"] and _is_past(m["verb"], at + m.start("verb")):
        return _with_particle(
            m["verb"], m["particle"], at + m.start("verb"), at + m.start("particle")
        )
    nominal = NOMINAL_BEFORE_RE.search(before)
    return NOMINAL_VERBS[nominal["noun"].lower()] if nominal else ""


def _verb_after(text: str, pos: int) -> str:
    """A participle after the counted phrase ("45 dossiers received from the US")."""
    m = VERB_AFTER_RE.match(text, pos)
    if not m or not _is_past(m["verb"], m.start("verb")):
        return ""
    if m["verb"].lower() in DESCRIPTIVE_PARTICIPLES:
        return ""
    return _with_particle(m["verb"], m["particle"], m.start("verb"), m.start("particle"))


def _with_particle(
    verb: str, particle: str | None, verb_at: int | None = None, at: int | None = None
) -> str:
    """The verb as a participle, with its particle when the two make one verb ("handed
    over", "cleared away"): by the parse when the sentence was parsed (the particle
    depends on the verb), else by the list of phrasal verbs."""
    written = verb
    verb = PARTICIPLES.get(verb.lower(), verb)
    if not particle:
        return verb
    parsed = _particle_of(written, verb_at, particle, at)
    phrasal = parsed if parsed is not None else verb.lower() in PHRASAL_VERBS
    return f"{verb} {particle}" if phrasal else verb


def _particle_of(verb: str, verb_at: int | None, particle: str, at: int | None) -> bool | None:
    """Whether the parse attaches ``particle`` to ``verb`` as its particle or adverb;
    None when the sentence was not parsed or the parser cut either word differently."""
    parse = _SENTENCE.get()
    verb_token, particle_token = _tagged(verb, verb_at), _tagged(particle, at)
    if parse is None or verb_token is None or particle_token is None:
        return None
    word = parse.span(particle_token.start - parse.base, particle_token.end - parse.base)[0]
    attached = parse.tokens[parse.head(word)] is verb_token
    return attached and particle_token.dep in ("prt", "advmod")


# --- Linking numbers within a sentence ---------------------------------------------------


def _link_parts(text: str, hits: list[_Hit]) -> None:
    """Give bare numbers the noun of the count they are part of.

    "44 out of 45 dossiers": 44 counts dossiers too; "994 boxes ..., of which the US has
    identified 740": 740 counts boxes of remains.
    """
    counts: list[_Hit] = []
    for hit, following in zip(hits, _next_figures(hits), strict=True):
        if hit.kind is None:
            whole = _whole_after(text, hit, following) or _whole_before(text, hit, counts)
            if whole is not None:
                hit.kind, hit.unit, hit.whole = "count", whole.unit, whole
                hit.verb = _verb_before(text, hit.start) or _verb_after(text, hit.end)
                hit.additional = _is_additional(text, hit.start, hit.end)
        if hit.kind == "count":
            counts.append(hit)


def _next_figures(hits: list[_Hit]) -> list[_Hit | None]:
    """For each hit, the next one that is already a figure (one pass, not one per hit)."""
    following: list[_Hit | None] = []
    upcoming: _Hit | None = None
    for hit in reversed(hits):
        following.append(upcoming)
        if hit.kind:
            upcoming = hit
    return following[::-1]


def _whole_after(text: str, hit: _Hit, following: _Hit | None) -> _Hit | None:
    if following is None or following.kind != "count":
        return None
    return following if PART_OF_RE.fullmatch(text, hit.end, following.start) else None


def _whole_before(text: str, hit: _Hit, counts: list[_Hit]) -> _Hit | None:
    """The count a part points back to: the nearest one before it that is a set things
    can be picked from, not the setting of an adverbial phrase ("handed over 994 boxes
    after 160 operations, and identified 740 of them": boxes, not operations)."""
    if not counts:
        return None
    whole: _Hit | None = counts[-1]
    # "worked with 40 volunteers, of whom 12 ...": a relative right after a count is
    # about that count, whatever governs it.
    if not WHOLE_RELATIVE_RE.match(text, counts[-1].end):
        whole = next((c for c in reversed(counts) if not _is_adjunct(text, c)), None)
    if whole is None:
        return None
    between = text[whole.end : hit.start]
    if PART_BEFORE_RE.search(between) or PART_AFTER_RE.match(text, hit.end):
        return whole
    return whole if PART_LEAD_RE.search(text[max(0, whole.start - 12) : whole.start]) else None


def _is_adjunct(text: str, hit: _Hit) -> bool:
    """ "after 160 joint operations": a count inside a time or circumstance phrase."""
    return bool(ADJUNCT_BEFORE_RE.search(text[max(0, hit.start - 60) : hit.start]))


def _link_changes(text: str, hits: list[_Hit]) -> None:
    """ "from A to B", "B, up from A", "rising to B from A": B's previous value is A."""
    for i, hit in enumerate(hits):
        if not hit.kind:
            continue
        before = hits[i - 1] if i > 0 else None
        after = hits[i + 1] if i + 1 < len(hits) else None
        if before and _compatible(before, hit) and _is_from_to(text, before, hit):
            _set_previous(hit, before)
        elif (
            after
            and _compatible(after, hit)
            and CHANGE_AFTER_RE.fullmatch(text, hit.end, after.start)
        ):
            _set_previous(hit, after)


def _compatible(old: _Hit, new: _Hit) -> bool:
    if old.consumed or old.previous is not None:
        return False
    return old.kind is None or (old.kind == new.kind and old.unit == new.unit)


def _is_from_to(text: str, old: _Hit, new: _Hit) -> bool:
    if not CHANGE_TO_RE.fullmatch(text, old.end, new.start):
        return False
    return bool(CHANGE_FROM_RE.search(text[max(0, old.start - 10) : old.start]))


def _set_previous(hit: _Hit, old: _Hit) -> None:
    # "from 300 to 430 million USD": the bare 300 takes the scale of the figure it led to.
    value = old.value
    if old.kind is None and old.scale == 1.0:
        value *= hit.scale
    hit.previous = value
    old.consumed = True


# --- Subjects --------------------------------------------------------------------------


def _count_subject(hit: _Hit, text: str = "", parse: _SentenceParse | None = None) -> str:
    """The counted noun phrase, plus its verb: "boxes of remains handed over"; with no
    verb, what the parse says of the counted noun ("workers it represents", "Boeing's
    machinists"), so that a subject says more than its unit."""
    if hit.verb:
        return f"{hit.unit} {hit.verb}"
    if hit.whole is not None:
        return f"{hit.unit}, part of {_format_value(hit.whole.value)}"
    if parse is not None:
        said = parse.about_count(hit.start, hit.end, hit.unit)
        if said:
            return said
    return hit.unit


def _money_subject(
    text: str, hit: _Hit, context: str = "", parse: _SentenceParse | None = None
) -> str:
    """What an amount is for, by the first rule that applies (see the module docstring);
    before the words next to it, what the parse hangs on it ("$1m in urgent aid")."""
    rules = [_total_subject, _purpose_subject, _link_subject]
    if parse is not None:
        rules.insert(0, lambda text, hit: parse.modified_noun(hit.start, hit.end))
        rules.append(lambda text, hit: parse.about_money(hit.start, hit.end))
    for rule in [*rules, _fallback_subject]:
        subject = rule(text, hit)
        if subject:
            return _resolve_reference(subject, text, hit.start, context)
    return ""


def _names_a_thing(subject: str) -> bool:
    """A subject a later reference may stand for: not a total, not itself a reference."""
    return (
        bool(subject)
        and not subject.lower().startswith("total")
        and not REFERENCE_RE.search(subject)
    )


def _total_subject(text: str, hit: _Hit) -> str:
    """ "bringing total US aid for the project (from A) to B" -> "total US aid for ..."."""
    m = TOTAL_RE.search(text[max(0, hit.start - LOOKBACK) : hit.start])
    return (_tidy(m["subject"]) or "total") if m else ""


def _purpose_subject(text: str, hit: _Hit) -> str:
    """ "B to support / for / in funding for X" -> X; "B in loans" -> "loans"."""
    m = PURPOSE_RE.match(text, hit.end)
    if m:
        phrase = _phrase_after(text, m.end())
        if phrase:
            return phrase
    kind = KIND_RE.match(text, hit.end)
    return _tidy(kind["kind"]) if kind else ""


def _link_subject(text: str, hit: _Hit) -> str:
    """ "a loan of B", "exports reached B", "trade rose from A to B" -> the noun before."""
    offset = max(0, hit.start - LOOKBACK)
    m = LINK_BEFORE_RE.search(text[offset : hit.start])
    return _phrase_before(text, offset + m.start()) if m else ""


def _fallback_subject(text: str, hit: _Hit) -> str:
    return _phrase_before(text, hit.start) or _phrase_after(text, hit.end)


def _complete_totals(hits: list[_Hit]) -> None:
    """A bare "the total" takes the subject of the other amount in its sentence."""
    for hit in hits:
        if hit.kind == "money" and hit.subject.lower() == "total":
            other = next((h for h in hits if h.kind == "money" and h is not hit), None)
            if other is not None and other.subject:
                hit.subject = f"total for {other.subject}"


def _phrase_after(text: str, pos: int, limit: int = 10) -> str:
    """Words from ``pos`` up to punctuation, a clause word or another figure."""
    return _tidy(text[pos : _phrase_end(text, pos, limit)])


def _phrase_end(text: str, pos: int, limit: int) -> int:
    end = pos
    for count, token in enumerate(TOKEN_RE.finditer(text, pos)):
        word = token.group()
        if not word[0].isalpha() or word.lower() in AFTER_BREAK or count >= limit:
            break
        if currency_of(word) or word.lower() in NUMBER_WORDS:
            break
        end = token.end()
    return end


def _phrase_before(text: str, pos: int, limit: int = 6) -> str:
    """Words before ``pos`` back to punctuation or a clause word."""
    offset = max(0, pos - LOOKBACK)
    tokens = list(TOKEN_RE.finditer(text[offset:pos]))
    start = pos
    for token in reversed(tokens[-(limit * 2) :]):
        word = token.group()
        if not word[0].isalpha() or word.lower() in BEFORE_BREAK:
            break
        start = offset + token.start()
    words = _tidy(text[start:pos]).split()
    return " ".join(words[-limit:])


def _resolve_reference(subject: str, text: str, pos: int, context: str = "") -> str:
    """ "aid for the project" -> "aid for the dioxin remediation project at X" when the
    sentence named that project earlier; else what the last amount in the document was
    for ("$20m for cleaning up X, lifting total aid for the clean-up to $50m")."""
    m = REFERENCE_RE.search(subject)
    if not m:
        return subject
    antecedent = _antecedent(text, pos, m["noun"])
    if antecedent:
        return f"{subject[: m.start()]}the {antecedent}{subject[m.end() :]}"
    if not context:
        return subject
    # "the clean-up" -> "the clean-up of dioxin at X", but "Biên Hòa", "cleaning up X".
    first = context.split()[0]
    article = "the " if first.islower() and not first.endswith("ing") else ""
    return f"{subject[: m.start()]}{article}{context}{subject[m.end() :]}"


def _antecedent(text: str, pos: int, noun: str) -> str:
    for occurrence in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", text[:pos], re.I))):
        start = _modifiers_start(text, occurrence.start())
        if start == occurrence.start():
            continue
        end = occurrence.end()
        tail = REFERENCE_TAIL_RE.match(text, end)
        if tail and _phrase_end(text, tail.end(), 4) > tail.end():
            end = _phrase_end(text, tail.end(), 4)
        return _tidy(text[start:end])
    return ""


def _modifiers_start(text: str, pos: int, limit: int = 4) -> int:
    """Start of the modifiers before a noun: "the [dioxin remediation] project"."""
    offset = max(0, pos - 80)
    start = pos
    tokens = list(TOKEN_RE.finditer(text[offset:pos]))
    for token in list(reversed(tokens))[:limit]:
        word = token.group()
        if not word[0].isalpha() or word.lower() in EDGE_WORDS | AFTER_BREAK | NP_BREAK:
            break
        start = offset + token.start()
    return start


def _tidy(phrase: str) -> str:
    words = _squeeze(phrase).strip(" ,;:").split()
    # A leading "total" is the subject ("total aid for X"); a trailing one is "a total of".
    while words and words[0].lower() in EDGE_WORDS - {"total"}:
        words.pop(0)
    while words and words[-1].lower() in TRAILING_EDGE_WORDS:
        words.pop()
    return " ".join(words)


def _squeeze(text: str) -> str:
    return SPACES_RE.sub(" ", text).strip()


def _format_value(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


# --- Merging ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """Mentions of one value of one subject (one future Figure)."""

    unit: str
    additional: bool
    value: float
    keys: list[str] = field(default_factory=list)
    mentions: list[FigureMention] = field(default_factory=list)

    @property
    def as_of(self) -> str | None:
        dates = [m.as_of for m in self.mentions if m.as_of]
        return min(dates) if dates else None

    @property
    def shown_unit(self) -> str:
        """The unit most reports use ("joint operations" over "joint field operations")."""
        return Counter(m.unit for m in self.mentions).most_common(1)[0][0]

    def accepts(self, mention: FigureMention, key: str) -> bool:
        # the value first: it tells most groups apart, and costs least to compare
        if mention.additional != self.additional:
            return False
        if not math.isclose(mention.value, self.value, rel_tol=1e-9):
            return False
        if not same_unit(mention.unit, self.unit):
            return False
        if any(_similar(key, k, fuzz.token_set_ratio, SAME_VALUE_THRESHOLD) for k in self.keys):
            return True
        # One amount in one corpus, worded differently: the same distinctive words.
        return mention.kind == "money" and any(
            _same_thing(mention.subject, m.subject) for m in self.mentions
        )


@lru_cache(maxsize=1 << 14)  # a collection has few units, compared millions of times
def same_unit(a: str, b: str) -> bool:
    """Units that count the same thing: equal, or one is the other with fewer modifiers
    ("joint operations", "joint field operations"), the head noun kept."""
    if a == b:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb or _unit_head(wa) != _unit_head(wb):
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def _unit_head(words: list[str]) -> str:
    """ "boxes of remains" -> "boxes"; "joint field operations" -> "operations"."""
    return words[0] if words[0] in PARTITIVE_HEADS else words[-1]


def _folded_words(subject: str) -> list[str]:
    """A subject's words, ASCII, with phrase synonyms applied and case kept."""
    text = unidecode(subject)
    for pattern, replacement in SUBJECT_PHRASE_SYNONYMS:
        text = pattern.sub(replacement, text)
    return WORD_RE.findall(text)


@lru_cache(maxsize=4096)
def _distinctive(subject: str) -> tuple[frozenset[str], frozenset[str]]:
    """(proper names, other content words) of a subject, folded and with synonyms
    equated; kinds of money, auxiliaries and participles ("pledged") say nothing of
    what an amount is for."""
    names: set[str] = set()
    others: set[str] = set()
    for word in _folded_words(subject):
        lowered = word.lower()
        token = SUBJECT_SYNONYMS.get(lowered, lowered)
        if token in SUBJECT_STOPWORDS | GENERIC_MONEY_WORDS | AUXILIARIES or _is_past(word):
            continue
        (names if word[0].isupper() else others).add(token)
    return frozenset(names), frozenset(others - names)


def _same_thing(a: str, b: str) -> bool:
    """Two wordings of what one amount is for.

    With proper names on both sides, they must share one ("Biên Hòa"), and the other
    content words must meet unless one side has none ("dioxin clean-up at X", "dioxin
    remediation project at X", "X"). Without, one side's content words must hold the
    other's: "$5m for flood relief" and "$5m for school meals" stay two amounts.
    """
    names_a, others_a = _distinctive(a)
    names_b, others_b = _distinctive(b)
    if names_a and names_b:
        if not names_a & names_b:
            return False
        return not others_a or not others_b or bool(others_a & others_b)
    if not others_a or not others_b:
        return False
    return others_a <= others_b or others_b <= others_a


def subject_key(subject: str) -> str:
    """A subject folded for comparison: ASCII, lower case, no stopwords, synonyms equated."""
    tokens = (SUBJECT_SYNONYMS.get(t, t) for t in (w.lower() for w in _folded_words(subject)))
    return " ".join(t for t in tokens if t not in SUBJECT_STOPWORDS)


def merge_figures(mentions: Sequence[FigureMention]) -> list[Figure]:
    """One :class:`Figure` per reported value of a subject, with all its sources.

    Mentions merge when unit, value and increment flag agree and their subjects match;
    values of the same subject reported at different dates are linked by ``previous``.
    """
    groups: list[_Group] = []
    # Only a group of (about) the mention's value can accept it: asking every group made
    # this grow with the square of the figures (225 million tests for 4,600 articles).
    by_value: dict[str, list[int]] = defaultdict(list)
    for mention in sorted(mentions, key=_chronological):
        key = subject_key(_merge_subject(mention))
        near = sorted({i for k in _value_keys(mention.value) for i in by_value.get(k, ())})
        group = next((groups[i] for i in near if groups[i].accepts(mention, key)), None)
        if group is None:
            group = _Group(mention.unit, mention.additional, mention.value)
            by_value[_value_key(mention.value)].append(len(groups))
            groups.append(group)
        group.keys.append(key)
        group.mentions.append(mention)
    groups = _fold_unnamed(groups)
    figures: list[Figure] = []
    for cluster in _history_clusters(groups):
        figures.extend(_cluster_figures(cluster))
    return sorted(figures, key=lambda f: (f.as_of is None, f.as_of or "", f.unit, f.subject))


def _value_key(value: float) -> str:
    """A value rounded to 8 significant digits: values equal as ``accepts`` compares them
    (relative tolerance 1e-9) have this key or a neighbouring one."""
    return f"{value:.7e}"


def _value_keys(value: float) -> set[str]:
    """The keys of every value ``accepts`` may find equal to ``value``."""
    return {_value_key(value * (1 - 2e-9)), _value_key(value), _value_key(value * (1 + 2e-9))}


def _merge_subject(mention: FigureMention) -> str:
    """What a figure is compared by: a count's or a share's subject without the clause
    the parse added after a colon ("boxes of remains: X hand over" reads as "boxes of
    remains"), which says how one report put it, not what is counted."""
    if mention.kind == "money":
        return mention.subject
    return mention.subject.split(": ", 1)[0]


def _fold_unnamed(groups: list[_Group]) -> list[_Group]:
    """An amount whose reports never say what it is for ("the $500m", "secured $500m")
    joins the one other amount of that value, unit and increment that does; with two
    or more candidates it stays apart rather than guess."""

    def unnamed(g: _Group) -> bool:
        return g.mentions[0].kind == "money" and not any(
            any(_distinctive(m.subject)) for m in g.mentions
        )

    kept = [g for g in groups if not unnamed(g)]
    # the amounts kept, by increment flag and unit: only those can take an unnamed one
    money: dict[tuple[bool, str], list[_Group]] = defaultdict(list)
    for g in kept:
        if g.mentions[0].kind == "money":
            money[(g.additional, g.unit)].append(g)
    for group in groups:
        if not unnamed(group):
            continue
        alike = money[(group.additional, group.unit)]
        fits = [g for g in alike if math.isclose(g.value, group.value, rel_tol=1e-9)]
        if len(fits) == 1:
            fits[0].keys.extend(group.keys)
            fits[0].mentions.extend(group.mentions)
        else:
            kept.append(group)
            alike.append(group)
    return kept


def _chronological(m: FigureMention) -> tuple[bool, str, str, int]:
    return (m.as_of is None, m.as_of or "", m.document_id, m.start)


def _similar(a: str, b: str, scorer: Callable[[str, str], float], threshold: float) -> bool:
    if not a or not b:
        return a == b
    return scorer(a, b) >= threshold


def _history_clusters(groups: list[_Group]) -> list[list[_Group]]:
    """Groups of one subject and unit whose values differ: a figure reported over time."""
    clusters: list[list[_Group]] = []
    # Only clusters of the group's increment flag and unit head can take it (same_unit
    # needs one head): comparing with every cluster grew with the square of the figures.
    by_head: dict[tuple[bool, str], _HistoryBucket] = defaultdict(_HistoryBucket)
    for group in groups:
        words = group.unit.lower().split()
        bucket = by_head[(group.additional, _unit_head(words) if words else "")]
        # a group's keys repeat (one per report): each distinct key is compared once
        mine = set(group.keys)
        cluster = next((c for c in bucket.sharing(mine) if same_unit(c[0].unit, group.unit)), None)
        if cluster is None:
            clusters.append([group])
            bucket.add(clusters[-1], mine)
        else:
            cluster.append(group)
    return clusters


class _HistoryBucket:
    """The clusters of one increment flag and unit head, with their first group's subject
    keys, to find those with a key equal or similar to a group's in one pass of the
    similarity library over all of them (a comparison per pair in Python was most of
    merging figures on a large collection)."""

    def __init__(self) -> None:
        self.clusters: list[list[_Group]] = []
        self.keys: list[str] = []  # every non-empty key of every cluster's first group
        self.owner: list[int] = []  # the cluster of each of those keys
        self.exact: dict[str, list[int]] = defaultdict(list)

    def add(self, cluster: list[_Group], keys: set[str]) -> None:
        at = len(self.clusters)
        self.clusters.append(cluster)
        for key in sorted(keys):
            self.exact[key].append(at)
            if key:
                self.keys.append(key)
                self.owner.append(at)

    def sharing(self, keys: set[str]) -> list[list[_Group]]:
        """The clusters, in order, whose first group has a key equal to or similar
        (:func:`_similar` at ``HISTORY_THRESHOLD``) to one of ``keys``."""
        found = {at for key in keys for at in self.exact.get(key, ())}
        for key in keys:
            if not key or not self.keys:
                continue
            similar = process.extract(
                key, self.keys, scorer=fuzz.token_sort_ratio,
                score_cutoff=HISTORY_THRESHOLD, limit=None,
            )  # fmt: skip
            found.update(self.owner[index] for _, _, index in similar)
        return [self.clusters[at] for at in sorted(found)]


def _cluster_figures(cluster: list[_Group]) -> list[Figure]:
    ordered = sorted(cluster, key=lambda g: (g.as_of is None, g.as_of or ""))
    figures: list[Figure] = []
    for i, group in enumerate(ordered):
        stated = next((m.previous for m in group.mentions if m.previous is not None), None)
        earlier = ordered[i - 1] if i > 0 else None
        if stated is None and earlier is not None and _before(earlier.as_of, group.as_of):
            stated = earlier.value if earlier.value != group.value else None
        figures.append(_figure(group, stated))
    return figures


def _before(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a < b


def _figure(group: _Group, previous: float | None) -> Figure:
    # The earliest wording, unless a later one keeps the diacritics the corpus writes.
    first = max(group.mentions, key=lambda m: not m.subject.isascii())
    subject = first.subject + (ADDITIONAL_MARK if group.additional else "")
    sources = sorted(
        {Source(m.document_id, m.sentence_start, m.sentence_end) for m in group.mentions},
        key=lambda s: (s.document_id, s.start),
    )
    unit = group.shown_unit
    return Figure(
        id=figure_id(unit, subject, group.value),
        subject=subject,
        value=group.value,
        unit=unit,
        previous=previous,
        as_of=group.as_of,
        sources=tuple(sources),
    )


def figure_id(unit: str, subject: str, value: float) -> str:
    """Stable id from unit, normalised subject and value."""
    digest = hashlib.sha256(f"{unit}\0{subject_key(subject)}\0{value!r}".encode())
    return "fig" + digest.hexdigest()[:12]


def figure_history(figures: Sequence[Figure]) -> dict[str, list[tuple[str | None, float, str]]]:
    """For each subject, its values in date order: ``(as_of, value, figure id)``.

    When the earliest figure states an earlier value ("from A to B"), that value leads the
    list with ``as_of`` None and the id of the figure that states it.
    """
    clusters: list[list[Figure]] = []
    for figure in sorted(figures, key=lambda f: (f.as_of is None, f.as_of or "")):
        key = subject_key(figure.subject)
        for cluster in clusters:
            head = cluster[0]
            if same_unit(head.unit, figure.unit) and _similar(
                subject_key(head.subject), key, fuzz.token_sort_ratio, HISTORY_THRESHOLD
            ):
                cluster.append(figure)
                break
        else:
            clusters.append([figure])
    history: dict[str, list[tuple[str | None, float, str]]] = {}
    for cluster in clusters:
        first = cluster[0]
        entries = [(f.as_of, f.value, f.id) for f in cluster]
        if first.previous is not None:
            entries.insert(0, (None, first.previous, first.id))
        name = first.subject if first.subject not in history else f"{first.subject} [{first.unit}]"
        history[name] = entries
    return history


# --- Percentages, and what the parse says a figure is about -----------------------------

PERCENT_RE = re.compile(
    rf"(?<![\w.,$€£¥₫+/-])(?:(?P<low>{NUMBER})\s*(?:%|percent|per\s+cent)?\s*(?:[-–]|to)\s*)?"
    rf"(?P<num>{NUMBER})\s*(?P<sign>%|(?i:percent\b|per\s+cent\b|percentage\s+points?\b))"
)
# Dependency labels of a modifier inside a noun phrase ("a 35% general wage increase").
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "quantmod", "npadvmod"})
# Children that belong to a subject phrase: modifiers, and one prepositional complement.
PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case", "prep", "pobj", "pcomp"})
PHRASE_LIMIT = 9
# Prepositions after an amount that say what it is or is for.
MONEY_PREPS = word_set("in for to towards toward into on")


def _percent_hits(text: str, money: list[_Hit]) -> list[_Hit]:
    """ "25%", "94.6 percent", "2 percentage points"; a range ("20-25%") keeps its low end
    as the value and says the range in its unit."""
    hits: list[_Hit] = []
    if not _PERCENT_SIGN_RE.search(text):
        return hits
    for m in PERCENT_RE.finditer(text):
        if any(h.start < m.end() and m.start() < h.end for h in money):
            continue
        value = parse_number(m["num"])
        low = parse_number(m["low"]) if m["low"] else None
        if value is None:
            continue
        unit = "percentage points" if m["sign"].lower().startswith("percentage") else "percent"
        if low is not None and low < value:
            unit = f"{unit} (range {_format_value(low)}–{_format_value(value)})"
            value = low
        hits.append(_Hit(m.start(), m.end(), value, "percent", unit))
    return hits


def _percent_subject(text: str, hit: _Hit, parse: _SentenceParse | None) -> str:
    """What a share is of or a change is in, from the parse when there is one: the noun
    it modifies ("a 35% wage increase"), what it is a share of ("10% of its workforce"),
    the clause it measures ("voted 64% against the offer")."""
    if parse is not None:
        subject = parse.about_percent(hit.start, hit.end)
        if re.search(r"[^\W\d_]{2,}", subject.replace("percent", "")):
            return subject
    return _phrase_after(text, hit.end, 6) or _phrase_before(text, hit.start)


class _Parse:
    """A document's tokens, looked up by sentence."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def at(self, start: int, end: int) -> _SentenceParse | None:
        if not self.tokens:
            return None
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        if first >= last:
            return None
        return _SentenceParse(self.tokens, first, last, start)


class _SentenceParse:
    """One sentence's tokens (global indices ``first``..``last``), offsets relative to
    the sentence at ``base``."""

    def __init__(self, tokens: Sequence[Token], first: int, last: int, base: int) -> None:
        self.tokens, self.first, self.last, self.base = tokens, first, last, base
        self._by_offset: dict[int, Token] | None = None
        self._children: dict[int, list[int]] | None = None

    @property
    def children(self) -> dict[int, list[int]]:
        """Each token's dependents within the sentence (made when first asked for: most
        sentences hold no figure)."""
        if self._children is None:
            first, last, tokens = self.first, self.last, self.tokens
            self._children = {i: [] for i in range(first, last)}
            for i in range(first, last):
                h = tokens[i].head
                if h != i and first <= h < last:
                    self._children[h].append(i)
        return self._children

    def by_offset(self) -> dict[int, Token]:
        """Tokens by where they start in the sentence (made when first asked for: most
        sentences hold no figure)."""
        if self._by_offset is None:
            tokens, base = self.tokens, self.base
            span = range(self.first, self.last)
            self._by_offset = {tokens[i].start - base: tokens[i] for i in span}
        return self._by_offset

    def head(self, i: int) -> int:
        h = self.tokens[i].head
        return h if self.first <= h < self.last else i

    def span(self, start: int, end: int) -> list[int]:
        s, e = self.base + start, self.base + end
        return [
            i
            for i in range(self.first, self.last)
            if self.tokens[i].start < e and s < self.tokens[i].end
        ]

    def root(self, inside: list[int]) -> int | None:
        within = set(inside)
        outside = [i for i in inside if self.head(i) not in within or self.head(i) == i]
        return outside[-1] if outside else None

    def subtree(self, i: int, skip: frozenset[int] = frozenset()) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            if j in skip and j != i:
                continue
            out.append(j)
            stack.extend(self.children.get(j, []))
        return sorted(out)

    def words(self, indices: list[int]) -> str:
        """Tokens as written, spaced as in the text, trimmed of edge words."""
        parts: list[str] = []
        for k, i in enumerate(indices):
            t = self.tokens[i]
            if t.pos == "SPACE" or "\n" in t.text:
                break  # a paragraph break ends a phrase whatever the parse joined
            if k and (indices[k - 1] != i - 1 or self.tokens[i - 1].end < t.start):
                parts.append(" ")
            parts.append(t.text)
        return _tidy("".join(parts))

    def noun_phrase(self, i: int, skip: frozenset[int] = frozenset()) -> str:
        """A noun with its modifiers and first prepositional complement, without
        determiners, relative clauses or anything in ``skip``."""
        keep = {i}
        for c in self.children.get(i, []):
            dep = self.tokens[c].dep
            if c in skip or dep not in PHRASE_DEPS:
                continue
            if dep == "prep" and (
                c < i or any(self.tokens[k].dep == "prep" and k in keep for k in self.children[i])
            ):
                continue
            keep |= set(self.subtree(c, skip | self._clauses(c)))
        ordered = sorted(keep)
        words = self.words(ordered).split()
        return " ".join(words[:PHRASE_LIMIT])

    def _clauses(self, i: int) -> frozenset[int]:
        """Clauses and conjuncts inside a phrase: they end it."""
        return frozenset(
            j
            for j in self.subtree(i)
            if self.tokens[j].dep in ("relcl", "acl", "advcl", "conj", "cc", "appos", "punct")
        )

    def clause(self, v: int, skip: frozenset[int]) -> str:
        """ "workers voted against the offer": subject, verb, object or first complement."""
        parts: list[int] = []
        subject = next(
            (c for c in self.children[v] if self.tokens[c].dep in ("nsubj", "nsubjpass")), None
        )
        if subject is not None and subject not in skip:
            parts += [
                j
                for j in self.subtree(subject, skip | self._clauses(subject))
                if self.tokens[j].dep not in ("det", "punct")
            ]
        parts.append(v)
        parts += [c for c in self.children[v] if self.tokens[c].dep == "prt"]
        for c in self.children[v]:
            if c in skip or c < v or self.tokens[c].dep not in ("dobj", "prep", "attr", "xcomp"):
                continue
            inner = [j for j in self.subtree(c, skip | self._clauses(c)) if j not in skip]
            if inner and not (set(inner) & skip):
                parts += inner
                break
        words = self.words(sorted(set(parts))).split()
        return " ".join(words[: PHRASE_LIMIT + 3])

    def about_percent(self, start: int, end: int) -> str:
        inside = self.span(start, end)
        root = self.root(inside)
        if root is None:
            return ""
        skip = frozenset(self.subtree(root))
        of = next(
            (
                c
                for c in self.children[root]
                if self.tokens[c].dep == "prep" and self.tokens[c].text.lower() == "of"
            ),
            None,
        )
        if of is not None:
            whole = self.words([j for j in self.subtree(of) if j != of])
            if whole:
                return f"share of {' '.join(whole.split()[:PHRASE_LIMIT])}"
        h = self.head(root)
        if h == root:
            return ""
        head, dep = self.tokens[h], self.tokens[root].dep
        if head.pos in ("NOUN", "PROPN") and dep in NOUN_MODIFIER_DEPS:
            return self.noun_phrase(h, skip)
        if head.pos == "ADP":
            g = self.head(h)
            if g == h:
                return ""
            governor = self.tokens[g]
            if governor.pos in ("NOUN", "PROPN"):
                noun = self.noun_phrase(g, skip | {h})
                v = self.head(g)
                if self.tokens[v].pos == "ADP":  # "rejected it with a vote of 91%"
                    v = self.head(v)
                if v != g and self.tokens[v].pos in ("VERB", "AUX"):
                    return f"{noun}: {self.clause(v, skip | frozenset(self.subtree(g)))}"
                return noun
            if governor.pos in ("VERB", "AUX"):
                return self.clause(g, skip | {h})
            return ""
        if head.pos in ("VERB", "AUX"):
            return self.clause(h, skip)
        return ""

    def modified_noun(self, start: int, end: int) -> str:
        """ "the $2bn deal", "its A$3bn ($1.9bn) program": the noun the amount modifies
        (through the amount it converts, when it is one in brackets)."""
        root = self.root(self.span(start, end))
        if root is None:
            return ""
        if self.tokens[root].dep == "appos" and self.head(root) != root:
            root = self.head(root)  # "A$3bn ($1.9bn)": the bracketed one is the first one
        noun = self.head(root)
        if (
            noun <= root
            or self.tokens[root].dep not in NOUN_MODIFIER_DEPS
            or self.tokens[noun].pos not in ("NOUN", "PROPN")
        ):
            return ""
        return self.noun_phrase(noun, frozenset(self.subtree(root)))

    def about_money(self, start: int, end: int) -> str:
        """ "$1m in urgent aid", "$5m for the port": the complement the amount governs;
        "the strike cost $1bn": the clause it is the object of."""
        root = self.root(self.span(start, end))
        if root is None:
            return ""
        skip = frozenset(self.subtree(root))
        for c in self.children[root]:
            if self.tokens[c].dep == "prep" and self.tokens[c].text.lower() in MONEY_PREPS:
                objects = [k for k in self.children[c] if self.tokens[k].dep in ("pobj", "pcomp")]
                if objects:
                    return self.noun_phrase(objects[0])
        v = self.head(root)
        if v != root and self.tokens[v].pos == "VERB" and self.tokens[root].dep == "dobj":
            return self.clause(v, skip)
        return ""

    def about_count(self, start: int, end: int, unit: str) -> str:
        """More than the unit: a possessor ("Boeing's machinists"), a relative clause
        ("workers it represents"), or the verb the counted noun is subject or object of."""
        inside = self.span(start, end)
        root = self.root(inside)
        if root is None:
            return ""
        owner = next((c for c in self.children[root] if self.tokens[c].dep == "poss"), None)
        owned = self.words(self.subtree(owner)) if owner is not None else ""
        if owned:
            return f"{owned} {unit}"
        # a relative clause ("workers it represents"), or a participle right after the
        # counted words; one further away may belong to a noun inside them
        relative = next(
            (
                c
                for c in self.children[root]
                if c > root
                and (
                    self.tokens[c].dep == "relcl"
                    or (self.tokens[c].dep == "acl" and self.tokens[c].start - self.base <= end + 1)
                )
            ),
            None,
        )
        if relative is not None:
            rest = self.words([j for j in self.subtree(relative) if self.tokens[j].dep != "punct"])
            if rest:
                return f"{unit} {' '.join(rest.split()[:PHRASE_LIMIT])}"
        v = self.head(root)
        if (
            v != root
            and self.tokens[v].pos == "VERB"
            and self.tokens[root].dep in ("nsubj", "nsubjpass", "dobj")
        ):
            said = self.clause(v, frozenset(self.subtree(root)))
            return f"{unit} {said}" if self.tokens[root].dep != "dobj" else f"{unit}: {said}"
        return ""


# --- Durations, ordinals and counts stated as a total ----------------------------------

# Words a capitalised word before a number may be without naming a model ("About 300").
MODEL_STOP = (
    EDGE_WORDS
    | NP_BREAK
    | CLAUSE_WORDS
    | word_set(
        """approximately roughly nearly almost only just some all another least most around
        about over under up us"""
    )
)
DURATION_UNITS = {
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}
DURATION_RE = re.compile(
    rf"(?<![\w.,-])(?P<num>{NUMBER})[-–](?P<unit>{alternation(DURATION_UNITS)})(?:[-–]long)?"
    r"(?![-–]old)\s+(?=[a-z])"
)
ORDINAL_RE = re.compile(r"(?<![\w.,-])(?P<num>[0-9]{1,3})(?:st|nd|rd|th)\b")
# Heads an ordinal only dates ("the 21st century") rather than counts.
ORDINAL_TIME_HEADS = word_set("century centuries minute hour day week month year floor place")
NUMBER_OF_RE = re.compile(
    r"\b(?P<subject>(?:(?:the|a)\s+)?(?:total\s+)?number\s+of\s+[^,;:()]{1,80}?)\s+"
    r"(?:to|at|is|was|were|reached|hit|stands\s+at|stood\s+at)\s+"
    rf"(?:(?:{QUANTIFIERS})\s+)*$",
    re.I,
)


def _duration_hits(text: str) -> list[_Hit]:
    """ "a two-day working visit", "a five-year plan": how long the thing named after it
    lasts."""
    hits: list[_Hit] = []
    if "-" not in text and "–" not in text:  # the pattern joins number and unit with a dash
        return hits
    for m in DURATION_RE.finditer(text):
        value = parse_number(m["num"])
        if value is not None:
            unit = DURATION_UNITS[m["unit"].lower()]
            hits.append(_Hit(m.start(), m.end("unit"), value, "duration", unit))
    return hits


def _ordinal_hits(text: str, parse: _SentenceParse | None) -> list[_Hit]:
    """ "the 40th iteration of the exercise": the rank of a recurring thing. Only with a
    parse, which says the ordinal modifies a noun; dates were never ordinals of one."""
    if parse is None or not _DIGIT_RE.search(text):
        return []
    found = list(ORDINAL_RE.finditer(text))
    dates = [m.span() for p in MASKS[:2] for m in p.finditer(text)] if found else []
    hits = []
    for m in found:
        if any(s < m.end() and m.start() < e for s, e in dates):
            continue
        root = parse.root(parse.span(m.start(), m.end()))
        if root is None or parse.tokens[root].dep not in ("amod", "nummod", "compound"):
            continue
        head = parse.head(root)
        if parse.tokens[head].pos != "NOUN" or parse.tokens[head].lemma in ORDINAL_TIME_HEADS:
            continue
        hits.append(_Hit(m.start(), m.end(), float(m["num"]), "ordinal", "ordinal"))
    return hits


def _described_subject(text: str, hit: _Hit, parse: _SentenceParse | None) -> str:
    """The noun a duration or an ordinal modifies, with its complement."""
    if parse is not None:
        root = parse.root(parse.span(hit.start, hit.end))
        if root is not None:
            head = parse.head(root)
            if head != root and parse.tokens[head].pos in ("NOUN", "PROPN"):
                phrase = parse.noun_phrase(head, frozenset(parse.subtree(root)))
                if phrase:
                    return phrase
    return _phrase_after(text, hit.end, 6)


def _count_totals(text: str, hits: list[_Hit]) -> None:
    """ "bringing the total number of US sites in the country to nine": a bare number
    that a "number of X" is said to reach counts X."""
    for hit in hits:
        if hit.kind is not None:
            continue
        m = NUMBER_OF_RE.search(text[max(0, hit.start - LOOKBACK) : hit.start])
        if m is None:
            continue
        subject = _tidy(m["subject"])
        of = re.search(r"\bnumber\s+of\s+", subject, re.I)
        phrase = _noun_phrase(subject, of.end()) if of else None
        if phrase is None:
            continue
        hit.kind, hit.unit, hit.subject = "count", _squeeze(subject[phrase[0] : phrase[1]]), subject
