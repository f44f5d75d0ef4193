"""One config-driven spider for every portal in the registry: callbacks only route requests.

Where articles are found: listing pages walked page after page (each listing's chain, see
`crawler.discovery`), article links on article pages ("Các tin khác"), sitemaps (robots.txt `Sitemap:`,
/sitemap.xml) and RSS/Atom feeds announced in page heads. A first crawl of a portal is a full backfill; a
later one is incremental: a listing is walked until its pages hold only articles stored before, plus
`VNPORTAL_INCREMENTAL_LOOKBACK_PAGES` pages; links found elsewhere are followed only to articles not stored
yet. Every limit that leaves pages unvisited is counted in the stats (`vnportal/limit/...`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import (
    FEED_TYPES,
    FOLLOW,
    OFFSITE,
    ROBOTS_PATH,
    SITEMAP_PATH,
    ListedUrl,
    anchor_hrefs,
    base_href,
    link_verdict,
    listing_position,
    next_page,
    parse_listed,
    resolve_link,
    sitemaps_in_robots,
)
from crawler.faults import REDIRECT_STATUSES, redirect_problem
from crawler.items import FailureItem, PageItem
from crawler.refusals import SPIDER_REDIRECTS_KEY, RefusedRequest, redirected_from
from crawler.registry import Portal, Registry, RegistryError, detected_portal, load_registry
from crawler.storage import open_store
from extractors.page import detect_cms
from extractors.page.urls import normalise_url

DISCOVERY_KINDS = ("robots", "sitemap", "feed")  # optional sources: a missing one is no failure
PRIORITY = {"robots": 30, "sitemap": 20, "feed": 20, "listing": 10, "article": 0}
LISTING_LIMIT_STAT = "vnportal/limit/listing_pages_not_visited"


def select_portals(registry: Registry, portal: str | None) -> list[Portal]:
    """`portal=all` (real portals), a slug, or comma-separated slugs."""
    if not portal:
        raise RegistryError("say which portal to crawl: -a portal=SLUG (or portal=all); `vnportal portals` lists them")
    if portal == "all":
        return registry.select(demo=False)
    return registry.select([slug.strip() for slug in portal.split(",") if slug.strip()])


class PortalSpider(scrapy.Spider):
    """Walks each portal's listings, sitemaps and feeds and follows article links.

    Arguments: `-a portal=SLUG|all` and optionally `-a registry=PATH` (a portals.toml extending the bundled
    one). The Python API passes `portals=[Portal, ...]` directly (the demo does, with the mirror's addresses).
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
        self.requested: dict[str, set[str]] = {slug: set() for slug in self.portals}  # article URLs, this run
        self.not_visited: set[str] = set()
        self._known: dict[str, dict[str, datetime]] = {}

    # settings --------------------------------------------------------------------------------------------

    @property
    def lookback(self) -> int:
        return self.settings.getint("VNPORTAL_INCREMENTAL_LOOKBACK_PAGES", 2)

    @property
    def max_listing_pages(self) -> int:
        return self.settings.getint("VNPORTAL_MAX_LISTING_PAGES", 0)

    def known(self, slug: str) -> dict[str, datetime]:
        """Addresses earlier crawls stored for the portal (empty without a database)."""
        if slug not in self._known:
            known: dict[str, datetime] = {}
            if self.settings.getbool("VNPORTAL_STORE_ENABLED", True):
                from models.known import known_urls

                known = known_urls(open_store(self.crawler, self.settings.get("VNPORTAL_DB")), slug)
            self._known[slug] = known
        return self._known[slug]

    # requests --------------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for portal in self.portals.values():
            for request in self._start_requests(portal):
                yield request

    def _start_requests(self, portal: Portal) -> Iterator[scrapy.Request]:
        urls = portal.absolute_start_urls()
        if portal.detect_cms:  # the first page tells the CMS, and with it the addresses to follow
            yield self._request(urls[0], portal, "listing", self.parse_first_page, stale=0)
            return
        yield from self._discovery_requests(portal)
        for url in urls:
            yield self._listing_request(url, portal, stale=0)

    def _discovery_requests(self, portal: Portal) -> Iterator[scrapy.Request]:
        for path, callback in ((ROBOTS_PATH, self.parse_robots), (SITEMAP_PATH, self.parse_listed)):
            kind = "robots" if path == ROBOTS_PATH else "sitemap"
            yield self._request(urljoin(portal.base_url, path), portal, kind, callback)

    def _listing_request(self, url: str, portal: Portal, stale: int) -> scrapy.Request | None:
        limit = self.max_listing_pages
        if limit and self.listing_pages[portal.slug] >= limit:
            self._not_visited(url, limit)
            return None
        self.listing_pages[portal.slug] += 1
        return self._request(url, portal, "listing", self.parse_listing, stale=stale)

    def _article_request(self, url: str, portal: Portal) -> scrapy.Request:
        self.requested[portal.slug].add(url)
        request = self._request(url, portal, "article", self.parse_article)
        # an article's redirect is followed here, not by Scrapy: its target may have been fetched already
        # (the duplicate filter would drop it), and the old address must still be stored as the article's
        request.meta.update(dont_redirect=True, handle_httpstatus_list=sorted(REDIRECT_STATUSES))
        return request

    def _request(self, url: str, portal: Portal, kind: str, callback: Any, **cb_kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            cb_kwargs={"portal_slug": portal.slug, **cb_kwargs},
            meta={"vnportal_kind": kind, "vnportal_portal": portal.slug},
            priority=PRIORITY[kind],
        )

    def _not_visited(self, url: str, limit: int) -> None:
        if url in self.not_visited:
            return
        self.not_visited.add(url)
        stats = self.crawler.stats
        stats.inc_value(LISTING_LIMIT_STAT)
        count = stats.get_value(LISTING_LIMIT_STAT)
        stats.set_value(
            "vnportal/stopped_at_limit", f"{count} listing pages not visited (VNPORTAL_MAX_LISTING_PAGES={limit})"
        )

    # links -----------------------------------------------------------------------------------------------

    def _same_site_links(self, response: TextResponse) -> Iterator[str]:
        base = base_href(response.body, response.url, response.encoding)
        own = urlsplit(response.url).netloc
        for href in anchor_hrefs(response.body, response.encoding):
            url = resolve_link(base, href)
            if url is None:
                continue
            verdict = link_verdict(url, own)
            if verdict == FOLLOW:
                yield url
            elif verdict != OFFSITE:
                self.crawler.stats.inc_value(f"vnportal/skipped_{verdict}_links")

    def _new_article(self, url: str, portal: Portal, modified: datetime | None = None) -> bool:
        """Not requested in this run, and not stored by an earlier one (or changed since, says its date)."""
        if url in self.requested[portal.slug]:
            return False
        stored = self.known(portal.slug).get(url)
        return stored is None or (modified is not None and modified > stored)

    def _discovered(self, pages: Iterable[ListedUrl], portal: Portal, source: str) -> Iterator[scrapy.Request]:
        """Articles found outside the listings: only those no crawl has stored yet."""
        for page in pages:
            if portal.is_article_url(page.url):
                url = normalise_url(page.url)
                if self._new_article(url, portal, page.modified):
                    self.crawler.stats.inc_value(f"vnportal/discovered/{source}")
                    yield self._article_request(url, portal)

    # callbacks -------------------------------------------------------------------------------------------

    def parse_first_page(self, response: Response, portal_slug: str, stale: int) -> Iterator[scrapy.Request]:
        """A portal given by its address only: its CMS is read from the first page."""
        portal = self.portals[portal_slug]
        if isinstance(response, TextResponse):
            registry_path = self.settings.get("VNPORTAL_REGISTRY")
            profiles = load_registry(Path(registry_path) if registry_path else None).profiles
            portal = detected_portal(portal, detect_cms(response.text), profiles, response.text)
            self.portals[portal_slug] = portal
            self.crawler.stats.set_value(f"vnportal/detected_cms/{portal_slug}", portal.cms)
        yield from self._discovery_requests(portal)
        for url in portal.absolute_start_urls()[1:]:
            request = self._listing_request(url, portal, stale=0)
            if request is not None:
                yield request
        yield from self.parse_listing(response, portal_slug, stale)

    def parse_listing(self, response: Response, portal_slug: str, stale: int = 0) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("vnportal/listing_not_html")
            return
        portal = self.portals[portal_slug]
        links = list(dict.fromkeys(self._same_site_links(response)))
        articles = [normalise_url(url) for url in links if portal.is_article_url(url)]
        fresh = [url for url in dict.fromkeys(articles) if self._new_article(url, portal)]
        for url in articles:
            yield self._article_request(url, portal)
        yield from self._feeds(response, portal)
        # a listing page with nothing new counts towards the look-back; one with new articles resets it
        stale = 0 if fresh else stale + 1
        if stale > self.lookback:
            self.crawler.stats.inc_value("vnportal/listing_walks_ended_on_known_pages")
            return
        yield from self._listing_links(response.url, [u for u in links if portal.is_listing_url(u)], portal, stale)

    def _listing_links(self, url: str, listings: list[str], portal: Portal, stale: int) -> Iterator[scrapy.Request]:
        """The next page of this listing, and the first pages of other listings (sections, categories)."""
        here = listing_position(url)
        following = next_page(here, listings)
        for link in listings:
            position = listing_position(link)
            if position.chain == here.chain and link != following:
                continue  # the listing's other pages are reached one after another
            request = self._listing_request(link, portal, stale=stale)
            if request is not None:
                yield request

    def _feeds(self, response: TextResponse, portal: Portal) -> Iterator[scrapy.Request]:
        for link in response.xpath("//head/link[@rel='alternate'][@type][@href]"):
            if link.attrib.get("type", "").lower() in FEED_TYPES:
                yield self._request(response.urljoin(link.attrib["href"]), portal, "feed", self.parse_listed)

    def parse_robots(self, response: Response, portal_slug: str) -> Iterator[scrapy.Request]:
        portal = self.portals[portal_slug]
        for url in sitemaps_in_robots(response.body, response.url):
            yield self._request(url, portal, "sitemap", self.parse_listed)

    def parse_listed(self, response: Response, portal_slug: str) -> Iterator[scrapy.Request]:
        """A sitemap (index) or a feed: more sitemaps, and article addresses with their dates."""
        portal = self.portals[portal_slug]
        listed = parse_listed(response.body, response.url)
        for url in listed.sitemaps:
            yield self._request(url, portal, "sitemap", self.parse_listed)
        source = "sitemap" if response.meta.get("vnportal_kind") == "sitemap" else "feed"
        yield from self._discovered(listed.pages, portal, source)

    def parse_article(self, response: Response, portal_slug: str) -> Iterator[PageItem | FailureItem | scrapy.Request]:
        if response.status in REDIRECT_STATUSES:
            yield from self._redirected(response, portal_slug)
            return
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("vnportal/article_not_html")
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        yield PageItem(
            url=(redirected_from(response.request.meta) or [response.url])[0],
            final_url=response.url,
            status=response.status,
            body=response.body,
            portal_slug=portal_slug,
            fetched_at=datetime.now(UTC),
            content_type=content_type,
            http_encoding=response.encoding,
        )
        # "Các tin khác": articles a listing may no longer show
        links = (ListedUrl(url) for url in self._same_site_links(response))
        yield from self._discovered(links, self.portals[portal_slug], "article_links")

    def _redirected(self, response: Response, portal_slug: str) -> Iterator[FailureItem | scrapy.Request]:
        """The article's new address, fetched even when seen before; the page keeps its first address.
        Whether the target's host may be fetched is decided for every request alike (crawler.offsite)."""
        location = response.headers.get("Location", b"").decode("latin-1").strip()
        target = response.urljoin(location) if location else ""
        hops = [*redirected_from(response.request.meta), response.url]
        max_times = self.crawler.settings.getint("REDIRECT_MAX_TIMES")
        problem = redirect_problem(hops, target, max_times) if target else f"HTTP {response.status} without a Location"
        if problem is not None:
            self.crawler.stats.inc_value("vnportal/failures")
            yield FailureItem(url=response.url, portal_slug=portal_slug, reason=str(problem), kind="article")
            return
        request = self._article_request(target, self.portals[portal_slug])
        request.meta[SPIDER_REDIRECTS_KEY] = hops
        yield request.replace(dont_filter=True)

    def on_error(self, failure: Failure) -> Iterator[FailureItem]:
        request = failure.request  # type: ignore[attr-defined]
        kind = request.meta.get("vnportal_kind", "page")
        if failure.check(IgnoreRequest) and not failure.check(HttpError, RefusedRequest):
            # robots.txt and the freshness filter: decisions, not failures (a refusal is recorded)
            self.crawler.stats.inc_value("vnportal/ignored")
            return
        if kind in DISCOVERY_KINDS:
            self.crawler.stats.inc_value(f"vnportal/{kind}_unavailable")
            return
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage() or repr(failure.value)
        self.crawler.stats.inc_value("vnportal/failures")
        portal_slug = request.meta.get("vnportal_portal", "")
        yield FailureItem(url=request.url, portal_slug=portal_slug, reason=reason, kind=kind)
