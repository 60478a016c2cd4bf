"""Hand-written test articles (fiction) and a seeded generator of synthetic ones."""

from __future__ import annotations

import random

LEDE = (
    "The Riverton town council voted on Tuesday evening to build a pedestrian bridge "
    "across the Alder river, ending a dispute that has divided the town for a decade."
)

BODY = [
    "Seven councillors backed the plan and two opposed it. The bridge will link the old "
    "market square with the railway station on the eastern bank, a walk that now takes "
    "more than twenty minutes by way of the road crossing at Millbrook.",
    "Mayor Helen Okafor said the vote showed that the council could still take difficult "
    "decisions. She promised that construction would begin before the end of next spring "
    "and that local firms would be invited to bid for the steelwork.",
    "Opponents argued that the money should go to the flood defences along the northern "
    "meadows instead. Councillor Tomas Reyes warned that the river had burst its banks "
    "three times in the past five winters and that families there still waited for help.",
    "The project is expected to cost about four million pounds, most of it from a regional "
    "transport fund. The council will borrow the remainder over fifteen years, which it "
    "says will add less than one percent to the average household bill.",
    "Shopkeepers around the market square welcomed the decision. The owner of a bakery on "
    "Church Lane said trade had fallen since the bus route was moved, and that a direct "
    "path from the station could bring commuters back to the old centre.",
    "A public exhibition of the final design will open at the library next month. "
    "Residents will be able to comment on the lighting, the handrails and the planting "
    "on both approaches before the planning application is submitted.",
    "Engineers from the county surveyor's office will carry out soil tests on both banks "
    "during the summer. Their report will decide whether the bridge can rest on two piers "
    "or needs a third support in the middle of the channel, which would raise the cost.",
]

ARTICLE = "\n\n".join([LEDE, *BODY])

# The same story as reprinted elsewhere: a new lede and a few words changed.
REPRINT_LEDE = (
    "Councillors in Riverton have approved a footbridge over the Alder after ten years "
    "of argument, the town hall announced."
)
REPRINT = "\n\n".join([REPRINT_LEDE, *BODY]).replace("Mayor Helen Okafor", "Ms Okafor")

# Related-article teasers of the kind scrapers leave under an article.
JUNK = [
    "Harbour festival returns with tall ships and a night market on the quay",
    "The organisers expect forty thousand visitors over the long weekend, with music "
    "stages on both piers and a fireworks display over the water on Sunday night.",
    "County library extends opening hours after a petition from students",
    "Branches in three towns will stay open until nine in the evening from October, "
    "funded by a small grant from the education trust and volunteers from the university.",
    "Local cricket club wins the regional cup for the first time since the war",
]

# A different article on the same topic that quotes two sentences of ARTICLE.
OTHER = "\n\n".join(
    [
        "Residents of the eastern bank have mixed feelings about the new footbridge planned "
        "for Riverton, a week after the council vote that approved it.",
        "Seven councillors backed the plan and two opposed it. Many people on Station Road "
        "say they would rather see the money spent on repairing the pavements and the "
        "playground, which has been closed since the storm in February.",
        "A retired teacher who has lived by the station for forty years said she would "
        "still take the bus. Others were more hopeful: a student said the walk to college "
        "would become shorter and safer, especially in the dark winter months.",
        "The project is expected to cost about four million pounds, most of it from a "
        "regional transport fund. A residents' association is collecting signatures for "
        "a meeting with the county surveyor before the soil tests begin.",
        "The association's chair said nobody was against a bridge as such, but that the "
        "eastern bank had been promised a health centre, a new bus shelter and better "
        "street lighting, and had received none of them so far.",
    ]
)


def make_vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Distinct pronounceable made-up words."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_article(rng: random.Random, vocabulary: list[str], paragraphs: int = 6) -> str:
    """Paragraphs of random sentences: unrelated articles share almost no 5-word runs."""
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = rng.choices(vocabulary, k=rng.randint(8, 16))
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return "\n\n".join(out)
