"""The item pipelines on a real database (SQLite file; PostgreSQL too when configured), driven without a
network: items are built from the mirror's pages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import FailureItem, PageItem
from crawler.pipelines import ExtractPipeline, StorePipeline
from crawler.registry import load_registry
from crawler.spiders.portal import PortalSpider

MIRROR = Path(__file__).parent / "fixtures" / "mirror"
ARTICLE_FILE = MIRROR / "phuong-an-khanh" / "articles"
DOCUMENT_TABLE = MIRROR / "phuong-an-khanh" / "danh-muc-van-ban.html"
SLUG = "demo-phuong-an-khanh"


class Pipelines:
    def __init__(self, db_url: str, **settings: object) -> None:
        portals = [load_registry().get(SLUG)]
        crawler = get_crawler(PortalSpider, {"VNPORTAL_DB": db_url, **settings})
        crawler.spider = PortalSpider(portals=portals)
        crawler.spider.crawler = crawler
        self.extract = ExtractPipeline.from_crawler(crawler)
        self.store = StorePipeline.from_crawler(crawler)
        self.stats = crawler.stats
        self.store.open_spider()

    def run(self, item: object) -> object:
        return self.store.process_item(self.extract.process_item(item))

    def count(self, table: str) -> int:
        return self.store.store.counts()[table]


def page_item(path: Path, url: str) -> PageItem:
    return PageItem(
        url=url,
        final_url=url,
        status=200,
        body=path.read_bytes(),
        portal_slug=SLUG,
        fetched_at=datetime.now(UTC),
        content_type="text/html; charset=utf-8",
        http_encoding="utf-8",
    )


@pytest.fixture
def pipelines(db_url: str) -> Pipelines:
    return Pipelines(db_url)


def _first_article() -> Path:
    return sorted(ARTICLE_FILE.glob("*.html"))[0]


def test_article_page_is_stored_with_its_facts(pipelines: Pipelines) -> None:
    item = pipelines.run(page_item(_first_article(), "http://phuong-an-khanh.mirror.test/web/a/-/view_content/1-a"))
    assert isinstance(item, PageItem) and item.article is not None
    assert pipelines.count("articles") == 1
    assert pipelines.count("official_mentions") > 0
    assert pipelines.count("pages") == 1


def test_storing_the_same_page_twice_adds_no_rows(pipelines: Pipelines) -> None:
    url = "http://phuong-an-khanh.mirror.test/web/a/-/view_content/1-a"
    pipelines.run(page_item(_first_article(), url))
    before = {t: pipelines.count(t) for t in ("pages", "articles", "official_mentions", "document_citations")}
    pipelines.run(page_item(_first_article(), url))
    assert {t: pipelines.count(t) for t in before} == before


def test_document_listing_is_dropped_but_its_page_is_kept(pipelines: Pipelines) -> None:
    with pytest.raises(DropItem, match="non-article"):
        pipelines.run(page_item(DOCUMENT_TABLE, "http://phuong-an-khanh.mirror.test/web/v/-/view_content/9-v"))
    assert pipelines.count("pages") == 1
    assert pipelines.count("articles") == 0


def test_undecodable_page_is_counted_not_raised(pipelines: Pipelines, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\xff\xfe" * 50)
    with pytest.raises(DropItem):
        pipelines.run(page_item(broken, "http://phuong-an-khanh.mirror.test/web/b/-/view_content/2-b"))
    assert pipelines.count("articles") == 0
    assert pipelines.count("pages") == 1


def test_failed_request_is_recorded(pipelines: Pipelines) -> None:
    with pytest.raises(DropItem):
        pipelines.run(FailureItem(url="http://phuong-an-khanh.mirror.test/x", portal_slug=SLUG, reason="HTTP 404"))
    assert pipelines.count("failures") == 1
    assert pipelines.stats.get_value("vnportal/failures_recorded") == 1


def test_closing_the_pipeline_finishes_the_run_with_stats(pipelines: Pipelines) -> None:
    pipelines.run(page_item(_first_article(), "http://phuong-an-khanh.mirror.test/web/a/-/view_content/1-a"))
    pipelines.store.close_spider()
    (run,) = pipelines.store.store.runs()
    assert run.status == "finished"
    assert run.stats["vnportal/articles_stored"] == 1


def test_page_over_the_size_budget_is_kept_and_its_skip_recorded(db_url: str) -> None:
    pipelines = Pipelines(db_url, VNPORTAL_EXTRACT_MAX_BYTES=1000)
    with pytest.raises(DropItem):
        pipelines.run(page_item(_first_article(), "http://phuong-an-khanh.mirror.test/web/a/-/view_content/1-a"))
    assert (pipelines.count("pages"), pipelines.count("articles"), pipelines.count("failures")) == (1, 0, 1)
    assert pipelines.stats.get_value("vnportal/skipped/size") == 1
