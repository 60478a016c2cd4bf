"""Figures over the shared seed articles (read at run time, never copied here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.extract.figures import FigureMention, figure_history, find_figures, merge_figures
from dateline.model import Figure, Sentence

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]

# Publication dates as the pipeline finds them (003 has none).
DATES = {"000": "2025-02-08", "002": "2025-11-02", "004": "2025-05-09"}
HEADER_RE = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}\s+")
TEASERS_RE = re.compile(r"^See more\s*$", re.MULTILINE)
# A sentence ends at . ! or ? (closing quotes allowed) before a space, or at a line break;
# not after a title abbreviation ("Sen. Lt. Gen. Hoang").
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n+")
ABBREVIATIONS = frozenset(
    ("sen", "lt", "gen", "lieut", "col", "maj", "mr", "mrs", "ms", "dr", "st", "prof", "u.s", "no")
)


def split_sentences(document_id: str, text: str) -> list[Sentence]:
    found: list[Sentence] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        last = re.findall(r"[\w.]+$", text[start : m.start()])
        if m.group()[0] == "." and last and last[0].lower() in ABBREVIATIONS:
            continue
        _add(found, document_id, text, start, m.start() if m.group()[0] == "\n" else m.end())
        start = m.end()
    _add(found, document_id, text, start, len(text))
    return found


def _add(found: list[Sentence], document_id: str, text: str, start: int, end: int) -> None:
    segment = text[start:end]
    if segment.strip():
        first = start + len(segment) - len(segment.lstrip())
        last = start + len(segment.rstrip())
        found.append(Sentence(document_id, len(found), first, last, text[first:last]))


def read_seed(path: Path) -> tuple[str, str]:
    """The article text without its date header, and the teaser junk cut from its end."""
    text = HEADER_RE.sub("", path.read_text(encoding="utf-8"))
    cut = TEASERS_RE.search(text)
    return (text[: cut.start()], text[cut.start() :]) if cut else (text, "")


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, str]]:
    return {path.name[:3]: read_seed(path) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def mentions(seeds: dict[str, tuple[str, str]]) -> dict[str, list[FigureMention]]:
    return {
        doc: find_figures(doc, split_sentences(doc, text), DATES.get(doc))
        for doc, (text, _) in seeds.items()
    }


@pytest.fixture(scope="module")
def figures(mentions: dict[str, list[FigureMention]]) -> list[Figure]:
    return merge_figures([m for found in mentions.values() for m in found])


def one(figures: list[Figure], value: float, unit: str, subject: str = "") -> Figure:
    (figure,) = [f for f in figures if f.value == value and f.unit == unit and subject in f.subject]
    return figure


def test_offsets_slice_back(
    seeds: dict[str, tuple[str, str]], mentions: dict[str, list[FigureMention]]
) -> None:
    for doc, found in mentions.items():
        text = seeds[doc][0]
        for m in found:
            assert text[m.start : m.end] == m.text
            assert m.start >= m.sentence_start and m.end <= m.sentence_end


def test_every_figure_is_expected(figures: list[Figure]) -> None:
    assert sorted((f.value, f.unit) for f in figures) == sorted(
        [
            (130e6, "USD"),
            (430e6, "USD"),
            (160, "joint operations"),
            (994, "boxes of remains"),
            (740, "boxes of remains"),
            (45, "dossiers"),
            (44, "dossiers"),
            (4, "joint and unilateral excavation missions"),
            (8, "sets of remains"),
            (43, "sets of personal wartime effects"),
        ]
    )


def test_additional_funding_reported_twice_is_one_figure(figures: list[Figure]) -> None:
    figure = one(figures, 130e6, "USD")
    assert {s.document_id for s in figure.sources} == {"002", "004"}
    assert figure.as_of == "2025-05-09"
    assert "dioxin remediation project" in figure.subject
    assert figure.subject.endswith("(additional)")


def test_total_aid_keeps_its_previous_value(figures: list[Figure]) -> None:
    figure = one(figures, 430e6, "USD")
    assert figure.previous == 300e6
    assert figure.subject.startswith("total US non-refundable")
    assert "dioxin remediation project" in figure.subject
    assert {s.document_id for s in figure.sources} == {"002", "004"}
    history = figure_history(figures)[figure.subject]
    assert [(d, v) for d, v, _ in history] == [(None, 300e6), ("2025-05-09", 430e6)]


def test_remains_handed_over_and_identified(figures: list[Figure]) -> None:
    handed = one(figures, 994, "boxes of remains", "handed over")
    identified = one(figures, 740, "boxes of remains", "identified")
    assert handed.sources == identified.sources
    assert one(figures, 160, "joint operations").as_of == "2025-11-02"


def test_dossiers_received_and_verified(figures: list[Figure]) -> None:
    assert one(figures, 45, "dossiers").subject == "dossiers received"
    assert one(figures, 44, "dossiers").subject == "dossiers verified"


def test_repatriations_and_returned_effects(figures: list[Figure]) -> None:
    assert one(figures, 8, "sets of remains").subject == "sets of remains repatriated"
    effects = one(figures, 43, "sets of personal wartime effects")
    assert effects.subject.endswith("returned")
    assert one(figures, 4, "joint and unilateral excavation missions").as_of == "2025-05-09"


def test_no_figures_from_teasers_or_figure_free_stories(
    seeds: dict[str, tuple[str, str]], mentions: dict[str, list[FigureMention]]
) -> None:
    junk = seeds["001"][1]
    assert junk, "001 should end in a teaser list"
    assert find_figures("001", split_sentences("001", junk), None) == []
    assert mentions["000"] == mentions["001"] == mentions["003"] == []
