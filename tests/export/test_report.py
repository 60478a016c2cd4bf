"""The written report: an events section, readable sources, figures that do not repeat
their unit, and article text that cannot inject Markdown or HTML."""

from __future__ import annotations

import re
from types import SimpleNamespace

from markdown_it import MarkdownIt

from dateline.export.report import ReportInput, display_title, render_report
from dateline.model import (
    Corroboration,
    Document,
    Entity,
    Event,
    Figure,
    Participant,
    Promise,
    Source,
)

# Articles written for these tests; the first has a title scraped with the site's menu.
MENU_TITLE = (
    "Home\n• North Province\n• South Province\n• Coast Province\nNews\n"
    "Officials agree on a harbour clean-up plan"
)
HOSTILE = (
    'Officials said <script>alert("x")</script> the plan was [approved](javascript:alert(1)) '
    "and **final**.\n# not a heading\n"
)


def doc(doc_id: str, text: str, **fields: object) -> Document:
    return Document(id=doc_id, path=f"/home/someone/articles/{doc_id}.txt", record=0,
                    format="txt", raw=text, text=text, **fields)  # type: ignore[arg-type]  # fmt: skip


def report_input() -> ReportInput:
    a = doc("a", "Officials agreed on the harbour plan on Monday. " * 3, title=MENU_TITLE,
            url="https://www.harbour-news.example/2025/plan", published="2025-03-04")  # fmt: skip
    b = doc("b", "The ministry and the port authority met again to review the harbour "
            "clean-up and the budget for dredging works.", published="2025-03-05")  # fmt: skip
    c = doc("c", HOSTILE, published="2025-03-06")
    src = Source("a", 0, 47)
    events = [
        Event("e1", "AGREE", "Harbour plan agreed", "2025-03-03", "day",
              participants=(Participant("p1", "Ana Ruiz"), Participant("o1", "Port Authority")),
              sources=(src, Source("b", 0, 40))),
        Event("e2", "CONSULT", "Ministry meets port authority", "2025-02-01", "month",
              sources=(Source("b", 0, 40),)),
        Event("e3", "AGREE", "Earlier accord signed", "2019-01-01", "year", background=True,
              sources=(src,)),
        Event("e4", "CONSULT", "A meeting of no known date", None, None, sources=(src,)),
    ]  # fmt: skip
    figures = [
        Figure("f1", "boxes of remains", 994.0, "boxes of remains", as_of="2025-03-04",
               sources=(src,)),
        Figure("f2", "dredging budget", 2_000_000.0, "USD", sources=(Source("b", 0, 40),)),
    ]  # fmt: skip
    promises = [Promise("pr1", "pledge", "Ana Ruiz", HOSTILE, "2025-03-06",
                        sources=(Source("c", 0, 20),))]  # fmt: skip
    entry = SimpleNamespace(date="2025-03-03", summary=(Source("c", 0, 20),), texts=(HOSTILE,),
                            documents=("c",))  # fmt: skip
    backing = {
        "e1": Corroboration(documents=2, outlets=2, stories=2, single_source=False,
                            speculative=False),
        "e2": Corroboration(documents=1, outlets=1, stories=1, single_source=True,
                            speculative=False),
    }  # fmt: skip
    return ReportInput(
        title="Harbour", documents=[a, b, c], timeline=[entry], events=events,
        entities=[Entity("p1", "Ana Ruiz", "PERSON")], figures=figures, promises=promises,
        corroboration=backing,
    )  # fmt: skip


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_every_event_is_listed_with_type_date_participants_and_backing() -> None:
    text = render_report(report_input())
    events = section(text, "Events")
    dated = events.split("### ", 1)[0]
    assert "2025-03-03** · AGREE · Harbour plan agreed" in dated
    assert "Participants: Ana Ruiz, Port Authority" in dated
    assert "Reported by 2 documents, 2 outlets, 2 stories" in dated
    assert "**2025-02** · CONSULT" in dated and "(single source)" in dated
    assert dated.index("2025-02**") < dated.index("2025-03-03")
    assert "Earlier accord signed" not in dated  # background events apart
    background = events.split("### Background", 1)[1]
    assert "**2019** · AGREE · Earlier accord signed" in background
    assert "A meeting of no known date" in events.split("### Undated", 1)[1]


def test_sources_have_clean_titles_outlets_and_no_local_paths() -> None:
    for fmt in ("markdown", "html"):
        text = render_report(report_input(), fmt)
        assert "/home/someone" not in text
        assert "Officials agree on a harbour clean-up plan" in text
        assert "North Province" not in text
        assert "harbour-news.example" in text
        assert "https://www.harbour-news.example/2025/plan" in text
    sources = section(render_report(report_input()), "Sources")
    [line_b] = [line for line in sources.splitlines() if "b.txt" in line]
    # a document without a title is named by its opening words, cut at a word
    assert re.search(r"The ministry and the port authority met again\S* ", line_b)
    assert " ." not in line_b


def test_title_cut_at_a_word() -> None:
    long = doc("x", "word " * 5, title="An unusually long headline " * 6)
    shown = display_title(long, width=60)
    assert len(shown) <= 60 and shown.endswith("…") and "headline" in shown
    assert not shown[:-1].endswith(" ")


def test_figure_subject_does_not_repeat_the_unit() -> None:
    figures = section(render_report(report_input()), "Figures and their changes")
    assert "**994 boxes of remains**, as of 2025-03-04" in figures
    assert "boxes of remains: boxes of remains" not in figures
    assert "**2,000,000 USD**: dredging budget" in figures
    html = render_report(report_input(), "html")
    assert "boxes of remains</strong>: boxes of remains" not in html


def test_markdown_report_escapes_article_text() -> None:
    text = render_report(report_input())
    html = MarkdownIt("commonmark").render(text)  # raw HTML passes through CommonMark
    assert "<script" not in html
    assert 'href="javascript:' not in html
    assert "<strong>final</strong>" not in html
    assert "<h1>not a heading</h1>" not in html
    assert "alert(&quot;x&quot;)" in html or 'alert("x")' in html
    # the report's own Markdown still works: footnote references and headings
    assert "[^1]" in text and "<h2>Events</h2>" in html
