"""End to end: an undated page's yearless report is dated by the collection's year."""

from __future__ import annotations

from pathlib import Path

from dateline.service import Dossier

DATED = {
    "01_vote.txt": (
        " date 2024-10-02 Members of the Kestrel Drivers Union walked out at Harlow Motors "
        "on Tuesday after rejecting a pay offer, union leaders said.\n"
    ),
    "02_pickets.txt": (
        " date 2024-10-10 Picket lines grew outside the Harlow Motors plant in Dunmore as the "
        "strike by the Kestrel Drivers Union entered its second week.\n"
    ),
    "03_talks.txt": (
        " date 2024-10-20 Harlow Motors and the Kestrel Drivers Union have not held talks "
        "since the walkout began, a spokesperson for the carmaker said.\n"
    ),
}
UNDATED = (
    "DUNMORE — Harlow Motors withdrew its pay offer to the Kestrel Drivers Union on "
    "October 8, leaving thousands of striking drivers without a deal.\n"
)


def write(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def withdrawal_dates(dossier: Dossier) -> list[str | None]:
    undated = {d.id for d in dossier.documents() if Path(d.path).name == "04_undated.txt"}
    return [e.date for e in dossier.events() if {s.document_id for s in e.sources} & undated]


def test_an_undated_pages_yearless_report_takes_the_collections_year(
    tmp_path: Path, dossier: Dossier
) -> None:
    write(tmp_path / "in", {**DATED, "04_undated.txt": UNDATED})
    dossier.ingest([tmp_path / "in"])
    assert withdrawal_dates(dossier) == ["2024-10-08"]


def test_a_collection_over_two_years_keeps_it_yearless(tmp_path: Path, dossier: Dossier) -> None:
    older = {"00_last_year.txt": DATED["01_vote.txt"].replace("2024-10-02", "2023-10-03")}
    write(tmp_path / "in", {**DATED, **older, "04_undated.txt": UNDATED})
    dossier.ingest([tmp_path / "in"])
    # October 8 lies in both years the collection spans: no year is given to it
    assert not [d for d in withdrawal_dates(dossier) if d]
