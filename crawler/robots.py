"""robots.txt that holds under concurrency: no request goes out before its host's rules are parsed.

Scrapy 2.14.0 to 2.19.0 (and master as of August 2026) lose the rules for the third and later requests
that wait at once for one host's robots.txt. `RobotsTxtMiddleware.robot_parser()` became a coroutine in
2.14.0 (scrapy/scrapy#6802) and since then every waiter awaits the same shared Deferred
(`await maybe_deferred_to_future(parser)`). Awaiting a Deferred adds a callback that returns None, so the
first waiter receives the parser and passes None down the chain: every later waiter gets None, which
`process_request_2()` reads as "no robots.txt" and lets the request through. Scrapy <= 2.13 handed each
waiter its own Deferred (a callback that returned the result) and is not affected. A crawl whose start URLs
include a disallowed page, or a `--jobdir` resume with many requests in flight, fetched disallowed pages.

This middleware replaces Scrapy's (same settings: ROBOTSTXT_OBEY, ROBOTSTXT_PARSER, ROBOTSTXT_USER_AGENT;
same stats keys) and gives every waiter its own Deferred. A robots.txt that cannot be fetched at all
(DNS, connection, refused) is treated as Scrapy treats it: no rules, every path allowed; it is logged and
counted as `vnportal/robots_unavailable`. A robots.txt answered with an HTTP error status is parsed like
any other answer, as Scrapy does (an error page has no rules).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class NoRules:
    """The rules of a host whose robots.txt could not be fetched: everything allowed (Scrapy's behaviour)."""

    def allowed(self, url: str, user_agent: str | bytes) -> bool:
        return True


Rules = RobotParser | NoRules


class RobotsRulesMiddleware:
    """Downloader middleware in place of `scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware`."""

    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.default_user_agent: str = crawler.settings.get("USER_AGENT", "Scrapy")
        self.robots_user_agent: str | None = crawler.settings.get("ROBOTSTXT_USER_AGENT")
        self.parser_class: Any = load_object(crawler.settings.get("ROBOTSTXT_PARSER"))
        self.rules: dict[str, Rules] = {}
        self.waiting: dict[str, list[Deferred[Rules]]] = {}
        self.parser_class.from_crawler(crawler, b"")  # a missing parser dependency fails at start-up

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsRulesMiddleware:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get("dont_obey_robotstxt") or urlparse_cached(request).scheme in ("data", "file"):
            return
        rules = await self.rules_for(request)
        user_agent = self.robots_user_agent or request.headers.get(b"User-Agent") or self.default_user_agent
        if not rules.allowed(request.url, user_agent):
            logger.debug("Forbidden by robots.txt: %s", request)
            self.stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    async def rules_for(self, request: Request) -> Rules:
        netloc = urlparse_cached(request).netloc
        if netloc in self.rules:
            return self.rules[netloc]
        waiter: Deferred[Rules] = Deferred()
        if netloc in self.waiting:
            self.waiting[netloc].append(waiter)  # its own Deferred: nobody else's callback can consume it
        else:
            self.waiting[netloc] = [waiter]
            # fetched on its own, not inside this request's coroutine: the waiters do not depend on it
            deferred_from_coro(self._fetch_rules(request, netloc))
        return await maybe_deferred_to_future(waiter)

    async def _fetch_rules(self, request: Request, netloc: str) -> None:
        url = urlparse_cached(request)
        robots_request = Request(
            f"{url.scheme}://{netloc}/robots.txt",
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True},
            callback=NO_CALLBACK,
        )
        self.stats.inc_value("robotstxt/request_count")
        rules: Rules
        try:
            response = await self._download(robots_request)
            rules = await self._parse(response, request)
        except Exception as error:  # no robots.txt to obey: Scrapy allows everything
            if not isinstance(error, IgnoreRequest):
                self.stats.inc_value(f"robotstxt/exception_count/{type(error)}")
            self.stats.inc_value("vnportal/robots_unavailable")
            logger.warning("robots.txt of %s could not be fetched (%s): no rules to obey", netloc, error)
            rules = NoRules()
        self.rules[netloc] = rules
        for waiter in self.waiting.pop(netloc, []):
            waiter.callback(rules)

    async def _download(self, request: Request) -> Response:
        engine = self.crawler.engine
        if hasattr(engine, "download_async"):  # Scrapy >= 2.14
            return await engine.download_async(request)
        return await maybe_deferred_to_future(engine.download(request))

    async def _parse(self, response: Response, request: Request) -> Rules:
        self.stats.inc_value("robotstxt/response_count")
        self.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        rules = self.parser_class.from_crawler(self.crawler, response.body)
        robots_parsed = getattr(signals, "robots_parsed", None)  # Scrapy >= 2.19
        if robots_parsed is not None:
            await self.crawler.signals.send_catch_log_async(signal=robots_parsed, robotparser=rules, request=request)
        return rules
