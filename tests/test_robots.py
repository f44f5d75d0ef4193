"""robots.txt rules hold for every request that waits for them, however many wait at once (crawler/robots.py).

Scrapy 2.14.0-2.19.0 hand the third and later waiters no rules; the tests below show it with Scrapy's own
middleware (in process and in a real crawl) and show that the project's middleware never does.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
import scrapy
from faultserver import FaultServer, Page, crawl_command, write_registry
from packaging.version import Version
from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from crawler.robots import RobotsRulesMiddleware
from crawler.spiders.portal import PortalSpider

ROBOTS = b"User-agent: *\nDisallow: /cam/\n"
WAITERS = 12
# The Scrapy releases whose RobotsTxtMiddleware awaits one shared Deferred per host (scrapy/scrapy#6802).
AFFECTED = Version("2.14.0") <= Version(scrapy.__version__)
needs_affected_scrapy = pytest.mark.skipif(not AFFECTED, reason=f"Scrapy {scrapy.__version__} predates the bug")


class SlowEngine:
    """Answers robots.txt only when told to, so every request has to wait for it."""

    def __init__(self, body: bytes = ROBOTS, status: int = 200, error: Exception | None = None) -> None:
        self.released = asyncio.Event()
        self.body, self.status, self.error = body, status, error
        self.fetched: list[str] = []

    async def download_async(self, request: Request) -> TextResponse:
        self.fetched.append(request.url)
        await self.released.wait()
        if self.error is not None:
            raise self.error
        return TextResponse(request.url, status=self.status, body=self.body, request=request)


async def outcomes(middleware_class: type, engine: SlowEngine, paths: list[str]) -> list[str]:
    crawler = get_crawler(PortalSpider, {"ROBOTSTXT_OBEY": True})
    crawler.engine = engine  # type: ignore[assignment]
    middleware = middleware_class.from_crawler(crawler)
    waiting = [asyncio.ensure_future(middleware.process_request(Request(f"http://xa.example.vn{p}"))) for p in paths]
    await asyncio.sleep(0.01)  # every request is now waiting for robots.txt
    engine.released.set()
    results = await asyncio.gather(*waiting, return_exceptions=True)
    return ["forbidden" if isinstance(r, IgnoreRequest) else "let through" for r in results]


def concurrent_outcomes(middleware_class: type, engine: SlowEngine | None = None) -> list[str]:
    return asyncio.run(outcomes(middleware_class, engine or SlowEngine(), [f"/cam/{i}" for i in range(WAITERS)]))


@needs_affected_scrapy
def test_scrapys_middleware_lets_the_third_and_later_waiters_through() -> None:
    # If this fails, Scrapy fixed the bug: update the affected versions in crawler/robots.py and the README.
    assert concurrent_outcomes(RobotsTxtMiddleware) == ["forbidden"] * 2 + ["let through"] * (WAITERS - 2)


def test_every_waiting_request_gets_the_rules() -> None:
    engine = SlowEngine()
    assert concurrent_outcomes(RobotsRulesMiddleware, engine) == ["forbidden"] * WAITERS
    assert engine.fetched == ["http://xa.example.vn/robots.txt"]  # fetched once for all of them


def test_allowed_paths_pass_among_waiters() -> None:
    paths = ["/cam/1", "/tin-tuc", "/cam/2", "/bai/3", "/cam/4"]
    result = asyncio.run(outcomes(RobotsRulesMiddleware, SlowEngine(), paths))
    assert result == ["forbidden", "let through", "forbidden", "let through", "forbidden"]


def test_an_unreachable_robots_txt_allows_everything_and_is_counted() -> None:
    engine = SlowEngine(error=ConnectionRefusedError("connection refused"))
    crawler = get_crawler(PortalSpider, {"ROBOTSTXT_OBEY": True})
    crawler.engine = engine  # type: ignore[assignment]
    middleware = RobotsRulesMiddleware.from_crawler(crawler)

    async def run() -> None:
        engine.released.set()
        await middleware.process_request(Request("http://xa.example.vn/cam/1"))
        await middleware.process_request(Request("http://xa.example.vn/cam/2"))

    asyncio.run(run())
    assert crawler.stats.get_value("vnportal/robots_unavailable") == 1
    assert engine.fetched == ["http://xa.example.vn/robots.txt"]


def test_a_robots_txt_answered_with_an_error_status_is_parsed_like_scrapy() -> None:
    engine = SlowEngine(body=b"<html>Internal Server Error</html>", status=500)
    assert concurrent_outcomes(RobotsRulesMiddleware, engine) == ["let through"] * WAITERS


# --- a real crawl: thirteen start URLs, twelve disallowed, all waiting for one slow robots.txt ------------


def crawl_disallowed_start_urls(workdir: Path, extra: tuple[str, ...] = ()) -> tuple[list[str], dict]:
    # the slow robots.txt keeps every start URL waiting for it, even on a loaded machine
    routes = {
        "/robots.txt": Page(ROBOTS, "text/plain", delay=1.5),
        "/tin-tuc": Page.fixture("listing.html"),
        "/bai/1-hoi-nghi-so-ket": Page.fixture("article.html"),
    }
    routes |= {f"/cam/tin-tuc-{i}": Page.fixture("listing.html") for i in range(1, WAITERS + 1)}
    with FaultServer(routes) as server:
        registry = write_registry(workdir, "robots-registry.toml", portal_port=server.port)
        db = workdir / "robots.db"
        command = crawl_command(registry, db, server.url, "xa-thu-robots", extra=extra)
        result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        hits = server.hits
    with sqlite3.connect(db) as connection:
        (stats,) = connection.execute("SELECT stats FROM crawl_runs").fetchone()
    return [hit for hit in hits if "/cam/" in hit], json.loads(stats)


def test_no_disallowed_start_url_is_fetched_in_a_crawl(tmp_path: Path) -> None:
    fetched, stats = crawl_disallowed_start_urls(tmp_path)
    assert fetched == []
    assert stats["robotstxt/forbidden"] == WAITERS
    assert stats["vnportal/article_pages_stored"] == 1  # the allowed listing was crawled
    assert stats["robotstxt/request_count"] == 1


@needs_affected_scrapy
def test_scrapys_middleware_fetches_disallowed_start_urls_in_a_crawl(tmp_path: Path) -> None:
    stock = {
        "crawler.robots.RobotsRulesMiddleware": None,
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100,
    }
    fetched, _ = crawl_disallowed_start_urls(tmp_path, ("--set", f"DOWNLOADER_MIDDLEWARES={json.dumps(stock)}"))
    assert len(fetched) >= WAITERS - 2
