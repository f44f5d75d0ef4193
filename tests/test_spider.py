"""The portal spider's callbacks only route: which links become listing, article and discovery requests."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from crawler.registry import RegistryError, load_registry
from crawler.spiders.portal import PortalSpider

FIXTURES = Path(__file__).parent / "fixtures"
DISCOVERY = FIXTURES / "discovery"
BASE = "http://huyen-son-ha.mirror.test"
SLUG = "demo-huyen-son-ha"
LISTING = f"{BASE}/portal/Pages/tin-tuc.aspx"
STORED = f"{BASE}/portal/Pages/2025-1-28/da-luu-truoc-day.aspx"


def make_spider(**settings: object) -> PortalSpider:
    crawler = get_crawler(PortalSpider, {"VNPORTAL_STORE_ENABLED": False, **settings})
    spider = PortalSpider.from_crawler(crawler, portals=[load_registry().get(SLUG)])
    spider._known[SLUG] = {STORED: datetime(2025, 2, 1, tzinfo=UTC)}
    return spider


def response(path: Path, url: str, cls: type[TextResponse] = HtmlResponse) -> TextResponse:
    return cls(url=url, body=path.read_bytes(), encoding="utf-8", request=Request(url))


def listing_response(url: str = LISTING) -> TextResponse:
    return response(FIXTURES / "spider" / "listing-with-leaks.html", url)


def routed(spider: PortalSpider, stale: int = 0) -> dict[str, set[str]]:
    requests = list(spider.parse_listing(listing_response(), portal_slug=SLUG, stale=stale))
    return {kind: {r.url for r in requests if r.meta["vnportal_kind"] == kind} for kind in ("article", "listing")}


def test_article_links_lose_listing_parameters_and_fragments() -> None:
    article = f"{BASE}/portal/Pages/2025-2-14/hoi-nghi-trien-khai-nhiem-vu-nam-2025.aspx"
    assert routed(make_spider())["article"] == {article}


def test_a_listing_is_walked_page_after_page() -> None:
    assert routed(make_spider())["listing"] == {f"{LISTING}?PageIndex=2"}


def test_other_sites_and_menu_pages_are_not_followed() -> None:
    urls = set().union(*routed(make_spider()).values())
    assert not any("baotinh.example.vn" in url or "van-ban.aspx" in url for url in urls)


def test_a_listing_limit_is_counted_and_said() -> None:
    spider = make_spider(VNPORTAL_MAX_LISTING_PAGES=2)
    spider.listing_pages[SLUG] = 2
    assert routed(spider)["listing"] == set()
    stats = spider.crawler.stats
    assert stats.get_value("vnportal/limit/listing_pages_not_visited") == 1
    assert stats.get_value("vnportal/stopped_at_limit") == "1 listing pages not visited (VNPORTAL_MAX_LISTING_PAGES=2)"


def _stale_of(spider: PortalSpider, stale: int) -> list[int]:
    requests = spider.parse_listing(listing_response(), portal_slug=SLUG, stale=stale)
    return [r.cb_kwargs["stale"] for r in requests if r.meta["vnportal_kind"] == "listing"]


def test_a_page_with_a_new_article_resets_the_look_back() -> None:
    assert _stale_of(make_spider(), stale=2) == [0]


def test_pages_of_stored_articles_end_the_walk_after_the_look_back() -> None:
    spider = make_spider(VNPORTAL_INCREMENTAL_LOOKBACK_PAGES=2)
    spider._known[SLUG][f"{BASE}/portal/Pages/2025-2-14/hoi-nghi-trien-khai-nhiem-vu-nam-2025.aspx"] = datetime.now(UTC)
    assert _stale_of(spider, stale=0) == [1]
    assert _stale_of(spider, stale=1) == [2]
    assert _stale_of(spider, stale=2) == []


def test_start_requests_are_discovery_files_then_the_start_urls() -> None:
    async def collect() -> list[str]:
        return [request.url async for request in make_spider().start()]

    assert asyncio.run(collect()) == [
        f"{BASE}/robots.txt",
        f"{BASE}/sitemap.xml",
        f"{BASE}/portal/Pages/default.aspx",
        LISTING,
    ]


def _article_output(spider: PortalSpider, url: str) -> list[object]:
    page = response(DISCOVERY / "article-with-related.html", url)
    page.request.meta["redirect_urls"] = [f"{BASE}/tin-cu/bai.html"]
    return list(spider.parse_article(page, portal_slug=SLUG))


def test_article_response_becomes_a_page_item_with_its_first_address() -> None:
    url = f"{BASE}/portal/Pages/2025-2-14/bai.aspx"
    item = _article_output(make_spider(), url)[0]
    assert isinstance(item, PageItem)
    assert (item.url, item.final_url, item.status) == (f"{BASE}/tin-cu/bai.html", url, 200)


def test_related_articles_not_stored_yet_are_followed() -> None:
    output = _article_output(make_spider(), f"{BASE}/portal/Pages/2025-2-14/bai.aspx")
    assert {r.url for r in output if isinstance(r, Request)} == {
        f"{BASE}/portal/Pages/2025-2-10/ra-quan-tet-trong-cay.aspx",
        f"{BASE}/portal/Pages/2025-2-3/ky-hop-chuyen-de.aspx",
    }


def test_links_that_nest_their_own_folder_are_refused() -> None:
    spider = make_spider()
    _article_output(spider, f"{BASE}/portal/Pages/2025-2-14/bai.aspx")
    assert spider.crawler.stats.get_value("vnportal/skipped_loop_links") == 1


def _listed(spider: PortalSpider, name: str, url: str, kind: str = "sitemap") -> list[Request]:
    page = response(DISCOVERY / name, url, XmlResponse)
    page.request.meta["vnportal_kind"] = kind
    page.meta.update(page.request.meta)
    return list(spider.parse_listed(page, portal_slug=SLUG))


def test_a_sitemap_index_leads_to_its_sitemaps() -> None:
    requests = _listed(make_spider(), "sitemap-index.xml", f"{BASE}/sitemap_index.xml")
    assert [r.url for r in requests] == [f"{BASE}/post-sitemap1.xml", f"{BASE}/post-sitemap2.xml"]
    assert {r.meta["vnportal_kind"] for r in requests} == {"sitemap"}


def test_a_sitemap_gives_new_and_changed_articles_only() -> None:
    spider = make_spider()
    spider._known[SLUG][f"{BASE}/portal/Pages/2025-1-20/da-luu-va-sua-lai.aspx"] = datetime(2025, 2, 1, tzinfo=UTC)
    requests = _listed(spider, "sitemap.xml", f"{BASE}/post-sitemap1.xml")
    assert [r.url for r in requests] == [
        f"{BASE}/portal/Pages/2025-9-2/le-ky-niem-quoc-khanh.aspx",
        f"{BASE}/portal/Pages/2025-1-20/da-luu-va-sua-lai.aspx",
    ]


@pytest.mark.parametrize("name", ["feed.rss", "feed.atom"])
def test_a_feed_gives_its_articles(name: str) -> None:
    requests = _listed(make_spider(), name, f"{BASE}/portal/_layouts/rss.aspx?List=tin-tuc", kind="feed")
    assert [r.url for r in requests] == [f"{BASE}/portal/Pages/2025-9-2/le-ky-niem-quoc-khanh.aspx"]


def test_a_feed_announced_in_the_page_head_is_read() -> None:
    page = response(DISCOVERY / "article-with-related.html", LISTING)
    requests = list(make_spider().parse_listing(page, portal_slug=SLUG))
    assert [r.url for r in requests if r.meta["vnportal_kind"] == "feed"] == [
        f"{BASE}/portal/_layouts/rss.aspx?List=tin-tuc"
    ]


def test_robots_txt_sitemaps_are_read() -> None:
    requests = list(
        make_spider().parse_robots(
            response(DISCOVERY / "robots.txt", f"{BASE}/robots.txt", TextResponse), portal_slug=SLUG
        )
    )
    assert [r.url for r in requests] == [f"{BASE}/sitemap_index.xml", f"{BASE}/news-sitemap.xml"]


def test_spider_without_a_portal_says_what_to_pass() -> None:
    with pytest.raises(RegistryError, match="-a portal=SLUG"):
        PortalSpider()


def _redirect(location: str) -> list[object]:
    old = f"{BASE}/tin-cu/bai.html"
    response = HtmlResponse(url=old, status=301, headers={"Location": location}, body=b"", request=Request(old))
    return list(make_spider().parse_article(response, portal_slug=SLUG))


def test_an_article_redirect_is_followed_even_to_an_address_seen_before() -> None:
    (request,) = _redirect("/portal/Pages/2025-2-14/bai.aspx")
    assert isinstance(request, Request) and request.dont_filter
    assert request.url == f"{BASE}/portal/Pages/2025-2-14/bai.aspx"
    assert request.meta["vnportal_redirected_from"] == [f"{BASE}/tin-cu/bai.html"]


def test_an_article_redirect_off_the_portal_is_left_to_the_host_check() -> None:
    # the spider follows it; crawler.offsite refuses it like any request (tests/test_offsite.py)
    (request,) = _redirect("https://baotinh.example.vn/tin.html")
    assert isinstance(request, Request) and request.meta["vnportal_portal"] == SLUG
