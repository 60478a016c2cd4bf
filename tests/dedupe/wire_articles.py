"""A wire story (fiction, written for these tests) and the ways outlets re-edit it.

``WIRE`` is the agency's text in British house style; the helpers below make the
kinds of differences real reprints show: American spelling, "%" for "per cent",
"US" for "U.S.", a dateline, weekday for date, an honorific dropped, page chrome
around the text, paragraphs reordered or cut, another window of the same page.
"""

from __future__ import annotations

PARAGRAPHS = [
    "Dock workers at the port of Carrow walked off the job on Tuesday after talks over a "
    "new contract collapsed, halting the loading of grain ships bound for the U.S. and "
    "leaving a queue of lorries stretching back along the coast road.",
    "The union representing some 4,200 crane operators and stevedores said the operator "
    "had offered a rise of 9 per cent over three years, well short of the 25 per cent "
    "its members had sought after two years of rising rents in the harbour district.",
    "Mr. Brannock, the union's regional secretary, told a rally outside the main gate "
    "that members were prepared to stay out for as long as it took. He accused the port "
    "company of spending more on its new defence contract than on the people who run it.",
    "The port company said it regretted the stoppage and that its offer was the most "
    "generous in the sector. It warned that every day of the strike would cost shippers "
    "about 3 million euros and could push some grain cargoes to rival terminals further south.",
    "Carrow handles roughly a fifth of the country's grain exports, and farm groups said "
    "the timing could hardly be worse, with the harvest at its peak and silos already "
    "close to capacity across the inland storage depots.",
    "The labour ministry said a mediator would meet both sides on Thursday. A previous "
    "walkout at the port six years ago lasted eleven days and ended with a deal brokered "
    "by the same office, which organised the talks in a hotel near the terminal.",
    "Analysts at a regional bank estimated that a stoppage of two weeks would shave a "
    "tenth of a percentage point off quarterly growth, mostly through delayed exports "
    "and the cost of rerouting cargo by rail to the northern ports.",
    "Shipping agents reported that at least fourteen vessels were waiting at anchor "
    "outside the breakwater by nightfall, and several lines said they would divert "
    "their next calls if no settlement was in sight by the weekend.",
]

WIRE = "\n\n".join(PARAGRAPHS)


def american(text: str) -> str:
    """The same text in an American outlet's house style."""
    for british, us in [
        ("per cent", "%"),
        (" %", "%"),
        ("U.S.", "US"),
        ("defence", "defense"),
        ("labour", "labor"),
        ("harbour", "harbor"),
        ("organised", "organized"),
        ("Mr. Brannock", "Brannock"),
        ("on Tuesday", "on March 4"),
        ("on Thursday", "on March 6"),
    ]:
        text = text.replace(british, us)
    return text


def page(top: list[str], body: list[str], bottom: list[str]) -> str:
    """A scraped page: the outlet's chrome around some of the article's paragraphs."""
    return "\n\n".join([*top, *body, *bottom])


CHROME_A = [
    "ADVERTISEMENT",
    "Port strike halts grain exports as talks collapse",
    "Published - March 4, 2025 09:12 am",
    "By Staff Reporter",
    "Cranes stand idle at the container quay of the port. | Photo Credit: Agency",
]
CHROME_B = [
    "Home | Business | Markets | Shipping",
    "Strike at Carrow: what it means for grain",
    "Wire Service",
    "Share this article",
]
TEASERS = [
    "Ferry operator adds winter sailings to the islands",
    "Grain prices climb on fears of a long stoppage at the docks",
    "Read more: Rail freight firm orders forty new locomotives",
]

# A statement both sides of a story may quote word for word.
STATEMENT = (
    '"We have put a fair and final offer on the table, and we urge the union to put it '
    "to a vote of its members rather than hold the country's harvest hostage to a "
    'dispute that could be settled in a single afternoon," the port company said.'
)

# An independent report of the same strike, by another newsroom, quoting STATEMENT.
REPORT_ONE = "\n\n".join(
    [
        "Grain farmers in the eastern plains are counting the cost of a strike at Carrow, "
        "where dockers stopped work this week in a dispute over pay that has left "
        "thousands of tonnes of wheat stranded in rail wagons near the terminal.",
        STATEMENT,
        "Farmers' leaders said they had no quarrel with the dockers but could not afford a "
        "long stoppage. One grower with land near the river said his silo was full and that "
        "the rest of his crop was sitting under tarpaulins in the yard, at risk of rain.",
        "Merchants have begun to ask whether cargoes could be sent by road to the smaller "
        "harbours along the estuary, though agents doubted those quays could take the large "
        "bulk carriers that usually load at Carrow during the autumn months.",
    ]
)
REPORT_TWO = "\n\n".join(
    [
        "The government came under pressure in parliament over the dock strike, with "
        "opposition members demanding that ministers step in before exporters lose "
        "contracts to competitors across the sea.",
        STATEMENT,
        "The transport minister replied that the state would not take sides in a wage "
        "dispute between a private operator and its staff, but said officials were in "
        "daily contact with both parties and with the shipping lines waiting offshore.",
        "A backbencher from a coastal constituency said the dispute had exposed how much "
        "the economy relied on a single terminal, and called for money to deepen the "
        "channel at two smaller ports so that cargo could be spread more evenly.",
    ]
)
