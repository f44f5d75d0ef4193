"""One bad fact never costs its article: the article and its other facts are stored, the fact is named in
`crawl_failures`; an article that cannot be stored leaves its page as an error, never as a fresh article.
On SQLite and, when $VNPORTAL_TEST_PG_URL is set, on PostgreSQL (which enforces varchar lengths)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.types import Article, DocumentRef, Sitting
from models.jsonl import article_from_record
from models.records import FetchedPage, PortalRecord
from models.store import Store, StoreError
from models.tables import (
    ArticleRow,
    CrawlFailureRow,
    DocumentCitationRow,
    DocumentRow,
    OfficialMentionRow,
    OfficialRow,
    PageRow,
    SittingRow,
)

FIXTURES = Path(__file__).parent / "fixtures" / "models"
PORTAL = PortalRecord("xa-binh-an", "Cổng TTĐT xã Bình An", "https://binhan.example.gov.vn/", "commune")
URL = "https://binhan.example.gov.vn/tin-tuc/-/view_content/901-hoi-nghi"
# The extractor once ran an issuer on through a whole paragraph (6,002 characters seen on a real portal).
RUNAWAY_ISSUER = "UBND-" + "VP, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Bình An " * 95


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    opened.upsert_portal(PORTAL)
    yield opened
    opened.close()


def congress() -> Article:
    record = json.loads((FIXTURES / "article_congress.json").read_text(encoding="utf-8"))
    return dataclasses.replace(article_from_record(record), url=URL)


def page(run_id: int | None = None, content_type: str = "text/html; charset=utf-8") -> FetchedPage:
    return FetchedPage(
        url=URL,
        final_url=URL,
        status=200,
        fetched_at=datetime(2025, 8, 1, tzinfo=UTC),
        portal_slug=PORTAL.slug,
        html=b"<html><body>trang</body></html>",
        content_type=content_type,
        encoding="utf-8",
        run_id=run_id,
    )


def rows(store: Store, *columns: object) -> list[tuple[object, ...]]:
    with Session(store.engine) as session:
        return [tuple(row) for row in session.execute(select(*columns))]  # type: ignore[call-overload]


def failures(store: Store) -> list[tuple[object, ...]]:
    return rows(store, CrawlFailureRow.run_id, CrawlFailureRow.url, CrawlFailureRow.reason)


def with_document(article: Article, ref: DocumentRef) -> Article:
    facts = dataclasses.replace(article.facts, documents=[*article.facts.documents, ref])
    return dataclasses.replace(article, facts=facts)


def test_runaway_issuer_loses_only_its_document(store: Store) -> None:
    run_id = store.start_run([PORTAL.slug])
    article = with_document(congress(), DocumentRef("15", "KH", RUNAWAY_ISSUER, raw="Kế hoạch số 15-KH/UBND-VP …"))
    result = store.save_page(page(run_id), "article", article)
    assert result.article_id is not None and len(result.fact_failures) == 1
    assert "documents.doc_key holds at most 250 characters" in result.fact_failures[0]
    assert rows(store, ArticleRow.url) == [(URL,)]
    assert sorted(rows(store, DocumentRow.number, DocumentRow.type, DocumentRow.issuer)) == [
        ("112", "KH", "ĐU"),
        ("45", "NĐ", "CP"),
    ]
    assert len(rows(store, DocumentCitationRow.id)) == 2
    [(failure_run, failure_url, reason)] = failures(store)
    assert (failure_run, failure_url) == (run_id, URL)
    assert reason.startswith("facts not stored (1): documents '15|KH|UBND-VP")


def test_issuer_longer_than_its_column_but_within_the_key_is_cut_and_kept(store: Store) -> None:
    issuer = "UBND-" + "X" * 115  # 120 characters: documents.issuer holds 100, the key holds it whole
    result = store.save_page(page(), "article", with_document(congress(), DocumentRef("16", "KH", issuer)))
    assert result.fact_failures == []
    documents = rows(store, DocumentRow.number, DocumentRow.issuer, DocumentRow.doc_key)
    [(stored_issuer, doc_key)] = [(issuer, key) for number, issuer, key in documents if number == "16"]
    assert stored_issuer == issuer[:100]
    assert doc_key.startswith(f"16|KH|{issuer}|")  # whole in the key; a local issuer's place follows


def test_fact_the_database_refuses_is_left_out_and_named(store: Store) -> None:
    article = congress()
    broken = Sitting("session", None)  # type: ignore[arg-type]  # sittings.number is NOT NULL
    article.facts.sittings.append(broken)
    result = store.save_page(page(store.start_run([PORTAL.slug])), "article", article)
    assert result.article_id is not None
    assert len(result.fact_failures) == 1 and result.fact_failures[0].startswith("sittings ")
    assert rows(store, SittingRow.kind, SittingRow.number) == [("plenum", 1)]  # the good sitting stays
    assert len(rows(store, DocumentCitationRow.id)) == 2  # and every other fact
    [(reason,)] = rows(store, CrawlFailureRow.reason)
    assert reason.startswith("facts not stored (1): sittings")


def test_resaving_after_a_fact_failure_changes_no_rows(store: Store) -> None:
    article = with_document(congress(), DocumentRef("15", "KH", RUNAWAY_ISSUER))
    store.save_page(page(), "article", article)
    before = store.counts()
    store.save_page(page(), "article", article)
    assert store.counts() == before


def test_article_that_cannot_be_stored_leaves_an_error_page_fetched_again(store: Store) -> None:
    article = congress()
    article = dataclasses.replace(article, content=dataclasses.replace(article.content, published_on="31/02/2025"))
    run_id = store.start_run([PORTAL.slug])
    result = store.save_page(page(run_id), "article", article)
    assert result.article_id is None and result.error is not None and result.error.startswith("store: saving article")
    assert rows(store, PageRow.url, PageRow.kind) == [(URL, "error")]
    assert rows(store, ArticleRow.id) == []
    [(failure_run, failure_url, reason)] = failures(store)
    assert (failure_run, failure_url, reason) == (run_id, URL, result.error)
    assert store.fresh_article_urls(datetime(2025, 1, 1, tzinfo=UTC)) == set()


def test_over_long_content_type_is_cut_to_its_column(store: Store) -> None:
    content_type = "text/html; charset=utf-8; " + "x-padding=1; " * 30
    store.save_page(page(content_type=content_type), "article", congress())
    assert rows(store, PageRow.content_type) == [(content_type[:200],)]


def test_failed_article_of_an_undeclared_portal_still_stores_its_page(store: Store) -> None:
    # the portal row is created inside the transaction that fails: its id must not outlive the rollback
    article = congress()
    article = dataclasses.replace(article, content=dataclasses.replace(article.content, published_on="31/02/2025"))
    undeclared = dataclasses.replace(page(), portal_slug="xa-chua-khai-bao")
    result = store.save_page(undeclared, "article", article)
    assert result.error is not None
    assert rows(store, PageRow.kind) == [("error",)]
    store.save_page(undeclared, "article", congress())
    assert rows(store, PageRow.kind) == [("article",)]
    assert len(rows(store, ArticleRow.id)) == 1


def test_nul_in_an_official_name_keeps_the_official_and_its_mentions(store: Store) -> None:
    article = congress()
    first = article.facts.officials[0]
    article.facts.officials[0] = dataclasses.replace(first, name=first.name.replace(" ", "\x00", 1))
    result = store.save_page(page(), "article", article)
    assert result.fact_failures == []
    names = [name for (name,) in rows(store, OfficialRow.name)]
    assert first.name.replace(" ", "\ufffd", 1) in names
    mentioned = {official_id for (official_id,) in rows(store, OfficialMentionRow.official_id)}
    assert len(mentioned) == len(article.facts.officials)


def test_reextracted_article_and_its_page_kind_commit_together(store: Store) -> None:
    page_id = store.save_page(page(), "non-article").page_id
    broken = congress()
    broken = dataclasses.replace(broken, content=dataclasses.replace(broken.content, published_on="31/02/2025"))
    with pytest.raises(StoreError):
        store.save_article(page_id, PORTAL.slug, broken, mark_page=True)
    assert rows(store, PageRow.kind) == [("non-article",)]  # no page marked article without its article
    store.save_article(page_id, PORTAL.slug, congress(), mark_page=True)
    assert rows(store, PageRow.kind) == [("article",)] and len(rows(store, ArticleRow.id)) == 1
