"""One config-driven spider for every portal in the registry: callbacks only route requests."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.items import FailureItem, PageItem
from crawler.refusals import RefusedRequest
from crawler.registry import Portal, Registry, RegistryError, load_registry
from extractors.page.urls import normalise_url

SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


def select_portals(registry: Registry, portal: str | None) -> list[Portal]:
    """`portal=all` (real portals), a slug, or comma-separated slugs."""
    if not portal:
        raise RegistryError("say which portal to crawl: -a portal=SLUG (or portal=all); `vnportal portals` lists them")
    if portal == "all":
        return registry.select(demo=False)
    return registry.select([slug.strip() for slug in portal.split(",") if slug.strip()])


class PortalSpider(scrapy.Spider):
    """Walks each portal's listing pages with their pagination and follows article links.

    Arguments: `-a portal=SLUG|all` and optionally `-a registry=PATH` (another portals.toml). The Python API
    passes `portals=[Portal, ...]` directly (the demo does, with the mirror's local addresses).
    """

    name = "portal"

    def __init__(
        self,
        portal: str | None = None,
        registry: str | None = None,
        portals: list[Portal] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if portals is None:
            loaded = load_registry(Path(registry) if registry else None)
            portals = select_portals(loaded, portal)
        if not portals:
            raise RegistryError("no portal selected: the registry has no portal matching the request")
        self.portals: dict[str, Portal] = {p.slug: p for p in portals}
        self.listing_pages: Counter[str] = Counter()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for portal in self.portals.values():
            for url in portal.absolute_start_urls():
                yield self._listing_request(url, portal)

    def _listing_request(self, url: str, portal: Portal) -> scrapy.Request:
        self.listing_pages[portal.slug] += 1
        return self._request(url, portal, "listing", self.parse_listing)

    def _article_request(self, url: str, portal: Portal) -> scrapy.Request:
        return self._request(url, portal, "article", self.parse_article)

    def _request(self, url: str, portal: Portal, kind: str, callback: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            cb_kwargs={"portal_slug": portal.slug},
            meta={"vnportal_kind": kind, "vnportal_portal": portal.slug},
        )

    def _same_site_links(self, response: TextResponse, portal: Portal) -> Iterator[str]:
        own = urlsplit(response.url).netloc
        for href in response.css("a::attr(href)").getall():
            href = href.strip()
            if not href or href.lower().startswith(SKIPPED_SCHEMES):
                continue
            url = urldefrag(response.urljoin(href)).url
            if urlsplit(url).netloc == own:
                yield url

    def parse_listing(self, response: Response, portal_slug: str) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("vnportal/listing_not_html")
            return
        portal = self.portals[portal_slug]
        limit = self.settings.getint("VNPORTAL_MAX_LISTING_PAGES", 50)
        for url in self._same_site_links(response, portal):
            if portal.is_article_url(url):
                # listing state and tracking parameters leak into article links ("?PageIndex=12"): one
                # article, one request
                yield self._article_request(normalise_url(url), portal)
            elif portal.is_listing_url(url) and self.listing_pages[portal.slug] < limit:
                yield self._listing_request(url, portal)

    def parse_article(self, response: Response, portal_slug: str) -> Iterator[PageItem]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("vnportal/article_not_html")
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        yield PageItem(
            url=response.request.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url,
            status=response.status,
            body=response.body,
            portal_slug=portal_slug,
            fetched_at=datetime.now(UTC),
            content_type=content_type,
            http_encoding=response.encoding,
        )

    def on_error(self, failure: Failure) -> Iterator[FailureItem]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(IgnoreRequest) and not failure.check(HttpError, RefusedRequest):
            # robots.txt and the freshness filter: decisions, not failures (a refusal is recorded)
            self.crawler.stats.inc_value("vnportal/ignored")
            return
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage() or repr(failure.value)
        self.crawler.stats.inc_value("vnportal/failures")
        yield FailureItem(
            url=request.url,
            portal_slug=request.meta.get("vnportal_portal", ""),
            reason=reason,
            kind=request.meta.get("vnportal_kind", "page"),
        )
