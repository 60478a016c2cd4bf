"""The lexicon: the bottom of the package graph, and its helpers on words of our own."""

from __future__ import annotations

import ast
import calendar as stdlib_calendar
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.lexicon import calendar, names, numbers, places

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline"


def _imported(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved against the package."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                found.add(f"{base}.{node.module}" if node.module else base)
            else:
                found.add(node.module or "")
    return found


@pytest.mark.parametrize("path", sorted((SRC / "lexicon").glob("*.py")), ids=lambda p: p.name)
def test_the_lexicon_imports_nothing_from_the_rest_of_the_package(path: Path) -> None:
    outside = {
        m
        for m in _imported(path)
        if (m == "dateline" or m.startswith("dateline.")) and not m.startswith("dateline.lexicon")
    }
    assert not outside


def test_loading_the_lexicon_loads_no_other_stage() -> None:
    code = (
        "import sys, dateline\n"
        "before = set(sys.modules)\n"
        "import dateline.lexicon.calendar, dateline.lexicon.numbers\n"
        "import dateline.lexicon.names, dateline.lexicon.places\n"
        "print(' '.join(sorted(m for m in set(sys.modules) - before if m.startswith('dateline'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out and all(m.startswith("dateline.lexicon") for m in out)


def test_analysis_does_not_import_resolution() -> None:
    # resolve reads analyse (its rules and tokens); the other way round made a cycle.
    for path in (SRC / "analyse").glob("*.py"):
        assert not {m for m in _imported(path) if m.startswith("dateline.resolve")}, path.name


# --- calendar -------------------------------------------------------------------------


def test_month_and_weekday_numbers_agree_with_the_standard_calendar() -> None:
    for number in range(1, 13):
        assert calendar.month_number(stdlib_calendar.month_name[number]) == number
        assert calendar.month_number(stdlib_calendar.month_abbr[number]) == number
    for number in range(7):
        assert calendar.weekday_number(stdlib_calendar.day_name[number]) == number
        assert calendar.weekday_number(stdlib_calendar.day_abbr[number]) == number


@pytest.mark.parametrize(
    ("word", "month"),
    [("Sept.", 9), ("SEPT", 9), ("sep", 9), ("DECEMBER", 12), ("may", 5), ("Mayday", None),
     ("Ju", None), ("", None)],
)  # fmt: skip
def test_month_number_reads_any_case_and_a_final_dot(word: str, month: int | None) -> None:
    assert calendar.month_number(word) == month


@pytest.mark.parametrize(
    ("word", "weekday"), [("Thurs.", 3), ("thur", 3), ("TUES", 1), ("Sun", 6), ("Sunny", None)]
)
def test_weekday_number_reads_the_longer_abbreviations(word: str, weekday: int | None) -> None:
    assert calendar.weekday_number(word) == weekday


def test_short_forms_and_regex_order() -> None:
    assert calendar.short_weekdays() == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    assert calendar.short_months()[4] == "May" and len(calendar.short_months()) == 12
    words = calendar.month_words()
    assert words.index("September") < words.index("Sept") < words.index("Sep")
    lengths = [len(w) for w in words]
    assert lengths == sorted(lengths, reverse=True)
    assert set(words) == set(calendar.MONTH_NAMES) | set(calendar.MONTH_ABBREVIATIONS)


# --- numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,250.5", 1250.5), ("twenty-five", 25), ("forty two", 42), ("two hundred", 200),
     ("a dozen", 12), ("three hundred and six", 306), ("Seventeen", 17), ("1e400", None),
     ("several", None), ("", None), ("and", None)],
)  # fmt: skip
def test_parse_number(text: str, value: float | None) -> None:
    assert numbers.parse_number(text) == value


def test_scales_and_small_numbers() -> None:
    assert numbers.scale_of("BN") == 1e9 and numbers.scale_of("Thousand") == 1e3
    assert numbers.scale_of(None) == 1.0 and numbers.scale_of("metres") == 1.0
    assert numbers.scale_word("bn") == "billion" and numbers.scale_word("mln") == "million"
    assert numbers.scale_word("x") is None
    assert numbers.numbers_up_to(3) == {"one": 1, "two": 2, "three": 3}
    assert list(numbers.numbers_up_to(12).values()) == list(range(1, 13))
    assert numbers.ORDINAL_WORDS["twelfth"] == 12 and "zeroth" not in numbers.ORDINAL_WORDS


# --- names ----------------------------------------------------------------------------


def test_the_three_folds() -> None:
    # a made-up name with the marks Vietnamese and Polish spellings carry
    name = "Đặng Thị Łucja"
    assert names.fold(name) == "Dang Thi Lucja" and len(names.fold(name)) == len(name)
    assert names.fold_ascii("Đà Lạt Café") == "da lat cafe"
    assert names.fold_name("  U.S.  Dept.  of   Ports ") == "us dept of ports"


def test_name_key_folds_spelling_and_punctuation() -> None:
    assert names.name_key("Ministry of Defense") == names.name_key("MINISTRY OF DEFENCE")
    assert names.name_key("Harbor Center, Inc.") == "harbor centre inc"
    assert names.name_key("O’Neill") == "o'neill"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Lt.", True), ("Brig", True), ("Mrs.", True), ("Dame", True), ("Minister", False),
     ("Garcia", False)],
)  # fmt: skip
def test_rank_or_honorific(word: str, expected: bool) -> None:
    assert names.is_rank_or_honorific(word) is expected
    assert names.bare(word) == word.lower().rstrip(".")


# --- places ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [("Việt Nam's", "Vietnam"), ("the Philippines", "Philippines"), ("U.S.", "United States"),
     ("US", "United States"), ("us", None), ("Burma", "Myanmar"), ("Atlantis", None)],
)  # fmt: skip
def test_country_of_reads_aliases_possessives_and_capitals_only_acronyms(
    text: str, country: str | None
) -> None:
    assert places.country_of(text) == country


def test_demonyms_capitals_and_place_keys() -> None:
    assert places.country_of_word("Filipino") == "Philippines"
    assert places.country_of_word("Dutch") == "Netherlands"
    assert places.capital_country("Washington, D.C.") == "United States"
    assert places.place_key("Hà Nội") == places.place_key("Hanoi") == "hanoi"
    assert places.place_key("Lake Moss Province") == "lakemoss"
    assert places.place_key("Mexico City") == "mexicocity"  # a city is not its country


def test_facility_keys_meet_across_type_words() -> None:
    base = places.facility_key("Cedar Point Air Base")
    assert base == places.facility_key("Cedar Point Airport") == "cedarpoint|air"
    assert places.facility_key("Camp Willow") == "willow|camp"
    assert places.facility_key("Cedar Point") is None


def test_a_place_key_drops_administrative_words_but_not_city() -> None:
    assert places.PLACE_TYPES < places.PLACE_WORDS
    assert places.place_key("Riverbend District") == "riverbend"
    assert places.place_key("Riverbend Town") == "riverbendtown"
