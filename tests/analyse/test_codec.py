"""The stored encoding of an analysis: what goes in comes back, in either format."""

from __future__ import annotations

import json
import zlib

import pytest

from dateline.analyse.codec import FORMAT, decode, encode
from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer

# Written for this test: diacritics, a chunked long text, blank lines, a caption.
TEXTS = {
    "short": "Lt. Gen. Đỗ Văn Khải visited Cần Thơ on Nov. 3. (Photo: staff)",
    "blank": "   \n\n",
    "long": "\n\n".join(
        f"Delegation {i} met officials in Hải Phòng and pledged US${i}0 million more."
        for i in range(60)
    ),
}


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return list(Analyzer(chunk_chars=1_000).analyse(TEXTS.items()))


def format_one(analysis: Analysis) -> bytes:
    """The earlier encoding, one array per token, as stores made before format 2 hold it."""
    data = {
        "format": 1,
        "sentences": [[s.index, s.start, s.end] for s in analysis.sentences],
        "mentions": [[m.sentence, m.start, m.end, m.kind] for m in analysis.mentions],
        "tokens": [
            [t.start, t.end, t.lemma, t.pos, t.tag, t.dep, t.head, t.sentence, t.ent_iob]
            for t in analysis.tokens
        ],
    }
    return zlib.compress(json.dumps(data).encode())


def test_an_analysis_comes_back_whole_from_either_format(analyses: list[Analysis]) -> None:
    assert len(TEXTS["long"]) > 3 * 1_000  # several chunks, numbered on
    for a in analyses:
        assert decode(a.document_id, a.text, encode(a)) == a
        assert decode(a.document_id, a.text, format_one(a)) == a


def test_the_columns_are_smaller_than_the_rows(analyses: list[Analysis]) -> None:
    long = next(a for a in analyses if a.document_id == "long")
    assert json.loads(zlib.decompress(encode(long)))["format"] == FORMAT == 2
    assert len(encode(long)) < 0.8 * len(format_one(long))


def test_a_foreign_blob_is_refused_with_its_document() -> None:
    blob = zlib.compress(json.dumps({"format": 9}).encode())
    with pytest.raises(ValueError, match="analysis of d7: unknown format 9"):
        decode("d7", "text", blob)


@pytest.mark.parametrize(
    "blob",
    [
        b"not zlib at all",
        zlib.compress(b"\xff\xfe binary"),
        zlib.compress(b"[1, 2]"),
        # format 2 whose token columns disagree in length
        zlib.compress(
            json.dumps(
                {"format": 2, "sentences": [], "mentions": [], "tokens": [[0], [4], *[[]] * 7]}
            ).encode()
        ),
        zlib.compress(json.dumps({"format": 2, "sentences": [[0, 0]], "mentions": []}).encode()),
    ],
)
def test_a_damaged_blob_is_refused_with_its_document(blob: bytes) -> None:
    with pytest.raises(ValueError, match="analysis of d7: "):
        decode("d7", "some text", blob)
