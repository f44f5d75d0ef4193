"""Requests the crawler refuses to make: recorded as failures with their reason, unlike other ignored requests."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class RefusedRequest(IgnoreRequest):
    """A request that must not be made (off the portal's hosts, an internal address, a bad queue entry).

    An `IgnoreRequest`, so Scrapy drops it quietly; the spider's errback records it in `crawl_failures`,
    where robots.txt and freshness decisions (plain `IgnoreRequest`) are only counted.
    """


# The spider follows an article's redirects itself (crawler/spiders/portal.py) and keeps the earlier
# addresses here; Scrapy's own `redirect_urls` key is not copied into new requests (Scrapy warns when it is).
SPIDER_REDIRECTS_KEY = "vnportal_redirected_from"


def redirected_from(meta: dict) -> list[str]:
    """The addresses a request was redirected from, oldest first, whoever followed the redirects."""
    return [*meta.get(SPIDER_REDIRECTS_KEY, []), *meta.get("redirect_urls", [])]
