"""Alias tables as data, and the keys that make two spellings compare equal.

Keys are folded (no diacritics), lower-case and free of dots, so "Việt Nam", "Viet Nam"
and "VIỆT NAM" meet; places also drop spaces ("Ha Noi" = "Hanoi").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from dateline.analyse.fold import fold

# Each country is one entity under a fixed canonical name, whatever the spelling.
# Aliases of three letters or fewer only match in capitals ("US", never the pronoun).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Vietnam": ("Vietnam", "Viet Nam", "Socialist Republic of Vietnam", "SRV"),
    "United States": (
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
    ),
    "China": ("China", "PRC", "People's Republic of China"),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "Russia": ("Russia", "Russian Federation"),
    "Laos": ("Laos", "Lao PDR"),
    "South Korea": ("South Korea", "Republic of Korea", "ROK"),
    "North Korea": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "Philippines": ("Philippines", "Republic of the Philippines"),
    "Japan": ("Japan",),
    "Taiwan": ("Taiwan",),
    "India": ("India",),
    "Pakistan": ("Pakistan",),
    "Indonesia": ("Indonesia",),
    "Malaysia": ("Malaysia",),
    "Singapore": ("Singapore",),
    "Thailand": ("Thailand",),
    "Cambodia": ("Cambodia", "Kingdom of Cambodia"),
    "Myanmar": ("Myanmar", "Burma"),
    "Brunei": ("Brunei",),
    "Timor-Leste": ("Timor-Leste", "East Timor"),
    "Australia": ("Australia",),
    "New Zealand": ("New Zealand",),
    "Canada": ("Canada",),
    "Mexico": ("Mexico",),
    "Brazil": ("Brazil",),
    "Argentina": ("Argentina",),
    "Chile": ("Chile",),
    "Colombia": ("Colombia",),
    "Peru": ("Peru",),
    "Venezuela": ("Venezuela",),
    "Cuba": ("Cuba",),
    "France": ("France",),
    "Germany": ("Germany",),
    "Italy": ("Italy",),
    "Spain": ("Spain",),
    "Portugal": ("Portugal",),
    "Netherlands": ("Netherlands", "Holland"),
    "Belgium": ("Belgium",),
    "Switzerland": ("Switzerland",),
    "Austria": ("Austria",),
    "Poland": ("Poland",),
    "Czech Republic": ("Czech Republic", "Czechia"),
    "Hungary": ("Hungary",),
    "Romania": ("Romania",),
    "Bulgaria": ("Bulgaria",),
    "Greece": ("Greece",),
    "Ukraine": ("Ukraine",),
    "Belarus": ("Belarus",),
    "Lithuania": ("Lithuania",),
    "Latvia": ("Latvia",),
    "Estonia": ("Estonia",),
    "Finland": ("Finland",),
    "Sweden": ("Sweden",),
    "Norway": ("Norway",),
    "Denmark": ("Denmark",),
    "Ireland": ("Ireland",),
    "Iceland": ("Iceland",),
    "Serbia": ("Serbia",),
    "Croatia": ("Croatia",),
    "Israel": ("Israel",),
    "Iran": ("Iran",),
    "Iraq": ("Iraq",),
    "Syria": ("Syria",),
    "Lebanon": ("Lebanon",),
    "Saudi Arabia": ("Saudi Arabia",),
    "United Arab Emirates": ("United Arab Emirates", "UAE"),
    "Qatar": ("Qatar",),
    "Kuwait": ("Kuwait",),
    "Yemen": ("Yemen",),
    "Oman": ("Oman",),
    "Egypt": ("Egypt",),
    "Libya": ("Libya",),
    "Tunisia": ("Tunisia",),
    "Algeria": ("Algeria",),
    "Morocco": ("Morocco",),
    "Nigeria": ("Nigeria",),
    "Ghana": ("Ghana",),
    "Kenya": ("Kenya",),
    "Ethiopia": ("Ethiopia",),
    "Somalia": ("Somalia",),
    "Sudan": ("Sudan",),
    "South Africa": ("South Africa",),
    "Afghanistan": ("Afghanistan",),
    "Bangladesh": ("Bangladesh",),
    "Sri Lanka": ("Sri Lanka",),
    "Nepal": ("Nepal",),
    "Mongolia": ("Mongolia",),
    "Kazakhstan": ("Kazakhstan",),
    "Uzbekistan": ("Uzbekistan",),
    "Azerbaijan": ("Azerbaijan",),
    "Armenia": ("Armenia",),
}

# Adjectives that name a country inside a title ("Vietnamese Deputy Minister"). A country
# whose own adjective is here names its institutions with it (COUNTRY_ADJECTIVES).
_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("Vietnamese", "Vietnam"),
    ("US", "United States"),
    ("American", "United States"),
    ("Chinese", "China"),
    ("British", "United Kingdom"),
    ("Russian", "Russia"),
    ("Lao", "Laos"),
    ("Laotian", "Laos"),
    ("South Korean", "South Korea"),
    ("North Korean", "North Korea"),
    ("Philippine", "Philippines"),
    ("Filipino", "Philippines"),
    ("Japanese", "Japan"),
    ("Taiwanese", "Taiwan"),
    ("Indian", "India"),
    ("Pakistani", "Pakistan"),
    ("Indonesian", "Indonesia"),
    ("Malaysian", "Malaysia"),
    ("Singaporean", "Singapore"),
    ("Thai", "Thailand"),
    ("Cambodian", "Cambodia"),
    ("Myanmar", "Myanmar"),
    ("Burmese", "Myanmar"),
    ("Bruneian", "Brunei"),
    ("Australian", "Australia"),
    ("Canadian", "Canada"),
    ("Mexican", "Mexico"),
    ("Brazilian", "Brazil"),
    ("Argentine", "Argentina"),
    ("Chilean", "Chile"),
    ("Colombian", "Colombia"),
    ("Peruvian", "Peru"),
    ("Venezuelan", "Venezuela"),
    ("Cuban", "Cuba"),
    ("French", "France"),
    ("German", "Germany"),
    ("Italian", "Italy"),
    ("Spanish", "Spain"),
    ("Portuguese", "Portugal"),
    ("Dutch", "Netherlands"),
    ("Belgian", "Belgium"),
    ("Swiss", "Switzerland"),
    ("Austrian", "Austria"),
    ("Polish", "Poland"),
    ("Czech", "Czech Republic"),
    ("Hungarian", "Hungary"),
    ("Romanian", "Romania"),
    ("Bulgarian", "Bulgaria"),
    ("Greek", "Greece"),
    ("Ukrainian", "Ukraine"),
    ("Belarusian", "Belarus"),
    ("Lithuanian", "Lithuania"),
    ("Latvian", "Latvia"),
    ("Estonian", "Estonia"),
    ("Finnish", "Finland"),
    ("Swedish", "Sweden"),
    ("Norwegian", "Norway"),
    ("Danish", "Denmark"),
    ("Irish", "Ireland"),
    ("Icelandic", "Iceland"),
    ("Serbian", "Serbia"),
    ("Croatian", "Croatia"),
    ("Israeli", "Israel"),
    ("Iranian", "Iran"),
    ("Iraqi", "Iraq"),
    ("Syrian", "Syria"),
    ("Lebanese", "Lebanon"),
    ("Saudi", "Saudi Arabia"),
    ("Emirati", "United Arab Emirates"),
    ("Qatari", "Qatar"),
    ("Kuwaiti", "Kuwait"),
    ("Yemeni", "Yemen"),
    ("Omani", "Oman"),
    ("Egyptian", "Egypt"),
    ("Libyan", "Libya"),
    ("Tunisian", "Tunisia"),
    ("Algerian", "Algeria"),
    ("Moroccan", "Morocco"),
    ("Nigerian", "Nigeria"),
    ("Ghanaian", "Ghana"),
    ("Kenyan", "Kenya"),
    ("Ethiopian", "Ethiopia"),
    ("Somali", "Somalia"),
    ("Sudanese", "Sudan"),
    ("South African", "South Africa"),
    ("Afghan", "Afghanistan"),
    ("Bangladeshi", "Bangladesh"),
    ("Sri Lankan", "Sri Lanka"),
    ("Nepali", "Nepal"),
    ("Mongolian", "Mongolia"),
    ("Kazakh", "Kazakhstan"),
    ("Uzbek", "Uzbekistan"),
    ("Azerbaijani", "Azerbaijan"),
    ("Armenian", "Armenia"),
)
# Every adjective, keyed lower-case (one-word keys are what title parsing looks up); not
# "US", which country_of reads only in capitals (never the pronoun).
DEMONYMS: dict[str, str] = {
    adjective.lower(): country for adjective, country in _ADJECTIVES if not adjective.isupper()
}

# How a country qualifies one of its institutions: "US Department of Defence",
# "Vietnamese Ministry of National Defence" (the first adjective listed for it).
COUNTRY_ADJECTIVES: dict[str, str] = {}
for _adjective, _country in _ADJECTIVES:
    COUNTRY_ADJECTIVES.setdefault(_country, _adjective)

# Capitals that stand for their country after "Ambassador to": "Ambassador to Washington".
CAPITALS: dict[str, str] = {
    "washington": "United States",
    "beijing": "China",
    "hanoi": "Vietnam",
    "london": "United Kingdom",
    "moscow": "Russia",
    "vientiane": "Laos",
    "seoul": "South Korea",
    "pyongyang": "North Korea",
    "manila": "Philippines",
    "tokyo": "Japan",
    "taipei": "Taiwan",
    "new delhi": "India",
    "jakarta": "Indonesia",
    "kuala lumpur": "Malaysia",
    "bangkok": "Thailand",
    "phnom penh": "Cambodia",
    "canberra": "Australia",
    "ottawa": "Canada",
    "paris": "France",
    "berlin": "Germany",
    "rome": "Italy",
    "madrid": "Spain",
    "kyiv": "Ukraine",
    "brussels": "Belgium",
}

# Facility type words that name the same kind of place: "Airport" and "Airbase" of one
# town are one facility in these reports (a joint civil and military airfield).
FACILITY_TYPES: dict[str, str] = {
    "airport": "air",
    "airbase": "air",
    "air base": "air",
    "airfield": "air",
    "air field": "air",
    "port": "port",
    "seaport": "port",
    "harbour": "port",
    "harbor": "port",
    "naval base": "naval base",
}

# Type words written before a facility's name: "Camp X" is the camp X.
FACILITY_PREFIXES: dict[str, str] = {"camp": "camp"}

# Organisations that took a new name or a second official one: (other name, usual name,
# country). Each gives an alias with and without the country ("US Department of War",
# "Department of War"), and the usual name names the entity when the corpus never does.
ORG_RENAMES: tuple[tuple[str, str, str], ...] = (
    # The US Department of Defense took "Department of War" as a second name in 2025.
    ("Department of War", "Department of Defense", "United States"),
)
# Names an organisation goes by besides its own: initials, and a building that stands for
# the body inside it ("the Pentagon").
ORG_OTHER_NAMES: dict[str, str] = {
    "vna": "vietnam news agency",
    "afp": "agence france-presse",
    "ap": "associated press",
    "un": "united nations",
    "pentagon": "us department of defence",
}

# Government bodies named either way: "defence ministry" = "ministry of defence".
BODY_WORDS = frozenset({"ministry", "department"})
# Words dropped after "of" in an organisation's key: "Ministry of National Defence" =
# "defence ministry".
ORG_KEY_DROP = frozenset({"national"})
# Administrative words a place's key drops: "Dong Nai Province" = "Dong Nai". Not "city":
# "Mexico City" is not "Mexico".
PLACE_TYPES = frozenset({"province", "district", "commune", "ward", "county", "prefecture"})

# British and American spellings of the same word.
SPELLINGS: dict[str, str] = {
    "defense": "defence",
    "organization": "organisation",
    "center": "centre",
    "program": "programme",
}

_DOTS = re.compile(r"\.(?=\w|$)|(?<=\w)\.")
_NON_WORD = re.compile(r"[^\w\s'&+-]")
_SPACES = re.compile(r"\s+")


def name_key(text: str) -> str:
    """Folded, lower-case, dot-free and single-spaced form of a name."""
    text = fold(text).lower().replace("’", "'")
    text = _DOTS.sub("", text)
    text = _NON_WORD.sub(" ", text)
    words = [SPELLINGS.get(w, w) for w in _SPACES.split(text.strip()) if w]
    return " ".join(words)


def place_key(text: str) -> str:
    """A place's key without spaces or hyphens: "Ha Noi", "Hanoi" and "HÀ NỘI" meet."""
    words = name_key(text).split()
    if len(words) > 1 and words[-1] in PLACE_TYPES:
        words = words[:-1]
    return "".join(words).replace("-", "")


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in COUNTRIES.items():
        for alias in aliases:
            index[place_key(alias)] = canonical
    return index


_COUNTRY_INDEX = _country_index()


def country_of(text: str) -> str | None:
    """The canonical country a name stands for, or None ("US" counts, "us" does not)."""
    bare = fold(text).strip()
    if bare[:4].lower() == "the ":
        bare = bare[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if bare.endswith(suffix):
            bare = bare[: -len(suffix)]
            break
    key = place_key(bare)
    if len(key) <= 3 and not bare.replace(".", "").isupper():
        return None
    return _COUNTRY_INDEX.get(key)


def capital_country(text: str) -> str | None:
    """The country whose capital ``text`` names ("Washington" → "United States")."""
    return CAPITALS.get(name_key(text).removesuffix(" dc"))


def country_of_word(word: str) -> str | None:
    """A country named by one title word: a country name, its possessive or its adjective."""
    return country_of(word) or DEMONYMS.get(name_key(word))


def facility_key(text: str) -> str | None:
    """``name|type`` for a facility whose name ends in a known type word, else None."""
    key = name_key(text)
    for words in sorted(FACILITY_TYPES, key=len, reverse=True):
        if key.endswith(" " + words):
            name = key[: -len(words) - 1]
            return f"{name.replace(' ', '').replace('-', '')}|{FACILITY_TYPES[words]}"
    first, _, name = key.partition(" ")
    if first in FACILITY_PREFIXES and name:
        return f"{name.replace(' ', '').replace('-', '')}|{FACILITY_PREFIXES[first]}"
    return None


def org_key(text: str, strict: bool = False) -> str:
    """An organisation's key: "Vietnamese defence ministry" and "Vietnamese Ministry of
    National Defence" meet, and a known other name becomes the usual one. A ``strict``
    key keeps "national": two countries' bodies may differ by that word alone."""
    key = _org_words_key(text)
    if key in ORG_ALIASES:
        return ORG_ALIASES[key]
    return _org_words_key(text, drop=()) if strict else key


def is_org_alias(text: str) -> bool:
    """A name the alias tables know as an organisation's ("Pentagon"), whatever the model
    tagged it."""
    return _org_words_key(text) in ORG_ALIASES


def _org_words_key(text: str, drop: Collection[str] = ORG_KEY_DROP) -> str:
    """:func:`org_key` before the alias tables: body words in one order, "national" gone."""
    words = name_key(text).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] in BODY_WORDS:
        lead = words[:1] if words[0] in _COUNTRY_INDEX or words[0] in DEMONYMS else []
        words = [*lead, words[-1], "of", *words[len(lead) : -1]]
    kept = [w for i, w in enumerate(words) if not (w in drop and words[i - 1 : i] == ["of"])]
    return " ".join(kept)


def qualified_org(text: str, strict: bool = False) -> tuple[str, str] | None:
    """(country, key without it) for an organisation named with its country first:
    "US Department of War" → ("United States", "department of defence")."""
    first, _, rest = text.strip().partition(" ")
    country = country_of_word(first)
    return (country, org_key(rest, strict)) if country and rest else None


def usual_org_name(key: str) -> str | None:
    """The usual name of a renamed organisation, by its :func:`org_key`."""
    return _USUAL_NAMES.get(key)


def _org_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """Both tables as one lookup (other key -> usual key), and usual key -> usual name."""
    aliases = dict(ORG_OTHER_NAMES)
    names: dict[str, str] = {}
    for other, usual, country in ORG_RENAMES:
        qualifier = COUNTRY_ADJECTIVES[country]
        for old, new in ((other, usual), (f"{qualifier} {other}", f"{qualifier} {usual}")):
            aliases[_org_words_key(old)] = _org_words_key(new)
            names[_org_words_key(new)] = new
    return aliases, names


# Keyed as :func:`org_key` makes keys before it looks them up here.
ORG_ALIASES, _USUAL_NAMES = _org_aliases()
