"""The conversion reads spaCy's output as arrays: it must equal a plain token-by-token
reading of the same ``Doc``, which is what the stored analyses were made from."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from dateline.analyse.convert import Analysis, Token, _mention, convert
from dateline.analyse.fold import fold
from dateline.analyse.nlp import Analyzer
from dateline.analyse.rules import KINDS, TITLE_ABBREVIATIONS, Span, fix_spans
from dateline.model import Sentence

# Written for this test: the cuts the conversion undoes (after "Lt." and "Nov.", inside a
# line after a word), sentences of whitespace only, quotes and brackets at sentence ends,
# diacritics, a spaced "Gen .", a dateline and a caption.
TEXTS = [
    "",
    "   \n\n  ",
    "HUẾ — Lt. Gen. Võ Minh Lương met Col. Trần Thị Hạnh on Nov. 3 at the citadel.",
    "The pact was signed by Sen. Maj. Gen. Ortiz and Adm. Ilse Varga.\n\n\n"
    "Talks resume in Jan. 2026, the ministry said.",
    'Delegates from Hà\nNội and Đà Nẵng arrived. They met the 12th annual panel "on time." '
    "(Officials confirmed it.) [Photo: staff]",
    "Gen . Ruiz spoke first.  \n   \nThen the floor opened; questions followed…\n"
    "Reporters asked about the budget of $40 million",
    "Prime Minister Lê Văn Thành opened the Cầu Giấy bridge.\nMrs. Nguyễn thanked him.\n"
    "Dr. Ana Kowalski — the chief engineer — was not there.",
]

FRAGMENTS = [
    "Lt. Gen. Hà Văn Tú",
    "said on Nov. 4",
    "the talks ended.",
    "\n\n",
    "\n",
    "   ",
    "(Photo: Lê Bình)",
    "Col. Đặng met Sen. Ruiz",
    "in Hải Phòng",
    "US$130 million",
    "“We agree,” she said.",
    "Minister of Defence Gen. Phan Quốc Khánh",
    "See more:",
    "Gen .",
    "a 3rd round",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return Analyzer().nlp


def plain_reading(
    doc: Doc,
    document_id: str,
    text: str,
    offset: int = 0,
    first_sentence: int = 0,
    first_token: int = 0,
) -> Analysis:
    """The conversion as a reading of every ``Token``'s attributes, one at a time."""
    groups: list[list[SpacyToken]] = []
    for sent in doc.sents:
        tokens = list(sent)
        if groups and _joins(doc.text, groups[-1], tokens):
            groups[-1].extend(tokens)
        else:
            groups.append(tokens)
    sentences: list[Sentence] = []
    sentence_of = [first_sentence] * len(doc)
    for group in groups:
        words = [t for t in group if not t.is_space]
        index = first_sentence + len(sentences) - (0 if words else 1)
        for t in group:
            sentence_of[t.i] = max(index, first_sentence)
        if words:
            start, end = offset + words[0].idx, offset + words[-1].idx + len(words[-1])
            sentences.append(Sentence(document_id, index, start, end, text[start:end]))
    read = [
        Token(
            offset + t.idx,
            offset + t.idx + len(t),
            text[offset + t.idx : offset + t.idx + len(t)],
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            first_token + t.head.i,
            sentence_of[t.i],
        )
        for t in doc
    ]
    model = [Span(e.start, e.end, e.label_) for e in doc.ents if e.label_ in KINDS]
    spans = fix_spans(read, model, text, [fold(t.text) for t in read])
    for span in spans:
        for i in range(span.start, span.end):
            read[i] = read[i]._replace(ent_iob="B" if i == span.start else "I")
    mentions = tuple(_mention(document_id, text, read, s) for s in spans)
    return Analysis(document_id, text, tuple(sentences), mentions, tuple(read))


def _joins(text: str, before: Sequence[SpacyToken], sent: Sequence[SpacyToken]) -> bool:
    words = [t for t in before if not t.is_space]
    following = next((t for t in sent if not t.is_space), None)
    if not words or following is None:
        return False
    last = words[-1]
    if "\n" in text[last.idx + len(last) : following.idx]:
        return False
    if len(words) >= 2 and (last.text == "." or last.text.endswith(".")):
        if last.text != ".":
            word = last.text[:-1]
        elif not words[-2].whitespace_:
            word = words[-2].text
        else:
            word = ""
        opener = following.is_title or following.is_upper or following.like_num
        if word.lower() in TITLE_ABBREVIATIONS and opener:
            return True
    return not (last.is_punct or last.is_quote or last.is_bracket)


def _both(nlp: Language, text: str, offset: int = 0) -> tuple[Analysis, Analysis]:
    doc = nlp(fold(text[offset:]))
    args = ("d1", text, offset, 4 if offset else 0, 50 if offset else 0)
    return convert(doc, *args), plain_reading(doc, *args)


@pytest.mark.parametrize("text", TEXTS)
def test_the_conversion_equals_a_plain_reading(nlp: Language, text: str) -> None:
    fast, plain = _both(nlp, text)
    assert fast == plain
    assert all(type(t) is Token for t in fast.tokens)


def test_a_chunk_keeps_the_documents_offsets_and_numbers(nlp: Language) -> None:
    text = "Lead paragraph here.\n\n" + TEXTS[2]
    offset = text.index("HUẾ")
    fast, plain = _both(nlp, text, offset)
    assert fast == plain
    assert fast.sentences[0].index == 4 and fast.tokens[0].start == offset
    assert {m.text for m in fast.mentions} >= {"Võ Minh Lương"}  # sliced from the original


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12), st.sampled_from(" \n"))
def test_any_mix_of_cuts_and_names_converts_as_read(
    nlp: Language, fragments: list[str], glue: str
) -> None:
    fast, plain = _both(nlp, glue.join(fragments))
    assert fast == plain


# Hand-made cuts, where the parser (which the pipeline's own components steer) seldom
# puts them: (words, spaces after each, the sentence starts, how many sentences result).
CUTS = [
    (["Sent", "by", "Lieut", ".", "Kane", "today", "."], [1, 1, 0, 1, 1, 0, 0], [4], 1),
    (["Sent", "by", "Lieut", ".", "Kane", "today", "."], [1, 1, 1, 1, 1, 0, 0], [4], 2),
    (["Held", "on", "Nov", ".", "14", "here", "."], [1, 1, 0, 1, 1, 0, 0], [4], 1),
    (["Held", "on", "Nov", ".", "many", "times", "."], [1, 1, 0, 1, 1, 0, 0], [4], 2),
    (["Met", "Gen", ".", "KANE", "there", "."], [1, 0, 1, 1, 0, 0], [3], 1),
    (["It", "ended", "\n", "Gen.", "Kane", "left", "."], [1, 0, 0, 1, 1, 0, 0], [3], 2),
    (["Talks", "in", "Ha", "Noi", "ended", "."], [1, 1, 1, 1, 0, 0], [3], 1),
    (["Talks", "ended", ";", "Noi", "left", "."], [1, 0, 1, 1, 0, 0], [3], 2),
    (["One", ".", " ", "Two", "."], [1, 0, 0, 0, 0], [2, 3], 2),
]


@pytest.mark.parametrize(("words", "spaces", "starts", "sentences"), CUTS)
def test_cuts_after_abbreviations_and_words_are_undone_as_read(
    nlp: Language, words: list[str], spaces: list[int], starts: list[int], sentences: int
) -> None:
    cut = [i == 0 or i in starts for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(s) for s in spaces], sent_starts=cut)
    fast, plain = convert(doc, "d1", doc.text), plain_reading(doc, "d1", doc.text)
    assert fast == plain
    assert len(fast.sentences) == sentences
