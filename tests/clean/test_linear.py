"""Cleaning time grows linearly with the input: no pattern backtracks quadratically.

No wall-clock threshold: each input is cleaned at size n and 8n and the ratio of the best
CPU times (this thread's, so a busy machine does not skew it) is compared. Linear work
gives about 8 (cache effects push it a little higher); a quadratic pattern gives about 64
and fails.
The cases are the pathological shapes of every cleaner pattern (long space runs between
a pattern's parts, repeated separators), placed as the last line (where the sign-off
search runs) and inside the text.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from dateline.clean import clean

SP = " "
# name -> line of about n characters
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "month, spaces, comma": lambda n: "May" + SP * n + ",",
    "spaces before a dash": lambda n: "the end" + SP * n + "-" + SP * n + "x",
    "dash and agency runs": lambda n: "end " + "— AFP " * (n // 6) + "x",
    "spaces before a slash-dot": lambda n: "the end." + SP * n + "/" + SP * n + ".x",
    "slash-dots": lambda n: "x" + "/." * (n // 2) + "x",
    "share word, spaces": lambda n: "share" + SP * n + "x",
    "share separators": lambda n: "share" + " |" * (n // 2) + "x",
    "caption position marker": lambda n: "(first" + SP * n + "x",
    "byline name, spaces": lambda n: "By Jane" + SP * n + "x",
    "glued byline spaces": lambda n: "By Jane Roe" + SP * n + "CNN" + SP * n,
    "two words far apart": lambda n: "a" + SP * n + "b",
    "related, spaces": lambda n: "related" + SP * n + ":" + SP * n,
    "quotes delayed": lambda n: "AB" + SP * n + "and" + SP * n + "CD" + SP * n,
    "market data": lambda n: "market" + SP * n + "data" + SP * n,
    "photo credit": lambda n: "Photo:" + SP * n + "x" * 5 + "/",
    "stops": lambda n: "x" + ". " * (n // 2),
    "tokenised commas": lambda n: "a , " * (n // 4),
    "capitalised words": lambda n: "Aa " * (n // 3),
    "digits and spaces": lambda n: "1 " * (n // 2),
    "file-name dots": lambda n: "a." * (n // 2) + "jp",
    "underscores": lambda n: "A_" * (n // 2) + "x",
    "angle brackets": lambda n: "<a " * (n // 3),
    "by and agencies": lambda n: "By " + "A, " * (n // 3),
    "open parentheses": lambda n: "(" * n,
    "hashes": lambda n: "ab" * (n // 2),
    # the page-leftover rules
    "credit opening, spaces": lambda n: "Photo" + SP * n + "x",
    "credit opening, by": lambda n: "Photo by" + SP * n + "x",
    "copyright sign, spaces": lambda n: "A b. ©" + SP * n + "x" + SP * n,
    "caption credit parenthesis": lambda n: "A b (AP" + SP * n + "Photo" + SP * n,
    "photo description": lambda n: "In this" + SP * n + "photo" + SP * n + "x",
    "agency caption": lambda n: "Workers march," + SP * n + "on Monday," + SP * n + "x",
    "ui words": lambda n: "see less | " * (n // 11),
    "ui words and spaces": lambda n: "Subscribe" + SP * n + "now",
    "counter": lambda n: "1" + SP * n + "views" + SP * n + "x",
    "byline prefix": lambda n: "Weekly)" + SP * n + "By" + SP * n + "Ana",
    "author note": lambda n: "Ana" + SP * n + "is" + SP * n + "a" + SP * n + "writer x",
    "time stamp": lambda n: "Published" + SP * n + "June 3, 2024" + SP * n + "x",
    "file name, dots": lambda n: "." * n + "jpgx",
    "file name glued": lambda n: "a" * n + ".jpegUS",
    "long token with digits": lambda n: "a1" * (n // 2) + "!",
    "url": lambda n: "https://" + "a/" * (n // 2) + " x",
    "html tag, spaces": lambda n: "x <a" + SP * n + "x",
    "html tag, attributes": lambda n: "x <a " + "b=c " * (n // 4) + "x",
    "html tag, open quote": lambda n: 'x <a href="' + "a" * n,
    "hidden e-mail": lambda n: "x [email" + SP * n + "x",
    "read on": lambda n: "It ended. Keep reading" + SP * n + "x",
    "inputs note": lambda n: "(With inputs from" + SP * n + "x",
    "labelled headline": lambda n: "Aa" + SP * n + ":" + SP * n + "Bb",
    "prompt words": lambda n: "Sign" + SP * n + "up " + "your " * (n // 5),
    "error page": lambda n: "404" + SP * n + "x",
    "sentence breaks": lambda n: "a." + SP * n + "B" + " a. B" * (n // 5),
}
N = 2_500
GROWTH = 8
REPEAT = 5
MAX_RATIO = 24.0  # linear ~8, quadratic ~64


def _best(text: str) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.thread_time()
        clean(text)
        times.append(time.thread_time() - start)
    return min(times)


@pytest.mark.parametrize("where", ["last line", "middle line"])
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_cleaning_time_grows_linearly(name: str, where: str) -> None:
    make = PATHOLOGICAL[name]

    def page(n: int) -> str:
        line = make(n)
        body = "A short first paragraph of the article.\n"
        return body + line if where == "last line" else body + line + "\nIt went on.\n"

    small, large = page(N), page(GROWTH * N)
    clean(small)  # warm the pattern caches
    ratio = _best(large) / max(_best(small), 1e-6)
    assert ratio < MAX_RATIO, f"{name} ({where}): {GROWTH}x input took {ratio:.1f}x the time"
