"""Crawl extensions: per-portal counters, the progress display, the run's heartbeat, and idle handling for a
shared frontier."""

from __future__ import annotations

import logging
import time
from contextlib import ExitStack
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from twisted.internet import task

from crawler.crawl_stats import TOTAL_KEYS, portal_key, portal_tallies, storable_stats, total
from crawler.items import FailureItem, PageItem
from crawler.outcome import FINISHED, decide_outcome, uses_shared_frontier
from crawler.progress import ProgressDisplay, format_duration, rate
from crawler.yield_check import YieldDrop, YieldRule, drops_as_stats, yield_drops

logger = logging.getLogger(__name__)
PORTALS_SHOWN = 10  # portal lines in the progress block; the busiest first
YIELD_HISTORY_SCAN = 200  # recent finished runs searched for each portal's history


class PortalStatsExtension:
    """Counts per portal what was fetched, stored and failed (`crawler.crawl_stats`), plus run totals."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.first_failure: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PortalStatsExtension:
        extension = cls(crawler)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        return extension

    def count(self, slug: str, counter: str) -> None:
        self.stats.inc_value(portal_key(slug, counter))
        if counter in TOTAL_KEYS:
            self.stats.inc_value(TOTAL_KEYS[counter])

    def response_received(self, response: Response, request: Request, spider: Any = None) -> None:
        slug = request.meta.get("vnportal_portal")
        if slug and response.status < 400:
            self.count(slug, "fetched")

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        if isinstance(item, PageItem):
            self.count(item.portal_slug, "stored")

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None, spider: Any = None) -> None:
        if isinstance(item, FailureItem):
            self.failed(item.portal_slug, f"{item.url}: {item.reason}")
        elif isinstance(item, PageItem) and (item.kind == "error" or item.article is not None):
            # an extraction error, or an article the store could not save
            self.failed(item.portal_slug, f"{item.final_url}: {exception}")

    def failed(self, slug: str, what: str) -> None:
        self.count(slug, "failed")
        if slug not in self.first_failure:  # one example per portal, for "portal down" messages
            self.first_failure.add(slug)
            self.stats.set_value(portal_key(slug, "first_failure"), what[:300])


def progress_lines(stats: dict[str, Any], seconds: float) -> list[str]:
    tallies = portal_tallies(stats)
    summed = total(tallies)
    lines = [
        f"crawl: {summed.fetched} fetched, {summed.stored} stored, {summed.failed} failed"
        f" ({rate(summed.fetched, seconds)}, {format_duration(seconds)})"
    ]
    busiest = sorted(tallies, key=lambda slug: -(tallies[slug].fetched + tallies[slug].failed))[:PORTALS_SHOWN]
    width = max(map(len, busiest), default=0)
    for slug in sorted(busiest):  # a stable order: lines do not jump between updates
        tally = tallies[slug]
        lines.append(f"  {slug:{width}}  {tally.fetched:6} fetched {tally.stored:6} stored {tally.failed:5} failed")
    if len(tallies) > PORTALS_SHOWN:
        lines.append(f"  … and {len(tallies) - PORTALS_SHOWN} more portals")
    return lines


class ProgressExtension:
    """The crawl's progress on stderr (`crawler.progress`): per portal fetched/stored/failed, rate, elapsed.

    Settings: `VNPORTAL_PROGRESS_ENABLED`, `VNPORTAL_PROGRESS_INTERVAL` (seconds between lines when stderr is
    not a terminal; a terminal is redrawn twice a second).
    """

    def __init__(self, crawler: Crawler, display: ProgressDisplay) -> None:
        self.crawler = crawler
        self.display = display
        self.ticker = task.LoopingCall(self.tick)
        self.cleanup = ExitStack()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        if not crawler.settings.getbool("VNPORTAL_PROGRESS_ENABLED", True):
            raise NotConfigured
        display = ProgressDisplay()
        if not display.terminal:
            display.interval = crawler.settings.getfloat("VNPORTAL_PROGRESS_INTERVAL", display.interval)
        extension = cls(crawler, display)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def lines(self) -> list[str]:
        return progress_lines(self.crawler.stats.get_stats(), self.display.elapsed())

    def tick(self) -> None:
        self.display.update(self.lines)

    def opened(self, spider: Any = None) -> None:
        self.cleanup.enter_context(self.display.above_logs())
        self.ticker.start(min(1.0, self.display.interval), now=False)

    def closed(self, spider: Any = None, reason: str = "") -> None:
        if self.ticker.running:
            self.ticker.stop()
        if self.display.terminal:
            self.display.update(self.lines, force=True)
        self.display.finish()
        self.cleanup.close()


class RunHeartbeatExtension:
    """Refreshes the run's heartbeat (`crawl_runs.heartbeat_at`) every `VNPORTAL_HEARTBEAT_SECONDS`, so a
    later crawl can tell this run from one whose process was killed (`models.runs`)."""

    def __init__(self, crawler: Crawler, seconds: float) -> None:
        self.crawler = crawler
        self.ticker = task.LoopingCall(self.beat)
        self.seconds = seconds

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunHeartbeatExtension:
        seconds = crawler.settings.getfloat("VNPORTAL_HEARTBEAT_SECONDS", 60.0)
        if seconds <= 0 or not crawler.settings.getbool("VNPORTAL_STORE_ENABLED", True):
            raise NotConfigured
        extension = cls(crawler, seconds)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider: Any = None) -> None:
        self.ticker.start(self.seconds, now=False)

    def beat(self) -> None:
        store = getattr(self.crawler, "vnportal_store", None)
        run_id = getattr(self.crawler, "vnportal_run_id", None)
        if store is None or run_id is None:
            return
        try:
            store.heartbeat(run_id)
        except Exception as error:  # a missed heartbeat must not stop the crawl; the next one may work
            logger.warning("could not record the run's heartbeat: %s", error)

    def closed(self, spider: Any = None, reason: str = "") -> None:
        if self.ticker.running:
            self.ticker.stop()


class RunOutcomeExtension:
    """Closes the crawl's run row with its outcome (`crawler.outcome`) and flags portals whose yield fell
    (`crawler.yield_check`), whichever way the crawl was started (`vnportal crawl`, `scrapy crawl`).

    The pipeline opened the run; this runs after it closed (spider_closed), when the close reason is known.
    `crawler.run` refines the outcome afterwards with what only the process knows (which signal, a start-up
    error) and keeps the flags found here (`crawler.vnportal_yield_drops`).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunOutcomeExtension:
        if not crawler.settings.getbool("VNPORTAL_STORE_ENABLED", True):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def closed(self, spider: Any = None, reason: str = "") -> None:
        store = getattr(self.crawler, "vnportal_store", None)
        run_id = getattr(self.crawler, "vnportal_run_id", None)
        if store is None or run_id is None:
            return
        stats = {**self.crawler.stats.get_stats(), "finish_reason": reason}
        portals = sorted(getattr(spider, "portals", {}))
        outcome = decide_outcome(stats, portals, shared_frontier=uses_shared_frontier(self.crawler.settings))
        drops: list[YieldDrop] = []
        if outcome.status == FINISHED:
            earlier = [run for run in store.recent_runs(limit=YIELD_HISTORY_SCAN, status=FINISHED) if run.id != run_id]
            drops = yield_drops(portals, stats, earlier, YieldRule.from_settings(self.crawler.settings))
            for key, value in drops_as_stats(drops).items():
                self.crawler.stats.set_value(key, value)
        self.crawler.vnportal_yield_drops = drops  # type: ignore[attr-defined]
        store.finish_run(run_id, storable_stats(self.crawler.stats.get_stats()), outcome.status, outcome.reason)


class SharedFrontierIdleExtension:
    """With a shared (scrapy-redis) frontier, an idle worker waits for requests that other workers add.

    Scrapy closes a spider as soon as its own scheduler looks empty; in a shared frontier another worker
    may still be parsing a listing page that will add requests. The worker stays open until nothing has
    happened for `VNPORTAL_FRONTIER_IDLE_SECONDS` (the engine re-checks the queue every few seconds).
    """

    def __init__(self, crawler: Crawler, idle_seconds: float) -> None:
        self.idle_seconds = idle_seconds
        self.last_activity = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedFrontierIdleExtension:
        if "scrapy_redis" not in str(crawler.settings.get("SCHEDULER", "")):
            raise NotConfigured
        extension = cls(crawler, crawler.settings.getfloat("VNPORTAL_FRONTIER_IDLE_SECONDS", 6.0))
        for signal in (signals.request_scheduled, signals.response_received, signals.item_scraped):
            crawler.signals.connect(extension.active, signal=signal)
        crawler.signals.connect(extension.idle, signal=signals.spider_idle)
        return extension

    def active(self, *args: Any, **kwargs: Any) -> None:
        self.last_activity = time.monotonic()

    def idle(self, *args: Any, **kwargs: Any) -> None:
        if time.monotonic() - self.last_activity < self.idle_seconds:
            raise DontCloseSpider("the shared frontier may still receive requests from other workers")
