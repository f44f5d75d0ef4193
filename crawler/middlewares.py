"""Downloader middleware for incremental crawls: article pages stored recently are not fetched again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.crawl_stats import portal_key
from crawler.storage import open_store


class SkipFreshArticlesMiddleware:
    """Setting `VNPORTAL_REFETCH_AFTER_DAYS` (0 turns it off): listing pages are always fetched."""

    def __init__(self, crawler: Crawler, days: float) -> None:
        self.crawler = crawler
        self.days = days
        self.fresh: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SkipFreshArticlesMiddleware:
        days = crawler.settings.getfloat("VNPORTAL_REFETCH_AFTER_DAYS", 0)
        if days <= 0 or not crawler.settings.getbool("VNPORTAL_STORE_ENABLED", True):
            raise NotConfigured
        return cls(crawler, days)

    def _fresh_urls(self) -> set[str]:
        if self.fresh is None:
            store = open_store(self.crawler, self.crawler.settings.get("VNPORTAL_DB"))
            since = datetime.now(UTC) - timedelta(days=self.days)
            self.fresh = store.fresh_article_urls(since)
        return self.fresh

    def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get("vnportal_kind") != "article":
            return None
        if request.url in self._fresh_urls():
            self.crawler.stats.inc_value("vnportal/skipped_fresh")
            self.crawler.stats.inc_value(portal_key(request.meta.get("vnportal_portal", ""), "skipped_fresh"))
            raise IgnoreRequest(f"stored less than {self.days:g} days ago: {request.url}")
        return None


class MirrorProxyMiddleware:
    """Sends requests for the demo mirror's hosts (`*.mirror.test`) to the local mirror proxy.

    Setting `VNPORTAL_MIRROR_PROXY` ("http://127.0.0.1:PORT"); unset, the middleware is off. It sets the
    proxy on every request to those hosts, robots.txt requests included.
    """

    HOST_SUFFIX = ".mirror.test"

    def __init__(self, proxy_url: str) -> None:
        self.proxy_url = proxy_url

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorProxyMiddleware:
        proxy_url = crawler.settings.get("VNPORTAL_MIRROR_PROXY")
        if not proxy_url:
            raise NotConfigured
        return cls(proxy_url)

    def process_request(self, request: Request, spider: Any = None) -> None:
        host = urlsplit(request.url).hostname or ""
        if host.endswith(self.HOST_SUFFIX):
            request.meta["proxy"] = self.proxy_url
        return None
