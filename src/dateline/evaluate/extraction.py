"""Score an exported dossier against a gold annotation, per extractor.

Gold files (``tests/gold/*_facts.json``) list events, entities with aliases and roles,
figures and promises, each naming the files that report it. Matching is one-to-one and
greedy in gold order; each extractor gets precision, recall and F1.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from dateline.lexicon.names import fold_name

Record = Mapping[str, Any]


@dataclass
class Score:
    """Counts for one extractor, with what was missed and what was spurious."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(text: str | None) -> str:
    """Case- and diacritic-insensitive form, with US/British spelling folded."""
    return fold_name(text or "").replace("defense", "defence")


def _match(
    gold: Sequence[Record],
    predicted: Sequence[Record],
    same: Callable[[Record, Record], bool],
    label: Callable[[Record], str],
) -> tuple[Score, dict[int, int]]:
    """Greedy one-to-one matching; returns the score and gold index -> predicted index."""
    score = Score(predicted=len(predicted), gold=len(gold))
    taken: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and same(g, p):
                taken[gi] = pi
                used.add(pi)
                break
        else:
            score.missed.append(label(g))
    score.matched = len(taken)
    score.spurious = [label(p) for pi, p in enumerate(predicted) if pi not in used]
    return score, taken


def same_person(gold_aliases: Sequence[str], names: Sequence[str]) -> bool:
    wanted = {fold(a) for a in gold_aliases}
    return any(fold(n) in wanted for n in names)


def score_entities(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    """Gold entities found as exactly one predicted entity (a split counts as a miss).

    Predicted entities count when they match a gold entity, and every person counts:
    the gold lists every person but only the main places and organisations.
    """

    def hits(g: Record) -> list[Record]:
        return [p for p in predicted if same_person(g["aliases"], [p["name"], *p["aliases"]])]

    found = {g["name"]: hits(g) for g in gold}
    unmatched_people = [
        p for p in predicted if p["kind"] == "PERSON" and not any(p in h for h in found.values())
    ]
    relevant = {id(p) for h in found.values() for p in h}
    score = Score(gold=len(gold), predicted=len(relevant) + len(unmatched_people))
    score.matched = sum(1 for h in found.values() if len(h) == 1)
    score.missed = [f"{name} ({len(h)} entities)" for name, h in found.items() if len(h) != 1]
    score.spurious = [p["name"] for p in unmatched_people]
    return score


def score_roles(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    """(person, title) pairs; titles compared loosely, dates must agree."""
    score = Score()
    for g in gold:
        entity = next(
            (p for p in predicted if same_person(g["aliases"], [p["name"], *p["aliases"]])), None
        )
        roles = entity["roles"] if entity else []
        score.predicted += len(roles)
        score.gold += len(g["roles"])
        sub, _ = _match(
            g["roles"],
            roles,
            lambda a, b: (
                fuzz.token_set_ratio(fold(a["title"]), fold(b["title"])) >= 90
                and a.get("first_seen") == b.get("first_seen")
                and a.get("last_seen") == b.get("last_seen")
            ),
            _role_label(g["name"]),
        )
        score.matched += sub.matched
        score.missed += sub.missed
        score.spurious += sub.spurious
    return score


def _role_label(name: str) -> Callable[[Record], str]:
    return lambda r: f"{name}: {r['title']} {r.get('first_seen')}…{r.get('last_seen')}"


def _same_date(gold: Record, predicted: Record) -> bool:
    """Same day, month or year (the gold's precision); a gold range must hold the date."""
    if gold["date"] is None or predicted["date"] is None:
        return gold["date"] is None and predicted["date"] is None
    if gold.get("end_date"):
        return bool(gold["date"] <= predicted["date"] <= gold["end_date"])
    width = {"day": 10, "month": 7, "year": 4}[gold["precision"]]
    return bool(gold["date"][:width] == predicted["date"][:width])


def _shares_person(gold: Record, predicted: Record, people: set[str]) -> bool:
    """The event involves one of the gold's people (countries as parties are implicit)."""
    wanted = [fold(g) for g in gold["participants"] if fold(g) in people]
    if not wanted:
        return True
    names = {fold(p["entity"]) for p in predicted["participants"]}
    return any(w in names for w in wanted)


def score_events(
    gold: Sequence[Record], predicted: Sequence[Record], people: Sequence[str] = ()
) -> Score:
    """Events matched on type, date and (when the gold names people) a participant."""
    folded = {fold(p) for p in people}
    score, _ = _match(
        gold,
        predicted,
        lambda g, p: g["type"] == p["type"] and _same_date(g, p) and _shares_person(g, p, folded),
        lambda e: f"{e['date']} {e['type']} {e['title']}",
    )
    return score


def _same_unit(gold: str, predicted: str) -> bool:
    a, b = set(fold(gold).split()), set(fold(predicted).split())
    return bool(a & b)


def score_figures(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    score, _ = _match(
        gold,
        predicted,
        lambda g, p: abs(g["value"] - p["value"]) < 1e-6 and _same_unit(g["unit"], p["unit"]),
        lambda f: f"{f['value']:g} {f['unit']} ({f['subject']})",
    )
    return score


def _promise_matches(gold: Record, predicted: Record) -> bool:
    """Same actor (or both unknown) and the same wording: the gold's keywords, or its text
    overlapping the predicted clause (their boundaries differ)."""
    if fold(gold["actor"]) != fold(predicted.get("actor")):
        return False
    text = fold(predicted["text"])
    if "text" in gold:
        return fuzz.partial_ratio(fold(gold["text"]), text) >= 80
    return all(fold(w) in text for w in gold["keywords"])


def score_promises(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    """Promises matched on actor and wording; a match counts only with the right status."""
    score, pairs = _match(
        gold,
        predicted,
        _promise_matches,
        lambda p: f"{p['actor']}: {p.get('kind')} {p.get('keywords') or p.get('text', '')[:50]}",
    )
    for gi, pi in pairs.items():
        if gold[gi]["status"] != predicted[pi]["status"]:
            score.matched -= 1
            score.missed.append(f"{gold[gi]['actor']} status {predicted[pi]['status']}")
    return score


def score_dossier(gold: Mapping[str, Any], export: Mapping[str, Any]) -> dict[str, Score]:
    """Every extractor's score for one exported dossier."""
    gold_people = [e for e in gold["entities"] if e["roles"]]
    people = [a for e in gold["entities"] if e["kind"] == "PERSON" for a in e["aliases"]]
    return {
        "entities": score_entities(gold["entities"], export["entities"]),
        "roles": score_roles(gold_people, export["entities"]),
        "events": score_events(gold["events"], export["events"], people),
        "figures": score_figures(gold["figures"], export["figures"]),
        "promises": score_promises(gold["promises"], export["promises"]),
    }
