"""Earlier analysis revisions whose analyses the current code reproduces exactly.

An analysis is cached under the digest of the code that made it
(:data:`dateline.analyse.nlp.REVISION`), so any edit to that code would make every stored
analysis again: hours of model time on a large store. When an edit only changes how the
output is made (faster, the same tags, parses, names and offsets), the new digest is
entered here against the earlier ones, and a build reads the analyses stored under those
as its own (:func:`dateline.analyse.nlp.readable_versions`). What it analyses itself
it stores under its own digest, so earlier code, run on the same store again, never reads
an encoding it does not know: it analyses those documents again.

An entry is made only after the analyses were compared, document for document, on real
corpora and generated ones; the tests compare the conversion with a plain reading of
spaCy's tokens. Any later edit gives a digest that is not listed here, so its analyses
are made again: a missing entry costs time, never a wrong answer.

This module is imported inside :func:`~dateline.analyse.nlp.readable_versions` only, so it
is not part of the digest it names (see :mod:`dateline.stagecode`).
"""

from __future__ import annotations

# this code's digest -> the earlier digests whose analyses it reproduces
SAME_OUTPUT: dict[str, tuple[str, ...]] = {
    # the code digest learning to leave packages out (the same analysis code); a damaged
    # stored analysis refused with its document named (the same encoding); the release
    # that read tokens as arrays, made them named tuples, kept the word rules' answers and
    # stored columns (format 2), its first version, and the one before them
    "5c88569c15b1d21e": (
        "5127c5c0c0ec1637",
        "84c05e6e2578ba78",
        "ebde9a16d59fa26c",
        "ec62959890a9ef66",
    ),
}
