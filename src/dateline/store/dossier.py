"""The derived dossier: entities, events, figures and promises, rebuilt together."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from dateline.model import Entity, Event, Figure, Promise
from dateline.store import records
from dateline.store.meta import Connection


class DossierPart(Connection):
    """The records the corpus stages derive, written at once and read back."""

    def replace_derived(self, derived: records.Derived) -> None:
        with self.transaction():
            records.replace_derived(self, derived)
            self._invalidate()
            # the day counts hold until the next write changes a document or its story
            records.mark_days_counted(self)

    def speculative_among(self, documents: Collection[str]) -> set[str] | None:
        """Those of ``documents`` that call themselves speculation or opinion, as the last
        build found them; None when that may no longer hold (the texts must be read)."""
        if not records.speculative_kept(self):
            return None
        sql = "SELECT document_id FROM speculative_documents WHERE document_id IN ({})"
        return {str(row[0]) for row in self._by_ids(sql, documents)}

    def entities(self, entity_id: str | None = None, roles: bool = True) -> list[Entity]:
        """Every entity (or the one ``entity_id``); without ``roles``, names only."""
        return records.read_entities(self, entity_id, roles)

    def entity_named(self, name: str) -> Entity | None:
        """The entity with the id ``name``, or with a name or alias that is ``name`` (case,
        dots and diacritics aside), the most mentioned if several; names only, as
        ``entities(roles=False)`` gives them. One indexed read: no partial matches."""
        return records.read_entity_named(self, name)

    def events(
        self,
        entity_id: str | None = None,
        event_type: str | None = None,
        days: Iterable[str] | None = None,
        per_day: int | None = None,
    ) -> list[Event]:
        """Every event (or those ``entity_id`` took part in, of ``event_type``, on one of
        ``days``: each filter only when given). With ``days`` and ``per_day``, what a
        timeline shows under each day: events dated to it (not background), at most
        ``per_day`` of them, chosen those citing the most sentences first (and listed, as
        always, in date and id order; ``event_days`` counts them all)."""
        wanted = None if days is None else sorted(set(days))
        return records.read_events(self, entity_id, event_type, wanted, per_day)

    def event_days(
        self,
        entity_id: str | None = None,
        event_type: str | None = None,
        days: Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, tuple[int, int]]:
        """Per day (of ``days``, when given; within ``[since, until]``), how many events
        dated to the day (not background) happened (of those ``entity_id`` took part in, of
        ``event_type``, when given): (those two or more independent stories report, all of
        them)."""
        wanted = None if days is None else sorted(set(days))
        return records.event_days(self, entity_id, event_type, wanted, since, until)

    def has_event_days(self, entity_id: str | None = None, event_type: str | None = None) -> bool:
        """Whether :meth:`event_days` (without days or range) finds any day."""
        return records.has_event_days(self, entity_id, event_type)

    def figures(self) -> list[Figure]:
        return records.read_figures(self)

    def promises(self) -> list[Promise]:
        return records.read_promises(self)

    def sentences_reporting(
        self, event_type: str, documents: Iterable[str]
    ) -> set[tuple[str, int]]:
        """(document id, sentence start) of every sentence of ``documents`` an event of
        ``event_type`` cites."""
        sql = (
            "SELECT s.document_id, s.start FROM sources s JOIN events e ON e.id = s.record_id "
            "WHERE s.record_kind = 'event' AND e.type = ? AND s.document_id IN ({})"
        )
        return {
            (str(doc), int(start)) for doc, start in self._by_ids(sql, documents, (event_type,))
        }

    def sentences_naming(self, entity_id: str) -> set[tuple[str, int]]:
        """(document id, sentence index) of every sentence that mentions the entity."""
        rows = self.execute(
            "SELECT DISTINCT document_id, sentence FROM mentions WHERE entity_id = ?", (entity_id,)
        )
        return {(r[0], r[1]) for r in rows}
