"""The portal spider's callbacks only route: which links become article and listing requests."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from crawler.registry import RegistryError, load_registry
from crawler.spiders.portal import PortalSpider

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "http://huyen-son-ha.mirror.test"


def make_spider(max_listing_pages: int = 50) -> PortalSpider:
    crawler = get_crawler(PortalSpider, {"VNPORTAL_MAX_LISTING_PAGES": max_listing_pages})
    return PortalSpider.from_crawler(crawler, portals=[load_registry().get("demo-huyen-son-ha")])


def listing_response(url: str = f"{BASE}/portal/Pages/tin-tuc.aspx") -> HtmlResponse:
    body = (FIXTURES / "spider" / "listing-with-leaks.html").read_bytes()
    return HtmlResponse(url=url, body=body, encoding="utf-8", request=Request(url))


def routed(spider: PortalSpider) -> dict[str, set[str]]:
    requests = list(spider.parse_listing(listing_response(), portal_slug="demo-huyen-son-ha"))
    return {
        kind: {r.url for r in requests if r.meta["vnportal_kind"] == kind} for kind in ("article", "listing")
    }


def test_article_links_lose_listing_parameters_and_fragments() -> None:
    article = f"{BASE}/portal/Pages/2025-2-14/hoi-nghi-trien-khai-nhiem-vu-nam-2025.aspx"
    assert routed(make_spider())["article"] == {article}


def test_pagination_links_become_listing_requests() -> None:
    assert routed(make_spider())["listing"] == {
        f"{BASE}/portal/Pages/tin-tuc.aspx",
        f"{BASE}/portal/Pages/tin-tuc.aspx?PageIndex=2",
        f"{BASE}/portal/Pages/tin-tuc.aspx?PageIndex=3",
    }


def test_other_sites_and_menu_pages_are_not_followed() -> None:
    urls = set().union(*routed(make_spider()).values())
    assert not any("baotinh.example.vn" in url or "van-ban.aspx" in url for url in urls)


def test_listing_pages_per_portal_are_bounded() -> None:
    spider = make_spider(max_listing_pages=2)
    spider.listing_pages["demo-huyen-son-ha"] = 1
    assert len(routed(spider)["listing"]) == 1


def test_start_requests_are_the_portal_start_urls() -> None:
    async def collect() -> list[str]:
        return [request.url async for request in make_spider().start()]

    urls = asyncio.run(collect())
    assert urls == [f"{BASE}/portal/Pages/default.aspx", f"{BASE}/portal/Pages/tin-tuc.aspx"]


def test_article_response_becomes_a_page_item_with_its_first_address() -> None:
    url = f"{BASE}/portal/Pages/2025-2-14/bai.aspx"
    request = Request(url, meta={"redirect_urls": [f"{BASE}/tin-cu/bai.html"]})
    response = HtmlResponse(url=url, body=b"<html></html>", encoding="utf-8", request=request)
    (item,) = make_spider().parse_article(response, portal_slug="demo-huyen-son-ha")
    assert isinstance(item, PageItem)
    assert (item.url, item.final_url, item.status) == (f"{BASE}/tin-cu/bai.html", url, 200)


def test_spider_without_a_portal_says_what_to_pass() -> None:
    with pytest.raises(RegistryError, match="-a portal=SLUG"):
        PortalSpider()
