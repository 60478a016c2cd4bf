"""News-like generated articles for the throughput and engine benchmarks.

Each article (about 3,000-5,000 characters) follows one story between made-up governments,
ministries and companies: who met whom, where and when, what money was pledged or spent,
what was promised and what was delivered, in varied sentences, so the language model meets
the names, dates, figures and clause structure of real reporting. About one article in ten
is a reprint of an earlier one (a new lede, or an agency sign-off), as in a real feed.
Seeded: the same arguments give the same corpus.

    python bench/articles.py --n 1000 --out /tmp/articles   # writes one .txt file each
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = [
    "Anna", "Tomas", "Mirela", "Kenji", "Lucia", "Dmitri", "Amara", "Jonas", "Elena", "Rafael",
    "Ingrid", "Samir", "Nadia", "Pavel", "Helena", "Marcus", "Yara", "Oskar", "Leila", "Viktor",
    "Carmen", "Hiro", "Sofia", "Andres", "Maren", "Tariq", "Greta", "Lorenzo", "Ayla", "Bruno",
]  # fmt: skip
LAST = [
    "Novak", "Haldane", "Okafor", "Lindqvist", "Moreau", "Castell", "Varga", "Petrov", "Achebe",
    "Sorensen", "Takeda", "Brennan", "Mendez", "Kovacs", "Dumont", "Albrecht", "Farouk", "Rossi",
    "Whitlock", "Ivanova", "Delacroix", "Mbeki", "Sato", "Quintero", "Hargreaves", "Nakamura",
]  # fmt: skip
ROLES = [
    "Minister of Trade", "Foreign Minister", "Minister of Finance", "Defence Minister",
    "Deputy Prime Minister", "Minister of Health", "Minister of Transport", "Ambassador",
    "chief executive", "central bank governor", "Energy Minister", "Deputy Foreign Minister",
]  # fmt: skip
COUNTRIES = [
    ("Norland", "Norlandic"), ("Estavia", "Estavian"), ("Kerova", "Kerovan"),
    ("Valdoria", "Valdorian"), ("Marenth", "Marenthian"), ("Ostrava Republic", "Ostravan"),
]  # fmt: skip
CITIES = [
    "Port Alden", "Velmora", "Castrin", "Halvik", "Oruna", "Belgrath", "Sarnet", "Teodor",
    "Lisk", "Amberfield", "Kessary", "Rivanne", "Doleth", "Marisol",
]  # fmt: skip
ORGS = [
    "the World Bank", "the Asian Development Bank", "the International Monetary Fund",
    "the United Nations Development Programme", "the Red Cross", "the European Commission",
    "Halvik Shipping", "Norvolt Energy", "Castrin Steel", "Meridian Rail", "Velmora Telecom",
    "Oruna Water Authority", "the Kerovan Chamber of Commerce", "Amberfield Pharmaceuticals",
]  # fmt: skip
PROJECTS = [
    ("a new container terminal", "port"), ("a high-speed rail link", "railway"),
    ("a solar power plant", "plant"), ("a regional hospital", "hospital"),
    ("a water treatment plant", "plant"), ("a coastal highway", "highway"),
    ("a vaccine factory", "factory"), ("a wind farm", "wind farm"),
    ("a demining programme", "programme"), ("a flood defence scheme", "scheme"),
]  # fmt: skip
TOPICS = [
    "trade", "energy security", "maritime cooperation", "public health", "climate finance",
    "infrastructure", "defence ties", "education exchanges", "food security", "digital trade",
]  # fmt: skip
UNITS = ["million", "billion"]
CURRENCIES = ["$", "€", "£"]
MEETINGS = ["held talks with", "met", "received", "hosted", "sat down with", "spoke by phone with"]
PROMISE_VERBS = ["pledged to", "promised to", "vowed to", "committed to", "undertook to"]
PROMISES = [
    "open the {project} by {month} {year}", "double bilateral trade within five years",
    "complete the {project} before the end of {year}", "cut tariffs on farm goods by half",
    "train {count} engineers over the next three years", "publish the audit by {month}",
    "release a further {money} for the {project}", "sign a free trade agreement next year",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
OUTLETS = ["Northern Wire", "Estavia Today", "The Kerovan Post", "Valdoria Daily", "Reporter"]


@dataclass
class Cast:
    """The people, places and numbers one story is about."""

    hosts: tuple[str, str]
    guests: tuple[str, str]
    minister: str
    role: str
    guest: str
    guest_role: str
    official: str
    city: str
    org: str
    company: str
    project: str
    project_short: str
    topic: str
    day: date


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _money(rng: random.Random) -> str:
    amount = rng.choice([1.2, 2.5, 3.8, 12, 45, 120, 250, 480, 750, 900])
    unit = "billion" if amount < 10 else "million"
    return f"{rng.choice(CURRENCIES)}{amount:g} {unit}"


def _day(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _short(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _cast(rng: random.Random, day: date) -> Cast:
    hosts, guests = rng.sample(COUNTRIES, 2)
    project, short = rng.choice(PROJECTS)
    return Cast(
        hosts=hosts,
        guests=guests,
        minister=_name(rng),
        role=rng.choice(ROLES),
        guest=_name(rng),
        guest_role=rng.choice(ROLES),
        official=_name(rng),
        city=rng.choice(CITIES),
        org=rng.choice(ORGS[:6]),
        company=rng.choice(ORGS[6:]),
        project=project,
        project_short=short,
        topic=rng.choice(TOPICS),
        day=day,
    )


def _sentences(rng: random.Random, c: Cast) -> list[str]:
    """A pool of sentences about one story; the article draws from it in a varied order."""
    host, host_adj = c.hosts
    guest, guest_adj = c.guests
    m_last, g_last, o_last = c.minister.split()[-1], c.guest.split()[-1], c.official.split()[-1]
    earlier = c.day - timedelta(days=rng.randint(20, 300))
    later = c.day + timedelta(days=rng.randint(10, 200))
    promise = rng.choice(PROMISES).format(
        project=c.project_short,
        month=rng.choice(MONTHS),
        year=later.year,
        count=rng.choice([200, 500, 1200, 3000]),
        money=_money(rng),
    )
    return [
        f"{host_adj} {c.role} {c.minister} {rng.choice(MEETINGS)} {guest_adj} {c.guest_role} "
        f"{c.guest} in {c.city} on {_short(c.day)}, the first such meeting in {rng.randint(2, 9)} "
        f"years.",
        f"The two sides discussed {c.topic}, the financing of {c.project} and closer ties "
        f"between {host} and {guest}, according to a statement from {host_adj} officials.",
        f'{m_last} said the talks had been "frank and productive" and that {host} regarded '
        f"{guest} as a key partner in the region.",
        f"{g_last} {rng.choice(PROMISE_VERBS)} {promise}, a commitment first made in "
        f"{_short(earlier)}.",
        f"Under the agreement signed on {_day(c.day)}, {c.org} will lend {_money(rng)} towards "
        f"{c.project}, while {c.company} will invest a further {_money(rng)}.",
        f"Bilateral trade reached {_money(rng)} last year, up {rng.randint(3, 40)} percent from "
        f"the year before, figures from the {host_adj} statistics office show.",
        f"Earlier, on {_short(earlier)}, {o_last} had warned that the {c.project_short} was "
        f"{rng.randint(6, 30)} months behind schedule and {_money(rng)} over budget.",
        f'"We will not let this project fail," {m_last} told reporters after the meeting, '
        f"adding that work would resume in {rng.choice(MONTHS)}.",
        f"{c.official}, who heads the {host_adj} delegation on {c.topic}, said the first "
        f"payment of {_money(rng)} had already reached {c.city}.",
        f"Critics in {guest} questioned whether the {c.project_short} would ever pay for "
        f"itself, noting that a similar scheme in {rng.choice(CITIES)} was abandoned in "
        f"{earlier.year}.",
        f"The opposition in {host} called the deal rushed and demanded that the {c.project_short}"
        f" contracts be published before {_day(later)}.",
        f"{c.company} said in a filing on {_short(c.day + timedelta(days=1))} that it expected "
        f"to hire about {rng.choice([300, 800, 1500, 4000])} workers for the {c.project_short}.",
        f"The {host_adj} side also agreed to host a follow-up meeting in {guest} on "
        f"{_day(later)}, where the two ministers are due to review progress.",
        f"{g_last} later visited the construction site outside {c.city} and met local "
        f"officials and representatives of {c.org}.",
        f"According to {c.org}, about {rng.randint(2, 40) * 1000} households will benefit once "
        f"the {c.project_short} is complete.",
        f"Analysts said the meeting signalled a thaw after months of tension over fishing rights"
        f" and a dispute over {_money(rng)} in unpaid customs duties.",
        f"In {earlier.year}, {host} and {guest} signed a memorandum of understanding on "
        f"{rng.choice(TOPICS)}, which {m_last} described as the foundation of today's agreement.",
        f"The ministry said {rng.randint(3, 12)} further agreements, covering {rng.choice(TOPICS)}"
        f" and {rng.choice(TOPICS)}, would be signed before the end of the year.",
        f"{o_last} kept the promise made in {_short(earlier)}: the first section of the "
        f"{c.project_short} opened to the public on {_short(c.day - timedelta(days=3))}.",
        f"Neither side gave details of how the {_money(rng)} loan would be repaid, and "
        f"{c.org} declined to comment on the interest rate.",
        f"Speaking in {c.city} on {_short(c.day)}, {c.guest} thanked {c.minister} for the "
        f"welcome and invited {m_last} to visit {guest} next spring.",
        f"The {guest_adj} embassy said {rng.randint(20, 90)} companies had applied to take part "
        f"in the tender, which closes on {_day(later)}.",
        f"{m_last}, a former economist at {c.org}, has made {c.topic} the centrepiece of "
        f"{rng.choice(['his', 'her'])} term since taking office in {earlier.year}.",
        f"Officials expect the {c.project_short} to cost {_money(rng)} in total and to be "
        f"finished by {rng.choice(MONTHS)} {later.year + 1}.",
        f"Protesters gathered outside the ministry in {c.city} on Tuesday, saying families "
        f"displaced by the {c.project_short} had not been paid the compensation they were "
        f"promised.",
        f"A spokesman for {c.company} said the company had received no payment since "
        f"{_short(earlier)} and would halt work unless {_money(rng)} was released.",
    ]


def article(rng: random.Random, serial: int) -> tuple[str, str, date]:
    """(title, text, publication date) of one generated article."""
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    cast = _cast(rng, day)
    pool = _sentences(rng, cast)
    lede, rest = pool[0], pool[1:]
    rng.shuffle(rest)
    body: list[str] = [lede]
    paragraphs: list[str] = []
    target = rng.randint(3000, 5000)
    for sentence in rest:
        body.append(sentence)
        if rng.random() < 0.4:
            paragraphs.append(" ".join(body))
            body = []
        if sum(map(len, paragraphs)) + sum(map(len, body)) > target:
            break
    if body:
        paragraphs.append(" ".join(body))
    while sum(map(len, paragraphs)) < 3000:  # a short draw: add a second angle on the story
        paragraphs.append(" ".join(rng.sample(rest, 3)))
    title = f"{cast.hosts[0]} and {cast.guests[0]} agree on {cast.project_short} ({serial})"
    return title, "\n\n".join(paragraphs), day


def corpus(n: int, seed: int = 7, reprints: float = 0.1) -> list[tuple[str, str, date]]:
    """``n`` articles; about ``reprints`` of them reprint an earlier one."""
    rng = random.Random(seed)
    items: list[tuple[str, str, date]] = []
    for serial in range(n):
        if items and rng.random() < reprints:
            title, text, day = rng.choice(items)
            if rng.random() < 0.5:
                text = f"{rng.choice(CITIES)}, {_day(day)} - " + text
            else:
                text += f"\n\n{rng.choice(OUTLETS)}"
            items.append((title, text, day + timedelta(days=rng.randint(0, 2))))
        else:
            items.append(article(rng, serial))
    return items


def write_corpus(items: list[tuple[str, str, date]], folder: Path) -> list[Path]:
    """One plain-text file per article; two in three carry a date header."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (title, text, day) in enumerate(items):
        header = f" date {day.isoformat()}\n" if n % 3 else ""
        path = folder / f"article-{n:06d}.txt"
        path.write_text(f"{header}{title}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    items = corpus(args.n, args.seed)
    write_corpus(items, args.out)
    sizes = sorted(len(text) for _, text, _ in items)
    print(f"{len(items)} articles in {args.out}: {sizes[len(sizes) // 2]} characters (median)")


if __name__ == "__main__":
    main()
