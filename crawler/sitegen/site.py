"""One synthetic portal: its articles, listings and traps, and the page answering each address.

Pages are generated on request from a family's templates (`families/<cms>.toml`) and a seeded writer, so
a site of thousands of articles costs no disk and is identical on every run. `truth()` says what a crawl
should store: every article once (under any of its addresses), and no page that is not an article.
"""

from __future__ import annotations

import hashlib
import html
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, cached_property
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from crawler.mirror import Reply, query_key, route_key
from crawler.sitegen.words import Writer, slugify

PER_PAGE = 20
RELATED = 5
GONE_EVERY = 50  # every Nth article's related list links to an article since deleted
WRAP_COLUMNS = 72
NEWEST = datetime(2025, 9, 30, 16, 30)
# Share of articles of each variant, by the article's index modulo 100.
VARIANTS = (("notice", 4), ("short", 4), ("wrapped", 14), ("portlet", 8), ("repost", 1))
NON_ARTICLE_EVERY = 150  # one document table or teaser page per this many articles
MENU_SECTIONS = (
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Chính quyền",
    "Văn bản",
    "Thủ tục hành chính",
    "Dịch vụ công",
    "Lịch công tác",
    "Hỏi đáp",
    "Liên hệ",
    "Đảng bộ",
    "Mặt trận - Đoàn thể",
    "Quy hoạch",
)


@cache
def family_templates(cms: str) -> dict[str, Any]:
    text = resources.files("crawler.sitegen").joinpath("families", f"{cms}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


COMMON = family_templates("common")
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
XML_TYPE = {"Content-Type": "application/xml; charset=utf-8"}
FAMILIES = ("liferay", "sharepoint-tandan", "wordpress", "dotnetnuke", "fitc-asp")


@dataclass(frozen=True)
class SiteSpec:
    """What to generate: `host` answers for the site; `site` is the path segment some families use."""

    cms: str
    host: str
    articles: int
    seed: int = 1
    site: str = "vidu"
    scheme: str = "http"
    site_name: str = "Cổng thông tin điện tử huyện Ví Dụ"
    unit: str = "huyện Ví Dụ"
    listed_pages: int | None = None  # listings reach back this many pages (older items: sitemap, related)
    unlisted_every: int = 0  # every Nth article is left out of the listings (reachable from related lists)


@dataclass
class Entry:
    """One item of the news list: an article, or a page the CMS lists like one (a document table, a roundup)."""

    index: int
    id: int
    kind: str  # article variant, or "doc-table" / "teasers"
    title: str
    slug: str
    published: datetime
    listed: bool = True
    original: int | None = None  # a re-post: the index of the article it repeats

    @property
    def is_article(self) -> bool:
        return self.kind not in ("doc-table", "teasers")


@dataclass(frozen=True)
class TruthArticle:
    urls: tuple[str, ...]  # every address that shows it (the first is its own)
    kind: str  # "article" | "notice"


@dataclass
class Truth:
    articles: list[TruthArticle] = field(default_factory=list)
    non_articles: list[str] = field(default_factory=list)


def _variant(index: int) -> str:
    slot, start = index % 100, 0
    for name, share in VARIANTS:
        if start <= slot < start + share:
            return name
        start += share
    return "normal"


def hard_wrap(text: str, columns: int = WRAP_COLUMNS) -> str:
    """A newline every ~70 characters, as real bodies are written in the HTML source."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > columns:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


class SyntheticSite:
    def __init__(self, spec: SiteSpec) -> None:
        self.spec = spec
        self.t = family_templates(spec.cms)
        self.urls: dict[str, str] = self.t["urls"]
        self.html: dict[str, str] = self.t["html"]
        self.entries = self._entries()
        self.routes: dict[str, Callable[[], Reply]] = {}
        self._route_all()

    # the news list -----------------------------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        entries: list[Entry] = []
        count = self.spec.articles + self.spec.articles // NON_ARTICLE_EVERY * 2
        for index in range(count):
            writer = Writer(self.spec.seed * 1_000_003 + index)
            published = NEWEST - timedelta(hours=7 * index + index % 5)
            kind = self._kind(index)
            title = writer.notice_headline(published) if kind == "notice" else writer.headline(published)
            if kind == "doc-table":
                title = f"Danh mục văn bản chỉ đạo, điều hành tháng {published.month}/{published.year}"
            elif kind == "teasers":
                title = f"Tổng hợp tin hoạt động tuần {index % 52 + 1} năm {published.year}"
            entry_id = 10_000 + index * 7
            listed = not (self.spec.unlisted_every and index % self.spec.unlisted_every == 3)
            original = index - 1 if kind == "repost" and index else None
            if original is not None:
                title = entries[original].title
            slug = f"{slugify(title)}-{entry_id}"
            entries.append(Entry(index, entry_id, kind, title, slug, published, listed, original))
        return entries

    def _kind(self, index: int) -> str:
        if index % NON_ARTICLE_EVERY == NON_ARTICLE_EVERY - 1:
            return "doc-table"
        if index % NON_ARTICLE_EVERY == NON_ARTICLE_EVERY // 2:
            return "teasers"
        return _variant(index)

    @cached_property
    def listed(self) -> list[Entry]:
        return [e for e in self.entries if e.listed]

    @property
    def pages(self) -> int:
        total = math.ceil(len(self.listed) / PER_PAGE)
        return min(total, self.spec.listed_pages) if self.spec.listed_pages else total

    # addresses -----------------------------------------------------------------------------------------

    def fill(self, template: str, **values: Any) -> str:
        return template.format(site=self.spec.site, **values)

    def article_path(self, entry: Entry, key: str = "article") -> str:
        when = entry.published
        short = entry.slug[:40].rstrip("-")
        return self.fill(
            self.urls[key],
            id=entry.id,
            slug=entry.slug,
            short=short,
            y=when.year,
            m=when.month,
            d=when.day,
            mm=f"{when.month:02d}",
            n=1,
        )

    def link_path(self, entry: Entry) -> str:
        """The address a list links to: long names cut (HTTrack), a listing's parameter leaking in."""
        if "article_cut" in self.urls and entry.index % 3 == 0:
            return self.article_path(entry, "article_cut")
        if "article_leak" in self.urls and entry.index % 4 == 0:
            return self.article_path(entry, "article_leak").replace("PageIndex=1", f"PageIndex={entry.index % 9 + 2}")
        return self.article_path(entry)

    def alias_path(self, entry: Entry) -> str | None:
        """Another address some lists link to (it declares the first as canonical)."""
        if entry.index % 10 == 5 and entry.is_article and "alias" in self.urls:
            return self.article_path(entry, "alias")
        return None

    def addresses(self, entry: Entry) -> list[str]:
        """Every path that serves the entry: its own, the cut name lists link to, an alias."""
        paths = [self.article_path(entry)]
        for key in ("article_cut", "print"):  # a name cut short by HTTrack; the print view every article has
            if key in self.urls:
                paths.append(self.article_path(entry, key))
        alias = self.alias_path(entry)
        return list(dict.fromkeys([*paths, *([alias] if alias else [])]))

    def pager_path(self, number: int) -> str:
        if number == 1:
            return self.fill(self.urls["listing"])
        digest = hashlib.md5(str(number).encode()).hexdigest()[:4]  # HTTrack's file-name suffix
        return self.fill(self.urls["pager"], n=number, hash=digest)

    def absolute(self, path: str) -> str:
        return f"{self.spec.scheme}://{self.spec.host}{path}"

    # ground truth ----------------------------------------------------------------------------------------

    def truth(self) -> Truth:
        truth = Truth()
        if self.soft_404:
            truth.non_articles += [self.absolute(self.gone_path(e)) for e in self.gone_entries]
        aliases: dict[int, list[str]] = {}
        for entry in self.entries:
            if not entry.is_article:
                truth.non_articles += [self.absolute(path) for path in self.addresses(entry)]
                continue
            urls = [self.absolute(path) for path in self.addresses(entry)]
            if entry.original is not None:
                aliases.setdefault(entry.original, []).extend(urls)
                continue
            aliases.setdefault(entry.index, [])[:0] = urls
        for entry in self.entries:
            if entry.is_article and entry.original is None:
                kind = "notice" if entry.kind == "notice" else "article"
                truth.articles.append(TruthArticle(tuple(aliases[entry.index]), kind))
        return truth

    # routing ---------------------------------------------------------------------------------------------

    def _add(self, path: str, page: Callable[[], Reply]) -> None:
        parts = urlsplit(path)
        self.routes[route_key(parts.path, query_key(parts.query))] = page

    def _route_all(self) -> None:
        self._add(self.fill(self.urls["home"]), lambda: self.html_reply(self.home_page()))
        for number in range(1, self.pages + 1):
            self._add(self.pager_path(number), lambda n=number: self.html_reply(self.listing_page(n)))
        for entry in self.entries:
            for path in self.addresses(entry):
                self._add(path, lambda e=entry, p=path: self.entry_reply(e, alias=p == self.alias_path(e)))
        self._add("/robots.txt", self.robots)
        if self.t.get("sitemap"):
            self._add("/sitemap_index.xml", self.sitemap_index)
            for number in range(self.sitemap_files):
                self._add(f"/post-sitemap{number + 1}.xml", lambda n=number: self.sitemap(n))
        if "feed" in self.urls:
            self._add(self.fill(self.urls["feed"]), self.feed)
        if self.soft_404:
            for entry in self.gone_entries:
                self._add(self.gone_path(entry), lambda: self.html_reply(self.page("Thông báo", COMMON["gone"])))

    @property
    def soft_404(self) -> bool:
        """Liferay answers a deleted article's address with 200 and a message in the portlet."""
        return self.spec.cms == "liferay"

    @property
    def gone_entries(self) -> list[Entry]:
        return self.entries[GONE_EVERY // 2 :: GONE_EVERY]

    def gone_path(self, entry: Entry) -> str:
        when = entry.published
        return self.fill(
            self.urls["article"],
            id=entry.id + 3,
            slug="bai-viet-da-go",
            y=when.year,
            m=when.month,
            d=when.day,
            mm=f"{when.month:02d}",
            n=1,
        )

    def reply(self, target: str) -> Reply:
        parts = urlsplit(target)
        page = self.routes.get(route_key(parts.path, query_key(parts.query)))
        if page is None and "article_leak" in self.urls:
            page = self.routes.get(route_key(parts.path, ""))
        if page is None:
            page = self.trap(parts.path, parts.query)
        if page is None:
            return Reply(404, HTML_TYPE, self.page("Không tìm thấy trang", "").encode())
        return page()

    def trap(self, path: str, query: str) -> Callable[[], Reply] | None:
        """Addresses without end: a week calendar's pager, language links that nest."""
        calendar = self.urls.get("calendar")
        if calendar and path == urlsplit(self.fill(calendar, n=1)).path and "_cur=" in query:
            week = int(query.rsplit("_cur=", 1)[1].split("&")[0] or 1)
            return lambda: self.html_reply(self.calendar_page(week))
        language = self.urls.get("language")
        if language and path.endswith(urlsplit(self.fill(language)).path.rsplit("/en/", 1)[-1]) and "/en/" in path:
            return lambda: self.html_reply(self.listing_page(1))
        return None

    # replies ---------------------------------------------------------------------------------------------

    @staticmethod
    def html_reply(text: str) -> Reply:
        return Reply(200, HTML_TYPE, text.encode("utf-8"))

    def entry_reply(self, entry: Entry, alias: bool = False) -> Reply:
        return self.html_reply(self.article_page(entry, alias))

    def robots(self) -> Reply:
        lines = ["User-agent: *", "Disallow: /noi-bo/"]
        if self.t.get("sitemap"):
            lines.append(f"Sitemap: {self.absolute('/sitemap_index.xml')}")
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, ("\n".join(lines) + "\n").encode())

    @property
    def sitemap_files(self) -> int:
        return math.ceil(len(self.entries) / 500)

    def sitemap_index(self) -> Reply:
        items = "".join(
            COMMON["sitemap_index_item"].format(url=self.absolute(f"/post-sitemap{n + 1}.xml"))
            for n in range(self.sitemap_files)
        )
        return Reply(200, XML_TYPE, COMMON["sitemap_index"].format(items=items).encode())

    def sitemap(self, number: int) -> Reply:
        items = "".join(
            COMMON["sitemap_item"].format(
                url=html.escape(self.absolute(self.article_path(e))), lastmod=f"{e.published:%Y-%m-%dT%H:%M:%S}+07:00"
            )
            for e in self.entries[number * 500 : (number + 1) * 500]
        )
        return Reply(200, XML_TYPE, COMMON["sitemap"].format(items=items).encode())

    def feed(self) -> Reply:
        items = "".join(
            COMMON["feed_item"].format(
                title=html.escape(e.title),
                url=html.escape(self.absolute(self.article_path(e))),
                date=f"{e.published:%a, %d %b %Y %H:%M:%S} +0700",
            )
            for e in self.entries[:30]
        )
        body = COMMON["feed"].format(title=html.escape(self.spec.site_name), items=items)
        return Reply(200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body.encode())

    # pages -----------------------------------------------------------------------------------------------

    def page(self, title: str, main: str, head: str = "") -> str:
        return self.html["layout"].format(
            title=html.escape(title),
            head=head,
            main=main,
            menu=self.menu,
            sidebar=self.sidebar,
            site=self.spec.site,
            site_name=html.escape(self.spec.site_name),
            unit=html.escape(self.spec.unit),
        )

    @cached_property
    def menu(self) -> str:
        """A mega menu of ~100 links, as heavy as real portals' menus."""
        items = []
        for number, section in enumerate(MENU_SECTIONS):
            for sub in range(8):
                label = f"{section} - mục {sub + 1}" if sub else section
                url = f"/muc-{number}-{sub}.html"
                items.append(self.t["menu_item"].format(url=url, label=html.escape(label)))
        return "\n".join(items)

    @cached_property
    def sidebar(self) -> str:
        writer = Writer(self.spec.seed)
        docs = "".join(COMMON["sidebar_doc"].format(n=n, document=writer.document(NEWEST)) for n in range(8))
        links = "".join(COMMON["sidebar_link"].format(n=n) for n in range(40))
        calendar = self.urls.get("calendar")
        week = COMMON["sidebar_week"].format(url=html.escape(self.fill(calendar, n=2))) if calendar else ""
        return COMMON["sidebar"].format(docs=docs, links=links, week=week)

    def home_page(self) -> str:
        items = "\n".join(self.item(e) for e in self.listed[:10])
        main = self.html["listing"].format(items=items, pager="", n=1, total=self.pages)
        return self.page(self.spec.site_name, main)

    def item(self, entry: Entry) -> str:
        writer = Writer(self.spec.seed * 1_000_003 + entry.index)
        return self.html["item"].format(
            url=html.escape(self.link_path(entry)),
            title=html.escape(entry.title),
            date=f"{entry.published:%d/%m/%Y}",
            summary=html.escape(writer.summary(entry.published)),
        )

    def listing_page(self, number: int) -> str:
        entries = self.listed[(number - 1) * PER_PAGE : number * PER_PAGE]
        items = "\n".join(self.item(e) for e in entries)
        window = range(max(1, number - 4), min(self.pages, number + 5) + 1)
        links = [
            (self.html["pager_current"] if n == number else self.html["pager_link"]).format(
                url=html.escape(self.pager_path(n)), n=n
            )
            for n in window
        ]
        if number < self.pages:
            links.append(self.html["pager_next"].format(url=html.escape(self.pager_path(number + 1))))
        main = self.html["listing"].format(items=items, pager="\n".join(links), n=number, total=self.pages)
        return self.page(f"Tin tức - Sự kiện - Trang {number} - {self.spec.site_name}", main)

    def calendar_page(self, week: int) -> str:
        rows = "".join(COMMON["calendar_row"].format(day=d + 2, week=week, room=d + 1) for d in range(5))
        pager = "".join(
            COMMON["calendar_link"].format(url=html.escape(self.fill(self.urls["calendar"], n=n)), label=label)
            for n, label in ((week - 1, "Tuần trước"), (week + 1, "Tuần sau"))
            if n >= 1
        )
        return self.page(f"Lịch công tác tuần {week}", COMMON["calendar"].format(rows=rows, pager=pager))

    def related(self, entry: Entry) -> str:
        """The next articles in publication order, some under another of their addresses, one that is gone."""
        items = []
        for step in range(1, RELATED + 1):
            other = self.entries[(entry.index + step) % len(self.entries)]
            path = (self.alias_path(other) or self.link_path(other)) if step == 2 else self.link_path(other)
            if step == RELATED and entry.index % GONE_EVERY == GONE_EVERY // 2:
                path = self.gone_path(entry)
            items.append(
                self.html["related_item"].format(
                    url=html.escape(path), title=html.escape(other.title), date=f"{other.published:%d/%m/%Y}"
                )
            )
        return "\n".join(items)

    def article_page(self, entry: Entry, alias: bool = False) -> str:
        source = self.entries[entry.original] if entry.original is not None else entry
        body = self.body(entry, source)
        canonical = self.absolute(self.article_path(entry))
        head = f'<link href="{html.escape(canonical)}" rel="canonical" />' if alias and "alias" in self.urls else ""
        when = entry.published
        main = self.html["article"].format(
            title=html.escape(entry.title),
            date=f"{when:%d/%m/%Y}",
            time=f"{when:%H:%M}",
            iso=when.isoformat(),
            views=entry.index * 37 % 5000,
            body=body,
            related=self.related(entry),
            id=entry.id,
        )
        if entry.kind == "portlet":  # a notice box above the article, in the family's own markup
            main = self.html.get("notice_box", COMMON["notice_box"]) + main
        return self.page(f"{entry.title} - {self.spec.site_name}", main, head)

    def body(self, entry: Entry, source: Entry) -> str:
        writer = Writer(self.spec.seed * 1_000_003 + source.index)
        writer.headline(source.published)
        when = source.published
        kind = source.kind
        if entry.kind == "doc-table":
            return self.doc_table(writer, when)
        if entry.kind == "teasers":
            return self.teasers(entry)
        if kind == "notice":
            text = f"{writer.sentence(when)} Chi tiết xem tại file đính kèm."
            attachment = self.html["attachment"].format(file=f"tb-{entry.id}.pdf")
            return self.html["paragraph"].format(text=html.escape(text)) + "\n" + attachment
        count = 1 if kind == "short" else 6 + source.index % 5
        paragraphs = writer.paragraphs(when, count)
        lead, rest = writer.paragraph(when, 2), paragraphs
        parts = [self.html["lead"].format(text=self._text(lead, kind))]
        for number, text in enumerate(rest):
            if number == 2 and kind != "short":
                parts.append(self.html["image"].format(slug=source.slug, text=html.escape(writer.sentence(when))))
            parts.append(self.html["paragraph"].format(text=self._text(text, kind)))
        parts.append(self.html["byline"].format(text=html.escape(writer.byline())))
        return "\n".join(parts)

    @staticmethod
    def _text(text: str, kind: str) -> str:
        escaped = html.escape(text, quote=False)
        return hard_wrap(escaped) if kind == "wrapped" else escaped

    def doc_table(self, writer: Writer, when: datetime) -> str:
        rows = "".join(
            COMMON["doc_row"].format(n=n + 1, document=html.escape(writer.document(when))) for n in range(14)
        )
        return COMMON["doc_table"].format(rows=rows)

    def teasers(self, entry: Entry) -> str:
        neighbours = [self.entries[(entry.index + step) % len(self.entries)] for step in range(1, 11)]
        return "\n".join(self.item(other) for other in neighbours)
