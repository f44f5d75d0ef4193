"""Python API for crawling: run the portal spider in this process with the project's settings."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.registry import Portal
from crawler.spiders.portal import PortalSpider

DEFAULT_DB_URL = "sqlite:///vnportal.db"
MIRROR_ROOT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mirror"

# The bundled mirror is local: no politeness delay, and every page is fetched again on each demo run so
# that the run shows that re-crawling adds no duplicate rows.
DEMO_SETTINGS: Mapping[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "VNPORTAL_REFETCH_AFTER_DAYS": 0,
    "LOG_LEVEL": "WARNING",
    "RETRY_TIMES": 0,
    "VNPORTAL_EXTRACT_WORKERS": 0,  # a few dozen pages: starting worker processes would cost more than it saves
}


def distributed_settings(redis_url: str, frontier: str) -> dict[str, Any]:
    """scrapy-redis: every worker started with the same `frontier` name shares one request queue and one
    duplicate filter in Redis. The frontier persists (a finished worker must not wipe what the others
    still use); a new crawl takes a new frontier name."""
    key = f"vnportal:{frontier}"
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": f"{key}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{key}:dupefilter",
        "REDIS_URL": redis_url,
    }


def default_frontier(portals: list[Portal]) -> str:
    """Workers started on the same UTC day for the same portals share a frontier unless told otherwise."""
    return f"{datetime.now(UTC):%Y-%m-%d}:{','.join(sorted(p.slug for p in portals))}"


def resolve_db_url(url: str | None) -> str:
    """The `--db` value, else `$VNPORTAL_DB`, else `vnportal.db` in the working directory."""
    return url or os.environ.get("VNPORTAL_DB") or DEFAULT_DB_URL


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    if settings.get("VNPORTAL_MIRROR_PROXY"):  # https addresses of mirrored hosts come from the plain-http proxy
        settings.set("DOWNLOAD_HANDLERS", {"https": "crawler.mirror_download.MirrorAwareDownloadHandler"}, "cmdline")
    return settings


@dataclass
class CrawlResult:
    stats: dict[str, Any]
    seconds: float
    portals: list[Portal] = field(default_factory=list)  # as crawled (a CMS read from a first page included)

    def count(self, key: str) -> int:
        value = self.stats.get(key, 0)
        return int(value) if isinstance(value, int | float) else 0


def crawl(portals: list[Portal], db_url: str, overrides: Mapping[str, Any] | None = None) -> CrawlResult:
    """Crawl `portals` into the database at `db_url`; blocks until done (one crawl per process)."""
    settings = project_settings({"VNPORTAL_DB": db_url, **(overrides or {})})
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PortalSpider)
    started = time.monotonic()
    process.crawl(crawler, portals=portals)
    process.start()
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    crawled = list(getattr(crawler.spider, "portals", {}).values()) or portals
    return CrawlResult(stats=stats, seconds=time.monotonic() - started, portals=crawled)
