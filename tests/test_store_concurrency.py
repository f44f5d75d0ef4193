"""Several processes storing overlapping pages into one database at once (SQLite file; PostgreSQL when
$VNPORTAL_TEST_PG_URL is set) end with exactly the rows one writer alone would leave.

Each worker stores every page of `concurrent_store_workers.page_specs()` in its own order, starting together
(a barrier), so the same page, a canonical page and its alias, and one text under two addresses are
saved by several processes at the same moment.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from typing import Any

import pytest
from concurrent_store_workers import PORTAL, TEXT_PAIRS, page_specs, store_all_pages
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import tables
from models.store import Store
from models.testing import sqlite_file_url

WORKERS = 4
WORKER_TIMEOUT_S = 240


def _titles(session: Session) -> dict[int, str]:
    return dict(session.execute(select(tables.ArticleRow.id, tables.ArticleRow.title)).all())


def fact_snapshot(url: str) -> dict[str, Counter[tuple[Any, ...]]]:
    """Every fact row, with ids replaced by what they stand for (article title, name key, document key)."""
    with Store(url, upgrade=False) as store, Session(store.engine) as session:
        titles = _titles(session)
        officials = dict(session.execute(select(tables.OfficialRow.id, tables.OfficialRow.name_key)).all())
        documents = dict(session.execute(select(tables.DocumentRow.id, tables.DocumentRow.doc_key)).all())
        mentions = session.execute(select(tables.OfficialMentionRow)).scalars()
        citations = session.execute(select(tables.DocumentCitationRow)).scalars()
        return {
            "official_mentions": Counter(
                (titles[m.article_id], officials[m.official_id], m.title, m.start_offset, m.end_offset)
                for m in mentions
            ),
            "document_citations": Counter(
                (titles[c.article_id], documents[c.document_id], c.issued_on, c.start_offset) for c in citations
            ),
            "terms": Counter(
                (titles[t.article_id], t.ordinal, t.start_year, t.end_year, t.start_offset)
                for t in session.execute(select(tables.TermRow)).scalars()
            ),
            "sittings": Counter(
                (titles[s.article_id], s.kind, s.number, s.start_offset)
                for s in session.execute(select(tables.SittingRow)).scalars()
            ),
            "dated_mentions": Counter(
                (titles[d.article_id], d.day, d.year_inferred, d.start_offset)
                for d in session.execute(select(tables.DatedMentionRow)).scalars()
            ),
            "officials": Counter((key,) for key in officials.values()),
            "documents": Counter((key,) for key in documents.values()),
        }


@pytest.fixture(scope="module")
def concurrent_url(module_db_url: str) -> str:
    """The database after WORKERS processes stored every page at once."""
    Store(module_db_url).close()  # schema first: concurrent upgrades have their own test
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(WORKERS)
        with context.Pool(WORKERS) as pool:
            jobs = [(module_db_url, seed, barrier) for seed in range(WORKERS)]
            errors = pool.starmap_async(store_all_pages, jobs).get(timeout=WORKER_TIMEOUT_S)
    assert [e for worker in errors for e in worker] == []
    return module_db_url


@pytest.fixture(scope="module")
def sequential_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same pages stored by one writer alone: the reference."""
    url = sqlite_file_url(tmp_path_factory.mktemp("reference") / "vnportal.db")
    Store(url).close()
    assert store_all_pages(url, seed=0) == []
    return url


def _rows(url: str, *columns: Any) -> list[tuple[Any, ...]]:
    with Store(url, upgrade=False) as store, Session(store.engine) as session:
        return list(session.execute(select(*columns)).all())


def test_every_page_is_one_row_marked_article(concurrent_url: str) -> None:
    rows = _rows(concurrent_url, tables.PageRow.url, tables.PageRow.kind)
    assert sorted(rows) == sorted((spec.url, "article") for spec in page_specs())


def test_one_article_per_text_under_its_canonical_address(concurrent_url: str) -> None:
    by_title = dict(_rows(concurrent_url, tables.ArticleRow.title, tables.ArticleRow.canonical_url))
    specs = page_specs()
    assert len(by_title) == len({spec.text_index for spec in specs})
    for spec in specs:
        title = next(t for t in by_title if t.endswith(f"({spec.text_index})"))
        if spec.canonical is not None:
            assert by_title[title] == spec.canonical
        else:  # a text shown under two addresses keeps the address first stored, whichever that was
            assert by_title[title] in {s.url for s in specs if s.text_index == spec.text_index}


def test_every_address_names_its_article(concurrent_url: str) -> None:
    with Store(concurrent_url, upgrade=False) as store, Session(store.engine) as session:
        titles = _titles(session)
        rows = session.execute(select(tables.ArticleUrlRow.url, tables.ArticleUrlRow.article_id)).all()
    stored = sorted((url, titles[article_id].rsplit("(", 1)[1].rstrip(")")) for url, article_id in rows)
    assert stored == sorted((spec.url, str(spec.text_index)) for spec in page_specs())


def test_texts_under_two_addresses_are_merged(concurrent_url: str) -> None:
    rows = _rows(concurrent_url, tables.ArticleUrlRow.article_id)
    per_article = Counter(article_id for (article_id,) in rows)
    assert sorted(per_article.values()).count(2) == TEXT_PAIRS + len([s for s in page_specs() if s.canonical]) // 2


def test_facts_equal_those_of_one_writer_alone(concurrent_url: str, sequential_url: str) -> None:
    assert fact_snapshot(concurrent_url) == fact_snapshot(sequential_url)


def test_no_failure_is_recorded_and_each_worker_has_its_run(concurrent_url: str) -> None:
    with Store(concurrent_url, upgrade=False) as store:
        counts = store.counts()
    assert _rows(concurrent_url, tables.CrawlFailureRow.url, tables.CrawlFailureRow.reason) == []
    assert (counts["portals"], counts["runs"]) == (1, WORKERS)


def test_portal_row_is_the_declared_one(concurrent_url: str) -> None:
    assert _rows(concurrent_url, tables.PortalRow.slug, tables.PortalRow.name) == [(PORTAL.slug, PORTAL.name)]


def test_reference_run_has_the_same_page_and_article_counts(concurrent_url: str, sequential_url: str) -> None:
    with Store(concurrent_url, upgrade=False) as a, Store(sequential_url, upgrade=False) as b:
        assert {k: v for k, v in a.counts().items() if k != "runs"} == {
            k: v for k, v in b.counts().items() if k != "runs"
        }
