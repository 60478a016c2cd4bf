"""The day index (each sentence with the days it names) and the kept timeline results."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable

from dateline.store import records
from dateline.store.meta import Connection

log = logging.getLogger(__name__)

SentenceRow = tuple[str, int, int, int, str | None, list[list[str]]]


class DaysPart(Connection):
    """The timeline's indexed reads of sentences by day, and its kept results."""

    def sentences(
        self,
        since: str | None = None,
        until: str | None = None,
        share: float = 1.0,
        dated: bool = False,
    ) -> list[SentenceRow]:
        """Sentences of dated articles published within ``[since, until]`` (with ``dated``,
        only those naming a date); with ``share`` below 1, only those of an even sample of
        about that share of the articles."""
        return records.read_sentences(self, since, until, records.sample_bound(share), dated)

    def range_readings(
        self, since: str | None, until: str | None, share: float, identity: str
    ) -> list[tuple[str, str, str, bytes]] | None:
        """Per dated article published within ``[since, until]`` (``share`` as for
        :meth:`sentences`) with sentences: (id, publication day, story, what the build kept
        of its sentences). None unless the kept readings hold, as for
        :meth:`sentence_features`, for every one."""
        if not records.features_kept(self, identity):
            return None
        found = []
        bound = records.sample_bound(share)
        for document, day, root, data, missing in records.read_range_readings(
            self, since, until, bound
        ):
            if missing:
                return None
            if data is not None:
                found.append((document, day, root, data))
        return found

    def sentences_at(
        self, places: Iterable[tuple[str, int]], since: str | None = None, until: str | None = None
    ) -> list[SentenceRow]:
        """The sentences at ``places`` (document id, index) of dated articles published
        within ``[since, until]``."""
        return records.read_sentences_at(self, sorted(set(places)), since, until)

    def count_sentences(
        self, since: str | None = None, until: str | None = None, share: float = 1.0
    ) -> int:
        """How many sentences :meth:`sentences` reads (with the same ``share``)."""
        return records.count_sentences(self, since, until, records.sample_bound(share))

    def sentences_near(
        self,
        days: Iterable[str],
        lag: int,
        since: str | None = None,
        until: str | None = None,
        lead: int | None = None,
        share: float = 1.0,
    ) -> list[SentenceRow]:
        """Sentences of dated articles published within ``[since, until]`` that name one of
        ``days``, and undated sentences (the first ``lead`` of each article, when given) of
        articles published up to ``lag`` days after one; ``share`` as for :meth:`sentences`."""
        return records.read_sentences_near(
            self, sorted(set(days)), lag, since, until, lead, records.sample_bound(share)
        )

    def stems(self, words: Collection[str], stemmer: str) -> dict[str, str]:
        """The stems the build kept of those of ``words`` it saw, when ``stemmer`` made
        them (see summarise.text.vocabulary)."""
        if not records.stems_made_by(self, stemmer):
            return {}
        return dict(self._by_ids("SELECT word, stem FROM stems WHERE word IN ({})", words))

    def sentence_features(
        self, documents: Collection[str], identity: str
    ) -> dict[str, bytes] | None:
        """What the build kept of the sentences of ``documents`` (see summarise.features),
        when it holds for what is stored and was made by ``identity``; else None."""
        if not records.features_kept(self, identity):
            return None
        sql = "SELECT document_id, data FROM sentence_features WHERE document_id IN ({})"
        return {str(d): bytes(data) for d, data in self._by_ids(sql, documents)}

    def count_sentences_near(self, days: Iterable[str], lag: int, lead: int) -> int:
        """An upper bound, read from the indexes, on what :meth:`sentences_near` reads."""
        return records.count_sentences_near(self, sorted(set(days)), lag, lead)

    def day_stories(
        self,
        days: Iterable[str],
        since: str | None = None,
        until: str | None = None,
        share: float = 1.0,
    ) -> dict[str, int]:
        """Per day of ``days``: how many distinct stories (duplicate groups) of articles
        published within ``[since, until]`` have a sentence naming it; with ``share`` below
        1, counted in an even sample of about that share of the articles."""
        below = records.sample_bound(share)
        return records.day_stories(self, sorted(set(days)), since, until, below)

    def count_references(self, days: Iterable[str]) -> int:
        """How many sentences name one of ``days`` (from the day index alone)."""
        return records.count_references(self, sorted(set(days)))

    def days_counted(self) -> bool:
        """Whether the build's day counts hold for what is stored (no write since)."""
        return records.days_counted(self)

    def day_references(
        self, since: str | None = None, until: str | None = None, scope: str = ""
    ) -> list[tuple[str, int, int, int]]:
        """(day, lag class, stories, stories listing it) from the day counts, over the
        articles published within ``[since, until]``: every sentence of them, or those of
        ``scope`` (see records.day_scope and records.write_day_counts)."""
        return records.read_day_references(self, since, until, scope)

    def publication_days(
        self, since: str | None = None, until: str | None = None, scope: str = ""
    ) -> list[tuple[str, int, int]]:
        """(publication day, stories, sentences) of the days within ``[since, until]``,
        over every sentence or those of ``scope``."""
        return records.read_publication_days(self, since, until, scope)

    def cached(self, key: str) -> str | None:
        """A stored query result for ``key``, if nothing was written since it was made."""
        return records.cached(self, key)

    def cache(self, key: str, value: str, generation: int) -> None:
        """Keep ``value`` for ``key``, made when the store was at ``generation``. Best
        effort: a store this process may not write to (read-only file or role) answers
        all the same, only without keeping the result."""
        try:
            records.cache(self, key, value, generation)
        except self.driver_errors as exc:
            log.info("%s: result not kept (%s)", self.location, exc)
