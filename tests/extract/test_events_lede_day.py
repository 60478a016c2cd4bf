"""A lede report that gives no day of its own takes the day the lede gave just before,
not the publication date. Articles invented for these tests."""

from __future__ import annotations

from tests.extract.articles import Chain

TEXT = (
    "Fisheries Minister Emiko Kuroda and her Chilean counterpart agreed Sunday to speed up "
    "work on a salmon quota treaty.\n\n"
    "Kuroda and Chilean Fisheries Minister Ana Rojas met in Lima.\n"
)


def test_a_lede_meeting_without_a_day_takes_the_ledes_day() -> None:
    chain = Chain.of({"d": ("2025-11-03", TEXT)})
    meetings = [m for m in chain.mentions("d") if m.kind == "meeting"]
    assert [m.date for m in meetings] == ["2025-11-02"]


def test_with_no_day_in_the_lede_the_publication_date_stays() -> None:
    text = TEXT.replace(" agreed Sunday ", " agreed ")
    chain = Chain.of({"d": ("2025-11-03", text)})
    meetings = [m for m in chain.mentions("d") if m.kind == "meeting"]
    assert [m.date for m in meetings] == ["2025-11-03"]
