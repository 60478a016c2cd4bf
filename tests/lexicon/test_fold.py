"""Diacritic folding keeps every offset: one character in, one character out."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dateline.lexicon.names import fold

VIETNAMESE_LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
VIETNAMESE = VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper()


def test_vietnamese_names_fold_to_ascii() -> None:
    assert fold("Trần Thị Hương Đà Nẵng") == "Tran Thi Huong Da Nang"
    assert fold("ĐỒNG THÁP — Nguyễn Ưng") == "DONG THAP — Nguyen Ung"


def test_every_vietnamese_letter_folds_to_one_ascii_letter() -> None:
    folded = fold(VIETNAMESE)
    assert len(folded) == len(VIETNAMESE)
    assert folded.isascii() and folded.isalpha()


def test_characters_without_a_one_character_fold_stay() -> None:
    # ß folds to nothing shorter than two letters; CJK and symbols have no fold at all.
    for text in ("ß", "河内", "€", "—", "’"):
        assert fold(text) == text


def test_decomposed_input_keeps_its_length() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert len(fold(decomposed)) == len(decomposed)


@given(st.text())
def test_same_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_unchanged(text: str) -> None:
    assert fold(text) == text


@given(st.text(), st.text())
def test_character_by_character(a: str, b: str) -> None:
    assert fold(a + b) == fold(a) + fold(b)


@given(st.text())
def test_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=VIETNAMESE + " .,-"))
def test_vietnamese_text_becomes_ascii(text: str) -> None:
    assert fold(text).isascii()
