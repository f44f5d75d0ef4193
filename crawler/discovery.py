"""Where a portal's articles are listed, as real sites write it (pure functions, no Scrapy).

- Listing pages form chains: a section's first page and its numbered pages, whatever the CMS writes
  (`?_101_cur=N`, `?PageIndex=N`, `&page=N`, `/page/N/`, an HTTrack copy's `tin-tuc3b15.html?…_cur=48`).
  `listing_position` names the chain and the page's number in it, so a crawl walks a chain page after page.
- Addresses that nest themselves (`…/en/en/en.html`, a menu link resolved against its own folder) never end:
  `is_loop` refuses them.
- Sitemaps (robots.txt `Sitemap:` lines, /sitemap.xml) and RSS/Atom feeds list articles with their dates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from extractors.page.urls import DROP_PARAMS

# Query parameters that number a listing's pages (Liferay's `_101_INSTANCE_x_cur`, SharePoint's PageIndex, ...)
PAGE_PARAMS = re.compile(r"^(?:\w*_cur|cur|page|pageindex|pagenum|pageno|paged|pg|trang|start|offset)$", re.IGNORECASE)
# Liferay names the paginated portlet in p_p_id on page 2 onwards only: not part of the listing's identity
CHAIN_IGNORED = re.compile(r"^p_p_id$", re.IGNORECASE)
PAGE_IN_PATH = re.compile(r"/(?:page|trang)/(\d+)/?$", re.IGNORECASE)
# HTTrack saves "tin-tuc?…" as "tin-tuc3b15.html?…": four hex digits of a hash before the extension
HTTRACK_NAME = re.compile(r"^(.+?)[0-9a-f]{4}\.html?$")
MAX_LOOP_SEGMENTS = 4
# A print view is another address of an article the page already is or links to ("In ấn", "Bản in")
PRINT_VIEW = re.compile(r"print", re.IGNORECASE)
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
ROBOTS_PATH, SITEMAP_PATH = "/robots.txt", "/sitemap.xml"


@dataclass(frozen=True)
class ListingPosition:
    chain: str  # the listing's address without its page number: every page of one listing shares it
    number: int  # 1 for a listing's first page


def _page_number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def listing_position(url: str) -> ListingPosition:
    parts = urlsplit(url)
    path, number = parts.path, None
    in_path = PAGE_IN_PATH.search(path)
    if in_path:
        number, path = int(in_path.group(1)), path[: in_path.start()] + "/"
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if PAGE_PARAMS.match(key):
            number = _page_number(value) or number
        elif not DROP_PARAMS.match(key) and not CHAIN_IGNORED.match(key):
            query.append((key, value))
    folder, _, name = path.rpartition("/")
    httrack = HTTRACK_NAME.match(name) if parts.query else None
    if httrack:
        path = f"{folder}/{httrack.group(1)}"
    chain = urlunsplit((parts.scheme, parts.netloc.lower(), path.rstrip("/") or "/", urlencode(sorted(query)), ""))
    return ListingPosition(chain, number or 1)


def next_page(current: ListingPosition, candidates: list[str]) -> str | None:
    """The link to the following page of the same listing: the smallest page number above this one."""
    best: tuple[int, str] | None = None
    for url in candidates:
        position = listing_position(url)
        if position.chain == current.chain and position.number > current.number:
            best = min(best, (position.number, url)) if best else (position.number, url)
    return best[1] if best else None


def is_loop(url: str) -> bool:
    """A run of path segments repeated right after itself: `/en/en/`, `/a/b/a/b/`."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for size in range(1, MAX_LOOP_SEGMENTS + 1):
        for start in range(len(segments) - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size]:
                return True
    return False


SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")
# href of every <a>, read from the bytes: no document tree is built (nor kept while the page is extracted)
_ANCHOR_HREF = re.compile(rb"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_BASE_HREF = re.compile(rb"""<base\s[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
LINK_CACHE = 65_536  # menus repeat the same links on every page of a site: resolve each once
FOLLOW, OFFSITE, LOOP, PRINT = "follow", "offsite", "loop", "print"


def anchor_hrefs(body: bytes, encoding: str) -> list[str]:
    """The href of every anchor of an HTML page, entities decoded."""
    hrefs = []
    for match in _ANCHOR_HREF.finditer(body):
        raw = match.group(1) or match.group(2) or match.group(3) or b""
        hrefs.append(html.unescape(raw.decode(encoding, "replace")))
    return hrefs


def base_href(body: bytes, url: str, encoding: str) -> str:
    """The page's <base href> (rare on portals), else its own address."""
    found = _BASE_HREF.search(body, 0, 8192)
    return urljoin(url, html.unescape(found.group(1).decode(encoding, "replace"))) if found else url


def resolve_link(base: str, href: str) -> str | None:
    """The absolute address of a link (fragment dropped), None for javascript:, mailto: and the like."""
    href = href.strip()
    if not href or href.lower().startswith(SKIPPED_SCHEMES):
        return None
    if href.startswith("/") and not href.startswith("//"):  # the same on every page of the site
        parts = urlsplit(base)
        return _resolved(f"{parts.scheme}://{parts.netloc}/", href)
    return _resolved(base, href)


@lru_cache(maxsize=LINK_CACHE)
def _resolved(base: str, href: str) -> str:
    return urldefrag(urljoin(base, href)).url


@lru_cache(maxsize=LINK_CACHE)
def link_verdict(url: str, own_host: str) -> str:
    """Whether a crawl follows a link: on the page's host, not nesting itself, not a print view."""
    if urlsplit(url).netloc != own_host:
        return OFFSITE
    if is_loop(url):
        return LOOP
    return PRINT if is_print_view(url) else FOLLOW


def is_print_view(url: str) -> bool:
    parts = urlsplit(url)
    return bool(PRINT_VIEW.search(parts.path) or PRINT_VIEW.search(parts.query))


@dataclass(frozen=True)
class ListedUrl:
    """An address a sitemap or a feed lists, with the date it gives (None when it gives none)."""

    url: str
    modified: datetime | None = None


def parse_date(text: str | None) -> datetime | None:
    """W3C datetime (sitemaps, Atom) or RFC 822 (RSS); naive dates are taken as UTC."""
    if not text or not text.strip():
        return None
    from email.utils import parsedate_to_datetime

    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _xml_root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip() or child.get("href")
    return None


@dataclass(frozen=True)
class Listed:
    """What a sitemap or feed lists: more sitemaps (an index) or pages."""

    sitemaps: tuple[str, ...] = ()
    pages: tuple[ListedUrl, ...] = ()


def parse_listed(body: bytes, base_url: str) -> Listed:
    """A sitemap index, a sitemap, an RSS or an Atom feed; anything else lists nothing."""
    root = _xml_root(body)
    if root is None:
        return Listed()
    kind = _local(root.tag)
    if kind == "sitemapindex":
        return Listed(sitemaps=tuple(urljoin(base_url, loc) for loc in _locations(root, "sitemap", "loc")))
    if kind == "urlset":
        return Listed(pages=tuple(_entries(root, "url", "loc", "lastmod", base_url)))
    if kind in ("rss", "rdf"):
        return Listed(pages=tuple(_entries(root, "item", "link", "pubdate", base_url)))
    if kind == "feed":
        return Listed(pages=tuple(_atom_entries(root, base_url)))
    return Listed()


def _locations(root: etree._Element, item: str, field: str) -> Iterator[str]:
    for element in root.iter():
        if _local(element.tag) == item:
            value = _child_text(element, field)
            if value:
                yield value


def _entries(root: etree._Element, item: str, link: str, date: str, base_url: str) -> Iterator[ListedUrl]:
    for element in root.iter():
        if _local(element.tag) == item:
            url = _child_text(element, link)
            if url:
                yield ListedUrl(urljoin(base_url, url), parse_date(_child_text(element, date)))


def _atom_entries(root: etree._Element, base_url: str) -> Iterator[ListedUrl]:
    for element in root.iter():
        if _local(element.tag) != "entry":
            continue
        links = [c for c in element if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"]
        if links and links[0].get("href"):
            when = _child_text(element, "updated") or _child_text(element, "published")
            yield ListedUrl(urljoin(base_url, links[0].get("href")), parse_date(when))


def sitemaps_in_robots(body: bytes, base_url: str) -> list[str]:
    urls = []
    for line in body.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            urls.append(urljoin(base_url, value.strip()))
    return urls
