"""Extraction off the reactor: worker processes, each page with a time and a size budget.

Extraction costs tens of milliseconds a page and some inputs cost far more; run on the crawl's event loop it
holds every download back. `WorkerExtractPipeline` sends each fetched page to a pool of worker processes
(`concurrent.futures.ProcessPoolExecutor`) and awaits the result, so the reactor keeps downloading while the
workers extract. A page larger than `VNPORTAL_EXTRACT_MAX_BYTES`, or still unfinished after
`VNPORTAL_EXTRACT_TIME_BUDGET` seconds, is recorded as skipped with its reason; the crawl goes on.

Settings: `VNPORTAL_EXTRACT_WORKERS` (processes; 0 extracts in the crawl process, as `ExtractPipeline` does),
`VNPORTAL_EXTRACT_TIME_BUDGET` (seconds per page), `VNPORTAL_EXTRACT_MAX_BYTES`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extract_worker import (
    DEFAULT_TIME_BUDGET,
    ExtractionJob,
    ExtractionOutcome,
    StoreJob,
    extract_and_store,
    run_job,
    warm_up,
)
from crawler.items import PageItem
from extractors.options import SelectorOverrides
from extractors.page.profiles import load_profiles
from extractors.types import PageKind

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 4 * 1024 * 1024
HARD_TIMEOUT_GRACE = 5.0  # a worker stuck in C code past its own alarm is killed this much later


def job_for(item: PageItem, crawler: Crawler) -> ExtractionJob:
    """The page and what the registry says of its portal: selector overrides, and the CMS family when the
    extractors know it (reading it from each page's markup again costs milliseconds a page)."""
    portal = getattr(crawler.spider, "portals", {}).get(item.portal_slug)
    selectors = portal.selectors if portal is not None else SelectorOverrides()
    cms = portal.cms if portal is not None and portal.cms in load_profiles() else None
    return ExtractionJob(item.body, item.final_url, item.http_encoding, selectors, cms)


def over_size(job: ExtractionJob, max_bytes: int) -> ExtractionOutcome | None:
    if max_bytes and len(job.body) > max_bytes:
        reason = f"over the size budget: {len(job.body):,} bytes > {max_bytes:,}"
        return ExtractionOutcome(kind="error", reason=reason, skipped=True)
    return None


def apply_outcome(item: PageItem, outcome: ExtractionOutcome, stats: Any) -> PageItem:
    """Record the outcome on the item and in the crawl's stats (rejections and skips counted per reason)."""
    item.kind, item.article = outcome.kind, outcome.article
    item.stored, item.article_id = outcome.stored, outcome.article_id
    item.errors.extend(outcome.errors)
    if outcome.stored:
        stats.inc_value("vnportal/stored_by_workers")
    if outcome.skipped:
        stats.inc_value("vnportal/skipped_pages")
        stats.inc_value(f"vnportal/skipped/{_stat_key(outcome.reason)}")
    elif outcome.kind == "error":
        logger.warning("extraction failed for %s: %s", item.final_url, outcome.reason)
        stats.inc_value("vnportal/extract_errors")
    elif outcome.kind == "non-article":
        stats.inc_value("vnportal/non_articles")
        stats.inc_value(f"vnportal/not_an_article/{outcome.reason or 'unknown'}")
    elif outcome.article_kind == PageKind.NOTICE:
        stats.inc_value("vnportal/notices")
    return item


def _stat_key(reason: str | None) -> str:
    return "time" if reason and "time" in reason else "size"


def extract_here(item: PageItem, crawler: Crawler) -> PageItem:
    """Extraction in the crawl process, with the same budgets (tests, and `VNPORTAL_EXTRACT_WORKERS = 0`)."""
    seconds, max_bytes = page_budget(crawler)
    job = job_for(item, crawler)
    return apply_outcome(item, over_size(job, max_bytes) or run_job(job, seconds), crawler.stats)


class ExtractionPool:
    """A process pool awaited from the event loop; at most one page per worker is in flight, so a page's
    time budget counts from when a worker takes it, not from when it was queued."""

    def __init__(self, workers: int, seconds: float = DEFAULT_TIME_BUDGET, max_bytes: int = DEFAULT_MAX_BYTES):
        self.workers = workers
        self.seconds = seconds
        self.max_bytes = max_bytes
        self._executor: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None
        self._warming: list[Future[int]] = []
        self._warmed = False

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("spawn")  # never fork a process running a reactor
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=warm_up, initargs=(context.Lock(),)
            )
        return self._executor

    def start(self) -> None:
        """Start the workers now, so their start-up overlaps the crawl's first requests."""
        pool = self._pool()
        self._warming = [pool.submit(int) for _ in range(self.workers)]

    async def _started(self) -> None:
        """Workers are spawned and have loaded the extractors: a page's time budget starts after that."""
        if self._warmed:
            return
        if not self._warming:
            self.start()
        for future in list(self._warming):
            with suppress(BrokenProcessPool):  # the page then retries on a new pool
                await asyncio.wrap_future(future)
        self._warmed = True

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """Kill a pool whose worker is stuck past its budget; the pages it held are retried elsewhere."""
        if self._executor is not broken:
            return
        for process in list(getattr(broken, "_processes", {}).values()):
            process.kill()
        broken.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        self._warming, self._warmed = [], False

    async def extract(self, job: ExtractionJob, store_job: StoreJob | None = None) -> ExtractionOutcome:
        skipped = over_size(job, self.max_bytes)
        if skipped is not None:
            return skipped
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        async with self._slots:
            await self._started()
            for _attempt in range(2):
                pool = self._pool()
                submitted = (
                    pool.submit(extract_and_store, job, self.seconds, store_job)
                    if store_job is not None
                    else pool.submit(run_job, job, self.seconds)
                )
                future = asyncio.wrap_future(submitted)
                try:
                    return await asyncio.wait_for(future, self.seconds + HARD_TIMEOUT_GRACE if self.seconds else None)
                except TimeoutError:
                    self._restart(pool)
                    return ExtractionOutcome(
                        kind="error", reason=f"over the time budget of {self.seconds:g} s", skipped=True
                    )
                except BrokenProcessPool:
                    self._restart(pool)  # another page's worker was killed: try this page once more
        return ExtractionOutcome(kind="error", reason="extraction worker died")

    def close(self) -> None:
        """At the end of the crawl every page is done: workers still starting up are not waited for."""
        if self._executor is not None:
            self._restart(self._executor)


def configured_workers(crawler: Crawler) -> int:
    """`VNPORTAL_EXTRACT_WORKERS`: a number, or "auto" (one per CPU); unset means in-process."""
    workers = crawler.settings.get("VNPORTAL_EXTRACT_WORKERS", 0)
    return (os.cpu_count() or 1) if workers == "auto" else max(int(workers or 0), 0)


def page_budget(crawler: Crawler) -> tuple[float, int]:
    return (
        crawler.settings.getfloat("VNPORTAL_EXTRACT_TIME_BUDGET", DEFAULT_TIME_BUDGET),
        crawler.settings.getint("VNPORTAL_EXTRACT_MAX_BYTES", DEFAULT_MAX_BYTES),
    )


class WorkerExtractPipeline:
    """The extraction stage with worker processes (replaces `ExtractPipeline` when workers > 0)."""

    def __init__(self, crawler: Crawler, pool: ExtractionPool) -> None:
        self.crawler = crawler
        self.pool = pool
        settings = crawler.settings
        self.store_here = settings.getbool("VNPORTAL_STORE_ENABLED", True) and settings.getbool(
            "VNPORTAL_STORE_IN_WORKERS", True
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WorkerExtractPipeline:
        if not crawler.settings.getbool("VNPORTAL_EXTRACT_ENABLED", True):
            raise NotConfigured
        workers = configured_workers(crawler)
        if workers == 0:
            raise NotConfigured  # ExtractPipeline extracts in the crawl process
        return cls(crawler, ExtractionPool(workers, *page_budget(crawler)))

    def open_spider(self, spider: Any = None) -> None:
        self.pool.start()

    def close_spider(self, spider: Any = None) -> None:
        self.pool.close()

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, PageItem):
            return item
        outcome = await self.pool.extract(job_for(item, self.crawler), self._store_job(item))
        return apply_outcome(item, outcome, self.crawler.stats)

    def _store_job(self, item: PageItem) -> StoreJob | None:
        """The worker stores the page too, once the storage pipeline has started the run."""
        run_id = getattr(self.crawler, "vnportal_run_id", None)
        if not self.store_here or run_id is None:
            return None
        page = dataclasses.replace(item.fetched_page(run_id), html=None)
        return StoreJob(self.crawler.settings.get("VNPORTAL_DB"), page)
