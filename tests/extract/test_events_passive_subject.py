"""What a meeting decided is no party to it: the owner of a passive subject ("X's cutter
was chosen in a meeting") does not take part. Articles invented for these tests."""

from __future__ import annotations

from tests.extract.articles import Chain

TEXT = (
    "Norrland Yards's Kestrel cutter was chosen over a German design in a meeting of the "
    "cabinet's security committee on Monday.\n\n"
    "Members of the Harbour Pilots Union walked off the job on Monday.\n"
)


def test_the_owner_of_what_a_meeting_chose_is_no_participant() -> None:
    chain = Chain.of({"d": ("2025-08-05", TEXT)})
    meetings = [m for m in chain.mentions("d") if m.kind == "meeting"]
    assert meetings and all(
        "Norrland Yards" not in {p.name for p in m.participants} for m in meetings
    )


def test_members_of_a_body_who_act_still_bring_it_in() -> None:
    chain = Chain.of({"d": ("2025-08-05", TEXT)})
    strikes = [m for m in chain.mentions("d") if m.kind == "strike"]
    assert [p.name for p in strikes[0].participants] == ["Harbour Pilots Union"]
