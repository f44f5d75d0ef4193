"""One `models.Store` per crawl, shared by the storage pipeline and the freshness middleware."""

from __future__ import annotations

from scrapy.crawler import Crawler

from models.store import Store


def open_store(crawler: Crawler, db_url: str | None) -> Store:
    store = getattr(crawler, "vnportal_store", None)
    if store is None:
        store = Store(db_url)
        crawler.vnportal_store = store  # type: ignore[attr-defined]
    return store
