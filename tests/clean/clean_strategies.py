"""Hypothesis strategies: made-up articles mixing sentences with scraper junk."""

from __future__ import annotations

from hypothesis import strategies as st

# Plain words: no junk keyword (photo, click, related, agency codes...) can be formed.
WORDS = (
    "council", "river", "bridge", "the", "new", "plan", "voted", "on", "Monday", "residents",
    "said", "would", "build", "a", "harbour", "ferry", "and", "in", "spring", "city", "mayor",
    "Eastport", "officials", "tolls", "budget", "of", "to", "quay",
)  # fmt: skip


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _headline(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:]


sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(_sentence)
headlines = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(_headline)

# Junk a scraper leaves between paragraphs (never a teaser heading: that ends a text).
junk_lines = st.one_of(
    headlines.map(lambda h: f"{h} (Photo: VNA)"),
    headlines.map(lambda h: f"{h}. Photo: AFP"),
    headlines.map(lambda h: f"{h} (left) and friends"),
    st.sampled_from(
        ["imgcaption", "leftcenterright", "All times are ET .", "Share this article",
         "By Jane Roe, CNN", "Click here to subscribe", "", " ", "\t"]
    ),
)  # fmt: skip

# Line-level fragments and endings that stress the rules' edges.
_FRAGMENTS = (
    "See more", "Read more:", "Related", "VNA", "— VNS", "/.", "x/.", "(Photo: VNA)",
    "leftimg", "", " ", "\t", "\r", "Foo bar", "Foo bar.", "Source: VNA", "A (left) b",
    "VNA — AFP", "(VNA) — AFP", "Hanoi (VNA) –", "Copyright 2020 X", ". /.", "a — AP/.",
)  # fmt: skip
_ENDINGS = ("", "", "/.", " — VNS", " (Photo: VNA)", "./.", " - AFP", ":")
soup_lines = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.tuples(st.one_of(headlines, sentences), st.sampled_from(_ENDINGS)).map("".join),
)
soups = st.lists(soup_lines, max_size=25).map("\n".join)


@st.composite
def articles(draw: st.DrawFn, teasers: bool = True) -> tuple[str, list[str]]:
    """An article text and the sentence lines that must survive cleaning."""
    kept: list[str] = []
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            line = draw(sentences)
            kept.append(line)
        else:
            line = draw(junk_lines)
        parts.append(line + draw(st.sampled_from(["\n", "\n\n", "\n\n\n"])))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["VNA\n", "— VNS\n\n", "Source: VNA", "(Reuters)"])))
    if teasers and draw(st.booleans()):
        parts.append(draw(st.sampled_from(["See more", "Related stories:", "Read more"])))
        for _ in range(draw(st.integers(0, 4))):
            parts.append("\n\n" + draw(headlines) + "\n\n" + draw(sentences))
    return "".join(parts), kept
