"""Requests and redirects stay on the portal's hosts and never reach internal addresses (crawler/offsite.py)."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from faultserver import FaultServer, Page, Redirect, crawl_command, write_registry
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.offsite import PortalHostsMiddleware, default_allowed_domains, is_internal_host
from crawler.refusals import RefusedRequest
from crawler.registry import RegistryError, load_registry, parse_registry
from crawler.spiders.portal import PortalSpider

PUBLIC = "https://xathuloi.example.gov.vn/"


def portal_entry(**extra: object) -> dict[str, object]:
    return {
        "slug": "xa-thu-loi",
        "name": "Xã Thử Lỗi",
        "base_url": PUBLIC,
        "level": "commune",
        "province": "Tỉnh Thử",
        "cms": "fault",
        **extra,
    }


def registry_of(**extra: object):  # noqa: ANN201 - a Registry
    profile = {"article_url_pattern": "/bai/", "listing_url_pattern": "/tin-tuc"}
    return parse_registry({"cms": {"fault": profile}, "portal": [portal_entry(**extra)]}, "test.toml")


def middleware_for(resolved: dict[str, str] | None = None, **extra: object) -> PortalHostsMiddleware:
    async def resolve(host: str) -> list[str]:
        if resolved is None or host not in resolved:
            raise OSError(f"no address for {host}")
        return [resolved[host]]

    middleware = PortalHostsMiddleware(get_crawler(PortalSpider), resolve=resolve)
    middleware.use_portals(registry_of(**extra).portals)
    return middleware


def refusal(middleware: PortalHostsMiddleware, url: str) -> str | None:
    request = Request(url, meta={"vnportal_portal": "xa-thu-loi"})
    try:
        asyncio.run(middleware.process_request(request))
    except RefusedRequest as refused:
        return str(refused)
    return None


def test_default_hosts_are_the_base_host_and_its_www_variant() -> None:
    assert default_allowed_domains("https://xathuloi.example.gov.vn/") == (
        "xathuloi.example.gov.vn",
        "www.xathuloi.example.gov.vn",
    )
    assert default_allowed_domains("https://www.quan1.example.gov.vn/a") == (
        "www.quan1.example.gov.vn",
        "quan1.example.gov.vn",
    )


def test_an_internal_base_url_pins_its_port() -> None:
    assert default_allowed_domains("http://127.0.0.1:8001/") == ("127.0.0.1:8001",)
    assert default_allowed_domains("http://localhost/") == ("localhost:80",)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "[::1]",
        "[fe80::1]",
        "[::ffff:10.0.0.1]",
        "localhost",
        "portal.localhost",
    ],
)
def test_internal_hosts_are_recognised_without_resolving(host: str) -> None:
    assert is_internal_host(host)


@pytest.mark.parametrize("host", ["8.8.8.8", "xathuloi.example.gov.vn", "[2001:4860::8888]"])
def test_public_hosts_are_not_internal(host: str) -> None:
    assert not is_internal_host(host)


def test_own_hosts_and_subdomains_pass() -> None:
    middleware = middleware_for()
    assert refusal(middleware, "https://xathuloi.example.gov.vn/bai/1") is None
    assert refusal(middleware, "https://www.xathuloi.example.gov.vn/bai/1") is None
    assert refusal(middleware, "http://tin.xathuloi.example.gov.vn/bai/1") is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://other.example.gov.vn/bai/1", "off-site host 'other.example.gov.vn'"),
        ("https://evilxathuloi.example.gov.vn/", "off-site host"),
        ("http://127.0.0.1:6379/", "off-site host '127.0.0.1:6379'"),
        ("http://169.254.169.254/latest/meta-data/", "off-site host"),
        ("file:///etc/passwd", "not a web address (file:)"),
    ],
)
def test_other_hosts_and_schemes_are_refused(url: str, reason: str) -> None:
    assert reason in (refusal(middleware_for(), url) or "")


def test_a_listed_host_resolving_to_an_internal_address_is_refused() -> None:
    middleware = middleware_for(
        {"intranet.xathuloi.example.gov.vn": "10.20.0.5"}, allowed_domains=["xathuloi.example.gov.vn"]
    )
    reason = refusal(middleware, "http://intranet.xathuloi.example.gov.vn/bai/1")
    assert reason is not None and "internal address 10.20.0.5" in reason


def test_a_listed_internal_address_is_refused_when_the_portal_is_public() -> None:
    middleware = middleware_for(allowed_domains=["xathuloi.example.gov.vn", "10.0.0.8"])
    assert "internal address" in (refusal(middleware, "http://10.0.0.8/bai/1") or "")


def test_a_portal_on_an_internal_address_keeps_to_its_port() -> None:
    middleware = middleware_for(base_url="http://127.0.0.1:8001/")
    assert refusal(middleware, "http://127.0.0.1:8001/bai/1") is None
    assert "off-site host '127.0.0.1:6379'" in (refusal(middleware, "http://127.0.0.1:6379/") or "")


def test_a_request_without_a_portal_may_go_to_any_portal_of_the_crawl() -> None:
    middleware = middleware_for()
    asyncio.run(middleware.process_request(Request("https://xathuloi.example.gov.vn/robots.txt")))
    with pytest.raises(RefusedRequest):
        asyncio.run(middleware.process_request(Request("https://other.example.gov.vn/robots.txt")))


def test_refusals_are_counted_by_kind() -> None:
    middleware = middleware_for()
    refusal(middleware, "https://other.example.gov.vn/")
    refusal(middleware, "https://other.example.gov.vn/2")
    assert middleware.crawler.stats.get_value("vnportal/refused/offsite") == 2


@pytest.mark.parametrize("bad", ["https://xathuloi.example.gov.vn/", "xathuloi.example.gov.vn/bai", "a b", "x:port"])
def test_registry_allowed_domains_take_host_names(bad: str) -> None:
    with pytest.raises(RegistryError, match="key 'allowed_domains' takes host names"):
        registry_of(allowed_domains=[bad])


def test_registry_allowed_domains_replace_the_default() -> None:
    (portal,) = registry_of(allowed_domains=["XaThuLoi.example.gov.vn", "cdn.example.vn"]).portals
    assert portal.hosts == ("xathuloi.example.gov.vn", "cdn.example.vn")
    assert load_registry().get("demo-phuong-an-khanh").hosts == (
        "phuong-an-khanh.mirror.test",
        "www.phuong-an-khanh.mirror.test",
    )


# --- a real crawl against the fault server ------------------------------------------------------------


def internal_name() -> str | None:
    """A name (not an address, not `localhost`) that resolves to an internal address on this machine."""
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        return None
    return name if is_internal_host(address) and not is_internal_host(name) else None


@dataclass
class FaultCrawl:
    secret: FaultServer
    portal: FaultServer
    db: Path
    output: str
    internal_name: str | None

    def rows(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.db) as connection:
            return connection.execute(sql).fetchall()


def fault_routes(secret: FaultServer, name: str) -> dict[str, Page | Redirect]:
    return {
        "/robots.txt": Page(b"User-agent: *\nDisallow: /cam/\n", "text/plain"),
        "/tin-tuc": Page.fixture("listing.html"),
        "/bai/1-hoi-nghi-so-ket": Page.fixture("article.html"),
        # each target differs per portal (?via=), or the duplicate filter would drop the second redirect
        "/bai/2-chuyen-sang-trang-khac": Redirect("http://elsewhere.example.vn/bai/2?via={via}"),
        "/bai/3-chuyen-sang-cong-khac": Redirect(f"{secret.url}/bi-mat?via={{via}}"),
        "/bai/4-chuyen-sang-mang-noi-bo": Redirect("http://10.0.0.8/bai/4?via={via}"),
        "/bai/5-chuyen-sang-metadata": Redirect("http://169.254.169.254/latest/meta-data/?via={via}"),
        "/bai/6-chuyen-sang-localhost": Redirect(f"http://localhost:{secret.port}/bi-mat?via={{via}}"),
        "/bai/7-chuyen-sang-ten-noi-bo": Redirect(f"http://{name}:{secret.port}/bi-mat?via={{via}}"),
    }


@pytest.fixture(scope="module")
def fault_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultCrawl]:
    workdir = tmp_path_factory.mktemp("offsite")
    name = internal_name()
    unresolvable = "internal-name.invalid"
    with (
        FaultServer({"/bi-mat": Page.fixture("secret.txt", content_type="text/plain")}) as secret,
        FaultServer(fault_routes(secret, name or unresolvable)) as portal,
    ):
        registry = write_registry(workdir, "registry.toml", portal_port=portal.port, internal_name=name or unresolvable)
        db = workdir / "crawl.db"
        command = crawl_command(registry, db, portal.url, "xa-thu-loi-noi-bo", "xa-thu-loi")
        result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        yield FaultCrawl(secret, portal, db, result.stdout + result.stderr, name)


def test_no_redirect_reached_another_service(fault_crawl: FaultCrawl) -> None:
    assert fault_crawl.secret.hits == []
    assert not any("elsewhere" in hit or "10.0.0.8" in hit for hit in fault_crawl.portal.hits)


def test_the_ordinary_article_is_stored_for_both_portals(fault_crawl: FaultCrawl) -> None:
    urls = {url for (url,) in fault_crawl.rows("SELECT url FROM pages")}
    assert urls == {
        f"http://127.0.0.1:{fault_crawl.portal.port}/bai/1-hoi-nghi-so-ket",
        "http://xa-thu-loi.mirror.test/bai/1-hoi-nghi-so-ket",
    }


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://elsewhere.example.vn/bai/2", "off-site host 'elsewhere.example.vn'"),
        ("http://10.0.0.8/bai/4", "off-site host '10.0.0.8'"),
        ("http://169.254.169.254/latest/meta-data/", "off-site host '169.254.169.254'"),
        ("http://localhost:", "off-site host 'localhost:"),
    ],
)
def test_each_redirect_off_the_site_is_a_recorded_failure(fault_crawl: FaultCrawl, target: str, reason: str) -> None:
    rows = [r for (url, r) in fault_crawl.rows("SELECT url, reason FROM crawl_failures") if url.startswith(target)]
    assert len(rows) == 2, rows  # once per portal
    assert all(reason in row and row.startswith("article: refused:") and "redirected from" in row for row in rows)


def test_a_redirect_to_another_port_of_an_internal_portal_is_refused(fault_crawl: FaultCrawl) -> None:
    internal = f"http://127.0.0.1:{fault_crawl.portal.port}/bai/3-chuyen-sang-cong-khac"
    rows = [r for (r,) in fault_crawl.rows("SELECT reason FROM crawl_failures") if internal in r]
    assert rows and f"off-site host '127.0.0.1:{fault_crawl.secret.port}'" in rows[0]


def test_a_listed_name_resolving_to_an_internal_address_is_refused(fault_crawl: FaultCrawl) -> None:
    if fault_crawl.internal_name is None:
        pytest.skip("this machine's host name does not resolve to an internal address")
    source = "http://xa-thu-loi.mirror.test/bai/7-chuyen-sang-ten-noi-bo"
    rows = [r for (r,) in fault_crawl.rows("SELECT reason FROM crawl_failures") if source in r]
    assert len(rows) == 1 and f"host '{fault_crawl.internal_name}' is the internal address" in rows[0]


def test_refusals_are_counted_in_the_run_stats(fault_crawl: FaultCrawl) -> None:
    ((stats,),) = fault_crawl.rows("SELECT stats FROM crawl_runs")
    counted = json.loads(stats)
    # six redirects per portal; the public portal's last one is internal when a local name resolves so
    assert counted.get("vnportal/refused/internal_address", 0) == (1 if fault_crawl.internal_name else 0)
    assert counted["vnportal/refused/offsite"] == (11 if fault_crawl.internal_name else 12)
