"""Invented articles analysed and resolved together, as a build does, for extractor tests."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.analyse.convert import Analysis
from dateline.analyse.nlp import Analyzer
from dateline.extract.events import EventMention, find_event_mentions
from dateline.extract.promises import find_promises
from dateline.model import Mention, Promise
from dateline.resolve.entities import Resolution, resolve_entities

# name -> (publication date or None, text)
Articles = Mapping[str, tuple[str | None, str]]


@dataclass(frozen=True)
class Chain:
    articles: Articles
    analyses: dict[str, Analysis]
    resolution: Resolution

    @classmethod
    def of(cls, articles: Articles, analyzer: Analyzer | None = None) -> Chain:
        items = [(doc, text) for doc, (_, text) in articles.items()]
        analyses = {a.document_id: a for a in (analyzer or _analyzer()).analyse(items)}
        published = {doc: date for doc, (date, _) in articles.items()}
        return cls(articles, analyses, resolve_entities(list(analyses.values()), published))

    def linked(self, doc: str) -> list[Mention]:
        return [m for m in self.resolution.mentions if m.document_id == doc]

    def mentions(self, doc: str) -> list[EventMention]:
        """The event mentions of one article."""
        return find_event_mentions(
            self.analyses[doc], self.linked(doc), self.articles[doc][0],
            entities=self.resolution.entities,
        )  # fmt: skip

    def promises(self, doc: str) -> list[Promise]:
        return find_promises(
            self.analyses[doc], self.linked(doc), self.articles[doc][0],
            entities=self.resolution.entities,
        )  # fmt: skip

    def name(self, spelling: str) -> str:
        entity = self.resolution.by_name(spelling)
        assert entity is not None, spelling
        return entity.name


@functools.cache
def _analyzer() -> Analyzer:
    # one model for every test that does not hand its own: loading it is the slow part
    return Analyzer()


def party_names(m: EventMention) -> str:
    """The names of an event mention's participants, ``" | "`` between them."""
    return " | ".join(p.name for p in m.participants)


def read_promises(analyzer: Analyzer, text: str, date: str | None) -> list[Promise]:
    """The promises of one article, on its own."""
    return Chain.of({"doc": (date, text)}, analyzer).promises("doc")


def only(found: list[Promise], words: str) -> Promise:
    """The one promise whose text holds ``words``."""
    matches = [p for p in found if words in p.text]
    assert len(matches) == 1, [(p.kind, p.actor, p.text) for p in found]
    return matches[0]
