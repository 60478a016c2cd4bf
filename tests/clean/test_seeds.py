"""The cleaner on the real seed articles; expectations come from each file's structure."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from dateline.clean import OffsetMap, clean
from dateline.clean import rules as r
from dateline.model import CleanResult, Edit

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]
# What the text reader removes first: a " date YYYY-MM-DD " header at the very start.
DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*")


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def reader_edits(raw: str) -> list[Edit]:
    header = DATE_HEADER.match(raw)
    return [Edit(0, header.end(), "date header")] if header else []


def cleaned(prefix: str) -> tuple[str, CleanResult]:
    raw = seed(prefix)
    return raw, clean(raw, reader_edits(raw))


def test_001_teasers_after_the_see_more_line_are_gone() -> None:
    raw, res = cleaned("001")
    lines = raw.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.strip().lower() == "see more")
    teasers = [line.strip() for line in lines[heading + 1 :] if line.strip()]
    assert teasers
    for teaser in teasers:
        assert teaser not in res.text
    # the article's last paragraph (before the sign-off and the heading) is still there
    body = [p for p in paragraphs("\n".join(lines[:heading])) if len(p.split()) > 5]
    last = body[-1].removesuffix("/.")
    assert last in res.text
    assert res.text.rstrip().endswith(last)


def test_001_repeated_caption_removed() -> None:
    raw, res = cleaned("001")
    lines = raw.split("\n")
    repeated = [a for a, b in pairwise(lines) if a.strip() and a == b]
    assert repeated
    for line in repeated:
        assert line not in res.text
    reasons = [e.reason for e in res.edits]
    assert r.CAPTION in reasons
    assert r.REPEATED_CAPTION in reasons


def test_003_no_layout_token_line_remains() -> None:
    raw, res = cleaned("003")
    tokens = [s for s in (line.strip() for line in raw.split("\n")) if re.fullmatch("[a-z]+", s)]
    assert tokens
    clean_lines = {line.strip() for line in res.text.split("\n")}
    assert not clean_lines & set(tokens)
    assert not any(re.fullmatch("[a-z]+", line) for line in clean_lines)


def test_sign_offs_removed_and_datelines_kept() -> None:
    for prefix in ("001", "002", "003", "004"):
        raw, res = cleaned(prefix)
        last = res.text.rstrip().split("\n")[-1]
        assert last.rstrip().endswith(".")
        assert not last.endswith("/.")
        # a dateline opening a paragraph ("City (AGENCY) –") is left for the dating stage
        for para in paragraphs(raw):
            if re.match(r"[A-Z][\w ]+ \([A-Z]+\) [–-]", para):
                assert para.removesuffix("/.") in res.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_cleaning_is_sound(prefix: str) -> None:
    raw, res = cleaned(prefix)
    given = reader_edits(raw)
    for g in given:
        assert g in res.edits
        assert all(e == g or e.start >= g.end for e in res.edits)
    offsets = OffsetMap(res.edits)
    assert all(raw[offsets.to_raw(i)] == c for i, c in enumerate(res.text))
    assert "\n\n\n" not in res.text
    assert clean(res.text).edits == ()
    # every paragraph that ends a sentence and carries no photo credit survives
    for para in paragraphs(raw[given[0].end :] if given else raw):
        if para.endswith(".") and "(Photo" not in para and "See more" not in raw[: raw.find(para)]:
            assert para.removesuffix("/.") in res.text
