"""Item pipelines: extraction (pure extractors) then storage (models.Store).

Settings: `VNPORTAL_EXTRACT_ENABLED`, `VNPORTAL_STORE_ENABLED`, `VNPORTAL_DB`. A failure on one page is a
stats counter and a recorded failure, never a crash of the crawl; nothing already stored is lost.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.extraction import configured_workers, extract_here
from crawler.items import FailureItem, PageItem
from crawler.page_store import store_page
from crawler.storage import open_store
from models.records import PageSaveResult, PortalRecord

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turns a fetched page into an `Article` (or marks it as a non-article or an extraction error), in the
    crawl process; with `VNPORTAL_EXTRACT_WORKERS` set, `crawler.extraction.WorkerExtractPipeline` does it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        if not crawler.settings.getbool("VNPORTAL_EXTRACT_ENABLED", True) or configured_workers(crawler):
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, PageItem):
            return item
        return extract_here(item, self.crawler)


class StorePipeline:
    """Stores every fetched page (compressed HTML), its article and facts, and failures, per crawl run."""

    def __init__(self, crawler: Crawler, db_url: str | None) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_url = db_url
        self.store: Any = None
        self.run_id: int | None = None
        self.article_ids: set[int] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        if not crawler.settings.getbool("VNPORTAL_STORE_ENABLED", True):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("VNPORTAL_DB"))

    def open_spider(self, spider: Any = None) -> None:
        self.store = open_store(self.crawler, self.db_url)
        portals = getattr(self.crawler.spider, "portals", {})
        for portal in portals.values():
            self.store.upsert_portal(
                PortalRecord(
                    slug=portal.slug,
                    name=portal.name,
                    base_url=portal.base_url,
                    level=portal.level,
                    province=portal.province,
                    cms=portal.cms,
                )
            )
        self.run_id = self.store.start_run(sorted(portals))
        self.crawler.vnportal_run_id = self.run_id  # type: ignore[attr-defined]

    def close_spider(self, spider: Any = None) -> None:
        if self.store is None:
            return
        stats = {k: v for k, v in self.stats.get_stats().items() if isinstance(v, int | float | str)}
        self.store.finish_run(self.run_id, stats, status="finished")

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, FailureItem):
            self.store.record_failure(self.run_id, item.url, f"{item.kind}: {item.reason}")
            self.stats.inc_value("vnportal/failures_recorded")
            raise DropItem(f"failed {item.kind} {item.url}: {item.reason}")
        if not isinstance(item, PageItem):
            return item
        return self._store_page(item)

    def _store_page(self, item: PageItem) -> PageItem:
        if not item.stored:  # extraction workers store what they extract (crawler.extraction)
            try:
                # page, article and facts in one transaction: never a page marked article without its article
                saved = store_page(self.store, item.fetched_page(self.run_id), item.kind, item.errors, item.article)
            except Exception as error:  # stored rows of other pages stay; this one is counted and reported
                logger.error("storing %s failed: %r", item.final_url, error)
                self.stats.inc_value("vnportal/store_errors")
                self.store.record_failure(self.run_id, item.final_url, f"store: {error!r}")
                raise DropItem(f"could not store {item.final_url}: {error}") from error
            self._report(item, saved)
            item.article_id = saved.article_id
        if item.article_id is None:
            raise DropItem(f"{item.kind}: {item.final_url} stored as a page, not as an article")
        self.article_ids.add(item.article_id)
        self.stats.inc_value("vnportal/article_pages_stored")
        self.stats.set_value("vnportal/articles_stored", len(self.article_ids))
        return item

    def _report(self, item: PageItem, saved: PageSaveResult) -> None:
        if saved.fact_failures:  # the article is stored; the facts named were left out (in crawl_failures)
            logger.warning("%s: facts not stored: %s", item.final_url, "; ".join(saved.fact_failures))
            self.stats.inc_value("vnportal/fact_failures", len(saved.fact_failures))
        if saved.error is not None:  # kept as an error page (fetched again next time), reason recorded
            logger.error("storing the article of %s failed: %s", item.final_url, saved.error)
            self.stats.inc_value("vnportal/store_errors")
            raise DropItem(f"could not store the article of {item.final_url}: {saved.error}")


class ResolvePipeline:
    """When a crawl ends, rebuilds places, people and congresses from everything stored (`models.resolve`).

    Setting: `VNPORTAL_RESOLVE_ENABLED`. A failure is logged and counted; the crawl's stored rows stay."""

    def __init__(self, crawler: Crawler, db_url: str | None) -> None:
        self.crawler = crawler
        self.db_url = db_url

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResolvePipeline:
        enabled = crawler.settings.getbool("VNPORTAL_RESOLVE_ENABLED", True)
        if not enabled or not crawler.settings.getbool("VNPORTAL_STORE_ENABLED", True):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("VNPORTAL_DB"))

    def process_item(self, item: Any, spider: Any = None) -> Any:
        return item

    def close_spider(self, spider: Any = None) -> None:
        from models.resolve import resolve_entities

        try:
            summary = resolve_entities(open_store(self.crawler, self.db_url).engine)
        except Exception as error:  # the facts are stored; the next crawl or reextract resolves them
            logger.error("resolving people, places and congresses failed: %r", error)
            self.crawler.stats.inc_value("vnportal/resolve_errors")
            return
        self.crawler.stats.set_value("vnportal/people", summary.people)
        self.crawler.stats.set_value("vnportal/congresses", summary.congresses)
