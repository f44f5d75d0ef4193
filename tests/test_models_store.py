"""The crawler's `Store` on a real SQLite file and, when $VNPORTAL_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.types import Article, Facts, Official, Sitting
from models.jsonl import article_from_record
from models.records import FetchedPage, PortalRecord
from models.store import ArticleSaveError, Store, StoreError
from models.tables import ArticleRow, CrawlRunRow, DocumentRow, OfficialMentionRow

FIXTURES = Path(__file__).parent / "fixtures" / "models"
PORTAL = PortalRecord(
    slug="tanphuocdong",
    name="Cổng thông tin điện tử xã Tân Phước Đông",
    base_url="https://tanphuocdong.example.gov.vn/",
    level="commune",
    province="Tỉnh Mẫu Sơn",
    cms="liferay",
)
FETCHED_AT = datetime(2025, 6, 15, 2, 30, tzinfo=UTC)


def load_article(name: str) -> Article:
    return article_from_record(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))


def fetched(url: str, html: bytes | None = None, run_id: int | None = None, status: int = 200) -> FetchedPage:
    return FetchedPage(
        url=url,
        final_url=url,
        status=status,
        fetched_at=FETCHED_AT,
        portal_slug=PORTAL.slug,
        html=html,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        run_id=run_id,
    )


def crawl(store: Store, names: list[str]) -> dict[str, int]:
    """One crawl as the pipeline does it: portal, run, page, article, finish; returns the row counts."""
    store.upsert_portal(PORTAL)
    run_id = store.start_run([PORTAL.slug])
    html = (FIXTURES / "page_tandan_article.html").read_bytes()
    for name in names:
        article = load_article(name)
        page_id = store.record_page(fetched(article.url or "", html, run_id), "article")
        store.save_article(page_id, PORTAL.slug, article)
    store.finish_run(run_id, {"pages": len(names), "articles": len(names)})
    return store.counts()


def stored_article(store: Store, article_id: int) -> ArticleRow:
    with Session(store.engine) as session:
        return session.get_one(ArticleRow, article_id)


def test_new_database_is_created_empty(store: Store) -> None:
    assert set(store.counts().values()) == {0}


def test_upsert_portal_keeps_one_row_and_takes_new_fields(store: Store) -> None:
    first = store.upsert_portal(PORTAL)
    second = store.upsert_portal(dataclasses.replace(PORTAL, name="Cổng TTĐT xã Tân Phước Đông (mới)"))
    assert first == second
    assert store.counts()["portals"] == 1


def test_record_page_keeps_raw_html_for_reextraction(store: Store) -> None:
    html = (FIXTURES / "page_tandan_article.html").read_bytes()
    store.record_page(fetched("https://tanphuocdong.example.gov.vn/a/1", html), "article")
    [page] = list(store.iter_pages_for_reextraction())
    assert page.html == html
    assert page.portal_slug == PORTAL.slug


def test_page_fingerprint_is_sha256_of_body(store: Store) -> None:
    html = (FIXTURES / "page_tandan_article.html").read_bytes()
    store.record_page(fetched("https://tanphuocdong.example.gov.vn/a/1", html), "article")
    assert store.page_fingerprint("https://tanphuocdong.example.gov.vn/a/1") == hashlib.sha256(html).hexdigest()
    assert store.page_fingerprint("https://tanphuocdong.example.gov.vn/never") is None


def test_same_page_recorded_twice_is_one_row(store: Store) -> None:
    url = "https://tanphuocdong.example.gov.vn/a/1"
    first = store.record_page(fetched(url, b"<html>v1</html>"), "article")
    second = store.record_page(fetched(url, b"<html>v2</html>"), "article")
    assert first == second
    assert store.known_page_hashes() == {url: hashlib.sha256(b"<html>v2</html>").hexdigest()}


def test_fetch_without_body_keeps_the_stored_body(store: Store) -> None:
    url = "https://tanphuocdong.example.gov.vn/a/1"
    store.record_page(fetched(url, b"<html>good</html>"), "article")
    store.record_page(fetched(url, None, status=503), "error")
    assert store.page_fingerprint(url) == hashlib.sha256(b"<html>good</html>").hexdigest()


def test_reextraction_skips_error_pages_and_other_portals(store: Store) -> None:
    store.record_page(fetched("https://tanphuocdong.example.gov.vn/a/1", b"<p>1</p>"), "article")
    store.record_page(fetched("https://tanphuocdong.example.gov.vn/a/2", b"<p>2</p>"), "error")
    other = dataclasses.replace(fetched("https://xuanlap.example.gov.vn/a/3", b"<p>3</p>"), portal_slug="xuanlap")
    store.record_page(other, "non-article")
    urls = [p.url for p in store.iter_pages_for_reextraction(PORTAL.slug, batch_size=1)]
    assert urls == ["https://tanphuocdong.example.gov.vn/a/1"]


def test_unknown_page_kind_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="page kind"):
        store.record_page(fetched("https://tanphuocdong.example.gov.vn/a/1", b"x"), "listing")


def test_article_fields_are_stored(store: Store) -> None:
    article = load_article("article_congress")
    article_id = store.save_article(None, PORTAL.slug, article)
    row = stored_article(store, article_id)
    assert (row.title, row.published_on, row.text) == (
        article.content.title,
        article.content.published_on,
        article.content.text,
    )
    assert row.canonical_url == article.content.canonical_url


def test_second_crawl_of_same_pages_adds_no_rows(store: Store) -> None:
    names = ["article_congress", "article_council_session", "article_short_notice"]
    first = crawl(store, names)
    second = crawl(store, names)
    assert {k: v for k, v in second.items() if k != "runs"} == {k: v for k, v in first.items() if k != "runs"}
    assert first["articles"] == 3


def test_same_text_under_another_url_is_one_article(store: Store) -> None:
    article = load_article("article_congress")
    first = store.save_article(None, PORTAL.slug, article)
    moved = dataclasses.replace(
        article, url="https://tanphuocdong.example.gov.vn/xay-dung-dang/-/view_content/9001-dai-hoi"
    )
    moved.content = dataclasses.replace(article.content, canonical_url=None)
    assert store.save_article(None, PORTAL.slug, moved) == first
    assert store.counts()["articles"] == 1


def test_article_under_two_paths_keeps_its_first_url(store: Store) -> None:
    article = load_article("article_council_session")
    first = store.save_article(None, PORTAL.slug, article)
    store.save_article(None, PORTAL.slug, dataclasses.replace(article, url=f"{article.url}?PageIndex=12"))
    assert stored_article(store, first).url == article.url


def test_short_identical_texts_stay_separate_articles(store: Store) -> None:
    notice = load_article("article_short_notice")
    other = dataclasses.replace(notice, url="https://xuanlap.example.gov.vn/lich-tiep-cong-dan-thang-8/")
    store.save_article(None, PORTAL.slug, notice)
    store.save_article(None, PORTAL.slug, other)
    assert store.counts()["articles"] == 2


def test_canonical_link_to_home_page_does_not_merge_articles(store: Store) -> None:
    notice = load_article("article_short_notice")
    notice.content.canonical_url = "https://xuanlap.example.gov.vn/"
    other = dataclasses.replace(notice, url="https://xuanlap.example.gov.vn/lich-tiep-cong-dan-thang-8/")
    assert store.save_article(None, PORTAL.slug, notice) != store.save_article(None, PORTAL.slug, other)


def test_resaving_an_article_replaces_its_facts(store: Store) -> None:
    article = load_article("article_congress")
    store.save_article(None, PORTAL.slug, article)
    article.facts = Facts(officials=article.facts.officials[:1])
    store.save_article(None, PORTAL.slug, article)
    counts = store.counts()
    assert (counts["official_mentions"], counts["document_citations"], counts["dated_mentions"]) == (2, 0, 0)


def test_nul_character_in_text_is_stored_without_shifting_offsets(store: Store) -> None:
    article = load_article("article_council_session")
    article.content.text = article.content.text.replace("(kỳ họp", "\x00(kỳ họp", 1)[:-1]
    row = stored_article(store, store.save_article(None, PORTAL.slug, article))
    assert len(row.text) == len(article.content.text) and "\x00" not in row.text


def test_official_is_shared_across_spellings(store: Store) -> None:
    congress = load_article("article_congress")
    council = load_article("article_council_session")
    # old-style tone placement and capitals name the same person
    council.facts.officials.append(Official("LÊ THỊ HỒNG  NHUNG", ["Bí thư Đảng uỷ xã"]))
    store.save_article(None, PORTAL.slug, congress)
    store.save_article(None, PORTAL.slug, council)
    assert store.counts()["officials"] == 4


def test_official_without_title_is_not_duplicated_on_resave(store: Store) -> None:
    council = load_article("article_council_session")
    store.save_article(None, PORTAL.slug, council)
    store.save_article(None, PORTAL.slug, council)
    with Session(store.engine) as session:
        titles = session.execute(select(OfficialMentionRow.title)).scalars().all()
    assert sorted(titles) == ["", "Chủ tịch HĐND phường"]


def test_document_without_type_is_one_row_across_articles(store: Store) -> None:
    council = load_article("article_council_session")
    store.save_article(None, PORTAL.slug, council)
    second = dataclasses.replace(council, url="https://binhtritay.example.gov.vn/portal/Pages/2024-12-10/x.aspx")
    second.content = dataclasses.replace(council.content, text=council.content.text + " Bổ sung.")
    store.save_article(None, PORTAL.slug, second)
    counts = store.counts()
    assert (counts["articles"], counts["documents"], counts["document_citations"]) == (2, 2, 4)


def test_document_number_loses_leading_zeros(store: Store) -> None:
    store.save_article(None, PORTAL.slug, load_article("article_council_session"))
    with Session(store.engine) as session:
        numbers = session.execute(select(DocumentRow.number).where(DocumentRow.type == "QĐ")).scalars().all()
    assert numbers == ["7"]


def test_bad_article_raises_and_keeps_earlier_rows(store: Store) -> None:
    store.save_article(None, PORTAL.slug, load_article("article_congress"))
    broken = load_article("article_council_session")
    broken.facts.sittings.append(Sitting("session", None))  # type: ignore[arg-type]  # NOT NULL column
    with pytest.raises(ArticleSaveError):
        store.save_article(None, PORTAL.slug, broken)
    counts = store.counts()
    assert (counts["articles"], counts["sittings"]) == (1, 1)


def test_article_without_any_url_is_refused(store: Store) -> None:
    notice = load_article("article_short_notice")
    notice.url = None
    with pytest.raises(ArticleSaveError, match="URL"):
        store.save_article(None, PORTAL.slug, notice)


def test_failures_are_recorded_once_per_run_and_url(store: Store) -> None:
    run_id = store.start_run([PORTAL.slug])
    store.record_failure(run_id, "https://tanphuocdong.example.gov.vn/a/9", "HTTP 500")
    store.record_failure(run_id, "https://tanphuocdong.example.gov.vn/a/9", "timeout")
    store.record_failure(store.start_run([PORTAL.slug]), "https://tanphuocdong.example.gov.vn/a/9", "HTTP 500")
    assert store.counts()["failures"] == 2


def test_finish_run_stores_status_and_stats(store: Store) -> None:
    run_id = store.start_run([PORTAL.slug])
    store.finish_run(run_id, {"pages": 12, "failures": 1}, status="interrupted")
    with Session(store.engine) as session:
        run = session.get_one(CrawlRunRow, run_id)
    assert (run.status, run.stats, run.portals) == ("interrupted", {"pages": 12, "failures": 1}, [PORTAL.slug])


def test_finishing_an_unknown_run_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no crawl run"):
        store.finish_run(404, {})


@pytest.mark.parametrize(
    "query",
    ["dang uy", "DANG UY", "Đảng ủy", "Đảng uỷ", "tan phuoc dong", "  lan thu   i, nhiem ky 2025 - 2030 "],
)
def test_search_ignores_diacritics_case_and_spacing(store: Store, query: str) -> None:
    store.save_article(None, PORTAL.slug, load_article("article_congress"))
    store.save_article(None, PORTAL.slug, load_article("article_council_session"))
    assert [a.title for a in store.search(query)] == [load_article("article_congress").content.title]


@pytest.mark.parametrize("query", ["%", "_", "dang  uy  xa  binh", ""])
def test_search_finds_nothing_for_wildcards_or_absent_phrases(store: Store, query: str) -> None:
    store.save_article(None, PORTAL.slug, load_article("article_congress"))
    assert store.search(query) == []


def test_fresh_article_urls_are_those_fetched_since_the_cutoff(store: Store) -> None:
    old = fetched("https://phuong.example.gov.vn/cu")
    old.fetched_at = datetime(2024, 1, 1, tzinfo=UTC)
    store.record_page(old, "article")
    store.record_page(fetched("https://phuong.example.gov.vn/moi"), "article")
    store.record_page(fetched("https://phuong.example.gov.vn/loi", status=500), "error")
    assert store.fresh_article_urls(datetime(2025, 1, 1, tzinfo=UTC)) == {"https://phuong.example.gov.vn/moi"}


def test_runs_are_listed_with_their_stats(store: Store) -> None:
    run_id = store.start_run(["phuong-mau"])
    store.finish_run(run_id, {"pages": 3})
    (run,) = store.runs()
    assert (run.id, run.status, run.portals, run.stats) == (run_id, "finished", ["phuong-mau"], {"pages": 3})
