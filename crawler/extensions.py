"""Crawl extensions: a progress line on the terminal, and idle handling for a shared frontier."""

from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured


class ProgressExtension:
    """Rewrites one status line on stderr when it is a terminal; silent in logs, CI and pipes."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.last = 0.0
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        if not crawler.settings.getbool("VNPORTAL_PROGRESS_ENABLED", True) or not sys.stderr.isatty():
            raise NotConfigured
        extension = cls(crawler, crawler.settings.getfloat("VNPORTAL_PROGRESS_INTERVAL", 2.0))
        crawler.signals.connect(extension.tick, signal=signals.response_received)
        crawler.signals.connect(extension.tick, signal=signals.item_scraped)
        crawler.signals.connect(extension.done, signal=signals.spider_closed)
        return extension

    def line(self) -> str:
        stats = self.crawler.stats
        return (
            f"  {stats.get_value('response_received_count', 0)} pages fetched, "
            f"{stats.get_value('vnportal/articles_stored', 0)} articles stored, "
            f"{stats.get_value('vnportal/failures', 0)} failures, "
            f"{time.monotonic() - self.started:.0f} s"
        )

    def tick(self, *args: Any, **kwargs: Any) -> None:
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            sys.stderr.write("\r" + self.line())
            sys.stderr.flush()

    def done(self, *args: Any, **kwargs: Any) -> None:
        sys.stderr.write("\r" + self.line() + "\n")
        sys.stderr.flush()


class SharedFrontierIdleExtension:
    """With a shared Redis frontier (crawler/frontier.py), an idle worker waits for requests that others add.

    Scrapy closes a spider as soon as its own scheduler looks empty; in a shared frontier another worker
    may still be parsing a listing page that will add requests, or may have died holding requests that
    come back to the queue once its heartbeat expires. The worker stays open until no worker of the
    frontier has done anything for `VNPORTAL_FRONTIER_IDLE_SECONDS` and no silent worker holds requests.
    """

    def __init__(self, crawler: Crawler, idle_seconds: float) -> None:
        self.crawler = crawler
        self.idle_seconds = idle_seconds

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedFrontierIdleExtension:
        if not crawler.settings.get("VNPORTAL_FRONTIER_KEY"):
            raise NotConfigured
        extension = cls(crawler, crawler.settings.getfloat("VNPORTAL_FRONTIER_IDLE_SECONDS", 6.0))
        crawler.signals.connect(extension.idle, signal=signals.spider_idle)
        return extension

    def idle(self, *args: Any, **kwargs: Any) -> None:
        frontier = getattr(self.crawler, "vnportal_frontier", None)
        if frontier is not None and frontier.busy(self.idle_seconds):
            raise DontCloseSpider("the shared frontier may still receive requests from other workers")
