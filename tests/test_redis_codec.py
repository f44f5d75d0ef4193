"""Frontier entries are data, never code: JSON of the request dict, and only requests this crawler queues."""

from __future__ import annotations

import json

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.redis_codec import BadQueueEntry, decode_request, dumps, encode_request, loads, routing_callbacks
from crawler.registry import load_registry
from crawler.spiders.portal import PortalSpider

BASE = "http://huyen-son-ha.mirror.test"


@pytest.fixture(scope="module")
def spider() -> PortalSpider:
    crawler = get_crawler(PortalSpider)
    return PortalSpider.from_crawler(crawler, portals=[load_registry().get("demo-huyen-son-ha")])


def redirected_article(spider: PortalSpider) -> Request:
    request = spider._article_request(f"{BASE}/portal/Pages/2025-2-14/bai.aspx", spider.portals["demo-huyen-son-ha"])
    request.headers["Referer"] = f"{BASE}/portal/Pages/tin-tuc.aspx"
    request.meta.update(
        {
            "depth": 1,
            "redirect_urls": [f"{BASE}/tin-cu/bai.html"],
            "redirect_times": 1,
            "proxy": "http://127.0.0.1:8123",
            "download_slot": "huyen-son-ha.mirror.test",
            "download_latency": 0.01,
        }
    )
    return request


def entry(**fields: object) -> bytes:
    request = {
        "url": f"{BASE}/a",
        "callback": "parse_article",
        "errback": "on_error",
        "method": "GET",
        "meta": {},
        "cb_kwargs": {"portal_slug": "demo-huyen-son-ha"},
    }
    return json.dumps({**request, **fields}).encode()


def test_a_request_survives_the_round_trip(spider: PortalSpider) -> None:
    original = redirected_article(spider)
    decoded = decode_request(encode_request(original, spider), spider)
    assert (decoded.url, decoded.callback, decoded.errback) == (original.url, spider.parse_article, spider.on_error)
    assert decoded.cb_kwargs == original.cb_kwargs
    assert decoded.headers.getlist("Referer") == [f"{BASE}/portal/Pages/tin-tuc.aspx".encode()]
    assert decoded.meta["redirect_urls"] == [f"{BASE}/tin-cu/bai.html"]


def test_transport_meta_is_left_to_the_worker_that_pops_the_request(spider: PortalSpider) -> None:
    decoded = decode_request(encode_request(redirected_article(spider), spider), spider)
    assert set(decoded.meta) == {"vnportal_kind", "vnportal_portal", "depth", "redirect_urls", "redirect_times"}


def test_entries_are_plain_json_with_bytes_as_base64(spider: PortalSpider) -> None:
    data = json.loads(encode_request(redirected_article(spider), spider))
    assert data["url"].startswith(BASE) and data["body"] == {"$b64": ""}


def test_the_spider_routing_methods_are_the_only_callbacks(spider: PortalSpider) -> None:
    assert routing_callbacks(spider) == {
        "parse_listing",
        "parse_listed",
        "parse_article",
        "parse_robots",
        "parse_first_page",
        "on_error",
    }


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x94.", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (entry(_class="subprocess.Popen", args=["touch", "/tmp/x"]), "unexpected key '_class'"),
        (entry(url="file:///etc/passwd"), r"not an http\(s\) URL"),
        (entry(method="POST"), "is not GET or HEAD"),
        (entry(body={"$b64": "eD0x"}), "body or cookies"),
        (entry(meta={"proxy": "http://attacker.example:3128"}), "meta keys other than crawl state"),
        (entry(meta={"dont_obey_robotstxt": True}), "meta keys other than crawl state"),
        (entry(cb_kwargs={"portal_slug": {"nested": 1}}), "cb_kwargs"),
        (entry(callback="os.system"), "bad callback"),
        (entry(body={"$b64": "not base64!"}), "bad base64"),
    ],
)
def test_anything_but_a_queued_request_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(BadQueueEntry, match=reason):
        loads(data)


@pytest.mark.parametrize("callback", ["close", "start", "_request", "crawler", "parse"])
def test_a_callback_outside_the_routing_methods_is_refused(spider: PortalSpider, callback: str) -> None:
    with pytest.raises(BadQueueEntry, match="not a routing method"):
        decode_request(entry(callback=callback), spider)


def test_dumps_keeps_only_crawl_state_in_meta() -> None:
    data = json.loads(dumps({"url": f"{BASE}/a", "meta": {"vnportal_kind": "article", "proxy": "http://p:1"}}))
    assert data["meta"] == {"vnportal_kind": "article"}
