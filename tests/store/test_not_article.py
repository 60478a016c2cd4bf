"""A page that is not an article (an error or refusal page, a list of links) is stored,
flagged and searchable, but no derived record cites it; on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.analyse.nlp import Analyzer
from dateline.clean import not_article
from dateline.clean import rules as r
from dateline.export.csv import csv_rows
from dateline.service import Dossier
from dateline.store import open_store
from tests.conftest import BACKENDS, TODAY, store_location

ARTICLE = (
    "Harbour council approves ferry budget\n\n"
    "The Northport harbour council approved a budget of $12 million for a new ferry "
    "terminal on Monday, March 3, 2025, after a two-hour debate.\n\n"
    "Mayor Jane Porter met union leaders from the Dockworkers Guild on Tuesday to discuss "
    "night-shift pay, and the guild agreed to suspend its planned stoppage.\n\n"
    "The council said the terminal will open by the end of next year.\n"
)
# A refusal page as a blocked scraper saves it: the message, the address, a reference.
REFUSED = (
    "Access Denied\n\n"
    "You don't have permission to access the Northport Herald story about Mayor Jane Porter "
    "on this server.\n\n"
    "Reference #18.4f2a1b17.1741003200.9c3e77d\n"
)
# A not-found page that still shows the site's trending headlines.
NOT_FOUND = (
    "404 - Page not found\n\n"
    "Sorry, the page you requested does not exist or has been moved.\n\n"
    "Trending: Mayor Jane Porter signs a $40 million harbour deal with the Dockworkers Guild.\n"
)
# A section page: nothing but headlines.
LINKS = (
    "Latest from the waterfront\n\n"
    "Mayor Jane Porter opens the new ferry terminal\n\n"
    "Dockworkers Guild calls off the night-shift stoppage\n\n"
    "Northport council backs harbour budget\n\n"
    "Fishing fleet returns after the storm\n\n"
    "Ferry fares to rise in the spring\n\n"
    "Guild leader Tom Reyes steps down\n"
)
PAGES = {"article.txt": ARTICLE, "refused.txt": REFUSED, "missing.txt": NOT_FOUND,
         "links.txt": LINKS}  # fmt: skip
FLAGGED = {"refused.txt", "missing.txt", "links.txt"}


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_location(tmp_path, request.param) as where:
        yield where


def _write(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in PAGES.items():
        (folder / name).write_text(text)
    return folder


def _cited(dossier: Dossier) -> dict[str, set[str]]:
    """The documents each kind of derived row points into."""
    store = dossier.store
    found = {
        table: {r[0] for r in store.execute(f"SELECT DISTINCT document_id FROM {table}")}
        for table in ("mentions", "sentences", "sentence_dates", "sources")
    }
    for kind in ("event", "figure", "promise", "role"):
        rows = store.execute(
            "SELECT DISTINCT document_id FROM sources WHERE record_kind = ?", (kind,)
        )
        found[kind] = {r[0] for r in rows}
    return found


def test_pages_that_are_not_articles_are_stored_flagged_searchable_and_never_cited(
    tmp_path: Path, location: str, analyzer: Analyzer
) -> None:
    docs = _write(tmp_path / "docs")
    with Dossier.open(location, today=TODAY, analyzer=analyzer) as dossier:
        report = dossier.ingest([docs])
        assert len(report.added) == 4
        names = {d.id: Path(d.path).name for d in dossier.documents()}
        flags = {Path(d.path).name: d.not_article for d in dossier.documents()}
        assert flags == {
            "article.txt": None,
            "refused.txt": "error or refusal page",
            "missing.txt": "error or refusal page",
            "links.txt": "list of links",
        }
        # searchable all the same
        assert {names[h.document_id] for h in dossier.search("permission")} == {"refused.txt"}
        assert {names[h.document_id] for h in dossier.search("fleet")} == {"links.txt"}
        cited = _cited(dossier)
        # the article beside them gives every kind of evidence; they give none
        for kind in ("mentions", "sentences", "sentence_dates", "event", "figure", "promise"):
            assert {names[i] for i in cited[kind]} == {"article.txt"}, kind
        assert not {names[i] for i in cited["sources"]} & FLAGGED
        assert all(e.name != "Tom Reyes" for e in dossier.store.entities())
        # the flag is in the export, JSON and CSV
        exported = dossier.export()
        by_name = {Path(d["path"]).name: d for d in exported["documents"]}
        assert by_name["links.txt"]["not_article"] == "list of links"
        assert by_name["article.txt"]["not_article"] is None
        rows = {Path(r["path"]).name: r for r in csv_rows(exported)["documents"]}
        assert rows["refused.txt"]["not_article"] == "error or refusal page"


def test_reingesting_a_store_from_before_the_flag_flags_its_pages(
    tmp_path: Path, location: str, analyzer: Analyzer
) -> None:
    docs = _write(tmp_path / "docs")
    with Dossier.open(location, today=TODAY, analyzer=analyzer) as dossier:
        dossier.ingest([docs], build=False)
    # make it a store of the release before: no flag column, no flagging done
    store = open_store(location)
    with store.transaction():
        store.execute("ALTER TABLE documents DROP COLUMN not_article")
        store.execute("DELETE FROM migrations WHERE version = 7")
        store.execute("DELETE FROM meta WHERE key = 'not_article_rules'")
    store.close()
    with Dossier.open(location, today=TODAY, analyzer=analyzer) as dossier:
        # migrated: the column is back, empty
        assert all(d.not_article is None for d in dossier.documents())
        report = dossier.ingest([docs])
        assert len(report.unchanged) == 4 and not report.added
        flagged = {Path(d.path).name for d in dossier.documents() if d.not_article}
        assert flagged == FLAGGED
        names = {d.id: Path(d.path).name for d in dossier.documents()}
        cited = _cited(dossier)
        assert not {names[i] for kind in cited.values() for i in kind} & FLAGGED


def test_the_title_counts_and_a_one_sentence_brief_is_an_article() -> None:
    # a reader takes the first line as the title: on an error page it says what the page is
    assert not_article("The page you asked for has moved.", title="404 - Page not found") == (
        r.ERROR_PAGE_REASON
    )
    assert not_article("The page you asked for has moved.") is None
    brief = "Officials met in the port city on Thursday to discuss aid and trade with the islands."
    assert not_article(brief) is None
    assert not_article(brief, title="Aid talks in the port city") is None
    assert not_article("Subscribe\n\nLog in") == r.NO_TEXT
