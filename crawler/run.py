"""Python API for crawling: run the portal spider in this process with the project's settings."""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from crawler.crawl_stats import storable_stats
from crawler.errors import CrawlFailed
from crawler.locking import crawl_lock
from crawler.outcome import FINISHED, RunOutcome, decide_outcome, uses_shared_frontier
from crawler.registry import Portal
from crawler.spiders.portal import PortalSpider
from crawler.yield_check import YieldDrop
from models.store import Store

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
    still use); a new crawl takes a new frontier name. Queue entries are JSON, never pickle, and a killed
    worker's requests return to the queue (crawler/frontier.py)."""
    key = f"vnportal:{frontier}"
    return {
        "SCHEDULER": "crawler.frontier.FrontierScheduler",
        "SCHEDULER_SERIALIZER": "crawler.redis_codec",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": f"{key}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{key}:dupefilter",
        "VNPORTAL_FRONTIER_KEY": key,
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
    outcome: RunOutcome = field(default_factory=lambda: RunOutcome(FINISHED))
    run_id: int | None = None
    yield_drops: list[YieldDrop] = field(default_factory=list)
    portals: list[Portal] = field(default_factory=list)  # as crawled (a CMS read from a first page included)

    def count(self, key: str) -> int:
        value = self.stats.get(key, 0)
        return int(value) if isinstance(value, int | float) else 0


class _SignalRecordingProcess(CrawlerProcess):
    """Scrapy stops gracefully on the first SIGINT/SIGTERM; the run records which one it was."""

    received: int | None = None

    def _signal_shutdown(self, signum: int, frame: Any) -> None:
        if self.received is None:
            self.received = signum
        super()._signal_shutdown(signum, frame)


@contextmanager
def _signal_handlers_restored() -> Iterator[None]:
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def crawl(portals: list[Portal], db_url: str, overrides: Mapping[str, Any] | None = None) -> CrawlResult:
    """Crawl `portals` into the database at `db_url`; blocks until done (one crawl per process).

    Before Scrapy starts: the database is opened (created and upgraded when needed) and the portals' crawl
    locks are taken (`crawler.locking`; `CrawlLocked` when another crawl holds one). Afterwards the run row
    says how it ended (`result.outcome`: which signal stopped it, or why it could not run, is only known
    here; `RunOutcomeExtension` closed the run from inside Scrapy) and which portals' yield fell
    (`result.yield_drops`).
    """
    settings = project_settings({"VNPORTAL_DB": db_url, **(overrides or {})})
    slugs = sorted(p.slug for p in portals)
    shared = uses_shared_frontier(settings)
    started = time.monotonic()
    with Store(db_url) as store:
        with crawl_lock(store.engine, slugs, shared=shared):
            scrapy_run = _run_scrapy(settings, portals, store)
        stats = dict(scrapy_run.crawler.stats.get_stats()) if scrapy_run.crawler.stats else {}
        error = scrapy_run.failures[0] if scrapy_run.failures else None
        outcome = decide_outcome(
            stats,
            slugs,
            signum=scrapy_run.process.received,
            error=error.getErrorMessage() if error else None,
            shared_frontier=shared,
        )
        run_id = getattr(scrapy_run.crawler, "vnportal_run_id", None)
        drops: list[YieldDrop] = getattr(scrapy_run.crawler, "vnportal_yield_drops", [])
        if run_id is not None:
            store.finish_run(run_id, storable_stats(stats), outcome.status, outcome.reason)
    if error is not None:
        raise CrawlFailed(outcome.reason or "the crawl could not run", detail=error.getTraceback()) from None
    crawled = list(getattr(scrapy_run.crawler.spider, "portals", {}).values()) or portals
    return CrawlResult(stats, time.monotonic() - started, outcome, run_id, drops, crawled)


@dataclass
class _ScrapyRun:
    process: _SignalRecordingProcess
    crawler: Crawler
    failures: list[Failure]


def _run_scrapy(settings: Settings, portals: list[Portal], store: Store) -> _ScrapyRun:
    process = _SignalRecordingProcess(settings)  # configures logging: mute after it
    for name in settings.getlist("VNPORTAL_MUTED_LOGGERS"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    crawler = process.create_crawler(PortalSpider)
    crawler.vnportal_store = store  # type: ignore[attr-defined]  # shared with the pipeline
    failures: list[Failure] = []
    process.crawl(crawler, portals=portals).addErrback(failures.append)
    with _signal_handlers_restored():  # Scrapy's own would swallow a later Ctrl-C (during an export)
        process.start()
    return _ScrapyRun(process, crawler, failures)
