"""Requests the crawler refuses to make: recorded as failures with their reason, unlike other ignored requests."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class RefusedRequest(IgnoreRequest):
    """A request that must not be made (off the portal's hosts, an internal address, a bad queue entry).

    An `IgnoreRequest`, so Scrapy drops it quietly; the spider's errback records it in `crawl_failures`,
    where robots.txt and freshness decisions (plain `IgnoreRequest`) are only counted.
    """
