"""Who is who in the five shared seed articles, end to end through the English model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.analyse.rules import RANKS, bare
from dateline.model import Entity
from dateline.resolve.entities import Resolution, resolve_entities

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]

_HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
_TEASERS = re.compile(r"^See more\s*$", re.MULTILINE)


def clean(raw: str) -> tuple[str, str | None]:
    """What the cleaner makes of a seed: no date header, nothing from "See more" on."""
    header = _HEADER.match(raw)
    text = raw[header.end() :] if header else raw
    teasers = _TEASERS.search(text)
    return (text[: teasers.start()] if teasers else text), (header.group(1) if header else None)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, str | None]]:
    docs = {path.stem[:3]: clean(path.read_text("utf-8")) for path in SEEDS.glob("*.txt")}
    assert set(docs) >= {"000", "001", "002", "003", "004"}
    return docs


@pytest.fixture(scope="module")
def published(seeds: dict[str, tuple[str, str | None]]) -> dict[str, str | None]:
    dates = {doc_id: date for doc_id, (_, date) in seeds.items()}
    dates["001"] = dates["000"]  # 001 is an undated copy of 000: the dater takes its date
    return dates


@pytest.fixture(scope="module")
def analyses(seeds: dict[str, tuple[str, str | None]]) -> list[Analysis]:
    items = [(doc_id, text) for doc_id, (text, _) in sorted(seeds.items())]
    return list(Analyzer().analyse(items))


@pytest.fixture(scope="module")
def resolution(analyses: list[Analysis], published: dict[str, str | None]) -> Resolution:
    return resolve_entities(analyses, published)


def entity_of_spellings(resolution: Resolution, *spellings: str) -> Entity:
    """The one entity every mention written in any of ``spellings`` resolves to."""
    ids = {m.entity_id for m in resolution.mentions if m.text in spellings}
    seen = {m.text for m in resolution.mentions if m.text in spellings}
    assert seen == set(spellings), f"never seen: {set(spellings) - seen}"
    assert len(ids) == 1, f"{spellings} split over {len(ids)} entities"
    (entity_id,) = ids
    return next(e for e in resolution.entities if e.id == entity_id)


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("Phan Văn Giang", ("Phan Văn Giang", "Phan Van Giang", "Giang")),
        ("Pete Hegseth", ("Pete Hegseth", "Hegseth")),
        ("Hoàng Xuân Chiến", ("Hoàng Xuân Chiến", "Hoang Xuan Chien", "Chien")),
        ("John Noh", ("John Noh", "Noh")),
        ("Marc Evans Knapper", ("Marc Evans Knapper",)),
        ("Luong Cuong", ("Luong Cuong",)),
    ],
)
def test_each_person_is_one_entity(resolution: Resolution, name: str, spellings: tuple) -> None:
    person = entity_of_spellings(resolution, *spellings)
    assert person.name == name and person.kind == "PERSON"
    assert set(spellings) <= set(person.aliases)
    others = [e for e in resolution.entities if e.kind == "PERSON" and e.id != person.id]
    assert not any(set(spellings) & set(e.aliases) for e in others)


def test_places_are_one_entity_each(resolution: Resolution) -> None:
    hanoi = entity_of_spellings(resolution, "HÀ NỘI", "Hanoi")
    assert hanoi.kind == "GPE"
    airbase = entity_of_spellings(
        resolution, "Bien Hoa Airbase", "Biên Hòa Airport", "Bien Hoa airbase"
    )
    assert airbase.kind == "FAC" and airbase.name == "Biên Hòa Airport"


def test_countries_are_one_entity_each(resolution: Resolution) -> None:
    vietnam = entity_of_spellings(resolution, "Việt Nam", "Vietnam")
    assert vietnam.name == "Vietnam" and vietnam.kind == "GPE"
    america = entity_of_spellings(resolution, "US", "U.S.", "United States")
    assert america.name == "United States" and america.kind == "GPE"


def test_no_rank_is_a_person(resolution: Resolution) -> None:
    for person in (e for e in resolution.entities if e.kind == "PERSON"):
        for alias in person.aliases:
            assert bare(alias.split()[0]) not in RANKS, alias


def test_hegseth_changes_title(resolution: Resolution) -> None:
    hegseth = entity_of_spellings(resolution, "Pete Hegseth", "Hegseth")
    roles = [(r.title, r.first_seen, r.last_seen) for r in hegseth.roles]
    assert roles == [
        ("Secretary of Defence", "2025-02-08", "2025-05-09"),
        ("Secretary of War", "2025-11-02", "2025-11-02"),
    ]
    war = hegseth.roles[1]
    assert {s.document_id for s in war.sources} == {"002", "003"}  # 003 is undated
    assert all("United States" in r.org or r.org.startswith("US ") for r in hegseth.roles)


def test_chien_is_deputy_minister(resolution: Resolution) -> None:
    chien = entity_of_spellings(resolution, "Hoàng Xuân Chiến", "Hoang Xuan Chien")
    (role,) = chien.roles
    assert role.title == "Deputy Minister of National Defence"
    assert "Ministry of National Defence" in role.org
    assert (role.first_seen, role.last_seen) == ("2025-05-09", "2025-11-02")


def test_other_roles(resolution: Resolution) -> None:
    giang = entity_of_spellings(resolution, "Phan Văn Giang", "Phan Van Giang")
    assert [r.title for r in giang.roles] == ["Minister of National Defence"]
    assert (giang.roles[0].first_seen, giang.roles[0].last_seen) == ("2025-02-08", "2025-11-02")
    noh = entity_of_spellings(resolution, "John Noh", "Noh")
    assert [r.title for r in noh.roles] == ["Acting Assistant Secretary of Defence"]
    knapper = entity_of_spellings(resolution, "Marc Evans Knapper")
    assert [(r.title, r.org) for r in knapper.roles] == [("Ambassador to Vietnam", "United States")]
    cuong = entity_of_spellings(resolution, "Luong Cuong")
    assert [r.title for r in cuong.roles] == ["President"]


def test_role_sources_span_title_and_name(
    resolution: Resolution, seeds: dict[str, tuple[str, str | None]]
) -> None:
    for person in (e for e in resolution.entities if e.roles):
        for role in person.roles:
            for source in role.sources:
                span = seeds[source.document_id][0][source.start : source.end]
                assert any(span.endswith(a) or span.startswith(a) for a in person.aliases), span


def test_every_offset_slices_back(
    analyses: list[Analysis], resolution: Resolution, seeds: dict[str, tuple[str, str | None]]
) -> None:
    for analysis in analyses:
        assert analysis.text == seeds[analysis.document_id][0]
        for m in analysis.mentions:
            assert analysis.text[m.start : m.end] == m.text
        for s in analysis.sentences:
            assert analysis.text[s.start : s.end] == s.text
    # every mention is resolved (the name in it, at least) or dropped with a reason
    kept = {(m.document_id, m.start, m.end) for m in resolution.mentions}
    dropped = {(m.document_id, m.start, m.end) for m, reason in resolution.dropped if reason}
    for analysis in analyses:
        for m in analysis.mentions:
            inside = any(d == m.document_id and m.start <= s and e <= m.end for d, s, e in kept)
            assert inside or (m.document_id, m.start, m.end) in dropped, m
    assert len(resolution.dropped) <= len(resolution.mentions) // 20
    for m in resolution.mentions:
        assert seeds[m.document_id][0][m.start : m.end] == m.text
        assert m.entity_id in {e.id for e in resolution.entities}
