"""A compact, text-free encoding of an :class:`Analysis`, so the model runs once per text.

Every string that is a slice of the document (sentences, mentions, tokens) is stored as
offsets only and sliced again on decoding; the rest is JSON arrays, zlib-compressed.
"""

from __future__ import annotations

import json
import zlib

from dateline.analyse.convert import Analysis, Token
from dateline.model import Mention, Sentence

FORMAT = 1


def encode(analysis: Analysis) -> bytes:
    data = {
        "format": FORMAT,
        "sentences": [[s.index, s.start, s.end] for s in analysis.sentences],
        "mentions": [[m.sentence, m.start, m.end, m.kind] for m in analysis.mentions],
        "tokens": [
            [t.start, t.end, t.lemma, t.pos, t.tag, t.dep, t.head, t.sentence, t.ent_iob]
            for t in analysis.tokens
        ],
    }
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 6)


def decode(document_id: str, text: str, blob: bytes) -> Analysis:
    """Rebuild the analysis of ``text``; raises ``ValueError`` on a foreign blob."""
    data = json.loads(zlib.decompress(blob))
    if data.get("format") != FORMAT:
        raise ValueError(f"analysis of {document_id}: unknown format {data.get('format')!r}")
    sentences = tuple(
        Sentence(document_id, i, start, end, text[start:end]) for i, start, end in data["sentences"]
    )
    mentions = tuple(
        Mention(document_id, sentence, start, end, text[start:end], kind)
        for sentence, start, end, kind in data["mentions"]
    )
    tokens = tuple(
        Token(start, end, text[start:end], lemma, pos, tag, dep, head, sentence, iob)
        for start, end, lemma, pos, tag, dep, head, sentence, iob in data["tokens"]
    )
    return Analysis(document_id, text, sentences, mentions, tokens)
