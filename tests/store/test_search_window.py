"""Search that stops early: a rare query is ranked in full, a common one within its most
recent matches (``Store.search_window``), on both backends."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.store import Store

FILLER = (
    "The council met on Tuesday to talk about the budget.",
    "Ferries ran late because of the wind.",
    "A new school opened near the market.",
    "Fishermen asked for a longer season.",
)


def add(store: Store, did: str, text: str, duplicate_of: str | None = None) -> None:
    doc = Document(id=did, path=f"{did}.txt", record=0, format="text", raw=text, text=text,
                   content_hash=did, duplicate_of=duplicate_of)  # fmt: skip
    store.write_document(doc, f"/abs/{did}", b"sig", 3)


def corpus(store: Store, count: int = 24) -> list[str]:
    """``count`` articles that all name the harbour, as often and at such length that
    their ranks differ; three of them also name a lighthouse. Ids in row order."""
    ids = []
    for i in range(count):
        times = (i * 7) % 5 + 1
        text = " ".join(["The harbour was busy."] * times + list(FILLER[: i % 4 + 1]))
        if i in (3, 11, 19):
            text += " A lighthouse keeper spoke." * (i % 3 + 1)
        ids.append(f"d{i:02d}")
        add(store, ids[-1], text)
    return ids


def full_ranking(store: Store, word: str) -> list[tuple[str, float]]:
    """(id, rank) of every match of a single word, best first: the engine's ranking of all
    of them, as search ranked before it stopped early."""
    if store.dialect == "sqlite":
        sql = (
            "SELECT d.id, bm25(documents_fts) AS r FROM documents_fts "
            "JOIN documents d ON d.n = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY r, d.n"
        )
        params: tuple[object, ...] = (word,)
    else:
        sql = (
            "SELECT d.id, -ts_rank(d.fts, phraseto_tsquery('dateline', ?), 1) AS r "
            "FROM documents d WHERE d.fts @@ phraseto_tsquery('dateline', ?) ORDER BY r, d.n"
        )
        params = (word, word)
    return [(r[0], float(r[1])) for r in store.execute(sql, params)]


def hits(store: Store, query: str, limit: int = 20) -> list[tuple[str, float]]:
    return [(h.document_id, h.rank) for h in store.search(query, limit=limit)]


def same(got: list[tuple[str, float]], expected: list[tuple[str, float]]) -> bool:
    """The same ids in the same order, with the same ranks (to rounding)."""
    return [d for d, _ in got] == [d for d, _ in expected] and [r for _, r in got] == (
        pytest.approx([r for _, r in expected])
    )


def test_a_rare_word_is_ranked_in_full(store: Store) -> None:
    corpus(store)
    store.search_window = 5
    expected = full_ranking(store, "lighthouse")
    assert len(expected) == 3 and len({r for _, r in expected}) == 3
    assert same(hits(store, "lighthouse"), expected)
    # at the threshold itself every match is still ranked
    store.search_window = 3
    assert same(hits(store, "lighthouse"), expected)


def test_a_common_word_is_ranked_within_its_most_recent_matches(store: Store) -> None:
    ids = corpus(store)
    store.search_window = 6
    everything = full_ranking(store, "harbour")
    assert len(everything) == len(ids)
    recent = set(ids[-6:])
    expected = [(did, rank) for did, rank in everything if did in recent]
    got = hits(store, "harbour", limit=6)
    assert same(got, expected)  # the ranks a full ranking gives them
    assert [d for d, _ in got] != [d for d, _ in everything[: len(got)]]  # not simply its top
    assert hits(store, "harbour", limit=6) == got  # deterministic
    assert [did for did, _ in hits(store, "harbour", limit=4)] == [did for did, _ in got[:4]]


def test_the_window_follows_the_query_not_the_store(store: Store) -> None:
    ids = corpus(store)
    add(store, "late", "Nothing about boats here. " + FILLER[0])
    store.search_window = 4
    # the newest document does not match: the window is the newest four matches
    assert {did for did, _ in hits(store, "harbour", limit=4)} == set(ids[-4:])


def test_duplicates_fold_and_the_window_grows_until_the_page_fills(store: Store) -> None:
    ids = corpus(store, 12)
    # the newest matches are copies of one older story
    for k in range(3):
        add(store, f"copy{k}", "The harbour was busy. " + FILLER[k], duplicate_of=ids[0])
    store.search_window = 2
    found = [did for did, _ in hits(store, "harbour", limit=3)]
    assert len(found) == 3
    stories = [ids[0] if did.startswith("copy") or did == ids[0] else did for did in found]
    assert len(set(stories)) == 3  # one hit per story
    # two copies fill the first window of two, one story; the next, of eight, has five more
    assert set(stories) <= {ids[0], *ids[-5:]}
    assert hits(store, "harbour", limit=3) == hits(store, "harbour", limit=3)


def test_the_limit_holds(store: Store) -> None:
    ids = corpus(store)
    store.search_window = 5
    # a page longer than the window widens it: still the limit, one hit per document
    assert len({h.document_id for h in store.search("harbour", limit=len(ids))}) == len(ids)
    assert len(store.search("harbour", limit=3)) == 3
    assert len(store.search("harbour", limit=5)) == 5
    store.search_window = 2000
    assert len(store.search("harbour", limit=7)) == 7
    assert store.search("harbour", limit=0) == []


def test_operators_use_the_same_window(store: Store) -> None:
    ids = corpus(store)
    store.search_window = 5

    def found(query: str) -> set[str]:
        return {h.document_id for h in store.search(query, limit=5)}

    assert found("harbour AND lighthouse") == {"d03", "d11", "d19"}  # few: all of them
    assert found("harbour OR lighthouse") == set(ids[-5:])
    without = [did for did in ids if did not in ("d03", "d11", "d19")]
    assert found("harbour NOT lighthouse") == set(without[-5:])


def test_the_newest_matches_are_found_when_the_newest_documents_do_not_match(
    store: Store,
) -> None:
    ids = corpus(store, 30)
    for i in range(30):
        add(store, f"other{i:02d}", " ".join(FILLER[: i % 4 + 1]))
    # statistics: on PostgreSQL the common word is then first looked for among the newest
    # rows, which do not have it
    store.execute("ANALYZE documents")
    store.search_window = 4
    assert {did for did, _ in hits(store, "harbour", limit=4)} == set(ids[-4:])
    wider = {did for did, _ in hits(store, "harbour", limit=6)}  # a window of 16
    assert len(wider) == 6 and wider <= set(ids[-16:])


def test_search_leaves_the_planner_as_it_was(store: Store) -> None:
    corpus(store)
    store.search_window = 3
    store.search("harbour")
    store.search("lighthouse")
    if store.dialect == "postgresql":
        settings = ("enable_seqscan", "enable_bitmapscan", "enable_indexscan")
        assert [store.execute(f"SHOW {name}").fetchone()[0] for name in settings] == ["on"] * 3


def test_a_page_fills_past_many_copies_of_its_best_story(store: Store) -> None:
    # more copies of the best-ranked story than documents are read at once for a page
    add(store, "story", "Harbour, harbour, harbour: the harbour.")
    for k in range(70):
        add(store, f"copy{k:02d}", f"Harbour, harbour, harbour: the harbour {k}.", "story")
    ids = corpus(store, 6)
    ranking = full_ranking(store, "harbour")
    roots = {did: "story" if did.startswith("copy") else did for did, _ in ranking}
    assert {roots[did] for did, _ in ranking[:71]} == {"story"}  # the copies come first
    expected, seen = [], set()
    for did, rank in ranking:  # one hit per story, best first
        if roots[did] not in seen:
            seen.add(roots[did])
            expected.append((did, rank))
    got = hits(store, "harbour", limit=4)
    assert same(got, expected[:4])
    assert {d for d, _ in got[1:]} <= set(ids)


def test_a_match_removed_before_its_page_is_read_is_left_out(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(store, 6)
    before = hits(store, "harbour", limit=4)
    shown = store._shown

    def without_best(rows):  # type: ignore[no-untyped-def]
        # as if a writer removed the best match between reading matches and their rows
        return {n: row for n, row in shown(rows).items() if row[0] != before[0][0]}

    monkeypatch.setattr(store, "_shown", without_best)
    assert hits(store, "harbour", limit=3) == before[1:]
