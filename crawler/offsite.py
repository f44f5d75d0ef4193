"""Every request and every redirect stays on its portal's hosts, and never reaches an internal address.

A portal's hosts are its registry `allowed_domains` (default: the base URL's host and its `www.`/bare
variant). A host matches an entry as in Scrapy's `allowed_domains`: the entry itself or a subdomain of it.
An entry with a port (`127.0.0.1:8001`) matches that host and port only: on an internal host a different
port is a different service. The default pins the port when the base URL's host is itself internal.

Loopback, private, link-local, multicast, reserved and unspecified addresses are refused, written as an
address, as `localhost`, or resolved from a name, unless the portal itself is on one (the demo mirror, tests,
an intranet portal). Names are resolved through the reactor's resolver (a thread, never blocking the
reactor); with Scrapy's DNS cache on (the default) the connection then uses the same cached answer, so a
name cannot resolve to a public address for the check and an internal one for the connection.

Why not Scrapy's `OffsiteMiddleware`: it lets every `dont_filter` request through (listing pages may use
it) and drops off-site redirects silently at scheduling time, leaving no failure row. Refusals here are a
`RefusedRequest` (the spider records it in `crawl_failures`) and a `vnportal/refused/<why>` stats counter.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from crawler.refusals import RefusedRequest, redirected_from

if TYPE_CHECKING:
    from crawler.registry import Portal

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Awaitable[list[str]]]
WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# An `allowed_domains` entry: a host name or address, optionally with a port.
HOST_ENTRY_RE = re.compile(r"^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*)(:\d{1,5})?$")
# RFC 6761: these names are loopback wherever they resolve.
LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


def is_internal(address: IPAddress) -> bool:
    """Not a public unicast address: loopback, private, link-local, multicast, reserved, unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_internal_host(host: str) -> bool:
    """Known internal without resolving: an internal address written out, or a loopback name."""
    host = host.lower().rstrip(".")
    address = literal_address(host)
    if address is not None:
        return is_internal(address)
    return host in LOOPBACK_NAMES or host.endswith(".localhost")


def default_allowed_domains(base_url: str) -> tuple[str, ...]:
    """The base URL's host and its `www.`/bare variant; host and port when the host is internal."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if is_internal_host(host):
        port = parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
        return (f"{host}:{port}" if ":" not in host else f"[{host}]:{port}",)
    variant = host.removeprefix("www.") if host.startswith("www.") else f"www.{host}"
    return (host, variant)


@dataclass(frozen=True)
class HostEntry:
    """One `allowed_domains` entry: a domain (and its subdomains), or an exact host and port."""

    host: str
    port: int | None = None

    @classmethod
    def parse(cls, entry: str) -> HostEntry:
        parts = urlsplit(f"//{entry.strip().lower()}")
        return cls(parts.hostname or "", parts.port)

    def matches(self, host: str, port: int) -> bool:
        if self.port is not None:
            return host == self.host and port == self.port
        return host == self.host or host.endswith(f".{self.host}")


@dataclass(frozen=True)
class PortalHosts:
    """Where one portal's requests may go."""

    entries: tuple[HostEntry, ...]
    base_host: str
    base_is_internal: bool

    @classmethod
    def of(cls, portal: Portal) -> PortalHosts:
        base_host = (urlsplit(portal.base_url).hostname or "").lower()
        return cls(
            entries=tuple(HostEntry.parse(entry) for entry in portal.hosts),
            base_host=base_host,
            base_is_internal=is_internal_host(base_host),
        )

    def allows(self, host: str, port: int) -> bool:
        return any(entry.matches(host, port) for entry in self.entries)

    def describe(self) -> str:
        return ", ".join(entry.host + (f":{entry.port}" if entry.port else "") for entry in self.entries)


async def reactor_resolve(host: str) -> list[str]:
    """The address the connection will use: Scrapy's installed (caching, threaded) resolver."""
    from twisted.internet import reactor

    address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
    return [address]


class PortalHostsMiddleware:
    """Downloader middleware: refuse requests (redirects included) off the portal's hosts or to internal
    addresses. Runs before the robots.txt middleware, so no robots.txt is fetched for a refused host.

    Requests carry their portal in `meta["vnportal_portal"]`; a request without one (robots.txt fetches)
    may go to the hosts of any portal of the crawl.
    """

    def __init__(self, crawler: Crawler, resolve: Resolver = reactor_resolve) -> None:
        self.crawler = crawler
        self.resolve = resolve
        self.hosts: dict[str, PortalHosts] = {}
        self.internal_portals: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PortalHostsMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Any = None) -> None:
        self.use_portals(getattr(self.crawler.spider, "portals", {}).values())

    def use_portals(self, portals: Iterable[Portal]) -> None:
        self.hosts = {portal.slug: PortalHosts.of(portal) for portal in portals}

    async def process_request(self, request: Request, spider: Any = None) -> None:
        url = urlparse_cached(request)
        if url.scheme not in WEB_SCHEMES:
            self._refuse(request, "scheme", f"not a web address ({url.scheme}:)")
        host = (url.hostname or "").lower().rstrip(".")
        port = url.port or DEFAULT_PORTS[url.scheme]
        candidates = self._candidates(request)
        allowing = [hosts for hosts in candidates if hosts.allows(host, port)]
        if not allowing:
            where = "; ".join(hosts.describe() for hosts in candidates) or "no portal"
            self._refuse(request, "offsite", f"off-site host {url.netloc!r} (allowed: {where})")
        if any(hosts.base_is_internal for hosts in allowing):
            return  # the portal itself is on an internal address: its own hosts may be too
        address = await self._internal_address(host, allowing)
        if address is not None:
            self._refuse(request, "internal_address", f"host {host!r} is the internal address {address}")

    def _candidates(self, request: Request) -> list[PortalHosts]:
        slug = request.meta.get("vnportal_portal")
        if slug in self.hosts:
            return [self.hosts[slug]]
        return list(self.hosts.values())

    async def _internal_address(self, host: str, allowing: list[PortalHosts]) -> str | None:
        if is_internal_host(host):
            return host
        if literal_address(host) is not None or any(host == hosts.base_host for hosts in allowing):
            return None  # a public address, or the portal's own name: trusted as configured
        try:
            addresses = await self.resolve(host)
        except Exception:  # an unresolvable name fails at download time with its own error
            return None
        return next((a for a in addresses if (ip := literal_address(a)) is not None and is_internal(ip)), None)

    def _refuse(self, request: Request, why: str, detail: str) -> None:
        self.crawler.stats.inc_value(f"vnportal/refused/{why}")
        hops = redirected_from(request.meta)
        if hops:
            detail += f", redirected from {hops[-1]}"
        logger.warning("refused %s: %s", request.url, detail)
        raise RefusedRequest(f"refused: {detail}")
