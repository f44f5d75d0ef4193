"""The portal registry: portals and per-CMS crawl profiles kept as data (`portals.toml`), validated at start-up.

Adding a portal on a known CMS is a `[[portal]]` entry, not code. Every error names the file, the entry and
the key, and says what is allowed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.cssselect import CSSSelector, SelectorError

from extractors.options import SelectorOverrides

LEVELS = ("city", "district", "town", "ward", "commune", "province")
PORTAL_KEYS = frozenset(
    {"slug", "name", "base_url", "level", "province", "cms", "start_urls", "mirror", "demo", "selectors",
     "article_url_pattern", "listing_url_pattern", "allowed_domains", "notes"}
)
PROFILE_KEYS = frozenset({"article_url_pattern", "listing_url_pattern", "description"})
SELECTOR_KEYS = frozenset({"article", "title", "date", "author", "drop"})
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
DEFAULT_REGISTRY = "portals.toml"


class RegistryError(ValueError):
    """The registry file is invalid; the message names the entry and key to fix."""


@dataclass(frozen=True)
class CmsProfile:
    """How to find articles and listing pages on one CMS family."""

    name: str
    article_url_pattern: re.Pattern[str]
    listing_url_pattern: re.Pattern[str]
    description: str = ""


@dataclass(frozen=True)
class Portal:
    slug: str
    name: str
    base_url: str
    level: str
    province: str
    cms: str
    start_urls: tuple[str, ...]
    article_url_pattern: re.Pattern[str]
    listing_url_pattern: re.Pattern[str]
    selectors: SelectorOverrides = field(default_factory=SelectorOverrides)
    mirror: str | None = None
    demo: bool = False

    @property
    def domain(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def absolute_start_urls(self) -> list[str]:
        return [urljoin(self.base_url.rstrip("/") + "/", url) for url in self.start_urls]

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_url_pattern.search(url))

    def is_listing_url(self, url: str) -> bool:
        return bool(self.listing_url_pattern.search(url))


@dataclass(frozen=True)
class Registry:
    profiles: Mapping[str, CmsProfile]
    portals: tuple[Portal, ...]
    source: str = DEFAULT_REGISTRY

    def get(self, slug: str) -> Portal:
        for portal in self.portals:
            if portal.slug == slug:
                return portal
        known = ", ".join(p.slug for p in self.portals)
        raise RegistryError(f"unknown portal '{slug}'. Known portals: {known}. Run `vnportal portals` to list them.")

    def select(self, slugs: Iterable[str] | None = None, *, demo: bool | None = None) -> list[Portal]:
        """Portals by slug (all when None), optionally only demo or only real ones."""
        chosen = [self.get(s) for s in slugs] if slugs else list(self.portals)
        if demo is not None:
            chosen = [p for p in chosen if p.demo == demo]
        return chosen


def _require(entry: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in entry:
        raise RegistryError(f"{where}: missing key '{key}'")
    value = entry[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise RegistryError(f"{where}: key '{key}' must be a non-empty {kind.__name__}, got {value!r}")
    return value


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise RegistryError(f"{where}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")


def _compile(pattern: str, where: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise RegistryError(f"{where}: key '{key}' is not a valid regular expression: {error}") from None


def _parse_profile(name: str, entry: Mapping[str, Any], source: str) -> CmsProfile:
    where = f"{source}: [cms.{name}]"
    _check_keys(entry, PROFILE_KEYS, where)
    return CmsProfile(
        name=name,
        article_url_pattern=_compile(_require(entry, "article_url_pattern", where), where, "article_url_pattern"),
        listing_url_pattern=_compile(_require(entry, "listing_url_pattern", where), where, "listing_url_pattern"),
        description=str(entry.get("description", "")),
    )


def check_css(selector: Any, where: str, key: str) -> str:
    """A CSS selector the extractors can apply (lxml's cssselect, HTML rules); anything else is a
    registry error: an invalid one would silently match nothing on every page."""
    if not isinstance(selector, str) or not selector.strip():
        raise RegistryError(f"{where}: key '{key}' must be a non-empty CSS selector, got {selector!r}")
    try:
        CSSSelector(selector, translator="html")
    except SelectorError as error:
        raise RegistryError(f"{where}: key '{key}' is not a valid CSS selector ({selector!r}): {error}") from None
    return selector


def check_selectors(selectors: SelectorOverrides, where: str) -> SelectorOverrides:
    """Every selector of an override set is valid CSS (see `check_css`)."""
    for key in ("article", "title", "date", "author"):
        value = getattr(selectors, key)
        if value is not None:
            check_css(value, where, f"selectors.{key}")
    for index, selector in enumerate(selectors.drop):
        check_css(selector, where, f"selectors.drop[{index}]")
    return selectors


def _parse_selectors(entry: Any, where: str) -> SelectorOverrides:
    if entry is None:
        return SelectorOverrides()
    if not isinstance(entry, Mapping):
        raise RegistryError(f"{where}: key 'selectors' must be a table")
    _check_keys(entry, SELECTOR_KEYS, f"{where} selectors")
    drop = entry.get("drop", [])
    if not isinstance(drop, list) or not all(isinstance(s, str) for s in drop):
        raise RegistryError(f"{where}: key 'selectors.drop' must be a list of CSS selectors")
    overrides = SelectorOverrides(
        article=entry.get("article"), title=entry.get("title"), date=entry.get("date"),
        author=entry.get("author"), drop=tuple(drop),
    )
    return check_selectors(overrides, where)


def _parse_portal(index: int, entry: Mapping[str, Any], profiles: Mapping[str, CmsProfile], source: str) -> Portal:
    where = f"{source}: portal #{index + 1} ({entry.get('slug', '?')})"
    _check_keys(entry, PORTAL_KEYS, where)
    slug = _require(entry, "slug", where)
    if not SLUG_RE.match(slug):
        raise RegistryError(f"{where}: key 'slug' must be lower-case letters, digits and '-', got {slug!r}")
    base_url = _require(entry, "base_url", where)
    if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).hostname:
        raise RegistryError(f"{where}: key 'base_url' must be an http(s) address, got {base_url!r}")
    level = _require(entry, "level", where)
    if level not in LEVELS:
        raise RegistryError(f"{where}: key 'level' must be one of {', '.join(LEVELS)}, got {level!r}")
    cms = _require(entry, "cms", where)
    if cms not in profiles:
        raise RegistryError(f"{where}: key 'cms' must name a [cms.*] profile ({', '.join(profiles)}), got {cms!r}")
    start_urls = entry.get("start_urls", ["/"])
    if not isinstance(start_urls, list) or not start_urls or not all(isinstance(u, str) for u in start_urls):
        raise RegistryError(f"{where}: key 'start_urls' must be a non-empty list of addresses or paths")
    profile = profiles[cms]
    article = entry.get("article_url_pattern")
    listing = entry.get("listing_url_pattern")
    return Portal(
        slug=slug,
        name=_require(entry, "name", where),
        base_url=base_url,
        level=level,
        province=_require(entry, "province", where),
        cms=cms,
        start_urls=tuple(start_urls),
        article_url_pattern=_compile(article, where, "article_url_pattern") if article else profile.article_url_pattern,
        listing_url_pattern=_compile(listing, where, "listing_url_pattern") if listing else profile.listing_url_pattern,
        selectors=_parse_selectors(entry.get("selectors"), where),
        mirror=entry.get("mirror"),
        demo=bool(entry.get("demo", False)),
    )


def parse_registry(data: Mapping[str, Any], source: str = DEFAULT_REGISTRY) -> Registry:
    cms_tables = data.get("cms")
    if not isinstance(cms_tables, Mapping) or not cms_tables:
        raise RegistryError(f"{source}: needs at least one [cms.NAME] profile")
    profiles = {name: _parse_profile(name, entry, source) for name, entry in cms_tables.items()}
    entries = data.get("portal", [])
    if not isinstance(entries, list) or not entries:
        raise RegistryError(f"{source}: needs at least one [[portal]] entry")
    portals = tuple(_parse_portal(i, entry, profiles, source) for i, entry in enumerate(entries))
    seen: set[str] = set()
    for portal in portals:
        if portal.slug in seen:
            raise RegistryError(f"{source}: slug '{portal.slug}' is used by two portals")
        seen.add(portal.slug)
    return Registry(profiles=profiles, portals=portals, source=source)


def load_registry(path: Path | None = None) -> Registry:
    """The bundled registry, or the TOML file at `path`."""
    if path is None:
        text = Path(__file__).with_name(DEFAULT_REGISTRY).read_text(encoding="utf-8")
        source = DEFAULT_REGISTRY
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise RegistryError(f"cannot read registry {path}: {error.strerror}") from None
        source = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{source}: not valid TOML: {error}") from None
    return parse_registry(data, source)
