"""Alias tables of organisations as data, and the keys that make two spellings compare
equal. Countries, places and name keys live in the lexicon (:mod:`dateline.lexicon`);
they are imported here for the resolution modules that read them with the rest.
"""

from __future__ import annotations

from collections.abc import Collection

from dateline.lexicon.names import SPELLINGS, name_key
from dateline.lexicon.places import (
    CAPITALS,
    COUNTRIES,
    COUNTRY_ADJECTIVES,
    COUNTRY_KEYS,
    DEMONYMS,
    FACILITY_PREFIXES,
    FACILITY_TYPES,
    PLACE_TYPES,
    capital_country,
    country_of,
    country_of_word,
    facility_key,
    place_key,
)

__all__ = [
    "BODY_WORDS",
    "CAPITALS",
    "COUNTRIES",
    "COUNTRY_ADJECTIVES",
    "DEMONYMS",
    "FACILITY_PREFIXES",
    "FACILITY_TYPES",
    "ORG_ALIASES",
    "ORG_KEY_DROP",
    "ORG_OTHER_NAMES",
    "ORG_RENAMES",
    "PLACE_TYPES",
    "SPELLINGS",
    "capital_country",
    "country_of",
    "country_of_word",
    "facility_key",
    "is_org_alias",
    "name_key",
    "org_key",
    "place_key",
    "qualified_org",
    "usual_org_name",
]

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
        lead = words[:1] if words[0] in COUNTRY_KEYS or words[0] in DEMONYMS else []
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
