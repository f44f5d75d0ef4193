"""Bare Scrapy following the same links as a `vnportal crawl`: no extraction, no storage (the baseline).

Run by bench_crawl.py: `python benchmarks/bare_crawl.py --allowed FILE --stats FILE URL...`. It fetches the
start URLs, reads every link of every page (HTML anchors, sitemap and feed entries) and follows those
that the full crawl fetched (the `--allowed` list, one URL a line), with the same concurrency settings.
Requests go through `http_proxy` from the environment (the benchmark's local server).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse

from extractors.page.urls import normalise_url

SETTINGS = {
    "ROBOTSTXT_OBEY": True,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "RETRY_TIMES": 0,
    "LOG_LEVEL": "WARNING",
}


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, starts: list[str], allowed: set[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.starts = starts
        self.allowed = allowed

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.starts:
            yield scrapy.Request(url)

    def links(self, response: TextResponse) -> list[str]:
        if b"<?xml" in response.body[:100]:
            return response.xpath("//*[local-name()='loc' or local-name()='link']/text()").getall()
        return response.css("a::attr(href), link[rel=alternate]::attr(href)").getall()

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        for href in self.links(response):
            url = urldefrag(response.urljoin(href.strip())).url
            for candidate in (url, normalise_url(url)):
                if candidate in self.allowed:
                    yield scrapy.Request(candidate)
                    break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allowed", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("starts", nargs="+")
    args = parser.parse_args()
    allowed = set(args.allowed.read_text(encoding="utf-8").split())
    settings = dict(SETTINGS)
    settings.update(pair.split("=", 1) for pair in args.set)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, starts=args.starts, allowed=allowed)
    process.start()
    stats = {k: v for k, v in crawler.stats.get_stats().items() if isinstance(v, int | float | str)}
    args.stats.write_text(json.dumps(stats, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
