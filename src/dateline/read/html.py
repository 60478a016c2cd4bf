"""HTML pages: trafilatura extracts the article body, htmldate the publication date.

Nothing is ever fetched: htmldate's loader takes a string that starts with "http" and has
no space for a URL and downloads it, so it is only ever handed a parsed tree.
"""

from __future__ import annotations

import logging

import trafilatura
from htmldate.core import examine_header
from htmldate.extractors import json_search
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from dateline.model import DateCandidate, RawDocument

log = logging.getLogger(__name__)


def read_html(path: str, markup: str) -> RawDocument:
    """Read one HTML page; raises ``ValueError`` when it holds no article text."""
    # trafilatura's loader only parses; the date search gets its own tree, as extraction
    # prunes the one it is given
    tree = load_html(markup)
    if tree is None:
        raise ValueError("no article text found in the HTML page")
    extracted = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # trafilatura's own date search is the extensive one; htmldate runs below instead.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise ValueError("no article text found in the HTML page")
    candidates: tuple[DateCandidate, ...] = ()
    date = _page_date(load_html(markup))
    if date:
        candidates = (DateCandidate(date, "html-meta", "page metadata (htmldate)"),)
    return RawDocument(
        path=path,
        record=0,
        format="html",
        raw=body,
        title=(getattr(extracted, "title", None) or None),
        url=(getattr(extracted, "url", None) or None),
        markup=markup,
        date_candidates=candidates,
    )


def _page_date(tree: HtmlElement | None) -> str | None:
    """The date in the page's own metadata: <meta> tags, then JSON-LD.

    htmldate's ``find_date`` goes on to elements classed "date" and to free text even
    with the extensive search off, and those are often a sidebar's other headlines. A
    wrong date is worse than none, so only the metadata steps run here.
    """
    if tree is None:
        return None
    try:
        options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        return examine_header(tree, options) or json_search(tree, options)
    except Exception as exc:  # htmldate raises assorted errors on broken markup
        log.debug("htmldate failed: %s", exc)
        return None
