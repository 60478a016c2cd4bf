"""Mentions as real pages leave them, made fit to resolve, or set aside.

Scraped pages glue photo credits, bylines, related headlines and cut-off words to the
article. The model tags names in all of them; these rules read each mention in its
line and either keep it, keep the part of it that is a name, or drop it. They rely on
the text alone (no cleaning stage, no parse), so a page the cleaner missed is still
read safely.

- A mention that cannot be a name is dropped: it holds a slash, bar, underscore, "@",
  "©" or an image file name ("AP Photo/Jane Roe", "photo_1.jpg"), a credit word
  ("Photo By"), only name suffixes, ranks or title words ("Jr.", "Lance Cpl"), or it is
  the cut-off last word of a page that ends mid-sentence.
- A mention is cut to its name: at a line break, after an inner possessive ("Acme's
  Everett" is Everett), before a rank at its end ("Marine Corps Cpl"), after title words
  that swallowed a person's first word ("National Defense Jane Q. Roe Jr."), and an
  acronym glued in brackets becomes a mention of its own ("Ministry of Works (MOW").
- Mojibake of an apostrophe at a name's end is dropped from the name ("Batanesâ").
- A mention is *credited* when its line presents it as the author or photographer ("By
  Jane Roe", "photo by Cpl. Jane Roe)", "(Courtesy: … Jane Roe via …)", "Jane Roe /
  Agency", "Jane Roe | Outlet", "Jane Roe is a reporter for ..."), or when it was
  injected into a sentence without a space ("the offer,Jane Roe ending"). An entity
  seen only in such places is not an entity of the story.
- A mention in a headline-styled line (content words capitalised, no final stop) is
  *headlined*: the model's borders there are unreliable ("Meet Trump", "Roe Resigns").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.analyse.rules import CALENDAR, ORG_WORDS, is_name_word, is_title_vocabulary
from dateline.lexicon.calendar import MONTH_NAMES
from dateline.lexicon.names import HONORIFICS, RANKS, bare
from dateline.lexicon.places import country_of_word
from dateline.model import Mention

# Generational suffixes, and the post-nominal letters of a member of parliament or
# counsel ("Jane Roe MP"): written after a name, never part of it.
NAME_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "mp", "mep", "mla", "mpp", "msp", "qc", "kc"}
)
# Words that make a "name" a credit line or page furniture, never an entity.
CREDIT_WORDS = frozenset(
    {"photo", "photos", "photograph", "handout", "courtesy", "credit", "credits", "file"}
)
# Words right before a credited name: "By", "Photo by", "Photo:", "Courtesy:", "©".
CREDIT_LEADS = frozenset({"by", "photo", "photos", "courtesy", "credit", "credits", "©"})
# What an author's note calls its subject: "Jane Roe is a travel reporter for ...".
AUTHOR_NOUNS = frozenset(
    {
        "reporter",
        "correspondent",
        "journalist",
        "writer",
        "editor",
        "columnist",
        "photographer",
        "photojournalist",
        "contributor",
        "producer",
    }
)
# Words before a page's last name that make its last line running prose, cut mid-way.
PROSE_WORDS = 5
# Nouns that make the name before them a model: "the Orca Attack Drone", "Orca missiles".
VEHICLE_NOUNS = frozenset(
    {
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "launcher",
        "launchers",
        "aircraft",
        "jet",
        "jets",
        "plane",
        "planes",
        "drone",
        "drones",
        "helicopter",
        "helicopters",
        "tank",
        "tanks",
        "fighter",
        "fighters",
        "bomber",
        "bombers",
        "frigate",
        "frigates",
        "destroyer",
        "destroyers",
        "submarine",
        "submarines",
        "warship",
        "warships",
        "vessel",
        "vessels",
        "ship",
        "ships",
        "truck",
        "trucks",
        "vehicle",
        "vehicles",
    }
)
# A model designation: letters, a hyphen, a number ("F-16", "C-130J").
_DESIGNATION = re.compile(r"^[A-Z]{1,3}-\d+[A-Z]?$")
# A class of ships or aircraft named after its first one: "Name-class" (any hyphen), or
# "Name class" before a vehicle noun ("the Name Class frigates").
_CLASS_JOINED = re.compile(r"^[-\u2010\u2011\u2012\u2013]class\b", re.IGNORECASE)
_CLASS_WORD = re.compile(r"^\s+class\s+([A-Za-z]+)", re.IGNORECASE)
# A word run into a date: "RoeOctober 21" (a byline glued to its timestamp).
_RUN_INTO_DATE = re.compile(rf"[a-z](?:{'|'.join(MONTH_NAMES)})\b")
# Image file names: "Name_Other.jpeg".
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)\b", re.IGNORECASE)
_NOT_IN_A_NAME = re.compile(r"[/|_@©#\\]")
# Mojibake of a right single quote (U+2019) read through cp1252 or GBK, with an "s" when
# it was a possessive: "â€™s", "â€™", a bare "â" left when the rest was cleaned away,
# "鈥檚" (’s), "鈥�".
_MOJIBAKE_APOSTROPHE = re.compile(r"(?:â€¦|â¦|â€™|â\x80\x99|â€|鈥檚|鈥\ufffd?|â)s?$")
_INNER_POSSESSIVE = re.compile(r"(?:['’]s|鈥檚|â€™s)\s+(?=\S)")
_LEADING_POSSESSIVE = re.compile(r"['’]s?\s+(?=\S)")
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.-]*[A-Z0-9])\s*\)?\s*$")
_WORD = re.compile(r"\S+")
# A numbered branch written after its organisation's name ("Acme Workers Local 12",
# "Union District 9B"): the model often ends the name before it, or tags the branch alone
# as a place.
_BRANCH_WORDS = r"(?:District|Local|Lodge|Chapter|Branch)[ \t]+[A-Z]?\d+[A-Z]?\b"
_BRANCH = re.compile(r"[ \t]+" + _BRANCH_WORDS)
_ENDS_IN_BRANCH = re.compile(r"\s" + _BRANCH_WORDS + r"$")
_AUTHOR_NOTE = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\b([^.\n]{0,60})")
# "Jane Roe reports on Chile for The Daily Post.": an author's note of another form.
_REPORTS_FOR = re.compile(r"\s+(?:reports|writes|covers)\b[^.\n]{0,60}?\bfor\s+(?:the\s+)?[A-Z]")
_SENTENCE_END = '.!?"”’)]'


@dataclass(frozen=True, slots=True)
class Read:
    """One mention as resolution sees it, and how its line presents it."""

    mention: Mention
    credited: bool = False  # a byline, photo credit or injected word: not of the story
    headlined: bool = False  # in a headline-styled line: its borders are unreliable
    acronym_of: Mention | None = None  # "(ABC" cut from this full name


def read_mentions(
    text: str, mentions: Sequence[Mention]
) -> tuple[list[Read], list[tuple[Mention, str]]]:
    """The mentions of one document's ``text`` fit to resolve, with how each is placed;
    and the mentions dropped, each with the reason."""
    found: list[Read] = []
    dropped: list[tuple[Mention, str]] = []
    for mention in _with_branches(text, sorted(mentions, key=lambda m: (m.start, m.end))):
        parts, reason = _parts(text, mention)
        if reason:
            dropped.append((mention, reason))
        for part in parts:
            found.append(
                Read(
                    part.mention,
                    credited=_credited(text, part.mention),
                    headlined=_headline_line(text, part.mention, mentions),
                    acronym_of=part.acronym_of,
                )
            )
    return found, dropped


def names_branch(name: str) -> bool:
    """Whether a name ends in a numbered branch ("Acme Workers Local 12")."""
    return _ENDS_IN_BRANCH.search(name) is not None


def split_branch(name: str) -> tuple[str, str] | None:
    """("Acme Workers", "Local 12") for "Acme Workers Local 12"; ("", "Local 12") for the
    branch alone; None for a name without a numbered branch."""
    found = _ENDS_IN_BRANCH.search(" " + name.strip())
    if found is None:
        return None
    cut = found.start()
    return name.strip()[:cut].strip(), " ".join(found.group().split())


def _with_branches(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """An organisation's name runs on over the numbered branch right after it; a mention
    inside that branch (the branch tagged alone) goes with it."""
    out: list[Mention] = []
    reach = -1
    for m in mentions:
        if m.start < reach:
            continue  # part of the branch taken into the name before it
        branch = _BRANCH.match(text, m.end) if m.kind == "ORG" else None
        if branch:
            m = replace(m, end=branch.end(), text=text[m.start : branch.end()])
            reach = branch.end()
        out.append(m)
    return out


def _parts(text: str, mention: Mention) -> tuple[list[Read], str | None]:
    """The name (and a bracketed acronym) inside one mention, or why there is none."""
    m = _cut_line(mention)
    m = _without_leading_possessive(m)
    m = _after_inner_possessive(m)
    m = _without_mojibake(m)
    if _not_a_name(m.text):
        return [], "not a name: credit, file name or title words"
    if m.kind == "PERSON" and not any(w[:1].isupper() for w in m.text.split()):
        return [], "not a name: no capital"
    lower = m.text.lower() == m.text != m.text.upper()
    if lower and bare(m.text.split()[-1]) not in ORG_WORDS:
        # "anti-aircraft" tagged an organisation ("the defence ministry" is one)
        return [], "not a name: no capital"
    if _model_name(text, m):
        return [], "a vehicle or weapon model"
    if _cut_off(text, m):
        return [], "cut off at the page's end"
    acronym = _ACRONYM_IN_BRACKETS.search(m.text)
    if acronym and acronym.start() > 0:
        full = _sub(m, 0, acronym.start())
        short = _sub(m, acronym.start(1), acronym.end(1))
        return [Read(full), Read(short, acronym_of=full)], None
    ranked = _without_trailing_rank(m)
    if ranked is None:
        return [], "a rank, not a name"
    return [Read(_with_swallowed_first_name(text, _person_after_title(ranked)))], None


def _sub(mention: Mention, start: int, end: int) -> Mention:
    """The part ``[start, end)`` of a mention's text, as a mention of its own."""
    text = mention.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    begin = mention.start + start + lead
    return replace(mention, start=begin, end=begin + len(text), text=text)


def _cut_line(mention: Mention) -> Mention:
    first = mention.text.split("\n", 1)[0].rstrip()
    return _sub(mention, 0, len(first)) if len(first) < len(mention.text) else mention


def _without_leading_possessive(mention: Mention) -> Mention:
    """ "’s Acme" (the owner's "’s" caught in the next name): the name after it."""
    found = _LEADING_POSSESSIVE.match(mention.text)
    return _sub(mention, found.end(), len(mention.text)) if found else mention


def _after_inner_possessive(mention: Mention) -> Mention:
    """ "Acme's Everett" tagged a person: a person's name holds no possessive; the owned
    name is the one. (An organisation's may: "Workers' Union", "People's Party".)"""
    if mention.kind != "PERSON":
        return mention
    found = list(_INNER_POSSESSIVE.finditer(mention.text))
    return _sub(mention, found[-1].end(), len(mention.text)) if found else mention


def _without_mojibake(mention: Mention) -> Mention:
    """ "Batanesâ" → "Batanes": an apostrophe the page's encoding mangled, at the end."""
    text = mention.text
    found = _MOJIBAKE_APOSTROPHE.search(text)
    if not found or found.start() == 0 or not text[found.start() - 1].isalpha():
        return mention
    if found.group() in {"â", "âs"} and not text[: found.start()].isascii():
        return mention  # a real "â" in a name written with diacritics
    return _sub(mention, 0, found.start())


def _not_a_name(text: str) -> bool:
    if not text or _NOT_IN_A_NAME.search(text) or _IMAGE_FILE.search(text):
        return True
    if _RUN_INTO_DATE.search(text):
        return True
    words = [bare(w) for w in text.split()]
    if any(w in CREDIT_WORDS for w in words):
        return True
    if not any(c.isalpha() for c in text):
        return True
    return all(w in NAME_SUFFIXES or is_title_vocabulary(w) for w in words)


def _model_name(text: str, mention: Mention) -> bool:
    """A name that runs on into a vehicle or weapon noun is a model's: "Tomahawk Land"
    of "Tomahawk Land Attack Missile", "Orca" of "Orca Drone"; a person's also before a
    plain one ("Orca missiles"). A company before a plain one stays ("Acme jets")."""
    begin, finish = _line(text, mention.start, mention.end)
    if _DESIGNATION.match(mention.text):
        return True  # "F-16", "C-130J"
    if mention.kind == "PERSON" and bare(mention.text.split()[-1]) in VEHICLE_NOUNS:
        return True  # "Purpose Frigates" of "General Purpose Frigates": no one's name
    rest = text[mention.end : finish]
    if _CLASS_JOINED.match(rest):
        return True  # "Name-class frigates"
    if (spaced := _CLASS_WORD.match(rest)) and bare(spaced[1]) in VEHICLE_NOUNS:
        return True  # "the Name Class destroyers"
    before = text[begin : mention.start].split()
    after = text[mention.end : finish].split()
    if before and before[-1].isdigit() and len(before[-1]) >= 3 and mention.text.isupper():
        # "the 737 XL, 767 and 777": a type number and its variant, not "600 UAW members"
        follower = after[0] if after else ""
        if not follower or not follower[:1].isalpha() or follower in {"and", "or"}:
            return True
        if follower[:1].isdigit() or bare(follower) in VEHICLE_NOUNS:
            return True
    run = 0
    while run < len(after) and after[run][:1].isupper() and run < 4:
        run += 1
    if run and bare(after[run - 1].strip(",.;:)")) in VEHICLE_NOUNS:
        return True
    nxt = bare(after[run].strip(",.;:)")) if run < len(after) else ""
    return nxt in VEHICLE_NOUNS and (run > 0 or mention.kind == "PERSON")


def _cut_off(text: str, mention: Mention) -> bool:
    """The page's last word, where the page stops mid-sentence: maybe half a word. (A
    short last sentence, "Source: Agency", "— Agency", is a credit line, whole.)"""
    if text[mention.end :].strip() or text.rstrip().endswith(tuple(_SENTENCE_END)):
        return False
    begin, _ = _line(text, mention.start, mention.end)
    sentence = re.split(r"[.!?](?:\s|$)", text[begin : mention.start])[-1]
    return len(sentence.split()) >= PROSE_WORDS


def _without_trailing_rank(mention: Mention) -> Mention | None:
    """A rank closes a unit's name in a credit ("Marine Corps Cpl"); it never ends a name.
    A person "named" with a rank at the end is a rank ("Lance Cpl"): none."""
    words = list(_WORD.finditer(mention.text))
    if len(words) < 2 or bare(words[-1].group()) not in RANKS:
        return mention
    if mention.kind == "PERSON":
        return None
    return _sub(mention, 0, words[-2].end())


def _person_after_title(mention: Mention) -> Mention:
    """Title words that swallowed the name after them: "National Defense Jane Q. Roe Jr."
    (tagged an organisation) is the person "Jane Q. Roe Jr."."""
    words = list(_WORD.finditer(mention.text))
    i = 0
    while i < len(words) and is_title_vocabulary(words[i].group()):
        i += 1
    if i == 0 or i == len(words):
        return mention
    rest = [w.group() for w in words[i:]]
    names = [w for w in rest if not _initial(w) and bare(w) not in NAME_SUFFIXES]
    if len(names) < 2 or not all(is_name_word(w) for w in names):
        return mention
    return replace(_sub(mention, words[i].start(), len(mention.text)), kind="PERSON")


def _with_swallowed_first_name(text: str, mention: Mention) -> Mention:
    """ "Secretary of Works Jane Q. Roe" tagged "Q. Roe", "Envoy to Norway Jane Roe" tagged
    "Roe": the title took the first name. A surname alone (or from an initial on) right
    after a capitalised word that itself follows title words or a country gets it back."""
    words = mention.text.split()
    if mention.kind != "PERSON" or not (len(words) == 1 or _initial(words[0])):
        return mention
    # the two space-separated words before the mention, found without copying the text
    # before it (a long page has tens of thousands of mentions)
    space = mention.start - 1
    if space < 0 or text[space] != " " or text[space - 1 : space] == " ":
        return mention
    gap = text.rfind(" ", 0, space)
    if gap < 0:
        return mention
    first, lead = text[gap + 1 : space], text[text.rfind(" ", 0, gap) + 1 : gap]
    if not _first_name(first) or not (is_title_vocabulary(lead) or country_of_word(lead)):
        return mention
    start = mention.start - len(first) - 1
    return replace(mention, start=start, text=text[start : mention.end])


def _first_name(word: str) -> bool:
    """A capitalised word that can open a name ("Jane", "MaryAnn"): no title, country,
    organisation or calendar word."""
    w = bare(word)
    singular = w[:-3] + "y" if w.endswith("ies") else w.removesuffix("s")
    return (
        word[:1].isupper()
        and word.isalpha()
        and len(word) > 1
        and not is_title_vocabulary(word)
        and not is_title_vocabulary(singular)  # "Secretaries", "Ministers"
        and country_of_word(word) is None
        and w not in ORG_WORDS
        and w not in CALENDAR
    )


def _initial(word: str) -> bool:
    """ "R." or "R": a middle initial."""
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isupper()


def person_words(text: str) -> list[str]:
    """A person's name without initials, generational suffixes, honorifics or a trailing
    possessive: "Jane Q. Roe Jr." → ["Jane", "Roe"]; "Roe's" → ["Roe"]."""
    words = text.replace("’", "'").replace(",", " ").split()
    if words and words[-1].endswith(("'s", "'")):
        words[-1] = words[-1].removesuffix("'s").removesuffix("'")
    kept = [
        w
        for w in words
        if w and not _initial(w) and bare(w) not in NAME_SUFFIXES and bare(w) not in HONORIFICS
    ]
    return _family_name_last(kept) or words


def _family_name_last(words: list[str]) -> list[str]:
    """Protocol lists write the family name first and in capitals ("SATO Ken"): put it
    last, where the rest of the corpus writes it. Two capital letters are initials ("JD")."""
    lead = 0
    while lead < len(words) and len(words[lead]) >= 3 and words[lead].isupper():
        lead += 1
    if 0 < lead < len(words) and not any(w.isupper() for w in words[lead:]):
        return words[lead:] + words[:lead]
    return words


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    begin = text.rfind("\n", 0, start) + 1
    finish = text.find("\n", end)
    return begin, len(text) if finish < 0 else finish


def _credited(text: str, mention: Mention) -> bool:
    begin, finish = _line(text, mention.start, mention.end)
    before = text[begin : mention.start]
    after = text[mention.end : finish]
    glued = text[max(begin, mention.start - 2) : mention.start]
    if len(glued) == 2 and glued[0].isalpha() and glued[1] in ",;":
        return True  # "the offer,Jane Roe ending": injected into the sentence
    if _credit_lead(before):
        return True
    stripped = after.lstrip()
    if mention.kind == "PERSON" and stripped[:1] in {"/", "|"}:
        return True  # "Jane Roe / Agency", "By Jane Roe | Outlet"
    note = _AUTHOR_NOTE.match(after)
    if mention.kind == "PERSON" and not before.strip() and _REPORTS_FOR.match(after):
        return True  # the note opens its line: "Jane Roe reports on Chile for The Post."
    return bool(
        mention.kind == "PERSON"
        and note
        and any(bare(w) in AUTHOR_NOUNS for w in note.group(1).split())
    )


def _credit_lead(before: str) -> bool:
    """The words just before a name are a credit's: "By", "Photo by Lance Cpl.",
    "(Courtesy: US Marine Corps Cpl.", "©"; ranks, units and titles may come between.
    A lower-case lead counts only after a credit word or with a colon: "photo by",
    "credit:", never "backed by" or "the union credits"."""
    words = before.replace("(", " ").split()
    checked = 0
    while words and checked < 8:
        word = words.pop()
        key = bare(word.rstrip(":"))
        if key in CREDIT_LEADS:
            after_credit = bool(words) and bare(words[-1].rstrip(":")) in CREDIT_LEADS
            return word[:1].isupper() or word.endswith(":") or word == "©" or after_credit
        if word.endswith((",", ";")) or not (word[:1].isupper() or key in {"of", "the"}):
            return False
        checked += 1
    return False


def _headline_line(text: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """A headline-styled line: no closing stop, and the content words that are not
    names are capitalised ("Minister Resigns Amid Row Over Funding")."""
    begin, finish = _line(text, mention.start, mention.end)
    line = text[begin:finish].rstrip()
    if not line or line.endswith((".", "!", "?", ":", ";", ",")) or len(line) > 200:
        return False
    words = line.split()
    if mention.start == begin and mention.end >= begin + len(line) and len(words) >= 4:
        return True  # a whole line of capitalised words taken for one name
    named = [(m.start - begin, m.end - begin) for m in mentions if begin <= m.start < finish]
    others = [
        w
        for w in _WORD.finditer(line)
        if not any(s <= w.start() < e for s, e in named)
        and sum(c.isalpha() for c in w.group()) >= 4
    ]
    capitalised = [w for w in others if w.group()[:1].isupper()]
    return len(capitalised) >= 2 and len(capitalised) >= 0.75 * len(others)
