"""The bundled demo mirror, served over real HTTP on 127.0.0.1 (no internet)."""

from __future__ import annotations

import json
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest

from crawler.mirror import MirrorServer

MIRROR = Path(__file__).parent / "fixtures" / "mirror"
MANIFEST = json.loads((MIRROR / "manifest.json").read_text(encoding="utf-8"))
PORTALS = sorted(MANIFEST["portals"])
LIFERAY = "phuong-an-khanh"
SHAREPOINT = "huyen-son-ha"
WORDPRESS = "huyen-dong-phu"


@dataclass
class Fetched:
    status: int
    headers: Message
    body: bytes


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, method: str = "GET") -> Fetched:
    request = urllib.request.Request(url, method=method)
    try:
        with OPENER.open(request, timeout=10) as response:
            return Fetched(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer(MIRROR) as server:
        yield server


def portal_url(mirror: MirrorServer, portal: str, path: str) -> str:
    return mirror.base_url(portal) + path


def all_article_paths() -> list[tuple[str, str]]:
    return [(name, a["path"]) for name in PORTALS for a in MANIFEST["portals"][name]["articles"]]


def test_serves_every_portal_with_routes(mirror: MirrorServer) -> None:
    assert sorted(mirror.portals) == PORTALS


def test_each_portal_has_its_own_port(mirror: MirrorServer) -> None:
    bases = {mirror.base_url(name) for name in PORTALS}
    assert len(bases) == len(PORTALS)
    assert all(base.startswith("http://127.0.0.1:") for base in bases)


def test_home_page_is_html(mirror: MirrorServer) -> None:
    reply = fetch(portal_url(mirror, LIFERAY, "/web/an-khanh/trang-chu"))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Tin nổi bật".encode() in reply.body


def test_query_selects_the_listing_page(mirror: MirrorServer) -> None:
    first, second = MANIFEST["portals"][LIFERAY]["listings"][:2]
    page_one = fetch(portal_url(mirror, LIFERAY, first)).body
    page_two = fetch(portal_url(mirror, LIFERAY, second)).body
    assert b"lfr-pagination-buttons" in page_two
    assert page_one != page_two


def test_query_parameter_order_does_not_matter(mirror: MirrorServer) -> None:
    path = "/web/an-khanh/tin-tuc?_101_INSTANCE_list_cur=2&p_p_id=101_INSTANCE_list"
    expected = fetch(portal_url(mirror, LIFERAY, MANIFEST["portals"][LIFERAY]["listings"][1])).body
    assert fetch(portal_url(mirror, LIFERAY, path)).body == expected


def test_unknown_query_is_not_found(mirror: MirrorServer) -> None:
    assert fetch(portal_url(mirror, SHAREPOINT, "/portal/Pages/tin-tuc.aspx?PageIndex=9")).status == 404


def test_redirect_status_and_location(mirror: MirrorServer) -> None:
    redirect = MANIFEST["portals"][WORDPRESS]["redirects"][0]
    reply = fetch(portal_url(mirror, WORDPRESS, redirect["path"]))
    assert reply.status == 301
    assert reply.headers["Location"] == redirect["location"]


def test_robots_txt_is_plain_text(mirror: MirrorServer) -> None:
    reply = fetch(portal_url(mirror, WORDPRESS, "/robots.txt"))
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/plain")


def test_robots_txt_forbids_the_internal_page(mirror: MirrorServer) -> None:
    robots = RobotFileParser()
    robots.parse(fetch(portal_url(mirror, WORDPRESS, "/robots.txt")).body.decode().splitlines())
    forbidden = MANIFEST["portals"][WORDPRESS]["robots_forbidden"][0]
    assert not robots.can_fetch("vnportal", portal_url(mirror, WORDPRESS, forbidden))
    assert robots.can_fetch("vnportal", portal_url(mirror, WORDPRESS, "/chuyen-muc/tin-hoat-dong/"))


def test_robots_forbidden_page_exists_on_the_server(mirror: MirrorServer) -> None:
    forbidden = MANIFEST["portals"][WORDPRESS]["robots_forbidden"][0]
    assert fetch(portal_url(mirror, WORDPRESS, forbidden)).status == 200


def test_missing_article_is_404_with_the_portal_page(mirror: MirrorServer) -> None:
    reply = fetch(portal_url(mirror, WORDPRESS, MANIFEST["portals"][WORDPRESS]["not_found"][0]))
    assert reply.status == 404
    assert "Không tìm thấy trang".encode() in reply.body


def test_head_sends_headers_without_body(mirror: MirrorServer) -> None:
    path = MANIFEST["portals"][SHAREPOINT]["home"]
    head = fetch(portal_url(mirror, SHAREPOINT, path), method="HEAD")
    get = fetch(portal_url(mirror, SHAREPOINT, path))
    assert head.status == 200
    assert head.body == b""
    assert int(head.headers["Content-Length"]) == len(get.body)


def test_legacy_encoded_article_declares_windows_1258(mirror: MirrorServer) -> None:
    article = next(a for a in MANIFEST["portals"][SHAREPOINT]["articles"] if a["encoding"] == "windows-1258")
    reply = fetch(portal_url(mirror, SHAREPOINT, article["path"]))
    assert reply.headers["Content-Type"] == "text/html; charset=windows-1258"
    assert article["title"] in unicodedata.normalize("NFC", reply.body.decode("cp1258"))
    assert article["title"].encode("utf-8") not in reply.body


def test_alias_serves_the_same_article(mirror: MirrorServer) -> None:
    alias = MANIFEST["portals"][LIFERAY]["aliases"][0]
    by_alias = fetch(portal_url(mirror, LIFERAY, alias["path"])).body
    assert by_alias == fetch(portal_url(mirror, LIFERAY, alias["canonical"])).body
    assert f'href="{alias["canonical"]}" rel="canonical"'.encode() in by_alias


@pytest.mark.parametrize(("portal", "path"), all_article_paths())
def test_every_manifest_article_is_served(mirror: MirrorServer, portal: str, path: str) -> None:
    assert fetch(portal_url(mirror, portal, path)).status == 200


@pytest.mark.parametrize("portal", PORTALS)
def test_listings_link_every_article(mirror: MirrorServer, portal: str) -> None:
    entry = MANIFEST["portals"][portal]
    pages = b"".join(fetch(portal_url(mirror, portal, path)).body for path in entry["listings"])
    text = pages.decode("utf-8")
    assert all(f'href="{article["path"]}"' in text for article in entry["articles"])


def test_close_frees_the_ports() -> None:
    server = MirrorServer(MIRROR)
    base = server.base_url(LIFERAY)
    server.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/robots.txt", timeout=2)


def test_root_without_portals_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        MirrorServer(tmp_path)
