"""Countries and their aliases, demonyms and capitals; place and facility type words.

Keys are folded (no diacritics), lower case and free of dots, so "Việt Nam", "Viet Nam"
and "VIỆT NAM" meet; places also drop spaces ("Ha Noi" = "Hanoi").
"""

from __future__ import annotations

from functools import lru_cache

from dateline.lexicon.names import fold, name_key

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

# Words that make the name beside them a place ("X Province", "the city of X").
PLACE_WORDS = frozenset(
    {"province", "city", "district", "commune", "ward", "town", "village", "county", "prefecture"}
)
# Administrative words a place's key drops: "Dong Nai Province" = "Dong Nai". Not "city"
# (nor town, village): "Mexico City" is not "Mexico".
PLACE_TYPES = PLACE_WORDS - {"city", "town", "village"}


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


# Every country alias's place key, to the country's canonical name.
COUNTRY_KEYS = _country_index()


@lru_cache(maxsize=1 << 16)  # asked of every name and word run the rules try
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
    return COUNTRY_KEYS.get(key)


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
